/**
 * Debian packages the tests need beyond npm: installed on demand (as root or with sudo), as
 * CI and a fresh machine may not have them. Each `ensure…` returns at once when already there.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs Debian packages with apt-get (root or sudo). */
export function aptInstall(packages: string[]): void {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`[test] installing ${packages.join(' ')} from Debian…`);
  // Another install on the same machine holds apt's lock for a while: wait for it.
  const apt = `${sudo}env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600`;
  execSync(`${apt} update -qq && ${apt} install -y -qq ${packages.join(' ')}`, { stdio: 'inherit' });
}

/** Full path of a command on PATH or in the usual system folders, if there is one. */
export function which(command: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  return dirs.map((dir) => `${dir}/${command}`).find((path) => path.startsWith('/') && existsSync(path));
}

/** Path of nginx (the server deploy/nginx.conf is written for); installs Debian's nginx when missing. */
export function ensureNginx(): string {
  if (!which('nginx')) aptInstall(['nginx']);
  const found = which('nginx');
  if (!found) throw new Error('No nginx found, and installing Debian nginx failed.');
  return found;
}

/** Path of java (for the Nu Html Checker); installs Debian's default-jre-headless when missing. */
export function ensureJava(): string {
  if (!which('java')) aptInstall(['default-jre-headless']);
  const found = which('java');
  if (!found) throw new Error('No java found, and installing Debian default-jre-headless failed.');
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureNginx(), ensureJava());
