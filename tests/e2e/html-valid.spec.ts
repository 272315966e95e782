import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { validateHtml } from '../gates/html.ts';
import { distDir } from '../site.ts';

/**
 * Valid HTML gate: the Nu Html Checker (the W3C's reference validator) over every built page
 * reports no error. A failure names the page, the line and the checker's message.
 */
test('every built page is valid HTML by the Nu Html Checker', async () => {
  test.setTimeout(300_000);
  const { errors, files } = await validateHtml(distDir);
  const pages = readdirSync(distDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  expect(files, 'the checker read every page').toBe(pages);
  expect(errors, errors.map((e) => `${e.file}:${e.line ?? '?'}: ${e.message}`).join('\n')).toEqual([]);
});
