import { idProperty, shopIdProperty } from '../common';
import { deleteOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = deleteOne({
	resource: 'category',
	operation: 'delete',
	ids: [shopIdProperty, idProperty('categoryId', 'Category ID')],
	path: inShop('categories', 'categoryId'),
	idParam: 'categoryId',
});
