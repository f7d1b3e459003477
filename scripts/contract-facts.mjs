// Extracts the facts the engine speaks from the platforms' published API contracts into small JSON files
// under tests/contracts/, which tests/js/contract-*.test.mjs validate the golden corpus against (STYLE 16).
//
//   node scripts/contract-facts.mjs        (npm run contracts)
//
// Reads the contracts from ../shared/contracts/ beside the repository (CI checks shared/ out next to the
// clone); the tests read only the committed output. The output is deterministic: sorted keys, 2-space indent,
// so running the script again gives byte-identical files.
//
// Each file holds
//   base_path:  the path of the contract's first server URL; operation paths are relative to it
//   source:     the contract files and their info.version
//   operations: {operationId: {method, path, required_headers, request_body, responses: {status: schema}}}
//   schemas:    {Name: {$ref: "#/$defs/Name"}} for the entity/response schemas the engine reads or writes
//   webhooks:   {event: payload schema} where the contract publishes them
//   missing:    operations the engine plans that the contract does not publish (so nobody looks for them)
//   $defs:      every component schema reached from the above, reduced to validation facts
// Schemas are JSON Schema draft 2020-12 with only the validation keywords kept (no descriptions, examples,
// titles or x- extensions); OpenAPI 3.0 `nullable` becomes a type union; `#/components/schemas/X` becomes
// `#/$defs/X`; readOnly/writeOnly stay so a test can refuse readOnly members in a request body.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parse as parseYaml } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const contracts = join(root, '..', 'shared', 'contracts');

// ---------------------------------------------------------------------------------------------------------
// What each platform's engine speaks. Operation ids are the contract's own; `missing` lists calls the engine
// (or its research) names that the contract does not publish.
const platforms = [
  {
    out: 'tests/contracts/29next-2024-04-01.json',
    files: ['29next-admin-2024-04-01.yaml'],
    operations: [
      'ordersRetrieve',
      'ordersRefundCalculateCreate',
      'ordersRefundCreate',
      'ordersPartialUpdate',
      'ordersLinesCreate',
      'ordersLinesPartialUpdate',
      'ordersLinesDestroy',
      'ordersCollectPaymentCreate',
      'ordersCancelCreate',
      'ordersNotesCreate',
      'cancellationRequestSend',
      'fulfillmentRequestSend',
    ],
    schemas: ['Order', 'OrderLine', 'CalculateRefundResponse', 'CalculateRefundRequest', 'RefundOrder', 'Refund', 'TransactionObject'],
    webhooks: ['order.created', 'order.updated'],
    missing: {},
  },
  {
    out: 'tests/contracts/shopware-6.json',
    files: ['shopware-adminapi.json', 'shopware-commercial-adminapi.json'],
    operations: [
      'getOrder',
      'updateOrder',
      'orderStateTransition',
      'orderDeliveryStateTransition',
      'orderTransactionStateTransition',
      'getEntityState',
      'transitionEntityState',
      'updateOrderLineItem',
      'deleteOrderLineItem',
      'createOrderLineItem',
      'createOrderTransactionCapture',
      'createOrderTransactionCaptureRefund',
      'createOrderTransactionCaptureRefundPosition',
      'orderTransactionCaptureRefund',
      'getOrderReturn',
      'createOrderReturn',
      'updateOrderReturn',
      'createOrderReturnLineItem',
      'updateOrderReturnLineItem',
      'deleteOrderReturnLineItem',
    ],
    schemas: [
      'Order',
      'OrderLineItem',
      'OrderDelivery',
      'OrderDeliveryPosition',
      'OrderTransaction',
      'OrderTransactionCapture',
      'OrderTransactionCaptureRefund',
      'OrderTransactionCaptureRefundPosition',
      'OrderReturn',
      'OrderReturnLineItem',
      'Price',
    ],
    webhooks: [],
    // Named by research/shopware.md §§1.1, 3.2 (order versioning and the Return Management action routes);
    // neither contract file has a path for them.
    missing: {
      'POST /api/_action/version/order/{orderId}': 'createVersion',
      'POST /api/_action/order/{orderId}/recalculate': 'recalculateOrder',
      'POST /api/_action/order/{orderId}/product/{productId}': 'addProductToOrder',
      'POST /api/_action/order/{orderId}/lineItem': 'addCustomLineItemToOrder',
      'POST /api/_action/version/merge/order/{versionId}': 'mergeVersion',
      'POST /api/_proxy/order/{orderId}/return': 'create return (Return Management)',
      'POST /api/_action/order/{orderId}/order-return/{orderReturnId}/add-items': 'add return items (Return Management)',
      'POST /api/_action/order/return/{orderReturnId}/calculate': 'calculate return (Return Management)',
    },
  },
  {
    out: 'tests/contracts/elasticpath.json',
    files: ['elasticpath-cart-checkout.yaml'],
    operations: [
      'getAnOrder',
      'updateAnOrder',
      'getOrderItems',
      'getOrderTransactions',
      'getATransaction',
      'captureATransaction',
      'refundATransaction',
      'cancelATransaction',
    ],
    schemas: ['OrderResponse', 'OrderEntityResponse', 'OrderItemResponse', 'OrderItemCollectionResponse', 'TransactionResponse', 'TransactionListResponse', 'OrdersUpdateRequest'],
    webhooks: [],
    missing: {},
  },
];

