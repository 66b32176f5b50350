// Applies text repairs to the live page, reversibly: pinyin <rt>/<rp> are hidden by an attribute
// and one stylesheet rule (never removed), text nodes are rewritten with their originals kept.
import type { Repair } from '../core/types';

export const REPAIR_ATTR = 'data-qingdu-repair';
const STYLE_ID = 'qingdu-repair-style';

export function applyRepairs(doc: Document, repairs: Repair[]): { undo(): void } {
  const originals = new Map<Text, { original: string; written: string }>();
  const hidden: Element[] = [];
  let style: HTMLStyleElement | null = null;
  try {
    const byNode = new Map<Text, Repair[]>();
    for (const r of repairs) {
      if (r.kind === 'ruby') {
        for (const el of r.elements || []) {
          if (!el.hasAttribute(REPAIR_ATTR)) {
            el.setAttribute(REPAIR_ATTR, '');
            hidden.push(el);
          }
        }
      } else if (r.node && r.start !== undefined) {
        let list = byNode.get(r.node);
        if (!list) byNode.set(r.node, (list = []));
        list.push(r);
      }
    }
    for (const [node, list] of byNode) {
      const data = node.data;
      let out = data;
      // Right to left so earlier offsets stay valid; skip a repair whose text moved.
      for (const r of [...list].sort((a, b) => b.start! - a.start!)) {
        if (data.slice(r.start!, r.start! + r.from.length) !== r.from) continue;
        out = out.slice(0, r.start!) + r.to + out.slice(r.start! + r.from.length);
      }
      if (out !== data) {
        originals.set(node, { original: data, written: out });
        node.data = out;
      }
    }
    if (hidden.length && !doc.getElementById(STYLE_ID)) {
      style = doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = `[${REPAIR_ATTR}]{display:none!important}`;
      (doc.head || doc.documentElement).appendChild(style);
    }
  } catch {
    /* a page that fights back keeps its text; never throw on the user's page */
  }
  return {
    undo() {
      for (const [node, w] of originals) if (node.data === w.written) node.data = w.original;
      originals.clear();
      for (const el of hidden) el.removeAttribute(REPAIR_ATTR);
      hidden.length = 0;
      style?.remove();
      style = null;
    },
  };
}
