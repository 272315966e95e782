/**
 * The search records of one built page: what the site's search knows of it (its text, title and
 * facets), read from the finished HTML with htmlparser2's streaming parser.
 *
 * The rules are Pagefind's (its `fossick/parser.rs`), which the site's markup was written for and
 * which built the index until this module replaced it; the comparison over the whole built site
 * found the same text, titles and filters for every record:
 *
 * - A page is searchable when it has an element marked `data-pagefind-body`; its record is the text
 *   of all such elements (the rest of the page is left out). A page with `data-search-record`
 *   elements (the timeline) has one record per such element instead, at `path#id`.
 * - Left out of the text: `data-pagefind-ignore` subtrees (`="all"` also drops their meta and
 *   filters) and head, style, script, noscript, label, form, svg, footer, nav, iframe, template.
 * - Block elements (`BLOCKS`) are set apart by spaces, and a block that ends in a letter, digit or
 *   closing quote gets a full stop, as in Pagefind's fragments. Next to Chinese the normaliser drops
 *   the spaces (src/search/normalize.ts), so the full stop is what keeps an exact-phrase search from
 *   matching across a heading and the paragraph under it.
 * - One rule of our own: a definition list's term and description (a case's facts box) read as
 *   `单位：市纪委监委；`, not run together as `单位市纪委监委` (search results quote this text).
 * - White space is collapsed to single spaces, entities are decoded.
 * - `data-pagefind-meta` / `data-pagefind-filter`: `key[attribute]` takes the value from an
 *   attribute of the element, `key:value` is literal, a bare `key` takes the element's text; several
 *   may be given separated by commas. Meta and filters count even inside ignored elements.
 * - The title is the `title` meta, else the first `h1` with text inside the body, else the page's
 *   `<title>`. (Pagefind takes the first `h1` anywhere on the page, even in the site's header; the
 *   site's pages have their `h1` in the body, so this gives the same titles.)
 *
 * Pagefind's weights, anchors and image meta are not produced: the site's search uses none of them.
 * The other `data-pagefind-*` attributes (sort, default meta, indexed attributes) are refused, so a
 * page never silently relies on a rule this module does not apply.
 */
import { Parser } from 'htmlparser2';

/** One searchable record of a page. */
export interface SearchRecord {
  /** Site path of the record: `/cases/a/`, or `/timeline/#id` for a record of a page. */
  url: string;
  /** Its text, white space collapsed. */
  content: string;
  /** `title` and the `data-pagefind-meta` values. */
  meta: Record<string, string>;
  /** The `data-pagefind-filter` values, in document order. */
  filters: Record<string, string[]>;
}

/** Thrown for anything that goes wrong; the message is for the person running the build. */
export class SearchIndexError extends Error {
  constructor(detail: string) {
    super(`搜索索引生成失败：${detail}\n构建已停止，已发布的网站没有改动。`);
    this.name = '搜索索引有误';
  }
}

/** Elements whose text is set apart from what surrounds it. */
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** What follows a definition list's term and its description: `单位：市纪委监委；`. */
const LIST_MARKS: Record<string, string> = { dt: '：', dd: '；' };
/** Elements whose text is never indexed (their meta and filters still count). */
const REMOVED = new Set([
  'head',
  'style',
  'script',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
]);
/** HTML elements without an end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const UNSUPPORTED = ['data-pagefind-sort', 'data-pagefind-default-meta', 'data-pagefind-index-attrs'];

/** Unicode white space (what Pagefind, written in Rust, splits and trims on). */
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const WS_RUN = new RegExp(`${WS}+`, 'g');
const WS_EDGES = new RegExp(`^${WS}+|${WS}+$`, 'g');
const WS_TWO = new RegExp(`${WS}{2,}`, 'g');
const NEWLINES = /(\n|\r\n)+/g;
/** A block ending in one of these gets a full stop (Rust's `\w` and `'")$*`). */
const ENDS_WORD = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]/u;
const KEY_ATTRIBUTE = /^\s*([^:[\]]+)\[(.+)\]\s*$/;

/** Meta and filter values: trimmed, line breaks and runs of white space made one space. */
const tidy = (value: string) => value.replace(WS_EDGES, '').replace(NEWLINES, ' ').replace(WS_TWO, ' ');

