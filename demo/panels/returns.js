// The Refund tab for a Shopware order, which refunds through returns and through refunds against a capture
// rather than one refund call: a return (previewReturn: line items, quantities, edited refund amounts, shipping
// costs, a new return or one of the order's returns) and a capture refund (previewCaptureRefund: a capture,
// positions, an amount per position option). Both preview on every change through the order's session; every
// error and warning is shown beside the input its JSON path names, and the plan lists the exact server calls.
import { $, FieldErrors, field, fill, h, json, money, numberOrText, parseIndexedPath, renderIssues } from '../lib/dom.js';
import { renderPlan } from '../lib/plan.js';

// Capture refunds in these states take from the capture (docs/rules.md S42); shown as "in earlier refunds".
const COUNTED_REFUND_STATES = new Set(['open', 'in_progress', 'completed']);

/** The order under Shopware's `data` wrapper (GET /api/order/{id}), or the order itself (flat form). */
export function shopwareRoot(order) {
  const data = order?.data;
  return (data && typeof data === 'object' && !Array.isArray(data) ? data : order) ?? {};
}

/** A state association's technical name: `stateMachineState` (order, deliveries, payments) or `state` (returns, lines). */
export const technicalName = (association) => association?.technicalName ?? null;

export const shortId = (id) => `…${String(id).slice(-6)}`;

const list = (value) => (Array.isArray(value) ? value : []);

