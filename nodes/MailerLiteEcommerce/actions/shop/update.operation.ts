import { shopUpdate } from '../../schemas';
import { shopIdProperty } from '../common';
import { write } from '../operations';
import { shop } from '../paths';
import { example, fromUpdateFields, hint, updateFields } from './fields';

export const { description, execute } = write({
	resource: 'shop',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty],
	path: shop,
	schema: shopUpdate,
	fields: updateFields,
	fromFields: fromUpdateFields,
	example,
	hint,
});
