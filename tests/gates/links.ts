/**
 * Link and image check over a built site folder (linkinator): every internal link, #anchor,
 * image, stylesheet, script and CSS url() in every HTML page must resolve. Links to other sites
 * (the newspapers cited as sources) are not fetched: the check is offline and about our site.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';

export interface BrokenLink {
  /** Site path of the page that holds the link. */
  page: string;
  /** The link target as a site path (with #anchor when the anchor is missing). */
  target: string;
  /** HTTP status, or a reason such as "missing anchor". */
  reason: string;
}

export interface LinkCheckOptions {
  /** Base path the site was built for (`/` or e.g. `/zhanguan/`). */
  base?: string;
  /** Public address the site was built with (SITE_URL); absolute links to it count as internal. */
  site?: string;
  /** Port for linkinator's own static server. */
  port?: number;
  /**
   * Address of a server that already serves `dir` at `base` (e.g. nginx with deploy/nginx.conf);
   * without it linkinator serves the folder itself on `port`.
   */
  server?: string;
}

export interface LinkCheckResult {
  broken: BrokenLink[];
  /** Internal links that were checked (so a run that checked nothing can be told apart). */
  checked: number;
  pages: number;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** HTML files under `dir`, relative, with forward slashes. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((file) => String(file).split(sep).join('/'))
    .filter((file) => file.endsWith('.html'));
}

/** Checks every page of the built site in `dir`, served under `base` as it would be deployed. */
export async function checkLinks(dir: string, options: LinkCheckOptions): Promise<LinkCheckResult> {
  const base = options.base ?? '/';
  const site = new URL(options.site ?? 'http://127.0.0.1:4321').origin;
  const origin = options.server ? new URL(options.server).origin : `http://127.0.0.1:${options.port ?? 0}`;
  // Serve the folder at its base path, so a link that forgets the base is broken here too.
  let root = resolve(dir);
  let scratch: string | undefined;
  if (base !== '/' && !options.server) {
    scratch = mkdtempSync(join(tmpdir(), 'zg-links-'));
    const mount = join(scratch, ...base.split('/').filter(Boolean));
    symlinkSync(root, mount, 'dir');
    root = scratch;
  }
  const sitePrefix = new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
  try {
    const checker = new LinkChecker();
    const pages = new Set<string>();
    checker.on('pagestart', (url: string) => pages.add(url));
    const where = options.server
      ? { path: htmlFiles(root).map((file) => new URL(file.replace(/(^|\/)index\.html$/, '$1'), options.server).href) }
      : { path: [`${base.slice(1)}**/*.html`], serverRoot: root, ...(options.port ? { port: options.port } : {}) };
    const result = await checker.check({
      ...where,
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 8,
      timeout: 30_000,
      // A busy machine may drop a connection to the local server; that is not a broken link.
      retryErrors: true,
      retryErrorsCount: 3,
      retryErrorsJitter: 500,
      // Absolute links to the configured site address (canonical, og:url) are ours too.
      urlRewriteExpressions: [{ pattern: sitePrefix, replacement: `${origin}/` }],
      linksToSkip: async (link: string) =>
        ABSOLUTE.test(link) && !link.startsWith(`${origin}/`) && !sitePrefix.test(link),
    });
    const toPath = (url: string | undefined) =>
      url
        ? url
            .replace(`${origin}`, '')
            .replace(sitePrefix, '/')
            .replace(/^(?!\/)/, '/')
            .replace(/\/index\.html$/, '/')
        : '?';
    const broken: BrokenLink[] = result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => ({
        page: link.parent ? toPath(link.parent) : '(start page)',
        target: toPath(link.url),
        reason:
          link.status === 200 && link.url.includes('#')
            ? 'no element with this id'
            : link.status
              ? `HTTP ${link.status}`
              : String(link.failureDetails?.[0] ?? 'unreachable'),
      }));
    const checked = result.links.filter((link) => link.state === LinkState.OK).length;
    return { broken, checked, pages: pages.size };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/** One line per broken link: page, target, reason. */
export function formatBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `page ${b.page}: ${b.target} is broken (${b.reason})`).join('\n');
}
