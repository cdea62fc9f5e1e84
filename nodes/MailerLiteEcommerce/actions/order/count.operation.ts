import { shopIdProperty } from '../common';
import { count } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = count({
	resource: 'order',
	operation: 'count',
	ids: [shopIdProperty],
	path: inShop('orders'),
});
