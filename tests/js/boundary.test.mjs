// What crossing into wasm must guarantee: objects or JSON text in, plain objects out, envelopes for
// anything bad, and an engine that keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine, unwrap, PreflightError } from '../../js/src/index.js';

const engine = await loadEngine();
const seedText = readFileSync(new URL('../../examples/orders/29next-seed000.json', import.meta.url), 'utf8');
const seed = JSON.parse(seedText);

test('loadEngine caches one instantiation per options', async () => {
  assert.equal(await loadEngine(), engine);
});

test('an object and its JSON text give the same envelope', () => {
  assert.deepStrictEqual(engine.inspectOrder(seed), engine.inspectOrder(seedText));
  assert.equal(engine.inspectOrder(seed).ok, true);
});

test('results are plain objects, not embind handles', () => {
  const env = engine.inspectOrder(seed);
  assert.equal(Object.getPrototypeOf(env), Object.prototype);
  assert.equal(typeof env.delete, 'undefined');
  assert.equal(env.result.totals.total_incl_tax, '184.96');
});

test('a preview never mutates its input object', () => {
  const copy = structuredClone(seed);
  engine.inspectOrder(seed);
  assert.deepStrictEqual(seed, copy);
});

test('non-ASCII text survives the round trip through wasm memory', () => {
  const order = structuredClone(seed);
  order.lines[0].product_title = 'Café crème – 日本語 😀';  // the 2024-04-01 member; it wins over product.title
  assert.equal(engine.inspectOrder(order).result.lines[0].title, 'Café crème – 日本語 😀');
});

test('a cyclic object becomes an envelope, not an exception', () => {
  const cyclic = { currency: 'USD' };
  cyclic.lines = [cyclic];
  const env = engine.inspectOrder(cyclic);
  assert.equal(env.ok, false);
  assert.equal(env.errors[0].code, 'INVALID_JSON');
  assert.equal(env.errors[0].path, 'order');
});

test('a number where an order belongs is a WRONG_TYPE envelope', () => {
  const env = engine.inspectOrder(42);
  assert.equal(env.errors[0].code, 'WRONG_TYPE');
});

test('malformed JSON text is an INVALID_JSON envelope and the next call still works', () => {
  const bad = engine.inspectOrder('{"currency": "USD", "lines": [');
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].code, 'INVALID_JSON');
  assert.equal(bad.errors[0].path, 'order.lines[0]');
  assert.equal(engine.inspectOrder(seed).ok, true);
});

test('a large order grows the input buffer and memory without breaking later calls', () => {
  const big = structuredClone(seed);
  big.lines = Array.from({ length: 5000 }, (_, i) => ({ ...seed.lines[0], id: i + 1, product: { id: i, title: `Item ${i} `.repeat(20) } }));
  big.total_incl_tax = undefined;
  const env = engine.inspectOrder(big);
  assert.equal(env.ok, true, JSON.stringify(env.errors));
  assert.equal(env.result.lines.length, 5000);
  assert.equal(engine.inspectOrder(seed).result.totals.total_incl_tax, '184.96');
});

test('codes() lists every issue code once', () => {
  const codes = engine.codes();
  assert.ok(codes.length > 40);
  assert.equal(new Set(codes.map((c) => c.code)).size, codes.length);
  for (const c of codes) assert.match(c.code, /^[A-Z][A-Z0-9_]+$/);
  assert.ok(codes.some((c) => c.code === 'REFUND_EXCEEDS_TOTAL'));
});

test('version() matches package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(engine.version(), pkg.version);
  assert.equal(engine.inspectOrder(seed).result.engine_version, pkg.version);
});

test('unwrap returns the result or throws a PreflightError with every issue', () => {
  assert.equal(unwrap(engine.inspectOrder(seed)).currency, 'USD');
  assert.throws(() => unwrap(engine.inspectOrder('{')), (e) => e instanceof PreflightError && e.code === 'INVALID_JSON' && e.issues.length === 1);
});

test('the fingerprint is stable and moves when the order moves', () => {
  const a = engine.inspectOrder(seed).result.order_fingerprint;
  assert.equal(engine.inspectOrder(structuredClone(seed)).result.order_fingerprint, a);
  const moved = structuredClone(seed);
  moved.lines[0].fulfillable_quantity = 1;
  moved.lines[0].editable_quantity = 1;
  assert.notEqual(engine.inspectOrder(moved).result.order_fingerprint, a);
  assert.match(a, /^fp1-[0-9a-f]{16}$/);
});
