// The clone/parasite banner (T5/T6): a small dismissible bar at the top of the page, in a
// closed shadow root so the page's CSS can't restyle or hide it and our CSS can't leak. Texts
// come localised through getMessage; page-derived strings (hosts, URLs) are set as text only.
import type { CloneInfo } from '../core/types';

export const BANNER_TAG = 'qingdu-banner';

export interface BannerInput {
  clone: CloneInfo | null;
  parasite: boolean;
  getMessage(key: string, subs?: string[]): string;
}

export interface Banner {
  show(input: BannerInput): void;
  hide(): void;
}

const CSS = `
:host{all:initial;position:fixed;top:0;left:0;right:0;z-index:2147483647;display:block}
.bar{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#fff8e1;color:#3e2723;
border-bottom:1px solid #e0c46c;padding:8px 40px 8px 14px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.bar.parasite{background:#fdecea;border-color:#e57373}
a{color:#0b57d0;margin-left:8px}
button{position:absolute;right:8px;top:6px;border:0;background:transparent;font-size:18px;cursor:pointer;color:inherit}
`;

export function createBanner(doc: Document): Banner {
  let host: HTMLElement | null = null;
  let dismissed = false;
  return {
    show({ clone, parasite, getMessage }) {
      if (dismissed || (!clone && !parasite) || !doc.documentElement) return;
      host?.remove();
      host = doc.createElement(BANNER_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = CSS;
      const bar = doc.createElement('div');
      bar.className = parasite ? 'bar parasite' : 'bar';
      bar.setAttribute('role', 'alert');
      const text = doc.createElement('span');
      if (parasite) text.textContent = getMessage('spam_banner_parasite');
      else if (clone) text.textContent = getMessage('spam_banner_clone', [clone.original]);
      bar.append(text);
      if (clone && !parasite) {
        const href = clone.originalUrl || `http://${clone.original}/`;
        if (/^https?:\/\//i.test(href)) {
          const link = doc.createElement('a');
          link.href = href;
          link.rel = 'noopener noreferrer';
          link.textContent = getMessage('spam_banner_open_original');
          bar.append(link);
        }
      }
      const close = doc.createElement('button');
      close.type = 'button';
      close.textContent = '×';
      close.title = getMessage('spam_banner_dismiss');
      close.setAttribute('aria-label', getMessage('spam_banner_dismiss'));
      close.addEventListener('click', () => {
        dismissed = true;
        host?.remove();
        host = null;
      });
      bar.append(close);
      root.append(style, bar);
      doc.documentElement.appendChild(host);
    },
    hide() {
      host?.remove();
      host = null;
    },
  };
}
