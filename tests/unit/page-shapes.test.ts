import { describe, expect, it } from 'vitest';
import { onePerShape, pageShape } from '../gates/shapes.ts';
import { tempSite } from './temp-files.ts';

const page = (h1: string, body: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><head><title>${h1}</title></head><body><main><h1>${h1}</h1>${body}</main></body></html>`;
const card = (title: string, cover = false) =>
  `<li class="card">${cover ? '<img class="cover" src="/a.webp" alt="封面">' : ''}<a href="/cases/${title}/">${title}</a></li>`;

describe('one page of each structure (the walk’s other presentations)', () => {
  it('pages that differ only in text, links and the number of repeated items share a structure', () => {
    const one = pageShape(page('标签：红色', `<ul class="list">${card('甲')}${card('乙')}</ul>`));
    const other = pageShape(page('标签：党建引领', `<ul class="list">${card('丙')}</ul>`));
    expect(one.shape).toBe(other.shape);
    expect(one.heading).toBe(5);
    expect(other.heading).toBe(7);
  });

  it('another element, class, role or data attribute is another structure', () => {
    const base = pageShape(page('标签', `<ul class="list">${card('甲')}</ul>`)).shape;
    for (const body of [
      `<ul class="list">${card('甲', true)}</ul>`,
      `<ul class="list wide">${card('甲')}</ul>`,
      `<ul class="list" role="list">${card('甲')}</ul>`,
      `<ul class="list" data-tone="red">${card('甲')}</ul>`,
      `<ol class="list">${card('甲')}</ol>`,
    ])
      expect(pageShape(page('标签', body)).shape, body).not.toBe(base);
  });

  it('keeps every page of its own structure, and of a shared one the most text and the longest heading', () => {
    const dir = tempSite({
      'index.html': page('首页', '<section class="hero"><p>欢迎</p></section>'),
      'tags/a/index.html': page('标签：红', `<ul class="list">${card('甲')}</ul>`),
      'tags/b/index.html': page('标签：很长很长的标签名', `<ul class="list">${card('乙')}</ul>`),
      'tags/c/index.html': page(
        '标签：多',
        `<ul class="list">${card('丙'.repeat(20))}${card('丁'.repeat(20))}${card('戊')}</ul>`,
      ),
      'tags/d/index.html': page('标签：少', `<ul class="list">${card('己')}</ul>`),
      'tags/e/index.html': page('标签：有封面', `<ul class="list">${card('庚', true)}</ul>`),
    });
    const pages = ['/', '/tags/a/', '/tags/b/', '/tags/c/', '/tags/d/', '/tags/e/'];
    expect(onePerShape(dir, pages)).toEqual(['/', '/tags/b/', '/tags/c/', '/tags/e/']);
  });
});
