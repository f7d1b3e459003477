// Seed corpora for the fuzz targets, built from the golden fixtures (tests/fixtures/<op>/<case>/*.json), the
// example orders and the status presets at run time, never committed. Each seed has the input shape its target
// reads (see the comment at the top of each tests/fuzz/fuzz_*.cpp): documents separated by 0x1e, often after a
// mode byte.
// Usage: node tests/fuzz/seeds.mjs <out-root> [target ...]   writes <out-root>/corpus-<target>/seed-*
// Adding a target: add a fuzz_<name>.cpp and an entry in `targets` below.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const SEP = Buffer.from([0x1e]);

const read = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
const parse = (t) => {
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
};
const compact = (v) => (v === undefined ? '' : JSON.stringify(v));

// fixtures('refund') -> [{ name, order, request, options, expected }] (texts; undefined when absent)
function fixtures(op) {
  const dir = join(root, 'tests/fixtures', op);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const at = (f) => read(join(dir, name, f));
      return { name: `${op}-${name}`, order: at('order.json'), request: at('request.json'), options: at('options.json'), expected: at('expected.json') };
    });
}

const fixedOrders = readdirSync(join(root, 'examples/orders'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(join(root, 'examples/orders', f), 'utf8'));
// The index of the example order a fixture's order is (same JSON), or -1.
const fixedIndex = (order) => fixedOrders.findIndex((o) => order !== undefined && compact(parse(o)) === compact(parse(order)));

const presets = readdirSync(join(root, 'core/status/presets'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), text: readFileSync(join(root, 'core/status/presets', f), 'utf8') }));

// One seed: optional leading bytes (a mode byte, or [mode, count]), then the documents joined by 0x1e
// (trailing empty documents dropped).
function seed(mode, ...docs) {
  while (docs.length > 0 && (docs[docs.length - 1] === undefined || docs[docs.length - 1] === '')) docs.pop();
  const parts = [];
  if (mode !== null) parts.push(Buffer.from([mode].flat().map((b) => b & 0xff)));
  docs.forEach((d, i) => {
    if (i > 0) parts.push(SEP);
    parts.push(Buffer.isBuffer(d) ? d : Buffer.from(d ?? '', 'utf8'));
  });
  return Buffer.concat(parts);
}

const allOrderCases = ['inspect', 'refund', 'validate-refund', 'edit', 'cancel', 'statuses', 'return', 'capture-refund'].flatMap(fixtures).filter((c) => c.order);

// A JSON object's text taken apart around each of its non-empty top-level arrays: { key, prefix, element, suffix }
// with prefix + element + suffix the object with that array cut down to its first element (fuzz::repeated).
function arrays(text) {
  const v = parse(text ?? '');
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [];
  const marker = JSON.stringify('\u0000repeat\u0000');
  return Object.keys(v)
    .filter((k) => Array.isArray(v[k]) && v[k].length > 0)
    .map((key) => {
      const t = JSON.stringify({ ...v, [key]: '\u0000repeat\u0000' });
      const at = t.indexOf(marker);
      // Ids become "@@", which fuzz::repeated numbers, so the copies are distinct lines, transactions, ...
      const first = v[key][0];
      const element = first && typeof first === 'object' && !Array.isArray(first) ? { ...first } : first;
      for (const id of ['id', 'line_id', 'line_item_id'])
        if (element && typeof element === 'object' && id in element) {
          if (typeof element[id] === 'number') element[id] = '\u0000n\u0000';
          else if (typeof element[id] === 'string') element[id] = `${element[id]}-@@`;
        }
      const elementText = JSON.stringify(element).split(JSON.stringify('\u0000n\u0000')).join('@@');
      return { key, prefix: `${t.slice(0, at)}[`, element: elementText, suffix: `]${t.slice(at + marker.length)}` };
    });
}

// Seeds of the repeated mode (mode | 0x40, then a count byte) start small, 2^6 copies; the fuzzer raises the count.
const REPEAT = 0x40;
const COUNT = 6;

// Targets of the shape fuzz::run_order_operation reads.
function orderOperation(...ops) {
  return () => {
    const out = {};
    const repeatedKeys = new Map();  // at most three seeds per array name
    const wanted = (key) => (repeatedKeys.set(key, (repeatedKeys.get(key) ?? 0) + 1), repeatedKeys.get(key) <= 3);
    for (const c of ops.flatMap(fixtures)) {
      out[c.name] = seed(0, c.order, c.request, c.options);
      const i = fixedIndex(c.order);
      if (i >= 0) out[`${c.name}-fixed`] = seed(2 * i + 1, c.request, c.options);
      for (const a of arrays(c.order))
        if (wanted(`order.${a.key}`)) out[`${c.name}-repeat-order-${a.key}`] = seed([REPEAT, COUNT], a.prefix, a.element, a.suffix, c.request, c.options);
      if (i >= 0)
        for (const a of arrays(c.request))
          if (wanted(`request.${a.key}`)) out[`${c.name}-repeat-request-${a.key}`] = seed([REPEAT | (2 * i + 1), COUNT], a.prefix, a.element, a.suffix, c.options);
    }
    return out;
  };
}

