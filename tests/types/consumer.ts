// A sample consumer, type-checked by tests/js/types.test.mjs: if index.d.ts drifts from how the package is
// used, this stops compiling.
import { loadEngine, unwrap, PreflightError } from 'order-preflight';
import type { Engine, Envelope, EditPreview, IssueCode, RefundCalculation29next, Session } from 'order-preflight';

export async function main(order: Record<string, unknown>): Promise<string> {
  const engine: Engine = await loadEngine();
  const preview = engine.calculateRefund(order, {
    refund_lines: [{ line_id: 1000, quantity: 1 }],
    refund_shipping: { full_refund: false, amount_excl_tax: '3.99' },
  });
  if (!preview.ok) {
    const codes: IssueCode[] = preview.errors.map((e) => e.code);
    return codes.join(',');
  }
  const calc = preview.result as RefundCalculation29next;
  const total: string = calc.amount_incl_tax;
  const body = engine.toRefundCreateRequest(preview, { note: 'Damaged', send_refund_notification: true });
  const session: Session = engine.openOrder(order, { profile: { rounding: 'half_even', refund_allocation: 'largest_first' } });
  const edit: Envelope<EditPreview> = session.previewEdit([
    { op: 'update_line', line_id: 1000, quantity: 2 },
    { op: 'add_line', product_id: 184, quantity: 1, price: '89.99' },
  ]);
  session.close();
  const to = engine.transition({ preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' }).result?.to;
  const text = engine.mermaid('v1', 'status').result?.text ?? '';
  try {
    unwrap(engine.previewCancel(order, { cancel_reason: 'x', full_refund: true }));
  } catch (e) {
    if (e instanceof PreflightError) return e.code;
  }
  return [total, body.result?.transactions.length, edit.result?.balance_due_by, to, text.length].join(' ');
}
