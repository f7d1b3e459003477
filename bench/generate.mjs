// Deterministic workloads for `npm run bench`: 29next orders of N lines (seed 001's order object: product
// objects with images and categories, tax_lines, metadata, several sale transactions and one earlier refund)
// and the requests the bench runs on them. Native and wasm read the very same bytes from bench/results/.
//
//   node bench/generate.mjs [--sizes 5,50,1000,10000] [--out bench/results]
//
// Files per size N: orders-N.json, refund-N.json (a partial refund that spans two transactions),
// edit-N.json (a quantity change + an added line), edit1-N.json (a one-line quantity change, the session
// workload); and transition.json (shopware order.state: open --process-->). Money is computed in integer
// cents with half-up rounding, so the order's totals are consistent to the cent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** mulberry32: a tiny seeded PRNG, so every run writes the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cents = (c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
/** round(c × num / den) half-up, for non-negative integers. */
const mulDiv = (c, num, den) => Math.floor((c * num * 2 + den) / (den * 2));

const ADJECTIVES = ['Merino', 'Trail', 'Alpine', 'Harbor', 'Canyon', 'Urban', 'Coastal', 'Summit', 'Forest', 'Desert'];
const NOUNS = ['Hoodie', 'Sock (3-pack)', 'Runner', 'Beanie', 'Jacket', 'Tee', 'Backpack', 'Bottle', 'Cap', 'Glove'];
const CATEGORIES = [
  { id: 11, name: 'Apparel', slug: 'apparel' },
  { id: 12, name: 'Outdoor', slug: 'outdoor' },
  { id: 13, name: 'Accessories', slug: 'accessories' },
  { id: 14, name: 'Footwear', slug: 'footwear' },
];
const RATES = [
  { rate: 0.19, pct: 19, title: 'MwSt 19%', tax_id: 1 },
  { rate: 0.07, pct: 7, title: 'MwSt 7%', tax_id: 2 },
];

