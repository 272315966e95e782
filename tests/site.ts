/**
 * Where the tests build and serve the site. Each run gets its own port, output folders and
 * cache (from E2E_PORT), so two runs on one machine never share a server or a dist/, and a
 * test run never touches the published dist/.
 */
export const port = Number(process.env['E2E_PORT'] ?? 4321);
export const subpathPort = port + 1;
export const subpath = '/zhanguan/';
/** Root build, published the way `npm run build` publishes. */
export const distDir = `.e2e/${port}/root`;
/** Build deployed under /zhanguan/. */
export const subpathDistDir = `.e2e/${port}/subpath`;
export const rootUrl = `http://127.0.0.1:${port}/`;
export const subpathUrl = `http://127.0.0.1:${subpathPort}${subpath}`;

/**
 * Tag of kiosk tests whose behaviour does not depend on the screen's shape (offline use, touch
 * lockdown, the idle reset's clean-up): they run on the portrait kiosk only, the rest on both.
 */
export const ONE_KIOSK_SCREEN = '@one-kiosk-screen';
