// Inline spam (T7) is a span inside one text node. We split the node and wrap the span in a
// <qingdu-span data-qingdu-hide="inline-spam"> so CSS can hide it; undo restores the ORIGINAL
// text node's data and removes what we inserted, so node identity and serialisation come back
// exactly. Spans in one node are applied right-to-left and undone in reverse order.
import { HIDE_ATTR } from './hide-style';

export const SPAN_TAG = 'qingdu-span';

interface Applied {
  node: Text;
  full: string;
  wrapper: Element;
  tail: Text;
}

export interface InlineHider {
  wrap(spans: { node: Text; start: number; end: number }[]): void;
  unwrapAll(): void;
  isOwn(node: Node): boolean;
}

export function createInlineHider(doc: Document): InlineHider {
  const applied: Applied[] = [];
  return {
    wrap(spans) {
      const byNode = new Map<Text, { start: number; end: number }[]>();
      for (const s of spans) {
        if (!s.node.isConnected || s.end <= s.start || s.end > s.node.data.length) continue;
        const list = byNode.get(s.node) ?? [];
        list.push(s);
        byNode.set(s.node, list);
      }
      for (const [node, list] of byNode) {
        list.sort((a, b) => b.start - a.start);
        let limit = node.data.length;
        for (const s of list) {
          if (s.end > limit) continue; // overlapping spans: keep the later one
          const full = node.data;
          const wrapper = doc.createElement(SPAN_TAG);
          wrapper.setAttribute(HIDE_ATTR, 'inline-spam');
          wrapper.textContent = full.slice(s.start, s.end);
          const tail = doc.createTextNode(full.slice(s.end));
          node.data = full.slice(0, s.start);
          node.after(wrapper, tail);
          applied.push({ node, full, wrapper, tail });
          limit = s.start;
        }
      }
    },
    unwrapAll() {
      for (let i = applied.length - 1; i >= 0; i--) {
        const a = applied[i];
        a.node.data = a.full;
        a.wrapper.remove();
        a.tail.remove();
      }
      applied.length = 0;
    },
    isOwn(node) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (el?.closest(SPAN_TAG)) return true;
      return applied.some((a) => a.tail === node);
    },
  };
}
