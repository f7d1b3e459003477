// `npm run bench` (SPEC §7): every figure a ratio measured side by side in one run.
//
//   node bench/bench.mjs [--smoke] [--sizes 5,50,1000,10000] [--native PATH] [--no-peer]
//
// Engines, all steered from this process so their batches interleave (round robin) and machine noise hits
// each alike:
//   native  bench/native/op_bench (C++ -O3), a child process steered over stdin; std::chrono around a batch
//   wasm    the Emscripten module itself, bytes already in wasm memory, result left there: the core in wasm
//   API     engine.method(orderObject, …) exactly as a user calls it (JSON.stringify in, JSON.parse out)
//   floor   JSON.parse(JSON.stringify(order)) of the same order object
//   Medusa  @medusajs/order calculateOrderChange + @medusajs/utils decorateCartTotals (bench/peer/medusa.mjs)
// Each figure is the median over batches of (batch time / calls in batch). Results: bench/results/latest.json
// (smoke: latest-smoke.json).
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { loadavg, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { generate, DEFAULT_SIZES } from './generate.mjs';

const SESSION_OPTIONS = { include_order: false };
import { medusaMissing, loadMedusa, toMedusa, sanityCheck } from './peer/medusa.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const resultsDir = resolve(here, 'results');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const arg = (name, fallback) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);

const SMOKE = flag('--smoke');
const SIZES = arg('--sizes', (SMOKE ? [5, 50] : DEFAULT_SIZES).join(',')).split(',').map(Number);
// The smoke run also times the session rows at 10,000 lines (one short batch, no one-shot calls), so the
// harness of the keystroke target cannot rot unnoticed.
const SESSION_ONLY_SIZES = SMOKE && !argv.includes('--sizes') ? [10000] : [];
const NATIVE = resolve(root, arg('--native', 'build/native-release/bench/native/op_bench'));
const BATCHES = SMOKE ? 3 : 7;
const BATCHES_HUGE = SMOKE ? 2 : 3; // 10,000 lines: a call takes long enough that 3 batches are plenty
const BATCH_MS = SMOKE ? 20 : 120;
const MEMORY_CALLS = SMOKE ? [1000, 5000] : [1000, 100000];
const IMPORT_RUNS = SMOKE ? 2 : 7;

const log = (...a) => console.error(...a); // progress on stderr; the table on stdout

// ---------------------------------------------------------------------------------------------- helpers
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fnv1a = (bytes) => {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < bytes.length; i++) {
    h ^= BigInt(bytes[i]);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
};
/** ≥ 1,000 as integers with separators, ≥ 100 as integers, ≥ 10 with one decimal, below with `digits`. */
const fmt = (x, digits = 2) => {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(digits);
};
const ratio = (a, b) => (a && b ? a / b : null);
const kib = (n) => n / 1024;

/** A timed case: run(iters) returns elapsed nanoseconds for iters calls. */
function jsCase(fn) {
  return async (iters) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) fn();
    return Number(process.hrtime.bigint() - t0);
  };
}

/**
 * Calibrates each case to ≈ BATCH_MS per batch, then runs the batches round robin over all cases (native,
 * wasm, API, floor, peer of one workload take turns), so a burst of load lands on every engine.
 * Returns {name: µs per call (median over batches)}.
 */
async function measure(cases, batches) {
  const plan = [];
  for (const [name, run] of Object.entries(cases)) {
    await run(1); // warm-up (JIT, caches, first-touch of memory)
    let ns = await run(1);
    let iters = 1;
    if (ns < BATCH_MS * 1e6 / 4) {
      iters = Math.max(1, Math.min(5, Math.floor((BATCH_MS * 1e6) / 4 / ns)));
      ns = (await run(iters)) / iters; // a second, steadier estimate
      iters = Math.max(1, Math.min(2_000_000, Math.round((BATCH_MS * 1e6) / ns)));
    }
    plan.push({ name, run, iters, samples: [] });
  }
  for (let b = 0; b < batches; b++) {
    for (const p of plan) p.samples.push((await p.run(p.iters)) / p.iters / 1000);
  }
  return Object.fromEntries(plan.map((p) => [p.name, { us: median(p.samples), iters: p.iters, batches, samples: p.samples }]));
}

