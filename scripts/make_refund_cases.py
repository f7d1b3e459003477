#!/usr/bin/env python3
"""Writes the inputs of the refund golden cases (tests/fixtures/{refund,validate-refund,refund-create,compare-refund}).
expected.json files come from the engine (OP_UPDATE_FIXTURES=1) and are reviewed by hand before committing;
the hand-checked numbers are asserted again in tests/core/refund_test.cpp."""
import json, os, copy, shutil

ROOT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures')
EXAMPLES = os.path.join(os.path.dirname(__file__), '..', 'examples', 'orders')

def load(name):
    with open(os.path.join(EXAMPLES, name)) as f:
        return json.load(f)

def line29(id_, qty, excl, incl, fulfillable=None, editable=None, title='Item', **extra):
    l = {'id': id_, 'quantity': qty, 'current_quantity': qty,
         'fulfillable_quantity': qty if fulfillable is None else fulfillable,
         'editable_quantity': (qty if fulfillable is None else fulfillable) if editable is None else editable,
         'price_excl_tax': excl, 'price_incl_tax': incl, 'product': {'id': 100 + (id_ if isinstance(id_, int) else 0), 'title': title}}
    l.update(extra)
    return l

def order29(currency, lines, shipping=('0.00', '0.00'), txs=None, refunds=None, **extra):
    o = {'currency': currency, 'status': 'open', 'lines': lines,
         'shipping_excl_tax': shipping[0], 'shipping_incl_tax': shipping[1],
         'transactions': txs or [], 'refunds': refunds or []}
    o.update(extra)
    return o

def sale(id_, amount, **extra):
    t = {'id': id_, 'type': 'sale', 'status': 'succeeded', 'amount': amount}
    t.update(extra)
    return t

seed = load('29next-seed000.json')
sample = load('29next-sample.json')
v1 = load('v1-sample.json')

inclusive = order29('GBP', [line29(1, 3, '24.98', '29.97', fulfillable=0, title='Tea tin',
                                   tax_lines=[{'amount': '4.99', 'rate': '0.2'}])],
                    shipping=('3.33', '4.00'), txs=[sale(50, '33.97')], display_taxes=True)
inclusive_seq = copy.deepcopy(inclusive)
inclusive_seq['refunds'] = [{'id': 1, 'refund_line_items': [{'line_item_id': 1, 'quantity': 1, 'restock_type': 'no_restock',
                                                            'amount_excl_tax': '8.33', 'amount_incl_tax': '9.99'}],
                             'adjustments': [], 'transactions': [sale(51, '9.99', type='refund', parent_id=50)]}]
jpy = order29('JPY', [line29('J1', 3, '3000', '3300', tax_lines=[{'amount': '300', 'rate': 0.1}])],
              shipping=('500', '500'), txs=[sale('T1', '3800')])
kwd = order29('KWD', [line29(7, 2, '12.345', '12.962', tax_lines=[{'amount': '0.617', 'rate': '0.05'}])],
              shipping=('1.000', '1.000'), txs=[sale(70, '13.962')])
zwl = order29('ZWL', [line29(8, 1, '100.00', '100.00')], txs=[sale(80, '100.00')])
auth_only = order29('USD', [line29(1, 2, '40.00', '40.00')], txs=[{'id': 5, 'type': 'authorization', 'status': 'succeeded', 'amount': '40.00'}])
failed_pending = order29('USD', [line29(1, 2, '40.00', '40.00')],
                         txs=[sale(1, '40.00', status='failed'), sale(2, '40.00', status='pending'), sale(3, '15.00')])
discount = order29('USD', [line29(1, 3, '270.00', '270.00', price_excl_tax_excl_discounts='300.00')], txs=[sale(9, '270.00')])
spread = order29('USD', [line29(1, 5, '1224.97', '1224.97')], txs=[sale(1, '1224.97')])
sequence = order29('USD', [line29(1, 3, '10.00', '10.00', fulfillable=0)], txs=[sale(1, '10.00'),
                   sale(2, '3.33', type='refund', parent_id=1), sale(3, '3.34', type='refund', parent_id=1)],
                   refunds=[{'id': 1, 'refund_line_items': [{'line_item_id': 1, 'quantity': 1, 'restock_type': 'return', 'amount_excl_tax': '3.33', 'amount_incl_tax': '3.33'}]},
                            {'id': 2, 'refund_line_items': [{'line_item_id': 1, 'quantity': 1, 'restock_type': 'return', 'amount_excl_tax': '3.34', 'amount_incl_tax': '3.34'}]}])
digital = order29('USD', [line29(3, 2, '20.00', '20.00', fulfillable=0, is_gift_card=True, title='E-gift')], txs=[sale(1, '20.00')])
multi = order29('USD', [line29(1, 4, '100.00', '100.00')], txs=[sale(1, '30.00'), sale(2, '50.00'), sale(3, '20.00')])

