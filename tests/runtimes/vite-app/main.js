// A consumer app as users write it: import the package by name; Vite picks the "browser" export and emits
// order_preflight.wasm as an asset (the package's literal new URL(…, import.meta.url)).
import { loadEngine } from 'order-preflight';
import { runPage } from '../shared/page.mjs';

runPage(loadEngine, 'vite');
