import type { IDataObject } from 'n8n-workflow';

import { cartUpdate } from '../../schemas';
import { idProperty, shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = write({
	resource: 'cart',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty, idProperty('cartId', 'Cart ID')],
	path: inShop('carts', 'cartId'),
	schema: cartUpdate,
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Cart Total', name: 'cart_total', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
				{ displayName: 'Checkout URL', name: 'checkout_url', type: 'string', default: '' },
			],
		},
	],
	fromFields: (ctx, i) => ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
	example: { checkout_url: 'https://shop.example.com/cart/abc', cart_total: 123.4 },
	hint: 'Body from MailerLite\'s own plugin; the docs do not show it (UNVERIFIED).',
});
