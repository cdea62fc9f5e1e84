import { customerCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { customerOrderModes, example, fromCreateFields, hint, createFields } from './fields';

export const { description, execute } = write({
	resource: 'customer',
	operation: 'create',
	method: 'POST',
	ids: [shopIdProperty],
	path: inShop('customers'),
	schema: customerCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example,
	hint,
	orderModes: customerOrderModes,
});