R = lambda lines=None, shipping=None, **kw: {**({'refund_lines': lines} if lines is not None else {}), **({'refund_shipping': shipping} if shipping is not None else {}), **kw}
L = lambda line_id, q, restock=None: {'line_id': line_id, 'quantity': q, **({'restock_type': restock} if restock else {})}

refund_cases = {
    # seed 000 (3 x 59.99, 1 unit fulfilled, shipping 4.99, one sale of 184.96)
    'seed000-worked-example': (seed, R([L(1000, 1)], {'full_refund': False, 'amount_excl_tax': '3.99'}), None),
    'seed000-full-shipping-only': (seed, R(shipping={'full_refund': True}), None),
    'seed000-shipping-over-remaining': (seed, R(shipping={'full_refund': False, 'amount_excl_tax': '5.00'}), None),
    'seed000-cancel-unfulfilled': (seed, R([L(1000, 2, 'cancel')]), None),
    'seed000-cancel-more-than-unfulfilled': (seed, R([L(1000, 3, 'cancel')]), None),
    'seed000-return-fulfilled': (seed, R([L(1000, 1, 'return')]), None),
    'seed000-return-more-than-fulfilled': (seed, R([L(1000, 2, 'return')]), None),
    'seed000-all-units-split-by-suggestion': (seed, R([L(1000, 3)], {'full_refund': True}), None),
    'seed000-line-twice-cancel-and-return': (seed, R([L(1000, 2, 'cancel'), L(1000, 1, 'return')]), None),
    'seed000-line-twice-same-restock': (seed, R([L(1000, 1, 'cancel'), L(1000, 1, 'cancel')]), None),
    'seed000-unknown-line': (seed, R([L(999, 1)]), None),
    'seed000-line-id-of-wrong-type': (seed, R([L('1000', 1)]), None),
    'seed000-quantity-zero': (seed, R([L(1000, 0)]), None),
    'seed000-quantity-negative': (seed, R([L(1000, -1)]), None),
    'seed000-quantity-fractional': (seed, R([L(1000, 1.5)]), None),
    'seed000-quantity-string': (seed, R([L(1000, '1')]), None),
    'seed000-quantity-above-refundable': (seed, R([L(1000, 4)]), None),
    'seed000-invalid-restock-type': (seed, R([L(1000, 1, 'restock')]), None),
    'seed000-nothing-to-refund': (seed, R([]), None),
    'seed000-shipping-too-many-decimals': (seed, R(shipping={'amount_excl_tax': '3.999'}), None),
    'seed000-unknown-request-field': (seed, R([L(1000, 1)], refund_everything=True), None),
    'seed000-request-not-an-object': (seed, [1, 2], None),
    'seed000-all-errors-reported': (seed, R([L(999, 1), L(1000, 0), L(1000, 1, 'bogus')], {'amount_excl_tax': '9.00'}), None),
    # sample: taxes, a discount, two sales, one hoodie already returned
    'sample-last-hoodie-after-earlier-refund': (sample, R([L(2001, 1, 'no_restock')]), None),
    'sample-hoodie-more-than-left': (sample, R([L(2001, 2, 'return')]), None),
    'sample-socks-cancel-two': (sample, R([L(2002, 2, 'cancel')]), None),
    'sample-socks-all-four-mixed': (sample, R([L(2002, 2, 'return'), L(2002, 2, 'cancel')]), None),
    'sample-gift-card-unfulfilled-cancel': (sample, R([L(2004, 1, 'cancel')]), None),
    'sample-gift-card-unfulfilled-return': (sample, R([L(2004, 1, 'return')]), None),
    'sample-shipping-with-tax': (sample, R(shipping={'full_refund': True}), None),
    'sample-everything-oldest-first': (sample, R([L(2001, 1), L(2002, 4), L(2003, 1), L(2004, 1)], {'full_refund': True}), None),
    'sample-socks-oldest-first': (sample, R([L(2002, 4)]), {'profile': {'refund_allocation': 'oldest_first'}}),
    'sample-socks-newest-first': (sample, R([L(2002, 4)]), {'profile': {'refund_allocation': 'newest_first'}}),
    'sample-socks-largest-first': (sample, R([L(2002, 4)]), {'profile': {'refund_allocation': 'largest_first'}}),
    # v1
    'v1-tshirt-restock-true': (v1, {'refund_line_items': [{'line_item_id': '550e8400-e29b-41d4-a716-446655440101', 'quantity': 1, 'restock': True}]}, None),
    'v1-shipping-full-string': (v1, {'shipping': 'full', 'refund_line_items': []}, None),
    'v1-shipping-full-object': (v1, {'shipping': {'full_refund': True}}, None),
    'v1-gift-card-restock-false': (v1, {'refund_line_items': [{'line_item_id': '550e8400-e29b-41d4-a716-446655440109', 'quantity': 1, 'restock': False}]}, None),
    'v1-everything': (v1, {'shipping': 'full', 'refund_line_items': [{'line_item_id': '550e8400-e29b-41d4-a716-446655440101', 'quantity': 2, 'restock': True}, {'line_item_id': '550e8400-e29b-41d4-a716-446655440109', 'quantity': 1}]}, None),
    'v1-unknown-line': (v1, {'refund_line_items': [{'line_item_id': 'nope', 'quantity': 1}]}, None),
    'v1-digital-restock-true-unfulfilled': (v1, {'refund_line_items': [{'line_item_id': '550e8400-e29b-41d4-a716-446655440109', 'quantity': 1, 'restock': True}]}, None),
    # tax-inclusive, currencies, payments
    'inclusive-one-of-three': (inclusive, R([L(1, 1)]), None),
    'inclusive-after-earlier-refund': (inclusive_seq, R([L(1, 2)], {'full_refund': True}), None),
    'jpy-one-of-three': (jpy, R([L('J1', 1, 'cancel')], {'amount_excl_tax': '250'}), None),
    'kwd-one-of-two': (kwd, R([L(7, 1, 'cancel')]), None),
    'exponent-override-withdrawn-currency': (zwl, R([L(8, 1, 'cancel')]), {'profile': {'currency_exponents': {'ZWL': 2}}}),
    'authorized-not-captured': (auth_only, R([L(1, 1, 'cancel')]), None),
    'failed-and-pending-not-refundable': (failed_pending, R([L(1, 1, 'cancel')]), None),
    'discount-in-line-totals': (discount, R([L(1, 2, 'cancel')]), None),
    'proration-half-up': (spread, R([L(1, 2, 'cancel')]), {'profile': {'proration': 'half_up'}}),
    'proration-floor': (spread, R([L(1, 2, 'cancel')]), {'profile': {'proration': 'floor'}}),
    'last-unit-after-two-partial-refunds': (sequence, R([L(1, 1, 'return')]), None),
    'digital-fulfilled-no-restock': (digital, R([L(3, 1, 'no_restock')]), None),
    'digital-fulfilled-return-refused': (digital, R([L(3, 1, 'return')]), None),
    'multi-transaction-largest-first': (multi, R([L(1, 3, 'cancel')]), {'profile': {'refund_allocation': 'largest_first'}}),
    'multi-transaction-newest-first': (multi, R([L(1, 3, 'cancel')]), {'profile': {'refund_allocation': 'newest_first'}}),
}

