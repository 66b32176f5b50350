// The user-rules editor: every change is checked line by line (the same parser the content
// script uses, with the browser's own selector engine) and saved; bad lines are listed with
// their numbers and are ignored, the rest apply.
import { parseRules, type ParsedRules } from '../core/rules/index';
import type { OptionsContext } from './context';
import { byId, h } from './dom';

const SAVE_DELAY_MS = 600;

export function describeRules(parsed: ParsedRules, t: OptionsContext['t']): { summary: string; items: { line: number; message: string; text: string }[] } {
  const valid = parsed.rules.length;
  const items = parsed.errors.map((e) => ({
    line: e.line,
    message: t(`options_rule_err_${e.code.replace(/-/g, '_')}`),
    text: e.text,
  }));
  const summary = items.length ? t('options_rules_errors', [String(valid), String(items.length)]) : t('options_rules_ok', [String(valid)]);
  return { summary, items };
}

export function initRules(ctx: OptionsContext): { render(): void } {
  const area = byId<HTMLTextAreaElement>('rules');
  const summary = byId('rules-summary');
  const list = byId('rules-errors');
  let timer: ReturnType<typeof setTimeout> | undefined;

  function show(text: string): void {
    const started = performance.now();
    const parsed = parseRules(text, document);
    // Measured in the browser itself (read by the end-to-end test and docs/settings.md).
    summary.dataset.parseMs = (performance.now() - started).toFixed(2);
    const { summary: line, items } = describeRules(parsed, ctx.t);
    summary.textContent = line;
    list.replaceChildren(
      ...items.map((i) =>
        h('li', { 'data-line': i.line }, h('span', { class: 'line', text: ctx.t('options_rules_line', [String(i.line)]) }), ' ', h('span', { text: i.message }), ' ', h('code', { text: i.text })),
      ),
    );
    area.setAttribute('aria-invalid', items.length ? 'true' : 'false');
  }

  area.addEventListener('input', () => {
    show(area.value);
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  area.addEventListener('blur', () => {
    if (timer) save();
  });
  function save(): void {
    clearTimeout(timer);
    timer = undefined;
    const text = area.value;
    if (text !== ctx.get().userRules) void ctx.commit((s) => ({ ...s, userRules: text }));
  }

  return {
    render() {
      // Never overwrite what the user is typing.
      if (document.activeElement === area || timer) return;
      if (area.value !== ctx.get().userRules) area.value = ctx.get().userRules;
      show(area.value);
    },
  };
}
