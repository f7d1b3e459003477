// Seeded, reproducible properties through the JS API (10,000 cases each):
// a preview never mutates its input, and every output amount has exactly the currency's digits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const CASES = Number(process.env.OP_PROPERTY_CASES ?? 10_000);

// xorshift32: the same sequence in every runtime and every run.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

const CURRENCIES = [['USD', 2], ['JPY', 0], ['KWD', 3], ['CLF', 4]];
const money = (minor, e) => {
  const s = String(minor).padStart(e + 1, '0');
  return e === 0 ? s : `${s.slice(0, -e)}.${s.slice(-e)}`;
};

function randomOrder(r) {
  const [currency, e] = CURRENCIES[r(CURRENCIES.length)];
  const lines = Array.from({ length: r(4) + 1 }, (_, i) => {
    const q = r(6) + 1;
    const excl = r(100000) + q;
    const tax = r(Math.floor(excl / 4) + 1);
    const fulfilled = r(q + 1);
    return { id: i + 1, quantity: q, fulfillable_quantity: q - fulfilled, editable_quantity: q - fulfilled,
      price_excl_tax: money(excl, e), price_incl_tax: money(excl + tax, e), product: { id: 100 + i, title: `P${i}` } };
  });
  let total = 0;
  for (const l of lines) total += Number(l.price_incl_tax.replace('.', ''));
  return { currency, status: 'open', lines, shipping_excl_tax: money(0, e), shipping_incl_tax: money(0, e),
    transactions: [{ id: 1, type: 'sale', status: 'succeeded', amount: money(total, e) }], refunds: [] };
}

function amountsOf(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => amountsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && /(amount|tax|total|price|paid|balance|refund|captured|discount|lines_|shipping_|subtotal)/.test(k)) out.push(v);
      else amountsOf(v, out);
    }
  }
  return out;
}

test(`${CASES} previews never mutate their input objects`, () => {
  const r = rng(20261122);
  for (let i = 0; i < CASES; i++) {
    const order = randomOrder(r);
    const line = order.lines[r(order.lines.length)];
    const edits = [{ op: 'update_line', line_id: line.id, quantity: r(8) }, { op: 'add_line', product_id: 9, quantity: 1, price: '1', tax_rate: '0.1' }];
    const request = { refund_lines: [{ line_id: line.id, quantity: 1 }] };
    const before = JSON.stringify([order, edits, request]);
    engine.previewEdit(order, edits);
    engine.calculateRefund(order, request);
    engine.previewCancel(order, { full_refund: true });
    assert.equal(JSON.stringify([order, edits, request]), before);
  }
});

test(`${CASES} results carry every amount with exactly the currency's digits`, () => {
  const r = rng(7);
  let checked = 0;
  for (let i = 0; i < CASES; i++) {
    const order = randomOrder(r);
    const digits = CURRENCIES.find(([c]) => c === order.currency)[1];
    const line = order.lines[r(order.lines.length)];
    const results = [
      engine.calculateRefund(order, { refund_lines: [{ line_id: line.id, quantity: 1 }] }).result,
      engine.previewEdit(order, [{ op: 'add_line', product_id: 9, quantity: r(3) + 1, price: money(r(5000) + 1, digits), tax_rate: '0.0825' }], { include_order: false }).result,
      engine.inspectOrder(order).result,
    ];
    for (const amount of amountsOf(results)) {
      const fraction = amount.includes('.') ? amount.split('.')[1].length : 0;
      assert.equal(fraction, digits, `${amount} in ${order.currency}`);
      checked += 1;
    }
  }
  assert.ok(checked > CASES * 10);
});
