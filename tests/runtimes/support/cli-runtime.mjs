// Runs tests/runtimes/shared/run.mjs from the consumer folder under one CLI runtime (Node, Deno, Bun) and
// checks the outcome: every conformance check passed, the package came from the consumer's node_modules
// through the expected export, and the time from spawn to the first engine answer is reported.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assertSameEnvelopes,
  describeFailures, parseConformance, prepareConsumer, reportTime, resolveExport, startProcess,
} from './setup.mjs';

export const RUNNER = 'tests/runtimes/shared/run.mjs';

/**
 * @param {import('node:test').TestContext} t
 * @param {{runtime: string, cmd: string, args: string[], conditions: string[], env?: object}} how
 */
export async function conformanceIn(t, { runtime, cmd, args, conditions, env = {} }) {
  const consumer = prepareConsumer();
  const p = startProcess(cmd, args, { cwd: consumer.dir, env: { ...process.env, NO_COLOR: '1', ...env } });
  t.after(() => p.stop());
  const first = await p.waitFor(/^first-result .*$/m, 60_000);
  const { code, signal } = await p.exited;
  reportTime(t, runtime, first.at - p.started);
  const report = parseConformance(p.stdout);
  t.diagnostic(`conformance ${runtime} ${report.passed} passed, ${report.failed} failed`);
  assert.equal(report.failed, 0, `${runtime} conformance failures:\n${describeFailures(report)}`);
  await assertSameEnvelopes(t, runtime, report);
  assert.ok(report.passed >= 5, `only ${report.passed} checks ran`);
  assert.equal(code, 0, `${runtime} exited ${code ?? signal}\n${p.stderr}`);
  const expected = pathToFileURL(join(consumer.pkgDir, resolveExport(consumer.pkgDir, '.', conditions))).href;
  assert.equal(report.resolved, expected, `${runtime} resolved 'order-preflight' somewhere else`);
  return { report, consumer, stderr: p.stderr };
}
