import { getOne } from '../operations';

export const { description, execute } = getOne({
	resource: 'shop',
	operation: 'get',
	properties: [],
	path: () => '/shop',
	key: 'shop',
});
