// Command-line arguments of `qingdu` / `npm run -s analyze`.
import { SCRIPT_TARGETS, type ScriptTarget } from '../core/types';

export interface CliArgs {
  files: string[];
  url: string | null;
  pretty: boolean;
  script: ScriptTarget | null;
  help: boolean;
}

export const USAGE = `Usage: npm run -s analyze -- [options] FILE... (use - for standard input)

Prints one JSON object per line per file: the page's real title, metadata, body,
summary, what Qingdu would hide and the repairs it would make.

Options:
  --url URL        the address the page was served at (default: the file's file:// URL);
                   decides mirror-copy detection and site rules
  --script T       print title, body and summary in script T: cn | t | tw | twp | hk
  --pretty         indent the JSON for people
  -h, --help       this text`;

export function parseArgs(argv: string[]): CliArgs | { error: string } {
  const out: CliArgs = { files: [], url: null, pretty: false, script: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string | { error: string } => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      return v === undefined ? { error: `${name} needs a value` } : v;
    };
    if (a === '--pretty') out.pretty = true;
    else if (a === '-h' || a === '--help') out.help = true;
    else if (a === '--url' || a.startsWith('--url=')) {
      const v = value('--url');
      if (typeof v !== 'string') return v;
      out.url = v;
    } else if (a === '--script' || a.startsWith('--script=')) {
      const v = value('--script');
      if (typeof v !== 'string') return v;
      if (!(SCRIPT_TARGETS as readonly string[]).includes(v)) return { error: `--script must be one of ${SCRIPT_TARGETS.join(', ')} (got "${v}")` };
      out.script = v as ScriptTarget;
    } else if (a === '--') continue;
    else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else out.files.push(a);
  }
  return out;
}
