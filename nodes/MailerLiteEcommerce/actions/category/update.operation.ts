import { categoryUpdate } from '../../schemas';
import { idProperty, shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { example, fromUpdateFields, hint, updateFields } from './fields';

export const { description, execute } = write({
	resource: 'category',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty, idProperty('categoryId', 'Category ID')],
	path: inShop('categories', 'categoryId'),
	schema: categoryUpdate,
	fields: updateFields,
	fromFields: fromUpdateFields,
	example,
	hint,
});
