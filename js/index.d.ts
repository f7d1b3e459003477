// Types for order-preflight, written by hand. IssueCode lists exactly what engine.codes() returns.
// Results and requests are discriminated per platform: a result of an operation on an order carries
// `platform`, and an envelope is discriminated on `ok`.

declare global {
  // Symbol.dispose (TypeScript lib "esnext.disposable"), declared here too so that these types also compile
  // with older libs. At run time the session has [Symbol.dispose] wherever the runtime defines Symbol.dispose.
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

/** Every issue code the engine can report (docs/api.md "Issue codes"). */
export type IssueCode =
    'ORDER_NOT_FOUND'
  | 'ORDER_ALREADY_CANCELLED'
  | 'ORDER_ALREADY_CLOSED'
  | 'INVALID_STATUS_TRANSITION'
  | 'LINE_ITEM_NOT_FOUND'
  | 'INVALID_QUANTITY'
  | 'INSUFFICIENT_INVENTORY'
  | 'FULFILLMENT_NOT_FOUND'
  | 'REFUND_EXCEEDS_TOTAL'
  | 'PAYMENT_REQUIRED'
  | 'INVALID_JSON'
  | 'INVALID_UTF8'
  | 'INPUT_TOO_LARGE'
  | 'NESTING_TOO_DEEP'
  | 'LIMIT_EXCEEDED'
  | 'WRONG_TYPE'
  | 'MISSING_FIELD'
  | 'INVALID_VALUE'
  | 'UNKNOWN_FIELD'
  | 'INVALID_OPTION'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'UNKNOWN_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'INVALID_RATE'
  | 'INCONSISTENT_QUANTITIES'
  | 'INCONSISTENT_TOTALS'
  | 'PAYMENT_NOT_CAPTURED'
  | 'INVALID_RESTOCK_TYPE'
  | 'DUPLICATE_REFUND_LINE'
  | 'SHIPPING_REFUND_EXCEEDS_REMAINING'
  | 'REFUND_MISMATCH'
  | 'TRANSACTION_NOT_FOUND'
  | 'NOTHING_TO_REFUND'
  | 'UNKNOWN_EDIT_OP'
  | 'LINE_NOT_EDITABLE'
  | 'QUANTITY_BELOW_FULFILLED'
  | 'PRICE_CHANGE_NOT_ALLOWED'
  | 'PRICE_REQUIRED'
  | 'TAX_RATE_REQUIRED'
  | 'INVALID_ADDRESS'
  | 'ADDRESS_LOCKED_BY_FULFILLMENT'
  | 'FIELD_TOO_LONG'
  | 'ORDER_FULFILLED'
  | 'OFFERS_NOT_REEVALUATED'
  | 'CANCEL_KEEPS_PAYMENT'
  | 'UNKNOWN_PRESET'
  | 'UNKNOWN_MACHINE'
  | 'UNKNOWN_STATE'
  | 'UNKNOWN_ACTION'
  | 'GUARD_FAILED'
  | 'INVALID_DEFINITION'
  | 'UNREACHABLE_STATE'
  | 'SESSION_CLOSED'
  | 'INTERNAL_ERROR'
  | 'FIELD_NOT_WRITABLE'
  | 'ORDER_NOT_REFUNDABLE'
  | 'REFUND_RECORDED_ONLY'
  | 'AUTHORIZATION_EXPIRED'
  | 'REFUNDED_ITEMS_UNKNOWN'
  | 'ORDER_ANONYMIZED'
  | 'OPERATION_NOT_SUPPORTED'
  | 'RETURN_NOT_FOUND'
  | 'LINE_NOT_RETURNABLE'
  | 'RECALCULATED_BY_SERVER'
  ;

/** One problem, with the JSON path into the input that caused it (e.g. "refund_lines[1].line_id"). */
export interface Issue {
  code: IssueCode;
  message: string;
  path: string;
}

/** An envelope without errors: `result` is always present. */
export interface EnvelopeOk<R> {
  ok: true;
  /** Empty. */
  errors: Issue[];
  warnings: Issue[];
  result: R;
}

/** An envelope with at least one error: `result` is null when the input could not be understood at all. */
export interface EnvelopeFailed<R> {
  ok: false;
  errors: Issue[];
  warnings: Issue[];
  result: R | null;
}

/**
 * What every operation returns, discriminated on `ok`.
 * @example if (env.ok) console.log(env.result); else env.errors.forEach((e) => console.log(e.code, e.path));
 */
export type Envelope<R> = EnvelopeOk<R> | EnvelopeFailed<R>;

/** Exact decimal amount with the currency's digits, e.g. "3.99", "1200", "0.500". */
export type Amount = string;
/** Ids come back with the JSON type they came in. */
export type Id = string | number;
/** Anything JSON: a plain object (or array) or its JSON text. */
export type JsonInput<T = Record<string, unknown>> = T | string;

/**
 * The platform whose rules produced a result. Shopware and Elastic Path results get their own types as their
 * platform modules land; `RefundCalculations` and the other maps below are interfaces so that they can grow.
 */
export type Platform = '29next' | 'v1' | 'shopware' | 'elasticpath';

/** The order shapes `options.dialect` selects (detected from the order when omitted). */
export type Dialect = '29next' | 'v1' | 'elasticpath' | 'shopware';

export interface Footer<P extends Platform = Platform> {
  /** The platform whose rules produced this result. */
  platform: P;
  /** Stable hash of the order facts used; changes when the server's order changes. */
  order_fingerprint: string;
  engine_version: string;
}

export type Rounding = 'half_up' | 'half_even';
export type Proration = 'half_up' | 'floor';
export type TaxGranularity = 'line' | 'unit';
export type InclusiveSplit = 'tax_first' | 'net_first';
export type RefundAllocation = 'oldest_first' | 'newest_first' | 'largest_first';

export interface Profile {
  rounding?: Rounding;
  proration?: Proration;
  tax_granularity?: TaxGranularity;
  inclusive_split?: InclusiveSplit;
  refund_allocation?: RefundAllocation;
  /** Overrides of ISO 4217 minor-unit exponents, e.g. { ZWL: 2 }. */
  currency_exponents?: Record<string, number>;
  /** Tax rate for added lines without one in the edit or the catalog, e.g. "0.19". */
  default_tax_rate?: string | number;
  /** Taxes of a total: per line then summed per rate (horizontal), or per rate on the sums (vertical). Shopware orders. */
  tax_calculation?: 'horizontal' | 'vertical';
}

/** Options that shape how the order is read. In a session they are fixed when the order is opened. */
export interface Options {
  dialect?: Dialect;
  tax_inclusive?: boolean;
  profile?: Profile;
  limits?: { max_bytes?: number; max_depth?: number; max_lines?: number };
}

/** Per-call options of previewEdit (also accepted by a session's previewEdit). */
export interface EditCallOptions {
  /** Platform rules: defaults to the order's dialect; "elasticpath" applies Elastic Path's update-order limits. */
  preset?: '29next' | 'v1' | 'elasticpath';
  /** Prices (and optionally tax rates and titles) for added lines, keyed by product id. */
  catalog?: Record<string, { price: string | number; tax_rate?: string | number; title?: string }>;
  /** Body of the planned collect-payment call (29next). */
  send_payment_notification?: boolean;
  /** false: leave `order` (the whole order after the edits) out of the result — for previews on every keystroke.
   * Shopware orders have no echo either way (the server recomputes the whole order version). */
  include_order?: boolean;
}

export interface EditOptions extends Options, EditCallOptions {}

/** Per-call options of previewCancel (also accepted by a session's previewCancel). */
export interface CancelCallOptions {
  preset?: '29next' | 'v1' | 'elasticpath';
}

export interface CancelOptions extends Options, CancelCallOptions {}

/** Per-call options of deriveStatuses: the status vocabulary. */
export interface StatusOptions {
  preset?: 'v1' | '29next' | 'elasticpath';
}

/**
 * An order as the admin UI already has it from the platform's API: a 29next order (Admin API `ordersRetrieve`),
 * a v1 order (`line_items`, `financial_status`) or an Elastic Path order (`OrderElasticPath`).
 */
export type Order = Record<string, unknown>;

/** An Elastic Path amount: `{ amount, currency, formatted }` with `amount` in integer minor units (cents). */
export interface ElasticPathPrice { amount: number; currency: string; formatted?: string }

/**
 * An Elastic Path order as `GET /v2/orders/{id}?include=items` returns it (contract `getAnOrder`), with the body of
 * `GET /v2/orders/{id}/transactions` (`getOrderTransactions`) added as `transactions`, so that one document holds
 * every fact the preview and its fingerprint use. Every amount is an integer of minor units.
 */
export interface OrderElasticPath {
  data: {
    type: 'order'; id: string; status: 'incomplete' | 'processing' | 'complete' | 'cancelled';
    payment: 'unpaid' | 'authorized' | 'paid' | 'refunded' | 'partially_paid' | 'partially_authorized';
    shipping: 'unfulfilled' | 'fulfilled'; anonymized?: boolean; order_number?: string; external_ref?: string;
    meta: { display_price: { with_tax: ElasticPathPrice } & Partial<Record<
      'without_tax' | 'tax' | 'discount' | 'without_discount' | 'balance_owing' | 'paid' | 'authorized' | 'shipping', ElasticPathPrice>> };
    relationships?: { items?: { data: Array<{ type: string; id: string }> } };
    [member: string]: unknown;
  };
  included: {
    items: Array<{
      type: 'order_item' | 'promotion_item' | 'custom_item'; id: string; quantity: number; product_id?: string; name?: string; sku?: string;
      unit_price?: { amount: number; currency: string; includes_tax: boolean };
      meta: { display_price: Record<'with_tax' | 'without_tax' | 'tax' | 'discount', { unit?: ElasticPathPrice; value: ElasticPathPrice }> };
      [member: string]: unknown;
    }>;
  };
  transactions?: {
    data: Array<{
      id: string; transaction_type?: 'purchase' | 'authorize' | 'capture' | 'refund' | 'purchase-setup' | 'authorize-setup';
      'transaction-type'?: string; status: 'complete' | 'pending' | 'failed' | 'cancelled'; amount: number;
      refunded_amount?: number; currency?: string; gateway?: string; capture_mechanism?: 'manual';
      payment_details?: { detailed_status?: string }; [member: string]: unknown;
    }>;
  };
}

export interface LoadOptions {
  /** A compiled module (Cloudflare Workers: import it from 'order-preflight/order_preflight.wasm'). */
  wasmModule?: WebAssembly.Module;
  /** The .wasm bytes. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch the .wasm (browsers) or read it (file: URLs). */
  wasmUrl?: string | URL;
}

// ---- inspectOrder ----

export interface InspectedLine {
  line_id: Id;
  product_id: Id | null;
  title: string;
  kind: 'physical' | 'digital';
  quantity: number;
  current_quantity: number;
  fulfilled_quantity: number;
  fulfillable_quantity: number;
  editable_quantity: number;
  refunded_quantity: number;
  refundable_quantity: number;
  amount_excl_tax: Amount;
  total_tax: Amount;
  amount_incl_tax: Amount;
  discount: Amount;
  tax_rate: string | null;
  refunded_amount_excl_tax: Amount;
  /** Facts the engine derived instead of reading (docs/rules.md, "Reading an order"). */
  derived: string[];
}

export interface Totals {
  lines_excl_tax: Amount;
  lines_tax: Amount;
  lines_incl_tax: Amount;
  shipping_excl_tax: Amount;
  shipping_tax: Amount;
  total_excl_tax: Amount;
  total_tax: Amount;
  total_incl_tax: Amount;
}

export interface Inspection extends Footer {
  dialect: Dialect;
  currency: string;
  currency_exponent: number;
  tax_inclusive: boolean;
  profile: Required<Omit<Profile, 'default_tax_rate'>> & { default_tax_rate: string | null };
  statuses: Record<string, string>;
  lines: InspectedLine[];
  shipping: { amount_excl_tax: Amount; total_tax: Amount; amount_incl_tax: Amount; refunded_excl_tax: Amount; refundable_amount: Amount };
  transactions: Array<{
    id: Id;
    type: 'sale' | 'authorization' | 'capture' | 'refund' | 'void';
    status: 'succeeded' | 'pending' | 'failed';
    amount: Amount;
    parent_id: Id | null;
    captured?: Amount;
    voided?: boolean;
    refunded: Amount;
    refundable_amount: Amount;
  }>;
  payments: { authorized_uncaptured: Amount; captured: Amount; refunded: Amount; paid: Amount; refundable: Amount };
  totals: Totals & { discounts: Amount };
}

// ---- refunds ----

export type RestockType = 'cancel' | 'return' | 'no_restock';

/** A 29next refund request: the body of the Admin API's `ordersRefundCalculateCreate`. */
export interface RefundRequest29next {
  refund_lines?: Array<{ line_id: Id; quantity: number; restock_type?: RestockType }>;
  refund_shipping?: { full_refund?: boolean; amount_excl_tax?: string | number };
}

/** A v1 refund request (v1 Orders API reference, "Refunds" › "Calculate Refund"). */
export interface RefundRequestV1 {
  refund_line_items?: Array<{ line_item_id: Id; quantity: number; restock?: boolean }>;
  /** "full", { full_refund: true } or an amount excluding tax. */
  shipping?: 'full' | { full_refund?: boolean; amount?: string | number };
}

/**
 * An Elastic Path refund request: items (their share of the final amounts, prorated cumulatively) or an amount
 * ("12.34", money in the currency's units), optionally against one transaction.
 */
export type RefundRequestElasticPath =
  | { items: Array<{ item_id: string; quantity: number }>; transaction_id?: string }
  | { amount: string; transaction_id?: string };

/** Refund requests by platform. */
export interface RefundRequests {
  '29next': RefundRequest29next;
  v1: RefundRequestV1;
  elasticpath: RefundRequestElasticPath;
}

/** The platforms whose orders can be refunded by this version. */
export type RefundPlatform = keyof RefundRequests & Platform;

export type RefundRequest = RefundRequests[RefundPlatform];

/** The 29next `ordersRefundCalculateCreate` response (schema `CalculateRefundResponse`). */
export interface RefundCalculation29next extends Footer<'29next'> {
  refund_lines: Array<{
    line_id: Id; quantity: number; restock_type: RestockType; refundable_quantity: number;
    amount_excl_tax: Amount; amount_incl_tax: Amount; total_tax: Amount;
  }>;
  refund_shipping: { amount_incl_tax: Amount; amount_excl_tax: Amount; total_tax: Amount; refundable_amount: Amount };
  transactions: Array<{ id: Id; amount: Amount; refundable_amount: Amount }>;
  amount_excl_tax: Amount;
  amount_incl_tax: Amount;
  total_tax: Amount;
  currency: string;
}

/** The same facts in v1 naming (docs/api.md). */
export interface RefundCalculationV1 extends Footer<'v1'> {
  refund_line_items: Array<{
    line_item_id: Id; quantity: number; restock: boolean; restock_type: RestockType; refundable_quantity: number;
    subtotal: Amount; total_tax: Amount; amount: Amount;
  }>;
  shipping: { amount: Amount; tax: Amount; amount_incl_tax: Amount; maximum_refundable: Amount };
  transactions: Array<{ parent_id: Id; amount: Amount; kind: 'refund'; maximum_refundable: Amount }>;
  subtotal: Amount;
  total_tax: Amount;
  amount: Amount;
  currency: string;
}

/** The body of Elastic Path's `refundATransaction`: the amount in integer minor units. */
export interface RefundCreateRequestElasticPath { data: { amount?: number; options?: { note?: string } } }

/** An Elastic Path refund: the amounts as money and, in `requests`, the exact calls with integer bodies. */
export interface RefundCalculationElasticPath extends Footer<'elasticpath'> {
  currency: string;
  amount: Amount;
  /** null for an amount-only refund: Elastic Path refunds carry no tax split. */
  amount_excl_tax: Amount | null;
  total_tax: Amount | null;
  items: Array<{ item_id: string; quantity: number; amount: Amount; amount_excl_tax: Amount; total_tax: Amount }>;
  transactions: Array<{ id: string; amount: Amount; refundable_amount: Amount; gateway: string }>;
  /** One `POST /v2/orders/{id}/transactions/{tx}/refund` (refundATransaction) per transaction. */
  requests: Array<PlannedCall & { method: 'POST'; operation: 'refundATransaction'; body: RefundCreateRequestElasticPath }>;
}

/** Refund calculations by platform. */
export interface RefundCalculations {
  '29next': RefundCalculation29next;
  v1: RefundCalculationV1;
  elasticpath: RefundCalculationElasticPath;
}

/** Discriminated by `platform`: `if (calc.platform === '29next') calc.amount_incl_tax`. */
export type RefundCalculation = RefundCalculations[RefundPlatform];

/** A 29next `ordersRefundCreate` body. */
export interface RefundCreateRequest29next extends RefundRequest29next {
  note?: string;
  send_refund_notification?: boolean;
  transactions: Array<{ id: Id; amount: string | number }>;
}

/** A v1 create-refund body (v1 Orders API reference, "Refunds" › "Create Refund"). */
export interface RefundCreateRequestV1 extends RefundRequestV1 {
  note?: string;
  notify_customer?: boolean;
  transactions: Array<{ parent_id: Id; amount: string | number; kind?: 'refund' }>;
}

/**
 * What `toRefundCreateRequest` gives for an Elastic Path calculation: the amount per transaction (integer minor
 * units) and the exact refundATransaction calls, with `note` in each body's `options`.
 */
export interface RefundCreateCallsElasticPath {
  transactions: Array<{ id: string; amount: number }>;
  requests: Array<PlannedCall & { method: 'POST'; operation: 'refundATransaction'; body: RefundCreateRequestElasticPath }>;
}

/** Refund create bodies by platform. */
export interface RefundCreateRequests {
  '29next': RefundCreateRequest29next;
  v1: RefundCreateRequestV1;
  elasticpath: RefundCreateCallsElasticPath;
}

export type RefundCreateRequest = RefundCreateRequests[RefundPlatform];

/** The create body matching a calculation (distributes over a union of calculations). */
export type RefundCreateRequestFor<C> = C extends { platform: infer P extends RefundPlatform } ? RefundCreateRequests[P] : never;

/** Options whose `dialect`, when given, chooses the request and result types. */
export type DialectOptions<D extends Dialect> = Omit<Options, 'dialect'> & { dialect?: D };

export interface RefundCompare {
  differences: Array<{ path: string; preview: unknown; server: unknown }>;
  equal: boolean;
  difference_count: number;
  engine_version: string;
}

// ---- edits ----

export type Edit =
  | { op: 'update_line'; line_id: Id; quantity: number; price?: string | number; reason?: string }
  | { op: 'remove_line'; line_id: Id }
  | {
      /** Shopware: product_id is the 32-hex product id, price the unit price as the order states prices (gross or
       * net) and tax_rate a fraction ("0.07"); the server itself prices the product from the catalogue. */
      op: 'add_line'; product_id: Id; quantity: number; price?: string | number; title?: string;
      tax_rate?: string | number; requires_shipping?: boolean; reason?: string;
    }
  | { op: 'update_shipping_address'; shipping_address: Record<string, string> }
  | {
      /** Elastic Path takes order_number, external_ref, status and shipping only. */
      op: 'update_order'; email?: string; note?: string; tags?: string[]; order_number?: string; external_ref?: string;
      /** Elastic Path only: may only become "cancelled". */ status?: 'cancelled' | string;
      /** Elastic Path only: may only become "fulfilled", and only when paid. */ shipping?: 'fulfilled' | string;
    };

export interface PlannedCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The contract's operation id; null for routes the platform's published contract does not list. */
  operation: string | null;
  headers: Record<string, string>;
  body?: unknown;
}

