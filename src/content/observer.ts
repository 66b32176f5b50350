// One batched MutationObserver for content added after the first analysis (self-recreating
// overlays, late spam lines, attributes the site strips). Records are collected and judged once
// per animation frame; our own mutations are discarded with takeRecords(); with nothing
// changing, nothing runs.
export interface Batch {
  added: Element[];
  /** Elements whose data-qingdu-hide attribute was removed or changed by someone else. */
  unmarked: Element[];
  /** Elements whose inline style changed (a site may force display with !important). */
  restyled: Element[];
}

export interface PageObserver {
  start(): void;
  stop(): void;
  /** Drop pending records (call after our own DOM changes). */
  discard(): void;
}

export function createObserver(
  doc: Document,
  hideAttr: string,
  isOwn: (node: Node) => boolean,
  onBatch: (batch: Batch) => void,
): PageObserver {
  const view = doc.defaultView;
  let observer: MutationObserver | null = null;
  let pending: MutationRecord[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const records = pending;
    pending = [];
    if (!records.length) return;
    const added = new Set<Element>();
    const unmarked = new Set<Element>();
    const restyled = new Set<Element>();
    for (const r of records) {
      if (r.type === 'childList') {
        r.addedNodes.forEach((n) => {
          if (n.nodeType === 1 && !isOwn(n)) added.add(n as Element);
          else if (n.nodeType === 3 && n.parentElement && !isOwn(n)) added.add(n.parentElement);
        });
      } else if (r.type === 'attributes' && r.target.nodeType === 1) {
        if (r.attributeName === hideAttr) unmarked.add(r.target as Element);
        else if (r.attributeName === 'style') restyled.add(r.target as Element);
      }
    }
    // Only the outermost added elements that are still in the page.
    const list = [...added].filter((el) => el.isConnected);
    // Ancestors looked up in a set: comparing every pair cost up to 37 ms on one long page's
    // parse-time batches (O(n²)); this is O(n·depth).
    const set = new Set(list);
    const outer = list.filter((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      return true;
    });
    onBatch({ added: outer, unmarked: [...unmarked], restyled: [...restyled] });
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // rAF runs before the next paint, so a re-created overlay never shows; the timeout covers
    // background tabs where rAF is paused.
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      try {
        flush();
      } catch (e) {
        console.warn('[Qingdu] observer:', e);
      }
    };
    if (view?.requestAnimationFrame) view.requestAnimationFrame(run);
    (view ?? globalThis).setTimeout(run, 100);
  };

  return {
    start() {
      if (observer || !view?.MutationObserver) return;
      observer = new view.MutationObserver((records) => {
        pending.push(...records);
        schedule();
      });
      observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: [hideAttr, 'style'], attributeOldValue: true });
    },
    stop() {
      observer?.disconnect();
      observer = null;
      pending = [];
    },
    discard() {
      observer?.takeRecords();
    },
  };
}
