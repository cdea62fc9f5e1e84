import type { IDataObject } from 'n8n-workflow';

import { compact } from '../../../shared/input/body';
import { getMany } from '../operations';

export const { description, execute } = getMany({
	resource: 'productReview',
	operation: 'getAll',
	path: '/product-reviews',
	key: 'product_reviews',
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			hint: 'The path GET /product-reviews is inferred from /product-reviews/aggregate, not confirmed by a working client',
			options: [
				{ displayName: 'Product External ID', name: 'productExternalId', type: 'string', default: '', description: 'Your product ID, as sent with the order' },
				{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', description: 'The Feedback Company\'s product ID' },
			],
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Customer Name (A-Z)', value: 'customer_fullname' },
				{ name: 'Customer Name (Z-A)', value: '-customer_fullname' },
				{ name: 'Newest First', value: '-created_at' },
				{ name: 'Oldest First', value: 'created_at' },
				{ name: 'Product Name (A-Z)', value: 'product_name' },
				{ name: 'Product Name (Z-A)', value: '-product_name' },
				{ name: 'Score (High to Low)', value: '-score' },
				{ name: 'Score (Low to High)', value: 'score' },
			],
			default: '-created_at',
		},
	],
	qs: (ctx, i) => {
		const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
		return compact({
			product_id: filters.productId,
			product_external_id: filters.productExternalId,
			sort: ctx.getNodeParameter('sort', i, '-created_at'),
		});
	},
});
