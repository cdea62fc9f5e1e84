import { idProperty, shopIdProperty } from '../common';
import { getOne } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getOne({
	resource: 'customer',
	operation: 'get',
	ids: [shopIdProperty, idProperty('customerId', 'Customer ID')],
	path: inShop('customers', 'customerId'),
});
