import { dirname, join, resolve } from 'node:path';
import { bodyOf } from './body.ts';
import type { CheckContext } from './check.ts';
import { nearest } from '../utils/nearest.ts';
import { siteRoutes } from './routes.ts';

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/**
 * Links in entry bodies must lead to a page the production build makes: `/cases/<slug>/`,
 * `/halls/<slug>/`, `/units/<id>/`, `/tags/<pinyin>/`, `/timeline/#<milestone id>`, a file in
 * public/, or a relative link to one of those. A link to a draft, which is not published, is a
 * mistake too; so is a link to a Markdown file instead of its page.
 */
export async function checkBodyLinks(ctx: CheckContext): Promise<void> {
  const { problems, root } = ctx;
  const routes = siteRoutes(ctx);
  const candidates = [...routes.pages].filter((p) => p.endsWith('/'));
  const byFile = new Map(ctx.entries.map((e) => [resolve(root, e.file), e]));

  for (const entry of ctx.entries) {
    const body = await bodyOf(entry, problems);
    const pageUrl = `/${entry.collection}/${entry.slug}/`;
    for (const ref of body.references) {
      if (ref.kind !== 'link' || isExternal(ref.url) || ref.url.startsWith('#') || ref.url === '') continue;
      const field = '（正文中的链接）';
      const [pathPart = '', hash] = ref.url.split('#', 2) as [string, string | undefined];
      const cleanPath = pathPart.split('?')[0] ?? '';
      const problem = (found: string, expected: string, suggestion?: string) =>
        problems.push({ file: entry.file, line: ref.line, field, found, expected, suggestion });

      if (/\.mdx?$/i.test(cleanPath) && !cleanPath.startsWith('/')) {
        const target = byFile.get(resolve(dirname(join(root, entry.file)), decodeURI(cleanPath)));
        problem(
          `"${ref.url}" 指向内容文件，而不是网页`,
          '链接写网页地址，例如 /cases/fuzhou/ganbu-yexiao/',
          target ? `改为 /${target.collection}/${target.slug}/` : undefined,
        );
        continue;
      }

      let path: string;
      try {
        path = decodeURI(new URL(cleanPath || pageUrl, `http://site${pageUrl}`).pathname);
      } catch {
        problem(`"${ref.url}"`, '合法的网址');
        continue;
      }
      const isFile = /\.[a-z0-9]+$/i.test(path);
      const page = isFile || path.endsWith('/') ? path : `${path}/`;
      const exists = routes.pages.has(page) || routes.open.some((prefix) => page.startsWith(prefix));
      if (!exists) {
        const draft = routes.drafts.get(page);
        if (draft) {
          problem(
            `"${ref.url}" 指向草稿 ${draft}`,
            '只链接已发布的页面：草稿不会出现在正式网站上',
            `等 ${draft} 改为 draft: false 后再加这个链接`,
          );
          continue;
        }
        const guess = nearest(page, candidates);
        problem(
          `"${ref.url}"（网站上没有这个页面）`,
          '网站上已有的页面，例如 /cases/<文件名>/、/halls/<文件名>/、/units/<单位编号>/、/timeline/',
          guess ? `是否想写 "${guess}"？` : undefined,
        );
        continue;
      }
      const anchors = routes.anchors.get(page);
      if (hash && anchors && !anchors.has(decodeURIComponent(hash))) {
        const guess = nearest(hash, [...anchors]);
        const where =
          page === '/timeline/' ? 'content/timeline.yaml 中的大事编号' : 'content/sources.yaml 中的来源编号';
        problem(
          `"${ref.url}" 中的 #${hash}（页面上没有这个位置）`,
          `# 后面写${where}`,
          guess ? `是否想写 "#${guess}"？` : undefined,
        );
      }
    }
  }
}
