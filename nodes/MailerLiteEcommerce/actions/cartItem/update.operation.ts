import type { IDataObject } from 'n8n-workflow';

import { cartItemUpdate } from '../../schemas';
import { write } from '../operations';
import { cartItems } from '../paths';
import { itemIds, price, quantity } from './fields';

export const { description, execute } = write({
	resource: 'cartItem',
	operation: 'update',
	method: 'PUT',
	ids: itemIds,
	path: cartItems(true),
	schema: cartItemUpdate,
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [price, quantity],
		},
	],
	fromFields: (ctx, i) => ctx.getNodeParameter('updateFields', i, {}) as IDataObject,
	example: { quantity: 2, price: 123.4 },
	hint: 'The PUT endpoint and its body come from MailerLite\'s CLI, not the docs (UNVERIFIED).',
});
