// SPEC 7 / issue 9: 100,000 calls of each operation and 100,000 session open/close cycles leave wasm memory
// unchanged after the first 1,000 — both the linear memory size and the bytes malloc has in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadEngine } from '../../js/src/index.js';

const engine = await loadEngine();
const order = readFileSync(new URL('../../examples/orders/29next-sample.json', import.meta.url), 'utf8');
const calls = {
  inspectOrder: () => engine.inspectOrder(order),
  calculateRefund: () => engine.calculateRefund(order, { refund_lines: [{ line_id: 2002, quantity: 1 }] }),
  validateRefund: () => engine.validateRefund(order, { refund_lines: [{ line_id: 2002, quantity: 1, restock_type: 'no_restock' }], transactions: [{ id: 9001, amount: '17.84' }] }),
  previewEdit: () => engine.previewEdit(order, [{ op: 'update_line', line_id: 2002, quantity: 3 }, { op: 'add_line', product_id: 9, quantity: 1, price: '5.00', tax_rate: '0.19' }]),
  previewCancel: () => engine.previewCancel(order, { cancel_reason: 'x', full_refund: true }),
  transition: () => engine.transition({ preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' }),
  deriveStatuses: () => engine.deriveStatuses(order),
  badInput: () => engine.calculateRefund('{"currency": [', '{'),
  sessionCycle: () => {
    const s = engine.openOrder(order);
    s.previewEdit([{ op: 'update_line', line_id: 2002, quantity: 3 }]);
    s.close();
  },
};

const N = Number(process.env.OP_MEMORY_CALLS ?? 100_000);
for (const [name, fn] of Object.entries(calls)) {
  test(`${N} ${name} calls leave wasm memory where it was after 1,000`, () => {
    for (let i = 0; i < 1000; i++) fn();
    const before = engine.memory();
    for (let i = 1000; i < N; i++) fn();
    const after = engine.memory();
    assert.equal(after.wasmBytes, before.wasmBytes, 'linear memory grew');
    assert.equal(after.heapInUse, before.heapInUse, 'bytes in use changed');
    assert.equal(engine.openSessionCount(), 0);
  });
}
