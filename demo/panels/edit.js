// Edit panel: quantities, removals, added lines and the shipping address become a list of edit ops; each
// input previews through the session. Every op remembers the controls that produced it, so an issue at
// `edits[3].quantity` is shown next to the control of edit 3.
import { $, FieldErrors, abs, field, fill, h, json, money, numberOrText, parseIndexedPath, renderIssues, signed } from '../lib/dom.js';

const ADDRESS_FIELDS = {
  '29next': [['first_name', 'First name'], ['last_name', 'Last name'], ['line1', 'Street (line1)'], ['line4', 'City (line4)'],
    ['state', 'State'], ['postcode', 'Postcode'], ['country', 'Country (ISO code)']],
  v1: [['first_name', 'First name'], ['last_name', 'Last name'], ['address1', 'Street (address1)'], ['city', 'City'],
    ['state', 'State'], ['zip', 'Zip'], ['country', 'Country (ISO code)']],
  elasticpath: [['first_name', 'First name'], ['last_name', 'Last name'], ['line_1', 'Street (line_1)'], ['city', 'City'],
    ['region', 'Region'], ['postcode', 'Postcode'], ['country', 'Country (ISO code)']],
};

/** The order's shipping address: top level (29next, v1) or under `data` (Elastic Path). */
const shippingAddressOf = (order) => order?.data?.shipping_address ?? order?.shipping_address ?? {};

const TOTAL_ROWS = [
  ['lines_excl_tax', 'Lines excl. tax'], ['lines_tax', 'Lines tax'], ['lines_incl_tax', 'Lines incl. tax'],
  ['shipping_excl_tax', 'Shipping excl. tax'], ['shipping_tax', 'Shipping tax'],
  ['total_excl_tax', 'Total excl. tax'], ['total_tax', 'Total tax'], ['total_incl_tax', 'Total incl. tax'],
];

