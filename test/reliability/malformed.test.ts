import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../harness/run-workflow';
import { Simulator } from '../simulators/base';
import { credentialTypesOf, NODES, nodeTypesOf } from './support/nodes';

/*
 * A corpus of malformed inputs for every node: wrong types, missing and empty fields, bad
 * e-mails, bad GTINs, strings one over the provider's limit, negative, huge and non-finite
 * amounts, nested arrays where objects belong, unicode look-alikes and injection strings. Each
 * group runs as one execution with one case per item and "On Error: Continue": every case must
 * come back as its own error item naming its index and the field, the server must receive
 * nothing, and the run must not crash. Without "On Error: Continue", the first case stops the
 * node with an error naming item 0, and still nothing is sent.
 */

const DELETE = Symbol('delete');

interface Case {
	/** The item's input: the JSON body, or the values the parameters' expressions read. */
	input: unknown;
	/** The field the error must name, as the node writes it (`cart.items[0].price`). */
	field: string;
	label: string;
}

/** A value for a path whose error names another field than the path changed. */
class Variant {
	constructor(
		readonly field: string,
		readonly value: unknown,
	) {}
}
const at = (field: string, value: unknown) => new Variant(field, value);

function keysOf(path: string): Array<string | number> {
	return path.split(/\.|(?=\[)/).map((k) => (k.startsWith('[') ? Number(k.slice(1, -1)) : k));
}

function withValue(base: unknown, path: string, value: unknown): unknown {
	const copy = structuredClone(base) as Record<string | number, unknown>;
	const keys = keysOf(path);
	let target = copy as Record<string | number, unknown>;
	for (const key of keys.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
	const last = keys[keys.length - 1];
	if (value === DELETE) delete target[last];
	else target[last] = value;
	return copy;
}

const show = (value: unknown): string => {
	if (value === DELETE) return 'missing';
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 30)}… (${text.length} chars)` : text;
};

/** One case per value: `base` with `path` set to it (or removed). */
function mutations(base: unknown, spec: Record<string, unknown[]>): Case[] {
	return Object.entries(spec).flatMap(([path, values]) =>
		values.map((v) => {
			const { field, value } = v instanceof Variant ? v : { field: path, value: v };
			return { input: withValue(base, path, value), field, label: `${path} = ${show(value)}` };
		}),
	);
}

const long = (n: number) => 'x'.repeat(n);
const hugeDigits = '9'.repeat(400);
const badEmails = [
	'',
	'   ',
	'not-an-email',
	'a@b',
	'a b@example.com',
	'jöhn@exämple.com',
	'<script>alert(1)</script>@example.com',
	"x'; DROP TABLE customers;--",
	42,
	null,
	['a@example.com'],
	{ email: 'a@example.com' },
];
const badAmounts = [-0.01, 'abc', Number.NaN, Number.POSITIVE_INFINITY, hugeDigits, '1e999', {}, [], true, [[1]]];
const badUrls = ['javascript:alert(1)', 'not a url', 'ftp://shop.example.com/p', 42];

interface Group {
	name: string;
	node: string;
	parameters: INodeParameters;
	cases: Case[];
}

const json = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	inputMode: 'json',
	jsonBody: '={{ $json.body }}',
	...extra,
});
const bodies = (cases: Case[]): Case[] => cases.map((c) => ({ ...c, input: { body: c.input } }));
const shopId = { __rl: true, mode: 'id', value: '31986843064993537' };

// --- MailerLite -----------------------------------------------------------------------------

const mlOrder = {
	customer: { email: 'buyer@example.com', accepts_marketing: true },
	cart: { items: [{ ecommerce_product_id: '31986843064993540', quantity: 1, price: 9.99 }], checkout_url: 'https://shop.example.com/cart/1' },
	status: 'pending',
	total_price: 9.99,
};
const mlOrderCases = mutations(mlOrder, {
	'customer.email': [...badEmails, DELETE],
	customer: [DELETE, null, 'buyer@example.com', at('customer', [[{ email: 'buyer@example.com' }]])],
	cart: [DELETE, null, [], 'cart'],
	'cart.items': [DELETE, at('cart.items', []), {}, 'x', at('cart.items[0]', [[mlOrder.cart.items[0]]])],
	'cart.items[0].quantity': [0, -1, 1.5, 'abc', Number.NaN, Number.POSITIVE_INFINITY, null, DELETE],
	'cart.items[0].price': [...badAmounts, DELETE],
	'cart.items[0].ecommerce_product_id': [DELETE, '', '  ', null, -1, 1.5, {}, []],
	'cart.checkout_url': badUrls,
	total_price: [-5, 'abc', Number.NaN, Number.POSITIVE_INFINITY, hugeDigits],
	status: ['', '   ', 123, {}, []],
});

const mlCustomer = { email: 'buyer@example.com', accepts_marketing: true, total_spent: 10, orders_count: 1 };
const mlCustomerCases = mutations(mlCustomer, {
	email: [...badEmails, DELETE],
	total_spent: [-1, 'abc', Number.NaN, hugeDigits],
	orders_count: [-1, 1.5, 'many'],
	accepts_marketing: ['yes', 1],
	subscriber_fields: [[], 'x', [[{ a: 1 }]]],
});

const mlProduct = { name: 'Mug', price: 9.99, url: 'https://shop.example.com/p/mug', categories: ['1'] };
const mlProductCases = mutations(mlProduct, {
	name: [DELETE, '', '   ', 123, [], { name: 'Mug' }],
	price: [...badAmounts, DELETE],
	url: badUrls,
	image: ['data:image/png;base64,AAAA', 'x'],
	categories: ['1', at('categories[0]', [{}]), at('categories[0]', [[]]), at('categories[0]', [''])],
});

const mlShop = { name: 'Shop', url: 'https://shop.example.com', currency: 'EUR' };
const mlShopCases = mutations(mlShop, {
	name: [DELETE, '', 42],
	url: [DELETE, ...badUrls],
	currency: ['eur', 'EURO', '\u0415UR', '€', "EUR'--"],
	group_id: ['abc', 1.5],
	enabled: ['yes'],
});

const mlUpdateCases: Case[] = [
	...mutations({ status: 'complete' }, {
		status: [at('(item)', DELETE)],
		total_price: [-1, 'abc'],
		customer: [{ email: 'new@example.com' }],
		cart: [{ items: [] }],
	}),
	{ input: { status: '' }, field: 'status', label: 'status = ""' },
];

const mlCartItem = { ecommerce_product_id: '31986843064993540', quantity: 2, price: 4.5 };
const mlCartItemCases = mutations(mlCartItem, {
	ecommerce_product_id: [DELETE, ''],
	quantity: [0, -3, 'two', 2.5],
	price: [-1, 'free', Number.NaN],
});

const mlIdCases: Case[] = [
	{ input: { orderId: '' }, field: 'orderId', label: 'orderId = ""' },
	{ input: { orderId: '   ' }, field: 'orderId', label: 'orderId = "   "' },
	{ input: { orderId: null }, field: 'orderId', label: 'orderId = null' },
];

// --- eSputnik -------------------------------------------------------------------------------

const esOrder = {
	externalOrderId: 'ord-1',
	externalCustomerId: 'cust-1',
	email: 'buyer@example.com',
	phone: '380942583691',
	status: 'DELIVERED',
	date: '2024-05-01T10:00:00+02:00',
	currency: 'EUR',
	totalCost: 49.7,
	shipping: 4.9,
	discount: 0,
	restoreUrl: 'https://shop.example.com/order/1',
	items: [
		{ externalItemId: 'sku-1', name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug' },
		{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5 },
	],
};
const esOrderCases: Case[] = [
	...mutations(esOrder, {
		externalOrderId: [DELETE, '', '   ', null, {}, [], -1, 1.5],
		status: ['SHIPPED', 'DELIVERY', '', 'DELIVERED\u200b', "DELIVERED'; DROP TABLE orders;--", 3, DELETE],
		date: ['yesterday', '2024-13-01T00:00:00Z', '2024-02-30T10:00:00Z', '2024-05-01T25:00:00+02:00', 20240501, '', DELETE, {}],
		totalCost: [...badAmounts, at('totalCost', 50), DELETE],
		currency: ['EURO', '€', 'E1R', '', 978, DELETE],
		email: ['not-an-email', 'a@b', 'jöhn@exämple.com', '<script>@example.com', 42],
		phone: ['abc', '1234', '1'.repeat(16), {}],
		items: ['x', {}, at('items[0]', [[esOrder.items[0]]]), at('items[0]', [null])],
		'items[0].quantity': [0, -1, 'two', Number.NaN],
		'items[0].cost': [-1, 'abc', Number.NaN, Number.POSITIVE_INFINITY],
		'items[0].name': [DELETE, '', '  ', 7],
		'items[0].externalItemId': [DELETE, '', {}],
		'items[0].url': badUrls,
		restoreUrl: badUrls,
		shipping: [-1, 'abc'],
		discount: ['ten', -2],
		additionalInfo: [[], 'x', [[{ a: 1 }]]],
	}),
	{
		input: { ...esOrder, externalCustomerId: undefined, email: undefined, phone: undefined },
		field: 'externalCustomerId',
		label: 'no externalCustomerId, email or phone',
	},
	{ input: { orders: [esOrder] }, field: 'orders', label: 'the {"orders": [...]} wrapper' },
];

const esDeleteCases: Case[] = [
	{ input: { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' }, field: 'to', label: 'to before from' },
	{ input: { from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:01Z' }, field: 'to', label: 'a window over 24 h' },
	{ input: { from: '2024-05-01T00:00:00Z', to: '2024-05-01T00:00:00Z' }, field: 'to', label: 'an empty window' },
	{ input: { from: 'yesterday', to: '2024-05-01T00:00:00Z' }, field: 'from', label: 'from = "yesterday"' },
	{ input: { from: '', to: '2024-05-01T00:00:00Z' }, field: 'from', label: 'from = ""' },
	{ input: { from: '2024-05-01T00:00:00Z', to: "'; DROP TABLE orders;--" }, field: 'to', label: 'to = injection' },
];

// --- Monto ----------------------------------------------------------------------------------

const montoOrder = { order_id: 'o-1', customer: { name: 'Jane Doe', email: 'jane@example.com' }, status: 'fulfilled', items: [{ slug: 'first-product' }] };
const montoCases = mutations(montoOrder, {
	order_id: [DELETE, '', null, {}, -1, [[1]]],
	customer: [DELETE, 'jane@example.com', at('customer', [])],
	'customer.name': [DELETE, '', 42],
	'customer.email': [...badEmails.slice(0, 8), DELETE],
	// An unknown key is named at the key itself.
	'customer.phone': ['+46 70 123 45 67'],
	status: ['shipped', '', 42, 'fulfilled; rm -rf /'],
	items: [at('items', []), 'first-product', at('items[0]', [[{ slug: 'a' }]]), at('items[0].slug', [{}]), at('items[0].slug', [{ slug: '' }]), at('items[0].price', [{ slug: 'a', price: 1 }])],
	total: [100],
});
const montoIdCases: Case[] = [
	{ input: { orderId: '' }, field: 'orderId', label: 'orderId = ""' },
	{ input: { orderId: '  ' }, field: 'orderId', label: 'orderId = "  "' },
];

// --- The Feedback Company ------------------------------------------------------------------

const fcOrder = {
	external_id: 'ord-1',
	customer: { email: 'buyer@example.com', fullname: 'Jane Doe' },
	invitation: { delay: { unit: 'days', amount: 3 }, reminder: { unit: 'days', amount: 10 } },
	products: [{ external_id: 'p-1', name: 'Mug', url: 'https://shop.example.com/p/mug', sku: 'MUG-1', gtin: '8710103974833', image_url: 'https://shop.example.com/i/mug.jpg' }],
	filtercode: 'spring',
};
const fcCases = mutations(fcOrder, {
	external_id: [DELETE, '', '   ', long(251), {}, -1, [[1]]],
	'customer.email': [...badEmails.slice(0, 8), `${long(240)}@example.com`, DELETE],
	'customer.fullname': ['', long(251), 42.5],
	customer: [DELETE, 'buyer@example.com'],
	'invitation.delay.unit': ['weeks', '', at('invitation.delay.unit', DELETE)],
	'invitation.delay.amount': [-1, 1.5, 'three', Number.NaN],
	'invitation.delay': [DELETE, 'P3D'],
	'invitation.reminder': [at('invitation.reminder', { unit: 'days', amount: 3 }), at('invitation.reminder', { unit: 'hours', amount: 80 }), at('invitation.reminder.unit', { unit: 'weekdays', amount: 10 })],
	invitation: ['tomorrow', at('invitation', [])],
	products: ['Mug', at('products[0]', [[fcOrder.products[0]]]), at('products[0].external_id', [{}])],
	'products[0].name': [DELETE, '', long(251)],
	'products[0].url': [DELETE, ...badUrls, `https://shop.example.com/${long(2000)}`],
	'products[0].gtin': ['8710103974834', '123', 'abcdefghijklm', '871010397483\u0663', -8710103974833],
	'products[0].sku': ['', long(251)],
	'products[0].image_url': ['x', 'javascript:alert(1)'],
	filtercode: [long(251), 42],
});
const fcIdCases: Case[] = [{ input: { id: '' }, field: 'invitationId', label: 'invitationId = ""' }];
const fcAggregateCases: Case[] = [{ input: { id: ' ' }, field: 'productExternalId', label: 'productExternalId = " "' }];

