#!/usr/bin/env node
// Where the bytes of a .wasm go: section sizes, code bytes per function grouped by owner (our namespaces,
// nlohmann, libc++, libc, embind), the largest functions and the data segments. Function names come from the
// name section, so measure a build linked with --profiling-funcs (npm run size:attribution builds one); the code
// is the same as the package's, only the names are kept.
// Usage: node scripts/wasm-size.mjs [file.wasm] [--top N] [--json]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'build/wasm-names/wasm/order_preflight.wasm';
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
const asJson = args.includes('--json');

const bytes = readFileSync(file);
let pos = 8;

function u32() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return result;
    shift += 7;
  }
}
function name() {
  const n = u32();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
}

const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
const sections = [];
let importedFunctions = 0;
const bodies = [];
const dataSegments = [];
const functionNames = new Map();

while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  let label = sectionNames[id] ?? `id ${id}`;
  if (id === 0) label = `custom "${name()}"`;
  sections.push({ section: label, bytes: end - start + 1 + (start - (start - 1)) });
  if (id === 2) {
    for (let i = 0, n = u32(); i < n; i++) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { u32(); importedFunctions++; }
      else if (kind === 1) { pos++; const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; u32(); }
    }
  } else if (id === 10) {
    for (let i = 0, n = u32(); i < n; i++) {
      const bodySize = u32();
      bodies.push({ index: importedFunctions + i, bytes: bodySize });
      pos += bodySize;
    }
  } else if (id === 11) {
    for (let i = 0, n = u32(); i < n; i++) {
      const kind = u32();
      if (kind === 2) u32();
      if (kind !== 1) { // an offset expression up to `end`
        while (bytes[pos] !== 0x0b) pos++;
        pos++;
      }
      const length = u32();
      dataSegments.push({ index: i, bytes: length, text: bytes.subarray(pos, pos + length) });
      pos += length;
    }
  } else if (label === 'custom "name"') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = u32();
      const subEnd = pos + subSize;
      if (sub === 1) for (let i = 0, n = u32(); i < n; i++) functionNames.set(u32(), name());
      pos = subEnd;
    }
  }
  pos = end;
}

// Who owns a function, from its (demangled) name.
function owner(fn) {
  if (/^op::json::/.test(fn)) return 'op::json (reader, writer, tape)';
  if (/^op::(money|Money|div_round|prorate|split_inclusive|tax_on|format_amount|parse_amount|cash_round)/.test(fn)) return 'op::money';
  if (/^op::status::|status/.test(fn) && fn.startsWith('op::')) return 'op::status';
  if (/^op::.*(shopware|Shopware)/.test(fn)) return 'op platforms: shopware';
  if (/^op::.*(elasticpath|ElasticPath|ep::)/.test(fn)) return 'op platforms: elasticpath';
  if (/^op::.*(twentynine|next29|29next)/i.test(fn)) return 'op platforms: 29next';
  if (/^op::.*\bv1\b/.test(fn)) return 'op platforms: v1';
  if (/^op::/.test(fn)) return 'op (operations, order model, diagnostics)';
  if (/nlohmann/.test(fn)) return 'nlohmann::json';
  if (/^(emscripten::|_embind|embind)/.test(fn)) return 'embind';
  if (/^std::|^__cxa|^__cxx|^__gxx|^__dynamic_cast|^typeinfo|^vtable|^operator (new|delete)|^__cxxabiv1|^void std::|^bool std::|^unsigned long std::|^std::__2/.test(fn)) return 'libc++ / libc++abi';
  if (/^(printf_core|fmt_|pop_arg|vfprintf|vsnprintf|snprintf|out|pad|sn_write|__towrite|__fwritex|fwrite|frexp|__ldexp|scalbn|wctomb|wcrtomb)/.test(fn)) return 'libc printf';
  if (/^(strtod|strtof|strtold|__floatscan|__shgetc|__shlim|decfloat|hexfloat|scanexp|__intscan|strtoull|strtoll|strtol|__uflow|__toread)/.test(fn)) return 'libc strtod / scan';
  if (/^(__multf3|__addtf3|__subtf3|__divtf3|__extenddftf2|__trunctfdf2|__fixtfsi|__floatsitf|__floatunsitf|__letf2|__getf2|__eqtf2|__netf2|__unordtf2|__fe_|__lttf2|__gttf2|__multi3|__ashlti3|__lshrti3|__divti3|__udivti3|__modti3|__umodti3|__udivmodti4|__fixunstfsi|__mulddi3)/.test(fn)) return 'compiler-rt (long double, 128-bit)';
  if (/^(dlmalloc|dlfree|malloc|free|realloc|sbrk|emscripten_builtin|tmalloc|prepend_alloc|dispose_chunk|internal_memalign|dlrealloc|try_realloc_chunk|init_mparams|change_mparams)/.test(fn)) return 'libc malloc';
  return 'libc / other';
}

const groups = new Map();
for (const b of bodies) {
  const fn = functionNames.get(b.index) ?? `func[${b.index}]`;
  b.name = fn;
  const g = owner(fn);
  const entry = groups.get(g) ?? { group: g, functions: 0, bytes: 0 };
  entry.functions++;
  entry.bytes += b.bytes;
  groups.set(g, entry);
}
const codeBytes = bodies.reduce((s, b) => s + b.bytes, 0);
const dataBytes = dataSegments.reduce((s, d) => s + d.bytes, 0);
const report = {
  file,
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  sections,
  code: { functions: bodies.length, bytes: codeBytes, named: functionNames.size },
  groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes),
  largest: [...bodies].sort((a, b) => b.bytes - a.bytes).slice(0, top).map((b) => ({ name: b.name, bytes: b.bytes })),
  data: { segments: dataSegments.length, bytes: dataBytes, gzip: gzipSync(Buffer.concat(dataSegments.map((d) => d.text)), { level: 9 }).length },
};

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`${file}: ${kb(report.raw)} KiB raw, ${kb(report.gzip)} KiB gzip -9`);
  console.log('\nsection | KiB');
  for (const s of sections) console.log(`${s.section} | ${kb(s.bytes)}`);
  console.log(`\ncode by owner (${report.code.functions} functions, ${kb(codeBytes)} KiB; ${report.code.named} named) | functions | KiB | share`);
  for (const g of report.groups) console.log(`${g.group} | ${g.functions} | ${kb(g.bytes)} | ${((100 * g.bytes) / codeBytes).toFixed(1)} %`);
  console.log(`\ndata: ${report.data.segments} segments, ${kb(dataBytes)} KiB raw, ${kb(report.data.gzip)} KiB gzip`);
  console.log(`\nlargest ${top} functions | bytes`);
  for (const f of report.largest) console.log(`${f.name.slice(0, 110)} | ${f.bytes}`);
}
