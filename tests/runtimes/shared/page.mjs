// Browser side of the conformance run (plain page and the Vite app): loads the engine, tells the test
// the moment of the first result (through a binding the test exposes), then loads the harness and the
// fixtures, runs the conformance and leaves the outcome in window.__preflight and in the page.
export async function runPage(loadEngine, label) {
  const state = { label, done: false };
  window.__preflight = state;
  const out = document.getElementById('out');
  state.modulesLoadedMs = performance.now(); // the package's modules (glue included) are evaluated by now
  try {
    const engine = await loadEngine();
    state.version = engine.version();
    state.firstResultMs = performance.now();
    if (typeof window.__firstResult === 'function') await window.__firstResult(state.version);
    // Loaded after the first result so that the timing above measures the package alone.
    const [{ runConformance }, { fixtures, samples }] = await Promise.all([
      import('./conformance.mjs'),
      import('./fixture-data.mjs'),
    ]);
    state.report = await runConformance(engine, fixtures, samples);
    if (out) out.textContent = `${label}: ${state.report.passed} passed, ${state.report.failed} failed`;
  } catch (e) {
    state.error = String((e && e.stack) || e);
    if (out) out.textContent = `${label}: ${state.error}`;
  }
  state.done = true;
}
