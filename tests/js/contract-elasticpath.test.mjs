// The Elastic Path Carts & Orders contract over the golden corpus (STYLE 16, SPEC §3 "Contracts"): every order the
// corpus feeds the engine is what getAnOrder / getOrderTransactions return, and every call the engine plans for
// Elastic Path (updateAnOrder bodies, refundATransaction and cancelATransaction calls) is the contract's call.
// Facts: tests/contracts/elasticpath.json (scripts/contract-facts.mjs). Covers Elastic Path's own orders and the
// `preset: "elasticpath"` fixtures (Elastic Path rules on other platforms' orders: their plans are Elastic Path calls).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';
import { loadContract, describe, conforms, fixtureDirs, parseOrUndefined, readText } from './support/contract.mjs';

const contract = loadContract('elasticpath');
const engine = await loadEngine();
const repo = new URL('../../', import.meta.url).pathname;
const fixtures = join(repo, 'tests', 'fixtures');
const dirs = fixtureDirs;
const parse = parseOrUndefined;

const isElasticPathOrder = (o) => !!o && typeof o === 'object' && o.data && typeof o.data === 'object' && o.data.type === 'order';

const cases = [];
for (const op of ['refund', 'edit', 'cancel', 'inspect', 'statuses', 'validate-refund']) {
  if (!existsSync(join(fixtures, op))) continue;
  for (const name of dirs(join(fixtures, op))) {
    const dir = join(fixtures, op, name);
    const order = parse(readText(join(dir, 'order.json')));
    const options = parse(readText(join(dir, 'options.json')));
    const own = isElasticPathOrder(order);
    const preset = options && typeof options === 'object' && options.preset === 'elasticpath';
    if (!own && !preset) continue;
    cases.push({ op, name, own, order, orderText: readText(join(dir, 'order.json')), requestText: readText(join(dir, 'request.json')), optionsText: readText(join(dir, 'options.json')) });
  }
}

test('the corpus has Elastic Path fixtures to check', () => assert.ok(cases.filter((c) => c.own).length >= 30, `only ${cases.length} fixtures`));

// The orders: the getAnOrder body, each included item, and the getOrderTransactions body.
function checkOrder(order, what) {
  conforms(contract.validateResponse('getAnOrder', '200', { data: order.data }), `${what} data`);
  (order.included?.items ?? []).forEach((item, i) => conforms(contract.validateSchema('OrderItemResponse', item), `${what} included.items[${i}]`));
  if (order.transactions) conforms(contract.validateResponse('getOrderTransactions', '200', order.transactions), `${what} transactions`);
}
for (const file of readdirSync(join(repo, 'examples', 'orders')).filter((f) => /^elasticpath-.*\.json$/.test(f)).sort()) {
  test(`examples/orders/${file} is what getAnOrder and getOrderTransactions return`, () => {
    checkOrder(JSON.parse(readFileSync(join(repo, 'examples', 'orders', file), 'utf8')), file);
  });
}
for (const c of cases.filter((x) => x.own && !x.name.startsWith('elasticpath-bad-'))) {
  test(`${c.op}/${c.name}: order.json is what the API returns`, () => checkOrder(c.order, 'order.json'));
}

// calculateRefund → one refundATransaction call per transaction, with an integer amount.
for (const c of cases.filter((x) => x.op === 'refund' && x.own)) {
  const envelope = engine.calculateRefund(c.orderText, c.requestText, c.optionsText);
  const requests = envelope.result?.requests ?? [];
  requests.forEach((call, i) => {
    test(`refund/${c.name}: requests[${i}] is the contract's refundATransaction call`, () => {
      assert.equal(call.operation, 'refundATransaction');
      conforms(contract.validateCall(call), `requests[${i}]`);
      assert.ok(Number.isInteger(call.body.data.amount) && call.body.data.amount > 0, 'the amount is a positive integer of minor units');
    });
  });
  if (envelope.ok) {
    test(`refund/${c.name}: the requests add up to the refund`, () => {
      const sum = requests.reduce((s, r) => s + r.body.data.amount, 0);
      const [units, cents = ''] = envelope.result.amount.split('.');
      assert.equal(sum, Number(units + cents), `requests ${sum} vs amount ${envelope.result.amount}`);
    });
  }
}

// previewEdit → every planned updateAnOrder call, one intent per body.
for (const c of cases.filter((x) => x.op === 'edit')) {
  const envelope = engine.previewEdit(c.orderText, c.requestText, c.optionsText);
  const plan = envelope.result?.plan ?? [];
  plan.forEach((call, i) => {
    test(`edit/${c.name}: plan[${i}] ${call.method} ${call.operation} is the contract's call`, () => {
      assert.equal(call.operation, 'updateAnOrder');
      conforms(contract.validateCall(call), `plan[${i}]`);
    });
  });
}

// previewCancel → the cancelling PUT and every follow-up call.
for (const c of cases.filter((x) => x.op === 'cancel')) {
  const envelope = engine.previewCancel(c.orderText, c.requestText, c.optionsText);
  const result = envelope.result;
  if (!result) continue;
  test(`cancel/${c.name}: request is the contract's updateAnOrder call`, () => {
    conforms(contract.validateCall({ operation: 'updateAnOrder', headers: { 'Content-Type': 'application/json' }, ...result.request }), 'request');
  });
  (result.follow_up ?? []).forEach((call, i) => {
    test(`cancel/${c.name}: follow_up[${i}] ${call.operation} is the contract's call`, () => conforms(contract.validateCall(call), `follow_up[${i}]`));
  });
}

// The validator can say no.
const refusedAt = (deviations, path) => assert.ok(deviations.some((d) => d.path === path), `expected a deviation at ${path}, got:\n${describe(deviations)}`);
const put = (data) => ({ method: 'PUT', path: '/v2/orders/9c1f5e2a-4b7d-4c3e-9a10-2f6d8e4b7a01', operation: 'updateAnOrder', headers: {}, body: { data } });

test('contract: a body that both cancels and fulfils matches no single shape of the oneOf', () => {
  refusedAt(contract.validateCall(put({ type: 'order', status: 'cancelled', shipping: 'fulfilled' })), '/body/data');
});
test('contract: a references-only body needs shipping_address (OrdersAddressData)', () => {
  refusedAt(contract.validateCall(put({ type: 'order', order_number: 'A-1' })), '/body/data');
  conforms(contract.validateCall(put({ type: 'order', order_number: 'A-1', shipping_address: {} })), 'with an empty shipping_address');
});
test('contract: an address member the contract does not declare is refused', () => {
  refusedAt(contract.validateCall(put({ type: 'order', shipping_address: { line1: 'x' } })), '/body/data/shipping_address');
});
test('contract: a refund amount sent as a string is refused', () => {
  const call = { method: 'POST', path: '/v2/orders/o/transactions/t/refund', operation: 'refundATransaction', headers: {} };
  refusedAt(contract.validateCall({ ...call, body: { data: { amount: '24.36' } } }), '/body/data/amount');
  conforms(contract.validateCall({ ...call, body: { data: { amount: 2436 } } }), 'an integer amount');
});
test('contract: a call is checked for its path and method', () => {
  refusedAt(contract.validateCall({ method: 'POST', path: '/v2/orders/o/transaction/t/refund', operation: 'refundATransaction', body: { data: {} } }), '/path');
  refusedAt(contract.validateCall({ method: 'PATCH', path: '/v2/orders/o', operation: 'updateAnOrder', body: { data: { type: 'order', status: 'cancelled' } } }), '/method');
});
