import { idProperty, shopIdProperty } from '../common';
import { deleteOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = deleteOne({
	resource: 'customer',
	operation: 'delete',
	ids: [shopIdProperty, idProperty('customerId', 'Customer ID')],
	path: inShop('customers', 'customerId'),
	idParam: 'customerId',
});
