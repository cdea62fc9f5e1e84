import { idProperty, shopIdProperty } from '../common';
import { getOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getOne({
	resource: 'order',
	operation: 'get',
	ids: [shopIdProperty, idProperty('orderId', 'Order ID')],
	path: inShop('orders', 'orderId'),
});
