import { idProperty, shopIdProperty } from '../common';
import { getOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getOne({
	resource: 'product',
	operation: 'get',
	ids: [shopIdProperty, idProperty('productId', 'Product ID')],
	path: inShop('products', 'productId'),
});
