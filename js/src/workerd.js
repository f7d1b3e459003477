// Cloudflare Workers entry (the "workerd" export condition): Workers refuse to compile bytes at run time,
// so the wasm arrives as a module import, already compiled.
import bundledModule from '../dist/order_preflight.wasm';
import { cached, fromModule } from './load.js';

export { unwrap, PreflightError } from './unwrap.js';

/**
 * Loads the engine from the bundled wasm module (or { wasmModule } when given).
 * @param {{wasmModule?: WebAssembly.Module}} [options]
 */
export function loadEngine(options = {}) {
  const wasmModule = options.wasmModule ?? bundledModule;
  return cached(wasmModule, () => fromModule(wasmModule));
}
