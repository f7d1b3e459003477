// examples/edge-worker bundled by `wrangler deploy --dry-run --outdir` against the packed package: the
// bundle must come from the "workerd" export with the wasm shipped as a module; then the bundle itself is
// served by workerd and every route is checked over HTTP against the golden fixtures.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'node:test';
import { operations, normalise } from '../fixtures/operations.mjs';
import { loadFixtures, loadSamples } from './shared/fixtures.mjs';
import { SEED_REFUND_REQUEST } from './shared/conformance.mjs';
import { bin, outRoot, prepareConsumer, reportTime, resolveExport } from './support/setup.mjs';
import { firstAnswer, serveWorker } from './support/workerd.mjs';

// The example's routes (examples/edge-worker/src/index.js): engine method and the body fields, in order.
const ROUTES = {
  '/inspect': { method: 'inspectOrder', fields: ['order', 'options'] },
  '/refund/calculate': { method: 'calculateRefund', fields: ['order', 'request', 'options'] },
  '/edit/preview': { method: 'previewEdit', fields: ['order', 'edits', 'options'] },
  '/transition': { method: 'transition', fields: ['request', 'options'] },
};

const sha = (buf) => createHash('sha256').update(buf).digest('hex');
const consumer = prepareConsumer();
const outdir = join(outRoot, 'edge-worker-bundle');

function bundle() {
  rmSync(outdir, { recursive: true, force: true });
  const r = spawnSync(bin('wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
    cwd: join(consumer.dir, 'edge-worker'),
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: '1',
      NO_COLOR: '1',
      WRANGLER_SEND_METRICS: 'false',
      XDG_CONFIG_HOME: join(outRoot, 'wrangler-home'), // logs and metrics state stay out of $HOME
      WRANGLER_LOG_PATH: join(outRoot, 'wrangler-home/logs'),
    },
  });
  assert.equal(r.status, 0, `wrangler failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

let built;
test('wrangler deploy --dry-run: the "workerd" export, the wasm shipped as a module', (t) => {
  const started = performance.now();
  const r = bundle();
  t.diagnostic(`wrangler dry-run ${Math.round(performance.now() - started)} ms: ${r.stdout.match(/Total Upload.*/)?.[0] ?? ''}`);
  const files = readdirSync(outdir);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm module in ${files}`);
  assert.equal(sha(readFileSync(join(outdir, wasm[0]))), sha(readFileSync(join(consumer.pkgDir, 'js/dist/order_preflight.wasm'))));
  const js = readFileSync(join(outdir, 'index.js'), 'utf8');
  assert.match(js, new RegExp(`^import \\w+ from "\\./${wasm[0].replace('.', '\\.')}";$`, 'm'), 'the wasm is imported as a module');
  const sources = [...js.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]);
  const workerdEntry = resolveExport(consumer.pkgDir, '.', ['workerd', 'worker', 'browser', 'import', 'default']);
  assert.ok(sources.includes(`../node_modules/order-preflight/${workerdEntry}`), `bundled from ${sources}`);
  for (const other of ['js/src/index.js', 'js/src/browser.js']) {
    assert.ok(!sources.includes(`../node_modules/order-preflight/${other}`), `${other} must not be bundled`);
  }
  assert.doesNotMatch(js, /node:fs|Deno\.readFile|WebAssembly\.compile\(/, 'no file reading or byte compiling in the bundle');
  built = { wasm: wasm[0] };
});

async function post(server, path, body, method = 'POST') {
  const response = await fetch(`${server.url}${path}`, { method, body: method === 'GET' ? undefined : body });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, json, text, headers: response.headers };
}

// 404/405 are HTTP errors, deliberately not engine envelopes.
const isHttpError = (body, status) => body?.error?.status === status && typeof body.error.message === 'string' && !('ok' in body);

const isEnvelope = (env) =>
  env && typeof env.ok === 'boolean' && Array.isArray(env.errors) && Array.isArray(env.warnings) && 'result' in env &&
  env.errors.every((e) => typeof e.code === 'string' && typeof e.path === 'string' && typeof e.message === 'string');

