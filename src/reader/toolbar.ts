// The view's toolbar: back, script, typography panel, copy, print, and a polite status line.
// Native buttons/selects keep it keyboard reachable without custom key handling.
import { SCRIPT_TARGETS, type ScriptTarget } from '../core/types';
import type { ReaderPrefs } from '../platform/settings-schema';
import type { Translate } from './strings';

export type ScriptChoice = 'original' | ScriptTarget;

export interface ToolbarHandlers {
  back(): void;
  script(target: ScriptChoice): void;
  prefs(next: ReaderPrefs): void;
  copyMarkdown(): void;
  copyText(): void;
  print(): void;
}

export interface Toolbar {
  bar: HTMLElement;
  status: HTMLElement;
  sync(prefs: ReaderPrefs, script: ScriptChoice): void;
  closePanel(): boolean;
}

interface Stepper {
  key: 'fontSize' | 'lineHeight' | 'width';
  label: string;
  min: number;
  max: number;
  step: number;
  format(v: number): string;
}

const round = (v: number, step: number) => Math.round(v / step) * step;

export function buildToolbar(doc: Document, t: Translate, initial: { prefs: ReaderPrefs; script: ScriptChoice }, h: ToolbarHandlers): Toolbar {
  let prefs = { ...initial.prefs };
  const bar = doc.createElement('div');
  bar.className = 'qd-bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('reader_toolbar'));

  const button = (label: string, onClick: () => void, title?: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (title) b.title = title;
    b.addEventListener('click', () => onClick());
    return b;
  };
  const select = (label: string, options: [string, string][], onChange: (v: string) => void) => {
    const s = doc.createElement('select');
    s.setAttribute('aria-label', label);
    s.title = label;
    for (const [value, text] of options) {
      const o = doc.createElement('option');
      o.value = value;
      o.textContent = text;
      s.appendChild(o);
    }
    s.addEventListener('change', () => onChange(s.value));
    return s;
  };
  const setPrefs = (patch: Partial<ReaderPrefs>) => {
    prefs = { ...prefs, ...patch };
    h.prefs(prefs);
  };

  const back = button('← ' + t('reader_back'), h.back, t('reader_back_hint'));
  back.dataset.action = 'back';
  const script = select(
    t('reader_script_label'),
    (['original', ...SCRIPT_TARGETS] as ScriptChoice[]).map((v) => [v, t('reader_script_' + v)]),
    (v) => h.script(v as ScriptChoice),
  );
  script.dataset.action = 'script';

  // Typography panel, opened by the "排版" button. Built on its first opening: the view opens
  // with it collapsed, and its controls are a third of the toolbar's elements.
  const panelId = 'qd-panel';
  let panel: { el: HTMLElement; sync(p: ReaderPrefs): void } | null = null;
  const settings = button('Aa ' + t('reader_settings'), () => {
    panel ??= buildPanel();
    panel.el.hidden = !panel.el.hidden;
    settings.setAttribute('aria-expanded', String(!panel.el.hidden));
  });
  settings.dataset.action = 'settings';
  settings.setAttribute('aria-expanded', 'false');

  const buildPanel = () => {
    const el = doc.createElement('div');
    el.className = 'qd-panel';
    el.id = panelId;
    el.hidden = true;
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', t('reader_settings'));
    const row = (label: string, control: HTMLElement) => {
      const l = doc.createElement('span');
      l.className = 'qd-label';
      l.textContent = label;
      el.append(l, control);
    };
    const theme = select(
      t('reader_theme'),
      (['system', 'light', 'sepia', 'dark'] as const).map((v) => [v, t('reader_theme_' + v)]),
      (v) => setPrefs({ theme: v as ReaderPrefs['theme'] }),
    );
    theme.dataset.action = 'theme';
    row(t('reader_theme'), theme);
    const font = select(
      t('reader_font'),
      (['sans', 'serif', 'kai'] as const).map((v) => [v, t('reader_font_' + v)]),
      (v) => setPrefs({ font: v as ReaderPrefs['font'] }),
    );
    font.dataset.action = 'font';
    row(t('reader_font'), font);

    const steppers: Stepper[] = [
      { key: 'fontSize', label: t('reader_font_size'), min: 14, max: 32, step: 1, format: (v) => `${v}px` },
      { key: 'lineHeight', label: t('reader_line_height'), min: 1.4, max: 2.4, step: 0.1, format: (v) => v.toFixed(1) },
      { key: 'width', label: t('reader_width'), min: 20, max: 60, step: 2, format: (v) => String(v) },
    ];
    const outputs = new Map<Stepper['key'], HTMLOutputElement>();
    for (const s of steppers) {
      const wrap = doc.createElement('span');
      wrap.className = 'qd-step';
      const out = doc.createElement('output');
      out.setAttribute('aria-live', 'polite');
      const change = (dir: 1 | -1) => {
        const v = Math.min(s.max, Math.max(s.min, round(prefs[s.key] + dir * s.step, s.step)));
        setPrefs({ [s.key]: Number(v.toFixed(2)) } as Partial<ReaderPrefs>);
      };
      const minus = button('−', () => change(-1));
      minus.setAttribute('aria-label', `${s.label} ${t('reader_smaller')}`);
      minus.dataset.action = s.key + '-';
      const plus = button('+', () => change(1));
      plus.setAttribute('aria-label', `${s.label} ${t('reader_larger')}`);
      plus.dataset.action = s.key + '+';
      wrap.append(minus, out, plus);
      outputs.set(s.key, out);
      row(s.label, wrap);
    }
    const toggle = (key: 'indent' | 'vertical', label: string) => {
      const b = button(label, () => setPrefs({ [key]: !prefs[key] } as Partial<ReaderPrefs>));
      b.dataset.action = key;
      row('', b);
      return b;
    };
    const indent = toggle('indent', t('reader_indent'));
    const vertical = toggle('vertical', t('reader_vertical'));
    const sync = (p: ReaderPrefs) => {
      theme.value = p.theme;
      font.value = p.font;
      for (const st of steppers) outputs.get(st.key)!.textContent = st.format(p[st.key]);
      indent.setAttribute('aria-pressed', String(!!p.indent));
      vertical.setAttribute('aria-pressed', String(!!p.vertical));
    };
    sync(prefs);
    bar.appendChild(el);
    settings.setAttribute('aria-controls', panelId); // once the panel exists
    return { el, sync };
  };

  const spacer = doc.createElement('span');
  spacer.className = 'qd-spacer';
  const status = doc.createElement('span');
  status.className = 'qd-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const copyMd = button(t('reader_copy_md'), h.copyMarkdown);
  copyMd.dataset.action = 'copy-md';
  const copyText = button(t('reader_copy_text'), h.copyText);
  copyText.dataset.action = 'copy-text';
  const print = button(t('reader_print'), h.print);
  print.dataset.action = 'print';

  bar.append(back, spacer, status, script, settings, copyMd, copyText, print);

  const sync = (p: ReaderPrefs, s: ScriptChoice) => {
    prefs = { ...p };
    script.value = s;
    panel?.sync(prefs);
  };
  sync(prefs, initial.script);
  const closePanel = () => {
    if (!panel || panel.el.hidden) return false;
    panel.el.hidden = true;
    settings.setAttribute('aria-expanded', 'false');
    settings.focus();
    return true;
  };
  return { bar, status, sync, closePanel };
}
