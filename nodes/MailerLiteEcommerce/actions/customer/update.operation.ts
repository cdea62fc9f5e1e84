import { customerUpdate } from '../../schemas';
import { idProperty, shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { customerOrderModes, example, fromUpdateFields, hint, updateFields } from './fields';

export const { description, execute } = write({
	resource: 'customer',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty, idProperty('customerId', 'Customer ID')],
	path: inShop('customers', 'customerId'),
	schema: customerUpdate,
	fields: updateFields,
	fromFields: fromUpdateFields,
	example,
	hint,
	orderModes: customerOrderModes,
});
