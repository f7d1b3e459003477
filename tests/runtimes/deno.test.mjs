// Deno (npm `deno`): resolves 'order-preflight' from the consumer's node_modules (its package.json makes
// Deno use the local node_modules; no npm download, no lockfile), with code generation from strings off.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { conformanceIn, RUNNER } from './support/cli-runtime.mjs';
import { bin, outRoot, prepareConsumer } from './support/setup.mjs';

const deno = bin('deno');
const env = { DENO_DIR: join(outRoot, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
const noEval = '--v8-flags=--disallow-code-generation-from-strings';

test('Deno: the v8 flag really forbids code generation from strings', () => {
  const r = spawnSync(deno, ['eval', '--no-lock', noEval,
    "try { new Function('return 1'); console.log('allowed'); } catch (e) { console.log(e.name); }"],
  { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' } });
  assert.equal(r.stdout.trim(), 'EvalError', r.stderr);
});

test('Deno: conformance of the packed package from the consumer node_modules', async (t) => {
  const { consumer } = await conformanceIn(t, {
    runtime: 'deno',
    cmd: deno,
    args: ['run', '--no-lock', '--allow-read', noEval, RUNNER],
    conditions: ['deno', 'node', 'import', 'default'],
    env,
  });
  t.diagnostic(`deno ${spawnSync(deno, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
  assert.equal(existsSync(join(consumer.dir, 'deno.lock')), false);
});