/** What happens to an element's text. */
const Status = {
  Indexing: 0,
  /** Not indexed; its meta and filters count. */
  Ignored: 1,
  /** Not indexed, nor its meta and filters, nor anything inside it. */
  Excluded: 2,
  Body: 3,
  /** Holds a body below it: only bodies' text is kept. */
  ParentOfBody: 4,
} as const;
type Status = (typeof Status)[keyof typeof Status];

interface Node {
  tag: string;
  status: Status;
  /** Decoded text gathered so far. */
  text: string;
  /** Last character of `text` as written in the HTML (an entity ends in `;`): Pagefind reads it undecoded. */
  last: string;
  parent: Node | undefined;
  /** `key:value` pairs, or bare keys (value from the text), of data-pagefind-filter / -meta. */
  filter: string[] | undefined;
  meta: string[] | undefined;
  weighted: boolean;
  /** Inside an element marked as a body. */
  inBody: boolean;
}

/** One record being read: the whole page, or one `data-search-record` element. */
class Scope {
  readonly root: Node = node('', Status.Indexing, undefined);
  current: Node = this.root;
  readonly meta = new Map<string, string>();
  readonly filters = new Map<string, string[]>();
  firstH1: string | undefined;
  pageTitle: string | undefined;

  open(tag: string, attrs: Record<string, string>): void {
    const parent = this.current;
    const ignore = attrs['data-pagefind-ignore'];
    let status: Status = Status.Indexing;
    if (attrs['data-pagefind-body'] !== undefined) status = Status.Body;
    else if (ignore !== undefined)
      status = ['', 'index', 'true'].includes(ignore.toLowerCase()) ? Status.Ignored : Status.Excluded;
    if (status !== Status.Excluded) {
      // An element with an id, and a line break, separate the words on either side of them.
      const anchor = attrs['id'] !== undefined && status !== Status.Ignored;
      if (anchor && !(parent.status === Status.ParentOfBody && status !== Status.Body)) add(parent, ' ', ' ');
      if (tag === 'br') add(parent, ' ', ' ');
    }
    const el = node(tag, parent.status === Status.Excluded ? Status.Excluded : status, parent);
    el.inBody = parent.inBody || status === Status.Body;
    if (REMOVED.has(tag)) el.status = Status.Ignored;
    el.filter = pairs(attrs['data-pagefind-filter'], attrs);
    el.meta = pairs(attrs['data-pagefind-meta'], attrs);
    el.weighted = attrs['data-pagefind-weight'] !== undefined;
    this.current = el;
  }

  text(text: string, last: string): void {
    add(this.current, text, last);
  }

  close(): void {
    const el = this.current;
    const parent = el.parent;
    if (!parent) return;
    this.current = parent;
    if (el.status === Status.Excluded) return;
    for (const pair of el.filter ?? []) {
      const found = valueOf(pair, el);
      if (!found) continue;
      const list = this.filters.get(found[0]);
      if (list) list.push(found[1]);
      else this.filters.set(found[0], [found[1]]);
    }
    for (const pair of el.meta ?? []) {
      const found = valueOf(pair, el);
      if (found) this.meta.set(found[0], found[1]);
    }
    if (VOID.has(el.tag)) return;
    if (el.tag === 'h1' && el.inBody && this.firstH1 === undefined && el.text.replace(WS_EDGES, '') !== '')
      this.firstH1 = tidy(el.text);
    if (el.tag === 'title' && this.pageTitle === undefined) this.pageTitle = tidy(el.text);
    if (el.status === Status.Ignored) return;
    const mark = LIST_MARKS[el.tag];
    if (mark !== undefined && el.text.replace(WS_EDGES, '') !== '') {
      el.text = `${el.text.replace(WS_EDGES, '')}${mark}`;
      el.last = mark;
    }
    if (BLOCKS.has(el.tag)) {
      el.text = ` ${el.text}${ENDS_WORD.test(el.last) ? '.' : ''} `;
      el.last = ' ';
    }
    if (el.weighted || HEADINGS.has(el.tag)) {
      el.text = ` ${el.text} `;
      el.last = ' ';
    }
    // Outside a body nothing is kept once a body has been seen.
    const isBody = el.status === Status.Body || el.status === Status.ParentOfBody;
    if (parent.status === Status.ParentOfBody && !isBody) return;
    if (isBody && parent.status !== Status.ParentOfBody) {
      parent.text = '';
      parent.last = '';
      parent.status = Status.ParentOfBody;
    }
    add(parent, el.text, el.last);
  }

