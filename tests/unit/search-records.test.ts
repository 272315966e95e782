import { describe, expect, it } from 'vitest';
import { SearchIndexError, searchRecords } from '../../src/integrations/search-records.ts';

/** A built page: site chrome around `body`. */
const page = (body: string, title = '页面 | 展馆') =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title><script>var chrome = 1;</script></head>` +
  `<body><header><nav><a href="/">首页</a></nav></header><main>${body}</main><footer>页脚</footer></body></html>`;

const one = (html: string, path = '/cases/a/') => {
  const records = searchRecords(html, path);
  expect(records).toHaveLength(1);
  return records[0]!;
};

describe('search records read from a built page', () => {
  it('takes the text of the body only, with ignored subtrees, scripts, forms and the like left out', () => {
    const r = one(
      page(
        `<article data-pagefind-body><h1>党建+双拥</h1>` +
          `<p>双拥<span data-pagefind-ignore>（不进索引）</span>工作</p>` +
          `<aside data-pagefind-ignore><p>二维码</p></aside>` +
          `<form><label>输入</label></form><script>var x = "脚本";</script><style>p{}</style>` +
          `<template>模板</template><noscript>无脚本</noscript><svg><text>图形</text></svg></article>` +
          `<p>正文之外</p>`,
      ),
    );
    expect(r.url).toBe('/cases/a/');
    expect(r.content).toBe('党建+双拥. 双拥工作.');
  });

  it('sets blocks apart with a space, and a full stop after one that ends in a letter or digit', () => {
    const r = one(
      page(
        `<article data-pagefind-body>\n  <h2>标题</h2>\n<p>第一段，\n\t有  换行。</p><ul><li>一</li><li>二<br>三</li></ul>` +
          `<p>强<strong>调</strong>不分开</p><p>2022 年</p><p>全角　空格&nbsp;</p><p>A &amp; B &quot;q&quot;</p></article>`,
      ),
    );
    // Text ending in an entity (&quot;) gets no full stop: the rule looks at the HTML as written.
    expect(r.content).toBe('标题. 第一段， 有 换行。 一. 二 三. 强调不分开. 2022 年. 全角 空格 A & B "q"');
  });

  it('reads a definition list as term：description；', () => {
    const r = one(
      page(
        `<article data-pagefind-body><h1>案例</h1><dl class="meta"><div><dt>单位</dt><dd><a href="/units/a/">市纪委监委</a></dd></div>` +
          `<div><dt>年份</dt><dd>2024</dd></div><div><dt>空</dt><dd> </dd></div></dl><p>正文</p></article>`,
      ),
    );
    expect(r.content).toBe('案例. 单位：市纪委监委； 年份：2024； 空： 正文.');
  });

  it('joins the text of several bodies on one page', () => {
    const r = one(page('<div data-pagefind-body>一体</div><p>之间</p><div data-pagefind-body>二体</div>'));
    expect(r.content).toBe('一体. 二体.');
  });

  it('reads meta and filters in every form the site uses, ignored elements included', () => {
    const r = one(
      page(
        `<article data-pagefind-body>` +
          `<span hidden data-pagefind-filter="type[data-value]" data-value="案例"></span>` +
          `<span hidden data-pagefind-filter="tag[data-value]" data-value="双拥"></span>` +
          `<span hidden data-pagefind-filter="tag[data-value]" data-value=" 党建  品牌 "></span>` +
          `<span hidden data-pagefind-meta="year[data-value], date[data-date]" data-value="2023" data-date="2023-05"></span>` +
          `<span hidden data-pagefind-meta="unit:市委 市直机关工委"></span>` +
          `<div data-pagefind-ignore><span data-pagefind-filter="region:福州市"></span>二维码</div>` +
          `<div data-pagefind-ignore="all"><span data-pagefind-filter="region:莆田市"></span>完全排除</div>` +
          `<h1>标题</h1></article>`,
      ),
    );
    expect(r.filters).toEqual({ type: ['案例'], tag: ['双拥', '党建 品牌'], region: ['福州市'] });
    expect(r.meta).toEqual({ title: '标题', year: '2023', date: '2023-05', unit: '市委 市直机关工委' });
    expect(r.content).toBe('标题.');
  });

  it('titles a record by its title meta, else the first h1 in the body with text, else the page title', () => {
    const h1 = `<h1> </h1><h1>第二个 <em>标题</em></h1>`;
    expect(one(page(`<article data-pagefind-body>${h1}</article>`)).meta['title']).toBe('第二个 标题');
    expect(
      one(page(`<article data-pagefind-body><h3 data-pagefind-meta="title">元 标题</h3>${h1}</article>`)).meta['title'],
    ).toBe('元 标题');
    // An h1 outside the body (a site header) is not the record's title.
    expect(one(page(`<h1>站点名</h1><article data-pagefind-body><p>文</p></article>`)).meta['title']).toBe(
      '页面 | 展馆',
    );
  });

  it('makes one record per data-search-record element, at path#id, each with its own meta and filters', () => {
    const records = searchRecords(
      page(
        `<div data-pagefind-body><h1>大事记</h1><ol>` +
          `<li id="m1" data-search-record><span hidden data-pagefind-filter="type[data-value]" data-value="大事记"></span>` +
          `<span hidden data-pagefind-meta="title[data-value]" data-value="联盟成立"></span><h3>联盟成立</h3><p>双拥联盟成立。</p>` +
          `<a href="/cases/a/" data-pagefind-ignore>查看案例</a></li>` +
          `<li id="m2" data-search-record><h3 data-pagefind-meta="title">热线开通</h3><p>热线开通</p></li>` +
          `</ol><p>页面其余部分</p></div>`,
      ),
      '/timeline/',
    );
    expect(records).toEqual([
      {
        url: '/timeline/#m1',
        content: '联盟成立. 双拥联盟成立。',
        meta: { title: '联盟成立' },
        filters: { type: ['大事记'] },
      },
      { url: '/timeline/#m2', content: '热线开通. 热线开通.', meta: { title: '热线开通' }, filters: {} },
    ]);
  });

  it('has no records for a page with nothing marked for search', () => {
    expect(searchRecords(page('<h1>单位名录</h1><p>没有标记。</p>'), '/units/')).toEqual([]);
  });

  it('refuses a record without an id and Pagefind attributes it does not apply', () => {
    expect(() => searchRecords(page('<p data-search-record>无编号</p>'), '/timeline/', 'timeline/index.html')).toThrow(
      /timeline\/index\.html 中有一个 data-search-record 元素没有 id/,
    );
    expect(() =>
      searchRecords(page('<article data-pagefind-body data-pagefind-sort="date:2020">文</article>'), '/a/', 'a.html'),
    ).toThrow(SearchIndexError);
  });
});
