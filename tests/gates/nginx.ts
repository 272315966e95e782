/**
 * Serves a built site through the real nginx with the venue's own configuration,
 * deploy/nginx.conf. Only what differs on a test machine is rewritten: the port, the folder,
 * and — for a build under a sub-path — the locations, which gain the sub-path prefix as the
 * file's own comment tells IT staff to do. Headers, gzip, caching and error pages are kept as
 * written, so the tests see what a visitor of a venue's server gets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureNginx } from '../../scripts/system.ts';

const DEPLOY_CONF = resolve(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf');
/** The folder deploy/nginx.conf serves (its `root`). */
const DEPLOY_ROOT = '/srv/zhanguan/dist';

export interface NginxServer {
  /** Address of the site, with its base path and a trailing slash. */
  url: string;
  /** The server block as nginx ran it (for messages). */
  conf: string;
  stop: () => Promise<void>;
}

/**
 * deploy/nginx.conf's server block for `dist` on `port`, under `base`. Throws when the file no
 * longer has what this rewrites, so a change to it cannot silently go untested.
 */
export function deployedServerBlock(dist: string, port: number, base = '/'): string {
  let conf = readFileSync(DEPLOY_CONF, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`deploy/nginx.conf no longer has ${pattern}`);
    conf = conf.replace(pattern, by);
  };
  replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  // Includes name the built site's own header snippet.
  conf = conf.replaceAll(`${DEPLOY_ROOT}/`, `${resolve(dist)}/`);
  if (base === '/') {
    replace(new RegExp(`root ${DEPLOY_ROOT};`), `root ${resolve(dist)};`);
  } else {
    // A sub-path deployment: the site's folder sits at <root>/zhanguan/, every location and the
    // error page move under the prefix.
    const prefix = base.replace(/\/$/, '');
    replace(new RegExp(`root ${DEPLOY_ROOT};`), `root ${mountParent(dist, base)};`);
    conf = conf.replace(/location (=\s*)?\//g, `location $1${prefix}/`);
    replace(/error_page 404 \//, `error_page 404 ${prefix}/`);
  }
  return conf;
}

const mounts = new Map<string, string>();
/** A folder holding `dist` at the path `base`, as a server's document root would. */
function mountParent(dist: string, base: string): string {
  const key = `${resolve(dist)}|${base}`;
  let parent = mounts.get(key);
  if (!parent) {
    parent = mkdtempSync(join(tmpdir(), 'zg-nginx-root-'));
    symlinkSync(resolve(dist), join(parent, ...base.split('/').filter(Boolean)), 'dir');
    mounts.set(key, parent);
  }
  return parent;
}

/** Starts nginx (installing Debian's when missing) serving `dist` at `base` on `port`. */
export async function startNginx(dist: string, port: number, base = '/'): Promise<NginxServer> {
  const nginx = ensureNginx();
  const scratch = mkdtempSync(join(tmpdir(), 'zg-nginx-'));
  const server = deployedServerBlock(dist, port, base);
  // The main context a distribution's /etc/nginx/nginx.conf would give, in a scratch folder so
  // that no root rights or system paths are needed; the server block is the venue's.
  const main = `daemon off;
worker_processes 1;
pid ${scratch}/nginx.pid;
error_log ${scratch}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path ${scratch}/body;
  proxy_temp_path ${scratch}/proxy;
  fastcgi_temp_path ${scratch}/fastcgi;
  uwsgi_temp_path ${scratch}/uwsgi;
  scgi_temp_path ${scratch}/scgi;
${server}
}
`;
  const confFile = join(scratch, 'nginx.conf');
  writeFileSync(confFile, main);
  const test = spawnSync(nginx, ['-t', '-q', '-p', scratch, '-e', `${scratch}/error.log`, '-c', confFile], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx -t rejects deploy/nginx.conf:\n${test.stderr}\n${server}`);
  const child = spawn(nginx, ['-p', scratch, '-e', `${scratch}/error.log`, '-c', confFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}${base}`;
  // Ready when it answers.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (i > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    conf: server,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
