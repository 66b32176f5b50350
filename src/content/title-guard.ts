// T1: put the real title back in the tab and keep it there: hijack scripts may set
// document.title again after load. We remember the served <title> text exactly so "show all"
// restores the page's own serialisation.
import { isSpamTitle } from '../core/spam/title';

export interface TitleGuard {
  /** Set the real title and watch for rewrites. */
  apply(realTitle: string): void;
  /** Put back the page's own title text and stop watching. */
  restore(): void;
}

export function createTitleGuard(doc: Document, warn: (where: string, e: unknown) => void): TitleGuard {
  let real = '';
  let original: { el: HTMLTitleElement; text: string } | null = null;
  let observer: MutationObserver | null = null;
  const view = doc.defaultView;

  const enforce = () => {
    try {
      const el = doc.querySelector('title');
      if (!el || !real) return;
      if (original?.el !== el) original = { el, text: el.textContent || '' };
      if (el.textContent !== real) el.textContent = real;
      observer?.takeRecords();
    } catch (e) {
      warn('title guard', e);
    }
  };

  return {
    apply(realTitle) {
      real = realTitle;
      if (!real) return;
      const el = doc.querySelector('title');
      if (el && (!original || original.el !== el)) original = { el, text: el.textContent || '' };
      enforce();
      if (!observer && view?.MutationObserver && doc.head) {
        observer = new view.MutationObserver(() => {
          const t = doc.querySelector('title');
          // A script replaced the title: keep ours unless the new one is a real, non-spam title.
          // A non-spam rewrite (the script converter turning it traditional, the site's own
          // script) is accepted: fighting it would loop with the converter's own observer.
          if (t && t.textContent !== real && isSpamTitle(t.textContent || '')) enforce();
        });
        observer.observe(doc.head, { childList: true, subtree: true, characterData: true });
      }
    },
    restore() {
      observer?.disconnect();
      observer = null;
      if (original && original.el.isConnected && original.el.textContent !== original.text) original.el.textContent = original.text;
      real = '';
    },
  };
}
