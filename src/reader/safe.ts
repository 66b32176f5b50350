// URL gates for everything the view turns into a link or an image. Page text is untrusted:
// only web links (and mailto) become hrefs, only web or data:image URLs become image sources.

function resolve(url: string, base: string): URL | null {
  const raw = (url || '').trim();
  if (!raw) return null;
  try {
    return new URL(raw, base || undefined);
  } catch {
    return null;
  }
}

/** An href the view may render, or null (javascript:, data:, file:, vbscript: ... are dropped). */
export function safeHref(url: string, base: string): string | null {
  const u = resolve(url, base);
  if (!u) return null;
  return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : null;
}

/** An image source the view may load, or null. data: only for images (never data:text/html). */
export function safeImageSrc(url: string, base: string): string | null {
  const raw = (url || '').trim();
  if (/^data:image\/[a-z0-9.+-]+[;,]/i.test(raw)) return raw;
  const u = resolve(raw, base);
  if (!u) return null;
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
}
