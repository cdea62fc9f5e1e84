import { shopIdProperty } from '../common';
import { getMany } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getMany({
	resource: 'order',
	operation: 'getAll',
	ids: [shopIdProperty],
	path: inShop('orders'),
	pageSize: 100,
});
