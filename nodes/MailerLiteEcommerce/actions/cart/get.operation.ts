import { idProperty, shopIdProperty } from '../common';
import { getOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getOne({
	resource: 'cart',
	operation: 'get',
	ids: [shopIdProperty, idProperty('cartId', 'Cart ID')],
	path: inShop('carts', 'cartId'),
});
