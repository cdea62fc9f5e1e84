import { shopIdProperty } from '../common';
import { getMany } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getMany({
	resource: 'product',
	operation: 'getAll',
	ids: [shopIdProperty],
	path: inShop('products'),
	pageSize: 100,
});