export interface EditPreview extends Footer {
  /** The order after the edits, in its own dialect; added lines carry preview: true (absent with include_order: false,
   * and always absent for Shopware orders, whose server recalculates the order version itself). */
  order?: Order;
  lines: Array<{
    line_id: Id; status: 'unchanged' | 'changed' | 'removed' | 'added'; preview: boolean;
    quantity_before: number; quantity_after: number; amount_excl_tax: Amount; total_tax: Amount; amount_incl_tax: Amount;
  }>;
  totals_before: Totals;
  totals_after: Totals;
  delta: Omit<Totals, 'shipping_excl_tax' | 'shipping_tax'>;
  /** Captured − refunded. */
  paid: Amount;
  balance_before: Amount;
  /** > 0: the customer owes (the plan ends with collect-payment); < 0: the merchant owes. */
  balance: Amount;
  balance_due_by: 'customer' | 'merchant' | 'none';
  /** When the merchant owes: the amount per transaction, and a calculateRefund request when removals explain it. */
  refund: { amount: Amount; transactions: Array<{ id: Id; amount: Amount }>; request: RefundRequest | null } | null;
  /** The server calls in order. Shopware: create a version, the line-item calls with `sw-version-id: {versionId}`,
   * recalculate, merge — `{versionId}` is the version creation's `versionId`. */
  plan: PlannedCall[];
}