/** The N-line order; also returns the facts the requests are built from. */
export function makeOrder(n) {
  const rand = prng(0x5eed0000 + n);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const lines = [];
  let linesExcl = 0;
  let linesTax = 0;
  for (let i = 0; i < n; i++) {
    const id = 100000 + i;
    const productId = 500 + (i % 997);
    const quantity = 1 + Math.floor(rand() * 4);
    // Line 0 is fully fulfilled (it carries the earlier refund); the others mix fulfilled and open units.
    const fulfilled = i === 0 ? quantity : Math.floor(rand() * (quantity + 1));
    const unit = 499 + Math.floor(rand() * 14500);
    const tax = i % 5 === 4 ? RATES[1] : RATES[0];
    const excl = unit * quantity;
    const lineTax = mulDiv(excl, tax.pct, 100);
    linesExcl += excl;
    linesTax += lineTax;
    const title = `${pick(ADJECTIVES)} ${pick(NOUNS)}`;
    const category = CATEGORIES[i % CATEGORIES.length];
    lines.push({
      id,
      quantity,
      current_quantity: quantity,
      fulfillable_quantity: quantity - fulfilled,
      editable_quantity: quantity - fulfilled,
      is_gift_card: false,
      is_upsell: i % 7 === 3,
      price_excl_tax: cents(excl),
      price_incl_tax: cents(excl + lineTax),
      price_excl_tax_excl_discounts: cents(excl),
      price_incl_tax_excl_discounts: cents(excl + lineTax),
      unit_cost: cents(Math.floor(unit * 0.45)),
      product: {
        id: productId,
        title,
        upc: `40${String(1000000000 + productId * 7919).slice(0, 10)}`,
        categories: [category],
        images: [
          {
            id: productId * 10 + 1,
            src: `https://cdn.example.com/media/products/${productId}/main.jpg`,
            caption: title,
            display_order: 0,
          },
        ],
      },
      tax_lines: [
        { amount: cents(lineTax), currency: 'EUR', rate: tax.rate, tax_title: tax.title, tax_id: tax.tax_id },
      ],
      metadata: { warehouse: `WH-${1 + (i % 3)}`, gift_wrap: i % 11 === 0 },
    });
  }
  const shippingExcl = 490 + 10 * Math.min(n, 500);
  const shippingTax = mulDiv(shippingExcl, 19, 100);
  const totalExcl = linesExcl + shippingExcl;
  const totalTax = linesTax + shippingTax;
  const totalIncl = totalExcl + totalTax;

  // The earlier refund: one unit of line 0 (fulfilled, returned), cumulative proration f(1) of its totals.
  const l0 = lines[0];
  const l0Excl = Math.round(Number(l0.price_excl_tax) * 100);
  const l0Tax = Math.round(Number(l0.tax_lines[0].amount) * 100);
  const earlierExcl = mulDiv(l0Excl, 1, l0.quantity);
  const earlierIncl = earlierExcl + mulDiv(l0Tax, 1, l0.quantity);

  // Three captured sale transactions: a small deposit first, so a partial refund spans two of them.
  const tx1 = Math.max(Math.round(totalIncl * 0.02), earlierIncl + 500);
  const tx2 = Math.round((totalIncl - tx1) * 0.45);
  const tx3 = totalIncl - tx1 - tx2;
  const tx = (id, amount, created) => ({
    id,
    amount: cents(amount),
    currency: 'EUR',
    status: 'succeeded',
    type: 'sale',
    parent_id: null,
    created_at: created,
    payment_details: { gateway: { id: 3, name: 'Stripe', type: 'stripe' }, bankcard_last_four: '4242' },
  });

  const order = {
    number: String(200000 + n),
    currency: 'EUR',
    status: 'open',
    payment_status: 'partially_refunded',
    fulfillment_status: 'incomplete',
    display_taxes: 'false',
    created_at: '2024-05-02T09:14:22Z',
    date_placed: '2024-05-02T09:14:22Z',
    is_test: false,
    user: { id: 4711, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
    billing_address: {
      first_name: 'Ada', last_name: 'Lovelace', line1: '12 Analytical Row', line4: 'Berlin', state: 'BE',
      postcode: '10115', country: 'DE', phone_number: '+49 30 123456',
    },
    shipping_address: {
      first_name: 'Ada', last_name: 'Lovelace', line1: '12 Analytical Row', line4: 'Berlin', state: 'BE',
      postcode: '10115', country: 'DE', phone_number: '+49 30 123456',
    },
    attribution: { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring' },
    metadata: { channel: 'web', bench_lines: n },
    lines,
    shipping_excl_tax: cents(shippingExcl),
    shipping_incl_tax: cents(shippingExcl + shippingTax),
    shipping_tax: cents(shippingTax),
    total_excl_tax: cents(totalExcl),
    total_incl_tax: cents(totalIncl),
    total_tax: cents(totalTax),
    transactions: [
      tx(9000001, tx1, '2024-05-02T09:14:30Z'),
      tx(9000002, tx2, '2024-05-02T09:15:02Z'),
      tx(9000003, tx3, '2024-05-02T09:15:40Z'),
    ],
    refunds: [
      {
        id: 7000001,
        note: 'One unit returned',
        created_at: '2024-05-09T11:00:00Z',
        refund_line_items: [
          {
            id: 1,
            line_item_id: l0.id,
            quantity: 1,
            restock_type: 'return',
            amount_excl_tax: cents(earlierExcl),
            amount_incl_tax: cents(earlierIncl),
          },
        ],
        adjustments: [],
        transactions: [
          {
            id: 9100001,
            amount: cents(earlierIncl),
            currency: 'EUR',
            status: 'succeeded',
            type: 'refund',
            parent_id: 9000001,
          },
        ],
      },
    ],
  };
  return order;
}

/**
 * Partial refund over about a tenth of the lines (fulfilled units, restock "return"), at least two lines,
 * plus part of the shipping: more than the deposit transaction has left, so it spans two transactions.
 */
export function makeRefund(order) {
  const lines = order.lines;
  const candidates = lines.slice(1).filter((l) => l.quantity - l.fulfillable_quantity >= 1);
  const step = Math.max(1, Math.floor(candidates.length / Math.max(2, Math.ceil(lines.length / 10))));
  const chosen = [];
  for (let i = 0; i < candidates.length && chosen.length < Math.max(2, Math.ceil(lines.length / 10)); i += step) {
    chosen.push(candidates[i]);
  }
  return {
    refund_lines: chosen.map((l) => ({ line_id: l.id, quantity: 1, restock_type: 'return' })),
    refund_shipping: { full_refund: false, amount_excl_tax: '1.00' },
  };
}

/** The keystroke-sized refund a session previews: two of the partial refund's lines and its shipping part. */
export function makeRefund2(order) {
  const full = makeRefund(order);
  return { ...full, refund_lines: full.refund_lines.slice(0, 2) };
}

/** The first line with an editable (unfulfilled) unit after line 0. */
function editableLine(order) {
  return order.lines.find((l, i) => i > 0 && l.editable_quantity >= 1) ?? order.lines[0];
}

/** A quantity change on one line and an added line with its own price and tax rate. */
export function makeEdit(order) {
  const line = editableLine(order);
  return [
    { op: 'update_line', line_id: line.id, quantity: line.quantity + 1, reason: 'customer asked for one more' },
    { op: 'add_line', product_id: 777, quantity: 2, price: '24.90', tax_rate: '0.19', title: 'Bench Bottle', reason: 'swap' },
  ];
}

/** The keystroke-sized edit a session previews: one line's quantity. */
export function makeEdit1(order) {
  const line = editableLine(order);
  return [{ op: 'update_line', line_id: line.id, quantity: line.quantity + 1 }];
}

export const TRANSITION = { preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' };

export const DEFAULT_SIZES = [5, 50, 1000, 10000];

export function generate(sizes = DEFAULT_SIZES, outDir = resolve(here, 'results')) {
  mkdirSync(outDir, { recursive: true });
  const written = {};
  for (const n of sizes) {
    const order = makeOrder(n);
    const text = JSON.stringify(order);
    writeFileSync(resolve(outDir, `orders-${n}.json`), text);
    writeFileSync(resolve(outDir, `refund-${n}.json`), JSON.stringify(makeRefund(order)));
    writeFileSync(resolve(outDir, `refund2-${n}.json`), JSON.stringify(makeRefund2(order)));
    writeFileSync(resolve(outDir, `edit-${n}.json`), JSON.stringify(makeEdit(order)));
    writeFileSync(resolve(outDir, `edit1-${n}.json`), JSON.stringify(makeEdit1(order)));
    written[n] = text.length;
  }
  writeFileSync(resolve(outDir, 'transition.json'), JSON.stringify(TRANSITION));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const sizes = arg('--sizes', DEFAULT_SIZES.join(',')).split(',').map(Number);
  const out = resolve(arg('--out', resolve(here, 'results')));
  for (const [n, bytes] of Object.entries(generate(sizes, out))) {
    console.log(`orders-${n}.json  ${bytes} bytes  (${Math.round(bytes / Number(n))} bytes/line)`);
  }
}
