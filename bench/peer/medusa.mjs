// The JS peer of SPEC §7: Medusa v2's order-change calculation and totals, called without a database.
//
//   edit   = calculateOrderChange({order, transactions, actions: [ITEM_UPDATE, ITEM_ADD]}) then
//            decorateCartTotals(result.order)               ↔ engine.previewEdit(order, edits)
//   refund = calculateOrderChange({order, transactions, actions: [RETURN_ITEM…]}) then
//            decorateCartTotals(result.order)               ↔ engine.calculateRefund(order, request)
//
// calculateOrderChange deep-copies its input (JSON round trip) and decorateCartTotals mutates what it is given,
// so each timed call starts from the same converted order. Converting our 29next order to Medusa's shape is
// the caller's job and happens once, outside the timing. Medusa keeps totals unrounded (BigNumber) and tax
// rates are percents; the sanity checks compare against our rounded amounts at half a cent per line.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Why the peer cannot run, or null when its packages are installed. */
export function medusaMissing() {
  for (const pkg of ['@medusajs/order', '@medusajs/utils']) {
    if (!existsSync(resolve(benchDir, 'node_modules', pkg, 'package.json'))) {
      return `${pkg} is not installed in bench/node_modules (npm run bench installs it with npm ci --prefix bench)`;
    }
  }
  return null;
}

const toCents = (text) => Math.round(Number(text) * 100);
const amount = (text) => Number(text); // Medusa takes plain numbers (BigNumber inside)

/** Our 29next order -> Medusa's OrderDTO-like shape (items with detail quantities, percent tax rates). */
export function toMedusa(order) {
  const refunded = new Map();
  for (const refund of order.refunds ?? []) {
    for (const r of refund.refund_line_items ?? []) refunded.set(r.line_item_id, (refunded.get(r.line_item_id) ?? 0) + r.quantity);
  }
  const items = order.lines.map((line) => {
    const fulfilled = line.quantity - line.fulfillable_quantity;
    const excl = toCents(line.price_excl_tax);
    return {
      id: `ordli_${line.id}`,
      title: line.product.title,
      subtitle: line.product.categories?.[0]?.name ?? null,
      thumbnail: line.product.images?.[0]?.src ?? null,
      product_id: `prod_${line.product.id}`,
      product_title: line.product.title,
      variant_sku: line.product.upc,
      variant_id: `variant_${line.product.id}`,
      requires_shipping: true,
      is_discountable: true,
      is_tax_inclusive: false,
      unit_price: excl / line.quantity / 100,
      quantity: line.quantity,
      tax_lines: line.tax_lines.map((t, i) => ({
        id: `ordtxl_${line.id}_${i}`,
        code: t.tax_title,
        description: t.tax_title,
        rate: Math.round(Number(t.rate) * 10000) / 100,
      })),
      adjustments: [],
      metadata: line.metadata ?? {},
      detail: {
        id: `orditem_${line.id}`,
        item_id: `ordli_${line.id}`,
        version: 1,
        quantity: line.quantity,
        fulfilled_quantity: fulfilled,
        delivered_quantity: 0,
        shipped_quantity: fulfilled,
        return_requested_quantity: 0,
        return_received_quantity: refunded.get(line.id) ?? 0,
        return_dismissed_quantity: 0,
        written_off_quantity: 0,
      },
    };
  });
  const shippingRate = toCents(order.shipping_excl_tax) ? toCents(order.shipping_tax) / toCents(order.shipping_excl_tax) : 0;
  const transactions = [];
  for (const t of order.transactions) transactions.push({ id: `tx_${t.id}`, amount: amount(t.amount), currency_code: 'eur' });
  for (const refund of order.refunds ?? []) {
    for (const t of refund.transactions ?? []) transactions.push({ id: `tx_${t.id}`, amount: -amount(t.amount), currency_code: 'eur' });
  }
  return {
    order: {
      id: `order_${order.number}`,
      version: 1,
      currency_code: order.currency.toLowerCase(),
      email: order.user?.email,
      metadata: order.metadata ?? {},
      items,
      shipping_methods: [
        {
          id: 'ordsm_1',
          name: 'Standard',
          amount: amount(order.shipping_excl_tax),
          is_tax_inclusive: false,
          tax_lines: [{ id: 'ordsmtxl_1', code: 'MwSt 19%', rate: Math.round(shippingRate * 100) }],
          adjustments: [],
        },
      ],
      total: amount(order.total_incl_tax),
    },
    transactions,
  };
}

