// Script conversion end to end (issue 5, helper H4): the {type:'convert'} message switches the
// fixture page to traditional (innerText and document.title), a node the page appends afterwards
// is converted too, and {type:'convert', target:'original'} restores the page exactly.
const ARTICLE = 'gov/article.html';
const isReady = () => performance.getEntriesByName('qingdu:ready').length > 0;
const snapshot = () => ({ text: document.body.innerText, title: document.title, html: document.documentElement.outerHTML });
const append = () => {
  const p = document.createElement('p');
  p.id = 'qd-late';
  p.textContent = '新增的头发里面发展';
  document.body.appendChild(p);
  return true;
};
const lateText = () => document.getElementById('qd-late')?.textContent ?? null;

export default [
  {
    name: 'script: convert to tw changes innerText and title, converts later nodes, restores the original',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const path = ARTICLE + '?script=1';
      const page = await h.newPage(h.govUrl(path));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(path);
      const before = await page.evaluate(snapshot);
      h.assert.ok(before.text.includes('会议指出'), 'fixture is simplified');

      const reply = await h.send(tabId, { type: 'convert', target: 'tw' });
      h.assert.equal(reply.ok, true, JSON.stringify(reply));
      const after = await page.evaluate(snapshot);
      h.assert.ok(after.text.includes('會議指出'), 'innerText converted');
      h.assert.ok(!after.text.includes('会议指出'), 'no simplified text left in the article');
      h.assert.notEqual(after.title, before.title, 'document.title converted');
      h.assert.match(after.title, /[門樂網視會議]/);
      const state = await h.send(tabId, { type: 'get-state' });
      h.assert.equal(state.script, 'tw');

      await page.evaluate(append);
      const late = await h.waitFor(page, () => (document.getElementById('qd-late')?.textContent === '新增的頭髮裡面發展' ? 'ok' : ''));
      h.assert.equal(late, 'ok', 'node appended later is converted (phrase-accurate: 頭髮, 裡面, 發展)');

      const back = await h.send(tabId, { type: 'convert', target: 'original' });
      h.assert.equal(back.ok, true, JSON.stringify(back));
      const restored = await page.evaluate(snapshot);
      h.assert.equal(restored.title, before.title, 'title restored');
      h.assert.equal(await page.evaluate(lateText), '新增的头发里面发展', 'late node restored to what the page wrote');
      h.assert.ok(restored.text.includes('会议指出'));
      // Everything but the paragraph the test added is byte-identical to before the round trip.
      const withoutLate = await page.evaluate(() => {
        document.getElementById('qd-late')?.remove();
        return document.documentElement.outerHTML;
      });
      h.assert.equal(withoutLate, before.html, 'identical serialisation after the round trip');
    },
  },
  {
    name: 'script: switching between targets goes back to the originals, never converts twice',
    browsers: ['chromium', 'firefox'],
    async run(h) {
      const path = ARTICLE + '?script=2';
      const page = await h.newPage(h.govUrl(path));
      await h.waitFor(page, isReady);
      const tabId = await h.tabIdFor(path);
      const before = await page.evaluate(snapshot);
      for (const target of ['tw', 'hk', 'cn', 'twp']) {
        const reply = await h.send(tabId, { type: 'convert', target });
        h.assert.equal(reply.ok, true, `${target}: ${JSON.stringify(reply)}`);
      }
      const now = await page.evaluate(snapshot);
      h.assert.ok(now.text.includes('會議指出'));
      await h.send(tabId, { type: 'convert', target: 'original' });
      const restored = await page.evaluate(snapshot);
      h.assert.equal(restored.html, before.html);
    },
  },
];
