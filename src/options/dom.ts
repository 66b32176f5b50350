// Tiny DOM helpers for the options page. Text always goes in through textContent: site names,
// rules and file contents are user data and never reach innerHTML.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`options page: #${id} missing`);
  return el as T;
}

type Attrs = Record<string, string | boolean | number | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'checked' || k === 'disabled' || k === 'selected' || k === 'value') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

export function options(select: HTMLSelectElement, items: { value: string; label: string }[], value: string): void {
  select.replaceChildren(...items.map((i) => h('option', { value: i.value, text: i.label, selected: i.value === value })));
  select.value = value;
}
