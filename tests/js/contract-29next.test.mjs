// The 29next Admin API 2024-04-01 contract over the golden corpus (STYLE 16, SPEC §3 "Contracts"): every
// response and request body the engine produces for a 29next order conforms to the published schemas.
// The facts come from tests/contracts/29next-2024-04-01.json (scripts/contract-facts.mjs); this file needs
// only them. v1 orders (no published contract) and Elastic Path-preset fixtures are not 29next and not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';
import { loadContract, describe, conforms, fixtureDirs, parseOrUndefined, readText } from './support/contract.mjs';

const contract = loadContract('29next-2024-04-01');
const engine = await loadEngine();
const repo = new URL('../../', import.meta.url).pathname;
const fixtures = join(repo, 'tests', 'fixtures');
const dirs = fixtureDirs;
const parse = parseOrUndefined;


// A fixture speaks 29next when its order is in the 29next shape and no option selects another platform.
function speaks29next(order, options) {
  if (!order || typeof order !== 'object' || Array.isArray(order) || !Array.isArray(order.lines) || 'line_items' in order) return false;
  const preset = options && typeof options === 'object' ? options.preset : undefined;
  return preset === undefined || preset === '29next';
}

const cases = [];
for (const op of ['refund', 'edit', 'cancel', 'inspect', 'statuses', 'validate-refund']) {
  if (!existsSync(join(fixtures, op))) continue;
  for (const name of dirs(join(fixtures, op))) {
    const dir = join(fixtures, op, name);
    const orderText = readText(join(dir, 'order.json'));
    const order = parse(orderText);
    const options = parse(readText(join(dir, 'options.json')));
    if (!speaks29next(order, options)) continue;
    cases.push({ op, name, dir, orderText, order, requestText: readText(join(dir, 'request.json')), optionsText: readText(join(dir, 'options.json')) });
  }
}

test('the corpus has 29next fixtures to check', () => assert.ok(cases.length > 50, `only ${cases.length} fixtures`));

// Fixtures whose order is deliberately not what the 2024-04-01 server returns: they prove the engine reads older
// or hand-written 29next-shaped orders too. Their outputs echo those inputs, so only the order is checked — and
// it must really deviate, so this list cannot go stale.
const offContract = {
  'refund/failed-and-pending-not-refundable': 'a pending transaction (the contract knows succeeded and failed only)',
  'refund/jpy-one-of-three': 'string line and transaction ids',
  'refund/kwd-one-of-two': 'a three-decimal currency (the contract allows two decimals)',
  'edit/inclusive-add-net-first': 'lines without quantity members, which the engine derives',
  'edit/inclusive-add-tax-first': 'lines without quantity members, which the engine derives',
  'edit/inclusive-decrease': 'lines without quantity members, which the engine derives',
  'cancel/29next-authorized-only': 'lines without quantity members, which the engine derives',
  'inspect/29next-half-even-jpy': 'string ids',
  'inspect/bad-currency': 'an unknown currency on purpose',
  'statuses/29next-authorization-expiring': 'no stated statuses: the derivation stands alone',
  'statuses/29next-digital-only': 'no stated statuses: the derivation stands alone',
  'statuses/29next-two-captures': 'no stated statuses: the derivation stands alone',
};
for (const name of Object.keys(offContract))
  assert.ok(cases.some((c) => `${c.op}/${c.name}` === name), `${name} is listed as off-contract but is not a 29next fixture`);

// The orders themselves: what the server returns for ordersRetrieve.
for (const file of readdirSync(join(repo, 'examples', 'orders')).filter((f) => /^29next-.*\.json$/.test(f)).sort()) {
  test(`examples/orders/${file} is an Order`, () => {
    conforms(contract.validateSchema('Order', JSON.parse(readFileSync(join(repo, 'examples', 'orders', file), 'utf8'))), file);
  });
}
for (const c of cases) {
  const why = offContract[`${c.op}/${c.name}`];
  if (why) {
    test(`${c.op}/${c.name}: order.json is off-contract on purpose (${why})`, () =>
      assert.ok(contract.validateSchema('Order', c.order).length > 0, 'the order now conforms: take it off the list'));
  } else {
    test(`${c.op}/${c.name}: order.json is an Order`, () => conforms(contract.validateSchema('Order', c.order), 'order.json'));
  }
}
const onContract = (c) => !offContract[`${c.op}/${c.name}`];

