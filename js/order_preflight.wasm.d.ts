// Types for the subpath 'order-preflight/order_preflight.wasm'. Cloudflare Workers (wrangler's default rule
// for *.wasm) and bundlers configured for wasm modules hand this import over as a compiled module:
//   import wasmModule from 'order-preflight/order_preflight.wasm';
//   const engine = await loadEngine({ wasmModule });
declare const wasmModule: WebAssembly.Module;
export default wasmModule;
