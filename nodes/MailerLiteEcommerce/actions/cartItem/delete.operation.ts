import { deleteOne } from '../operations';
import { cartItems } from '../paths';
import { itemIds } from './fields';

export const { description, execute } = deleteOne({
	resource: 'cartItem',
	operation: 'delete',
	ids: itemIds,
	path: cartItems(true),
	idParam: 'itemId',
});
