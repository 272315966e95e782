/**
 * The 编辑台's page: a list of everything, and a form generated from the schema of what is being
 * edited, with the checker's messages shown at the field they concern.
 */
import { markdown } from '@codemirror/lang-markdown';
import { basicSetup, EditorView } from 'codemirror';
import dictionary from './zh-CN.json' with { type: 'json' };

type Key = keyof typeof dictionary;
/** Looks up an interface string and fills `{name}` placeholders. */
const t = (key: Key, vars: Record<string, string | number> = {}) =>
  dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

type Kind = 'case' | 'hall' | 'route' | 'milestone';
type Data = Record<string, unknown>;

interface JsonSchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  maxLength?: number;
  description?: string;
}

interface Form {
  kind: Kind;
  schema: JsonSchema;
  order: string[];
  labels: Record<string, string>;
  help: Record<string, string>;
}

interface Problem {
  file: string;
  line?: number;
  field: string;
  found?: string;
  expected: string;
  suggestion?: string;
}

interface Entry {
  kind: Exclude<Kind, 'milestone'>;
  file: string;
  title: string;
  unit: string;
  year?: number;
  series: string;
  draft: boolean;
}

interface Milestone {
  kind: 'milestone';
  index: number;
  title: string;
  date: string;
  year?: number;
}

interface State {
  entries: Entry[];
  milestones: Milestone[];
  units: { name: string; short?: string; aliases: string[] }[];
  series: { id: string; name: string }[];
  sources: { id: string; label: string }[];
  themes: string[];
  tags: string[];
  slugs: Record<'case' | 'hall' | 'route', string[]>;
  caseFolders: string[];
  timelineVersion: string | null;
}

/** What is open in the form. */
interface Open {
  kind: Kind;
  form: Form;
  data: Data;
  file?: string | undefined;
  index?: number | undefined;
  version: string | null;
  folder: string;
  slug: string;
}

class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, message: string, problems: Problem[] = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

const token = document.querySelector<HTMLMetaElement>('meta[name="desk-token"]')?.content ?? '';
const previewBase = document.querySelector<HTMLMetaElement>('meta[name="desk-preview"]')?.content ?? '';

async function api<T>(path: string, body?: unknown, raw?: Blob): Promise<T> {
  const init: RequestInit = { headers: { 'x-desk-token': token } };
  if (raw) init.body = raw;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  if (raw || body !== undefined) init.method = 'POST';
  const res = await fetch(path, init);
  const data = (await res.json()) as T & { message?: string; problems?: Problem[] };
  if (!res.ok) throw new ApiError(res.status, data.message ?? res.statusText, data.problems ?? []);
  return data;
}

/** Creates an element with attributes and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

const pathKey = (path: (string | number)[]) => path.join('.');
const idOf = (path: (string | number)[]) => `f-${path.join('-')}`;

function getPath(data: unknown, path: (string | number)[]): unknown {
  let at = data;
  for (const p of path) at = (at as Record<string | number, unknown> | undefined)?.[p];
  return at;
}

function setPath(data: Data, path: (string | number)[], value: unknown): void {
  let at: Record<string | number, unknown> = data;
  path.slice(0, -1).forEach((p, i) => {
    const next = path[i + 1];
    if (at[p] === undefined || at[p] === null) at[p] = typeof next === 'number' ? [] : {};
    at = at[p] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** `figures[2].value（数值）` → ['figures', 2, 'value']; `[3].title（标题）` of a list item → ['title']. */
