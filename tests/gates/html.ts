/**
 * The Nu Html Checker (vnu.jar, the W3C's reference validator) over a built site: every HTML
 * error, by page and line. Java comes from the machine (Debian's default-jre-headless is
 * installed when missing); the checker's own Java downloader is not used.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensureJava } from '../../scripts/system.ts';

const vnuJar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/**
 * CSS the checker does not know yet though browsers do (`line-clamp`, `paint-order`): its
 * “Property … doesn't exist” messages are about its CSS tables, not about our HTML.
 */
const UNKNOWN_CSS_PROPERTY = /^CSS: “[\w-]+”: Property “[\w-]+” doesn't exist\.$/;

export interface HtmlError {
  /** Path of the page inside the built folder, e.g. `timeline/index.html`. */
  file: string;
  line: number | undefined;
  message: string;
}

interface VnuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * Every HTML error in the HTML files under `dir` (warnings and unknown-CSS-property messages
 * aside), and how many files the checker read.
 */
export async function validateHtml(dir: string): Promise<{ errors: HtmlError[]; files: number }> {
  const java = ensureJava();
  const root = resolve(dir);
  // vnu exits 1 when it found errors; its report is on stderr either way.
  const { stdout, stderr } = await promisify(execFile)(
    java,
    ['-Xss8m', '-jar', vnuJar, '--format', 'json', '--skip-non-html', '--errors-only', '--verbose', root],
    { maxBuffer: 256 * 1024 * 1024 },
  ).catch((error: { stderr?: string; stdout?: string }) => ({
    stderr: error.stderr ?? '',
    stdout: error.stdout ?? '',
  }));
  const report = JSON.parse(stderr) as { messages: VnuMessage[] };
  const fileOf = (url = '') => relative(root, fileURLToPath(url.replace(/^file:(?!\/\/)/, 'file://')));
  const errors = report.messages
    .filter((m) => m.type !== 'info' && !UNKNOWN_CSS_PROPERTY.test(m.message))
    .map((m) => ({ file: fileOf(m.url), line: m.lastLine, message: m.message }));
  // --verbose names each file it checked, one a line, on stdout.
  const files = stdout.split('\n').filter((line) => line.endsWith('.html')).length;
  return { errors, files };
}