test('workerd serves the wrangler bundle: every route answers as documented', async (t) => {
  assert.ok(built, 'the bundle was built');
  const server = await serveWorker(t, { root: outdir, modules: ['index.js', built.wasm], name: 'edge-worker' });
  const seed = loadSamples().seedOrder;
  const first = await firstAnswer(server, '/inspect', JSON.stringify({ order: seed }));
  reportTime(t, 'workerd-edge-worker', first.at - server.process.started);
  assert.equal(JSON.parse(first.text).ok, true);

  // Which operations the packed engine has, asked of the same tarball in Node.
  const { loadEngine } = await import(pathToFileURL(join(consumer.pkgDir, resolveExport(consumer.pkgDir, '.', ['node', 'import', 'default']))).href);
  const engine = await loadEngine();
  const engineCodes = new Set(engine.codes().map((c) => c.code));
  const onlyEngineCodes = (env) => env.errors.concat(env.warnings).every((e) => engineCodes.has(e.code));
  const fixtures = loadFixtures();
  let checked = 0;

  for (const [path, route] of Object.entries(ROUTES)) {
    assert.equal(typeof engine[route.method], 'function', `the engine has ${route.method}`);
    const ops = Object.entries(operations).filter(([, spec]) => spec.method === route.method).map(([op]) => op);
    const cases = fixtures.filter((f) => ops.includes(f.op));
    for (const fx of cases) {
      // Positional: the route's fields follow the engine's parameters, as the table's inputs do
      // (the table names files, e.g. edits live in request.json).
      const names = operations[fx.op].inputs;
      assert.equal(names.length, route.fields.length, `${path} takes ${route.fields}; operations.mjs ${fx.op} has ${names}`);
      const fields = {};
      route.fields.forEach((field, i) => {
        if (fx.inputs[i] !== null) fields[field] = fx.inputs[i]; // the JSON text as stored
      });
      const r = await post(server, path, JSON.stringify(fields));
      assert.equal(r.status, fx.expected.ok ? 200 : 400, `${path} ${fx.op}/${fx.name}: ${r.text.slice(0, 300)}`);
      assert.deepEqual(normalise(r.json), normalise(fx.expected), `${path} ${fx.op}/${fx.name}`);
      checked += 1;
    }
    t.diagnostic(`${path}: ${cases.length} fixtures`);

    const malformed = await post(server, path, '{"order": ');
    assert.equal(malformed.status, 400, malformed.text);
    assert.ok(isEnvelope(malformed.json) && malformed.json.ok === false, malformed.text);
    assert.equal(malformed.json.errors[0].code, 'INVALID_JSON');
    assert.ok(onlyEngineCodes(malformed.json), malformed.text);
    const [firstField] = route.fields;
    for (const [value, code] of [[42, 'WRONG_TYPE'], ['{"id": ', 'INVALID_JSON']]) {
      const r = await post(server, path, JSON.stringify({ [firstField]: value }));
      assert.equal(r.status, 400, r.text);
      assert.ok(isEnvelope(r.json), r.text);
      assert.ok(r.json.errors.some((e) => e.code === code), `${path} ${firstField}=${value}: ${r.text}`);
      assert.ok(onlyEngineCodes(r.json), r.text);
    }
    const get = await post(server, path, undefined, 'GET');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.ok(isHttpError(get.json, 405) && !isEnvelope(get.json), get.text);
    checked += 1;
  }

  if (typeof engine.calculateRefund === 'function') {
    const r = await post(server, '/refund/calculate', JSON.stringify({ order: JSON.parse(seed), request: SEED_REFUND_REQUEST }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.result.amount_incl_tax, '63.98');
    const tx = r.json.result.transactions.find((x) => String(x.id) === '1000');
    assert.deepEqual([tx.amount, tx.refundable_amount], ['63.98', '184.96']);
    checked += 1;
  }

  const unknown = await post(server, '/nope', '{}');
  assert.equal(unknown.status, 404);
  assert.ok(isHttpError(unknown.json, 404) && !isEnvelope(unknown.json), unknown.text);
  assert.ok(checked >= Object.keys(ROUTES).length, `only ${checked} route checks ran`);
  t.diagnostic(`edge-worker route checks ${checked}`);
});