export function createEditPanel(ctx) {
  const tbody = $('#edit-lines tbody');
  const addedList = $('#added-lines');
  const addressBox = $('#address-fields');
  const out = $('#edit-out');
  const errors = new FieldErrors();
  let rows = []; // {line, qty, remove, after, err}
  let added = []; // {key, product, quantity, price, tax, item, after}
  let address = []; // [{key, input}]
  let addedSeq = 0;
  let seq = 0;

  // ---- building the form from the loaded order ----

  function buildRows() {
    rows = ctx.info.lines.map((line, i) => {
      const label = `line ${line.line_id}${line.title ? ` (${line.title})` : ''}`;
      const qty = h('input', { id: `edit-qty-${i}`, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: line.current_quantity, dataset: { lineId: String(line.line_id) } });
      const remove = h('input', { id: `edit-remove-${i}`, type: 'checkbox', dataset: { lineId: String(line.line_id) } });
      const after = h('td', { class: 'after', dataset: { lineId: String(line.line_id), label: 'After' } });
      const minimum = line.current_quantity - line.editable_quantity;
      const facts = [`${line.fulfilled_quantity} fulfilled`];
      if (line.editable_quantity === 0) facts.push('not editable');
      else if (minimum > 0) facts.push(`min ${minimum}`);
      const tr = h('tr', { dataset: { lineId: String(line.line_id) } },
        h('th', { scope: 'row' }, h('span', { class: 'line-title', text: line.title || `Line ${line.line_id}` }),
          h('span', { class: 'line-meta', text: `#${line.line_id} · ${line.kind} · ${money(line.amount_incl_tax, ctx.currency)}` })),
        h('td', { class: 'num', dataset: { label: 'Fulfilled' }, text: facts.join(', ') }),
        h('td', { dataset: { label: 'Quantity' } }, field(`Quantity of ${label}`, qty, { hiddenLabel: true, className: 'field compact' })),
        h('td', { dataset: { label: 'Remove' } }, field(`Remove ${label}`, remove, { hiddenLabel: true, className: 'field compact check-cell' })),
        after);
      qty.addEventListener('input', preview);
      remove.addEventListener('change', () => {
        qty.disabled = remove.checked;
        tr.classList.toggle('removed', remove.checked);
        preview();
      });
      return { line, qty, remove, after, tr };
    });
    fill(tbody, rows.map((r) => r.tr));
  }

  function buildAddress() {
    const original = shippingAddressOf(ctx.order);
    const fields = ADDRESS_FIELDS[ctx.dialect] ?? ADDRESS_FIELDS['29next'];
    address = fields.map(([key, label]) => {
      const input = h('input', { id: `edit-address-${key}`, autocomplete: 'off', value: original[key] ?? '', dataset: { key } });
      input.addEventListener('input', preview);
      return { key, label, input, original: original[key] ?? '' };
    });
    fill(addressBox, address.map((a) => field(a.label, a.input)));
  }

  function addLine() {
    const key = (addedSeq += 1);
    const mk = (name, value, attrs = {}) => h('input', { id: `edit-add-${key}-${name}`, autocomplete: 'off', value, ...attrs });
    const item = {
      key,
      product: mk('product', $('#add-product').value),
      quantity: mk('quantity', $('#add-quantity').value, { type: 'number', min: 0, step: 1 }),
      price: mk('price', $('#add-price').value, { inputmode: 'decimal' }),
      tax: mk('tax', $('#add-tax').value, { inputmode: 'decimal' }),
      after: h('p', { class: 'after' }),
    };
    const removeButton = h('button', { type: 'button', class: 'secondary small', text: 'Remove', 'aria-label': `Remove added line ${key}` });
    item.li = h('li', { class: 'added-line', dataset: { key: String(key) } },
      h('div', { class: 'row4' },
        field('Product id', item.product, { srSuffix: ` of added line ${key}` }),
        field('Quantity', item.quantity, { srSuffix: ` of added line ${key}` }),
        field('Price', item.price, { srSuffix: ` of added line ${key}` }),
        field('Tax rate', item.tax, { srSuffix: ` of added line ${key}` })),
      h('div', { class: 'added-foot' }, item.after, removeButton));
    for (const input of [item.product, item.quantity, item.price, item.tax]) input.addEventListener('input', preview);
    removeButton.addEventListener('click', () => {
      added = added.filter((a) => a !== item);
      item.li.remove();
      preview();
      $('#add-line').focus();
    });
    added.push(item);
    addedList.append(item.li);
    preview();
  }

  // ---- form → edit ops (with the controls behind each op) ----

  function productId(text) {
    const t = text.trim();
    return ctx.dialect === '29next' && /^\d+$/.test(t) ? Number(t) : t;
  }

  function buildEdits() {
    const edits = [];
    const sources = [];
    for (const r of rows) {
      if (r.remove.checked) {
        edits.push({ op: 'remove_line', line_id: r.line.line_id });
        sources.push({ fields: {}, main: r.remove });
        continue;
      }
      const text = r.qty.value;
      if (text.trim() === String(r.line.current_quantity)) continue;
      edits.push({ op: 'update_line', line_id: r.line.line_id, quantity: text.trim() === '' ? '' : numberOrText(text) });
      sources.push({ fields: { quantity: r.qty }, main: r.qty });
    }
    for (const a of added) {
      const op = { op: 'add_line', product_id: productId(a.product.value), quantity: numberOrText(a.quantity.value) };
      if (a.price.value.trim() !== '') op.price = a.price.value.trim();
      if (a.tax.value.trim() !== '') op.tax_rate = a.tax.value.trim();
      edits.push(op);
      sources.push({ fields: { product_id: a.product, quantity: a.quantity, price: a.price, tax_rate: a.tax }, main: a.quantity, added: a });
    }
    const changed = address.some((a) => a.input.value !== a.original);
    if (changed) {
      const shippingAddress = { ...shippingAddressOf(ctx.order) };
      for (const a of address) {
        const v = a.input.value.trim();
        if (v !== '' || a.key in shippingAddress) shippingAddress[a.key] = v;
      }
      edits.push({ op: 'update_shipping_address', shipping_address: shippingAddress });
      const fields = Object.fromEntries(address.map((a) => [`shipping_address.${a.key}`, a.input]));
      sources.push({ fields, main: address.find((a) => a.input.value !== a.original)?.input ?? address[0].input });
    }
    return { edits, sources };
  }

  /** The control an issue belongs to, from its path. */
  function controlFor(issue, sources) {
    const p = parseIndexedPath(issue.path, 'edits');
    if (!p || !sources[p.index]) return null;
    const src = sources[p.index];
    return src.fields[p.rest] ?? src.main;
  }

  // ---- preview ----

  function preview() {
    if (!ctx.session) return;
    const { edits, sources } = buildEdits();
    const env = ctx.session.previewEdit(edits);
    const mapped = env.errors.map((issue) => ({ issue, control: controlFor(issue, sources) }));
    errors.set(mapped);
    renderIssues($('#edit-issues'), env, (issue) => controlFor(issue, sources));
    // An order whose platform has no edit preview (yet) answers OPERATION_NOT_SUPPORTED for any edit list.
    const unsupported = env.result ? null : env.errors.find((e) => e.code === 'OPERATION_NOT_SUPPORTED');
    out.dataset.unsupported = String(Boolean(unsupported));
    render(env.result, sources, env.ok, unsupported);
    seq += 1;
    out.dataset.seq = String(seq);
    out.dataset.edits = JSON.stringify(edits);
    out.dataset.ok = String(env.ok);
  }

  function render(result, sources, ok, unsupported = null) {
    const cur = ctx.currency;
    const balance = $('#edit-balance');
    const totalsTable = $('#edit-totals').closest('.table-wrap');
    totalsTable.hidden = Boolean(unsupported);
    if (!result) {
      balance.className = 'balance';
      balance.dataset.dueBy = 'none';
      delete balance.dataset.balance;
      if (unsupported) {
        fill(balance, h('strong', { class: 'statement', text: 'No edit preview for this order.' }),
          h('span', { class: 'balance-facts', text: 'The engine does not preview edits on this platform (see the error above); the lines show what it read from the order.' }));
      }
      else balance.textContent = 'No preview: the edit could not be read.';
      fill($('#edit-totals tbody'));
      fill($('#edit-plan'), unsupported ? h('li', { class: 'empty', text: 'No server call: the engine does not preview edits of this order.' }) : null);
      fill($('#edit-refund'));
      for (const r of rows) r.after.textContent = '';
      for (const a of added) a.after.textContent = '';
      return;
    }
    // lines: existing rows by id, added lines in order of their add_line ops
    const byId = new Map(result.lines.filter((l) => !l.preview).map((l) => [String(l.line_id), l]));
    for (const r of rows) {
      const l = byId.get(String(r.line.line_id));
      r.after.dataset.status = l?.status ?? '';
      r.after.textContent = l ? (l.status === 'unchanged' ? money(l.amount_incl_tax, cur) : `${l.status}: ${l.quantity_before} → ${l.quantity_after}, ${money(l.amount_incl_tax, cur)}`) : '';
      r.tr.classList.toggle('changed', l?.status === 'changed');
    }
    const previews = result.lines.filter((l) => l.preview);
    let k = 0;
    for (const src of sources) {
      if (!src.added) continue;
      const l = previews[k];
      k += 1;
      src.added.after.textContent = l ? `${l.line_id}: ${l.quantity_after} unit(s), ${money(l.amount_excl_tax, cur)} + tax ${l.total_tax} = ${money(l.amount_incl_tax, cur)}` : 'Not added (see the errors).';
    }
    for (const a of added) if (!sources.some((s) => s.added === a)) a.after.textContent = '';

    // balance statement
    balance.dataset.dueBy = result.balance_due_by;
    balance.dataset.balance = result.balance;
    balance.className = `balance ${result.balance_due_by}`;
    const statement = {
      customer: `Customer owes ${money(abs(result.balance), cur)}`,
      merchant: `Merchant owes ${money(abs(result.balance), cur)}`,
      none: `Nothing owed (balance ${money(result.balance, cur)})`,
    }[result.balance_due_by] ?? `Balance ${money(result.balance, cur)}`;
    const next = { customer: ' — the plan ends by collecting the payment.', merchant: ' — refund it (see below).', none: '.' }[result.balance_due_by] ?? '';
    fill(balance, h('strong', { class: 'statement', text: statement }), next,
      h('span', { class: 'balance-facts', text: `Paid ${money(result.paid, cur)}; balance before the edits ${money(result.balance_before, cur)}.` }),
      ok ? null : h('span', { class: 'balance-facts partial', text: 'The edits with errors are left out of this preview.' }));

    // totals
    fill($('#edit-totals tbody'), TOTAL_ROWS.map(([key, label]) => h('tr', { dataset: { total: key }, class: key === 'total_incl_tax' ? 'grand' : null },
      h('th', { scope: 'row', text: label }),
      h('td', { class: 'num', dataset: { col: 'before' }, text: result.totals_before[key] }),
      h('td', { class: 'num', dataset: { col: 'after' }, text: result.totals_after[key] }),
      h('td', { class: 'num', dataset: { col: 'delta' }, text: key in result.delta ? signed(result.delta[key]) : '' }))));

    // refund owed by the merchant
    const refund = result.refund;
    fill($('#edit-refund'), refund ? h('div', { class: 'refund-owed' },
      h('h3', { text: `Refund owed: ${money(refund.amount, cur)}` }),
      h('ul', {}, refund.transactions.map((t) => h('li', { text: `transaction ${t.id}: ${money(t.amount, cur)}` }))),
      refund.request ? [h('p', { text: 'Or remove the units with a refund instead (calculateRefund request):' }), h('pre', { class: 'code', tabindex: 0, text: json(refund.request) })] : null) : null);

    // plan
    const plan = result.plan;
    fill($('#edit-plan'), plan.length === 0
      ? h('li', { class: 'empty', text: ok ? 'No server call: nothing changes yet.' : 'No server call: fix the errors first.' })
      : plan.map((call) => h('li', { class: 'call', dataset: { method: call.method, path: call.path } },
        h('div', { class: 'call-head' }, h('span', { class: `method m-${call.method.toLowerCase()}`, text: call.method }), ' ',
          h('code', { class: 'call-path', text: call.path }), h('span', { class: 'operation', text: call.operation })),
        h('pre', { class: 'code', tabindex: 0, text: requestText(call) }))));
  }

  function requestText(call) {
    const headers = Object.entries(call.headers ?? {}).map(([k, v]) => `${k}: ${v}`).join('\n');
    return `${headers}${call.body !== undefined ? `\n\n${json(call.body)}` : '\n\n(no body)'}`;
  }

  function reset() {
    added = [];
    fill(addedList);
    buildRows();
    buildAddress();
    preview();
  }

  $('#add-line').addEventListener('click', addLine);
  $('#address-reset').addEventListener('click', () => {
    for (const a of address) a.input.value = a.original;
    preview();
  });
  $('#edit-reset').addEventListener('click', reset);

  return { tab: 'tab-edit', orderLoaded: reset, refresh: preview };
}
