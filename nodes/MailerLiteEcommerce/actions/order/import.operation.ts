import { orderCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { importAll } from '../operations';
import { inShop } from '../paths';
import { createExample, createFields, createOrderModes, fromCreateFields } from './fields';

export const { description, execute } = importAll({
	resource: 'order',
	operation: 'import',
	ids: [shopIdProperty],
	path: inShop('orders/import'),
	schema: orderCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example: createExample,
	orderModes: createOrderModes,
	wrap: (orders) => ({ orders }),
	errorPrefix: 'orders.',
	hint: 'All input items go in one request as {"orders": [...]}. That body shape comes from MailerLite\'s own plugin; the docs do not show it (UNVERIFIED).',
});
