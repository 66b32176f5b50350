import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIO } from '../../src/cli/main';
import { decodeHtml, sniffCharset } from '../../src/node/decode';
import { parseArgs } from '../../src/cli/args';
import { CORPUS } from '../helpers/corpus';

const SAMPLE = join(__dirname, '../../samples/hacked-notice.html');

function fakeIO(files: Record<string, Uint8Array>, stdin = new Uint8Array()): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readStdin: async () => stdin,
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[p];
    },
  };
}

const page = (charsetMeta: string, body: string, title = '关于做好冬季供暖工作的通知') =>
  `<html><head>${charsetMeta}<title>${title}</title></head><body><h1>${title}</h1><div id="zoom"><p>${body}</p></div></body></html>`;

function encodeLegacy(text: string, encoding: 'gbk' | 'big5'): Uint8Array {
  // Node has decoders but no legacy encoders: build the reverse map from the decoder, char by char.
  const dec = new TextDecoder(encoding);
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = map.get(ch);
      if (!b) throw new Error(`cannot encode ${ch} in ${encoding}`);
      bytes.push(...b);
    }
  }
  return new Uint8Array(bytes);
}

describe('decodeHtml', () => {
  const text = '各区县人民政府，市政府各部门：为切实做好今冬明春供暖工作，现将有关事项通知如下。';
  it('decodes GBK, GB2312 and GB18030 pages by their meta charset', () => {
    for (const cs of ['gbk', 'gb2312', 'GB18030']) {
      const bytes = encodeLegacy(page(`<meta charset="${cs}">`, text), 'gbk');
      const d = decodeHtml(bytes);
      expect(d.via).toBe('meta');
      expect(d.text).toContain(text);
    }
  });
  it('reads the charset from http-equiv Content-Type', () => {
    const bytes = encodeLegacy(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', text), 'gbk');
    expect(decodeHtml(bytes).text).toContain(text);
  });
  it('decodes Big5 pages', () => {
    const trad = '各區縣人民政府，市政府各部門：為切實做好今冬明春供暖工作，現將有關事項通知如下。';
    const bytes = encodeLegacy(page('<meta charset="big5">', trad, '關於做好冬季供暖工作的通知'), 'big5');
    expect(decodeHtml(bytes).text).toContain(trad);
  });
  it('lets a BOM win over a wrong meta charset', () => {
    const utf8 = new TextEncoder().encode(page('<meta charset="gbk">', text));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const d = decodeHtml(withBom);
    expect(d.via).toBe('bom');
    expect(d.text).toContain(text);
  });
  it('falls back to UTF-8 and ignores unknown labels', () => {
    const d = decodeHtml(new TextEncoder().encode(page('<meta charset="x-unknown-thing">', text)));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain(text);
    expect(sniffCharset(new TextEncoder().encode('<p>no meta</p>'))).toBeNull();
  });
});

describe('parseArgs', () => {
  it('parses options and rejects bad ones with a message', () => {
    expect(parseArgs(['a.html', '--url', 'http://x.gov.cn/', '--pretty'])).toMatchObject({ files: ['a.html'], url: 'http://x.gov.cn/', pretty: true });
    expect(parseArgs(['--script=tw', '-'])).toMatchObject({ files: ['-'], script: 'tw' });
    expect(parseArgs(['--script', 'xx'])).toHaveProperty('error');
    expect(parseArgs(['--url'])).toHaveProperty('error');
    expect(parseArgs(['--bogus'])).toHaveProperty('error');
  });
});

describe('runCli', () => {
  it('prints one JSON object per line per file, with exactly the documented fields', async () => {
    const io = fakeIO({ 'a.html': readFileSync(SAMPLE), 'b.html': readFileSync(join(CORPUS, 'pages/gne-gzggw-1.html')) });
    expect(await runCli(['a.html', 'b.html'], io)).toBe(0);
    expect(io.out).toHaveLength(2);
    const a = JSON.parse(io.out[0]);
    for (const key of ['file', 'url', 'title', 'servedTitle', 'titleHijacked', 'published', 'source', 'author', 'editor', 'site', 'docInfo', 'clone', 'body', 'summary', 'hidden', 'repairs', 'ms'])
      expect(a).toHaveProperty(key);
    expect(a.file).toBe('a.html');
    expect(a.title).toBe('清河县关于开展2024年冬季安全生产大检查的通知');
    expect(a.servedTitle).toContain('勉费');
    expect(a.body).toContain('决定自即日起在全县范围内开展冬季安全生产大检查');
    // A notice's summary starts with its purpose, not its salutation (各乡镇人民政府，…：).
    expect(a.summary[0]).toMatch(/^为深刻吸取近期事故教训/);
    for (const s of a.summary) expect(s).not.toMatch(/[：:]$/);
    expect(a.docInfo).toMatchObject({ 发文字号: '清安办〔2024〕12号', 索引号: '11130100MB1234567X/2024-01001' });
    expect(a.titleHijacked).toBe(true);
    expect(a.hidden.map((h: { kind: string }) => h.kind)).toEqual(expect.arrayContaining(['link-farm', 'hidden-links', 'spam-line', 'content-farm', 'share']));
    expect(a.url).toMatch(/^file:\/\//);
    expect(JSON.parse(io.out[1]).title).toBe('1-10月德清县固定资产投资结构趋稳趋优');
  });

  it('names a missing file on stderr, still processes the others, and exits 1', async () => {
    const io = fakeIO({ 'ok.html': readFileSync(SAMPLE) });
    expect(await runCli(['missing.html', 'ok.html'], io)).toBe(1);
    expect(io.err.join('\n')).toContain('missing.html');
    expect(io.out).toHaveLength(1);
  });

  it('reads standard input for "-" and takes --url for mirror detection', async () => {
    const io = fakeIO({}, readFileSync(SAMPLE));
    expect(await runCli(['-', '--url', 'http://copy.example.com/x.html'], io)).toBe(0);
    const a = JSON.parse(io.out[0]);
    expect(a.url).toBe('http://copy.example.com/x.html');
    expect(a.clone).toEqual({ original: 'www.qinghe.gov.cn', originalUrl: 'http://www.qinghe.gov.cn/zwgk/tzgg/202411/t20241118_1001.html' });
  });

  it('--pretty indents, usage errors exit 2 without output', async () => {
    const io = fakeIO({ 'a.html': readFileSync(SAMPLE) });
    expect(await runCli(['a.html', '--pretty'], io)).toBe(0);
    expect(io.out[0]).toContain('\n  "title"');
    const bad = fakeIO({});
    expect(await runCli([], bad)).toBe(2);
    expect(bad.out).toHaveLength(0);
  });
});

describe('runCli --script', () => {
  it('prints title, body and summary in the chosen script, equal to converting the cn body with opencc-js', async () => {
    const OpenCC = await import('opencc-js');
    const bytes = readFileSync(join(CORPUS, 'pages/gne-gzggw-1.html'));
    const cnIO = fakeIO({ 'p.html': bytes });
    await runCli(['p.html', '--script', 'cn'], cnIO);
    const cn = JSON.parse(cnIO.out[0]);
    for (const target of ['tw', 't', 'twp', 'hk'] as const) {
      const io = fakeIO({ 'p.html': bytes });
      expect(await runCli(['p.html', '--script', target], io)).toBe(0);
      const got = JSON.parse(io.out[0]);
      const convert = OpenCC.Converter({ from: 'cn', to: target });
      expect(got.body).toBe(convert(cn.body));
      expect(got.title).toBe(convert(cn.title));
      expect(got.summary).toEqual(cn.summary.map(convert));
      expect(got.body).not.toBe(cn.body);
    }
  });
});
