// The "spam removed on this page" state: the action badge shows how many spam blocks were
// hidden, on a red background that stands out from the green icon. Per tab, so it resets when
// the tab navigates.
import { browser, t } from '../platform/browser';

export const BADGE_COLOR = '#d93025';

export async function setSpamBadge(tabId: number, count: number): Promise<void> {
  const n = Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
  const text = n === 0 ? '' : n > 999 ? '999+' : String(n);
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (n > 0) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
      // Firefox and Chrome default to a readable colour, but be explicit where supported.
      await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
      await browser.action.setTitle({ tabId, title: t('bg_badge_title', String(n)) });
    } else {
      await browser.action.setTitle({ tabId, title: t('extName') });
    }
  } catch (e) {
    // The tab may have closed meanwhile.
    console.warn('qingdu: badge', e);
  }
}