// --- Montly ---------------------------------------------------------------------------------

const montlyOrder = {
	data: {
		type: 'order',
		attributes: {
			orderId: 'ord-1',
			firstName: 'Jane',
			lastName: 'Doe',
			company: 'Doe AB',
			orgNumber: '559089-4308',
			email: 'jane@example.com',
			phone: '0701234567',
			itemsCount: 1,
			totalPrice: 962768,
			VAT: 24440,
			shipping: 12979,
			shippingVAT: 11146,
			customerIp: '131.168.20.70',
			currency: 'SEK',
			months: 24,
			tariff: 2.1,
			billingAddress: 'Storgatan 1',
			billingCity: 'Stockholm',
			billingPostcode: '11122',
			monthlyPrice: 121042,
		},
		relationships: { item: { data: [{ name: 'Laptop', productId: 'p-1', quantity: 1, totalPrice: 813726, VAT: 12345 }] } },
	},
};
const attr = (name: string) => `data.attributes.${name}`;
const montlyCases = mutations(montlyOrder, {
	[attr('orgNumber')]: ['5590894308', '\uff15\uff15\uff19\uff10\uff18\uff19-\uff14\uff13\uff10\uff18', '559089-430', DELETE],
	[attr('email')]: ['not-an-email', 'jöhn@exämple.com', `${long(250)}@example.com`, DELETE],
	[attr('totalPrice')]: [599999, -1, 1.5, Number.NaN, 2 ** 53, '9'.repeat(30), 'abc', DELETE],
	[attr('VAT')]: [-1, 0.5],
	[attr('monthlyPrice')]: [0, -100],
	[attr('months')]: [0, 1.5, 'two years'],
	[attr('tariff')]: [0, -1, 'x'],
	[attr('customerIp')]: ['999.1.1.1', 'localhost', '131.168.20.70; DROP TABLE', ''],
	[attr('currency')]: ['EUR', 'sek'],
	[attr('firstName')]: ['', long(256), DELETE],
	[attr('billingAddress')]: [long(256), ['Storgatan 1']],
	[attr('phone')]: [DELETE, ''],
	[attr('itemsCount')]: [0, -1],
	[attr('sandboxMode')]: ['yes'],
	'data.type': ['orders', DELETE],
	'data.attributes': [DELETE, 'x'],
	'data.relationships.item.data': [[], 'x', at('data.relationships.item.data[0]', [[montlyOrder.data.relationships.item.data[0]]])],
	'data.relationships.item.data[0].quantity': [0, 'one'],
	'data.relationships.item.data[0].totalPrice': [-1, 12.5],
	'data.relationships.item.data[0].name': [long(256), ''],
	data: [DELETE, 'order'],
});
const montlyShippedCases: Case[] = [
	{ input: { orderId: 'o-1', shippedAt: 'yesterday' }, field: 'shippedAt', label: 'shippedAt = "yesterday"' },
	{ input: { orderId: 'o-1', shippedAt: '2017-13-40' }, field: 'shippedAt', label: 'shippedAt = "2017-13-40"' },
	{ input: { orderId: '', shippedAt: '' }, field: 'orderId', label: 'orderId = ""' },
];
const montlyIdCases: Case[] = [{ input: { orderId: '' }, field: 'orderId', label: 'orderId = ""' }];

