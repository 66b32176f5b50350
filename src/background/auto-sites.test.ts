import { describe, expect, it, vi } from 'vitest';

vi.mock('../platform/browser', () => ({ browser: {} }));
vi.mock('../platform/settings', () => ({ loadSettings: vi.fn(), onSettingsChanged: vi.fn() }));

const { matchesFor } = await import('./auto-sites');
const { DEFAULT_SETTINGS } = await import('../platform/settings-schema');

const grants = (list: string[]) => async (o: string) => list.includes(o);

describe('auto sites: what to register', () => {
  const s = {
    ...DEFAULT_SETTINGS,
    sites: {
      'www.example.com': { clean: true },
      '*.example.org': { clean: true },
      'www.gov.cn': { clean: true },
      'off.example.com': { clean: true, disabled: true },
      'read.example.com': { reader: true },
    },
  };
  it('nothing without permission', async () => {
    expect(await matchesFor(s, grants([]))).toEqual([]);
  });
  it('per-site clean hosts whose permission is granted (gov.cn is in the manifest already)', async () => {
    expect(await matchesFor(s, grants(['*://www.example.com/*', '*://*.example.org/*', '*://off.example.com/*']))).toEqual(['*://www.example.com/*', '*://*.example.org/*']);
  });
  it('all sites when switched on and granted', async () => {
    expect(await matchesFor({ ...s, allSites: true }, grants(['<all_urls>']))).toEqual(['<all_urls>']);
  });
  it('all sites switched on but the permission was removed: per-site only', async () => {
    expect(await matchesFor({ ...s, allSites: true }, grants(['*://www.example.com/*']))).toEqual(['*://www.example.com/*']);
  });
  it('permission granted but switched off: per-site only', async () => {
    expect(await matchesFor(s, grants(['<all_urls>']))).toEqual([]);
  });
});
