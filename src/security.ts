/**
 * The site's security policy, in one place: the Content-Security-Policy Astro writes into every
 * page as a <meta>, and the HTTP headers the servers send (deploy/nginx.conf, `npm run kiosk`).
 *
 * Scripts run only from the site itself or when their exact text is hashed: no 'unsafe-inline'.
 * Astro hashes the scripts and styles it bundles; the `is:inline` scripts developers write in
 * src/ (e.g. ModeBoot, which must run before first paint) are hashed here. Anything else — a
 * script pasted into a case's MDX, a script from another origin — is blocked by the browser.
 *
 * Node-only (used by astro.config.mjs and the servers, never shipped to the browser).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYER_ORDER } from './styles/layers.ts';

/**
 * Fetch directives every page gets. Everything comes from the site's own origin: the kiosks are
 * offline and a government site must not send visitors' browsers to third parties.
 * (`frame-ancestors` cannot be delivered by <meta>; it is in the header policy only.)
 */
export const cspDirectives = [
  "default-src 'self'",
  // data: for small images Astro or the QR code helper may inline.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind fetches its index; the kiosk service worker fetches pages.
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Script sources besides hashes: the site's own files only. Nothing compiles code at run time:
 * no eval(), and no WebAssembly since the search stopped loading Pagefind's engine.
 */
export const scriptSources = ["'self'"] as const;

/** Directives only a server can send (a <meta> policy ignores them). */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** Security headers for every response (HTML, assets, search index). */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Nothing on the site needs these; fullscreen stays available to the site itself (kiosk).
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), fullscreen=(self)',
};

/** `sha256-…` of a script or style text, as CSP expects it. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;

/**
 * Hashes of the `<script is:inline>` blocks in the .astro files under `dir`. Astro renders their
 * text unchanged, so the hash of the source text is the hash the browser computes.
 * Throws on an inline script with `define:vars` (its text is generated, so it cannot be hashed).
 */
export function inlineScriptHashes(dir: string): string[] {
  const hashes = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.astro')) {
        for (const [, attrs = '', body = ''] of readFileSync(path, 'utf8').matchAll(INLINE_SCRIPT)) {
          if (!/\bis:inline\b/.test(attrs) || /\bsrc=/.test(attrs)) continue;
          if (/type=["'](?!module|text\/javascript)/.test(attrs)) continue; // data blocks (JSON-LD) do not run
          if (/define:vars/.test(attrs)) {
            throw new Error(
              `${path}: <script is:inline define:vars> cannot be allowed by a CSP hash; use data-* attributes.`,
            );
          }
          hashes.add(cspHash(body));
        }
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return [...hashes].sort();
}

/** The `security.csp` setting for astro.config.mjs; `srcDir` is the folder holding the components. */
export function astroCsp(srcDir: string) {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...cspDirectives],
    scriptDirective: {
      resources: [...scriptSources],
      hashes: inlineScriptHashes(srcDir) as `sha256-${string}`[],
    },
    // The layer order is an inline <style> of its own (src/styles/layers.ts).
    styleDirective: { resources: ["'self'"], hashes: [cspHash(LAYER_ORDER)] as `sha256-${string}`[] },
  };
}

/** Content of a page's `<meta http-equiv="content-security-policy">`, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const tag = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  // Two alternatives rather than a back-reference to the opening quote: on a tag of some 2,000
  // hashes' characters that pattern took 0.16 ms a page (0.2 s of a build at 1,000 cases).
  const value = tag ? /content=(?:"([^"]*)"|'([^']*)')/i.exec(tag) : undefined;
  return (value?.[1] ?? value?.[2])?.trim();
}

/** Splits a policy into directive name → sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Serialises directive name → sources back into a policy string. */
export function formatPolicy(policy: Map<string, string[]>): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The header policy for one page: the page's own <meta> policy (exact hashes) plus the
 * header-only directives. Servers that can read the file they send (the kiosk server) use this.
 */
export function headerPolicyForPage(html: string): string | undefined {
  const meta = metaPolicy(html);
  if (!meta) return undefined;
  const policy = parsePolicy(meta);
  for (const directive of headerOnlyDirectives) {
    const [name = '', ...sources] = directive.split(' ');
    policy.set(name, sources);
  }
  return formatPolicy(policy);
}

/**
 * One header policy valid for every page of a built site: the union of the pages' <meta>
 * policies plus the header-only directives. Each page still enforces its own, narrower <meta>
 * policy as well (a browser applies both). Used to write the nginx snippet at build time.
 */
export function sitePolicy(pages: Iterable<string>): string {
  const union = new Map<string, Set<string>>();
  // Most pages share their policy: each distinct one is read once.
  const seen = new Set<string>();
  for (const html of pages) {
    const meta = metaPolicy(html);
    if (!meta || seen.has(meta)) continue;
    seen.add(meta);
    for (const [name, sources] of parsePolicy(meta)) {
      const set = union.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      union.set(name, set);
    }
  }
  const policy = new Map([...union].map(([name, set]) => [name, [...set]]));
  for (const directive of headerOnlyDirectives) {
    const [name = '', ...sources] = directive.split(' ');
    policy.set(name, sources);
  }
  return formatPolicy(policy);
}

/**
 * All headers for an HTML page (security headers + its CSP). For other files use
 * `securityHeaders`.
 */
export function pageHeaders(html: string): Record<string, string> {
  const csp = headerPolicyForPage(html);
  return csp ? { ...securityHeaders, 'Content-Security-Policy': csp } : { ...securityHeaders };
}

/** nginx `add_header` lines for the given policy and the security headers. */
export function nginxHeaders(policy: string): string {
  const lines = Object.entries({ ...securityHeaders, 'Content-Security-Policy': policy }).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  return `# Generated by the build (src/security.ts): do not edit, rebuild instead.\n${lines.join('\n')}\n`;
}
