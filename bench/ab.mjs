// A/B of two builds of the package in one process: the bench's orders and workloads, each call through the
// public API, batches round robin over both builds so machine noise lands on each alike.
//
//   node bench/ab.mjs --a /path/to/old/checkout --b . [--sizes 5,50,1000,10000] [--batches 9]
//
// Prints µs per call (median over batches) for A and B and the ratio B/A per workload and size.
import { mkdtempSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { generate } from './generate.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);
const SIZES = arg('--sizes', '5,50,1000,10000').split(',').map(Number);
const BATCHES = Number(arg('--batches', '9'));
const BATCH_MS = 100;
const roots = { A: resolve(arg('--a', '.')), B: resolve(arg('--b', '.')) };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const engines = {};
for (const [k, root] of Object.entries(roots)) engines[k] = await (await import(pathToFileURL(join(root, 'js/src/index.js')).href)).loadEngine();

const dir = mkdtempSync(join(tmpdir(), 'op-ab-'));
generate(SIZES, dir);
const timed = (fn) => (iters) => {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) fn();
  return Number(process.hrtime.bigint() - t0);
};

console.log(`A ${roots.A}\nB ${roots.B}\nload ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| lines | workload | A µs | B µs | B/A |\n|--:|---|--:|--:|--:|');
for (const n of SIZES) {
  const read = (f) => JSON.parse(readFileSync(join(dir, `${f}-${n}.json`), 'utf8'));
  const order = read('orders');
  const req = { refund: read('refund'), refund2: read('refund2'), edit: read('edit'), edit1: read('edit1') };
  const cases = [];
  for (const [k, e] of Object.entries(engines)) {
    const session = e.openOrder(order);
    const work = {
      inspectOrder: () => e.inspectOrder(order),
      calculateRefund: () => e.calculateRefund(order, req.refund),
      previewEdit: () => e.previewEdit(order, req.edit),
      'previewEdit (1 line)': () => e.previewEdit(order, req.edit1),
      previewCancel: () => e.previewCancel(order, { cancel_reason: 'Customer request' }),
      'session previewEdit (1 line)': () => session.previewEdit(req.edit1, { include_order: false }),
      'session calculateRefund (2 lines)': () => session.calculateRefund(req.refund2),
    };
    for (const [name, fn] of Object.entries(work)) {
      const env = fn();
      if (!env.ok) throw new Error(`${k} ${name} on ${n} lines: ${JSON.stringify(env.errors).slice(0, 300)}`);
      cases.push({ k, name, run: timed(fn), samples: [] });
    }
  }
  for (const c of cases) {
    c.run(1);
    const ns = Math.max(1, c.run(1));
    c.iters = Math.max(1, Math.round((BATCH_MS * 1e6) / ns));
  }
  for (let b = 0; b < BATCHES; b++) for (const c of cases) c.samples.push(c.run(c.iters) / c.iters / 1000);
  for (const name of new Set(cases.map((c) => c.name))) {
    const [a, b] = ['A', 'B'].map((k) => median(cases.find((c) => c.k === k && c.name === name).samples));
    console.log(`| ${n} | ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
  }
}
