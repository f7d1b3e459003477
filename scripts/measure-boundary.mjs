// What crossing the JS <-> wasm boundary costs, against the JS floor JSON.parse(JSON.stringify(order)), on
// generated 29next orders of 5, 50 and 1,000 lines. Usage: node scripts/measure-boundary.mjs
import { readFileSync } from 'node:fs';
import { loadEngine } from '../js/src/index.js';

const engine = await loadEngine();
const seed = JSON.parse(readFileSync(new URL('../examples/orders/29next-sample.json', import.meta.url), 'utf8'));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function order(lines) {
  const o = structuredClone(seed);
  o.lines = Array.from({ length: lines }, (_, i) => ({
    ...seed.lines[1], id: i + 1,
    product: { id: 500 + i, title: `Trail Socks ${i}`, url: `https://shop.example/p/${i}`, images: [{ id: i, src: `https://cdn.example/${i}.jpg` }] },
    metadata: { sku: `SKU-${i}`, warehouse: 'B7' },
  }));
  delete o.total_incl_tax;
  o.transactions = [{ id: 1, type: 'sale', status: 'succeeded', amount: '999999.00' }];
  o.refunds = [];
  return o;
}

function time(fn) {
  for (let i = 0; i < 20; i++) fn();
  const runs = [];
  for (let r = 0; r < 7; r++) {
    const n = 30;
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    runs.push(((performance.now() - t) / n) * 1000);
  }
  return runs.sort((a, b) => a - b)[3];
}

console.log('lines  bytes    floor_us  stringify_us  encode+decode_us  inspect_us(text)  refund_us(object)  refund/floor');
for (const n of [5, 50, 1000]) {
  const o = order(n);
  const text = JSON.stringify(o);
  const buffer = new Uint8Array(text.length * 3);
  const floor = time(() => JSON.parse(JSON.stringify(o)));
  const stringify = time(() => JSON.stringify(o));
  const crossing = time(() => {
    const { written } = encoder.encodeInto(text, buffer);
    decoder.decode(buffer.subarray(0, written));
  });
  const inspect = time(() => engine.inspectOrder(text));
  const refund = time(() => engine.calculateRefund(o, { refund_lines: [{ line_id: 1, quantity: 1 }] }));
  console.log(
    `${String(n).padStart(5)}  ${String(text.length).padStart(7)}  ${floor.toFixed(1).padStart(8)}  ${stringify.toFixed(1).padStart(12)}  ${crossing.toFixed(1).padStart(16)}  ${inspect.toFixed(1).padStart(16)}  ${refund.toFixed(1).padStart(17)}  ${(refund / floor).toFixed(2).padStart(12)}`,
  );
}
