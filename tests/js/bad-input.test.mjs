// SPEC 8 through the JS API: every hostile input of every operation gets an envelope with a code and a
// path, nothing throws, and the engine answers the next good call correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const seed = JSON.parse(readFileSync(new URL('../../examples/orders/29next-seed000.json', import.meta.url), 'utf8'));
const good = { refund_lines: [{ line_id: 1000, quantity: 1 }], refund_shipping: { full_refund: false, amount_excl_tax: '3.99' } };
const deep = '['.repeat(5000) + ']'.repeat(5000);
const withLine = (patch) => ({ ...seed, lines: [{ ...seed.lines[0], ...patch }] });
// An Elastic Path order (integer minor units); each bad variant changes one fact of a copy.
const ep = JSON.parse(readFileSync(new URL('../../examples/orders/elasticpath-sample.json', import.meta.url), 'utf8'));
const epWith = (change) => {
  const o = structuredClone(ep);
  change(o);
  return o;
};
const epTshirt = ep.included.items[0].id;

const shopware = JSON.parse(readFileSync(new URL('../../examples/orders/shopware-sample.json', import.meta.url), 'utf8'));
const shirt = '018f6a3c5b2e7d9a0c1e2f3a4b5c6d01';
const capture = '018f6a3c5b2e7d9a0c1e2f3a4b5c6f01';
const swWith = (change) => {
  const o = structuredClone(shopware);
  change(o.data);
  return o;
};

