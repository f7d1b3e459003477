// Runtime-agnostic conformance run: the same checks in Node, Deno, Bun, workerd and Chromium.
// No fs, no node: imports, no timers: fixtures arrive as a plain array built on the Node side
// (tests/runtimes/shared/fixtures.mjs) and embedded in a module or served next to the page.
import { operations, normalise } from '../../fixtures/operations.mjs';

/** The seed 000 worked example (SPEC §4.1): must pass to the cent wherever calculateRefund exists. */
export const SEED_REFUND_REQUEST = Object.freeze({
  refund_lines: [{ line_id: 1000, quantity: 1 }],
  refund_shipping: { full_refund: false, amount_excl_tax: '3.99' },
});

const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** First difference between two JSON values as "path: detail", or '' when they are deeply equal. */
export function jsonDiff(actual, expected, path = '$') {
  const ta = typeOf(actual);
  const te = typeOf(expected);
  if (ta !== te) return `${path}: expected ${te} ${short(expected)}, got ${ta} ${short(actual)}`;
  if (ta === 'array') {
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < actual.length; i++) {
      const d = jsonDiff(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (ta === 'object') {
    const ka = Object.keys(actual).sort();
    const ke = Object.keys(expected).sort();
    for (const k of ke) if (!Object.prototype.hasOwnProperty.call(actual, k)) return `${path}.${k}: missing`;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(expected, k)) return `${path}.${k}: unexpected ${short(actual[k])}`;
    for (const k of ke) {
      const d = jsonDiff(actual[k], expected[k], `${path}.${k}`);
      if (d) return d;
    }
    return '';
  }
  return Object.is(actual, expected) ? '' : `${path}: expected ${short(expected)}, got ${short(actual)}`;
}

function short(v) {
  let s;
  try {
    s = JSON.stringify(v);
  } catch {
    s = String(v);
  }
  return s === undefined ? 'undefined' : s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** Problems with the shape of an envelope ({ok, errors, warnings, result}); '' when fine. */
function envelopeProblem(env, knownCodes) {
  if (typeOf(env) !== 'object') return `not an envelope: ${short(env)}`;
  if (typeof env.ok !== 'boolean') return `envelope.ok is ${typeOf(env.ok)}`;
  if (!Array.isArray(env.errors) || !Array.isArray(env.warnings)) return 'envelope.errors/warnings are not arrays';
  if (!('result' in env)) return 'envelope.result is missing';
  if (env.ok !== (env.errors.length === 0)) return `envelope.ok is ${env.ok} with ${env.errors.length} errors`;
  for (const issue of [...env.errors, ...env.warnings]) {
    if (typeof issue.code !== 'string' || typeof issue.path !== 'string' || typeof issue.message !== 'string') {
      return `issue without string code/path/message: ${short(issue)}`;
    }
    if (knownCodes && !knownCodes.has(issue.code)) return `issue code ${issue.code} is not listed by engine.codes()`;
  }
  return '';
}

const absent = (v) => v === null || v === undefined;

/**
 * Runs every fixture plus the bad-input and seed checks against a loaded engine.
 * @param {object} engine the object loadEngine() resolved to
 * @param {{op: string, name: string, inputs: unknown[], expected: object}[]} fixtures
 * @param {{seedOrder?: string|object}} [samples] examples/orders/29next-seed000.json (text or object)
 * @returns {Promise<{passed: number, failed: number, failures: {name: string, problem: string}[]}>}
 */
export async function runConformance(engine, fixtures, samples = {}) {
  const failures = [];
  let passed = 0;
  const check = async (name, fn) => {
    let problem;
    try {
      problem = await fn();
    } catch (e) {
      problem = `threw ${e && e.stack ? e.stack : e}`;
    }
    if (problem) failures.push({ name, problem: String(problem) });
    else passed += 1;
  };

  let knownCodes = null;
  await check('engine: version() and codes()', () => {
    const v = engine.version();
    if (typeof v !== 'string' || !/^\d+\.\d+\.\d+/.test(v)) return `version() returned ${short(v)}`;
    const codes = engine.codes();
    if (!Array.isArray(codes) || codes.length === 0) return `codes() returned ${short(codes)}`;
    for (const c of codes) {
      if (typeof c.code !== 'string' || typeof c.description !== 'string') return `codes() entry ${short(c)}`;
    }
    knownCodes = new Set(codes.map((c) => c.code));
    return '';
  });

  await check('fixtures: the corpus is not empty', () => (fixtures.length > 0 ? '' : 'no fixtures were given'));

  const args = (inputs) => inputs.map((v) => (absent(v) ? undefined : v));
  const callFixture = (fx) => {
    const spec = operations[fx.op];
    if (!spec) throw new Error(`tests/fixtures/operations.mjs has no entry for '${fx.op}'`);
    if (typeof engine[spec.method] !== 'function') throw new Error(`engine.${spec.method} is missing`);
    return engine[spec.method](...args(fx.inputs));
  };

  // Every envelope, in corpus order, as text: runtimes compare this digest with each other (issue 9:
  // byte-identical envelopes everywhere), not only each envelope with its golden file.
  let digest = 0x811c9dc5;
  for (const fx of fixtures) {
    await check(`fixture ${fx.op}/${fx.name}`, () => {
      const actual = callFixture(fx);
      const text = JSON.stringify(normalise(actual));
      for (let i = 0; i < text.length; i++) digest = Math.imul(digest ^ text.charCodeAt(i), 0x01000193) >>> 0;
      return envelopeProblem(actual, knownCodes) || jsonDiff(normalise(actual), normalise(fx.expected));
    });
  }

  // Bad input, per operation that the engine implements: an envelope with a code and a path (a string;
  // '' is the input's root), and the engine answers the operation's first ok fixture the same afterwards.
  for (const [op, spec] of Object.entries(operations)) {
    if (typeof engine[spec.method] !== 'function') {
      await check(`operation ${op}: engine.${spec.method} exists`, () => `engine.${spec.method} is missing`);
      continue;
    }
    const good = fixtures.find((f) => f.op === op && f.expected && f.expected.ok === true);
    const rest = good ? args(good.inputs).slice(1) : [];
    // Compared with what the engine answered before any bad input (the fixture check above judges
    // whether that answer is right), so this isolates "still usable afterwards".
    let before;
    try {
      before = good ? callFixture(good) : undefined;
    } catch {
      before = undefined;
    }
    const bad = [
      ['malformed JSON', '{"id": ', 'INVALID_JSON'],
      ['a number instead of an object', 42, 'WRONG_TYPE'],
      ['an array instead of an object', '[]', 'WRONG_TYPE'],
    ];
    for (const [what, value, code] of bad) {
      await check(`bad input ${op}: ${spec.inputs[0]} is ${what}`, () => {
        const env = engine[spec.method](value, ...rest);
        const p = envelopeProblem(env, knownCodes);
        if (p) return p;
        if (env.ok !== false || env.errors.length === 0) return `expected ok:false with errors, got ${short(env)}`;
        const hit = env.errors.find((e) => e.code === code);
        if (!hit) return `expected an error ${code}, got ${short(env.errors)}`;
        if (!good || before === undefined) return '';
        const d = jsonDiff(callFixture(good), before);
        return d ? `after the bad input, ${op}/${good.name} answers differently: ${d}` : '';
      });
    }
  }

  // The same order as text and as a plain object gives the same answer.
  await check('inputs: object and JSON text give the same envelope', () => {
    if (absent(samples.seedOrder)) return 'samples.seedOrder (examples/orders/29next-seed000.json) was not given';
    const text = typeof samples.seedOrder === 'string' ? samples.seedOrder : JSON.stringify(samples.seedOrder);
    const fromText = engine.inspectOrder(text);
    if (!fromText.ok) return `inspectOrder(seed 000) is not ok: ${short(fromText.errors)}`;
    return jsonDiff(engine.inspectOrder(JSON.parse(text)), fromText);
  });

  // SPEC §4.1: the seed's worked example, to the cent. Only while calculateRefund does not exist is it left out.
  if (typeof engine.calculateRefund === 'function') {
    await check('seed 000 refund: 1 unit + 3.99 shipping = 63.98 on transaction 1000', () => {
      if (absent(samples.seedOrder)) return 'samples.seedOrder was not given';
      const env = engine.calculateRefund(samples.seedOrder, SEED_REFUND_REQUEST);
      const p = envelopeProblem(env, knownCodes);
      if (p) return p;
      if (!env.ok) return `not ok: ${short(env.errors)}`;
      const r = env.result;
      if (r.amount_incl_tax !== '63.98') return `amount_incl_tax ${short(r.amount_incl_tax)}, expected "63.98"`;
      const txs = Array.isArray(r.transactions) ? r.transactions : [];
      const tx = txs.find((t) => String(t.id) === '1000');
      if (!tx) return `no allocation to transaction 1000: ${short(r.transactions)}`;
      if (tx.amount !== '63.98') return `transaction 1000 gets ${short(tx.amount)}, expected "63.98"`;
      if (tx.refundable_amount !== '184.96') return `transaction 1000 refundable_amount ${short(tx.refundable_amount)}, expected "184.96"`;
      const others = txs.filter((t) => t !== tx && Number(t.amount) !== 0);
      return others.length ? `other transactions got amounts: ${short(others)}` : '';
    });
  }

  return { passed, failed: failures.length, failures, digest: digest.toString(16).padStart(8, '0') };
}
