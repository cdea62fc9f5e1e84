import { idProperty, shopIdProperty } from '../common';
import { deleteOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = deleteOne({
	resource: 'order',
	operation: 'delete',
	ids: [shopIdProperty, idProperty('orderId', 'Order ID')],
	path: inShop('orders', 'orderId'),
	idParam: 'orderId',
});
