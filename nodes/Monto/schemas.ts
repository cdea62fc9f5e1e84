import { z } from 'zod/v4';

import { required } from '../shared/input/required';
import { email, idString } from '../shared/input/schemas';

/*
 * The body of `POST /orders` (../shared/providers/monto.md §6.1). Monto documents these fields
 * only; how it treats others is unknown, so any other field is rejected before sending.
 */

export const ORDER_STATUSES = ['pending', 'fulfilled'] as const;

const status = z
	.string()
	.trim()
	.transform((v) => v.toLowerCase())
	.pipe(z.enum(ORDER_STATUSES, { error: 'Expected pending or fulfilled' }));

/** One ordered product: the slug of its Webflow CMS item. */
export const orderItem = z.strictObject({ slug: required(z.string().trim()) });

export const orderUpsert = z.strictObject({
	order_id: required(idString),
	customer: required(
		z.strictObject({
			name: required(z.string().trim()),
			email: required(email),
		}),
	),
	status: status.default('pending'),
	items: required(
		z
			.array(orderItem)
			.min(1, 'must have at least one item slug: Monto shows the product of each slug in its review e-mail'),
	),
});

export type OrderUpsert = z.output<typeof orderUpsert>;
