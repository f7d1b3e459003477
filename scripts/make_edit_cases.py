#!/usr/bin/env python3
"""Writes the inputs of the previewEdit and previewCancel golden cases (tests/fixtures/{edit,cancel}).
expected.json files come from the engine (OP_UPDATE_FIXTURES=1) and are reviewed by hand before committing."""
import json, os, copy, shutil

HERE = os.path.dirname(__file__)
ROOT = os.path.join(HERE, '..', 'tests', 'fixtures')
EXAMPLES = os.path.join(HERE, '..', 'examples', 'orders')

def load(name):
    with open(os.path.join(EXAMPLES, name)) as f:
        return json.load(f)

def modified(base, fn):
    b = copy.deepcopy(base); fn(b); return b

seed = load('29next-seed000.json')
sample = load('29next-sample.json')
v1 = load('v1-sample.json')
T = '550e8400-e29b-41d4-a716-446655440101'   # v1 t-shirt (2 units, 1 fulfilled)
G = '550e8400-e29b-41d4-a716-446655440109'   # v1 gift card

hoodie_discount = {'currency': 'EUR', 'number': '42', 'status': 'open', 'lines': [
    {'id': 1, 'quantity': 2, 'current_quantity': 2, 'fulfillable_quantity': 2, 'editable_quantity': 2,
     'price_excl_tax': '76.80', 'price_incl_tax': '91.39', 'price_excl_tax_excl_discounts': '96.00',
     'product': {'id': 501, 'title': 'Merino Hoodie'}, 'tax_lines': [{'amount': '14.59', 'rate': '0.19'}]}],
    'transactions': [{'id': 1, 'type': 'sale', 'status': 'succeeded', 'amount': '91.39'}], 'refunds': []}
inclusive = {'currency': 'GBP', 'number': '77', 'status': 'open', 'display_taxes': True, 'lines': [
    {'id': 1, 'quantity': 3, 'price_excl_tax': '24.98', 'price_incl_tax': '29.97', 'tax_lines': [{'amount': '4.99', 'rate': '0.2'}]}],
    'shipping_excl_tax': '3.33', 'shipping_incl_tax': '4.00',
    'transactions': [{'id': 50, 'type': 'sale', 'status': 'succeeded', 'amount': '33.97'}]}
cancelled = modified(seed, lambda o: o.update(status='canceled'))
archived = modified(seed, lambda o: o.update(status='archived'))
processing = modified(seed, lambda o: (o.update(fulfillment_status='processing'), o['lines'][0].update(editable_quantity=0)))
v1_closed = modified(v1, lambda o: o.update(status='closed'))
ep_order = modified(v1, lambda o: (o.update(financial_status='paid', fulfillment_status='unfulfilled'), o.pop('fulfillments')))
ep_unpaid = modified(ep_order, lambda o: o.update(financial_status='authorized'))
ep_fulfilled = modified(ep_order, lambda o: o.update(fulfillment_status='fulfilled'))
offers = modified(seed, lambda o: o.update(offer_discounts=[{'amount': '5.00', 'name': 'Spring'}]))
catalog = {'catalog': {'777': {'price': '12.50', 'tax_rate': '0.19', 'title': 'Beanie'}}}
ADDR29 = {'line1': '4765 Test Lane West', 'line4': 'Mountain Pass', 'state': 'CA', 'postcode': '92366', 'country': 'US'}
ADDRV1 = {'first_name': 'Jo', 'last_name': 'Doe', 'address1': '1 Elm St', 'city': 'Austin', 'state': 'TX', 'zip': '73301', 'country': 'US'}
ADDREP = {'first_name': 'Jo', 'last_name': 'Doe', 'line_1': '1 Elm St', 'city': 'Austin', 'postcode': '73301', 'country': 'US'}

U = lambda line_id, q, **kw: {'op': 'update_line', 'line_id': line_id, 'quantity': q, **kw}
R = lambda line_id: {'op': 'remove_line', 'line_id': line_id}
A = lambda product_id, q, **kw: {'op': 'add_line', 'product_id': product_id, 'quantity': q, **kw}

