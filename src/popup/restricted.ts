// Pages where no extension may run a content script. Knowing them up front lets the popup say so
// plainly instead of waiting for an injection error (which it also handles, for anything missed).

const SCHEMES = ['chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'moz-extension:', 'resource:', 'view-source:', 'devtools:', 'data:', 'blob:', 'javascript:'];

// Extension galleries refuse content scripts in both browsers.
const STORE_HOSTS = ['chrome.google.com', 'chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false; // unknown (no tabs permission): try, and let injection tell us
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (SCHEMES.includes(u.protocol)) return true;
  if (u.hostname === 'chrome.google.com' && !u.pathname.startsWith('/webstore')) return false;
  if (STORE_HOSTS.includes(u.hostname)) return true;
  // The built-in PDF viewers render the file in a page the extension cannot script.
  if (/\.pdf$/i.test(u.pathname)) return true;
  return false;
}

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : '';
  } catch {
    return '';
  }
}
