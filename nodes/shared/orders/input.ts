import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { readBody } from '../input/body';
import type { Issue } from '../input/validation';
import { PARSE_OPTIONS, validationError } from '../input/validation';
import type { CanonicalOrder } from './model';
import { shopifyOrderSchema } from './shopify';
import { unwrapOrder } from './source';
import { wooCommerceOrderSchema } from './woocommerce';

/*
 * The two order input modes: the incoming item is a Shopify or WooCommerce order, read into the
 * canonical order (model.ts) and handed to the provider's own mapper.
 */

export const ORDER_INPUT_MODES = ['shopifyOrder', 'wooCommerceOrder'] as const;
export type OrderInputMode = (typeof ORDER_INPUT_MODES)[number];

export const isOrderMode = (mode: unknown): mode is OrderInputMode =>
	(ORDER_INPUT_MODES as readonly unknown[]).includes(mode);

/** `inputMode` of operations that take an order: the two modes of every operation plus the order modes. */
export const orderInputModeProperty: INodeProperties = {
	displayName: 'Input Mode',
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
		{ name: 'JSON', value: 'json', description: 'Send the documented request body as JSON' },
		{
			name: 'Shopify Order',
			value: 'shopifyOrder',
			description:
				'The input item is a Shopify order, e.g. from the Shopify Trigger or the Shopify node',
		},
		{
			name: 'WooCommerce Order',
			value: 'wooCommerceOrder',
			description:
				'The input item is a WooCommerce order, e.g. from the WooCommerce Trigger or the WooCommerce node',
		},
	],
	default: 'fields',
};

/** Shows `properties` only in the order input modes (keeping any other display conditions). */
export function inOrderModes(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((p) => ({
		...p,
		displayOptions: {
			...p.displayOptions,
			show: { ...p.displayOptions?.show, inputMode: [...ORDER_INPUT_MODES] },
		},
	}));
}

/** Parameters of the order modes every order operation shows above its provider's own. */
export const orderSourceProperties: INodeProperties[] = [
	{
		displayName:
			'Each input item is read as an order: the item itself, or its "body" (Webhook node) or "order" (Shopify REST API). Missing required values are reported per item; nothing is sent for such an item.',
		name: 'orderModeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { inputMode: [...ORDER_INPUT_MODES] } },
	},
	{
		displayName: 'Currency',
		name: 'shopifyCurrency',
		type: 'options',
		options: [
			{
				name: 'Shop Currency',
				value: 'shop',
				description: "The amounts in the shop's currency (currency, total_price, …)",
			},
			{
				name: 'Customer Currency',
				value: 'presentment',
				description:
					'The amounts the customer saw and paid (presentment_currency and the *_set fields)',
			},
		],
		default: 'shop',
		description: "Which of a Shopify order's two currencies to send",
		displayOptions: { show: { inputMode: ['shopifyOrder'] } },
	},
];

/**
 * A status parameter of the order modes: "Automatic" maps the order's status with the provider's
 * default table (described in `automatic`); the others force a status. An expression works too.
 */
export function statusOverrideProperty(
	statuses: INodePropertyOptions[],
	automatic: string,
): INodeProperties {
	const options = [{ name: 'Automatic', value: 'auto', description: automatic }, ...statuses];
	return {
		displayName: 'Status',
		name: 'statusOverride',
		type: 'options',
		options: options.sort((a, b) => a.name.localeCompare(b.name)),
		default: 'auto',
		description: "The status to send; Automatic maps the order's own status",
		displayOptions: { show: { inputMode: [...ORDER_INPUT_MODES] } },
	};
}

/** The chosen status override, or undefined for "Automatic". */
export function readStatusOverride(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const value = ctx.getNodeParameter('statusOverride', itemIndex, 'auto') as unknown;
	if (value === null || value === undefined) return undefined;
	const text = String(value).trim();
	return text === '' || text === 'auto' ? undefined : text;
}

/** The platform readers, built once: building one costs about as much as reading a small order. */
const READERS = {
	shop: shopifyOrderSchema('shop'),
	presentment: shopifyOrderSchema('presentment'),
	wooCommerce: wooCommerceOrderSchema(),
};

/** Reads item `itemIndex` as an order of the mode's platform; a bad payload names item and field. */
export function readOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	mode: OrderInputMode,
): CanonicalOrder {
	const json = unwrapOrder(ctx.getInputData()[itemIndex]?.json);
	if (!json || typeof json !== 'object' || !('line_items' in json)) {
		const platform = mode === 'shopifyOrder' ? 'Shopify' : 'WooCommerce';
		throw validationError(ctx.getNode(), itemIndex, [
			{
				path: [],
				message: `Not a ${platform} order: it has no line_items. Connect a ${platform} Trigger or ${platform} node, or a Webhook node receiving ${platform}'s order webhooks`,
			},
		]);
	}
	const schema =
		mode === 'shopifyOrder'
			? READERS[
					ctx.getNodeParameter('shopifyCurrency', itemIndex, 'shop') === 'presentment'
						? 'presentment'
						: 'shop'
				]
			: READERS.wooCommerce;
	const result = schema.safeParse(json, PARSE_OPTIONS);
	if (!result.success) throw validationError(ctx.getNode(), itemIndex, result.error.issues, { raw: json, labelled: false });
	return result.data;
}

/**
 * Runs a provider's mapper, which reports what the order lacks as issues (e.g. a required
 * organisation number); any issue stops the item with the usual validation error.
 */
export function mapOrder<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	build: (issues: Issue[]) => T,
): T {
	const issues: Issue[] = [];
	const body = build(issues);
	if (issues.length) throw validationError(ctx.getNode(), itemIndex, issues);
	return body;
}

/**
 * The item's body in an operation that takes orders: in the order modes what `fromOrder` makes of
 * the item read as a Shopify or WooCommerce order; in JSON and Fields mode as `readBody` reads it.
 */
export function readBodyOrOrder(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => unknown,
	fromOrder: (order: CanonicalOrder) => unknown,
): unknown {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	return isOrderMode(mode) ? fromOrder(readOrder(ctx, itemIndex, mode)) : readBody(ctx, itemIndex, fromFields);
}
