// Copy with the async Clipboard API, falling back to a selected textarea + execCommand('copy')
// (insecure http pages, Firefox without user activation). The textarea lives inside the shadow
// root for the moment of the copy, so the page never sees it.
export async function copyToClipboard(doc: Document, container: Node, text: string): Promise<boolean> {
  const nav = doc.defaultView?.navigator;
  try {
    if (nav?.clipboard?.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  const ta = doc.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.setAttribute('aria-hidden', 'true');
  ta.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
  const active = (container as Node & { activeElement?: Element | null }).activeElement as HTMLElement | null | undefined;
  container.appendChild(ta);
  try {
    ta.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    ta.remove();
    active?.focus?.({ preventScroll: true });
  }
}
