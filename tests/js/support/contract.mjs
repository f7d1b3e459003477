// Validation against the facts extracted from a platform's published contract (tests/contracts/<name>.json,
// written by scripts/contract-facts.mjs). One shape for every platform:
//
//   const c = loadContract('29next-2024-04-01');
//   c.validateSchema('Order', order)            an entity as the server returns it
//   c.validateResponse(opId, '200', value)      an operation's response
//   c.validateBody(opId, body)                  an operation's request body
//   c.validateCall({method, path, operation?, headers, body})   a planned server call
//
// Each returns a list of deviations `{path, message}` (empty = conforms); `describe(deviations)` prints them
// one a line with the JSON path of the instance.
//
// Two readings of the same schemas:
// - response: as published; writeOnly members may not appear (and are not required).
// - request: readOnly members may not be sent (and are not required) — the server ignores them, so a body that
//   relies on them does not do what it says; and an object with declared `properties` accepts no other member,
//   for the same reason (the server drops undeclared members silently). This is how the contract reads for a
//   client that wants its request to take effect; nothing in the facts is loosened.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const dir = new URL('../../contracts/', import.meta.url);

// Formats the contracts use that JSON Schema does not define: decimal strings are checked by their pattern,
// the OpenAPI numeric formats by their type.
const EXTRA_FORMATS = {
  decimal: /^-?\d*(\.\d*)?$/,
  double: { type: 'number', validate: () => true },
  float: { type: 'number', validate: () => true },
  int32: { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
  int64: { type: 'number', validate: (n) => Number.isInteger(n) },
  binary: true,
  'uri-template': true,
};

function mapSchemas(schema, fn) {
  if (!schema || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => mapSchemas(s, fn));
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'dependentSchemas') {
      out[k] = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, mapSchemas(s, fn)]));
    } else if (['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties'].includes(k)) {
      out[k] = mapSchemas(v, fn);
    } else if (['oneOf', 'anyOf', 'allOf', 'prefixItems'].includes(k)) {
      out[k] = v.map((s) => mapSchemas(s, fn));
    } else out[k] = v;
  }
  return fn(out);
}

// Members marked `flag` become `false` (not accepted) and leave `required`.
const refuse = (flag) => (s) => {
  if (!s.properties) return s;
  const banned = Object.entries(s.properties).filter(([, p]) => p && p[flag] === true).map(([k]) => k);
  if (!banned.length) return s;
  const properties = { ...s.properties };
  for (const k of banned) properties[k] = false;
  const required = (s.required ?? []).filter((r) => !banned.includes(r));
  const { required: _, ...rest } = s;
  return { ...rest, properties, ...(required.length ? { required } : {}) };
};

// A member the schema requires but does not declare (Elastic Path's OrdersAddressData requires `type` and lists
// no `type` property) is declared by that requirement: closing the object must not refuse what it demands.
const closed = (s) => {
  if (!s.properties || 'additionalProperties' in s || 'unevaluatedProperties' in s || 'patternProperties' in s) return s;
  const undeclared = (s.required ?? []).filter((r) => !(r in s.properties));
  const properties = undeclared.length ? { ...s.properties, ...Object.fromEntries(undeclared.map((r) => [r, true])) } : s.properties;
  return { ...s, properties, unevaluatedProperties: false };
};

function operationDefs(facts) {
  const defs = {};
  for (const [id, op] of Object.entries(facts.operations)) {
    if (op.request_body) defs[`__op_${id}_request`] = op.request_body;
    for (const [status, schema] of Object.entries(op.responses)) if (schema) defs[`__op_${id}_${status}`] = schema;
  }
  for (const [name, schema] of Object.entries(facts.webhooks ?? {})) defs[`__webhook_${name}`] = schema;
  return defs;
}

export function describe(deviations) {
  return deviations.map((d) => `  ${d.path || '(root)'}: ${d.message}`).join('\n');
}

function deviationsOf(errors) {
  return (errors ?? []).map((e) => {
    let message = `${e.message}`;
    if (e.keyword === 'false schema') message = 'member not accepted (readOnly in a request body, or writeOnly in a response)';
    else if (e.keyword === 'unevaluatedProperties') message = `member '${e.params.unevaluatedProperty}' is not declared by the contract`;
    else if (e.keyword === 'required') message = `required member '${e.params.missingProperty}' is missing`;
    else if (e.params && Object.keys(e.params).length) message += ` ${JSON.stringify(e.params)}`;
    return { path: e.instancePath, message: `${message} [${e.schemaPath}]` };
  });
}

const cache = new Map();

