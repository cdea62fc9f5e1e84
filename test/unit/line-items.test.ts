import type { IDataObject } from 'n8n-workflow';

import { ITEMS as ESPUTNIK_ITEMS } from '../../nodes/Esputnik/actions/order/fields';
import { PRODUCTS } from '../../nodes/FeedbackCompany/actions/order/fields';
import { CART_ITEMS } from '../../nodes/MailerLiteEcommerce/actions/order/fields';
import { itemsList } from '../../nodes/Montly/actions/order/fields';
import { ITEM_SLUGS } from '../../nodes/Monto/actions/order/upsert.operation';
import type { LineItemList } from '../../nodes/shared/input/line-items';
import { describeKeys, FRIENDLY_KEYS, toLineItems } from '../../nodes/shared/input/line-items';
import { sumOfLines } from '../../nodes/shared/input/money';
import { formatPath, plainMessage } from '../../nodes/shared/input/validation';

const LISTS: Record<string, LineItemList> = {
	'The Feedback Company products': PRODUCTS,
	'eSputnik items': ESPUTNIK_ITEMS,
	'MailerLite cart items': CART_ITEMS,
	'Montly items (SEK)': itemsList('sek'),
	'Montly items (öre)': itemsList('ore'),
	'Monto item slugs': ITEM_SLUGS,
};

/** The problems of reading `value`, as "path: message" lines (the messages as the node words them). */
function problems(value: unknown, list: LineItemList): string[] {
	const result = toLineItems(value, list);
	return 'issues' in result ? result.issues.map((i) => `${formatPath(i.path)}: ${plainMessage(i.message)}`) : [];
}

function entries(value: unknown, list: LineItemList): IDataObject[] {
	const result = toLineItems(value, list);
	if ('issues' in result) throw new Error(problems(value, list).join('\n'));
	return result.entries;
}

