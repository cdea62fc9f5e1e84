import { productUpdate } from '../../schemas';
import { idProperty, shopIdProperty } from '../common';
import { write } from '../operations';
import { inShop } from '../paths';
import { example, fromUpdateFields, hint, updateFields } from './fields';

export const { description, execute } = write({
	resource: 'product',
	operation: 'update',
	method: 'PUT',
	ids: [shopIdProperty, idProperty('productId', 'Product ID')],
	path: inShop('products', 'productId'),
	schema: productUpdate,
	fields: updateFields,
	fromFields: fromUpdateFields,
	example,
	hint,
});
