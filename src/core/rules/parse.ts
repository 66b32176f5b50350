// Parser for user rules in uBlock Origin's cosmetic filter syntax (the subset that hides elements):
//   ##selector                 everywhere
//   host##selector             on host and its subdomains
//   a.gov.cn,b.gov.cn##sel     several hosts;  ~host##sel / a.cn,~x.a.cn##sel  exclusions
//   example.*##sel             any public suffix ("entity")
//   host#@#selector            exception: do not apply this selector on host (#@#sel: nowhere)
//   ! comment, [Adblock Plus 2.0] headers and blank lines are skipped.
// Each line is judged on its own: a bad line is reported with its number and skipped, the rest
// apply. Pure: the selector check uses a throwaway DocumentFragment, never the page's nodes.

export interface CosmeticRule {
  /** 1-based line number in the text. */
  line: number;
  /** The line as written (trimmed): the reason shown for what it hides. */
  text: string;
  selector: string;
  /** Hosts the rule applies to; empty = everywhere. */
  include: string[];
  /** Hosts excluded with ~host. */
  exclude: string[];
  exception: boolean;
}

export type RuleErrorCode =
  | 'bad-selector'
  | 'empty-selector'
  | 'bad-host'
  | 'procedural'
  | 'scriptlet'
  | 'network'
  | 'unsupported';

export interface RuleError {
  line: number;
  text: string;
  code: RuleErrorCode;
  /** English explanation (the options page shows a localised one by code). */
  message: string;
}

export interface ParsedRules {
  rules: CosmeticRule[];
  errors: RuleError[];
}

/** uBO/AdGuard operators that are not CSS: a browser's querySelector would reject or ignore them. */
const PROCEDURAL =
  /:(?:has-text|-abp-has|-abp-contains|-abp-properties|contains|xpath|upward|matches-css(?:-before|-after)?|matches-attr|matches-path|matches-prop|matches-media|min-text-length|watch-attr|others|remove|remove-attr|remove-class|style|if|if-not|nth-ancestor|shadow-root|spath)\(/;

const LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const HOST_RE = new RegExp(`^(?:\\*|${LABEL}(?:\\.${LABEL})*(?:\\.\\*)?)$`);

/** Returns null for a valid selector, else the reason. */
export type SelectorCheck = (selector: string) => string | null;
/** Checks many selectors at once; same answers as calling SelectorCheck on each. */
export type BatchCheck = (selectors: string[]) => (string | null)[];

const BATCH = 64;

/**
 * Checks selectors by compiling them against an empty fragment: no page node is touched.
 * Selectors with balanced brackets and quotes are checked in groups joined by "," (a selector
 * list is invalid as soon as one member is), and a failing group is split in halves: one
 * compile per group instead of one per line keeps a 100 KB list fast.
 */
export function selectorChecker(doc?: Document | null): BatchCheck {
  const d = doc ?? (typeof document !== 'undefined' ? document : null);
  const frag = d ? d.createDocumentFragment() : null;
  const one = (sel: string): string | null => {
    if (!frag) return syntaxCheck(sel);
    try {
      frag.querySelector(sel);
      return null;
    } catch (e) {
      return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160) || 'invalid selector';
    }
  };
  const group = (sels: string[], out: (string | null)[], idx: number[]): void => {
    if (sels.length === 1) {
      out[idx[0]] = one(sels[0]);
      return;
    }
    if (one(sels.join(',')) === null) return; // all valid (already null in out)
    const mid = sels.length >> 1;
    group(sels.slice(0, mid), out, idx.slice(0, mid));
    group(sels.slice(mid), out, idx.slice(mid));
  };
  return (selectors) => {
    const out: (string | null)[] = selectors.map(() => null);
    if (!frag) return selectors.map(syntaxCheck);
    let sels: string[] = [];
    let idx: number[] = [];
    const flush = () => {
      if (sels.length) group(sels, out, idx);
      sels = [];
      idx = [];
    };
    selectors.forEach((sel, i) => {
      // Unbalanced ones could swallow their neighbours when joined: judge them alone.
      if (syntaxCheck(sel) !== null) out[i] = one(sel);
      else {
        sels.push(sel);
        idx.push(i);
        if (sels.length === BATCH) flush();
      }
    });
    flush();
    return out;
  };
}

/** Without a Document (e.g. a plain Node CLI): balanced brackets and quotes only. */
function syntaxCheck(sel: string): string | null {
  const stack: string[] = [];
  let quote = '';
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') stack.push(c === '[' ? ']' : ')');
    else if (c === ']' || c === ')') {
      if (stack.pop() !== c) return `unbalanced "${c}"`;
    }
  }
  if (quote) return 'unclosed quote';
  if (stack.length) return `missing "${stack[stack.length - 1]}"`;
  if (/^[>+~,]|[>+~,]\s*$/.test(sel.trim())) return 'dangling combinator';
  return null;
}