// calculateRefund → CalculateRefundResponse; toRefundCreateRequest → the ordersRefundCreate body.
for (const c of cases.filter((x) => x.op === 'refund' && onContract(x))) {
  const envelope = engine.calculateRefund(c.orderText, c.requestText, c.optionsText);
  if (!envelope.ok || !envelope.result) continue;
  test(`refund/${c.name}: calculateRefund result is a CalculateRefundResponse`, () => {
    conforms(contract.validateResponse('ordersRefundCalculateCreate', '200', envelope.result), 'calculateRefund result');
  });
  test(`refund/${c.name}: toRefundCreateRequest body is an ordersRefundCreate body`, () => {
    const body = engine.toRefundCreateRequest(envelope, { note: 'Customer return', send_refund_notification: true }, c.optionsText);
    assert.ok(body.ok, JSON.stringify(body.errors));
    conforms(contract.validateBody('ordersRefundCreate', body.result), 'refund create body');
  });
}

// previewEdit → every planned call, and the calculateRefund request it suggests when the merchant owes.
for (const c of cases.filter((x) => x.op === 'edit' && onContract(x))) {
  const envelope = engine.previewEdit(c.orderText, c.requestText, c.optionsText);
  const result = envelope.result;
  if (!result || !Array.isArray(result.plan)) continue;
  result.plan.forEach((call, i) => {
    test(`edit/${c.name}: plan[${i}] ${call.method} ${call.operation} is the contract's call`, () => {
      conforms(contract.validateCall(call), `plan[${i}]`);
      assert.ok(call.operation, 'the call names its operation id');
    });
  });
  if (result.refund && result.refund.request) {
    test(`edit/${c.name}: refund.request is an ordersRefundCalculateCreate body`, () => {
      conforms(contract.validateBody('ordersRefundCalculateCreate', result.refund.request), 'refund.request');
    });
  }
}

// previewCancel → the ordersCancelCreate call.
for (const c of cases.filter((x) => x.op === 'cancel' && onContract(x))) {
  const envelope = engine.previewCancel(c.orderText, c.requestText, c.optionsText);
  const call = envelope.result && envelope.result.request;
  if (!envelope.ok || !call) continue;  // a refused cancellation is not a call to send
  test(`cancel/${c.name}: request is the contract's ordersCancelCreate call`, () => {
    conforms(contract.validateCall({ operation: 'ordersCancelCreate', ...call }), 'cancel request');
  });
}

// The validator can say no: deliberately wrong calls and bodies are refused, each for its own reason.
const seed = JSON.parse(readFileSync(join(repo, 'examples', 'orders', '29next-seed000.json'), 'utf8'));
const header = { 'X-29next-API-Version': '2024-04-01', 'Content-Type': 'application/json' };
const refusedAt = (deviations, path) => assert.ok(deviations.some((d) => d.path === path), `expected a deviation at ${path}, got:\n${describe(deviations)}`);

test('contract: a line price sent as a JSON number is refused', () => {
  refusedAt(contract.validateBody('ordersLinesCreate', { product_id: 184, quantity: 1, price: 89.99 }), '/price');
  conforms(contract.validateBody('ordersLinesCreate', { product_id: 184, quantity: 1, price: '89.99' }), 'the same body with a string price');
});
test('contract: a readOnly member in a request body is refused', () => {
  refusedAt(contract.validateBody('ordersPartialUpdate', { currency: 'USD' }), '/currency');
});
test('contract: a member the request schema does not declare is refused', () => {
  refusedAt(contract.validateBody('ordersPartialUpdate', { email: 'a@example.com' }), '');
});
test('contract: a call is checked for its path, operation, method and headers', () => {
  const good = { method: 'DELETE', path: '/api/admin/orders/100123/lines/1000/', operation: 'ordersLinesDestroy', headers: header };
  conforms(contract.validateCall(good), 'a well-formed DELETE');
  refusedAt(contract.validateCall({ ...good, path: '/api/admin/orders/100123/line/1000/' }), '/path');
  refusedAt(contract.validateCall({ ...good, path: '/api/admin/orders/100123/lines/abc/' }), '/path {lineId}');
  refusedAt(contract.validateCall({ ...good, method: 'PATCH' }), '/method');
  refusedAt(contract.validateCall({ ...good, headers: { 'Content-Type': 'application/json' } }), '/headers');
  refusedAt(contract.validateCall({ ...good, operation: 'ordersLinesRemove' }), '/operation');
});
test('contract: an Order missing a required member is refused', () => {
  const { lines, ...withoutLines } = seed;
  refusedAt(contract.validateSchema('Order', withoutLines), '');
});
