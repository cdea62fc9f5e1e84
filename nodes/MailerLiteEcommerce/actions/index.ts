import type { INodeProperties } from 'n8n-workflow';

import * as cart from './cart';
import * as cartItem from './cartItem';
import * as category from './category';
import * as customer from './customer';
import * as order from './order';
import * as product from './product';
import * as shop from './shop';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Cart', value: 'cart' },
			{ name: 'Cart Item', value: 'cartItem' },
			{ name: 'Category', value: 'category' },
			{ name: 'Customer', value: 'customer' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
			{ name: 'Shop', value: 'shop' },
		],
		default: 'order',
	},
	...cart.description,
	...cartItem.description,
	...category.description,
	...customer.description,
	...order.description,
	...product.description,
	...shop.description,
];