// ---- cancel ----

export interface CancelRequest {
  cancel_reason?: string;
  full_refund?: boolean;
  send_cancel_notification?: boolean;
  reason?: 'customer_request' | 'fraudulent' | 'inventory' | 'other';
  restock?: boolean;
  notify_customer?: boolean;
}

export interface CancelPreview extends Footer {
  statuses_after: Record<string, string>;
  refund: { amount: Amount; transactions: Array<{ id: Id; amount: Amount; refundable_amount: Amount }> };
  voids: Array<{ id: Id; amount: Amount }>;
  restocked: Array<{ line_id: Id; quantity: number }>;
  not_restocked: Array<{ line_id: Id; quantity: number }>;
  request: PlannedCall;
  /** Elastic Path: what cancelling leaves captured and authorised (it never refunds or voids). */
  keeps?: { captured: Amount; authorized: Amount };
  /** Elastic Path: the calls that would release it — cancelATransaction where the gateway can void, refundATransaction. */
  follow_up?: PlannedCall[];
}

// ---- status machines ----

export type Preset = 'shopware' | 'v1' | '29next' | 'elasticpath';

export interface MachineDefinition {
  name?: string;
  states: string[];
  initial: string;
  final?: string[];
  transitions: Array<{ action: string; from: string; to: string; guard?: string }>;
  refusals?: Array<{ action: string; from: string; code: IssueCode }>;
  unreachable_ok?: string[];
}

