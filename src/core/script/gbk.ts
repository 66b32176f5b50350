// A GBK code table built lazily from the platform's own decoder (TextDecoder('gbk') exists in
// Node, Chromium and Firefox), so no 100 KB table ships with the extension. Built on the first
// suspected mojibake only: one decode of all 23,940 two-byte sequences. The table is the decoded
// string itself and a code-unit array, not an array of one-character strings and a Map keyed by
// them: a first build takes 10–19 ms in a fresh Chromium page instead of 52–59 ms (5.6 vs 17.8 ms
// in Node), on every page where the repair module tries a re-read.

/** The decoded sequences, one UTF-16 unit each; index (lead - 0x81) * 190 + trailIndex. */
let table: string | null = null;
/** Code unit -> lead << 8 | trail of its first sequence; 0 for characters GBK lacks. */
let codes: Uint16Array | null = null;

const trailIndex = (t: number): number => (t < 0x7f ? t - 0x40 : t - 0x41);

function build(): void {
  if (table !== null) return;
  const bytes = new Uint8Array(126 * 190 * 2);
  let n = 0;
  for (let l = 0x81; l <= 0xfe; l++)
    for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) (bytes[n++] = l), (bytes[n++] = t);
  let decoded = '';
  try {
    decoded = new TextDecoder('gbk').decode(bytes);
  } catch {
    /* no GBK decoder: the tables stay empty and mojibake repair is off */
  }
  // Every two-byte sequence must give exactly one UTF-16 unit (two-byte GBK is all in the BMP), or
  // the positions mean nothing: then repair is off.
  if (decoded.length !== bytes.length / 2) decoded = '';
  table = decoded;
  codes = new Uint16Array(0x10000);
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (codes[c] || isPrivateUseCode(c)) continue;
    const ti = i % 190;
    codes[c] = ((0x81 + Math.floor(i / 190)) << 8) | (ti < 0x3f ? ti + 0x40 : ti + 0x41);
  }
}

const isPrivateUseCode = (c: number): boolean => (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd;

export function isPrivateUse(ch: string): boolean {
  return isPrivateUseCode(ch.codePointAt(0) ?? 0);
}

/** The two GBK bytes of a character, or null for ASCII / characters GBK lacks. */
export function gbkBytes(ch: string): [number, number] | null {
  build();
  const code = ch.length === 1 ? codes![ch.charCodeAt(0)] : 0;
  return code ? [code >> 8, code & 0xff] : null;
}

/** The character for a lead/trail pair, or null when the pair is not a real character. */
export function gbkChar(lead: number, trail: number): string | null {
  build();
  if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return null;
  const ch = table![(lead - 0x81) * 190 + trailIndex(trail)];
  return ch === undefined || isPrivateUse(ch) ? null : ch;
}

export const gbkAvailable = (): boolean => {
  build();
  return table!.length > 0;
};
