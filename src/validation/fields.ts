/** Chinese names of frontmatter fields, so staff see the field as the 编辑指南 calls it. */
export const fieldLabels: Record<string, string> = {
  title: '标题',
  name: '名称',
  unit: '所属单位',
  year: '年份',
  summary: '摘要',
  sources: '来源',
  publisher: '发布单位',
  date: '日期',
  dateNote: '日期说明',
  dateInferred: '日期推断说明',
  dateFrom: '原文的相对日期',
  url: '链接',
  author: '作者',
  tags: '标签',
  series: '系列',
  order: '排序',
  figures: '数据',
  label: '数据名称',
  value: '数值',
  approx: '约数标记',
  asOf: '截至日期',
  source: '来源',
  note: '说明',
  honours: '荣誉',
  cover: '封面图',
  src: '图片文件',
  alt: '图片说明（替代文字）',
  caption: '图注',
  hall: '关联展馆',
  route: '关联航线',
  related: '相关案例',
  draft: '草稿',
  kind: '类型',
  opened: '开馆日期',
  area: '面积',
  address: '地址',
  hours: '开放时间',
  zones: '展区',
  description: '说明',
  operator: '运营单位',
  lengthKm: '去程里程',
  returnKm: '返程里程',
  duration: '时长',
  stops: '航程',
  historic: '历史航线',
  period: '时期',
  from: '出发地',
  toward: '去向',
  coords: '坐标',
  id: '编号',
  short: '简称',
  aliases: '别名',
  level: '级别',
  region: '所属地区',
  text: '正文',
  themes: '主题',
  link: '关联条目',
  case: '关联案例',
  featured: '重点展示',
  preface: '首页序言',
};

/** `figures[2].value` → `figures[2].value（数值）`. */
export function describeField(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '（整个文件头）';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  const last = [...path].reverse().find((p) => typeof p === 'string');
  const label = typeof last === 'string' ? fieldLabels[last] : undefined;
  return label ? `${out}（${label}）` : out;
}
