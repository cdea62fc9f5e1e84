import { requiredId } from '../../../shared/input/body';
import { getOne } from '../operations';

export const { description, execute } = getOne({
	resource: 'productReview',
	operation: 'getAggregate',
	properties: [
		{
			displayName: 'Product External ID',
			name: 'productExternalId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. c17b8994-7a31-4dda-b710-a1bb5cd97e55',
			description: 'Your product ID, as sent with the order. The average score is on a scale of 10.',
		},
	],
	path: () => '/product-reviews/aggregate',
	qs: (ctx, i) => ({ product_external_id: requiredId(ctx, 'productExternalId', i) }),
	key: 'product_review_aggregate',
});
