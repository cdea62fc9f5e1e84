import { shopIdProperty } from '../common';
import { getMany } from '../operations';
import { inShop } from '../paths';

export const { description, execute } = getMany({
	resource: 'category',
	operation: 'getAll',
	ids: [shopIdProperty],
	path: inShop('categories'),
	pageSize: 100,
});
