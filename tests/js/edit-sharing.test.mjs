// previewEdit on an order given as an object: the engine sends what changed (order_echo: "changes") and the
// package builds `order` from the caller's object (js/src/order-after.js). Over every golden edit fixture the
// envelope must equal, deeply, the one for the same order given as text (the engine's whole echo); the caller's
// object must come back untouched; and unchanged lines must be the caller's own objects, not copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const root = new URL('../fixtures/edit/', import.meta.url).pathname;
const text = (dir, name) => (existsSync(join(dir, `${name}.json`)) ? readFileSync(join(dir, `${name}.json`), 'utf8') : undefined);
const linesOf = (order) => (Array.isArray(order?.lines) ? order.lines : Array.isArray(order?.line_items) ? order.line_items : null);

let sharedLines = 0;
let builtOrders = 0;
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  test(`edit/${name}: the order built from the caller's object equals the engine's echo`, () => {
    const [orderText, editsText, optionsText] = ['order', 'request', 'options'].map((n) => text(dir, n));
    const order = JSON.parse(orderText);
    const before = JSON.stringify(order);
    const fromObject = engine.previewEdit(order, editsText === undefined ? undefined : JSON.parse(editsText),
      optionsText === undefined ? undefined : JSON.parse(optionsText));
    const fromText = engine.previewEdit(orderText, editsText, optionsText);
    assert.deepStrictEqual(fromObject, fromText);
    assert.equal(JSON.stringify(order), before, 'the caller\u2019s order is not mutated');
    const after = fromObject.result?.order;
    if (!after) return;
    builtOrders++;
    assert.deepStrictEqual(Object.keys(fromObject.result), Object.keys(fromText.result), 'same members in the same order');
    const inputLines = linesOf(order.data && !linesOf(order) ? order.data : order);
    for (const line of linesOf(after) ?? []) if (inputLines?.includes(line)) sharedLines++;
  });
}

test('unchanged lines are shared with the caller across the corpus (the check above is not vacuous)', () => {
  console.log(`orders built from the caller's object: ${builtOrders}; lines shared: ${sharedLines}`);
  assert.ok(builtOrders >= 20, `orders built: ${builtOrders}`);
  assert.ok(sharedLines >= 20, `lines shared: ${sharedLines}`);
});

test('only values JSON keeps are shared: undefined members stay out; a Date stays the caller\u2019s own', () => {
  const order = JSON.parse(readFileSync(new URL('../../examples/orders/29next-seed000.json', import.meta.url), 'utf8'));
  const placed = new Date('2026-11-30T10:00:00Z');
  const withExtras = { ...order, note_for_ui: undefined, placed_at_ui: placed };
  const edits = [{ op: 'update_line', line_id: order.lines[0].id, quantity: order.lines[0].quantity + 1 }];
  const result = engine.previewEdit(withExtras, edits).result;
  assert.equal('note_for_ui' in result.order, false);
  assert.equal(result.order.placed_at_ui, placed);
  assert.notEqual(result.order.lines[0], order.lines[0], 'the edited line is the engine\u2019s');
  const textResult = engine.previewEdit(JSON.stringify(withExtras), edits).result;
  assert.deepStrictEqual(result.order.lines, textResult.order.lines);
  assert.equal(textResult.order.placed_at_ui, placed.toJSON());
});
