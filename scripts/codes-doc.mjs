// Rewrites the issue-code table of docs/api.md from core/diag/codes.def (the one source of truth).
// tests/js/types.test.mjs fails when the table and the engine's codes() disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const repo = new URL('..', import.meta.url).pathname;
const rows = readFileSync(`${repo}core/diag/codes.def`, 'utf8')
  .split('\n')
  .map((line) => line.match(/^OP_CODE\((\w+), "(.*)"\)$/))
  .filter(Boolean)
  .map(([, code, text]) => `| \`${code}\` | ${text.replaceAll('\\"', '"')} |`);
const path = `${repo}docs/api.md`;
const md = readFileSync(path, 'utf8');
const start = md.indexOf('<!-- codes:start -->');
const end = md.indexOf('<!-- codes:end -->');
writeFileSync(path, `${md.slice(0, start)}<!-- codes:start -->\n| code | meaning |\n|---|---|\n${rows.join('\n')}\n${md.slice(end)}`);
console.log(`${rows.length} codes written to docs/api.md`);
