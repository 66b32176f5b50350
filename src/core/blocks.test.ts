import { describe, expect, it } from 'vitest';
import { mapBlockText } from './blocks';
import type { ArticleBlock } from './types';

describe('mapBlockText', () => {
  it('maps every text field of every block type and never a URL', () => {
    const up = (s: string) => `<${s}>`;
    const blocks: ArticleBlock[] = [
      { type: 'heading', level: 2, text: 'a' },
      { type: 'paragraph', text: 'b' },
      { type: 'quote', text: 'c' },
      { type: 'list', ordered: true, items: ['d', 'e'] },
      { type: 'table', rows: [['f', 'g']] },
      { type: 'image', src: 'http://x/i.png', alt: 'h', caption: 'i' },
    ];
    expect(blocks.map((b) => mapBlockText(b, up))).toEqual([
      { type: 'heading', level: 2, text: '<a>' },
      { type: 'paragraph', text: '<b>' },
      { type: 'quote', text: '<c>' },
      { type: 'list', ordered: true, items: ['<d>', '<e>'] },
      { type: 'table', rows: [['<f>', '<g>']] },
      { type: 'image', src: 'http://x/i.png', alt: '<h>', caption: '<i>' },
    ]);
  });
});