// --- The groups -----------------------------------------------------------------------------

const groups: Group[] = [
	{ name: 'MailerLite Order Create', node: 'mailerLiteEcommerce', parameters: json('order', 'create', { shopId }), cases: bodies(mlOrderCases) },
	{ name: 'MailerLite Order Import', node: 'mailerLiteEcommerce', parameters: json('order', 'import', { shopId }), cases: bodies(mlOrderCases) },
	{ name: 'MailerLite Order Update', node: 'mailerLiteEcommerce', parameters: json('order', 'update', { shopId, orderId: '1' }), cases: bodies(mlUpdateCases) },
	{ name: 'MailerLite Customer Create', node: 'mailerLiteEcommerce', parameters: json('customer', 'create', { shopId }), cases: bodies(mlCustomerCases) },
	{ name: 'MailerLite Product Create', node: 'mailerLiteEcommerce', parameters: json('product', 'create', { shopId }), cases: bodies(mlProductCases) },
	{ name: 'MailerLite Shop Create', node: 'mailerLiteEcommerce', parameters: json('shop', 'create'), cases: bodies(mlShopCases) },
	{ name: 'MailerLite Cart Item Create', node: 'mailerLiteEcommerce', parameters: json('cartItem', 'create', { shopId, cartId: '1' }), cases: bodies(mlCartItemCases) },
	{
		name: 'MailerLite Order Get',
		node: 'mailerLiteEcommerce',
		parameters: { resource: 'order', operation: 'get', shopId, orderId: '={{ $json.orderId }}' },
		cases: mlIdCases,
	},
	{
		name: 'MailerLite Order Create (fields)',
		node: 'mailerLiteEcommerce',
		parameters: {
			resource: 'order',
			operation: 'create',
			shopId,
			customerEmail: '={{ $json.email }}',
			cartItems: { item: [{ ecommerce_product_id: '={{ $json.product }}', quantity: '={{ $json.quantity }}', price: '={{ $json.price }}' }] },
		},
		cases: [
			{ input: { email: 'not-an-email', product: '1', quantity: 1, price: 1 }, field: 'customer.email', label: 'email = "not-an-email"' },
			{ input: { email: 'a@example.com', product: '', quantity: 1, price: 1 }, field: 'cart.items[0].ecommerce_product_id', label: 'product = ""' },
			{ input: { email: 'a@example.com', product: '1', quantity: 0, price: 1 }, field: 'cart.items[0].quantity', label: 'quantity = 0' },
			{ input: { email: 'a@example.com', product: '1', quantity: 1, price: -1 }, field: 'cart.items[0].price', label: 'price = -1' },
		],
	},
	{ name: 'eSputnik Create or Update', node: 'esputnik', parameters: json('order', 'upsert'), cases: bodies(esOrderCases) },
	{
		name: 'eSputnik Delete (time range)',
		node: 'esputnik',
		parameters: { resource: 'order', operation: 'delete', deleteBy: 'timeRange', from: '={{ $json.from }}', to: '={{ $json.to }}' },
		cases: esDeleteCases,
	},
	{
		name: 'eSputnik Delete (order)',
		node: 'esputnik',
		parameters: { resource: 'order', operation: 'delete', externalOrderId: '={{ $json.orderId }}' },
		cases: mlIdCases.map((c) => ({ ...c, field: 'externalOrderId', label: c.label.replace('orderId', 'externalOrderId') })),
	},
	{ name: 'Monto Create or Update', node: 'monto', parameters: json('order', 'upsert', { options: { requestInterval: 0 } }), cases: bodies(montoCases) },
	{
		name: 'Monto Get Subscriptions',
		node: 'monto',
		parameters: { resource: 'order', operation: 'getSubscriptions', orderId: '={{ $json.orderId }}', options: { requestInterval: 0 } },
		cases: montoIdCases,
	},
	{ name: 'The Feedback Company Order Create', node: 'feedbackCompany', parameters: json('order', 'create'), cases: bodies(fcCases) },
	{
		name: 'The Feedback Company Invitation Get',
		node: 'feedbackCompany',
		parameters: { resource: 'invitation', operation: 'get', invitationId: '={{ $json.id }}' },
		cases: fcIdCases,
	},
	{
		name: 'The Feedback Company Product Review Aggregate',
		node: 'feedbackCompany',
		parameters: { resource: 'productReview', operation: 'getAggregate', productExternalId: '={{ $json.id }}' },
		cases: fcAggregateCases,
	},
	{ name: 'Montly Order Create', node: 'montly', parameters: json('order', 'create'), cases: bodies(montlyCases) },
	{
		name: 'Montly Mark Shipped',
		node: 'montly',
		parameters: { resource: 'order', operation: 'markShipped', orderId: '={{ $json.orderId }}', shippedAt: '={{ $json.shippedAt }}' },
		cases: montlyShippedCases,
	},
	...(['cancel', 'getStatus'] as const).map((operation) => ({
		name: `Montly ${operation}`,
		node: 'montly',
		parameters: { resource: 'order', operation, orderId: '={{ $json.orderId }}' },
		cases: montlyIdCases,
	})),
];

