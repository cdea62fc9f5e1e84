import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { runWrites } from '../../../shared/engine/loop';
import { compact } from '../../../shared/input/body';
import { forOperation, jsonBodyProperty } from '../../../shared/input/parameters';
import { validateItem } from '../../../shared/input/validation';
import {
	inOrderModes,
	mapOrder,
	ORDER_INPUT_MODES,
	orderInputModeProperty,
	orderSourceProperties,
	readBodyOrOrder,
} from '../../../shared/orders/input';
import { fromOrder } from '../../fromOrder';
import { orderCreate } from '../../schemas';
import type { Operation } from '../../../shared/engine/router';
import type { FeedbackCompanyClient } from '../../transport';
import { createExample, createFields, fromCreateFields, readInvitation, SHARED_WITH_ORDER_MODES } from './fields';


/** Parameters of the Shopify Order and WooCommerce Order input modes, besides the shared invitation ones. */
const orderFields: INodeProperties[] = [
	{
		displayName: 'Product URL',
		name: 'productUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://shop.example.com/products/{sku}',
		description:
			'The product page of each line item, with {productId}, {variantId} or {sku} in place of the line\'s value. Leave empty to register the order without products (shop reviews only).',
		hint: 'The Feedback Company needs a URL for every product, and shop orders carry none',
	},
];

export const { description, execute }: Operation<FeedbackCompanyClient> = {
	description: forOperation('order', 'create', [
		orderInputModeProperty,
		jsonBodyProperty(
			createExample,
			'The documented Order object. Omit "invitation" to only register the order, and omit "reminder" to send no reminder.',
		),
		...orderSourceProperties,
		...createFields.map((p) => ({
			...p,
			displayOptions: {
				show: {
					...p.displayOptions?.show,
					inputMode: SHARED_WITH_ORDER_MODES.includes(p.name) ? ['fields', ...ORDER_INPUT_MODES] : ['fields'],
				},
			},
		})),
		...inOrderModes(orderFields),
		dryRunProperty,
	]),
	async execute(client) {
		return await runWrites(this, client, {
			prepare: (itemIndex) => {
				const input = readBodyOrOrder(
					this,
					itemIndex,
					() => compact(fromCreateFields(this, itemIndex)),
					(order) =>
						mapOrder(this, itemIndex, (issues) =>
							fromOrder(
								order,
								{
									invitation: readInvitation(this, itemIndex),
									filtercode: this.getNodeParameter('filtercode', itemIndex, '') as string,
									productUrl: this.getNodeParameter('productUrl', itemIndex, '') as string,
								},
								issues,
							),
						),
				);
				return validateItem(this.getNode(), orderCreate, input, itemIndex);
			},
			// Not repeated after a timeout or server error: whether a second order with the same
			// external_id is rejected, ignored or duplicated is not documented.
			request: ([{ payload }]) => ({ method: 'POST', path: '/orders', body: payload, idempotent: false }),
			outcomes: (answer, [{ payload }]) => [
				{
					records: {
						external_id: payload.external_id,
						invitationScheduled: payload.invitation !== undefined,
						...((answer.body ?? {}) as IDataObject),
					},
				},
			],
		});
	},
};
