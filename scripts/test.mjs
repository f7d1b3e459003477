// Runs every suite, fast ones first, and ends with the one line CI reads: "N passed, N failed".
// A suite that fails to build or crashes counts as one failure, so nothing is silently skipped.
// Usage: node scripts/test.mjs [--only name,name]
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? new Set(process.argv[i + 1].split(',')) : null;
})();

const nodeTests = (dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(dir, f))
    : [];

const catch2 = (output, status) => {
  const all = output.match(/All tests passed \(\d+ assertions? in (\d+) test cases?\)/);
  if (all) return { passed: Number(all[1]), failed: status === 0 ? 0 : 1 };
  const mixed = output.match(/test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed/);
  if (mixed) return { passed: Number(mixed[2]), failed: Number(mixed[3]) };
  const failedOnly = output.match(/test cases:\s*(\d+)\s*\|\s*(\d+) failed/);
  if (failedOnly) return { passed: 0, failed: Number(failedOnly[2]) };
  return { passed: 0, failed: 1 };
};

const tap = (output, status) => {
  const pass = output.match(/^# pass (\d+)/m);
  const fail = output.match(/^# fail (\d+)/m);
  if (!pass || !fail) return { passed: 0, failed: 1 };
  const failed = Number(fail[1]);
  return { passed: Number(pass[1]), failed: failed === 0 && status !== 0 ? 1 : failed };
};

const catch2Args = ['--use-colour', 'no'];

function digestDir(build) {
  const dir = join(root, 'build', 'digests', build);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function compareDigests() {
  const native = join(root, 'build', 'digests', 'native');
  const wasm = join(root, 'build', 'digests', 'wasm');
  const names = existsSync(native) ? readdirSync(native).sort() : [];
  let passed = 0;
  let failed = 0;
  for (const name of names) {
    const a = readFileSync(join(native, name), 'utf8');
    const b = existsSync(join(wasm, name)) ? readFileSync(join(wasm, name), 'utf8') : '(missing)';
    const same = a === b;
    process.stdout.write(`${same ? 'ok' : 'not ok'} ${name}: native ${a.trim()} wasm ${b.trim()}\n`);
    if (same) passed += 1;
    else failed += 1;
  }
  if (names.length === 0) failed += 1;
  return { passed, failed };
}
const suites = [
  {
    name: 'core-native',
    build: ['bash', 'scripts/build.sh', 'native'],
    run: ['build/native-debug/tests/core/core_tests', ...catch2Args],
    env: { OP_DIGEST_DIR: digestDir('native') },
    parse: catch2,
  },
  { name: 'js', nodeTestDir: 'tests/js' },
  {
    name: 'core-wasm',
    build: ['bash', 'scripts/build.sh', 'wasm-tests'],
    run: ['node', 'build/wasm-release/tests/core/core_tests.cjs', ...catch2Args],
    env: { OP_DIGEST_DIR: digestDir('wasm') },
    parse: catch2,
  },
  // The property tests publish a digest of every envelope they produced; native and wasm must agree.
  { name: 'native-equals-wasm', check: compareDigests },
  {
    name: 'core-asan',
    build: ['bash', 'scripts/build.sh', 'asan'],
    run: ['build/native-asan/tests/core/core_tests', ...catch2Args],
    env: { ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=0', UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1' },
    parse: catch2,
  },
  { name: 'memory', nodeTestDir: 'tests/slow', serial: true },
  { name: 'runtimes', nodeTestDir: 'tests/runtimes', serial: true },
  { name: 'browser', nodeTestDir: 'tests/browser', serial: true },
  { name: 'fuzz-smoke', run: ['bash', 'tests/fuzz/smoke.sh'], parse: tap, optionalFile: 'tests/fuzz/smoke.sh' },
  // The benchmark harness must not rot: a few seconds, checked answers (native = wasm bytes), no timings judged.
  { name: 'bench-smoke', run: ['bash', 'bench/run.sh', '--smoke'], parse: (output, status) => ({ passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 }) },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  if (only && !only.has(suite.name)) continue;
  if (suite.optionalFile && !existsSync(join(root, suite.optionalFile))) continue;
  if (suite.nodeTestDir) {
    const files = nodeTests(suite.nodeTestDir);
    if (files.length === 0) continue; // the folder's issue has not landed yet
    suite.run = ['node', '--test', '--test-reporter=tap', ...(suite.serial ? ['--test-concurrency=1'] : []), ...files];
    suite.parse = tap;
  }
  const started = Date.now();
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  if (suite.check) {
    const counts = suite.check();
    passed += counts.passed;
    failed += counts.failed;
    summary.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed`);
    continue;
  }
  if (suite.build) {
    const b = spawnSync(suite.build[0], suite.build.slice(1), { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) {
      failed += 1;
      summary.push(`${suite.name}: BUILD FAILED`);
      continue;
    }
  }
  const r = spawnSync(suite.run[0], suite.run.slice(1), {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...suite.env },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  process.stdout.write(output.length > 200_000 ? `${output.slice(0, 100_000)}\n…\n${output.slice(-100_000)}` : output);
  const counts = r.error ? { passed: 0, failed: 1 } : suite.parse(output, r.status);
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

process.stdout.write(`\n${summary.join('\n')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