const createRequests = ['', '{"note":"Example reason for the refund","send_refund_notification":true}', '{"note":"x","notify_customer":true}'];

// Requests of the status-machine fixtures, taken apart: [{ name, request, definition (text), from, action, machine, order }].
function statusRequests() {
  return fixtures('transition').flatMap((c) => {
    const r = parse(c.request);
    if (!r || typeof r !== 'object') return [{ name: c.name, request: c.request ?? '' }];
    const preset = presets.find((p) => p.name === r.preset);
    return [{ name: c.name, request: c.request, r, definition: r.definition !== undefined ? compact(r.definition) : preset?.text ?? '' }];
  });
}

const machineNames = (text) => (parse(text)?.machines ?? []).map((m) => m?.name).filter((n) => typeof n === 'string');

// fuzz_elasticpath: mode % 8 = operation (0 inspect, 1 refund, 2 edit, 3 cancel, 4 statuses, 5 refund + create
// request, 6 validate, 7 session), bit 0x08 = against the example Elastic Path order.
const EP_OPS = { inspect: [0], refund: [1, 5, 7], 'validate-refund': [6], edit: [2, 7], cancel: [3, 7], statuses: [4] };
function elasticpathSeeds() {
  const out = {};
  const sample = fixedOrders.findIndex((o) => parse(o)?.data?.type === 'order');
  for (const [op, modes] of Object.entries(EP_OPS)) {
    for (const c of fixtures(op).filter((x) => x.name.startsWith(`${op}-elasticpath-`) && parse(x.order ?? '')?.data)) {
      for (const m of modes) {
        out[`${c.name}-${m}`] = seed(m, c.order, c.request, c.options);
        if (sample >= 0 && compact(parse(c.order)) === compact(parse(fixedOrders[sample]))) out[`${c.name}-${m}-fixed`] = seed(m | 0x08, c.request, c.options);
      }
    }
  }
  return out;
}

