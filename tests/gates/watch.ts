/**
 * What the gates watch for while a page is open: requests to other origins, Content-Security-
 * Policy violations, and axe's accessibility violations. One visit of a page can check them all
 * (walk.spec.ts); the gates' own specs use them to prove each check bites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { NGINX_HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { distDir, rootUrl } from '../site.ts';

const siteOrigin = new URL(rootUrl).origin;

/**
 * Collects every request to another origin made by pages of this browser context (and aborts
 * it), and every load the Content-Security-Policy blocked before it reached the network.
 */
export async function watchOutsideRequests(page: Page, current: () => string): Promise<string[]> {
  const outside: string[] = [];
  await page.context().route(
    (url) => !['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== siteOrigin,
    async (route) => {
      outside.push(`${current()} requested ${route.request().url()} (${route.request().resourceType()})`);
      await route.abort('blockedbyclient');
    },
  );
  await page.exposeFunction('__zgBlocked', (uri: string, directive: string) => {
    if (/^(https?|wss?):/.test(uri) && new URL(uri).origin !== siteOrigin) {
      outside.push(`${current()} tried to load ${uri} (blocked by the CSP, ${directive})`);
    }
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __zgBlocked: (u: string, d: string) => void }).__zgBlocked(
        e.blockedURI,
        e.effectiveDirective,
      ),
    );
  });
  return outside;
}

/** Records CSP violations (the DOM event) and console errors that mention the policy. */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.exposeFunction('__zgCspViolation', (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __zgCspViolation: (t: string) => void }).__zgCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}${e.sample ? ` (“${e.sample}”)` : ''} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) found.push(msg.text());
  });
  return found;
}

/** The Content-Security-Policy of the build's nginx snippet (the header nginx sends). */
export function headerPolicy(dist = distDir): string {
  const conf = readFileSync(join(dist, NGINX_HEADERS_FILE), 'utf8');
  const value = /add_header Content-Security-Policy "([^"]+)"/.exec(conf)?.[1];
  if (!value) throw new Error(`${NGINX_HEADERS_FILE} has no Content-Security-Policy`);
  return value;
}

/** axe's rule sets: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations on the open page, each naming the page, the presentation, the rule and up to
 * five elements. `rules` runs those rules instead of the WCAG A and AA sets.
 */
export async function axeViolations(
  page: Page,
  path: string,
  presentation: string,
  rules?: string[],
): Promise<string[]> {
  // Only violations are needed: skipping the passes' details makes each run much faster.
  const builder = rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(TAGS);
  const { violations } = await builder.options({ resultTypes: ['violations'] }).analyze();
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`,
      )
      .join('\n');
    return `${path} [${presentation}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}`;
  });
}