edit_cases = {
    'seed000-swap-flow': (seed, [U(1000, 2, reason='product swap'), A(184, 1, price=89.99, reason='product swap')], None),
    'seed000-without-order-echo': (seed, [U(1000, 2, reason='product swap'), A(184, 1, price=89.99, reason='product swap')], {'include_order': False}),
    'seed000-decrease-merchant-owes': (seed, [U(1000, 2)], None),
    'seed000-increase-customer-owes': (seed, [U(1000, 5)], {'send_payment_notification': True}),
    'seed000-below-fulfilled': (seed, [U(1000, 0)], None),
    'seed000-remove-line-with-fulfilled-units': (seed, [R(1000)], None),
    'seed000-price-change-refused': (seed, [U(1000, 3, price='49.99')], None),
    'seed000-add-without-price': (seed, [A(900, 1)], None),
    'seed000-add-from-catalog': (seed, [A(777, 2)], catalog),
    'seed000-add-quantity-zero': (seed, [A(900, 0, price='1.00')], None),
    'seed000-unknown-op': (seed, [{'op': 'split_line', 'line_id': 1000}], None),
    'seed000-unknown-line': (seed, [U(4242, 1)], None),
    'seed000-quantity-negative': (seed, [U(1000, -1)], None),
    'seed000-quantity-fractional': (seed, [U(1000, 2.5)], None),
    'seed000-quantity-string': (seed, [U(1000, '2')], None),
    'seed000-missing-line-id': (seed, [{'op': 'update_line', 'quantity': 2}], None),
    'seed000-edit-not-an-object': (seed, [42], None),
    'seed000-edits-not-an-array': (seed, {'edits': {'op': 'update_line'}}, None),
    'seed000-edits-wrapped-in-object': (seed, {'edits': [U(1000, 2)]}, None),
    'seed000-no-edits': (seed, [], None),
    'seed000-sequence-on-one-line': (seed, [U(1000, 4), U(1000, 2), U(1000, 3)], None),
    'seed000-every-error-reported': (seed, [U(1000, 0), A(1, 1), {'op': 'nope'}, U(9, 1)], None),
    'seed000-address-update': (seed, [{'op': 'update_shipping_address', 'shipping_address': ADDR29}], None),
    'seed000-address-missing-fields': (seed, [{'op': 'update_shipping_address', 'shipping_address': {'line1': 'x', 'country': 'USA'}}], None),
    'seed000-address-locked-by-fulfilment': (processing, [{'op': 'update_shipping_address', 'shipping_address': ADDR29}], None),
    'seed000-update-email-and-tags': (seed, [{'op': 'update_order', 'email': 'new@example.com', 'tags': ['vip'], 'note': 'call first'}], None),
    'seed000-bad-email': (seed, [{'op': 'update_order', 'email': 'not-an-email'}], None),
    'seed000-order-level-offers-warning': (offers, [U(1000, 2)], None),
    'cancelled-order-not-editable': (cancelled, [U(1000, 2)], None),
    'archived-order-not-editable': (archived, [U(1000, 2)], None),
    'sample-line-not-editable': (sample, [U(2001, 1)], None),
    'sample-socks-down-to-fulfilled': (sample, [U(2002, 2)], None),
    'sample-socks-below-fulfilled': (sample, [U(2002, 1)], None),
    'sample-remove-book-add-two': (sample, [R(2003), A(777, 2)], catalog),
    'sample-add-taxed-without-rate': (sample, [A(900, 1, price='10.00')], None),
    'sample-add-with-rate-unit-granularity': (sample, [A(900, 3, price='1.08', tax_rate='0.19')], {'profile': {'tax_granularity': 'unit'}}),
    'sample-add-with-rate-line-granularity': (sample, [A(900, 3, price='1.08', tax_rate='0.19')], {'profile': {'tax_granularity': 'line'}}),
    'sample-default-tax-rate-from-profile': (sample, [A(900, 1, price='10.00')], {'profile': {'default_tax_rate': '0.19'}}),
    'discount-frozen-per-unit': (hoodie_discount, [U(1, 1)], None),
    'discount-frozen-then-restored': (hoodie_discount, [U(1, 1), U(1, 2)], None),
    'inclusive-add-tax-first': (inclusive, [A(5, 1, price='9.99', tax_rate='0.2')], {'profile': {'inclusive_split': 'tax_first'}}),
    'inclusive-add-net-first': (inclusive, [A(5, 1, price='9.99', tax_rate='0.2')], {'profile': {'inclusive_split': 'net_first'}}),
    'inclusive-decrease': (inclusive, [U(1, 1)], None),
    'v1-price-change-allowed': (v1, [U(T, 2, price='22.99')], None),
    'v1-remove-gift-card': (v1, [R(G)], None),
    'v1-add-line-customer-owes': (v1, [A('variant-9', 1, price='5.00', tax_rate='0.09')], None),
    'v1-below-fulfilled': (v1, [U(T, 0)], None),
    'v1-address-update': (v1, [{'op': 'update_shipping_address', 'shipping_address': ADDRV1}], None),
    'v1-closed-not-editable': (v1_closed, [U(G, 0)], None),
    'elasticpath-cancel-status': (ep_order, [{'op': 'update_order', 'status': 'cancelled'}], {'preset': 'elasticpath'}),
    'elasticpath-status-other-than-cancelled': (ep_order, [{'op': 'update_order', 'status': 'complete'}], {'preset': 'elasticpath'}),
    'elasticpath-fulfil-paid': (ep_order, [{'op': 'update_order', 'shipping': 'fulfilled'}], {'preset': 'elasticpath'}),
    'elasticpath-fulfil-unpaid': (ep_unpaid, [{'op': 'update_order', 'shipping': 'fulfilled'}], {'preset': 'elasticpath'}),
    'elasticpath-external-ref-too-long': (ep_order, [{'op': 'update_order', 'external_ref': 'x' * 65, 'order_number': 'A-1'}], {'preset': 'elasticpath'}),
    'elasticpath-fulfilled-order-refused': (ep_fulfilled, [{'op': 'update_order', 'order_number': 'A-1'}], {'preset': 'elasticpath'}),
    'elasticpath-items-cannot-change': (ep_order, [U(G, 0)], {'preset': 'elasticpath'}),
    'elasticpath-address': (ep_order, [{'op': 'update_shipping_address', 'shipping_address': ADDREP}], {'preset': 'elasticpath'}),
    'unknown-preset': (seed, [U(1000, 2)], {'preset': 'magento'}),
}

