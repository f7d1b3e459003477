// Memory figures of `npm run bench`, each in a fresh process (wasm linear memory only ever grows, so a
// figure is only honest from a fresh engine). Prints one JSON line. Run with --expose-gc.
//
//   node --expose-gc bench/memory-probe.mjs calls <resultsDir> 1000 100000
//     a mix of every operation on the 5-line order, every tenth round on the 50-line one (one-shot,
//     sessions opened and closed, an invalid request); engine.memory() after each checkpoint count of calls
//   node --expose-gc bench/memory-probe.mjs peak <resultsDir> 10000
//     linear memory after loading, then after previewEdit of the N-line order (then refund, inspect, session)
//
// engine.memory() is the package's own hook: {wasmBytes: linear memory size, heapInUse: malloc'd bytes}.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [mode, resultsDir, ...rest] = process.argv.slice(2);
const { loadEngine } = await import(pathToFileURL(resolve(root, 'js/src/index.js')).href);
const engine = await loadEngine();
const read = (name) => JSON.parse(readFileSync(resolve(resultsDir, name), 'utf8'));
const gc = globalThis.gc ?? (() => {});

function snapshot(calls) {
  gc();
  const m = engine.memory();
  const p = process.memoryUsage();
  return { calls, wasmBytes: m.wasmBytes, heapInUse: m.heapInUse, openSessions: engine.openSessionCount(), arrayBuffers: p.arrayBuffers, external: p.external, rss: p.rss };
}

if (mode === 'calls') {
  const checkpoints = rest.map(Number).sort((a, b) => a - b);
  const work = [5, 50].map((n) => ({
    order: read(`orders-${n}.json`),
    refund: read(`refund-${n}.json`),
    edit: read(`edit-${n}.json`),
    edit1: read(`edit1-${n}.json`),
  }));
  const transition = read('transition.json');
  const badRefund = { refund_lines: [{ line_id: 'nope', quantity: -1 }] };
  // One round = 10 calls; every operation of the bench, plus an error path and a session's whole life.
  const round = (w) => [
    () => engine.inspectOrder(w.order),
    () => engine.calculateRefund(w.order, w.refund),
    () => engine.previewEdit(w.order, w.edit),
    () => engine.previewEdit(w.order, w.edit1),
    () => engine.transition(transition),
    () => engine.calculateRefund(w.order, badRefund),
    () => engine.deriveStatuses(w.order),
    (s) => (s.session = engine.openOrder(w.order)),
    (s) => s.session.previewEdit(w.edit1),
    (s) => s.session.close(),
  ];
  const rounds = work.map(round);
  const out = [];
  let calls = 0;
  const state = {};
  let failures = 0;
  const started = performance.now();
  for (const target of checkpoints) {
    while (calls < target) {
      // Every tenth round on the 50-line order, the others on the 5-line one (keeps 100,000 calls ~1 minute).
      const fns = rounds[Math.floor(calls / 10) % 10 === 0 ? 1 : 0];
      const r = fns[calls % 10](state);
      if (r && r.ok === false && calls % 10 !== 5) failures++;
      calls++;
    }
    out.push(snapshot(calls));
  }
  console.log(JSON.stringify({ checkpoints: out, failures, seconds: (performance.now() - started) / 1000 }));
} else if (mode === 'peak') {
  const n = Number(rest[0]);
  const text = readFileSync(resolve(resultsDir, `orders-${n}.json`), 'utf8');
  const order = JSON.parse(text);
  const edit = read(`edit-${n}.json`);
  gc();
  const before = engine.memory();
  const heapBefore = process.memoryUsage().heapUsed;
  const r = engine.previewEdit(order, edit);
  const afterEdit = engine.memory();
  const heapWithResult = process.memoryUsage().heapUsed;
  const ok = r.ok;
  const refund = engine.calculateRefund(order, read(`refund-${n}.json`));
  const inspect = engine.inspectOrder(order);
  const s = engine.openOrder(order);
  const se = s.previewEdit(read(`edit1-${n}.json`));
  const afterAll = engine.memory();
  s.close();
  console.log(JSON.stringify({
    lines: n,
    orderBytes: text.length,
    ok: ok && refund.ok && inspect.ok && se.ok,
    wasmBytesBefore: before.wasmBytes,
    wasmBytesAfter: afterEdit.wasmBytes,
    heapInUseAfterEdit: afterEdit.heapInUse,
    wasmBytesAfterAllOps: afterAll.wasmBytes,
    jsHeapDeltaBytes: heapWithResult - heapBefore,
    rssAfter: process.memoryUsage().rss,
  }));
} else {
  console.error('usage: memory-probe.mjs calls|peak <resultsDir> …');
  process.exit(2);
}
