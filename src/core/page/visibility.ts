// Is an element invisible to a person? Judged from its computed style (T3 techniques:
// display:none, visibility:hidden, off-screen positioning, font-size:0, text-indent,
// zero height with overflow hidden). First version; the spam engine refines it.
export function isInvisibleElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  let style: CSSStyleDeclaration;
  try {
    style = view.getComputedStyle(el);
  } catch {
    return false;
  }
  if (style.display === 'none' || style.visibility === 'hidden') return true;
  return false;
}
