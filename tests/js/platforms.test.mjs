// Platforms as modules, seen from the API: orders read in either 29next line shape and inside webhook payloads,
// results naming their platform, each platform's own names in requests and plans (docs/rules.md R1, R3, E18–E20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const example = (name) => JSON.parse(readFileSync(new URL(`../../examples/orders/${name}`, import.meta.url), 'utf8'));
const sample = example('29next-sample.json');
const v1 = example('v1-sample.json');

// The same order as older 29next payloads write it: product {id, title} and prices before discounts.
function olderShape(order) {
  const o = structuredClone(order);
  for (const l of o.lines) {
    l.product = { id: l.product_id, title: l.product_title };
    l.price_excl_tax_excl_discounts = l.original_price_excl_tax;
    for (const k of ['product_id', 'product_title', 'original_price_excl_tax', 'original_price_incl_tax']) delete l[k];
  }
  return o;
}
const facts = (env) => env.result.lines.map(({ derived, ...l }) => l);

test('both 29next line shapes read to the same facts', () => {
  const current = engine.inspectOrder(sample);
  const older = engine.inspectOrder(olderShape(sample));
  assert.equal(current.ok, true);
  assert.equal(older.ok, true);
  assert.deepEqual(facts(older), facts(current));
  assert.equal(current.result.lines[0].discount, '19.20');
});

test('a line with no price before discounts says it derived the discount', () => {
  const o = structuredClone(sample);
  delete o.lines[1].original_price_excl_tax;
  const line = engine.inspectOrder(o).result.lines[1];
  assert.equal(line.discount, '0.00');
  assert.ok(line.derived.includes('discount'), JSON.stringify(line.derived));
  assert.ok(!engine.inspectOrder(sample).result.lines[1].derived.includes('discount'));
});

test('an order inside a webhook payload reads as the order, with paths through data', () => {
  const webhook = { api_version: '2024-04-01', data: sample };
  const direct = engine.inspectOrder(sample);
  const wrapped = engine.inspectOrder(webhook);
  assert.deepEqual(wrapped, direct);
  const broken = structuredClone(webhook);
  broken.data.lines[0].quantity = 'two';
  const env = engine.inspectOrder(broken);
  assert.equal(env.ok, false);
  assert.equal(env.errors[0].path, 'order.data.lines[0].quantity');
  const refund = engine.calculateRefund(webhook, { refund_lines: [{ line_id: 2002, quantity: 1 }] });
  assert.equal(refund.ok, true, JSON.stringify(refund.errors));
});

test('every result about an order names its platform', () => {
  assert.equal(engine.inspectOrder(sample).result.platform, '29next');
  assert.equal(engine.inspectOrder(v1).result.platform, 'v1');
  const ep = engine.previewCancel(sample, {}, { preset: 'elasticpath' });
  assert.equal(ep.result.platform, 'elasticpath');
});

test('an unknown dialect lists the platforms that read orders', () => {
  const env = engine.inspectOrder(sample, { dialect: 'magento' });
  assert.equal(env.errors[0].code, 'INVALID_OPTION');
  assert.match(env.errors[0].message, /use 29next, v1, elasticpath or shopware\./);
});

test('29next: a note is its own call; the email is refused naming the customer call', () => {
  const plan = engine.previewEdit(sample, [{ op: 'update_order', note: 'Gift wrap', tags: ['vip'] }]).result.plan;
  assert.deepEqual(plan.map((c) => c.operation), ['ordersPartialUpdate', 'ordersNotesCreate']);
  assert.deepEqual(plan[0].body, { tags: ['vip'] });
  assert.deepEqual(plan[1].body, { message: 'Gift wrap' });
  assert.equal(plan[1].path, '/api/admin/orders/100777/notes/');
  const email = engine.previewEdit(sample, [{ op: 'update_order', email: 'a@example.com' }]);
  assert.equal(email.errors[0].code, 'FIELD_NOT_WRITABLE');
  assert.equal(email.errors[0].path, 'edits[0].email');
  assert.match(email.errors[0].message, /customers/);
  assert.deepEqual(email.result.plan, []);
});

test('OFFERS_NOT_REEVALUATED fires only for discounted lines, at their edit', () => {
  const undiscounted = engine.previewEdit(sample, [{ op: 'add_line', product_id: 9, quantity: 1, price: '5.00', tax_rate: '0.19' },
    { op: 'update_line', line_id: 2002, quantity: 3 }]);
  assert.deepEqual(undiscounted.warnings.filter((w) => w.code === 'OFFERS_NOT_REEVALUATED'), []);
  const editable = structuredClone(sample);
  Object.assign(editable.lines[0], { fulfillable_quantity: 2, editable_quantity: 2 });  // the discounted hoodie, not yet shipped
  const discounted = engine.previewEdit(editable, [{ op: 'add_line', product_id: 9, quantity: 1, price: '5.00', tax_rate: '0.19' },
    { op: 'update_line', line_id: 2001, quantity: 0 }]);
  const w = discounted.warnings.filter((x) => x.code === 'OFFERS_NOT_REEVALUATED');
  assert.equal(w.length, 1);
  assert.equal(w[0].path, 'edits[1]');
});

test('v1: add_line takes the platform\'s variant_id and the plan sends it', () => {
  const env = engine.previewEdit(v1, [{ op: 'add_line', variant_id: 777, quantity: 1, price: '5.00', tax_rate: '0' }]);
  assert.equal(env.ok, true, JSON.stringify(env.errors));
  const add = env.result.plan.find((c) => c.operation === 'addLineItem');
  assert.equal(add.body.variant_id, 777);
});

test('v1: refund transactions and the create body name the gateway', () => {
  const calc = engine.calculateRefund(v1, { refund_line_items: [{ line_item_id: v1.line_items[0].id, quantity: 1 }] });
  assert.equal(calc.ok, true, JSON.stringify(calc.errors));
  const gateway = v1.transactions.find((t) => t.id === calc.result.transactions[0].parent_id).gateway;
  assert.equal(calc.result.transactions[0].gateway, gateway);
  const body = engine.toRefundCreateRequest(calc).result;
  assert.equal(body.transactions[0].gateway, gateway);
});
