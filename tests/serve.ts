/**
 * Serves the tests' two builds through nginx with deploy/nginx.conf, as a venue would: the root
 * build on `port`, the sub-path build under /zhanguan/ on `subpathPort`. Runs until stopped
 * (Playwright's web server). Every browser test thus sees the real server's headers, gzip,
 * caching and error pages.
 */
import { startNginx } from './gates/nginx.ts';
import { distDir, port, subpath, subpathDistDir, subpathPort } from './site.ts';

const servers = [await startNginx(distDir, port), await startNginx(subpathDistDir, subpathPort, subpath)];
for (const server of servers) console.log(`[serve] nginx with deploy/nginx.conf on ${server.url}`);

const stop = async () => {
  await Promise.all(servers.map((server) => server.stop()));
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// Keep running until stopped.
setInterval(() => undefined, 1 << 30);