function splitHosts(list: string, line: number, text: string, errors: RuleError[]): { include: string[]; exclude: string[] } | null {
  const include: string[] = [];
  const exclude: string[] = [];
  if (!list.trim()) return { include, exclude };
  for (const part of list.split(',')) {
    let h = part.trim().toLowerCase();
    const negated = h.startsWith('~');
    if (negated) h = h.slice(1);
    if (/[^\x00-\x7f]/.test(h)) {
      // Internationalised names are matched in their punycode form, as location.hostname gives them.
      try {
        h = new URL('http://' + h).hostname;
      } catch {
        /* reported below */
      }
    }
    if (!h || !HOST_RE.test(h)) {
      errors.push({ line, text, code: 'bad-host', message: `"${part.trim()}" is not a host name` });
      return null;
    }
    if (h === '*') {
      if (negated) {
        errors.push({ line, text, code: 'bad-host', message: '"~*" excludes everything' });
        return null;
      }
      continue; // "*##sel" is the same as "##sel"
    }
    (negated ? exclude : include).push(h);
  }
  return { include, exclude };
}

export function parseRules(text: string, doc?: Document | null, check: BatchCheck = selectorChecker(doc)): ParsedRules {
  const candidates: CosmeticRule[] = [];
  const errors: RuleError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i].trim();
    if (!raw || raw.startsWith('!') || (raw.startsWith('[') && raw.endsWith(']')) || raw.startsWith('# ') || raw === '#') continue;
    // Find the separator: ##, #@#, or an unsupported one (#?#, #$#, #@?#, #%#, ...).
    const m = /#(@?)([?$%]?)(@?)#/.exec(raw);
    if (!m) {
      errors.push({ line, text: raw, code: 'network', message: 'network filters are not supported; only element hiding rules (##)' });
      continue;
    }
    if (m[2]) {
      const kind = m[2] === '?' ? 'procedural' : m[2] === '%' ? 'scriptlet' : 'unsupported';
      errors.push({ line, text: raw, code: kind, message: `"${m[0]}" rules are not supported; only ## and #@#` });
      continue;
    }
    const exception = m[1] === '@' || m[3] === '@';
    const hostPart = raw.slice(0, m.index);
    const selector = raw.slice(m.index + m[0].length).trim();
    if (selector.startsWith('+js(') || selector.startsWith('^')) {
      errors.push({ line, text: raw, code: selector.startsWith('^') ? 'unsupported' : 'scriptlet', message: 'scriptlet and HTML filters are not supported' });
      continue;
    }
    if (!selector) {
      errors.push({ line, text: raw, code: 'empty-selector', message: 'no selector after ##' });
      continue;
    }
    if (PROCEDURAL.test(selector)) {
      errors.push({ line, text: raw, code: 'procedural', message: 'procedural filters (:has-text, :upward, :style ...) are not supported' });
      continue;
    }
    const hosts = splitHosts(hostPart, line, raw, errors);
    if (!hosts) continue;
    candidates.push({ line, text: raw, selector, include: hosts.include, exclude: hosts.exclude, exception });
  }
  const problems = check(candidates.map((r) => r.selector));
  const rules: CosmeticRule[] = [];
  candidates.forEach((r, i) => {
    const problem = problems[i];
    if (problem) errors.push({ line: r.line, text: r.text, code: 'bad-selector', message: `invalid selector: ${problem}` });
    else rules.push(r);
  });
  errors.sort((a, b) => a.line - b.line);
  return { rules, errors };
}

/** True when `host` is `pattern` or a subdomain of it; "example.*" matches any suffix. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern.endsWith('.*')) {
    const base = pattern.slice(0, -2);
    return host.startsWith(base + '.') || host.includes('.' + base + '.');
  }
  return host === pattern || host.endsWith('.' + pattern);
}

function appliesTo(rule: CosmeticRule, host: string): boolean {
  if (rule.exclude.some((p) => hostMatches(p, host))) return false;
  return rule.include.length === 0 || rule.include.some((p) => hostMatches(p, host));
}

/** The selectors to hide on `host`, each with the rule that asked for it; exceptions applied. */
export function selectorsFor(parsed: ParsedRules, host: string): { selector: string; rule: CosmeticRule }[] {
  const h = host.toLowerCase();
  const excepted = new Set<string>();
  for (const r of parsed.rules) if (r.exception && appliesTo(r, h)) excepted.add(r.selector);
  const out: { selector: string; rule: CosmeticRule }[] = [];
  const seen = new Set<string>();
  for (const r of parsed.rules) {
    if (r.exception || excepted.has(r.selector) || seen.has(r.selector) || !appliesTo(r, h)) continue;
    seen.add(r.selector);
    out.push({ selector: r.selector, rule: r });
  }
  return out;
}
