// The content script's repair pre-check (src/content/repair-check.ts) must never miss: on every
// corpus page, an analysis with the probe stage that the pre-check does not flag is identical to
// the full analyze() (no repairs, same title, body and blocks), and every page the full analysis
// repairs is flagged. It may flag pages that need nothing (they only load the module).
import { describe, expect, it } from 'vitest';
import { analyze, FULL_STAGES } from '../../src/core/analyze';
import type { RepairStage, RepairedFields } from '../../src/core/pipeline';
import type { Repair } from '../../src/core/types';
import { analyzeWith } from '../../src/core/pipeline';
import { probeRepairStage } from '../../src/content/repair-check';
import { hasCorpus, injectedIds, pageIds, parse, readPage, readVariant, seedIds, urlFor } from '../helpers/corpus';

// Every real page and seed, and one injected variant in sixteen (each is a real page plus spam:
// the other spam tests cover them all). Read one at a time.
type Source = { id: string; read(): { html: string; url: string } };
const pages: Source[] = [];
if (hasCorpus) {
  for (const id of pageIds()) pages.push({ id, read: () => ({ html: readPage(id), url: urlFor(id) }) });
  const variant = (dir: 'seeds' | 'injected', id: string): Source => ({
    id: `${dir} ${id}`,
    read: () => {
      const { html, truth } = readVariant(dir, id);
      return { html, url: urlFor(id, truth) };
    },
  });
  for (const id of seedIds()) pages.push(variant('seeds', id));
  injectedIds().forEach((id, i) => i % 16 === 0 && pages.push(variant('injected', id)));
}

describe('repair pre-check on every corpus page', () => {
  it('never misses a repair; unflagged pages analyse exactly as with the full stage', () => {
    let flagged = 0;
    let repaired = 0;
    for (const src of pages) {
      const p = { id: src.id, ...src.read() };
      const d1 = parse(p.html, p.url);
      const full = analyze(d1, p.url, undefined, { summary: false });
      d1.defaultView?.close();
      const d2 = parse(p.html, p.url);
      const probe = probeRepairStage();
      let redo: ((stage: RepairStage) => RepairedFields) | null = null;
      const lite = analyzeWith(d2, p.url, undefined, { summary: false, stages: { repairs: probe }, onRepairDraft: (f) => (redo = f) });
      if (probe.needed) {
        // The content script finishes a flagged page by redoing only the repair stage.
        const done = redo!(FULL_STAGES.repairs);
        const view = (r: Repair) => `${r.kind}:${r.from}>${r.to}`;
        expect(done.repairs.map(view), p.id).toEqual(full.repairs.map(view));
        expect(done.title, p.id).toBe(full.title);
        expect(done.body, p.id).toBe(full.body);
        expect(JSON.stringify(done.blocks), p.id).toBe(JSON.stringify(full.blocks));
        expect(done.stats, p.id).toEqual(full.stats);
        expect(done.script, p.id).toBe(full.script);
      }
      d2.defaultView?.close();
      if (full.repairs.length || full.title !== lite.title || full.body !== lite.body) {
        repaired++;
        expect(probe.needed, `${p.id}: repairs missed by the pre-check`).toBe(true);
      }
      if (probe.needed) flagged++;
      else {
        expect(lite.title, p.id).toBe(full.title);
        expect(lite.body, p.id).toBe(full.body);
        expect(JSON.stringify(lite.blocks), p.id).toBe(JSON.stringify(full.blocks));
        expect(full.repairs, p.id).toEqual([]);
      }
    }
    expect(pages.length).toBeGreaterThan(20);
    expect(repaired).toBeGreaterThanOrEqual(3); // seeds 000, 002, 003 at least
    console.log(`repair pre-check: ${flagged} of ${pages.length} corpus pages flagged, ${repaired} need repairs`);
  }, 120_000);
});
