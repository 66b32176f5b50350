// A GBK code table built lazily from the platform's own decoder (TextDecoder('gbk') exists in
// Node, Chromium and Firefox), so no 100 KB table ships with the extension. Built on the first
// suspected mojibake only: one decode of all 23,940 two-byte sequences, about 3 ms.

let chars: string[] | null = null; // index: (lead - 0x81) * 190 + trailIndex
let codes: Map<string, number> | null = null; // char -> lead << 8 | trail

const trailIndex = (t: number): number => (t < 0x7f ? t - 0x40 : t - 0x41);

function build(): void {
  if (chars) return;
  const bytes: number[] = [];
  for (let l = 0x81; l <= 0xfe; l++)
    for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) bytes.push(l, t);
  let decoded: string[] = [];
  try {
    decoded = Array.from(new TextDecoder('gbk').decode(new Uint8Array(bytes)));
  } catch {
    /* no GBK decoder: the tables stay empty and mojibake repair is off */
  }
  if (decoded.length !== bytes.length / 2) decoded = [];
  chars = decoded;
  codes = new Map();
  for (let i = 0; i < decoded.length; i++) {
    const ch = decoded[i];
    if (codes.has(ch) || isPrivateUse(ch)) continue;
    const lead = 0x81 + Math.floor(i / 190);
    const ti = i % 190;
    codes.set(ch, (lead << 8) | (ti < 0x3f ? ti + 0x40 : ti + 0x41));
  }
}

export function isPrivateUse(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;
}

/** The two GBK bytes of a character, or null for ASCII / characters GBK lacks. */
export function gbkBytes(ch: string): [number, number] | null {
  build();
  const code = codes!.get(ch);
  return code === undefined ? null : [code >> 8, code & 0xff];
}

/** The character for a lead/trail pair, or null when the pair is not a real character. */
export function gbkChar(lead: number, trail: number): string | null {
  build();
  if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return null;
  const ch = chars![(lead - 0x81) * 190 + trailIndex(trail)];
  return ch === undefined || isPrivateUse(ch) ? null : ch;
}

export const gbkAvailable = (): boolean => {
  build();
  return chars!.length > 0;
};
