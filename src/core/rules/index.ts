// User rules (uBlock Origin cosmetic syntax) applied to a page: every element a rule selects on
// this host becomes a HiddenBlock of kind 'user-rule', reported like the built-in hides.
import type { PageContext } from '../page/context';
import type { HiddenBlock } from '../types';
import { parseRules, selectorsFor, type ParsedRules } from './parse';

export { hostMatches, parseRules, selectorChecker, selectorsFor } from './parse';
export type { CosmeticRule, ParsedRules, RuleError, RuleErrorCode } from './parse';

// The content script re-analyses the same page several times with the same rules: parse once.
let cached: { text: string; doc: Document; parsed: ParsedRules } | null = null;

function parsedFor(text: string, doc: Document): ParsedRules {
  if (cached && cached.text === text && cached.doc === doc) return cached.parsed;
  const parsed = parseRules(text, doc);
  cached = { text, doc, parsed };
  return parsed;
}

/** Elements that must never be hidden by a rule: hiding them blanks the whole page. */
const NEVER = new Set(['HTML', 'HEAD', 'BODY']);
const MAX_TEXT = 300;

export function applyUserRules(ctx: PageContext): HiddenBlock[] {
  const text = ctx.settings.userRules;
  if (!text || !text.trim()) return [];
  const out: HiddenBlock[] = [];
  try {
    const selectors = selectorsFor(parsedFor(text, ctx.doc), ctx.host);
    if (!selectors.length) return [];
    const matched: Element[] = [];
    const reasons = new Map<Element, string>();
    for (const { selector, rule } of selectors) {
      let found: NodeListOf<Element>;
      try {
        found = ctx.doc.querySelectorAll(selector);
      } catch {
        continue; // validated already; a browser difference must not stop the other rules
      }
      for (const el of found) {
        if (NEVER.has(el.tagName.toUpperCase()) || reasons.has(el) || ctx.excluded.has(el)) continue;
        reasons.set(el, rule.text);
        matched.push(el);
      }
    }
    // Hiding an element hides what it contains: report the outermost ones only.
    for (const el of matched) {
      let inner = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (reasons.has(p) || ctx.excluded.has(p)) {
          inner = true;
          break;
        }
      }
      if (inner) continue;
      const t = ctx.visibleText(el);
      out.push({
        kind: 'user-rule',
        category: 'noise',
        reason: reasons.get(el)!,
        text: t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) + '…' : t,
        element: el,
      });
    }
  } catch {
    // Never let a user's rule break the analysis of the page.
    return out;
  }
  return out;
}
