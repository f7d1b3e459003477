#!/usr/bin/env node
// order-preflight CLI: reads JSON files (or '-' for stdin), prints the envelope.
// Exit codes: 0 ok, 1 validation errors, 2 unusable input or usage.
import { readFile } from 'node:fs/promises';
import { loadEngine } from './src/index.js';

const UNUSABLE = new Set(['INVALID_JSON', 'INVALID_UTF8', 'INPUT_TOO_LARGE', 'NESTING_TOO_DEEP']);

// command -> [engine method, names of the positional JSON inputs, how options are passed]
const COMMANDS = {
  inspect: ['inspectOrder', ['order']],
  refund: ['calculateRefund', ['order', 'request']],
  'validate-refund': ['validateRefund', ['order', 'create-request']],
  'refund-create': ['toRefundCreateRequest', ['calculation', 'request']],
  'compare-refund': ['compareRefund', ['preview', 'server-response']],
  edit: ['previewEdit', ['order', 'edits']],
  cancel: ['previewCancel', ['order', 'request']],
  transition: ['transition', ['request']],
  actions: ['availableActions', ['request']],
  statuses: ['deriveStatuses', ['order']],
  machines: ['machines', ['preset']],
  mermaid: ['mermaid', ['preset', 'machine']],
  return: ['previewReturn', ['order', 'request']],
  'capture-refund': ['previewCaptureRefund', ['order', 'request']],
};

// machines and mermaid take names, not files.
const NAME_INPUTS = new Set(['preset', 'machine']);

const USAGE = `Usage: order-preflight <command> <file|-> ... [--options <file>] [--dialect 29next|v1|elasticpath|shopware] [--compact] [--json]

Commands:
${Object.entries(COMMANDS)
  .map(([name, [, inputs]]) => `  ${name.padEnd(16)} ${inputs.map((i) => (NAME_INPUTS.has(i) ? `<${i}>` : `<${i}.json>`)).join(' ')}`)
  .join('\n')}

Reads each JSON input from a file, or from standard input when given as '-' (machines and mermaid take a
preset and machine name). Prints the envelope { ok, errors, warnings, result } as JSON; mermaid prints the
diagram text (--json for the envelope).
Exit status: 0 ok, 1 validation errors, 2 unusable input or usage.`;

async function readInput(path) {
  if (path === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(path, 'utf8');
}

function parseArgs(argv) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') flags.help = true;
    else if (a === '--compact') flags.compact = true;
    else if (a === '--json') flags.json = true;
    else if (a === '--options' || a === '--dialect') flags[a.slice(2)] = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown flag ${a}`);
    else positional.push(a);
  }
  return { positional, flags };
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`order-preflight: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...files] = args.positional;
  if (args.flags.help || !command) {
    (args.flags.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return args.flags.help ? 0 : 2;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    process.stderr.write(`order-preflight: unknown command '${command}'\n${USAGE}\n`);
    return 2;
  }
  const [method, inputs] = spec;
  if (files.length !== inputs.length) {
    process.stderr.write(`order-preflight: ${command} takes ${inputs.map((i) => `<${i}.json>`).join(' ')}\n`);
    return 2;
  }
  let texts;
  let options = {};
  try {
    texts = await Promise.all(files.map((f, i) => (NAME_INPUTS.has(inputs[i]) ? f : readInput(f))));
    if (args.flags.options) options = JSON.parse(await readInput(args.flags.options));
  } catch (e) {
    process.stderr.write(`order-preflight: ${e.message}\n`);
    return 2;
  }
  if (args.flags.dialect) options = { ...options, dialect: args.flags.dialect };
  const engine = await loadEngine();
  const envelope = method === 'machines' || method === 'mermaid' ? engine[method](...texts) : engine[method](...texts, options);
  if (command === 'mermaid' && envelope.ok && !args.flags.json) {
    process.stdout.write(`${envelope.result.text}\n`);
    return 0;
  }
  process.stdout.write(`${JSON.stringify(envelope, null, args.flags.compact ? 0 : 2)}\n`);
  if (envelope.ok) return 0;
  return envelope.errors.some((e) => UNUSABLE.has(e.code)) ? 2 : 1;
}

process.exitCode = await main(process.argv.slice(2));