export interface TransitionRequest {
  preset?: Preset;
  definition?: MachineDefinition | { machines: MachineDefinition[]; same_state?: 'noop' };
  machine?: string;
  from: string;
  action: string;
  order?: Order;
}

/** A Shopware order's entity whose state a transition reads from the order (Shopware preset). */
export interface ShopwareEntityRef {
  type: 'order' | 'order_delivery' | 'order_transaction' | 'order_transaction_capture' | 'order_transaction_capture_refund'
    | 'order_return' | 'order_return_line_item' | 'order_line_item';
  id?: string;
}

/** transition with the order as context: the machine and `from` come from the entity's state in the order. */
export interface EntityTransitionRequest {
  preset: 'shopware';
  entity: ShopwareEntityRef;
  order: Order;
  action: string;
}

export interface GuardResult {
  name: string;
  checked: boolean;
  passed: boolean | null;
  fact: string | null;
}

export interface TransitionResult {
  preset: string;
  machine: string;
  from: string;
  action: string;
  to: string | null;
  changed: boolean;
  noop: boolean;
  guard: GuardResult | null;
  allowed_actions?: string[];
  /** With `entity`: the entity and the exact server call that applies the action. */
  entity?: ShopwareEntityRef;
  call?: PlannedCall;
  engine_version: string;
  /** With an `order` in the request: the order's fingerprint and platform. */
  order_fingerprint?: string;
  platform?: Platform;
}