// ---------------------------------------------------------------------------------------------------------
// Schema reduction.
const KEEP = new Set([
  'type', 'enum', 'const', 'pattern', 'format', 'maxLength', 'minLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'maxItems', 'minItems', 'uniqueItems',
  'maxProperties', 'minProperties', 'required', 'readOnly', 'writeOnly', 'dependentRequired',
]);
const SUBSCHEMA = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems']);
const SUBSCHEMA_LIST = new Set(['oneOf', 'anyOf', 'allOf', 'prefixItems']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);

class Reducer {
  constructor(docs) {
    this.docs = docs; // [{name, doc}] in precedence order for components
    this.defs = new Map(); // name -> reduced schema
    this.pending = [];
  }

  // Where a component lives: the first document that defines it (core before commercial for Shopware).
  component(kind, name) {
    for (const { doc } of this.docs) {
      const found = doc.components?.[kind]?.[name];
      if (found !== undefined) return found;
    }
    throw new Error(`no components.${kind}.${name} in ${this.docs.map((d) => d.name).join(', ')}`);
  }

  // Every definition of a schema, for merging the core and commercial variants.
  variants(name) {
    return this.docs.map(({ doc }) => doc.components?.schemas?.[name]).filter((s) => s !== undefined);
  }

  // 29next's contract refers once to '#/components/schemas/Product ' (trailing space) for the schema
  // defined as 'Product'; an exact name wins, otherwise the trimmed one.
  schemaName(name) {
    if (this.variants(name).length) return name;
    if (this.variants(name.trim()).length) return name.trim();
    throw new Error(`no components.schemas.${JSON.stringify(name)} in ${this.docs.map((d) => d.name).join(', ')}`);
  }

  deref(node) {
    while (node && typeof node === 'object' && typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/')) {
      const m = node.$ref.match(/^#\/components\/(\w+)\/(.+)$/);
      if (!m) throw new Error(`unsupported $ref ${node.$ref}`);
      node = this.component(m[1], decodeURIComponent(m[2]).replace(/~1/g, '/').replace(/~0/g, '~'));
    }
    return node;
  }

  ref(name) {
    if (!this.defs.has(name)) {
      this.defs.set(name, null); // placeholder: breaks cycles
      this.pending.push(name);
    }
    return { $ref: `#/$defs/${name}` };
  }

  drain() {
    while (this.pending.length) {
      const name = this.pending.shift();
      const variants = this.variants(name).map((s) => this.schema(s));
      this.defs.set(name, mergeVariants(variants, name));
    }
  }

  schema(s) {
    if (s === true || s === false) return s;
    if (!s || typeof s !== 'object' || Array.isArray(s)) throw new Error(`not a schema: ${JSON.stringify(s)?.slice(0, 80)}`);
    const out = {};
    if (typeof s.$ref === 'string') {
      const m = s.$ref.match(/^#\/components\/schemas\/(.+)$/);
      if (!m) return this.schema(this.deref(s));
      Object.assign(out, this.ref(this.schemaName(decodeURIComponent(m[1]))));
    }
    for (const [k, v] of Object.entries(s)) {
      if (KEEP.has(k)) out[k] = structuredClone(v);
      else if (SUBSCHEMA.has(k)) out[k] = typeof v === 'boolean' ? v : this.schema(v);
      else if (SUBSCHEMA_LIST.has(k)) out[k] = v.map((x) => this.schema(x));
      else if (SUBSCHEMA_MAP.has(k)) out[k] = Object.fromEntries(Object.entries(v).map(([p, x]) => [p, this.schema(x)]));
    }
    if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
    if (s.nullable === true) return nullable(out);
    return out;
  }
}

// OpenAPI 3.0 `nullable: true` → the 2020-12 form.
function nullable(out) {
  if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return out.type.includes('null') ? out : { ...out, type: [...out.type, 'null'] };
  const { readOnly, writeOnly, ...rest } = out;
  return { anyOf: [rest, { type: 'null' }], ...(readOnly ? { readOnly } : {}), ...(writeOnly ? { writeOnly } : {}) };
}

// Shopware publishes the same entity in the core and the commercial file, and each file carries some
// entities as bare description overlays (the core file has OrderReturn's members as descriptions only; the
// commercial file adds extensions.returns to Order). After reduction an overlay member is `{}`, so the merge
// is deep: members are united, a keyword present on one side is taken, and where both sides state the
// same keyword differently the first file (core) wins and the conflict is listed on stderr.
function mergeVariants(variants, name) {
  let merged = variants[0];
  for (const v of variants.slice(1)) merged = mergeTwo(merged, v, name);
  return merged;
}

const conflicts = [];
function mergeTwo(a, b, at) {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a;
  if (JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))) return a;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (!(k in out)) out[k] = v;
    else if (SUBSCHEMA_MAP.has(k)) {
      const map = { ...out[k] };
      for (const [p, x] of Object.entries(v)) map[p] = p in map ? mergeTwo(map[p], x, `${at}.${p}`) : x;
      out[k] = map;
    } else if (SUBSCHEMA.has(k)) out[k] = mergeTwo(out[k], v, `${at}/${k}`);
    else if (k === 'required') out[k] = [...out[k], ...v.filter((r) => !out[k].includes(r))];
    else if (JSON.stringify(out[k]) !== JSON.stringify(v)) conflicts.push(`${at}: ${k} ${JSON.stringify(out[k])} vs ${JSON.stringify(v)}`);
  }
  return out;
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Operations.
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const MEDIA = ['application/json', 'application/vnd.api+json'];

