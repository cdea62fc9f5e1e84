import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { runWrites } from '../../../shared/engine/loop';
import type { ApiClient } from '../../../shared/http/client';
import { jsonBodyProperty } from '../../../shared/input/parameters';
import {
	inOrderModes,
	mapOrder,
	orderInputModeProperty,
	orderSourceProperties,
	readBodyOrOrder,
	readStatusOverride,
	statusOverrideProperty,
} from '../../../shared/orders/input';
import type { LineItemList } from '../../../shared/input/line-items';
import { FRIENDLY_KEYS, toLineItems } from '../../../shared/input/line-items';
import { validateItem, validationError } from '../../../shared/input/validation';
import type { SlugSource } from '../../fromOrder';
import { fromOrder } from '../../fromOrder';
import { orderItem, orderUpsert } from '../../schemas';
import { optionsProperty, orderIdProperty } from '../common';

/** `itemSlugs`, in Fields mode and for the order modes' "List Below". */
const itemSlugsProperty: INodeProperties = {
	displayName: 'Item Slugs',
	name: 'itemSlugs',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. first-product, second-product',
	description:
		'Slugs of the Webflow CMS product items, separated by commas, or an expression that returns a list of slugs or of objects with a slug key',
};

const fields: INodeProperties[] = [
	{
		...orderIdProperty,
		description:
			'Any ID that is unique to this order, e.g. the shop\'s or Eventbrite\'s order ID. Sending an order with the same ID again overwrites the earlier one.',
	},
	{ displayName: 'Customer Name', name: 'customerName', type: 'string', required: true, default: '', placeholder: 'e.g. John Doe' },
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. name@email.com',
		description: 'Where Monto sends the review request',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Pending', value: 'pending', description: 'Registers the order; no review request' },
			{ name: 'Fulfilled', value: 'fulfilled', description: 'Starts the Call-To-Review e-mail after the delay set in Monto' },
		],
		default: 'pending',
		hint: 'The review e-mail needs Monto Reviews with Call-To-Review e-mails enabled. Sending Pending first and Fulfilled later with the same Order ID is how an order moves on.',
	},
	{
		...itemSlugsProperty,
		hint: 'Each slug must match a Webflow collection item synced to Monto, which shows its name and image in the review e-mail',
	},
];

export const example = {
	order_id: 'abc',
	customer: { name: 'John Doe', email: 'john@example.com' },
	status: 'fulfilled',
	items: [{ slug: 'first-product' }, { slug: 'second-product' }],
};

/** Parameters of the Shopify Order and WooCommerce Order input modes. */
const orderFields: INodeProperties[] = [
	statusOverrideProperty(
		[
			{ name: 'Fulfilled', value: 'fulfilled', description: 'Starts the Call-To-Review e-mail' },
			{ name: 'Pending', value: 'pending', description: 'Registers the order; no review request' },
		],
		'Shipped orders (Shopify fulfilled, WooCommerce completed) → fulfilled, which starts the review e-mail; all others → pending',
	),
	{
		displayName: 'Item Slug Source',
		name: 'itemSlugSource',
		type: 'options',
		options: [
			{ name: 'Line Item SKU', value: 'sku', description: 'Each line item\'s SKU as a slug, e.g. MUG-WHITE → mug-white' },
			{ name: 'Line Item Title', value: 'title', description: 'Each product title made into a slug as Webflow does, e.g. "Ceramic Mug" → ceramic-mug' },
			{ name: 'List Below', value: 'list', description: 'Give the slugs yourself, e.g. with an expression' },
		],
		default: 'sku',
		description: 'Where the Webflow product slugs come from; shop orders do not carry them',
		hint: 'A line item without a SKU (or title) stops the item with an error naming it; nothing is sent',
	},
	{ ...itemSlugsProperty, displayOptions: { show: { itemSlugSource: ['list'] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['upsert'] } }, [
	orderInputModeProperty,
	jsonBodyProperty(example, 'Only order_id, customer.name, customer.email, status and items[].slug are documented; other fields are rejected'),
	...fields.map((p) => ({ ...p, displayOptions: { show: { inputMode: ['fields'] } } })),
	...orderSourceProperties,
	...inOrderModes(orderFields),
	dryRunProperty,
	optionsProperty,
]);

/** Item slugs given as a list: text (a slug each), or objects with `slug`; the friendly keys are left out. */
export const ITEM_SLUGS: LineItemList = {
	name: 'itemSlugs',
	path: ['items'],
	keys: { slug: [] },
	ignored: FRIENDLY_KEYS,
	entry: orderItem,
	fromText: (slug) => ({ slug }),
};

/** Item Slugs: comma-separated text, or a list (an expression's value) of slugs or objects with `slug`. */
function readSlugs(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const value = ctx.getNodeParameter('itemSlugs', itemIndex, '') as unknown;
	if (value === undefined || value === null) return [];
	if (typeof value === 'string') {
		return value
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.map((slug) => ({ slug }));
	}
	const result = toLineItems(Array.isArray(value) ? value : [value], ITEM_SLUGS);
	if ('issues' in result) throw validationError(ctx.getNode(), itemIndex, result.issues);
	return result.entries;
}

function fromFields(ctx: IExecuteFunctions, i: number): IDataObject {
	return {
		order_id: ctx.getNodeParameter('orderId', i, ''),
		customer: { name: ctx.getNodeParameter('customerName', i, ''), email: ctx.getNodeParameter('customerEmail', i, '') },
		status: ctx.getNodeParameter('status', i, 'pending'),
		items: readSlugs(ctx, i),
	};
}

/**
 * One `POST /orders` per item, paced. Monto answers 200 with an empty body, so the output is the
 * order as sent, marked `success`. A POST is not repeated after a timeout or server error: a
 * fulfilled order may already have started a review e-mail.
 */
export async function execute(this: IExecuteFunctions, client: ApiClient): Promise<INodeExecutionData[]> {
	return await runWrites(this, client, {
		prepare: (itemIndex) => {
			const input = readBodyOrOrder(
				this,
				itemIndex,
				() => fromFields(this, itemIndex),
				(order) =>
					mapOrder(this, itemIndex, (issues) => {
						const slugSource = this.getNodeParameter('itemSlugSource', itemIndex, 'sku') as SlugSource;
						return fromOrder(
							order,
							{
								statusOverride: readStatusOverride(this, itemIndex),
								slugSource,
								slugs: slugSource === 'list' ? readSlugs(this, itemIndex) : undefined,
							},
							issues,
						);
					}),
			);
			return validateItem(this.getNode(), orderUpsert, input, itemIndex);
		},
		request: ([{ payload }]) => ({ method: 'POST', path: '/orders', body: payload }),
		outcomes: (_answer, [{ payload }]) => [{ records: { success: true, ...payload } }],
	});
}