export interface ActionsResult {
  preset: string;
  machine: string;
  state: string;
  final: boolean;
  actions: Array<{ action: string; to: string; guard: string | null; passes: boolean | null; fact: string | null }>;
  engine_version: string;
}

export interface StatusDerivation extends Footer {
  preset: 'v1' | '29next' | 'elasticpath';
  /** v1 and 29next; Elastic Path names it `shipping` (and derives `status` and `payment` too). */
  fulfillment_status?: { derived: string; stated: string; matches: boolean; accepts: string[] };
  [status: string]: unknown;
}

export interface MachinesResult {
  preset: string;
  machines: Array<MachineDefinition & { name: string; actions: string[] }>;
  engine_version: string;
}

// ---- sessions ----

/**
 * An order opened once and previewed many times. Reading options (dialect, profile, limits, tax_inclusive)
 * are fixed at open, so the methods take only per-call options. Close it when done — `close()`, or `using`
 * where the runtime has Symbol.dispose.
 * @example
 * using session = engine.openOrder(order);
 * const preview = session.previewEdit([{ op: 'update_line', line_id: 1000, quantity: 2 }], { include_order: false });
 */
export interface Session<P extends RefundPlatform = RefundPlatform> {
  /** False when the order could not be opened; every method then returns `envelope`. */
  ok: boolean;
  envelope: Envelope<{ session: number; lines: number } & Footer>;
  errors: Issue[];
  id: number | null;
  orderFingerprint: string | null;
  readonly closed: boolean;
  previewEdit(edits: JsonInput<Edit[] | { edits: Edit[] }>, options?: JsonInput<EditCallOptions>): Envelope<EditPreview>;
  calculateRefund(request: JsonInput<RefundRequests[P]>): Envelope<RefundCalculations[P]>;
  validateRefund(request: JsonInput<RefundCreateRequests[P]>): Envelope<RefundCalculations[P]>;
  previewCancel(request?: JsonInput<CancelRequest>, options?: JsonInput<CancelCallOptions>): Envelope<CancelPreview>;
  /** What the engine understood from the order (as `inspectOrder`). */
  inspect(): Envelope<Inspection>;
  deriveStatuses(options?: JsonInput<StatusOptions>): Envelope<StatusDerivation>;
  previewReturn(request: JsonInput<ReturnRequests['shopware']>): Envelope<ReturnPreviews['shopware']>;
  previewCaptureRefund(request: JsonInput<CaptureRefundRequests['shopware']>, options?: JsonInput<{ position_amount?: 'unit_price' | 'discounted' }>): Envelope<CaptureRefundPreviews['shopware']>;
  /** Frees the parsed order; later calls answer SESSION_CLOSED. Closing twice is harmless. */
  close(): void;
  /** The same as close(): `using session = engine.openOrder(order)` closes it at the end of the block. */
  [Symbol.dispose](): void;
}

