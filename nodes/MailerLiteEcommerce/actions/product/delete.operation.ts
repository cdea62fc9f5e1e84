import { idProperty, shopIdProperty } from '../common';
import { deleteOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = deleteOne({
	resource: 'product',
	operation: 'delete',
	ids: [shopIdProperty, idProperty('productId', 'Product ID')],
	path: inShop('products', 'productId'),
	idParam: 'productId',
});