seed_create = {'note': 'Example reason for the refund', 'refund_lines': [{'line_id': 1000, 'quantity': 1, 'restock_type': 'no_restock'}],
               'refund_shipping': {'amount_excl_tax': '3.99', 'full_refund': False}, 'send_refund_notification': True,
               'transactions': [{'id': 1000, 'amount': '63.98'}]}
def modified(base, fn):
    b = copy.deepcopy(base); fn(b); return b
validate_cases = {
    'seed000-create-body-matches': (seed, seed_create, None),
    'seed000-transactions-sum-differs': (seed, modified(seed_create, lambda b: b['transactions'][0].update(amount='60.00')), None),
    'seed000-transaction-unknown': (seed, modified(seed_create, lambda b: b['transactions'][0].update(id=4242)), None),
    'seed000-transaction-over-refundable': (seed, modified(seed_create, lambda b: b['transactions'][0].update(amount='200.00')), None),
    'seed000-restock-omitted': (seed, modified(seed_create, lambda b: b['refund_lines'][0].pop('restock_type')), None),
    'seed000-wrong-restock': (seed, modified(seed_create, lambda b: b['refund_lines'][0].update(restock_type='cancel', quantity=3)), None),
    'seed000-no-transactions': (seed, modified(seed_create, lambda b: b.pop('transactions')), None),
    'sample-two-transactions': (sample, {'refund_lines': [{'line_id': 2002, 'quantity': 2, 'restock_type': 'no_restock'}, {'line_id': 2002, 'quantity': 2, 'restock_type': 'cancel'}],
                                         'transactions': [{'id': 9002, 'amount': '62.74'}, {'id': 9001, 'amount': '8.61'}]}, None),
    'auth-transaction-refused': (auth_only, {'refund_lines': [{'line_id': 1, 'quantity': 1, 'restock_type': 'cancel'}],
                                             'transactions': [{'id': 5, 'amount': '20.00'}]}, None),
}

def write(dirpath, name, value):
    if value is None:
        return
    with open(os.path.join(dirpath, name), 'w') as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write('\n')

def emit(op, cases, first='order', second='request'):
    base = os.path.join(ROOT, op)
    shutil.rmtree(base, ignore_errors=True)
    for name, (a, b, options) in cases.items():
        d = os.path.join(base, name)
        os.makedirs(d)
        write(d, f'{first}.json', a)
        write(d, f'{second}.json', b)
        write(d, 'options.json', options)

emit('refund', refund_cases)
emit('validate-refund', validate_cases)
print(len(refund_cases), 'refund cases,', len(validate_cases), 'validate cases')