function problemPath(field: string): (string | number)[] {
  const bare = field.replace(/（.*$/, '').replace(/^\[\d+\]\.?/, '');
  return [...bare.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

/** A template's help line without the field name it starts with: `年份（必填）：四位…` → `四位…`. */
const helpText = (text: string | undefined) => {
  const bare = text?.replace(/^[^：:，,]*?（(?:必填|可选)[^）]*）[：:，,]?\s*/, '').trim();
  return bare || undefined;
};

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

class Desk extends HTMLElement {
  #state: State | undefined;
  #open: Open | undefined;
  #editor: EditorView | undefined;
  #forms = new Map<Kind, Form>();
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #checkRun = 0;
  /** Changes not saved yet: opening something else asks first. */
  #dirty = false;
  #list!: HTMLUListElement;
  #main!: HTMLElement;
  #status!: HTMLElement;
  #filters!: Record<'q' | 'kind' | 'unit' | 'year' | 'series' | 'draft', HTMLInputElement | HTMLSelectElement>;

  connectedCallback() {
    window.addEventListener('beforeunload', (e) => {
      if (this.#dirty) e.preventDefault();
    });
    this.#render();
    void this.#load();
  }

  #render() {
    const button = (label: string, action: () => void) => {
      const b = h('button', { type: 'button' }, label);
      b.addEventListener('click', action);
      return b;
    };
    const header = h(
      'header',
      { class: 'desk-header' },
      h('p', { class: 'desk-site' }, t('desk.site')),
      h('h1', {}, t('desk.title')),
      h(
        'nav',
        { 'aria-label': t('desk.title') },
        button(t('desk.newCase'), () => void this.#create('case')),
        button(t('desk.newHall'), () => void this.#create('hall')),
        button(t('desk.newMilestone'), () => void this.#create('milestone')),
        button(t('desk.publishCheck'), () => void this.#publishCheck()),
      ),
    );
    const select = (id: string, label: string) => {
      const s = h('select', { id });
      return { el: s, wrap: h('div', { class: 'filter' }, h('label', { for: id }, label), s) };
    };
    const q = h('input', { id: 'list-q', type: 'search', autocomplete: 'off' });
    const kind = select('list-kind', t('list.kind'));
    const unit = select('list-unit', t('list.unit'));
    const year = select('list-year', t('list.year'));
    const series = select('list-series', t('list.series'));
    const draft = select('list-draft', t('list.draft'));
    this.#filters = { q, kind: kind.el, unit: unit.el, year: year.el, series: series.el, draft: draft.el };
    for (const f of Object.values(this.#filters)) f.addEventListener('input', () => this.#renderList());
    this.#list = h('ul', { class: 'entry-list', id: 'entry-list' });
    const aside = h(
      'aside',
      { class: 'desk-list', 'aria-labelledby': 'list-heading' },
      h('h2', { id: 'list-heading' }, t('list.heading')),
      h('div', { class: 'filter' }, h('label', { for: 'list-q' }, t('list.search')), q),
      h('div', { class: 'filters' }, kind.wrap, unit.wrap, year.wrap, series.wrap, draft.wrap),
      h('p', { id: 'list-count', class: 'list-count', 'aria-live': 'polite' }),
      this.#list,
    );
    this.#main = h('main', { class: 'desk-main', id: 'main' }, h('p', { class: 'welcome' }, t('form.welcome')));
    this.#status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.replaceChildren(header, h('div', { class: 'desk-body' }, aside, this.#main), this.#status);
  }

  async #load() {
    this.#state = await api<State>('/api/state');
    const s = this.#state;
    const fill = (el: HTMLSelectElement, options: [string, string][]) => {
      const keep = el.value;
      el.replaceChildren(
        h('option', { value: '' }, t('list.all')),
        ...options.map(([v, l]) => h('option', { value: v }, l)),
      );
      el.value = options.some(([v]) => v === keep) ? keep : '';
    };
    fill(this.#filters.kind as HTMLSelectElement, [
      ['case', t('kind.case')],
      ['hall', t('kind.hall')],
      ['route', t('kind.route')],
      ['milestone', t('kind.milestone')],
    ]);
    const units = [...new Set(s.entries.map((e) => e.unit).filter(Boolean))].sort();
    fill(
      this.#filters.unit as HTMLSelectElement,
      units.map((u) => [u, u]),
    );
    const years = [
      ...new Set([...s.entries.map((e) => e.year), ...s.milestones.map((m) => m.year)].filter((y) => y !== undefined)),
    ].sort((a, b) => b - a);
    fill(
      this.#filters.year as HTMLSelectElement,
      years.map((y) => [String(y), String(y)]),
    );
    fill(
      this.#filters.series as HTMLSelectElement,
      s.series.map((x) => [x.id, x.name]),
    );
    fill(this.#filters.draft as HTMLSelectElement, [
      ['yes', t('list.onlyDrafts')],
      ['no', t('list.onlyPublished')],
    ]);
    this.#renderList();
  }

  #renderList() {
    const s = this.#state;
    if (!s) return;
    const f = Object.fromEntries(Object.entries(this.#filters).map(([k, el]) => [k, el.value.trim()]));
    const items = [...s.entries, ...s.milestones].filter((e) => {
      if (f['kind'] && e.kind !== f['kind']) return false;
      if (f['year'] && String(e.year ?? '') !== f['year']) return false;
      if (e.kind === 'milestone') {
        if (f['unit'] || f['series'] || f['draft'] === 'yes') return false;
      } else {
        if (f['unit'] && e.unit !== f['unit']) return false;
        if (f['series'] && e.series !== f['series']) return false;
        if (f['draft'] === 'yes' && !e.draft) return false;
        if (f['draft'] === 'no' && e.draft) return false;
      }
      const q = f['q'] ?? '';
      if (!q) return true;
      const hay = e.kind === 'milestone' ? `${e.title} ${e.date}` : `${e.title} ${e.unit} ${e.file}`;
      return hay.toLowerCase().includes(q.toLowerCase());
    });
    this.#list.replaceChildren(
      ...items.map((e) => {
        const b = h(
          'button',
          { type: 'button', class: 'entry' },
          h('span', { class: 'entry-kind' }, t(`kind.${e.kind}`)),
          h('span', { class: 'entry-title' }, e.title || '—'),
          h(
            'span',
            { class: 'entry-meta' },
            e.kind === 'milestone' ? e.date : [e.unit, e.year].filter(Boolean).join(' · '),
          ),
          e.kind !== 'milestone' && e.draft && h('span', { class: 'badge' }, t('list.draftMark')),
        );
        b.addEventListener(
          'click',
          () => void (e.kind === 'milestone' ? this.#openMilestone(e.index) : this.#openEntry(e.file)),
        );
        return h('li', {}, b);
      }),
    );
    const count = this.querySelector('#list-count');
    if (count) count.textContent = items.length ? t('list.count', { count: items.length }) : t('list.empty');
  }

  async #form(kind: Kind): Promise<Form> {
    const cached = this.#forms.get(kind);
    if (cached) return cached;
    const form = await api<Form>(`/api/form?kind=${kind}`);
    this.#forms.set(kind, form);
    return form;
  }

  #say(text: string, tone: 'info' | 'ok' | 'error' = 'info', action?: HTMLElement) {
    this.#status.className = text ? `status status-${tone}` : 'status';
    if (!text) {
      this.#status.replaceChildren();
      return;
    }
    this.#status.replaceChildren(h('p', {}, text), action ?? '');
  }

  async #openEntry(file: string, force = false) {
    if (!force && !this.#mayLeave()) return;
    try {
      const res = await api<{
        kind: Kind;
        file: string;
        data: Data;
        body: string;
        version: string;
        problems: Problem[];
      }>(`/api/entry?file=${encodeURIComponent(file)}`);
      const form = await this.#form(res.kind);
      this.#open = { kind: res.kind, form, data: res.data, file: res.file, version: res.version, folder: '', slug: '' };
      this.#renderForm(res.body);
      this.#showProblems(res.problems);
      this.#dirty = false;
    } catch (error) {
      this.#say(t('error.generic', { message: (error as Error).message }), 'error');
    }
  }

  async #openMilestone(index: number, force = false) {
    if (!force && !this.#mayLeave()) return;
    try {
      const res = await api<{ data: Data; version: string; problems: Problem[] }>(`/api/milestone?index=${index}`);
      const form = await this.#form('milestone');
      this.#open = { kind: 'milestone', form, data: res.data, index, version: res.version, folder: '', slug: '' };
      this.#renderForm(undefined);
      this.#showProblems(res.problems);
      this.#dirty = false;
    } catch (error) {
      this.#say(t('error.generic', { message: (error as Error).message }), 'error');
    }
  }

  async #create(kind: 'case' | 'hall' | 'milestone') {
    const form = await this.#form(kind);
    if (!this.#mayLeave()) return;
    const state = this.#state;
    let body: string | undefined;
    let version: string | null = null;
    const data: Data = kind === 'milestone' ? { themes: [] } : { tags: [], draft: true };
    if (kind === 'hall') data['kind'] = '展馆';
    if (kind === 'milestone') {
      await this.#load();
      version = this.#state?.timelineVersion ?? null;
    } else body = (await api<{ body: string }>(`/api/new?kind=${kind}`)).body;
    this.#open = {
      kind,
      form,
      data,
      version,
      folder: kind === 'case' ? (state?.caseFolders[0] ?? '') : '',
      slug: '',
    };
    this.#renderForm(body);
  }

  #renderForm(body: string | undefined) {
    const open = this.#open;
    if (!open) return;
    const { form, data } = open;
    const isNew = open.file === undefined && open.index === undefined;
    const title = String(data['title'] ?? data['name'] ?? '');
    const heading = h(
      'h2',
      { id: 'form-heading', tabindex: '-1' },
      isNew
        ? t('form.creating', { kind: t(`kind.${open.kind}`) })
        : t('form.editing', { kind: t(`kind.${open.kind}`), title }),
    );
    const where = h(
      'p',
      { class: 'form-file' },
      isNew ? t('form.newFile') : t('form.file', { file: open.file ?? 'content/timeline.yaml' }),
    );
    const el = h('form', { class: 'entry-form', 'aria-labelledby': 'form-heading', novalidate: true });
    el.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#save();
    });
    el.append(heading, where, h('div', { class: 'problems-other', id: 'problems-other', hidden: true }));
    if (isNew && open.kind === 'case') el.append(this.#locationFields());
    if (!isNew && open.kind === 'milestone')
      el.append(
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'f-id' }, t('form.idReadonly')),
          h('input', { id: 'f-id', value: String(data['id'] ?? ''), readonly: true }),
        ),
      );
    const props = form.schema.properties ?? {};
    const required = new Set(form.schema.required ?? []);
    const keys = [
      ...form.order.filter((k) => k in props),
      ...Object.keys(props).filter((k) => !form.order.includes(k)),
    ];
    for (const key of keys) {
      if (key === 'id' && open.kind === 'milestone') continue;
      const schema = props[key];
      if (schema) el.append(this.#field([key], schema, required.has(key)));
    }
    if (body !== undefined) el.append(this.#bodyField(body));
    const save = h('button', { type: 'submit', class: 'primary' }, t('save.button'));
    el.append(h('div', { class: 'actions' }, save));
    const preview = this.#previewSection();
    this.#main.replaceChildren(el, preview ?? '');
    heading.focus();
    this.#say('');
  }

  #locationFields(): HTMLElement {
    const open = this.#open;
    const state = this.#state;
    if (!open || !state) return h('div');
    const folder = h(
      'select',
      { id: 'f-folder' },
      h('option', { value: '' }, t('form.folderRoot')),
      ...state.caseFolders.map((f) => h('option', { value: f }, `content/cases/${f}/`)),
    );
    folder.value = open.folder;
    folder.addEventListener('input', () => {
      open.folder = folder.value;
      this.#scheduleCheck();
    });
    const slug = h('input', {
      id: 'f-slug',
      autocomplete: 'off',
      'aria-describedby': 'f-slug-help',
      spellcheck: 'false',
    });
    slug.addEventListener('input', () => {
      open.slug = slug.value.trim();
    });
    return h(
      'fieldset',
      { class: 'location' },
      h('legend', {}, '文件位置'),
      h('div', { class: 'field' }, h('label', { for: 'f-folder' }, t('form.folder')), folder),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-slug' }, t('form.slug')),
        slug,
        h('p', { class: 'help', id: 'f-slug-help' }, t('form.slugHelp')),
      ),
    );
  }

  /** Suggestions offered while typing a field. */
  #suggestions(key: string): { id: string; options: [string, string][] } | undefined {
    const s = this.#state;
    if (!s) return undefined;
    const lists: Record<string, [string, string][]> = {
      unit: s.units.flatMap((u) => [
        [u.name, u.short ? `简称 ${u.short}` : ''] as [string, string],
        ...[u.short, ...u.aliases].filter((n): n is string => !!n).map((n) => [n, `即 ${u.name}`] as [string, string]),
      ]),
      tags: s.tags.map((x) => [x, '']),
      themes: s.themes.map((x) => [x, '']),
      sources: s.sources.map((x) => [x.id, x.label]),
      source: s.sources.map((x) => [x.id, x.label]),
      related: s.slugs.case.map((x) => [x, '']),
      case: s.slugs.case.map((x) => [x, '']),
    };
    const options = lists[key];
    return options ? { id: `list-${key}`, options } : undefined;
  }

  /** Choices for a field whose valid values are known. */
  #choices(key: string): [string, string][] | undefined {
    const s = this.#state;
    if (!s) return undefined;
    if (key === 'series') return s.series.map((x) => [x.id, `${x.name}（${x.id}）`]);
    if (key === 'hall') return s.slugs.hall.map((x) => [x, x]);
    if (key === 'route') return s.slugs.route.map((x) => [x, x]);
    return undefined;
  }

  #labelOf(path: (string | number)[]): string {
    const last = [...path].reverse().find((p) => typeof p === 'string');
    return this.#open?.form.labels[String(last)] ?? String(last);
  }

  #field(path: (string | number)[], schema: JsonSchema, required: boolean): HTMLElement {
    const open = this.#open;
    if (!open) return h('div');
    const key = String(path[path.length - 1]);
    const id = idOf(path);
    const label = this.#labelOf(path);
    // Template help belongs to top-level fields; `unit` inside a figure is another thing.
    const rawHelp = helpText((path.length === 1 ? open.form.help[key] : undefined) ?? schema.description);
    const help = rawHelp === label ? undefined : rawHelp;
    const describedBy = [help ? `${id}-help` : '', `${id}-problem`].filter(Boolean).join(' ');
    const value = getPath(open.data, path);
    const problem = h('div', { class: 'problem', id: `${id}-problem`, hidden: true });
    const helpEl = help ? h('p', { class: 'help', id: `${id}-help` }, help) : undefined;
    const labelText = `${label}${required ? t('form.required') : ''}`;

    if (schema.type === 'array' && schema.items) {
      const items = schema.items;
      const list = Array.isArray(value) ? value : [];
      const rows = h('ol', { class: 'rows' });
      list.forEach((_, i) => {
        const inner =
          items.type === 'object'
            ? this.#object([...path, i], items, t('form.item', { label, n: i + 1 }))
            : this.#field([...path, i], items, false);
        const remove = h('button', { type: 'button', class: 'remove' }, t('form.remove'));
        remove.setAttribute('aria-label', `${t('form.remove')}：${t('form.item', { label, n: i + 1 })}`);
        remove.addEventListener('click', () => {
          const arr = getPath(open.data, path) as unknown[];
          arr.splice(i, 1);
          this.#rerenderField(path, schema, required);
        });
        rows.append(h('li', {}, inner, remove));
      });
      const add = h('button', { type: 'button', class: 'add' }, t('form.add', { label }));
      add.addEventListener('click', () => {
        const arr = (getPath(open.data, path) as unknown[] | undefined) ?? [];
        arr.push(items.type === 'object' ? {} : '');
        setPath(open.data, path, arr);
        this.#rerenderField(path, schema, required);
        const inputs = this.querySelectorAll<HTMLElement>(`[data-path^="${pathKey([...path, arr.length - 1])}"]`);
        inputs[0]?.focus();
      });
      const extra = key === 'sources' ? this.#registerSource(path) : undefined;
      return h(
        'fieldset',
        { class: 'field array', 'data-field': pathKey(path), 'aria-describedby': describedBy },
        h('legend', {}, labelText),
        helpEl,
        rows,
        add,
        extra,
        problem,
      );
    }
    if (schema.type === 'object' && schema.properties) return this.#object(path, schema, labelText, helpEl, problem);

    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const choices = schema.enum?.map((v): [string, string] => [v, v]) ?? this.#choices(key);
    if (schema.anyOf && typeof value === 'object' && value !== null) {
      control = h('input', { id, value: t('form.sourceInline'), readonly: true });
    } else if (schema.type === 'boolean') {
      const box = h('input', { id, type: 'checkbox', 'data-path': pathKey(path), 'aria-describedby': describedBy });
      box.checked = value === true;
      box.addEventListener('input', () => {
        setPath(open.data, path, box.checked);
        this.#scheduleCheck();
      });
      return h(
        'div',
        { class: 'field checkbox', 'data-field': pathKey(path) },
        box,
        h('label', { for: id }, labelText),
        helpEl,
        problem,
      );
    } else if (choices) {
      control = h(
        'select',
        { id },
        h('option', { value: '' }, t('form.none')),
        ...choices.map(([v, l]) => h('option', { value: v }, l)),
      );
      if (typeof value === 'string' && !choices.some(([v]) => v === value))
        control.append(h('option', { value }, value));
      control.value = typeof value === 'string' ? value : '';
    } else if (
      schema.type === 'string' &&
      ((schema.maxLength ?? 0) >= 100 || ['text', 'description', 'note'].includes(key))
    ) {
      control = h('textarea', { id, rows: '3' });
      control.value = typeof value === 'string' ? value : '';
    } else {
      const numeric = schema.type === 'number' || schema.type === 'integer';
      control = h('input', { id, type: 'text', autocomplete: 'off', inputmode: numeric ? 'decimal' : undefined });
      control.value = value === undefined || value === null ? '' : String(value);
      const suggest = this.#suggestions(key) ?? this.#suggestions(String(path[0]));
      if (suggest) {
        control.setAttribute('list', suggest.id);
        if (!document.getElementById(suggest.id))
          document.body.append(
            h(
              'datalist',
              { id: suggest.id },
              ...suggest.options.map(([v, l]) => h('option', { value: v, label: l || undefined })),
            ),
          );
      }
    }
    control.dataset['path'] = pathKey(path);
    control.setAttribute('aria-describedby', describedBy);
    if (required) control.setAttribute('aria-required', 'true');
    const numeric = schema.type === 'number' || schema.type === 'integer';
    control.addEventListener('input', () => {
      const raw = control.value;
      const text = raw.trim();
      let v: unknown = raw;
      if (numeric) v = text === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      else if (text === '' && typeof path[path.length - 1] !== 'number') v = undefined;
      setPath(open.data, path, v);
      this.#scheduleCheck();
    });
    return h(
      'div',
      { class: 'field', 'data-field': pathKey(path) },
      h('label', { for: id }, labelText),
      helpEl,
      control,
      problem,
    );
  }

  #object(
    path: (string | number)[],
    schema: JsonSchema,
    legend: string,
    helpEl?: HTMLElement,
    problem?: HTMLElement,
  ): HTMLElement {
    const required = new Set(schema.required ?? []);
    const set = h('fieldset', { class: 'field object', 'data-field': pathKey(path) }, h('legend', {}, legend), helpEl);
    if (path[path.length - 1] === 'cover') set.append(this.#photoField(path));
    for (const [k, s] of Object.entries(schema.properties ?? {}))
      set.append(this.#field([...path, k], s, required.has(k)));
    set.append(problem ?? h('div', { class: 'problem', id: `${idOf(path)}-problem`, hidden: true }));
    return set;
  }

  #rerenderField(path: (string | number)[], schema: JsonSchema, required: boolean) {
    const old = this.querySelector(`[data-field="${pathKey(path)}"]`);
    old?.replaceWith(this.#field(path, schema, required));
    this.#scheduleCheck();
  }

  #registerSource(path: (string | number)[]): HTMLElement {
    const open = this.#open;
    const input = (id: string, label: Key) =>
      h('div', { class: 'field' }, h('label', { for: id }, t(label)), h('input', { id, autocomplete: 'off' }));
    const go = h('button', { type: 'button' }, t('form.registerSubmit'));
    const box = h(
      'details',
      { class: 'register' },
      h('summary', {}, t('form.registerSource')),
      input('src-publisher', 'form.registerPublisher'),
      input('src-date', 'form.registerDate'),
      input('src-headline', 'form.registerHeadline'),
      input('src-url', 'form.registerUrl'),
      go,
    );
    go.addEventListener('click', async () => {
      const val = (id: string) => (box.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
      try {
        const { id } = await api<{ id: string }>('/api/source', {
          publisher: val('src-publisher'),
          date: val('src-date'),
          headline: val('src-headline'),
          url: val('src-url'),
        });
        if (!open) return;
        const arr = ((getPath(open.data, path) as unknown[] | undefined) ?? []).filter((x) => x !== '');
        arr.push(id);
        setPath(open.data, path, arr);
        await this.#load();
        this.querySelector('[data-field="sources"]')?.replaceWith(
          this.#field(path, open.form.schema.properties?.['sources'] ?? {}, true),
        );
        this.#scheduleCheck();
        this.#say(t('form.registered', { id }), 'ok');
      } catch (error) {
        this.#say((error as Error).message, 'error');
      }
    });
    return box;
  }

  #photoDir(): string | undefined {
    const open = this.#open;
    if (!open) return undefined;
    if (open.file) return open.file.split('/').slice(0, -1).join('/');
    if (open.kind === 'case') return ['content/cases', open.folder].filter(Boolean).join('/');
    if (open.kind === 'hall') return 'content/halls';
    return undefined;
  }

  #photoField(path: (string | number)[]): HTMLElement {
    const id = `${idOf(path)}-photo`;
    const file = h('input', {
      type: 'file',
      id,
      accept: 'image/*,.heic,.heif',
      class: 'visually-hidden',
      tabindex: '-1',
      'aria-label': t('photo.choose'),
    });
    const choose = h('button', { type: 'button' }, t('photo.choose'));
    const info = h('p', { class: 'photo-info', id: `${id}-info`, 'aria-live': 'polite' });
    const thumb = h('img', { class: 'photo-thumb', alt: t('photo.preview'), hidden: true });
    const zone = h(
      'div',
      { class: 'drop', 'data-photo': pathKey(path) },
      h('p', {}, t('photo.drop'), ' ', choose),
      file,
      info,
      thumb,
    );
    choose.addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) void this.#upload(path, f, info, thumb);
    });
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('over');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const f = e.dataTransfer?.files[0];
      if (f) void this.#upload(path, f, info, thumb);
    });
    const src = getPath(this.#open?.data, [...path, 'src']);
    if (typeof src === 'string') void this.#showThumb(src, thumb);
    return h('div', { class: 'field photo' }, h('p', { class: 'label' }, t('photo.label')), zone);
  }

  async #showThumb(src: string, img: HTMLImageElement) {
    const dir = this.#photoDir();
    if (!dir || !src.startsWith('./')) return;
    try {
      const res = await fetch(`/api/photo?file=${encodeURIComponent(`${dir}/${src.slice(2)}`)}`, {
        headers: { 'x-desk-token': token },
      });
      if (!res.ok) return;
      img.src = URL.createObjectURL(await res.blob());
      img.hidden = false;
    } catch {
      // No preview; the checker reports a missing photo.
    }
  }

  async #upload(path: (string | number)[], f: File, info: HTMLElement, thumb: HTMLImageElement) {
    const open = this.#open;
    const dir = this.#photoDir();
    if (!open || !dir) return;
    info.className = 'photo-info';
    info.textContent = t('photo.uploading');
    try {
      const res = await api<{ src: string; file: string; size: number; width: number; height: number }>(
        `/api/photo?dir=${encodeURIComponent(dir)}&name=${encodeURIComponent(f.name)}`,
        undefined,
        f,
      );
      setPath(open.data, [...path, 'src'], res.src);
      const srcInput = this.querySelector<HTMLInputElement>(`[data-path="${pathKey([...path, 'src'])}"]`);
      if (srcInput) srcInput.value = res.src;
      info.textContent = t('photo.saved', {
        file: res.file,
        size: formatSize(res.size),
        width: res.width,
        height: res.height,
      });
      void this.#showThumb(res.src, thumb);
      this.#scheduleCheck();
      this.querySelector<HTMLElement>(`[data-path="${pathKey([...path, 'alt'])}"]`)?.focus();
    } catch (error) {
      info.className = 'photo-info error';
      info.textContent = (error as Error).message;
    }
  }

  #bodyField(body: string): HTMLElement {
    const open = this.#open;
    const isMdx = open?.file?.endsWith('.mdx') ?? false;
    const host = h('div', { class: 'editor', 'data-field': 'body' });
    this.#editor?.destroy();
    this.#editor = new EditorView({
      doc: body,
      parent: host,
      extensions: [
        basicSetup,
        markdown(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          'aria-labelledby': 'body-label',
          'aria-describedby': 'body-help f-body-problem',
          'aria-multiline': 'true',
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) this.#scheduleCheck();
        }),
      ],
    });
    const insert = (text: string) => {
      const view = this.#editor;
      if (!view) return;
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      view.focus();
    };
    const snippets: [string, string][] = [
      [t('palette.heading'), '\n## 小标题\n'],
      [t('palette.image'), '![照片里是什么](./照片文件名.jpg)'],
      [t('palette.link'), '[链接文字](/cases/文件名/)'],
    ];
    if (isMdx)
      snippets.push(
        ['<Stat>', '<Stat figure="数据名称" />'],
        ['<Quote>', '<Quote speaker="说话人" role="职务" source="来源编号">原话</Quote>'],
        ['<Callout>', '<Callout type="要点" title="标题">内容</Callout>'],
        ['<Honours>', '<Honours />'],
        ['<RelatedCase>', '<RelatedCase slug="fuzhou/文件名" />'],
        ['<Photo>', '<Photo src="./照片文件名.jpg" alt="照片里是什么" caption="图注" />'],
        ['<Gallery>', '<Gallery caption="图注">\n  <Photo src="./a.jpg" alt="…" />\n</Gallery>'],
      );
    const palette = h(
      'div',
      { class: 'palette', role: 'group', 'aria-label': t('body.palette') },
      ...snippets.map(([label, text]) => {
        const b = h('button', { type: 'button' }, label);
        b.addEventListener('click', () => insert(text));
        return b;
      }),
    );
    return h(
      'div',
      { class: 'field body' },
      h('p', { class: 'label', id: 'body-label' }, t('body.label')),
      h('p', { class: 'help', id: 'body-help' }, t('body.help'), isMdx ? '' : ` ${t('body.mdxOnly')}`),
      palette,
      host,
      h('div', { class: 'problem', id: 'f-body-problem', hidden: true }),
    );
  }

  #previewSection(): HTMLElement | undefined {
    const open = this.#open;
    if (!previewBase || !open || open.kind === 'milestone') return undefined;
    const url = open.file ? this.#pageUrl(open.file) : undefined;
    return h(
      'section',
      { class: 'preview', 'aria-labelledby': 'preview-heading' },
      h('h2', { id: 'preview-heading' }, t('preview.heading')),
      url
        ? h('p', {}, h('a', { href: previewBase + url, target: '_blank', rel: 'noopener' }, t('preview.open')))
        : h('p', {}, t('preview.none')),
      url && h('iframe', { src: previewBase + url, title: t('preview.heading'), loading: 'lazy' }),
    );
  }

  #pageUrl(file: string): string {
    return `/${file.replace(/^content\//, '').replace(/\.mdx?$/, '')}/`;
  }

  #payload() {
    const open = this.#open;
    if (!open) return undefined;
    const base: Data = { kind: open.kind, data: open.data, version: open.version };
    if (open.kind === 'milestone') {
      if (open.index !== undefined) base['index'] = open.index;
      return base;
    }
    if (open.file) base['file'] = open.file;
    else {
      base['folder'] = open.folder;
      if (open.slug) base['slug'] = open.slug;
    }
    base['body'] = this.#editor?.state.doc.toString() ?? '';
    return base;
  }

  #mayLeave(): boolean {
    if (!this.#dirty) return true;
    if (!window.confirm(t('form.unsaved'))) return false;
    this.#dirty = false;
    return true;
  }

  #scheduleCheck() {
    this.#dirty = true;
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.#check(), 400);
  }

  async #check() {
    const payload = this.#payload();
    if (!payload) return;
    const run = ++this.#checkRun;
    try {
      const res = await api<{ problems: Problem[] }>('/api/check', payload);
      if (run === this.#checkRun) this.#showProblems(res.problems);
    } catch (error) {
      this.#say(t('error.generic', { message: (error as Error).message }), 'error');
    }
  }

  /** Shows each problem under the field it concerns; the rest above the form. */
  #showProblems(problems: Problem[]) {
    for (const el of this.querySelectorAll<HTMLElement>('.problem')) {
      el.hidden = true;
      el.replaceChildren();
    }
    for (const el of this.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const other: Problem[] = [];
    for (const p of problems) {
      let path = problemPath(p.field);
      if (/正文/.test(p.field) || /^（正文/.test(p.field)) path = ['body'];
      let slot: HTMLElement | null = null;
      while (path.length > 0 && !slot) {
        slot = this.querySelector<HTMLElement>(`#${CSS.escape(`${idOf(path)}-problem`)}`);
        if (!slot) path = path.slice(0, -1);
      }
      if (!slot) {
        other.push(p);
        continue;
      }
      slot.hidden = false;
      slot.append(this.#problemText(p));
      const control = this.querySelector(`[data-path="${pathKey(path)}"]`);
      control?.setAttribute('aria-invalid', 'true');
    }
    const box = this.querySelector<HTMLElement>('#problems-other');
    if (box) {
      box.hidden = other.length === 0;
      box.replaceChildren(
        ...(other.length ? [h('h3', {}, t('check.other')), ...other.map((p) => this.#problemText(p, true))] : []),
      );
    }
  }

  #problemText(p: Problem, withField = false): HTMLElement {
    return h(
      'p',
      {},
      withField ? `${p.field}${p.line ? `（${t('problem.line', { line: p.line })}）` : ''}：` : '',
      p.found !== undefined ? `${t('problem.found', { found: p.found })}。` : '',
      t('problem.expected', { expected: p.expected }),
      p.suggestion ? `。${t('problem.suggestion', { suggestion: p.suggestion })}` : '',
    );
  }

  async #save() {
    const payload = this.#payload();
    const open = this.#open;
    if (!payload || !open) return;
    clearTimeout(this.#checkTimer);
    this.#checkRun++;
    this.#say(t('save.saving'));
    try {
      const res = await api<{ file: string; version: string; problems: Problem[]; index?: number }>(
        '/api/save',
        payload,
      );
      open.version = res.version;
      const wasNew = open.file === undefined && open.index === undefined;
      this.#dirty = false;
      if (open.kind === 'milestone') open.index = res.index;
      else open.file = res.file;
      this.#showProblems(res.problems);
      await this.#load();
      if (wasNew) {
        if (open.kind === 'milestone' && res.index !== undefined) await this.#openMilestone(res.index, true);
        else await this.#openEntry(res.file, true);
      } else {
        this.querySelector<HTMLIFrameElement>('.preview iframe')?.contentWindow?.location.reload();
      }
      this.#say(
        res.problems.length
          ? t('save.savedDraft', { file: res.file, count: res.problems.length })
          : t('save.saved', { file: res.file }),
        'ok',
      );
    } catch (error) {
      const e = error as ApiError;
      if (e.problems?.length) this.#showProblems(e.problems);
      let action: HTMLElement | undefined;
      if (e.status === 409 && open.file) {
        action = h('button', { type: 'button' }, t('save.reopen'));
        const file = open.file;
        // Reopening is what the message asks for; the unsaved text is in the form until then.
        action.addEventListener('click', () => void this.#openEntry(file, true));
      }
      this.#say(e.message, 'error', action);
    }
  }

  async #publishCheck() {
    this.#say(t('check.running'));
    const res = await api<{ problems: Problem[]; report: string; ms: number }>('/api/publish-check', {});
    const dialog = h('dialog', { class: 'publish', 'aria-labelledby': 'publish-heading' });
    const close = h('button', { type: 'button' }, t('publish.close'));
    close.addEventListener('click', () => {
      dialog.close();
      dialog.remove();
    });
    dialog.append(
      h('h2', { id: 'publish-heading' }, t('publish.heading')),
      h(
        'p',
        {},
        res.problems.length
          ? t('publish.problems', { count: res.problems.length, ms: res.ms })
          : t('publish.ok', { ms: res.ms }),
      ),
      res.problems.length ? h('pre', { tabindex: '0' }, res.report) : '',
      close,
    );
    this.append(dialog);
    dialog.showModal();
    this.#say('');
  }
}

customElements.define('ex-desk', Desk);