/** Shopware's CalculatedPrice; calculatedTaxes and taxRules keyed by the tax rate (as the contract types them). */
export interface ShopwareCalculatedPrice {
  unitPrice: number;
  quantity: number;
  totalPrice: number;
  calculatedTaxes: Record<string, { tax: number; taxRate: number; price: number }>;
  taxRules: Record<string, { taxRate: number; percentage: number }>;
}

/** previewReturn's request: the return lines to create or add (Shopware Return Management). */
export interface ReturnRequestShopware {
  lineItems: Array<{ orderLineItemId: string; quantity: number; refundAmount?: Amount | number }>;
  /** The return's shipping to refund, in the shop's default currency (multiplied by the order's currency factor). */
  shippingCosts?: Amount | number;
  /** Add to this existing return (from order.extensions.returns) instead of creating one. */
  returnId?: string;
}

export interface ReturnPreviewShopware extends Footer<'shopware'> {
  orderId: string | null;
  returnId: string | null;
  lineItems: Array<{
    /** Present for lines already in the return. */
    id?: string;
    orderLineItemId: string;
    quantity: number;
    price: ShopwareCalculatedPrice;
    refundAmount: number;
    restockQuantity: 0;
    /** refundAmount priced as one unit: what the return's totals are computed from. */
    refundPrice: ShopwareCalculatedPrice;
    /** The units' price less their share of the order's promotions. */
    suggestedRefundAmount: number;
    discounted: boolean;
    existing: boolean;
  }>;
  shippingCosts: ShopwareCalculatedPrice;
  price: {
    netPrice: number; totalPrice: number; positionPrice: number; rawTotal: number;
    calculatedTaxes: ShopwareCalculatedPrice['calculatedTaxes']; taxRules: ShopwareCalculatedPrice['taxRules'];
    taxStatus: 'gross' | 'net' | 'tax-free';
  };
  amountTotal: number;
  amountNet: number;
  taxCalculationType: 'horizontal' | 'vertical';
  tax_calculation_source: string;
  plan: PlannedCall[];
}

