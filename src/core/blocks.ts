// One place that knows where an ArticleBlock keeps its text, so repairs, span stripping and
// script conversion all reach every text field (and never a URL).
import type { ArticleBlock } from './types';

export function mapBlockText<T extends ArticleBlock>(block: T, f: (text: string) => string): T {
  const b = block as ArticleBlock;
  switch (b.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return { ...b, text: f(b.text) } as T;
    case 'list':
      return { ...b, items: b.items.map(f) } as T;
    case 'table':
      return { ...b, rows: b.rows.map((r) => r.map(f)) } as T;
    case 'image':
      return { ...b, alt: f(b.alt), caption: f(b.caption) } as T;
  }
}
