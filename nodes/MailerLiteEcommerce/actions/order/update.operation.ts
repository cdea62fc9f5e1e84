import type { IDataObject } from 'n8n-workflow';

import { orderUpdate } from '../../schemas';
import { idProperty, shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { statusProperty, updateOrderModes } from './fields';

export const { description, execute } = write({
	resource: 'order',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty, idProperty('orderId', 'Order ID')],
	path: inShop('orders', 'orderId'),
	schema: orderUpdate,
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				statusProperty,
				{ displayName: 'Total Price', name: 'total_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
			],
		},
	],
	fromFields: (ctx, i) => ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
	example: { status: 'complete', total_price: 123.4 },
	orderModes: updateOrderModes,
	hint: 'Only status and total_price can change; the cart and customer have their own resources.',
});