/** previewReturn results by platform. */
export interface ReturnPreviews { shopware: ReturnPreviewShopware }
export interface ReturnRequests { shopware: ReturnRequestShopware }

/** previewCaptureRefund's request: a refund against one capture, with positions per line. */
export interface CaptureRefundRequestShopware {
  captureId: string;
  positions?: Array<{ orderLineItemId: string; quantity: number; amount?: Amount | number }>;
  /** The refund's total; at least the positions' sum (the rest is shipping or goodwill). */
  amount?: Amount | number;
  reason?: string;
  /** The id of state 'open' of order_transaction_capture_refund.state in your installation. */
  stateId?: string;
}

export interface CaptureRefundOptions extends Options {
  /** Positions without an amount: the unit price × quantity (default), or less the line's promotion share. */
  position_amount?: 'unit_price' | 'discounted';
}

export interface CaptureRefundPreviewShopware extends Footer<'shopware'> {
  /** The createOrderTransactionCaptureRefund body. */
  body: {
    id: string; captureId: string; stateId?: string; reason?: string; amount: ShopwareCalculatedPrice;
    positions: Array<{ id: string; refundId: string; orderLineItemId: string; quantity: number; reason?: string; amount: ShopwareCalculatedPrice }>;
  };
  /** Members the body needs that only the caller can know (stateId). */
  body_missing: string[];
  capture: {
    id: string; state: string; amount: Amount; refunded_before: Amount; refundable_before: Amount; refund: Amount;
    refundable_after: Amount; beyond_positions: Amount;
  };
  transaction: { id: string | null; state: string; suggested_action: 'refund' | 'refund_partially' | null };
  plan: PlannedCall[];
}

export interface CaptureRefundPreviews { shopware: CaptureRefundPreviewShopware }
export interface CaptureRefundRequests { shopware: CaptureRefundRequestShopware }

