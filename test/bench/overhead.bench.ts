import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { z } from 'zod/v4';

import { compact } from '../../nodes/shared/input/body';
import { fromUpsertFields } from '../../nodes/Esputnik/actions/order/fields';
import { orderSchema } from '../../nodes/Esputnik/schemas';
import { mapStatus } from '../../nodes/Esputnik/statuses';
import { fromCreateFields as feedbackFromFields } from '../../nodes/FeedbackCompany/actions/order/fields';
import { orderCreate as feedbackOrder } from '../../nodes/FeedbackCompany/schemas';
import { fromCreateFields as mailerLiteFromFields } from '../../nodes/MailerLiteEcommerce/actions/order/fields';
import { orderCreate as mailerLiteOrder } from '../../nodes/MailerLiteEcommerce/schemas';
import { fromCreateFields as montlyFromFields } from '../../nodes/Montly/actions/order/fields';
import { orderCreateSchema as montlyOrder } from '../../nodes/Montly/schemas';
import { orderUpsert as montoOrder } from '../../nodes/Monto/schemas';
import { fromOrder as esputnikFromOrder } from '../../nodes/Esputnik/fromOrder';
import { orderFromOrder as mailerLiteFromOrder } from '../../nodes/MailerLiteEcommerce/fromOrder';
import { shopifyOrderSchema } from '../../nodes/shared/orders/shopify';
import { wooCommerceOrderSchema } from '../../nodes/shared/orders/woocommerce';
import type { Issue } from '../../nodes/shared/input/validation';
import { SHOPIFY, WOO } from '../orders/fixtures';
import type { BenchRow, Comparison } from './measure';
import { measure } from './measure';

/**
 * What our nodes add per item before anything is sent: the operation's fields → body mapping
 * and the provider's zod schema. The parameter values are given as n8n hands them to the node
 * after resolving expressions; that resolution is n8n's cost, the same for every node, and is
 * in the end-to-end rows instead.
 */

/** The part of IExecuteFunctions that a `fromFields` mapper reads: per-item parameter values, the node's version. */
function parameterContext(values: (i: number) => IDataObject, typeVersion = 1): IExecuteFunctions {
	const read = (name: string, i: number, fallback?: unknown): unknown => {
		let value: unknown = values(i);
		for (const key of name.split('.')) value = (value as IDataObject | undefined)?.[key];
		return value === undefined ? fallback : value;
	};
	return { getNodeParameter: read, getNode: () => ({ typeVersion }) } as unknown as IExecuteFunctions;
}

interface Case {
	provider: string;
	/** One item's body, from its parameters; what the operation sends after validation. */
	prepare: (ctx: IExecuteFunctions, i: number) => unknown;
	parameters: (i: number) => IDataObject;
	schema: z.ZodType;
}

const esputnikSchema = orderSchema({ timezone: 'Europe/Kyiv', checkTotalCost: true });
const shopify = shopifyOrderSchema();
const wooCommerce = wooCommerceOrderSchema();

/** The platform order of item `n`: a fixture with its own id and e-mail. */
export function platformOrder(fixture: IDataObject, n: number): IDataObject {
	const order = structuredClone(fixture);
	order.id = 5_000_000_000 + n;
	// Shopify's GraphQL id names the same order; the reader refuses an order whose two ids differ.
	if (typeof order.admin_graphql_api_id === 'string') order.admin_graphql_api_id = `gid://shopify/Order/${order.id}`;
	if (typeof order.email === 'string') order.email = `buyer${n}@example.com`;
	return order;
}

/** The Shopify/WooCommerce order modes: platform reader → canonical order → provider mapper. */
function fromPlatform(schema: z.ZodType, map: (order: never, issues: Issue[]) => unknown) {
	return (ctx: IExecuteFunctions, i: number) => {
		const issues: Issue[] = [];
		const body = map(schema.parse(ctx.getNodeParameter('order', i)) as never, issues);
		return issues.length ? undefined : body;
	};
}