cancel_cases = {
    '29next-full-refund': (seed, {'cancel_reason': 'Customer wants to cancel', 'full_refund': True, 'send_cancel_notification': True}, None),
    '29next-no-refund': (seed, {'cancel_reason': 'Customer wants to cancel', 'full_refund': False}, None),
    '29next-no-reason': (seed, {'full_refund': True}, None),
    '29next-already-cancelled': (cancelled, {'cancel_reason': 'again', 'full_refund': True}, None),
    '29next-sample-two-transactions': (sample, {'cancel_reason': 'fraud', 'full_refund': True}, None),
    '29next-authorized-only': ({'currency': 'USD', 'number': '9', 'status': 'open', 'lines': [{'id': 1, 'quantity': 1, 'price_excl_tax': '10.00', 'price_incl_tax': '10.00'}],
                                'transactions': [{'id': 1, 'type': 'authorization', 'status': 'succeeded', 'amount': '10.00'}]},
                               {'cancel_reason': 'x', 'full_refund': True}, None),
    '29next-bad-types': (seed, {'cancel_reason': 5, 'full_refund': 'yes'}, None),
    'v1-cancel': (v1, {'reason': 'customer_request', 'restock': True, 'notify_customer': True}, None),
    'v1-no-restock': (v1, {'reason': 'inventory', 'restock': False}, None),
    'v1-bad-reason': (v1, {'reason': 'bored'}, None),
    'v1-closed': (v1_closed, {'reason': 'other'}, None),
    'elasticpath-unfulfilled': (ep_order, None, {'preset': 'elasticpath'}),
    'elasticpath-fulfilled-refused': (v1, None, {'preset': 'elasticpath'}),
}

def write(d, name, value):
    if value is None:
        return
    with open(os.path.join(d, name), 'w') as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write('\n')

def emit(op, cases):
    base = os.path.join(ROOT, op)
    shutil.rmtree(base, ignore_errors=True)
    for name, (order, request, options) in cases.items():
        d = os.path.join(base, name)
        os.makedirs(d)
        write(d, 'order.json', order)
        write(d, 'request.json', request)
        write(d, 'options.json', options)

emit('edit', edit_cases)
emit('cancel', cancel_cases)
print(len(edit_cases), 'edit cases,', len(cancel_cases), 'cancel cases')