// --- The run --------------------------------------------------------------------------------

/** Counts everything, the Feedback Company's token endpoint included. */
const server = new Simulator(() => ({ status: 200, body: { data: { id: '1' } } }));
beforeAll(async () => {
	await server.start();
});
afterAll(async () => {
	await server.stop();
});

function credentialsOf(): ICredentialDataDecryptedObject {
	return { apiKey: 'not-a-real-key', clientId: 'c', clientSecret: 'not-a-real-secret', accessToken: '', baseUrl: server.url };
}

const byType = new Map(NODES.map((n) => [n.type, n]));

async function run(group: Group, cases: Case[], continueOnFail: boolean) {
	const n = byType.get(group.node)!;
	return await runWorkflow({
		node: { type: n.type, parameters: group.parameters, onError: continueOnFail ? 'continueRegularOutput' : undefined },
		nodeTypes: nodeTypesOf(n),
		credentialTypes: credentialTypesOf(n),
		credentials: { [n.credentialName]: credentialsOf() },
		items: cases.map((c) => c.input as IDataObject),
	});
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `[item i] path: …`, or with the field's editor label in front: `[item i] Label (path): …`. */
const namesField = (message: string, i: number, field: string) =>
	new RegExp(`^\\[item ${i}\\] (${escape(field)}|[A-Z].*? \\(${escape(field)}\\))(: |$)`).test(message);

describe('malformed input is rejected before anything is sent', () => {
	it('has at least 200 cases across every node', () => {
		const total = groups.reduce((sum, g) => sum + g.cases.length, 0);
		expect(total).toBeGreaterThanOrEqual(200);
		expect(new Set(groups.map((g) => g.node))).toEqual(new Set(NODES.map((n) => n.type)));
	});

	it.each(groups.map((g): [string, number, Group] => [g.name, g.cases.length, g]))(
		'%s: %i cases, each its own error item naming the item and the field',
		async (_name, _count, group) => {
			server.requests.length = 0;
			const r = await run(group, group.cases, true);
			expect(r.status).toBe('success');
			const problems: string[] = [];
			if (r.output.length !== group.cases.length) problems.push(`${r.output.length} output items for ${group.cases.length} cases`);
			group.cases.forEach((c, i) => {
				const item = r.output[i];
				const message = String(item?.json.error ?? '');
				if (!namesField(message, i, c.field)) problems.push(`${c.label}: expected "[item ${i}] ${c.field}: …", got ${JSON.stringify(item?.json)}`);
				const details = item?.json.details as IDataObject | undefined;
				if (details?.httpCode !== undefined || !/Nothing was sent for this item\.$/.test(String(details?.description))) {
					problems.push(`${c.label}: does not say that nothing was sent: ${JSON.stringify(details)}`);
				}
				if ((item?.pairedItem as { item: number } | undefined)?.item !== i) problems.push(`${c.label}: not paired to item ${i}`);
			});
			expect(problems).toEqual([]);
			expect(server.requests).toHaveLength(0);
		},
	);

	it.each(groups.map((g): [string, Group] => [g.name, g]))('%s: without "On Error: Continue" the first case stops the node', async (_name, group) => {
		server.requests.length = 0;
		const r = await run(group, group.cases, false);
		expect(r.status).toBe('error');
		expect(namesField(r.error?.message ?? '', 0, group.cases[0].field)).toBe(true);
		expect(server.requests).toHaveLength(0);
	});
});