const targets = {
  fuzz_elasticpath: elasticpathSeeds,
  fuzz_inspect: () => {
    const out = {};
    const seen = new Set();
    for (const c of allOrderCases) {
      const key = `${c.order}\x1e${c.options ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out[c.name] = seed(null, c.order, c.options);
    }
    return out;
  },
  fuzz_refund: orderOperation('refund'),
  fuzz_return: orderOperation('return'),
  fuzz_capture_refund: orderOperation('capture-refund'),
  fuzz_validate_refund: orderOperation('validate-refund', 'refund'),
  fuzz_edit: orderOperation('edit'),
  fuzz_cancel: orderOperation('cancel'),
  fuzz_refund_create: () => {
    const out = {};
    for (const c of fixtures('refund')) {
      createRequests.forEach((body, k) => {
        if (c.expected) out[`${c.name}-${k}`] = seed(0, c.expected, body);
        const i = fixedIndex(c.order);
        if (i >= 0) out[`${c.name}-fixed-${k}`] = seed(2 * i + 1, c.request, body);
      });
    }
    return out;
  },
  fuzz_compare_refund: () => {
    const out = {};
    for (const c of fixtures('refund')) {
      const result = compact(parse(c.expected ?? '')?.result ?? undefined);
      if (c.expected) {
        out[`${c.name}-same`] = seed(0, c.expected, c.expected);
        if (result) out[`${c.name}-result`] = seed(0, c.expected, result);
      }
      const i = fixedIndex(c.order);
      if (i >= 0) out[`${c.name}-fixed`] = seed(2 * i + 1, c.request, result);
      for (const a of arrays(result)) if (a.key === 'refund_lines' || a.key === 'transactions')
        out[`${c.name}-repeat-${a.key}`] = seed([REPEAT, COUNT], a.prefix, a.element, a.suffix, a.prefix, a.element, a.suffix);
    }
    return out;
  },
  fuzz_transition: () => {
    const out = {};
    for (const s of statusRequests()) {
      out[s.name] = seed(0, s.request);
      if (s.r) out[`${s.name}-built`] = seed(1, s.definition, compact(s.r.from), compact(s.r.action), compact(s.r.machine), compact(s.r.order));
    }
    return out;
  },
  fuzz_status_ops: () => {
    const out = {};
    // available_actions (mode 0 / 4)
    for (const s of statusRequests()) {
      if (!s.r) continue;
      const { from, action, ...rest } = s.r;
      out[`actions-${s.name}`] = seed(0, JSON.stringify({ ...rest, state: from }));
      out[`actions-${s.name}-built`] = seed(4, s.definition, compact(from), compact(s.r.machine), compact(s.r.order));
    }
    // derive_statuses (mode 1 / 5 + 8 * example order)
    for (const c of fixtures('statuses')) out[`statuses-${c.name}`] = seed(1, c.order, c.options);
    fixedOrders.forEach((_, i) => {
      for (const p of ['', ...presets.map((x) => x.name)]) out[`statuses-fixed-${i}-${p}`] = seed(5 + 8 * i, p && `{"preset":"${p}"}`);
    });
    // machines (mode 2 / 6) and mermaid (mode 3 / 7)
    for (const p of presets) {
      out[`machines-${p.name}`] = seed(2, `{"preset":"${p.name}"}`);
      out[`machines-${p.name}-built`] = seed(6, p.text);
      for (const m of machineNames(p.text)) {
        out[`mermaid-${p.name}-${m}`] = seed(3, JSON.stringify({ preset: p.name, machine: m }));
        out[`mermaid-${p.name}-${m}-built`] = seed(7, p.text, JSON.stringify(m));
      }
    }
    for (const s of statusRequests()) {
      if (!s.r || s.r.definition === undefined) continue;
      out[`machines-${s.name}`] = seed(2, JSON.stringify({ definition: s.r.definition }));
      out[`mermaid-${s.name}-built`] = seed(7, s.definition);
    }
    return out;
  },
  fuzz_money: () => {
    const out = {};
    const amounts = ['0', '59.99', '-3', '0.10', '1.500', '1.501', '-0', '00012.30', '1000000000000000000', '1000000000000000001',
      '99999999999999999999999', '1e5', '3.', '.5', '-', '', ' 1', '1,00', '+1', 'NaN', '12345678901234.5678'];
    for (let e = 0; e <= 4; e += 1) amounts.forEach((a, k) => (out[`amount-e${e}-${k}`] = seed(4 * e, a)));
    const rates = ['0', '0.0825', '0.1', '10', '10.0', '10.000000001', '0.123456789', '0.1234567890', '100', '01.5', '5.', '0.19'];
    rates.forEach((r, k) => (out[`rate-${k}`] = seed(1, r)));
    const ints = [0n, 1n, -1n, 399n, 1200n, 10n ** 18n, -(10n ** 18n), -(2n ** 63n), 2n ** 63n - 1n];
    for (let e = 0; e <= 4; e += 1)
      ints.forEach((v, k) => {
        const b = Buffer.alloc(8);
        b.writeBigInt64LE(v);
        out[`format-e${e}-${k}`] = seed(2 + 4 * e, b);
      });
    const words = (vs) => Buffer.concat(vs.map((v) => { const b = Buffer.alloc(8); b.writeBigInt64LE(v); return b; }));
    out['splits-0'] = seed(3, words([10000n, 1n, 1n, 1n]));
    out['splits-1'] = seed(3 + 4 * 7, words([-(10n ** 18n), 3n, 0n, 7n, 825n]));
    out['splits-2'] = seed(3 + 4 * 20, words([999n, 0n, 0n]));
    return out;
  },
  fuzz_session: () => {
    const out = {};
    const opByte = { refund: 0, 'validate-refund': 1, edit: 2, cancel: 3 };
    for (const [op, b] of Object.entries(opByte)) {
      for (const c of fixtures(op)) {
        const call = (byte, text = '') => Buffer.concat([Buffer.from([byte]), Buffer.from(text, 'utf8')]);
        out[c.name] = seed(null, c.order, c.options, call(b, c.request), call(4), call(5), call(b, c.request), call(7), call(b, c.request));
      }
    }
    return out;
  },
};

const [outRoot, ...only] = process.argv.slice(2);
if (!outRoot) {
  process.stderr.write('usage: node tests/fuzz/seeds.mjs <out-root> [target ...]\n');
  process.exit(2);
}
for (const [target, make] of Object.entries(targets)) {
  if (only.length > 0 && !only.includes(target)) continue;
  const dir = join(outRoot, `corpus-${target}`);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith('seed-')) rmSync(join(dir, f));
  const seeds = make();
  for (const [name, bytes] of Object.entries(seeds)) writeFileSync(join(dir, `seed-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`), bytes);
  process.stdout.write(`${target}: ${Object.keys(seeds).length} seeds\n`);
}
