/**
 * The kiosk's service worker, in the browser. service-worker.ts bundles this file with esbuild at
 * the end of each build and Workbox's injectManifest puts the precache list in place of
 * `self.__WB_MANIFEST`; `ZG_BASE` is the site's base path, set by the bundler. It does what
 * Workbox's generateSW template did for the same options:
 *
 * - precaches the whole site; a query string is ignored when matching, and `/x/` is answered
 *   with `/x/index.html`;
 * - waits, once installed, until the kiosk's idle reset sends `SKIP_WAITING`, so a deployment
 *   never switches pages under a visitor; then takes control of open pages at once;
 * - removes precaches left by older Workbox versions;
 * - answers a navigation to a page it does not have with the cached 404 page.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const ZG_BASE: string;

/** The worker's global scope, as much of it as this file uses (the DOM types are the project's). */
interface WorkerScope {
  /** Replaced by the precache list at build time: it must be written out as `self.__WB_MANIFEST`. */
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: { data?: { type?: string } }) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void scope.skipWaiting();
});
clientsClaim();
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, {
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
});
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(`${ZG_BASE}404.html`), {
    allowlist: [new RegExp(`^${ZG_BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)],
  }),
);
