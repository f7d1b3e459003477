// A sample consumer, type-checked by tests/js/types.test.mjs (tsc --strict, module nodenext): if index.d.ts
// drifts from how the package is used, this stops compiling. Lines marked @ts-expect-error must keep failing.
import { loadEngine, unwrap, PreflightError } from 'order-preflight';
import wasmModule from 'order-preflight/order_preflight.wasm';
import type {
  Engine, Envelope, EditPreview, IssueCode, RefundCalculation, RefundCalculation29next, RefundCalculationV1,
  RefundCreateRequest29next, RefundRequestV1, Session,
} from 'order-preflight';

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
  // Envelope discriminated on ok: result is not null here.
  const calc: RefundCalculation = preview.result;
  // RefundCalculation discriminated on platform.
  const total: string = calc.platform === '29next' ? calc.amount_incl_tax : calc.amount;
  // @ts-expect-error: the union has no amount_incl_tax until narrowed
  void calc.amount_incl_tax;
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

// The probes of issue 17: each of these used to fail to compile.
export async function probes(order: Record<string, unknown>): Promise<unknown[]> {
  const engine = await loadEngine({ wasmModule });

  // unwrap(...).amount_incl_tax with the dialect named: the 29next result type.
  const amount: string = unwrap(
    engine.calculateRefund(order, { refund_lines: [{ line_id: 1000, quantity: 1 }] }, { dialect: '29next' }),
  ).amount_incl_tax;
  const v1Request: RefundRequestV1 = { refund_line_items: [{ line_item_id: 'li-1', quantity: 1, restock: true }], shipping: 'full' };
  const v1: RefundCalculationV1 = unwrap(engine.calculateRefund(order, v1Request, { dialect: 'v1' }));
  // @ts-expect-error: a 29next request under the v1 dialect
  engine.calculateRefund(order, { refund_lines: [{ line_id: 1, quantity: 1 }] }, { dialect: 'v1' });

  // The create body follows the calculation's platform.
  const created = engine.toRefundCreateRequest(
    engine.calculateRefund(order, { refund_lines: [{ line_id: 1000, quantity: 1 }] }, { dialect: '29next' }),
  );
  const createBody: RefundCreateRequest29next | null = created.result;

  // `using` disposes the session.
  {
    using session = engine.openOrder(order);
    const env = session.previewEdit([{ op: 'remove_line', line_id: 1000 }], { include_order: false });
    // Envelope discriminated on ok.
    if (env.ok) console.log(env.result.balance);
    session.inspect();
    session.deriveStatuses({ preset: 'v1' });
    // @ts-expect-error: reading options are fixed when the session opens
    session.previewEdit([], { profile: { rounding: 'half_even' } });
    // @ts-expect-error: inspect takes no placeholder request
    session.inspect(null, {});
  }
  {
    using v1Session = engine.openOrder(order, { dialect: 'v1' });
    const calc = v1Session.calculateRefund({ refund_line_items: [{ line_item_id: 'li-1', quantity: 1 }] });
    if (calc.ok) console.log(calc.result.shipping.maximum_refundable, calc.result.amount);
  }
  const session29: Session<'29next'> = engine.openOrder(order, { dialect: '29next' });
  const r29: Envelope<RefundCalculation29next> = session29.calculateRefund({ refund_lines: [{ line_id: 1000, quantity: 1 }] });
  session29[Symbol.dispose]();
  return [amount, v1.amount, createBody, r29.ok];
}