const catalogue = [
  ['inspectOrder', [swWith((o) => { o.itemRounding = { decimals: 'two' }; })], 'WRONG_TYPE', 'order.data.itemRounding.decimals'],
  ['inspectOrder', [swWith((o) => { o.lineItems[0].price.totalPrice = 179.975; })], 'INVALID_AMOUNT', 'order.data.lineItems[0].price.totalPrice'],
  ['previewReturn', [shopware, { lineItems: [{ orderLineItemId: shirt, quantity: -1 }] }], 'INVALID_QUANTITY', 'lineItems[0].quantity'],
  ['previewReturn', [shopware, { lineItems: 'all' }], 'WRONG_TYPE', 'lineItems'],
  ['previewReturn', [shopware, { lineItems: [{ orderLineItemId: shirt, quantity: 1, refundAmount: '1e2' }] }], 'INVALID_AMOUNT', 'lineItems[0].refundAmount'],
  ['previewReturn', [shopware, { lineItems: [{ orderLineItemId: shirt, quantity: 99 }] }], 'INVALID_QUANTITY', 'lineItems[0].quantity'],
  ['previewReturn', [seed, { lineItems: [] }], 'OPERATION_NOT_SUPPORTED', ''],
  ['previewCaptureRefund', [shopware, { captureId: capture, amount: '9999.00' }], 'REFUND_EXCEEDS_TOTAL', 'amount'],
  ['previewCaptureRefund', [shopware, { captureId: 7, amount: '1.00' }], 'TRANSACTION_NOT_FOUND', 'captureId'],
  ['previewCaptureRefund', [shopware, { captureId: capture, positions: [{ orderLineItemId: shirt, quantity: 'one' }] }], 'WRONG_TYPE', 'positions[0].quantity'],
  ['previewCaptureRefund', [shopware, { captureId: capture, amount: '1.00' }, { position_amount: 'half' }], 'INVALID_OPTION', 'options.position_amount'],
  ['inspectOrder', ['{"currency":'], 'INVALID_JSON', 'order.currency'],
  ['inspectOrder', [deep], 'NESTING_TOO_DEEP', null],
  ['inspectOrder', [seed, { limits: { max_bytes: 100 } }], 'INPUT_TOO_LARGE', 'order'],
  ['inspectOrder', [withLine({ quantity: -2 })], 'INVALID_QUANTITY', 'order.lines[0].quantity'],
  ['inspectOrder', [withLine({ price_excl_tax: '1e3' })], 'INVALID_AMOUNT', 'order.lines[0].price_excl_tax'],
  ['inspectOrder', [{ ...seed, currency: 'ABC' }], 'UNKNOWN_CURRENCY', 'order.currency'],
  ['inspectOrder', [{ ...seed, lines: [seed.lines[0], seed.lines[0]] }], 'DUPLICATE_ID', 'order.lines[1].id'],
  ['calculateRefund', [seed, '{"refund_lines": [}'], 'INVALID_JSON', null],
  ['calculateRefund', [seed, { refund_lines: [{ line_id: 1000, quantity: 0.5 }] }], 'INVALID_QUANTITY', 'refund_lines[0].quantity'],
  ['calculateRefund', [seed, { refund_lines: [{ line_id: '1000', quantity: 1 }] }], 'INVALID_ID', 'refund_lines[0].line_id'],
  ['calculateRefund', [seed, { refund_lines: [{ line_id: 1000, quantity: 1e12 }] }], 'INVALID_QUANTITY', 'refund_lines[0].quantity'],
  ['calculateRefund', [seed, { refund_lines: [{ quantity: 1 }] }], 'MISSING_FIELD', 'refund_lines[0].line_id'],
  ['calculateRefund', [seed, { refund_lines: 'all' }], 'WRONG_TYPE', 'refund_lines'],
  ['calculateRefund', [seed, { refund_shipping: { amount_excl_tax: '99.00' } }], 'SHIPPING_REFUND_EXCEEDS_REMAINING', 'refund_shipping.amount_excl_tax'],
  ['validateRefund', [seed, { ...good, transactions: [{ id: 1000, amount: 'lots' }] }], 'INVALID_AMOUNT', 'transactions[0].amount'],
  ['toRefundCreateRequest', ['[1,2', {}], 'INVALID_JSON', null],
  ['toRefundCreateRequest', [{ refund_lines: [] }, {}], 'MISSING_FIELD', 'calculation.currency'],
  ['compareRefund', ['{}', 'nope'], 'INVALID_JSON', null],
  ['previewEdit', [seed, [{ op: 'teleport' }]], 'UNKNOWN_EDIT_OP', 'edits[0].op'],
  ['previewEdit', [seed, [{ op: 'update_line', line_id: 1000, quantity: -1 }]], 'INVALID_QUANTITY', 'edits[0].quantity'],
  ['previewEdit', [seed, { edits: 7 }], 'WRONG_TYPE', 'edits'],
  ['previewEdit', [seed, Array.from({ length: 20000 }, () => ({ op: 'update_order', note: 'x' }))], 'LIMIT_EXCEEDED', 'edits'],
  ['previewCancel', [seed, { full_refund: 'yes' }], 'WRONG_TYPE', 'full_refund'],
  ['transition', [{ preset: 'nope', machine: 'x', from: 'a', action: 'b' }], 'UNKNOWN_PRESET', 'preset'],
  ['transition', [{ preset: 'v1', machine: 'status', from: 'limbo', action: 'cancel' }], 'UNKNOWN_STATE', 'from'],
  ['transition', [{ preset: 'v1', machine: 'status', from: 'open', action: 'explode' }], 'UNKNOWN_ACTION', 'action'],
  ['transition', [{ definition: { states: ['a'], initial: 'b', transitions: [] }, from: 'a', action: 'x' }], 'INVALID_DEFINITION', null],
  ['availableActions', [{ preset: 'v1', machine: 'nope', state: 'open' }], 'UNKNOWN_MACHINE', 'machine'],
  ['deriveStatuses', ['[]'], 'WRONG_TYPE', 'order'],
  ['machines', ['atlantis'], 'UNKNOWN_PRESET', 'preset'],
  ['mermaid', ['v1', 'nope'], 'UNKNOWN_MACHINE', 'machine'],
  // Elastic Path orders and requests.
  ['inspectOrder', [epWith((o) => { o.included.items[0].meta.display_price.with_tax.value.amount = 7307.5; })], 'INVALID_AMOUNT', 'order.included.items[0].meta.display_price.with_tax.value.amount'],
  ['inspectOrder', [epWith((o) => { o.transactions.data[0].amount = '9660'; })], 'WRONG_TYPE', 'order.transactions.data[0].amount'],
  ['inspectOrder', [epWith((o) => { delete o.included; })], 'MISSING_FIELD', 'order.included'],
  ['inspectOrder', [epWith((o) => { o.included.items.splice(1, 1); })], 'LINE_ITEM_NOT_FOUND', 'order.data.relationships.items.data[1].id'],
  ['inspectOrder', [epWith((o) => { o.transactions.data[0]['transaction-type'] = 'authorize'; })], 'INVALID_VALUE', 'order.transactions.data[0].transaction-type'],
  ['calculateRefund', [ep, { amount: 12.34 }], 'WRONG_TYPE', 'amount'],
  ['calculateRefund', [ep, { amount: '0.001' }], 'INVALID_AMOUNT', 'amount'],
  ['calculateRefund', [ep, { items: [{ item_id: epTshirt, quantity: 1.5 }] }], 'INVALID_QUANTITY', 'items[0].quantity'],
  ['calculateRefund', [ep, { amount: '1.00', transaction_id: 'nope' }], 'TRANSACTION_NOT_FOUND', 'transaction_id'],
  ['previewEdit', [ep, [{ op: 'update_line', line_id: epTshirt, quantity: 1 }]], 'LINE_NOT_EDITABLE', 'edits[0].op'],
  ['previewEdit', [ep, [{ op: 'update_order', status: 'complete' }]], 'INVALID_STATUS_TRANSITION', 'edits[0].status'],
];

