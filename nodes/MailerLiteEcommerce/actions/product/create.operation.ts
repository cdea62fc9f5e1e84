import { productCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { createFields, example, fromCreateFields, hint } from './fields';

export const { description, execute } = write({
	resource: 'product',
	operation: 'create',
	method: 'POST',
	ids: [shopIdProperty],
	path: inShop('products'),
	schema: productCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example,
	hint,
});