export async function loadMedusa() {
  const require = createRequire(resolve(benchDir, 'package.json'));
  const started = performance.now();
  const { calculateOrderChange } = require('@medusajs/order/dist/utils');
  const { decorateCartTotals, ChangeActionType } = require('@medusajs/utils');
  const loadMs = performance.now() - started;
  const pkgVersion = (name) => JSON.parse(readFileSync(resolve(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const version = pkgVersion('@medusajs/order');
  const utilsVersion = pkgVersion('@medusajs/utils');

  /** Medusa actions for our edit ops (update_line quantity, add_line with price and tax rate). */
  function editActions(edits) {
    const actions = [];
    const added = [];
    edits.forEach((e, i) => {
      if (e.op === 'update_line') {
        actions.push({ action: ChangeActionType.ITEM_UPDATE, details: { reference_id: `ordli_${e.line_id}`, quantity: e.quantity } });
      } else if (e.op === 'add_line') {
        const id = `ordli_new_${i}`;
        actions.push({ action: ChangeActionType.ITEM_ADD, details: { reference_id: id, quantity: e.quantity, unit_price: Number(e.price) } });
        added.push({ id, rate: Math.round(Number(e.tax_rate ?? 0) * 10000) / 100 });
      } else {
        throw new Error(`the Medusa adapter has no action for edit op ${e.op}`);
      }
    });
    return { actions, added };
  }

  /** The peer's edit preview: order change, then the tax lines a tax provider would attach, then totals. */
  function edit(m, plan) {
    const change = calculateOrderChange({ order: m.order, transactions: m.transactions, actions: plan.actions });
    const after = change.order;
    for (const a of plan.added) {
      const item = after.items.find((it) => it.id === a.id);
      item.tax_lines = [{ id: `${a.id}_tx`, code: 'new', rate: a.rate }];
      item.is_tax_inclusive = false;
      item.adjustments = [];
      item.detail = { quantity: item.quantity, fulfilled_quantity: 0 };
    }
    decorateCartTotals(after);
    return { order: after, summary: change.getSummaryFromOrder(after) };
  }

  function refundActions(request) {
    return request.refund_lines.map((r) => ({
      action: ChangeActionType.RETURN_ITEM,
      details: { reference_id: `ordli_${r.line_id}`, quantity: r.quantity },
    }));
  }

  /** The peer's refund: return-item actions, then totals; the refund is the return_requested_total sum. */
  function refund(m, actions) {
    const change = calculateOrderChange({ order: m.order, transactions: m.transactions, actions });
    const after = change.order;
    decorateCartTotals(after);
    return { order: after, summary: change.getSummaryFromOrder(after) };
  }

  /** Totals of the unchanged order (for the edit delta), computed once outside timing. */
  function totalBefore(m) {
    const copy = JSON.parse(JSON.stringify(m.order));
    decorateCartTotals(copy);
    return Number(copy.total);
  }

  return { version, utilsVersion, loadMs, editActions, edit, refundActions, refund, totalBefore };
}

/**
 * Medusa's answers next to ours, before anything is timed. Returns {ok, lines: [...]} describing each check;
 * tolerance: half a cent per line the operation touched (Medusa does not round), plus a cent.
 */
export function sanityCheck(medusa, m, ours, { edits, refundRequest }) {
  const checks = [];
  const near = (name, peer, mine, lines) => {
    const tol = 0.005 * lines + 0.01;
    const diff = Math.abs(peer - mine);
    checks.push({ name, peer: Number(peer.toFixed(6)), ours: mine, diff: Number(diff.toFixed(6)), tolerance: tol, ok: diff <= tol });
  };
  // Edit: the change of the order total.
  const plan = medusa.editActions(edits);
  const before = medusa.totalBefore(m);
  const after = Number(medusa.edit(m, plan).order.total);
  near('edit: change of order total (incl tax)', after - before, Number(ours.edit.result.delta.total_incl_tax), edits.length + 1);
  // Refund: the lines' refund incl tax (Medusa has no shipping refund in a return; ours adds it separately).
  const out = medusa.refund(m, medusa.refundActions(refundRequest));
  const peerLines = out.order.items.reduce((s, it) => s + (it.return_requested_total ? Number(it.return_requested_total) : 0), 0);
  const ourLines = ours.refund.result.refund_lines.reduce((s, l) => s + Number(l.amount_incl_tax), 0);
  near('refund: lines refunded (incl tax)', peerLines, Number(ourLines.toFixed(2)), refundRequest.refund_lines.length);
  return { ok: checks.every((c) => c.ok), checks };
}