export interface Engine {
  /** The engine version, e.g. "0.1.0". */
  version(): string;
  /** Every issue code with its description. */
  codes(): Array<{ code: IssueCode; description: string }>;
  /**
   * What the engine understood from an order: quantities, amounts, payments, derived facts.
   * @example engine.inspectOrder(order).result.lines[0].refundable_quantity
   */
  inspectOrder(order: JsonInput<Order>, options?: JsonInput<Options>): Envelope<Inspection>;
  /**
   * Mirrors the 29next Admin API's ordersRefundCalculateCreate (and the v1 calculate call). With
   * `{ dialect }` in the options, the request and the result are typed for that dialect; otherwise the
   * result is the union, discriminated by `platform`.
   * @example unwrap(engine.calculateRefund(order, { refund_lines: [{ line_id: 1000, quantity: 1 }] }, { dialect: '29next' })).amount_incl_tax
   */
  calculateRefund<D extends Dialect & RefundPlatform = Dialect & RefundPlatform>(
    order: JsonInput<Order>, request: JsonInput<RefundRequests[D]>, options?: JsonInput<DialectOptions<D>>,
  ): Envelope<RefundCalculations[D]>;
  /**
   * Checks a create body (29next ordersRefundCreate, v1 create refund) against the calculation; every
   * mismatch is an issue. The result is the calculation.
   * @example engine.validateRefund(order, { refund_lines: [{ line_id: 1000, quantity: 1 }], transactions: [{ id: 1000, amount: '59.99' }] })
   */
  validateRefund<D extends Dialect & RefundPlatform = Dialect & RefundPlatform>(
    order: JsonInput<Order>, createRequest: JsonInput<RefundCreateRequests[D]>, options?: JsonInput<DialectOptions<D>>,
  ): Envelope<RefundCalculations[D]>;
  /**
   * The exact create body for a calculation (envelope or result), in the calculation's platform.
   * @example engine.toRefundCreateRequest(preview, { note: 'Damaged', send_refund_notification: true }).result
   */
  toRefundCreateRequest<C extends RefundCalculation>(
    calculation: Envelope<C> | C,
    request?: JsonInput<{ note?: string; send_refund_notification?: boolean; notify_customer?: boolean }>,
    options?: JsonInput<Options>,
  ): Envelope<RefundCreateRequestFor<C>>;
  toRefundCreateRequest(
    calculation: string,
    request?: JsonInput<{ note?: string; send_refund_notification?: boolean; notify_customer?: boolean }>,
    options?: JsonInput<Options>,
  ): Envelope<RefundCreateRequest>;
  /**
   * Field-by-field differences between a preview and the server's answer.
   * @example engine.compareRefund(preview, serverResponse).result.equal
   */
  compareRefund(preview: JsonInput, serverResponse: JsonInput, options?: JsonInput<Options>): Envelope<RefundCompare>;
  /**
   * The order after the edits, totals, balance and the plan of server calls.
   * @example engine.previewEdit(order, [{ op: 'update_line', line_id: 1000, quantity: 2 }]).result.balance
   */
  previewEdit(order: JsonInput<Order>, edits: JsonInput<Edit[] | { edits: Edit[] }>, options?: JsonInput<EditOptions>): Envelope<EditPreview>;
  /**
   * What cancelling does: statuses after, refunds, restocked units, authorisations to void.
   * @example engine.previewCancel(order, { cancel_reason: 'Customer request', full_refund: true })
   */
  previewCancel(order: JsonInput<Order>, request?: JsonInput<CancelRequest>, options?: JsonInput<CancelOptions>): Envelope<CancelPreview>;
  /**
   * What a return will store once the server calculates it (Shopware Return Management), with the plan.
   * Other platforms answer OPERATION_NOT_SUPPORTED.
   * @example engine.previewReturn(order, { lineItems: [{ orderLineItemId: id, quantity: 1 }], shippingCosts: '4.90' }).result.amountTotal
   */
  previewReturn(order: JsonInput<Order>, request: JsonInput<ReturnRequests['shopware']>, options?: JsonInput<Options>): Envelope<ReturnPreviews['shopware']>;
  /**
   * A refund against one capture: the exact create body, what the capture has left, the state action and the plan.
   * @example engine.previewCaptureRefund(order, { captureId, positions: [{ orderLineItemId: id, quantity: 1 }] }).result.body
   */
  previewCaptureRefund(order: JsonInput<Order>, request: JsonInput<CaptureRefundRequests['shopware']>, options?: JsonInput<CaptureRefundOptions>): Envelope<CaptureRefundPreviews['shopware']>;
  /**
   * Parses the order once; previews then cost work proportional to the request.
   * @example using s = engine.openOrder(order); s.previewEdit([{ op: 'remove_line', line_id: 1000 }]);
   */
  openOrder<D extends Dialect & RefundPlatform = Dialect & RefundPlatform>(
    order: JsonInput<Order>, options?: JsonInput<DialectOptions<D>>,
  ): Session<D>;
  /**
   * Applies an action to a state of a preset's (or your own) machine.
   * @example engine.transition({ preset: 'shopware', machine: 'order.state', from: 'open', action: 'process' }).result.to
   */
  transition(request: JsonInput<TransitionRequest | EntityTransitionRequest>, options?: JsonInput<Options>): Envelope<TransitionResult>;
  /**
   * The actions allowed from a state, each with its target and whether its guard passes.
   * @example engine.availableActions({ preset: 'v1', machine: 'status', state: 'open' })
   */
  availableActions(request: JsonInput<(Omit<TransitionRequest, 'from' | 'action'> & { state: string }) | Omit<EntityTransitionRequest, 'action'>>, options?: JsonInput<Options>): Envelope<ActionsResult>;
  /**
   * Financial and fulfillment status derived from transactions, refunds and quantities.
   * @example engine.deriveStatuses(order).result.fulfillment_status.derived
   */
  deriveStatuses(order: JsonInput<Order>, options?: JsonInput<Options & StatusOptions>): Envelope<StatusDerivation>;
  /**
   * The machines of a preset.
   * @example engine.machines('shopware').result.machines.map((m) => m.name)
   */
  machines(preset: Preset | { preset?: Preset; definition?: TransitionRequest['definition'] }): Envelope<MachinesResult>;
  /**
   * A stateDiagram-v2 text of a machine.
   * @example engine.mermaid('v1', 'status').result.text
   */
  mermaid(preset: Preset | { preset?: Preset; definition?: TransitionRequest['definition']; machine: string }, machine?: string): Envelope<{ preset: string; machine: string; text: string }>;
  /** Sessions currently open (for leak checks). */
  openSessionCount(): number;
  /** Wasm linear memory size and bytes in use (for leak checks and budgets). */
  memory(): { wasmBytes: number; heapInUse: number };
}

/**
 * Loads the engine. Node, Deno and Bun need no options; browsers fetch the .wasm next to the module;
 * Cloudflare Workers use the `workerd` export condition (or pass { wasmModule }).
 * @example const engine = await loadEngine();
 */
export function loadEngine(options?: LoadOptions): Promise<Engine>;

/** Thrown by unwrap(): carries the first issue's code and path, and every issue. */
export class PreflightError extends Error {
  code: IssueCode;
  path: string;
  issues: Issue[];
}

/** Returns envelope.result, or throws a PreflightError. */
export function unwrap<R>(envelope: Envelope<R>): R;
