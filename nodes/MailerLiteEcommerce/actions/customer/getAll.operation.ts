import { shopIdProperty } from '../common';
import { getMany } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getMany({
	resource: 'customer',
	operation: 'getAll',
	ids: [shopIdProperty],
	path: inShop('customers'),
	pageSize: 100,
});
