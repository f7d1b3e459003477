// CLI runner for Node, Deno and Bun, run from a consumer folder where the packed tarball is installed:
// imports the package by its name, prints "first-result <ms>" right after the first engine answer (the
// parent times it from spawn), then one line "conformance <json>". Exit 0 only when nothing failed.
import { loadEngine } from 'order-preflight';

const engine = await loadEngine();
const version = engine.version();
console.log(`first-result ${performance.now().toFixed(1)} ${version}`);

// The harness and the fixtures are loaded after the first result, so that timing covers the package alone.
const { runConformance } = await import('./conformance.mjs');
const { fixtures, samples } = await import('./fixture-data.mjs');
const resolved = typeof import.meta.resolve === 'function' ? import.meta.resolve('order-preflight') : '';
const report = await runConformance(engine, fixtures, samples);
console.log(`conformance ${JSON.stringify({ ...report, resolved, version })}`);
if (report.failed > 0 || report.passed === 0) {
  if (typeof Deno !== 'undefined') Deno.exit(1);
  else process.exitCode = 1;
}