export function loadContract(name) {
  if (cache.has(name)) return cache.get(name);
  const facts = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  for (const [format, def] of Object.entries(EXTRA_FORMATS)) ajv.addFormat(format, def);
  const defs = { ...facts.$defs, ...operationDefs(facts) };
  const base = `https://order-preflight.test/contracts/${name}`;
  const view = (fn) => Object.fromEntries(Object.entries(defs).map(([k, s]) => [k, mapSchemas(s, fn)]));
  ajv.addSchema({ $id: `${base}/response`, $defs: view(refuse('writeOnly')) });
  ajv.addSchema({ $id: `${base}/request`, $defs: view((s) => closed(refuse('readOnly')(s))) });

  const validators = new Map();
  const run = (view, def, value) => {
    const key = `${view}#${def}`;
    if (!validators.has(key)) {
      const v = ajv.getSchema(`${base}/${view}#/$defs/${def}`);
      if (!v) throw new Error(`${name}: no schema ${def}`);
      validators.set(key, v);
    }
    const validate = validators.get(key);
    return validate(value) ? [] : deviationsOf(validate.errors);
  };

  const operation = (id) => {
    const op = facts.operations[id];
    if (!op) throw new Error(`${name}: the facts have no operation ${id} (scripts/contract-facts.mjs lists the operations)`);
    return op;
  };

  // The operation whose method and path template match a concrete call.
  const match = (method, path) => {
    for (const [id, op] of Object.entries(facts.operations)) if (op.method === method && templateMatch(op, path)) return id;
    return null;
  };

  function templateMatch(op, path) {
    const names = [];
    const source = (facts.base_path + op.path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, n) => {
      names.push(n);
      return '([^/]+)';
    });
    const m = path.match(new RegExp(`^${source}$`));
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
  }

  const contract = {
    name,
    facts,
    validateSchema: (schemaName, value) => {
      if (!facts.$defs[schemaName]) throw new Error(`${name}: no schema ${schemaName}`);
      return run('response', schemaName, value);
    },
    validateResponse: (id, status, value) => {
      const op = operation(id);
      if (!(String(status) in op.responses)) return [{ path: '', message: `${id} has no response ${status}` }];
      if (!op.responses[status]) return value === undefined || value === null ? [] : [{ path: '', message: `${id} ${status} has no body` }];
      return run('response', `__op_${id}_${status}`, value);
    },
    validateBody: (id, body) => {
      const op = operation(id);
      if (!op.request_body) return body === undefined ? [] : [{ path: '', message: `${id} takes no request body` }];
      if (body === undefined) return op.request_body_required ? [{ path: '', message: `${id} requires a request body` }] : [];
      return run('request', `__op_${id}_request`, body);
    },
    // {method, path, operation?, headers?, body?}: the operation (named, or found by method and path), the
    // path against its template (a literal `{name}` stands for a value the order did not have), the required
    // headers (names case-insensitive, values from the contract's enum) and the body.
    validateCall: (call) => {
      const out = [];
      const id = call.operation ?? match(call.method, call.path);
      if (!id) return [{ path: '', message: `no operation of the contract is ${call.method} ${call.path}` }];
      if (!facts.operations[id]) return [{ path: '/operation', message: `'${id}' is not an operation id of the contract` }];
      const op = facts.operations[id];
      if (call.method !== op.method) out.push({ path: '/method', message: `${call.method}, but ${id} is ${op.method}` });
      const params = templateMatch(op, call.path ?? '');
      if (!params) out.push({ path: '/path', message: `'${call.path}' does not match ${id}'s path ${facts.base_path}${op.path}` });
      else {
        for (const [param, value] of Object.entries(params)) {
          const schema = op.path_params[param];
          if (!schema || value === `{${param}}`) continue;
          const typed = schema.type === 'integer' ? (/^-?\d+$/.test(value) ? Number(value) : value) : value;
          const errs = ajv.validate(schema, typed) ? [] : ajv.errors;
          for (const e of errs) out.push({ path: `/path {${param}}`, message: `'${value}' ${e.message}` });
        }
      }
      const headers = Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      for (const h of op.required_headers) {
        const value = headers[h.toLowerCase()];
        if (value === undefined) out.push({ path: '/headers', message: `required header ${h} is missing` });
        else if (op.header_values?.[h] && !op.header_values[h].includes(value)) out.push({ path: `/headers/${h}`, message: `'${value}' is not one of ${op.header_values[h].join(', ')}` });
      }
      for (const d of contract.validateBody(id, call.body)) out.push({ path: `/body${d.path}`, message: d.message });
      return out;
    },
  };
  cache.set(name, contract);
  return contract;
}

// What every contract test needs around the facts: the corpus folder, optional files, and one assertion that
// prints the deviations.
export const fixturesDir = new URL('../../fixtures/', import.meta.url).pathname;
export const readText = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
export const parseOrUndefined = (text) => {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};
export const fixtureDirs = (p) => (existsSync(p) ? readdirSync(p).filter((d) => statSync(join(p, d)).isDirectory()).sort() : []);
export const conforms = (deviations, what) =>
  assert.ok(deviations.length === 0, `${what} deviates from the contract:\n${describe(deviations)}`);
