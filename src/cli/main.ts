// The CLI: one JSON object per line per file on standard output, messages on standard error.
// A file that can't be read is reported by name; the others are still processed; exit code 1.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeHtml, decodeHtml } from '../node/index';
import { toJSON } from '../core/serialize';
import { convertOutput } from './script';
import { parseArgs, USAGE } from './args';

export interface CliIO {
  stdout(line: string): void;
  stderr(line: string): void;
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
}

export const nodeIO: CliIO = {
  stdout: (l) => process.stdout.write(l + '\n'),
  stderr: (l) => process.stderr.write(l + '\n'),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  },
  readFile: (p) => readFile(p),
};

export async function runCli(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`qingdu: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stderr(USAGE);
    return 0;
  }
  if (args.files.length === 0) {
    io.stderr(`qingdu: no input file\n\n${USAGE}`);
    return 2;
  }
  let failed = 0;
  for (const file of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await io.readStdin() : await io.readFile(file);
    } catch (e) {
      failed++;
      io.stderr(`qingdu: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    try {
      const url = args.url ?? (file === '-' ? 'file:///dev/stdin' : pathToFileURL(resolve(file)).href);
      const { text } = decodeHtml(bytes);
      let json = toJSON(analyzeHtml(text, url), file);
      if (args.script) json = await convertOutput(json, args.script);
      io.stdout(args.pretty ? JSON.stringify(json, null, 2) : JSON.stringify(json));
    } catch (e) {
      failed++;
      io.stderr(`qingdu: cannot analyse ${file}: ${(e as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}
