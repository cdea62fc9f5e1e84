import { shopIdProperty } from '../common';
import { getMany } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getMany({
	resource: 'cart',
	operation: 'getAll',
	ids: [shopIdProperty],
	path: inShop('carts'),
	pageSize: 100,
});