for (const [method, args, code, path] of catalogue) {
  test(`${method}: ${code}${path ? ` at ${path}` : ''}`, () => {
    let env;
    assert.doesNotThrow(() => {
      env = engine[method](...args);
    });
    assert.equal(env.ok, false);
    const issue = env.errors.find((e) => e.code === code && (path === null || e.path === path));
    assert.ok(issue, `expected ${code} at ${path}; got ${JSON.stringify(env.errors)}`);
    assert.ok(issue.message.length > 0);
    // The engine still answers correctly.
    assert.equal(engine.calculateRefund(seed, good).result.amount_incl_tax, '63.98');
  });
}

test('inputs of the wrong JS type are envelopes, not exceptions', () => {
  for (const bad of [42, true, Symbol.iterator, () => 1]) {
    const env = engine.calculateRefund(bad, good);
    assert.equal(env.ok, false);
    assert.equal(env.errors[0].code, 'WRONG_TYPE');
  }
  assert.equal(engine.calculateRefund(seed, { n: 10n }).errors[0].code, 'INVALID_JSON');
});

// The wasm stack is 1 MiB (wasm/CMakeLists.txt): echoing an order nested to the largest allowed depth
// recurses once per level, and must neither trap nor leave the engine unusable.
test('an order nested to the largest max_depth is echoed by previewEdit in wasm without a trap', () => {
  let nested = 1;
  for (let i = 0; i < 254; i++) nested = i % 2 ? [nested] : { n: nested };
  const order = { ...seed, metadata: { nested } };
  const env = engine.previewEdit(order, [], { limits: { max_depth: 256 } });
  assert.equal(env.ok, true, JSON.stringify(env.errors));
  assert.deepEqual(env.result.order.metadata, order.metadata);
  const tooDeep = engine.previewEdit({ ...seed, metadata: { nested: [nested, [[1]]] } }, [], { limits: { max_depth: 256 } });
  assert.equal(tooDeep.errors[0].code, 'NESTING_TOO_DEEP');
  assert.equal(engine.inspectOrder(seed).ok, true);
});
