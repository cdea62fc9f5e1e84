import { shopIdProperty } from '../common';
import { deleteOne } from '../operations';
import { shop } from '../paths';

export const { description, execute } = deleteOne({
	resource: 'shop',
	operation: 'delete',
	ids: [shopIdProperty],
	path: shop,
	idParam: 'shopId',
});
