/**
 * Validation errors in the words on screen (issue 22.3): the editor's label of the field, its path,
 * the value given (cut to 80 characters, never for a secret field) and what is wrong, in plain words.
 */
import type { INode, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v4';

import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { LABELS as ESPUTNIK } from '../../nodes/Esputnik/labels';
import { orderSchema, timeRangeSchema } from '../../nodes/Esputnik/schemas';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { LABELS as FEEDBACK_COMPANY } from '../../nodes/FeedbackCompany/labels';
import { orderCreate as fcOrderCreate } from '../../nodes/FeedbackCompany/schemas';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { LABELS as MAILERLITE } from '../../nodes/MailerLiteEcommerce/labels';
import * as ml from '../../nodes/MailerLiteEcommerce/schemas';
import { createExample as montlyExample } from '../../nodes/Montly/actions/order/fields';
import { LABELS as MONTLY } from '../../nodes/Montly/labels';
import { Montly } from '../../nodes/Montly/Montly.node';
import { orderCreateSchema, shippedBody } from '../../nodes/Montly/schemas';
import { LABELS as MONTO } from '../../nodes/Monto/labels';
import { Monto } from '../../nodes/Monto/Monto.node';
import { orderUpsert } from '../../nodes/Monto/schemas';
import type { NodeLabels } from '../../nodes/shared/input/labels';
import { registerLabels } from '../../nodes/shared/input/labels';
import { formatPath, validateItem, validationError } from '../../nodes/shared/input/validation';

const node = (type: string, resource?: string): INode => ({
	id: '1',
	name: type,
	type: `CUSTOM.${type}`,
	typeVersion: 1,
	position: [0, 0],
	parameters: resource ? { resource } : {},
});

/** The message validation gives for `value`, without the item label the engine adds. */
function message(n: INode, schema: z.ZodType, value: unknown): string {
	let thrown: unknown;
	try {
		validateItem(n, schema, value, 0);
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(NodeOperationError);
	return (thrown as NodeOperationError).message;
}

describe('the message of a bad value', () => {
	const mlNode = node('mailerLiteEcommerce', 'order');
	const order = { customer: { email: 'ann@example.com' }, cart: { items: [{ ecommerce_product_id: 'P-1', quantity: 1, price: 10 }] } };

	it('names the label, the path and the value, in plain words', () => {
		expect(message(mlNode, ml.orderCreate, { ...order, customer: { email: 'ann.example.com' } })).toBe(
			'Customer Email (customer.email): "ann.example.com" is not a valid e-mail address',
		);
		expect(message(mlNode, ml.orderCreate, { ...order, total_price: 'ten' })).toBe('Total Price (total_price): "ten" must be a number');
		expect(message(mlNode, ml.orderCreate, { ...order, customer: {} })).toBe('Customer Email (customer.email): is required');
	});

	it('names the list for a field of one of its entries', () => {
		const items = [order.cart.items[0], { ecommerce_product_id: 'P-2', quantity: 0, price: 1 }];
		expect(message(mlNode, ml.orderCreate, { ...order, cart: { items } })).toBe('Cart Items (cart.items[1].quantity): 0 must be at least 1');
	});

	it('shows a path no field stands for alone (JSON mode), and a label of another resource not at all', () => {
		expect(message(mlNode, ml.orderCreate, { ...order, cart: { ...order.cart, cart_total: -1 } })).toBe('cart.cart_total: -1 must be 0 or more');
		// `name` is Name under Shop, Category and Product; an order has no field for it.
		expect(message(node('mailerLiteEcommerce', 'product'), ml.productCreate, { name: '' , price: 1 })).toBe('Name (name): is required');
	});

	it('cuts a long value to 80 characters', () => {
		const long = `${'a'.repeat(300)}@`;
		const text = message(mlNode, ml.orderCreate, { ...order, customer: { email: long } });
		const shown = /^Customer Email \(customer\.email\): "([^"]*)" is not a valid e-mail address$/.exec(text)?.[1];
		expect(shown).toBe(`${'a'.repeat(79)}…`);
		expect(shown).toHaveLength(80);
		expect(text).not.toContain('a'.repeat(80));
		const object = message(mlNode, ml.orderCreate, { ...order, cart: { items: { list: 'x'.repeat(200) } } });
		expect(object).toBe(`Cart Items (cart.items): {"list":"${'x'.repeat(70)}… must be a list`);
	});

	it('never shows the value of a secret field', () => {
		registerLabels('labelsTestSecret', { defaultResource: 'r', resources: { r: { apiKey: 'API Key', name: 'Name' } }, secret: ['apiKey'] });
		const schema = z.looseObject({ apiKey: z.string().regex(/^ml_/), name: z.string() });
		const text = message(node('labelsTestSecret'), schema, { apiKey: 'sk_live_very_secret', name: 'x' });
		expect(text).toBe('API Key (apiKey): is not in the expected format');
		expect(text).not.toContain('sk_live');
		expect(message(node('labelsTestSecret'), schema, { apiKey: 'ml_1', name: 5 })).toBe('Name (name): 5 must be text');
	});

	it('words zod\'s own messages plainly and names each unknown key of a strict object', () => {
		const n = node('monto');
		const base = { order_id: 'o-1', customer: { name: 'Ann', email: 'ann@example.com' }, items: [{ slug: 'mug' }] };
		expect(message(n, orderUpsert, { ...base, note: 'hi' })).toBe('note: "hi" is not a field this operation accepts');
		expect(message(n, orderUpsert, { ...base, items: [{ slug: 'mug', colour: 'red' }] })).toBe(
			'Item Slugs (items[0].colour): "red" is not a field this operation accepts',
		);
		expect(message(n, orderUpsert, { ...base, customer: 'Ann' })).toBe('customer: "Ann" must be an object');
	});

	it('finds the labels of a node used as an AI Agent\'s tool', () => {
		const tool = { ...node('monto'), type: 'n8n-nodes-order-sync.montoTool' };
		expect(validationError(tool, 0, [{ path: ['customer', 'email'], message: 'Required' }]).message).toBe(
			'Customer Email (customer.email): is required',
		);
	});

	it('lists the other fields in the description', () => {
		const error = validationError(node('monto'), 3, [
			{ path: ['customer', 'email'], message: 'Invalid email address', input: 'x' },
			{ path: ['order_id'], message: 'Required', input: undefined },
		]);
		expect(error.message).toBe('Customer Email (customer.email): "x" is not a valid e-mail address');
		expect(error.description).toBe('Also: Order ID (order_id): is required. Nothing was sent for this item.');
	});
});

