// Decode saved HTML bytes the way a browser would, simplified: BOM first, then the charset
// declared in <meta charset> or <meta http-equiv=Content-Type>, else UTF-8. Many gov pages are
// GBK/GB2312; GB2312 is decoded as GBK/GB18030 (its supersets), as browsers do.
const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

const ALIASES: Record<string, string> = {
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  gbk: 'gbk',
  gb18030: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf8': 'utf-8',
};

export interface Decoded {
  text: string;
  encoding: string;
  /** How the encoding was chosen: 'bom', 'meta' or 'default'. */
  via: 'bom' | 'meta' | 'default';
}

export function sniffCharset(bytes: Uint8Array): string | null {
  // The declaration must sit in the first 1024 bytes per the HTML spec; allow a little more.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ||
    head.match(/<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i);
  return m ? m[1].toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  const name = ALIASES[label] ?? label;
  try {
    return new TextDecoder(name);
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  for (const [bom, enc] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: new TextDecoder(enc).decode(bytes.subarray(bom.length)), encoding: enc, via: 'bom' };
    }
  }
  const declared = sniffCharset(bytes);
  if (declared) {
    const dec = decoderFor(declared);
    // A page declaring UTF-16 in a meta tag is really ASCII-compatible bytes (spec: treat as UTF-8).
    if (dec && !dec.encoding.startsWith('utf-16')) return { text: dec.decode(bytes), encoding: dec.encoding, via: 'meta' };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', via: 'default' };
}
