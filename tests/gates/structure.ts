/**
 * Structure and text spacing every page must have in every presentation (issue 14). Used by the
 * gates' walk (walk.spec.ts).
 */

/**
 * Runs in the page: what breaks the structure and spacing every page must have (issue 14): a
 * 跳到正文 link to the main landmark, one banner, main and contentinfo, one h1 and no skipped
 * heading level; body text with a line height of at least 1.5 and paragraphs further apart than
 * the lines inside them (MIIT 适老化 2021, WCAG 1.4.12).
 */
export function structureProblems(): string[] {
  const problems: string[] = [];
  const skip = [...document.querySelectorAll<HTMLAnchorElement>('a[href="#main"]')].find(
    (a) => a.textContent?.trim() === '跳到正文',
  );
  if (!skip || !document.querySelector('main#main')) problems.push('no 跳到正文 link to <main id="main">');
  for (const [selector, role] of [
    ['body > header', 'banner'],
    ['main', 'main'],
    ['body > footer', 'contentinfo'],
  ] as const) {
    const count = document.querySelectorAll(selector).length;
    if (count !== 1) problems.push(`${count} ${role} landmarks`);
  }
  const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter(
    (h) => h.checkVisibility() && !h.closest('[aria-hidden="true"], dialog:not([open])'),
  );
  const h1s = headings.filter((h) => h.tagName === 'H1').length;
  if (h1s !== 1) problems.push(`${h1s} h1 headings`);
  let level = 0;
  for (const heading of headings) {
    const next = Number(heading.tagName[1]);
    if (next > level + 1 && level > 0) {
      problems.push(`heading level skipped: h${level} → h${next} “${heading.textContent?.trim().slice(0, 20)}”`);
    }
    level = next;
  }
  // Reflow (WCAG 1.4.10): larger text wraps, the page never scrolls sideways.
  const { scrollWidth, clientWidth } = document.documentElement;
  if (scrollWidth > clientWidth + 1) problems.push(`the page scrolls sideways: ${scrollWidth} px in ${clientWidth} px`);
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  for (const el of document.querySelectorAll<HTMLElement>('main :is(p, li, dd, blockquote)')) {
    if (!el.checkVisibility() || el.closest('[aria-hidden="true"], .sr-only') || !el.textContent?.trim()) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    // Body text, not display figures or titles set large on purpose.
    if (size > root * 1.4) continue;
    const line = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
    if (line / size < 1.5 - 0.01) {
      problems.push(
        `line height ${(line / size).toFixed(2)} < 1.5: ${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 16)}”`,
      );
    }
  }
  for (const p of document.querySelectorAll<HTMLElement>('main .zg-prose > p + p')) {
    const previous = p.previousElementSibling;
    if (!previous || !p.checkVisibility()) continue;
    const style = getComputedStyle(p);
    const leading = parseFloat(style.lineHeight) - parseFloat(style.fontSize);
    const gap = p.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
    if (gap <= leading) {
      problems.push(
        `paragraph spacing ${gap.toFixed(1)} px ≤ line spacing ${leading.toFixed(1)} px: “${p.textContent?.trim().slice(0, 16)}”`,
      );
    }
  }
  return problems;
}
