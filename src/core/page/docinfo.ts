// The 信息公开 table of policy documents: 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号,
// 发布日期 … keyed by the label as the page writes it. Laid out as label/value cells, as
// "label：value" cells or list items, or as <dt>/<dd>. Needs two labels before it is believed.
import { foldSpace } from './context';

const LABELS = [
  '索引号', '主题分类', '体裁分类', '组配分类', '服务对象分类', '发文机关', '发布机构', '发文单位', '成文日期', '发文日期', '标题', '名称',
  '文件名称', '发文字号', '文号', '发布日期', '生效日期', '实施日期', '废止日期', '有效性', '时效', '主题词', '关键词', '公开方式', '公开范围',
  '公开时限', '信息类别', '内容概述', '所属机构', '统一编号', '登记号',
];
const LABEL_SET = new Set(LABELS);
const strip = (s: string): string => foldSpace(s).replace(/[：:\s]+$/u, '').replace(/\s+/g, '');

function keyOf(text: string): string {
  const k = strip(text);
  return k.length <= 8 && LABEL_SET.has(k) ? k : '';
}

export function readDocInfo(doc: Document, pageText: string): Record<string, string> {
  const info: Record<string, string> = {};
  if (!/索引号|发文字号|发文机关|成文日期|主题分类/.test(pageText)) return info;
  const cells = doc.querySelectorAll('td, th, dt, li, span, p, div, b, strong, label, em');
  const put = (k: string, v: string) => {
    const value = foldSpace(v);
    if (k && value && value.length <= 300 && !(k in info) && !keyOf(value)) info[k] = value;
  };
  for (let i = 0; i < cells.length; i++) {
    const el = cells[i];
    if (el.children.length > 3) continue;
    const text = foldSpace(el.textContent || '');
    if (!text || text.length > 320) continue;
    const k = keyOf(text);
    if (k) {
      // Value in the next cell (td/dd/span), or the next element sibling.
      let next = el.nextElementSibling;
      while (next && !foldSpace(next.textContent || '')) next = next.nextElementSibling;
      if (next) put(k, next.textContent || '');
      continue;
    }
    const m = text.match(/^([\p{Script=Han}]{2,6})\s*[：:]\s*(.+)$/u);
    if (m && LABEL_SET.has(m[1]) && el.children.length <= 2) put(m[1], m[2]);
  }
  return Object.keys(info).length >= 2 ? info : {};
}