// ---------------------------------------------------------------------------------------------- native driver
function startNative() {
  if (!existsSync(NATIVE)) {
    throw new Error(`native bench driver not found at ${NATIVE}: build it with bash bench/run.sh (cmake --preset native-release -DOP_BUILD_BENCH=ON)`);
  }
  // glibc hands multi-MB blocks (the tape and pool of a 10,000-line order) back to the kernel on free and
  // page-faults them in again on the next call, which made native 2x slower per line at 10,000 lines than at
  // 1,000. Wasm linear memory is never returned, so the native driver keeps its heap too (docs/bench.md).
  const tunables = 'glibc.malloc.trim_threshold=2000000000:glibc.malloc.mmap_threshold=1000000000';
  const env = { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, tunables].filter(Boolean).join(':') };
  const child = spawn(NATIVE, [], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const ask = (command) =>
    new Promise((resolveLine, reject) => {
      waiting.push((line) => (line.startsWith('err') ? reject(new Error(`native: ${line}`)) : resolveLine(line)));
      child.stdin.write(`${command}\n`);
    });
  return {
    ask,
    load: (n) => ask(`load ${n} ${resultsDir}`),
    unload: (n) => ask(`unload ${n}`),
    rssKb: async () => Number(await ask('rss')),
    case: (op, n) => async (iters) => Number((await ask(`run ${op} ${n} ${iters}`)).split(' ')[0]),
    digest: async (op, n) => (await ask(`run ${op} ${n} 1`)).split(' ').slice(1).join(' '),
    quit: () => {
      child.stdin.write('quit\n');
      child.stdin.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------- wasm, raw
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The Emscripten module itself (a second instance, separate from the public engine's). */
async function rawModule() {
  const { default: createOrderPreflight } = await import(pathToFileURL(resolve(root, 'js/dist/order_preflight.mjs')).href);
  const wasmModule = await WebAssembly.compile(readFileSync(resolve(root, 'js/dist/order_preflight.wasm')));
  const mod = await createOrderPreflight({
    locateFile: (p) => p,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    },
    print: () => {},
    printErr: () => {},
  });
  /** Copies texts into wasm memory once; returns [ptr, len, …] for the exports, and a release(). */
  const place = (texts) => {
    const bytes = texts.map((t) => encoder.encode(t ?? ''));
    const total = bytes.reduce((s, b) => s + b.length, 0) || 1;
    const base = mod.alloc(total);
    let at = base;
    const args = [];
    for (const b of bytes) {
      mod.HEAPU8.set(b, at);
      args.push(b.length ? at : 0, b.length);
      at += b.length;
    }
    return { args, release: () => mod.release(base) };
  };
  const resultBytes = (length) => {
    const ptr = mod.resultPtr();
    return mod.HEAPU8.slice(ptr, ptr + length);
  };
  return { mod, place, resultBytes };
}

// ---------------------------------------------------------------------------------------------- child probes
/** Spawns a fresh node that imports the package and runs one inspectOrder; times measured inside it. */
function importProbe() {
  const entry = pathToFileURL(resolve(root, 'js/src/index.js')).href;
  const orderPath = resolve(resultsDir, 'orders-5.json');
  const script = `
    const { readFileSync } = await import('node:fs');
    const order = readFileSync(${JSON.stringify(orderPath)}, 'utf8');
    const t0 = performance.now();
    const { loadEngine } = await import(${JSON.stringify(entry)});
    const tImported = performance.now();
    const engine = await loadEngine();
    const tLoaded = performance.now();
    const r = engine.inspectOrder(order);
    const t1 = performance.now();
    console.log(JSON.stringify({ ok: r.ok, sinceProcessStart: t1, inProcess: t1 - t0, importMs: tImported - t0,
      loadMs: tLoaded - tImported, firstCallMs: t1 - tLoaded }));`;
  const runs = [];
  for (let i = 0; i < IMPORT_RUNS; i++) {
    const started = performance.now();
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const wall = performance.now() - started;
    if (out.status !== 0) throw new Error(`import probe failed: ${out.stderr}`);
    runs.push({ ...JSON.parse(out.stdout.trim().split('\n').pop()), spawnToExitMs: wall });
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    runs: runs.length,
    ok: runs.every((r) => r.ok),
    inProcessMs: pick('inProcess'),
    sinceProcessStartMs: pick('sinceProcessStart'),
    importMs: pick('importMs'),
    loadMs: pick('loadMs'),
    firstCallMs: pick('firstCallMs'),
    spawnToExitMs: pick('spawnToExitMs'),
  };
}

/** Runs bench/memory-probe.mjs in a fresh process (wasm memory only grows, so it needs its own engine). */
function memoryProbe(mode, extra = []) {
  const out = spawnSync(process.execPath, ['--expose-gc', resolve(here, 'memory-probe.mjs'), mode, resultsDir, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (out.status !== 0) throw new Error(`memory probe ${mode} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

function artefactSizes() {
  const sizes = {};
  for (const name of ['order_preflight.wasm', 'order_preflight.mjs']) {
    const bytes = readFileSync(resolve(root, 'js/dist', name));
    sizes[name] = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  return sizes;
}

// ---------------------------------------------------------------------------------------------- main
async function main() {
  const startedAt = new Date();
  const loadBefore = loadavg();
  log(`order-preflight bench${SMOKE ? ' (smoke)' : ''}: sizes ${SIZES.join(', ')}; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}`);
  generate([...new Set([5, ...SIZES, ...SESSION_ONLY_SIZES])], resultsDir);

  const native = startNative();
  const { loadEngine } = await import(pathToFileURL(resolve(root, 'js/src/index.js')).href);
  const engine = await loadEngine();
  const raw = await rawModule();

  let medusa = null;
  let peerSkipped = null;
  if (SMOKE) peerSkipped = 'smoke mode: the Medusa packages are installed only by the full `npm run bench`';
  else if (flag('--no-peer')) peerSkipped = '--no-peer given';
  else if (medusaMissing()) peerSkipped = medusaMissing();
  else {
    try {
      medusa = await loadMedusa();
    } catch (e) {
      peerSkipped = `Medusa could not be loaded: ${e.message.split('\n')[0]}`;
    }
  }
  if (peerSkipped) log(`peer column skipped: ${peerSkipped}`);

  const results = { sizes: {}, transition: null, sanity: {}, digests: {} };
  const problems = [];

  for (const n of [...SIZES, ...SESSION_ONLY_SIZES.filter((x) => !SIZES.includes(x))]) {
    const sessionOnly = !SIZES.includes(n);
    log(`— ${n} lines${sessionOnly ? ' (session rows only)' : ''}`);
    const text = readFileSync(resolve(resultsDir, `orders-${n}.json`), 'utf8');
    const read = (f) => readFileSync(resolve(resultsDir, `${f}-${n}.json`), 'utf8');
    const reqText = { refund: read('refund'), refund2: read('refund2'), edit: read('edit'), edit1: read('edit1') };
    const order = JSON.parse(text);
    const req = Object.fromEntries(Object.entries(reqText).map(([k, v]) => [k, JSON.parse(v)]));

    await native.load(n);

    // The answers, once, before timing: every workload must succeed, native and wasm must agree.
    const ours = sessionOnly
      ? {}
      : {
          inspect: engine.inspectOrder(order),
          refund: engine.calculateRefund(order, req.refund),
          edit: engine.previewEdit(order, req.edit),
          edit1: engine.previewEdit(order, req.edit1),
        };
    for (const [op, env] of Object.entries(ours)) {
      if (!env.ok) problems.push(`${op} on ${n} lines answered ok=false: ${JSON.stringify(env.errors).slice(0, 300)}`);
    }
    const session = engine.openOrder(order);
    if (!session.ok) problems.push(`openOrder on ${n} lines failed: ${JSON.stringify(session.errors).slice(0, 300)}`);
    // A keystroke preview asks for what changed, not for the whole order back (include_order: false).
    const sessionEdit1 = session.previewEdit(req.edit1, SESSION_OPTIONS);
    if (!sessionEdit1.ok) problems.push(`session previewEdit on ${n} lines answered ok=false`);
    const sessionRefund2 = session.calculateRefund(req.refund2);
    if (!sessionRefund2.ok) problems.push(`session calculateRefund on ${n} lines answered ok=false`);

    // Raw wasm: inputs placed in wasm memory once.
    const { mod } = raw;
    const placed = {
      inspect: raw.place([text, '', '']),
      refund: raw.place([text, reqText.refund, '']),
      edit: raw.place([text, reqText.edit, '']),
      edit1: raw.place([text, reqText.edit1, '']),
      sessionEdit1: raw.place(['previewEdit', reqText.edit1, JSON.stringify(SESSION_OPTIONS)]),
      sessionRefund2: raw.place(['calculateRefund', reqText.refund2, '']),
    };
    const opened = JSON.parse(decoder.decode(raw.resultBytes(mod.openOrder(...placed.inspect.args))));
    const rawSession = opened.result.session;
    const rawCalls = {
      inspect: () => mod.inspectOrder(...placed.inspect.args),
      refund: () => mod.calculateRefund(...placed.refund.args),
      edit: () => mod.previewEdit(...placed.edit.args),
      edit1: () => mod.previewEdit(...placed.edit1.args),
      session_edit1: () => mod.sessionCall(rawSession, ...placed.sessionEdit1.args),
      session_refund2: () => mod.sessionCall(rawSession, ...placed.sessionRefund2.args),
      open_close: () => {
        const len = mod.openOrder(...placed.inspect.args);
        const r = decoder.decode(raw.resultBytes(len));
        mod.closeOrder(Number(/"session":(\d+)/.exec(r)[1]));
        return len;
      },
    };
    const digests = {};
    const sessionOps = ['session_edit1', 'session_refund2'];
    for (const op of sessionOnly ? sessionOps : ['inspect', 'refund', 'edit', 'edit1', ...sessionOps]) {
      const wasmDigest = (() => {
        const b = raw.resultBytes(rawCalls[op]());
        return `${b.length} ${fnv1a(b)}`;
      })();
      const nativeDigest = await native.digest(op, n);
      digests[op] = { native: nativeDigest, wasm: wasmDigest, same: nativeDigest === wasmDigest };
      if (nativeDigest !== wasmDigest) problems.push(`native and wasm results differ for ${op} on ${n} lines (${nativeDigest} vs ${wasmDigest})`);
    }
    results.digests[n] = digests;

    // Medusa: convert once, check its answers against ours, then time the same job.
    let m = null;
    let plans = null;
    if (medusa && !sessionOnly) {
      m = toMedusa(order);
      const sanity = sanityCheck(medusa, m, ours, { edits: req.edit, refundRequest: req.refund });
      results.sanity[n] = sanity;
      if (!sanity.ok) problems.push(`Medusa and order-preflight disagree on ${n} lines: ${JSON.stringify(sanity.checks)}`);
      plans = { edit: medusa.editActions(req.edit), refund: medusa.refundActions(req.refund) };
    }

    const sessionCases = {
      'native.session_edit1': native.case('session_edit1', n),
      'wasm.session_edit1': jsCase(rawCalls.session_edit1),
      'api.session_edit1': jsCase(() => session.previewEdit(req.edit1, SESSION_OPTIONS)),
      'native.session_refund2': native.case('session_refund2', n),
      'wasm.session_refund2': jsCase(rawCalls.session_refund2),
      'api.session_refund2': jsCase(() => session.calculateRefund(req.refund2)),
    };
    const cases = sessionOnly ? sessionCases : {
      'native.inspect': native.case('inspect', n),
      'wasm.inspect': jsCase(rawCalls.inspect),
      'api.inspect': jsCase(() => engine.inspectOrder(order)),
      floor: jsCase(() => JSON.parse(JSON.stringify(order))),
      'native.refund': native.case('refund', n),
      'wasm.refund': jsCase(rawCalls.refund),
      'api.refund': jsCase(() => engine.calculateRefund(order, req.refund)),
      'native.edit': native.case('edit', n),
      'wasm.edit': jsCase(rawCalls.edit),
      'api.edit': jsCase(() => engine.previewEdit(order, req.edit)),
      'native.edit1': native.case('edit1', n),
      'wasm.edit1': jsCase(rawCalls.edit1),
      'api.edit1': jsCase(() => engine.previewEdit(order, req.edit1)),
      ...sessionCases,
      'native.open_close': native.case('open_close', n),
      'wasm.open_close': jsCase(rawCalls.open_close),
    };
    if (medusa && !sessionOnly) {
      cases['medusa.edit'] = jsCase(() => medusa.edit(m, plans.edit));
      cases['medusa.refund'] = jsCase(() => medusa.refund(m, plans.refund));
    }
    const t = await measure(cases, sessionOnly ? 1 : n >= 10000 ? BATCHES_HUGE : BATCHES);
    results.sizes[n] = {
      orderBytes: Buffer.byteLength(text),
      refundLines: req.refund.refund_lines.length,
      sessionOnly,
      resultBytes: Object.fromEntries(Object.entries(digests).map(([op, d]) => [op, Number(d.native.split(' ')[0])])),
      timings: t,
    };

    session.close();
    mod.closeOrder(rawSession);
    for (const p of Object.values(placed)) p.release();
    await native.unload(n);
  }

  // Transition: size-independent (no order).
  {
    const transitionText = readFileSync(resolve(resultsDir, 'transition.json'), 'utf8');
    const transitionReq = JSON.parse(transitionText);
    await native.load(5);
    const placed = raw.place(['', transitionText, '']);
    const tr = engine.transition(transitionReq);
    if (!tr.ok || tr.result.to !== 'in_progress') problems.push(`transition answered ${JSON.stringify(tr).slice(0, 200)}`);
    const t = await measure(
      {
        'native.transition': native.case('transition', 5),
        'wasm.transition': jsCase(() => raw.mod.transition(...placed.args)),
        'api.transition': jsCase(() => engine.transition(transitionReq)),
      },
      BATCHES,
    );
    results.transition = t;
    placed.release();
    await native.unload(5);
  }
  const nativeRssKb = await native.rssKb();
  native.quit();

  log('— sizes, import → first result, memory');
  const sizes = artefactSizes();
  const importTimes = importProbe();
  const memory = memoryProbe('calls', MEMORY_CALLS.map(String));
  const peak = SIZES.includes(10000) ? memoryProbe('peak', ['10000']) : null;

  const report = {
    when: startedAt.toISOString(),
    smoke: SMOKE,
    node: process.version,
    cpus: cpus().length,
    loadavg: { before: loadBefore, after: loadavg() },
    batches: BATCHES,
    batchMs: BATCH_MS,
    peer: medusa ? { name: '@medusajs/order + @medusajs/utils', version: medusa.version, utilsVersion: medusa.utilsVersion, loadMs: medusa.loadMs } : { skipped: peerSkipped },
    results,
    sizes,
    importTimes,
    memory,
    peak,
    nativePeakRssKb: nativeRssKb,
    problems,
  };
  report.targets = targets(report);
  // The smoke run keeps its own file so it never overwrites the last full run.
  writeFileSync(resolve(resultsDir, SMOKE ? 'latest-smoke.json' : 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(render(report));
  if (problems.length) {
    log(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------- targets & table
const us = (report, n, key) => report.results.sizes[n]?.timings[key]?.us ?? null;

function targets(report) {
  const sizesRun = Object.keys(report.results.sizes).map(Number).filter((n) => !report.results.sizes[n].sessionOnly);
  const allSizes = Object.keys(report.results.sizes).map(Number);
  const big = sizesRun.includes(1000) ? 1000 : Math.max(...sizesRun);
  const rows = [];
  const worst = (pairs) => pairs.filter((p) => p.value !== null).reduce((a, b) => (b.value > a.value ? b : a), { value: null });
  const best = (pairs) => pairs.filter((p) => p.value !== null).reduce((a, b) => (a.value === null || b.value < a.value ? b : a), { value: null });

  const ops = ['inspect', 'refund', 'edit'];
  const wn = worst(sizesRun.flatMap((n) => ops.map((op) => ({ value: ratio(us(report, n, `wasm.${op}`), us(report, n, `native.${op}`)), at: `${op}, ${n} lines` }))));
  rows.push({ target: 'wasm vs native (same bytes in and out), worst op/size', limit: '≤ 2×', measured: wn.value, unit: '×', at: wn.at, met: wn.value !== null && wn.value <= 2 });

  const ef = worst(sizesRun.flatMap((n) => ['refund', 'edit'].map((op) => ({ value: ratio(us(report, n, `api.${op}`), us(report, n, 'floor')), at: `${op}, ${n} lines` }))));
  rows.push({ target: 'calculateRefund / previewEdit (API) vs JSON.parse(JSON.stringify(order)), worst', limit: '≤ 3×', measured: ef.value, unit: '×', at: ef.at, met: ef.value !== null && ef.value <= 3 });

  if (report.peer.skipped) {
    rows.push({ target: 'Medusa v2 (order change + totals) vs engine API, least speed-up', limit: '≥ 10×', measured: null, unit: '×', at: `skipped: ${report.peer.skipped}`, met: null });
  } else {
    const mp = best(sizesRun.flatMap((n) => ['refund', 'edit'].map((op) => ({ value: ratio(us(report, n, `medusa.${op}`), us(report, n, `api.${op}`)), at: `${op}, ${n} lines` }))));
    rows.push({ target: 'Medusa v2 (order change + totals) vs engine API, least speed-up', limit: '≥ 10×', measured: mp.value, unit: '×', at: mp.at, met: mp.value !== null && mp.value >= 10 });
  }

  const so = ratio(us(report, big, 'api.session_edit1'), us(report, big, 'api.edit1'));
  rows.push({ target: `session preview of a one-line edit vs one-shot (API), ${big} lines`, limit: '≤ 1/20 (0.05)', measured: so, unit: '', at: `native: ${fmt(ratio(us(report, big, 'native.session_edit1'), us(report, big, 'native.edit1')), 2)}`, met: so !== null && so <= 0.05 });

  // Issue 16: a session preview costs what the edit touches: at 10,000 lines ≤ 2× its own cost at 50 lines.
  if (allSizes.includes(50) && allSizes.includes(10000)) {
    const sg = worst(['session_edit1', 'session_refund2'].flatMap((op) => ['native', 'wasm', 'api'].map((e) => ({ value: ratio(us(report, 10000, `${e}.${op}`), us(report, 50, `${e}.${op}`)), at: `${e} ${op}` }))));
    rows.push({ target: 'session preview / refund at 10,000 lines vs at 50 lines, worst', limit: '≤ 2×', measured: sg.value, unit: '×', at: sg.at, met: sg.value !== null && sg.value <= 2 });
  }

  if (sizesRun.includes(1000) && sizesRun.includes(10000)) {
    const g = worst(ops.flatMap((op) => ['api', 'native'].map((e) => ({ value: ratio(us(report, 10000, `${e}.${op}`) / 10000, us(report, 1000, `${e}.${op}`) / 1000), at: `${e} ${op}` }))));
    rows.push({ target: 'linear growth: µs/line at 10,000 vs at 1,000 lines, worst', limit: '≤ 1.5×', measured: g.value, unit: '×', at: g.at, met: g.value !== null && g.value <= 1.5 });
  } else {
    const [a, b] = [sizesRun[sizesRun.length - 2], sizesRun[sizesRun.length - 1]];
    const g = worst(ops.map((op) => ({ value: ratio(us(report, b, `api.${op}`) / b, us(report, a, `api.${op}`) / a), at: `api ${op}, ${a}→${b}` })));
    rows.push({ target: `linear growth: µs/line at ${b} vs ${a} lines (smoke; full run uses 1,000→10,000)`, limit: '≤ 1.5×', measured: g.value, unit: '×', at: g.at, met: g.value !== null && g.value <= 1.5 });
  }

  const wasm = report.sizes['order_preflight.wasm'];
  const glue = report.sizes['order_preflight.mjs'];
  rows.push({ target: '.wasm gzip', limit: '≤ 100 KiB', measured: kib(wasm.gzip), unit: ' KiB', at: `raw ${fmt(kib(wasm.raw))} KiB, brotli ${fmt(kib(wasm.brotli))} KiB`, met: wasm.gzip <= 100 * 1024 });
  rows.push({ target: 'glue (.mjs) gzip', limit: '≤ 10 KiB', measured: kib(glue.gzip), unit: ' KiB', at: `raw ${fmt(kib(glue.raw))} KiB, brotli ${fmt(kib(glue.brotli))} KiB`, met: glue.gzip <= 10 * 1024 });
  const it = report.importTimes;
  rows.push({ target: 'Node import → first inspectOrder, in-process', limit: '≤ 30 ms', measured: it.inProcessMs, unit: ' ms', at: `import ${fmt(it.importMs)} + load ${fmt(it.loadMs)} + call ${fmt(it.firstCallMs)} ms; ${fmt(it.sinceProcessStartMs)} ms since process start`, met: it.inProcessMs <= 30 });
  const mem = report.memory;
  const [c1, c2] = [mem.checkpoints[0], mem.checkpoints[mem.checkpoints.length - 1]];
  const grew = c2.wasmBytes - c1.wasmBytes;
  rows.push({ target: `wasm memory after ${c2.calls.toLocaleString('en-US')} calls vs after ${c1.calls.toLocaleString('en-US')}`, limit: 'no growth', measured: grew / 1024, unit: ' KiB', at: `linear memory ${fmt(c1.wasmBytes / 1048576, 2)} → ${fmt(c2.wasmBytes / 1048576, 2)} MiB; malloc in use ${c1.heapInUse} → ${c2.heapInUse} B`, met: grew === 0 && c2.heapInUse <= c1.heapInUse });
  if (report.peak) {
    const p = report.peak;
    rows.push({ target: 'previewEdit of the 10,000-line order: wasm linear memory', limit: '≤ 32 MiB', measured: p.wasmBytesAfter / 1048576, unit: ' MiB', at: `from ${fmt(p.wasmBytesBefore / 1048576, 2)} MiB at load; JS heap +${fmt(p.jsHeapDeltaBytes / 1048576)} MiB, rss ${fmt(p.rssAfter / 1048576)} MiB`, met: p.wasmBytesAfter <= 32 * 1048576 });
  } else {
    rows.push({ target: 'previewEdit of the 10,000-line order: wasm linear memory', limit: '≤ 32 MiB', measured: null, unit: '', at: 'not run (no 10,000-line size in this run)', met: null });
  }
  return rows;
}

function render(report) {
  const out = [];
  const sizesRun = Object.keys(report.results.sizes).map(Number);
  out.push(`order-preflight bench${report.smoke ? ' (smoke)' : ''} — ${report.when}, Node ${report.node}, ${report.cpus} CPUs, load average ${report.loadavg.before[0].toFixed(2)} → ${report.loadavg.after[0].toFixed(2)}`);
  out.push(`µs per call, median of ${report.batches} interleaved batches (~${report.batchMs} ms each; 10,000 lines: ${BATCHES_HUGE}). wasm = the core in wasm, bytes in and out of wasm memory; API = engine.method(object) as a user calls it.`);
  if (report.peer.skipped) out.push(`Medusa column skipped: ${report.peer.skipped}.`);
  else out.push(`Peer: @medusajs/order ${report.peer.version} calculateOrderChange + @medusajs/utils ${report.peer.utilsVersion} decorateCartTotals, answers checked against ours before timing.`);
  out.push('');
  out.push('| operation | lines | native µs | wasm µs | wasm/native | API µs | floor µs | API/floor | Medusa µs | Medusa/API | API µs/line | session/one-shot |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const names = {
    inspect: 'inspectOrder',
    refund: 'calculateRefund',
    edit: 'previewEdit (qty change + add line)',
    edit1: 'previewEdit (one line), one-shot',
    session_edit1: 'session.previewEdit (one line)',
    session_refund2: 'session.calculateRefund (two lines)',
    open_close: 'openOrder + close',
  };
  for (const op of Object.keys(names)) {
    for (const n of sizesRun) {
      const nat = us(report, n, `native.${op}`);
      const w = us(report, n, `wasm.${op}`);
      const api = us(report, n, `api.${op}`);
      const floor = ['inspect', 'refund', 'edit', 'edit1'].includes(op) ? us(report, n, 'floor') : null;
      const med = us(report, n, `medusa.${op}`);
      if (nat === null && w === null && api === null) continue; // not run at this size (smoke: session rows only)
      const so = op === 'session_edit1' ? ratio(api, us(report, n, 'api.edit1')) : null;
      out.push(`| ${names[op]} | ${n.toLocaleString('en-US')} | ${fmt(nat)} | ${fmt(w)} | ${fmt(ratio(w, nat), 2)} | ${fmt(api)} | ${fmt(floor)} | ${fmt(ratio(api, floor), 2)} | ${fmt(med)} | ${fmt(ratio(med, api), 1)} | ${fmt(api === null ? null : api / n, 2)} | ${so === null ? '' : fmt(so, 2)} |`);
    }
  }
  const tr = report.results.transition;
  out.push(`| transition (shopware order.state process) | — | ${fmt(tr['native.transition'].us)} | ${fmt(tr['wasm.transition'].us)} | ${fmt(ratio(tr['wasm.transition'].us, tr['native.transition'].us), 2)} | ${fmt(tr['api.transition'].us)} | | | | | | |`);
  out.push('');
  out.push('| SPEC §7 target | limit | measured | met | where / detail |');
  out.push('|---|---|--:|---|---|');
  for (const r of report.targets) {
    const measured = r.measured === null ? '—' : `${fmt(r.measured, 2)}${r.unit}`;
    const met = r.met === null ? 'not run' : r.met ? 'met' : '**not met**';
    out.push(`| ${r.target} | ${r.limit} | ${measured} | ${met} | ${r.at} |`);
  }
  const pc = Object.entries(report.results.digests).every(([, d]) => Object.values(d).every((x) => x.same));
  out.push('');
  out.push(`native and wasm results identical byte for byte: ${pc ? 'yes' : 'NO'}; order JSON ${sizesRun.map((n) => `${n.toLocaleString('en-US')} lines ${fmt(report.results.sizes[n].orderBytes / 1024)} KiB`).join(', ')}; native driver peak RSS ${fmt(report.nativePeakRssKb / 1024)} MiB.`);
  return out.join('\n');
}

main().catch((e) => {
  console.error(e.stack || e);
  process.exit(2);
});
