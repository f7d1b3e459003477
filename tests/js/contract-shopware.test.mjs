// The Shopware Admin API contract (core + commercial, tests/contracts/shopware-6.json) over the golden corpus:
// every body and planned call the engine produces for a Shopware order conforms to the published schemas, and
// every call outside the contract is one the contract's facts list as missing (the commercial return routes, the
// order version and recalculation routes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';
import { loadContract, describe } from './support/contract.mjs';

const contract = loadContract('shopware-6');
const facts = JSON.parse(readFileSync(new URL('../contracts/shopware-6.json', import.meta.url), 'utf8'));
const engine = await loadEngine();
const repo = new URL('../../', import.meta.url).pathname;
const fixtures = join(repo, 'tests', 'fixtures');
const dirs = (p) => (existsSync(p) ? readdirSync(p).filter((d) => statSync(join(p, d)).isDirectory() && d.startsWith('shopware-')).sort() : []);
const readText = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
// Shopware's PATCH /api/{entity}/{id} writes only the members sent ("partial update"), but the published contract
// reuses the entity schema, required list included, for those bodies. A PATCH body (and an entity shown as the
// members a PATCH or calculate writes) is therefore checked member for member — types, patterns, no undeclared
// member — without the creation-time required list. Nothing else is loosened.
const partial = (deviations) => deviations.filter((d) => !/required member '[^']+' is missing/.test(d.message) || d.path.startsWith('/path'));
const conforms = (deviations, what) => assert.ok(deviations.length === 0, `${what} deviates from the contract:\n${describe(deviations)}`);

// "POST /api/_proxy/order/{orderId}/return" matches "POST /api/_proxy/order/0f…/return".
const missing = Object.keys(facts.missing).map((m) => {
  const [method, path] = m.split(' ');
  return { method, re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
});
const isMissingRoute = (call) => missing.some((m) => m.method === call.method && m.re.test(call.path));

function checkPlan(label, plan) {
  plan.forEach((call, i) => {
    test(`${label}: plan[${i}] ${call.method} ${call.operation ?? call.path}`, () => {
      if (call.operation === null) {
        assert.ok(isMissingRoute(call), `${call.method} ${call.path} has no operation id and is not a route the contract lists as missing`);
        return;
      }
      const deviations = contract.validateCall(call);
      conforms(call.method === 'PATCH' ? partial(deviations) : deviations, `plan[${i}]`);
    });
  });
}

let checked = 0;
for (const name of dirs(join(fixtures, 'return'))) {
  const dir = join(fixtures, 'return', name);
  const env = engine.previewReturn(readText(join(dir, 'order.json')), readText(join(dir, 'request.json')), readText(join(dir, 'options.json')));
  if (!env.ok) continue;
  checked += 1;
  checkPlan(`return/${name}`, env.result.plan);
  test(`return/${name}: each line item is an OrderReturnLineItem's price and refundAmount`, () => {
    for (const li of env.result.lineItems) {
      const entity = { price: li.price, refundAmount: li.refundAmount, quantity: li.quantity, orderLineItemId: li.orderLineItemId };
      conforms(partial(contract.validateBody('updateOrderReturnLineItem', entity)), 'line item');
    }
    const ret = { price: env.result.price, shippingCosts: env.result.shippingCosts, amountTotal: env.result.amountTotal, amountNet: env.result.amountNet };
    conforms(partial(contract.validateBody('updateOrderReturn', ret)), 'return');
  });
}

for (const name of dirs(join(fixtures, 'capture-refund'))) {
  const dir = join(fixtures, 'capture-refund', name);
  const env = engine.previewCaptureRefund(readText(join(dir, 'order.json')), readText(join(dir, 'request.json')), readText(join(dir, 'options.json')));
  if (!env.ok) continue;
  checked += 1;
  // The caller adds what only its installation knows (the refund state's id), as body_missing says.
  const complete = (body) => (env.result.body_missing.includes('stateId') ? { ...body, stateId: 'ab'.repeat(16) } : body);
  test(`capture-refund/${name}: the body is a createOrderTransactionCaptureRefund body once body_missing is filled`, () => {
    assert.deepEqual(env.result.body_missing.filter((m) => m !== 'stateId'), []);
    conforms(contract.validateBody('createOrderTransactionCaptureRefund', complete(env.result.body)), 'body');
  });
  checkPlan(`capture-refund/${name}`, env.result.plan.map((c, i) => (i === 0 ? { ...c, body: complete(c.body) } : c)));
}

// Versioned order edits: every planned call is the contract's line-item route or a version/recalculation route
// the contract's facts list as missing (createVersion, addProductToOrder, recalculateOrder, mergeVersion).
for (const name of dirs(join(fixtures, 'edit'))) {
  const dir = join(fixtures, 'edit', name);
  const env = engine.previewEdit(readText(join(dir, 'order.json')), readText(join(dir, 'request.json')), readText(join(dir, 'options.json')));
  if (!env.ok) continue;
  checked += 1;
  checkPlan(`edit/${name}`, env.result.plan);
  test(`edit/${name}: the plan opens a version, recalculates it and merges it`, () => {
    const paths = env.result.plan.map((c) => `${c.method} ${c.path}`);
    assert.match(paths[0], /^POST \/api\/_action\/version\/order\/[0-9a-f]{32}$/);
    assert.match(paths.at(-2), /^POST \/api\/_action\/order\/[0-9a-f]{32}\/recalculate$/);
    assert.equal(paths.at(-1), 'POST /api/_action/version/merge/order/{versionId}');
    for (const c of env.result.plan.slice(1)) assert.equal(c.headers['sw-version-id'], '{versionId}');
  });
}

// Transitions with an order entity: the call in the result is the contract's action (or a commercial line route).
const transitions = existsSync(join(fixtures, 'transition')) ? readdirSync(join(fixtures, 'transition')).filter((d) => d.startsWith('shopware-entity-')).sort() : [];
for (const name of transitions) {
  const env = engine.transition(readText(join(fixtures, 'transition', name, 'request.json')));
  if (!env.ok || !env.result.call) continue;
  checked += 1;
  checkPlan(`transition/${name}`, [env.result.call]);
}

test('the corpus has Shopware previews to check', () => assert.ok(checked >= 20, `only ${checked}`));