describe('line items from a list', () => {
	it.each(Object.entries(LISTS))('%s: every friendly key is read or left out, so one list fits every node', (_name, list) => {
		const known = new Set([...Object.keys(list.keys), ...Object.values(list.keys).flat(), ...(list.ignored ?? [])]);
		expect(FRIENDLY_KEYS.filter((key) => !known.has(key))).toEqual([]);
	});

	it.each(Object.entries(LISTS))('%s: no key means two things', (_name, list) => {
		const all = [...Object.keys(list.keys), ...Object.values(list.keys).flat(), ...(list.ignored ?? [])];
		expect(all.length).toBe(new Set(all).size);
	});

	it('maps friendly keys to the provider\'s, leaves out ignored and empty ones, and keeps the order', () => {
		const list = [
			{ productId: 'RD-1', name: 'Red Delicious', url: 'https://s.example/rd-1', sku: 'rd001', quantity: 2, price: 1.5, imageUrl: '' },
			{ external_id: 'GS-2', title: 'Granny Smith', url: 'https://s.example/gs-2', ean: '8710103974833', image_url: null },
		];
		expect(entries(list, PRODUCTS)).toEqual([
			{ external_id: 'RD-1', name: 'Red Delicious', url: 'https://s.example/rd-1', sku: 'rd001' },
			{ external_id: 'GS-2', name: 'Granny Smith', url: 'https://s.example/gs-2', gtin: '8710103974833' },
		]);
		expect(entries([{ productId: 7, quantity: '2', price: '19.99', variant: 'Red', sku: 'X', name: 'Mug' }], CART_ITEMS)).toEqual([
			{ ecommerce_product_id: 7, quantity: '2', price: '19.99', variant: 'Red' },
		]);
		expect(entries([{ productId: '200600', name: 'Device', quantity: 1, price: 990, sku: 'D-1' }], ESPUTNIK_ITEMS)).toEqual([
			{ externalItemId: '200600', name: 'Device', quantity: 1, cost: 990 },
		]);
	});

	it('an unknown key names the list position and the key, and lists the keys', () => {
		const list = [
			{ productId: 'RD-1', name: 'Red', url: 'https://s.example/1' },
			{ productId: 'GS-2', name: 'Green', url: 'https://s.example/2', colour: 'green' },
		];
		expect(problems(list, PRODUCTS)).toEqual([
			`products[1].colour: is not a key of an entry; the keys are ${describeKeys(PRODUCTS)}`,
		]);
		expect(describeKeys(PRODUCTS)).toBe(
			'external_id (or productId), name (or title), url, sku, gtin (or ean), image_url (or imageUrl); left out: variantId, quantity, price',
		);
	});

	it('a wrong type names the key as it was given, also for a friendly key', () => {
		expect(problems([{ productId: 'RD-1', name: 'Red', url: 'https://s.example/1', imageUrl: 'not a url' }], PRODUCTS)).toEqual([
			'products[0].imageUrl: is not a valid URL (http:// or https://)',
		]);
		const cart = problems([{ productId: 'P1', quantity: 1, price: 2 }, { productId: 'P2', quantity: 'two', price: 3 }], CART_ITEMS);
		expect(cart).toHaveLength(1);
		expect(cart[0]).toMatch(/^cart\.items\[1\]\.quantity: /);
		expect(problems([{ quantity: 1, price: 2 }], CART_ITEMS)).toEqual(['cart.items[0].ecommerce_product_id: is required']);
	});

	it('a key and its friendly name together are refused', () => {
		expect(problems([{ productId: 'P1', ecommerce_product_id: 'P1', quantity: 1, price: 2 }], CART_ITEMS)).toEqual([
			'cart.items[0].ecommerce_product_id: means the same as productId; give one of them',
		]);
	});

	it('refuses what is not a list, and entries that are not objects', () => {
		expect(problems({ productId: 'P1' }, CART_ITEMS)).toEqual([
			'cart.items: must be a list of line items, e.g. {{ $json.items }}, not an object; give [] for none',
		]);
		expect(problems(undefined, PRODUCTS)[0]).toMatch(/^products: .*, not nothing \(undefined\)/);
		expect(problems(['P1'], CART_ITEMS)[0]).toMatch(/^cart\.items\[0\]: must be an object, not text; the keys are ecommerce_product_id/);
		expect(entries([], PRODUCTS)).toEqual([]);
	});

	it('Monto: slugs as text or objects with slug; the friendly keys beside it are left out', () => {
		expect(entries(['mug-white', { slug: 'tea-pot', name: 'Tea pot', quantity: 1 }], ITEM_SLUGS)).toEqual([
			{ slug: 'mug-white' },
			{ slug: 'tea-pot' },
		]);
		expect(problems([{ sku: 'MUG', name: 'Mug' }], ITEM_SLUGS)).toEqual(['items[0].slug: is required']);
		expect(problems([{ slug: 'a', handle: 'b' }], ITEM_SLUGS)[0]).toMatch(/^items\[0\]\.handle: is not a key of an entry/);
		expect(problems([5], ITEM_SLUGS)[0]).toMatch(/^items\[0\]: must be text or an object, not a number; the keys are slug/);
	});

	it('Montly: price (each unit) × quantity makes the line total exactly, in SEK and in öre', () => {
		const line = { productId: 'LAP-1', name: 'Laptop', quantity: 7, VAT: 0 };
		expect(7 * 19.99).not.toBe(139.93); // the binary floating-point error the exact product avoids
		expect(entries([{ ...line, price: 19.99 }], itemsList('sek'))).toEqual([{ ...line, totalPrice: 139.93 }]);
		expect(entries([{ ...line, price: '1999' }], itemsList('ore'))).toEqual([{ ...line, totalPrice: 13993 }]);
		const withoutVat = { productId: line.productId, name: line.name, quantity: line.quantity };
		expect(entries([{ ...withoutVat, totalPrice: 100, vat: 25, variantId: 'V1' }], itemsList('ore'))).toEqual([
			{ ...withoutVat, totalPrice: 100, VAT: 25, variationId: 'V1' },
		]);
		expect(problems([{ ...line, totalPrice: 100, vat: 25 }], itemsList('ore'))).toEqual([
			'data.relationships.item.data[0].vat: means the same as VAT; give one of them',
		]);
		expect(problems([{ ...line, price: 1, totalPrice: 3 }], itemsList('sek'))).toEqual([
			'data.relationships.item.data[0].price: Give price (each unit) or totalPrice (the whole line), not both',
		]);
		expect(problems([{ ...line, price: 10.5 }], itemsList('ore'))).toEqual([
			'data.relationships.item.data[0].price: has more than 0 decimal places',
		]);
		expect(problems([{ ...line, price: 1.005 }], itemsList('sek'))).toEqual([
			'data.relationships.item.data[0].price: has more than 2 decimal places',
		]);
	});
});

describe('sumOfLines', () => {
	it('adds quantity × price exactly, at the most precise price\'s decimals', () => {
		expect(7 * 19.99).not.toBe(139.93);
		expect(sumOfLines([{ quantity: 7, price: 19.99 }])).toBe(139.93);
		expect(sumOfLines([{ quantity: 3, price: 1.15 }, { quantity: 3, price: 1.1 }])).toBe(6.75);
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(sumOfLines([{ quantity: 1, price: 0.1 }, { quantity: 1, price: '0.2' }])).toBe(0.3);
		expect(sumOfLines([{ quantity: 2, price: 0.125 }, { quantity: '1', price: 10 }])).toBe(10.25);
		expect(sumOfLines([{ quantity: 1, price: '1e-3' }])).toBe(0.001);
		expect(sumOfLines([])).toBe(0);
	});

	it('is undefined when a line has no whole quantity or no price (the line\'s own check names it)', () => {
		expect(sumOfLines([{ quantity: 1.5, price: 2 }])).toBeUndefined();
		expect(sumOfLines([{ quantity: 1, price: '' }])).toBeUndefined();
		expect(sumOfLines([{ quantity: 1, price: 'abc' }])).toBeUndefined();
		expect(sumOfLines([{ quantity: 1, price: 0.0000001 }])).toBeUndefined();
	});
});
