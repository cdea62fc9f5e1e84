import { orderCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { createExample, createFields, createOrderModes, fromCreateFields } from './fields';

export const { description, execute } = write({
	resource: 'order',
	operation: 'create',
	method: 'POST',
	ids: [shopIdProperty],
	path: inShop('orders'),
	schema: orderCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example: createExample,
	orderModes: createOrderModes,
	hint: 'MailerLite creates the customer when no customer with this e-mail exists. A create is never re-sent after a timeout or server error, because it could create the order twice.',
});