/** Every displayName in a description, at any depth (collections and fixed collections too). */
function displayNames(properties: readonly unknown[], into = new Set<string>()): Set<string> {
	for (const property of properties as Array<Partial<INodeProperties> & { values?: unknown[] }>) {
		if (property.displayName) into.add(property.displayName);
		if (Array.isArray(property.options)) displayNames(property.options, into);
		if (Array.isArray(property.values)) displayNames(property.values, into);
	}
	return into;
}

const NODES: Array<[string, NodeLabels, INodeTypeDescription]> = [
	['MailerLite', MAILERLITE, new MailerLiteEcommerce().description],
	['eSputnik', ESPUTNIK, new Esputnik().description],
	['The Feedback Company', FEEDBACK_COMPANY, new FeedbackCompany().description],
	['Monto', MONTO, new Monto().description],
	['Montly', MONTLY, new Montly().description],
];

describe.each(NODES)('%s: the labels are the editor\'s', (_name, labels, description) => {
	const names = displayNames(description.properties);
	const resources = description.properties.find((p) => p.name === 'resource')?.options?.map((o) => (o as { value: string }).value) ?? [];

	it('every label is a displayName of the node\'s parameters', () => {
		const missing = Object.values(labels.resources)
			.flatMap((map) => Object.values(map))
			.filter((label) => !names.has(label));
		expect(missing).toEqual([]);
	});

	it('every resource of the map is one of the node\'s', () => {
		expect(resources).toContain(labels.defaultResource);
		for (const resource of Object.keys(labels.resources)) expect(resources).toContain(resource);
	});

	it('no password parameter is left out of the secret paths', () => {
		const secrets = description.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		for (const name of secrets) expect(labels.secret ?? []).toContain(name);
	});
});

