import { idProperty, shopIdProperty } from '../common';
import { getOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getOne({
	resource: 'category',
	operation: 'get',
	ids: [shopIdProperty, idProperty('categoryId', 'Category ID')],
	path: inShop('categories', 'categoryId'),
});