  /** The record, or undefined when nothing was marked as a body. */
  finish(url: string): SearchRecord | undefined {
    if (this.root.status !== Status.ParentOfBody) return undefined;
    const content = tidy(this.root.text)
      .split(WS_RUN)
      .map((word) => word.replaceAll('\u200b', ''))
      .filter((word) => word !== '')
      .join(' ');
    const title = this.meta.get('title') ?? this.firstH1 ?? this.pageTitle;
    if (title !== undefined) this.meta.set('title', title);
    return {
      url,
      content,
      meta: Object.fromEntries([...this.meta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      filters: Object.fromEntries([...this.filters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
}

function node(tag: string, status: Status, parent: Node | undefined): Node {
  return {
    tag,
    status,
    text: '',
    last: '',
    parent,
    filter: undefined,
    meta: undefined,
    weighted: false,
    inBody: false,
  };
}

function add(el: Node, text: string, last: string): void {
  if (text === '') return;
  el.text += text;
  el.last = last;
}

/** `type[data-value], tag:双拥` → `['type:<data-value>', 'tag:双拥']`; a bare key stays bare. */
function pairs(spec: string | undefined, attrs: Record<string, string>): string[] | undefined {
  if (spec === undefined) return undefined;
  const colon = spec.indexOf(':');
  if (colon >= 0) {
    const out = pairs(spec.slice(0, colon), attrs)!;
    if (out.length > 0) out[out.length - 1] += spec.slice(colon);
    return out;
  }
  return spec.split(',').map((chunk) => {
    const m = KEY_ATTRIBUTE.exec(chunk.trim());
    return m ? `${m[1]}:${attrs[m[2]!.toLowerCase()] ?? ''}` : chunk.trim();
  });
}

/** The key and value of one pair; a bare key takes the element's text, and is skipped without one. */
function valueOf(pair: string, el: Node): [string, string] | undefined {
  const colon = pair.indexOf(':');
  if (colon >= 0) return [pair.slice(0, colon), tidy(pair.slice(colon + 1))];
  return el.text === '' ? undefined : [pair, tidy(el.text)];
}

const RECORD_ATTRIBUTE = /<[^>]*\sdata-search-record[\s>=]/;
const MARKED = /<[^>]*\sdata-(pagefind-body|search-record)[\s>=]/;

/**
 * The search records of a built page at site path `path` (`/cases/a/`): none when nothing on it is
 * marked for search. `source` names the page in error messages.
 */
export function searchRecords(html: string, path: string, source: string = path): SearchRecord[] {
  if (!MARKED.test(html)) return [];
  const byRecord = RECORD_ATTRIBUTE.test(html);
  const records: SearchRecord[] = [];
  let scope: Scope | undefined = byRecord ? undefined : new Scope();
  let recordUrl = '';
  /** Open elements; the record's element is at `recordDepth`. */
  let depth = 0;
  let recordDepth = -1;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        depth += 1;
        for (const attr of UNSUPPORTED)
          if (attrs[attr] !== undefined) throw new SearchIndexError(`${source} 用了本站搜索不支持的 ${attr}`);
        if (byRecord && !scope && attrs['data-search-record'] !== undefined) {
          const id = attrs['id'];
          if (!id) throw new SearchIndexError(`${source} 中有一个 data-search-record 元素没有 id`);
          // As if the element were the whole body of a page of its own.
          scope = new Scope();
          scope.open('div', { 'data-pagefind-body': '' });
          recordUrl = `${path}#${id}`;
          recordDepth = depth;
        }
        scope?.open(name, attrs);
      },
      ontext(text) {
        scope?.text(text, html[parser.endIndex] ?? '');
      },
      onclosetag() {
        depth -= 1;
        if (!scope) return;
        scope.close();
        if (depth === recordDepth - 1) {
          scope.close();
          const record = scope.finish(recordUrl);
          if (record) records.push(record);
          scope = undefined;
          recordDepth = -1;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (!byRecord && scope) {
    const record = scope.finish(path);
    if (record) records.push(record);
  }
  return records;
}
