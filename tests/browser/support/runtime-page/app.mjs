// Loaded from the consumer folder: entry.mjs re-exports the package's "browser" export target (written by
// tests/browser/runtime-chromium.test.mjs from the installed package.json), no bundler, no import map.
import { loadEngine } from './entry.mjs';
import { runPage } from '../tests/runtimes/shared/page.mjs';

runPage(loadEngine, 'chromium');
