/**
 * What the gates watch for while a page is open: requests to other origins, Content-Security-
 * Policy violations, and axe's accessibility violations. One visit of a page can check them all
 * (walk.spec.ts); the gates' own specs use them to prove each check bites.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { NGINX_HEADERS_FILE } from '../../src/integrations/security-headers.ts';
import { distDir, rootUrl } from '../site.ts';

const siteOrigin = new URL(rootUrl).origin;

/**
 * Collects every request to another origin made by pages of this browser context, and every
 * load the Content-Security-Policy blocked before it reached the network. It listens without
 * intercepting: routing every request through the test runner cost the walk about a tenth of
 * its time, and a page that makes such a request fails the gate either way.
 */
export async function watchOutsideRequests(page: Page, current: () => string): Promise<string[]> {
  const outside: string[] = [];
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== siteOrigin)
      outside.push(`${current()} requested ${request.url()} (${request.resourceType()})`);
  });
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

/** axe's rule sets: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe into every document `page` opens from now on, before the page's own scripts run. For
 * a page that is checked on every load (the walk) this costs less than putting it in after the
 * load, as axeResults otherwise does: about 15 ms a page instead of about 40.
 */
export async function installAxe(page: Page): Promise<void> {
  await page.addInitScript(axeSource);
}

/**
 * axe-core's violations on the open page (or inside the element `include` selects): the WCAG A
 * and AA rules and the best practices, and also the rules in `alsoRules` (e.g. the AAA contrast
 * rule for 高对比度) in the same run.
 *
 * axe is put into the page once per document and run there directly. @axe-core/playwright's
 * AxeBuilder puts axe in again on every run and finishes each run in a newly opened blank page
 * (for cross-origin frames, which this site does not have): about 230 ms a run instead of about
 * 80 ms on the built site's pages, and the walk runs over a thousand of them.
 */
export async function axeResults(
  page: Page,
  { include, alsoRules = [] }: { include?: string; alsoRules?: string[] } = {},
): Promise<Result[]> {
  if (page.frames().length > 1) throw new Error(`${page.url()} has frames: axe here checks one document`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: AXE_TAGS },
    rules: Object.fromEntries(alsoRules.map((rule) => [rule, { enabled: true }])),
    // Only violations are needed: skipping the passes' details makes each run much faster.
    resultTypes: ['violations'],
  };
  return page.evaluate(
    async ([selector, runOptions]) => {
      const { axe } = window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } };
      const context = selector ? document.querySelector(selector) : document;
      if (!context) throw new Error(`axe: nothing matches ${selector}`);
      return (await axe.run(context, runOptions)).violations;
    },
    [include, options] as const,
  );
}

/**
 * axe's violations on the open page, each naming the page, the presentation, the rule and up to
 * five elements (see axeResults).
 */
export async function axeViolations(
  page: Page,
  path: string,
  presentation: string,
  alsoRules: string[] = [],
): Promise<string[]> {
  const violations = await axeResults(page, { alsoRules });
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

/** One line per violation: the rule and the elements, for specs that expect none. */
export const axeSummary = (violations: Result[]): string[] =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