/*
 * Per provider and resource: the schema and a valid body; a bad value at each labelled path must
 * give that label. Keys that are parameters rather than body paths (a list given as one
 * expression, the order modes' own fields) are checked through the nodes in test/nodes/labels.test.ts.
 */
const PARAMETER_KEYS = new Set([
	'cartItemsList', 'itemsList', 'productsList', 'itemSlugs', 'productUrl',
	'orgNumber', 'company', 'customerIp', 'phone', 'tariff',
]);
const esOrder = {
	externalOrderId: 'o-1',
	status: 'DELIVERED',
	date: '2024-05-01T10:00:00Z',
	totalCost: 25,
	currency: 'EUR',
	email: 'ann@example.com',
	items: [{ externalItemId: 'a', name: 'Mug', quantity: 1, cost: 25 }],
};
const SCHEMAS: Record<string, Record<string, Array<[z.ZodType, object]>>> = {
	mailerLiteEcommerce: {
		shop: [[ml.shopCreate, { name: 'Shop', url: 'https://shop.example.com' }]],
		category: [[ml.categoryCreate, { name: 'Mugs' }]],
		product: [[ml.productCreate, { name: 'Mug', price: 1 }]],
		customer: [[ml.customerCreate, { email: 'ann@example.com' }]],
		cart: [[ml.cartUpdate, { checkout_url: 'https://shop.example.com/c' }]],
		cartItem: [[ml.cartItem, { ecommerce_product_id: 'P-1', quantity: 1, price: 1 }]],
		order: [[ml.orderCreate, { customer: { email: 'ann@example.com' }, cart: { items: [{ ecommerce_product_id: 'P-1', quantity: 1, price: 10 }] } }]],
	},
	esputnik: {
		order: [
			[orderSchema({ timezone: 'UTC', checkTotalCost: false }), esOrder],
			[timeRangeSchema('UTC'), { from: '2024-05-01T00:00:00Z', to: '2024-05-01T01:00:00Z' }],
		],
	},
	feedbackCompany: {
		order: [[fcOrderCreate, { external_id: 'o-1', customer: { email: 'ann@example.com' }, invitation: { delay: { unit: 'days', amount: 1 } } }]],
	},
	monto: { order: [[orderUpsert, { order_id: 'o-1', customer: { name: 'Ann', email: 'ann@example.com' }, items: [{ slug: 'mug' }] }]] },
	montly: { order: [[orderCreateSchema('ore'), montlyExample], [shippedBody, {}]] },
};
const BAD_VALUES: unknown[] = [{ bad: 1 }, 'not valid ✗', -1, 1.5, [], true];

function withValue(body: object, path: string[], value: unknown): object {
	const [key, ...rest] = path;
	const current = (body as Record<string, unknown>)[key];
	return { ...body, [key]: rest.length ? withValue((current as object) ?? {}, rest, value) : value };
}

describe.each(NODES.map(([name, labels]) => [name, labels] as const))('%s: a bad value in each labelled field is named by its label', (_name, labels) => {
	const nodeName = [...NODES].find(([, l]) => l === labels)![2].name;
	const cases = Object.entries(labels.resources).flatMap(([resource, map]) =>
		Object.entries(map)
			.filter(([path]) => !PARAMETER_KEYS.has(path))
			.map(([path, label]) => [`${resource} ${path}`, resource, path, label] as const),
	);

	it.each(cases)('%s', (_title, resource, path, label) => {
		const n = node(nodeName, resource);
		const found: string[] = [];
		for (const [schema, base] of SCHEMAS[nodeName][resource]) {
			for (const bad of BAD_VALUES) {
				const result = schema.safeParse(withValue(base, path.split('.'), bad));
				const at = result.success ? undefined : result.error.issues.find((i) => formatPath(i.path).startsWith(path));
				if (!at) continue;
				found.push(message(n, schema, withValue(base, path.split('.'), bad)));
				break;
			}
			if (found.length) break;
		}
		expect(found).toHaveLength(1);
		expect(found[0].startsWith(`${label} (${path}`)).toBe(true);
	});
});
