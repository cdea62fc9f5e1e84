import { getMany } from '../operations';

export const { description, execute } = getMany({
	resource: 'shop',
	operation: 'getAll',
	ids: [],
	path: () => '/ecommerce/shops',
	pageSize: 50,
});
