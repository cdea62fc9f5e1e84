import { cartItem } from '../../schemas';
import { fromVersion, onlyInVersion } from '../../../shared/input/parameters';
import { write } from '../operations';
import { cartItems } from '../paths';
import { cartIds, price, quantity } from './fields';

export const { description, execute } = write({
	resource: 'cartItem',
	operation: 'create',
	method: 'POST',
	ids: cartIds,
	path: cartItems(false),
	schema: cartItem,
	fields: [
		{ displayName: 'Product ID', name: 'ecommerce_product_id', type: 'string', required: true, default: '', description: 'The product\'s ID in the shop' },
		{ ...quantity, required: true },
		{ ...price, required: true, displayOptions: onlyInVersion(1) },
		{ ...price, required: true, default: '', displayOptions: fromVersion(1.1) },
		{ displayName: 'Variant', name: 'variant', type: 'string', default: '' },
	],
	fromFields: (ctx, i) => ({
		ecommerce_product_id: ctx.getNodeParameter('ecommerce_product_id', i),
		quantity: ctx.getNodeParameter('quantity', i),
		price: ctx.getNodeParameter('price', i),
		variant: ctx.getNodeParameter('variant', i, ''),
	}),
	example: { ecommerce_product_id: '1236545467567', variant: 'product variant', quantity: 1, price: 123.4 },
	hint: 'MailerLite adds the item, or updates it when the product is already in the cart. Field list as in order cart items (UNVERIFIED).',
});