function jsonSchemaOf(reducer, content) {
  if (!content) return null;
  for (const media of MEDIA) if (content[media]?.schema) return reducer.schema(content[media].schema);
  return null;
}

function findOperation(docs, id) {
  for (const { doc } of docs) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        if (item[method]?.operationId === id) return { path, method, item, op: item[method], doc };
      }
    }
  }
  return null;
}

function operationFacts(reducer, docs, id) {
  const found = findOperation(docs, id);
  if (!found) throw new Error(`operation ${id} not in ${docs.map((d) => d.name).join(', ')}`);
  const { path, method, item, op } = found;
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => reducer.deref(p));
  const required_headers = params.filter((p) => p.in === 'header' && p.required).map((p) => p.name).sort();
  const header_values = {};
  for (const p of params.filter((x) => x.in === 'header' && x.required)) {
    if (Array.isArray(p.schema?.enum)) header_values[p.name] = p.schema.enum;
  }
  const path_params = {};
  for (const p of params.filter((x) => x.in === 'path')) path_params[p.name] = reducer.schema(p.schema ?? {});
  const body = op.requestBody ? reducer.deref(op.requestBody) : null;
  const responses = {};
  for (const [status, r] of Object.entries(op.responses ?? {})) responses[status] = jsonSchemaOf(reducer, reducer.deref(r).content);
  return {
    method: method.toUpperCase(),
    path,
    path_params,
    required_headers,
    ...(Object.keys(header_values).length ? { header_values } : {}),
    request_body: body ? jsonSchemaOf(reducer, body.content) : null,
    request_body_required: Boolean(body?.required),
    responses,
  };
}

function webhookFacts(reducer, docs, name) {
  for (const { doc } of docs) {
    const hook = doc.webhooks?.[name];
    if (hook) return jsonSchemaOf(reducer, reducer.deref(hook.post.requestBody).content);
  }
  throw new Error(`webhook ${name} not in the contract`);
}

// ---------------------------------------------------------------------------------------------------------
function load(file) {
  const text = readFileSync(join(contracts, file), 'utf8');
  return { name: file, doc: file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 }) };
}

function facts(platform) {
  const docs = platform.files.map(load);
  const reducer = new Reducer(docs);
  const operations = {};
  for (const id of platform.operations) operations[id] = operationFacts(reducer, docs, id);
  const schemas = {};
  for (const name of platform.schemas) schemas[name] = reducer.ref(name);
  const webhooks = {};
  for (const name of platform.webhooks) webhooks[name] = webhookFacts(reducer, docs, name);
  reducer.drain();
  // The servers' URL path, which every operation path is relative to ('/api/admin' for 29next).
  const server = docs[0].doc.servers?.[0]?.url ?? '';
  const base_path = server.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\/$/, '');
  return {
    base_path,
    source: docs.map(({ name, doc }) => ({ file: name, openapi: doc.openapi, version: String(doc.info?.version ?? '') })),
    operations,
    schemas,
    ...(platform.webhooks.length ? { webhooks } : {}),
    ...(Object.keys(platform.missing).length ? { missing: platform.missing } : {}),
    $defs: Object.fromEntries(reducer.defs),
  };
}

for (const platform of platforms) {
  const out = join(root, platform.out);
  mkdirSync(dirname(out), { recursive: true });
  const text = `${JSON.stringify(sortKeys(facts(platform)), null, 2)}\n`;
  writeFileSync(out, text);
  process.stdout.write(`${platform.out}: ${(text.length / 1024).toFixed(0)} KB\n`);
}
for (const c of conflicts) process.stderr.write(`core and commercial differ, core kept: ${c}\n`);
