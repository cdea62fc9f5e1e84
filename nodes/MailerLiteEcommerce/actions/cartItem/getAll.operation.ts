import { getMany } from '../operations';
import { cartItems } from '../paths';
import { cartIds } from './fields';

export const { description, execute } = getMany({
	resource: 'cartItem',
	operation: 'getAll',
	ids: cartIds,
	path: cartItems(false),
	pageSize: 100,
});