export function createReturnsPanel(ctx) {
  const box = $('#refund-shopware');
  const isShopware = () => ctx.dialect === 'shopware';
  const root = () => shopwareRoot(ctx.order);
  // Top-level line items: what a return or a refund position names (children are priced inside their parent).
  const lineItems = () => list(root().lineItems).filter((li) => li && typeof li === 'object' && !li.parentId);
  const returns = () => list(root().extensions?.returns);
  const labelOf = (id) => lineItems().find((li) => li.id === id)?.label ?? shortId(id);
  const cur = () => ctx.currency;
  // Results carry Shopware's JSON numbers, already rounded to the currency's decimals; shown with those decimals.
  const amount = (v) => (typeof v === 'number' ? v.toFixed(ctx.info?.currency_exponent ?? 2) : (v ?? '—'));
  const cell = (value, col, text = amount(value)) => h('td', { class: 'num', dataset: { col, value: String(value ?? '') }, text });

  // ---- return ----

  const ret = {
    rows: [],
    errors: new FieldErrors(),
    out: $('#sw-return-out'),
    target: $('#sw-return-target'),
    shipping: $('#sw-return-shipping'),
  };

  function unitsIn(lineId, entries) {
    return entries.reduce((n, e) => n + (e.orderLineItemId === lineId && Number.isInteger(e.quantity) ? e.quantity : 0), 0);
  }

  function buildReturnForm() {
    fill(ret.target, h('option', { value: '', text: 'A new return' }),
      returns().map((r) => h('option', { value: r.id, text: `Add to return ${r.returnNumber ?? shortId(r.id)} (${technicalName(r.state) ?? 'state not loaded'}, ${list(r.lineItems).length} line item${list(r.lineItems).length === 1 ? '' : 's'})` })));
    const returned = returns().flatMap((r) => list(r.lineItems));
    ret.rows = lineItems().map((li, i) => {
      const label = `line item ${li.label ?? li.id}`;
      const qty = h('input', { id: `sw-return-qty-${i}`, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: 0, dataset: { lineId: li.id } });
      const refund = h('input', { id: `sw-return-amount-${i}`, inputmode: 'decimal', autocomplete: 'off', placeholder: 'server', dataset: { lineId: li.id } });
      qty.addEventListener('input', previewReturn);
      refund.addEventListener('input', previewReturn);
      const inReturns = unitsIn(li.id, returned);
      const tr = h('tr', { dataset: { lineId: li.id } },
        h('th', { scope: 'row' }, h('span', { class: 'line-title', text: li.label ?? shortId(li.id) }),
          h('span', { class: 'line-meta', text: `${li.type ?? 'line'} · ${money(amount(li.unitPrice), cur())} each · ${shortId(li.id)}` })),
        h('td', { class: 'num', dataset: { label: 'Ordered' }, text: `${li.quantity}${inReturns ? `, ${inReturns} in returns` : ''}` }),
        h('td', { dataset: { label: 'Quantity' } }, field(`Return quantity of ${label}`, qty, { hiddenLabel: true, className: 'field compact' })),
        h('td', { dataset: { label: 'Refund amount' } }, field(`Refund amount of ${label}`, refund, { hiddenLabel: true, className: 'field compact' })));
      return { li, qty, refund, tr };
    });
    fill($('#sw-return-lines tbody'), ret.rows.length ? ret.rows.map((r) => r.tr)
      : h('tr', {}, h('td', { colspan: 4, class: 'empty', text: 'The order has no line items.' })));
  }

  function buildReturnRequest() {
    const items = [];
    const sources = [];
    for (const r of ret.rows) {
      const q = r.qty.value.trim();
      const a = r.refund.value.trim();
      if ((q === '' || q === '0') && a === '') continue;
      const item = { orderLineItemId: r.li.id, quantity: q === '' ? 0 : numberOrText(q) };
      if (a !== '') item.refundAmount = a;
      items.push(item);
      sources.push({ quantity: r.qty, refundAmount: r.refund, main: r.qty });
    }
    const request = { lineItems: items };
    const shippingCosts = ret.shipping.value.trim();
    if (shippingCosts !== '') request.shippingCosts = shippingCosts;
    if (ret.target.value) request.returnId = ret.target.value;
    return { request, sources, empty: items.length === 0 && shippingCosts === '' && !ret.target.value };
  }

  function returnControl(issue, sources) {
    const path = issue.path ?? '';
    if (/^shippingCosts(\.|$)/.test(path)) return ret.shipping;
    if (/^returnId(\.|$)/.test(path)) return ret.target;
    const p = parseIndexedPath(path, 'lineItems');
    if (!p || !sources[p.index]) return null;
    return sources[p.index][p.rest] ?? sources[p.index].main;
  }

  function previewReturn() {
    if (!ctx.session || !isShopware()) return;
    const { request, sources, empty } = buildReturnRequest();
    ret.out.dataset.request = JSON.stringify(request);
    if (empty) {
      ret.errors.clear();
      fill($('#sw-return-issues'));
      showReturn(null, 'Pick a quantity (or shipping costs, or an existing return) to preview a return.');
      ret.out.dataset.ok = 'false';
      return;
    }
    const env = ctx.session.previewReturn(request);
    const at = (issue) => returnControl(issue, sources);
    ret.errors.set([...env.errors.map((issue) => ({ issue, control: at(issue) })),
      ...env.warnings.map((issue) => ({ issue, control: at(issue), kind: 'warning' }))]);
    renderIssues($('#sw-return-issues'), env, at, { warningFields: true });
    showReturn(env);
    ret.out.dataset.ok = String(env.ok);
  }

  function showReturn(env, placeholder) {
    const total = $('#sw-return-total');
    const r = env?.result;
    delete total.dataset.amount;
    for (const table of ['#sw-return-items', '#sw-return-price']) $(table).closest('.table-wrap').hidden = !r;
    if (!r) {
      total.className = 'balance';
      total.textContent = placeholder ?? 'No calculation: the request could not be read (see the errors).';
      fill($('#sw-return-items tbody'));
      fill($('#sw-return-price tbody'));
      renderPlan($('#sw-return-plan'), [], env ? 'No server call: fix the errors first.' : 'The calls appear here.');
      return;
    }
    total.className = 'balance merchant';
    total.dataset.amount = String(r.amountTotal);
    const into = r.returnId ? `return ${returns().find((x) => x.id === r.returnId)?.returnNumber ?? shortId(r.returnId)}` : 'a new return';
    fill(total, h('strong', { class: 'statement', text: `Return total ${money(amount(r.amountTotal), cur())}` }),
      ` (net ${money(amount(r.amountNet), cur())}) for ${into}.`,
      env.ok ? null : h('span', { class: 'balance-facts partial', text: 'The line items with errors are left out.' }));

    fill($('#sw-return-items tbody'), r.lineItems.map((l) => h('tr', { dataset: { lineId: l.orderLineItemId, existing: String(l.existing) } },
      h('th', { scope: 'row' }, h('span', { class: 'line-title', text: labelOf(l.orderLineItemId) }),
        l.existing ? h('span', { class: 'line-meta', text: 'already in the return' }) : null),
      cell(l.quantity, 'quantity', String(l.quantity)), cell(l.price?.unitPrice, 'unit'), cell(l.price?.totalPrice, 'price'),
      cell(l.refundAmount, 'refund'),
      h('td', { class: l.discounted ? 'num suggested discounted' : 'num suggested', dataset: { col: 'suggested', value: String(l.suggestedRefundAmount) },
        text: l.discounted ? `${amount(l.suggestedRefundAmount)} (after promotion)` : amount(l.suggestedRefundAmount) }))));

    const taxes = Object.values(r.price?.calculatedTaxes ?? {});
    const row = (key, label, value, cls = null) => h('tr', { dataset: { row: key }, class: cls }, h('th', { scope: 'row', text: label }), cell(value, 'value'));
    fill($('#sw-return-price tbody'),
      row('positionPrice', 'Line items (positionPrice)', r.price?.positionPrice),
      row('shippingCosts', 'Shipping costs', r.shippingCosts?.totalPrice),
      taxes.map((t) => row(`tax-${t.taxRate}`, `Tax ${t.taxRate} % on ${amount(t.price)}`, t.tax)),
      row('price.netPrice', 'price.netPrice', r.price?.netPrice),
      row('price.totalPrice', 'price.totalPrice', r.price?.totalPrice),
      row('amountNet', 'amountNet', r.amountNet),
      row('amountTotal', 'amountTotal', r.amountTotal, 'grand'),
      h('tr', { dataset: { row: 'taxCalculationType' } }, h('th', { scope: 'row', text: 'Tax calculation' }),
        h('td', { class: 'num', text: `${r.taxCalculationType} (${r.tax_calculation_source})` })));
    renderPlan($('#sw-return-plan'), env.ok ? r.plan : [], 'No server call: fix the errors first.');
  }

  function resetReturn() {
    ret.shipping.value = '';
    buildReturnForm();
    previewReturn();
  }

  // ---- capture refund ----

  const cap = {
    rows: [],
    errors: new FieldErrors(),
    out: $('#sw-capture-out'),
    capture: $('#sw-capture-id'),
    positionAmount: $('#sw-capture-position-amount'),
    amount: $('#sw-capture-amount'),
    reason: $('#sw-capture-reason'),
    stateId: $('#sw-capture-state-id'),
  };

  const captures = () => list(root().transactions).flatMap((t) => list(t?.captures).map((c) => ({ c, t })));

  function buildCaptureForm() {
    const all = captures();
    fill(cap.capture, all.length === 0
      ? h('option', { value: '', text: 'The order has no capture' })
      : all.map(({ c, t }) => h('option', { value: c.id,
        text: `Capture ${shortId(c.id)} · ${technicalName(c.stateMachineState) ?? 'state not loaded'} · ${money(amount(c.amount?.totalPrice), cur())} (transaction ${technicalName(t.stateMachineState) ?? '?'})` })));
    const positions = all.flatMap(({ c }) => list(c.refunds))
      .filter((r) => COUNTED_REFUND_STATES.has(technicalName(r.stateMachineState)))
      .flatMap((r) => list(r.positions));
    cap.rows = lineItems().map((li, i) => {
      const label = `line item ${li.label ?? li.id}`;
      const qty = h('input', { id: `sw-capture-qty-${i}`, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: 0, dataset: { lineId: li.id } });
      const posAmount = h('input', { id: `sw-capture-pos-amount-${i}`, inputmode: 'decimal', autocomplete: 'off', placeholder: 'by option', dataset: { lineId: li.id } });
      qty.addEventListener('input', previewCapture);
      posAmount.addEventListener('input', previewCapture);
      const refunded = unitsIn(li.id, positions);
      const tr = h('tr', { dataset: { lineId: li.id } },
        h('th', { scope: 'row' }, h('span', { class: 'line-title', text: li.label ?? shortId(li.id) }),
          h('span', { class: 'line-meta', text: `${li.type ?? 'line'} · ${money(amount(li.unitPrice), cur())} each` })),
        h('td', { class: 'num', dataset: { label: 'Ordered' }, text: `${li.quantity}${refunded ? `, ${refunded} in earlier refunds` : ''}` }),
        h('td', { dataset: { label: 'Quantity' } }, field(`Refund quantity of ${label}`, qty, { hiddenLabel: true, className: 'field compact' })),
        h('td', { dataset: { label: 'Position amount' } }, field(`Position amount of ${label}`, posAmount, { hiddenLabel: true, className: 'field compact' })));
      return { li, qty, posAmount, tr };
    });
    fill($('#sw-capture-lines tbody'), cap.rows.map((r) => r.tr));
  }

  function buildCaptureRequest() {
    const positions = [];
    const sources = [];
    for (const r of cap.rows) {
      const q = r.qty.value.trim();
      const a = r.posAmount.value.trim();
      if ((q === '' || q === '0') && a === '') continue;
      const position = { orderLineItemId: r.li.id, quantity: q === '' ? 0 : numberOrText(q) };
      if (a !== '') position.amount = a;
      positions.push(position);
      sources.push({ quantity: r.qty, amount: r.posAmount, main: r.qty });
    }
    const request = { captureId: cap.capture.value };
    if (positions.length) request.positions = positions;
    const total = cap.amount.value.trim();
    if (total !== '') request.amount = total;
    if (cap.reason.value.trim() !== '') request.reason = cap.reason.value.trim();
    if (cap.stateId.value.trim() !== '') request.stateId = cap.stateId.value.trim();
    const options = { position_amount: cap.positionAmount.value };
    return { request, options, sources, empty: positions.length === 0 && total === '' };
  }

  function captureControl(issue, sources) {
    const path = issue.path ?? '';
    const top = { captureId: cap.capture, amount: cap.amount, reason: cap.reason, stateId: cap.stateId, 'options.position_amount': cap.positionAmount };
    const key = Object.keys(top).find((k) => path === k || path.startsWith(`${k}.`));
    if (key) return top[key];
    const p = parseIndexedPath(path, 'positions');
    if (!p || !sources[p.index]) return null;
    return sources[p.index][p.rest] ?? sources[p.index].main;
  }

  function previewCapture() {
    if (!ctx.session || !isShopware()) return;
    const { request, options, sources, empty } = buildCaptureRequest();
    cap.out.dataset.request = JSON.stringify(request);
    cap.out.dataset.options = JSON.stringify(options);
    if (empty) {
      cap.errors.clear();
      fill($('#sw-capture-issues'));
      showCapture(null, captures().length ? 'Pick positions or an amount to preview a refund of the capture.' : 'The order has no capture to refund.');
      cap.out.dataset.ok = 'false';
      return;
    }
    const env = ctx.session.previewCaptureRefund(request, options);
    const at = (issue) => captureControl(issue, sources);
    cap.errors.set([...env.errors.map((issue) => ({ issue, control: at(issue) })),
      ...env.warnings.map((issue) => ({ issue, control: at(issue), kind: 'warning' }))]);
    renderIssues($('#sw-capture-issues'), env, at, { warningFields: true });
    showCapture(env);
    cap.out.dataset.ok = String(env.ok);
  }

  function showBody(value, placeholder) {
    const pre = $('#sw-capture-body');
    pre.textContent = value ? json(value) : placeholder;
    pre.classList.toggle('placeholder', !value);
  }

  function showCapture(env, placeholder) {
    const total = $('#sw-capture-total');
    const r = env?.result;
    delete total.dataset.amount;
    $('#sw-capture-capture').closest('.table-wrap').hidden = !r;
    $('#sw-capture-missing').textContent = '';
    $('#sw-capture-body-endpoint').textContent = '';
    if (!r) {
      total.className = 'balance';
      total.textContent = placeholder ?? 'No calculation: the request could not be read (see the errors).';
      fill($('#sw-capture-capture tbody'));
      showBody(null, env ? 'Fix the errors above to get the create body.' : 'The create body appears here.');
      renderPlan($('#sw-capture-plan'), [], env ? 'No server call: fix the errors first.' : 'The calls appear here.');
      return;
    }
    const c = r.capture;
    total.className = 'balance merchant';
    total.dataset.amount = c.refund;
    fill(total, h('strong', { class: 'statement', text: `Refund ${money(c.refund, cur())} of capture ${shortId(c.id)}` }),
      `; ${money(c.refundable_after, cur())} left on it afterwards.`,
      env.ok ? null : h('span', { class: 'balance-facts partial', text: 'Fix the errors to get the calls.' }));
    const row = (key, label, value, cls = null) => h('tr', { dataset: { row: key }, class: cls }, h('th', { scope: 'row', text: label }),
      h('td', { class: 'num', dataset: { col: 'value' }, text: value }));
    fill($('#sw-capture-capture tbody'),
      row('state', 'Capture state', c.state),
      row('amount', 'Captured', c.amount),
      row('refunded_before', 'In earlier refunds', c.refunded_before),
      row('refundable_before', 'Left before', c.refundable_before),
      row('refund', 'This refund', c.refund, 'grand'),
      row('beyond_positions', 'Beyond the positions (shipping, goodwill)', c.beyond_positions),
      row('refundable_after', 'Left after', c.refundable_after),
      row('transaction', 'Transaction state → action that follows', `${r.transaction.state} → ${r.transaction.suggested_action ?? 'none'}`));
    if (!env.ok) {
      showBody(null, 'Fix the errors above to get the create body.');
      renderPlan($('#sw-capture-plan'), [], 'No server call: fix the errors first.');
      return;
    }
    showBody(r.body);
    const create = r.plan[0];
    if (create) $('#sw-capture-body-endpoint').textContent = `${create.method} ${create.path} (${create.operation ?? 'not in the published contract'})`;
    if (r.body_missing.length) {
      $('#sw-capture-missing').textContent = `Still to add to the body: ${r.body_missing.join(', ')} — the id of the state "open" of order_transaction_capture_refund.state differs per installation.`;
    }
    renderPlan($('#sw-capture-plan'), r.plan, 'No server call.');
  }

  function resetCapture() {
    for (const input of [cap.amount, cap.reason, cap.stateId]) input.value = '';
    cap.positionAmount.value = 'unit_price';
    buildCaptureForm();
    previewCapture();
  }

  // ---- wiring ----

  ret.target.addEventListener('change', previewReturn);
  ret.shipping.addEventListener('input', previewReturn);
  $('#sw-return-reset').addEventListener('click', resetReturn);
  cap.capture.addEventListener('change', previewCapture);
  cap.positionAmount.addEventListener('change', previewCapture);
  for (const input of [cap.amount, cap.reason, cap.stateId]) input.addEventListener('input', previewCapture);
  $('#sw-capture-reset').addEventListener('click', resetCapture);

  return {
    tab: 'tab-refund',
    orderLoaded() {
      box.hidden = !isShopware();
      $('#tab-refund').textContent = isShopware() ? 'Returns & refunds' : 'Refund';
      if (!isShopware()) {
        ret.errors.clear();
        cap.errors.clear();
        return;
      }
      resetReturn();
      resetCapture();
    },
    refresh() {
      previewReturn();
      previewCapture();
    },
  };
}