/** eSputnik Create or Update in Fields mode; `offset` is appended to each order's date ('' for none). */
function esputnikFields(provider: string, offset: string): Case {
	return {
		provider,
		parameters: (n) => ({
			externalOrderId: `ord-${n}`,
			status: 'fulfilled',
			date: `2024-05-${String((n % 28) + 1).padStart(2, '0')}T10:00:00${offset}`,
			totalCost: 49.7,
			currency: 'EUR',
			externalCustomerId: `cust-${n}`,
			email: `buyer${n}@example.com`,
			phone: '',
			items: {
				item: [
					{ externalItemId: `sku-${n % 500}`, name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug', category: '', imageUrl: '', description: '' },
					{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5, category: '', url: '', imageUrl: '', description: '' },
				],
			},
			additionalFields: { shipping: 4.9 },
		}),
		prepare: (ctx, i) => {
			const order = compact(fromUpsertFields(ctx, i));
			return { ...order, status: mapStatus(order.status, 'shopify') };
		},
		schema: esputnikSchema,
	};
}

const cases: Case[] = [
	esputnikFields('eSputnik Create or Update, date with offset (Shopify)', '+02:00'),
	esputnikFields('eSputnik Create or Update, date without offset (WooCommerce)', ''),
	{
		provider: 'eSputnik Create or Update from a Shopify order',
		parameters: (n) => ({ order: platformOrder(SHOPIFY.standard, n) }),
		prepare: fromPlatform(shopify, (order) => esputnikFromOrder(order)),
		schema: esputnikSchema,
	},
	{
		provider: 'eSputnik Create or Update from a WooCommerce order',
		parameters: (n) => ({ order: platformOrder(WOO.processing, n) }),
		prepare: fromPlatform(wooCommerce, (order) => esputnikFromOrder(order)),
		schema: esputnikSchema,
	},
	{
		provider: 'MailerLite Order Create from a Shopify order',
		parameters: (n) => ({ order: platformOrder(SHOPIFY.standard, n) }),
		prepare: fromPlatform(shopify, (order, issues) => mailerLiteFromOrder(order, {}, issues)),
		schema: mailerLiteOrder,
	},
	{
		provider: 'MailerLite Order Create',
		parameters: (n) => ({
			customerEmail: `buyer${n}@example.com`,
			cartItems: { item: [{ ecommerce_product_id: '31986843064993537', variant: '', quantity: 2, price: 19.9 }] },
			additionalFields: { accepts_marketing: true, status: 'complete', total_price: 39.8 },
		}),
		prepare: (ctx, i) => compact(mailerLiteFromFields(ctx, i)),
		schema: mailerLiteOrder,
	},
	{
		provider: 'Monto Create or Update',
		// Its fields mapper is private to the operation; JSON input (an object from `{{ $json }}`) is the same body.
		parameters: (n) => ({
			jsonBody: { order_id: `o-${n}`, customer: { name: 'Jane Doe', email: `buyer${n}@example.com` }, status: 'fulfilled', items: [{ slug: 'first-product' }, { slug: 'second-product' }] },
		}),
		prepare: (ctx, i) => ctx.getNodeParameter('jsonBody', i),
		schema: montoOrder,
	},
	{
		provider: 'The Feedback Company Order Create',
		parameters: (n) => ({
			external_id: `ord-${n}`,
			customerEmail: `buyer${n}@example.com`,
			customerFullname: 'Jane Doe',
			filtercode: '',
			sendInvitation: true,
			delay: { value: { unit: 'days', amount: 3 } },
			reminder: { value: { unit: 'days', amount: 10 } },
			products: { product: [{ external_id: `p-${n % 100}`, name: 'Mug', url: 'https://shop.example.com/p/mug', sku: '', gtin: '8710103974833', image_url: '' }] },
		}),
		prepare: (ctx, i) => compact(feedbackFromFields(ctx, i)),
		schema: feedbackOrder,
	},
	{
		provider: 'Montly Order Create (SEK)',
		parameters: (n) => ({
			orderId: `ord-${n}`,
			firstName: 'Jane',
			lastName: 'Doe',
			company: 'Doe AB',
			orgNumber: '559089-4308',
			email: `buyer${n}@example.com`,
			phone: '0701234567',
			customerIp: '131.168.20.70',
			totalPrice: 9627.68,
			VAT: 244.4,
			shipping: 129.79,
			shippingVAT: 111.46,
			monthlyPrice: 1210.42,
			months: 24,
			tariff: 2.1,
			billingAddress: 'Storgatan 1',
			billingCity: 'Stockholm',
			billingPostcode: '11122',
			items: { item: [{ name: 'Laptop', productId: `p-${n % 100}`, quantity: 2, totalPrice: 8137.26, VAT: 123.45, sku: '', variationId: '', serialNumber: '' }] },
			additionalFields: {},
		}),
		prepare: (ctx, i) => montlyFromFields(ctx, i, 'sek', 2.1),
		schema: montlyOrder('sek'),
	},
];

/** Mapping + validation over `count` items of each provider, after a warm-up of the same items. */
export async function comparison(count = 10_000): Promise<Comparison> {
	const rows: BenchRow[] = [];
	const verdicts: string[] = [];
	for (const c of cases) {
		const parameters = Array.from({ length: count }, (_, i) => c.parameters(i));
		const ctx = parameterContext((i) => parameters[i]);
		const runOnce = () => {
			let failures = 0;
			for (let i = 0; i < count; i++) if (!c.schema.safeParse(c.prepare(ctx, i)).success) failures++;
			return failures;
		};
		runOnce();
		const { result: failures, figures } = await measure(async () => runOnce());
		const micros = (figures.wallMs * 1000) / count;
		rows.push({ runner: 'ours', items: count, ...figures, note: `${c.provider}; ${count - failures} of ${count} valid` });
		verdicts.push(`${c.provider}: ${micros.toFixed(1)} µs/item ${micros < 50 ? '✓' : '✗'}`);
	}
	return {
		name: `Validation + mapping per item, ${count.toLocaleString('en')} items`,
		target: 'under 50 µs per item',
		rows,
		verdicts,
	};
}
