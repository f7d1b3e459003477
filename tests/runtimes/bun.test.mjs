// Bun (npm `bun`): the packed package from the consumer's node_modules, auto-install off.
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { conformanceIn, RUNNER } from './support/cli-runtime.mjs';
import { bin } from './support/setup.mjs';

const bun = bin('bun');

test('Bun: conformance of the packed package from the consumer node_modules', async (t) => {
  await conformanceIn(t, {
    runtime: 'bun',
    cmd: bun,
    args: ['--no-install', RUNNER],
    conditions: ['bun', 'node', 'import', 'default'],
  });
  t.diagnostic(`bun ${spawnSync(bun, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
});
