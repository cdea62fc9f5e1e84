import { z } from 'zod/v4';

import { required } from '../shared/input/required';
import { email, httpUrl, idString, integer, nonNegativeDecimal } from '../shared/input/schemas';

/*
 * Request bodies of the MailerLite e-commerce API (../shared/providers/mailerlite-ecommerce.md §6.3).
 * Objects are loose: fields the provider accepts but does not document (its own plugin sends
 * several) pass through unchanged; documented fields are checked.
 */

const atLeastOne = (value: object) => Object.keys(value).length > 0;
const atLeastOneMessage = { message: 'Give at least one field to update' };

export const shopCreate = z.looseObject({
	name: z.string().trim().min(1, 'Required'),
	url: httpUrl,
	currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Expected a three-letter ISO 4217 code, e.g. EUR').optional(),
	enabled: z.boolean().optional(),
	platform: z.string().optional(),
	group_id: integer.optional(),
	enable_popups: z.boolean().optional(),
	enable_resubscribe: z.boolean().optional(),
});
export const shopUpdate = shopCreate.partial().refine(atLeastOne, atLeastOneMessage);

export const categoryCreate = z.looseObject({
	name: z.string().trim().min(1, 'Required'),
	exclude_from_automations: z.boolean().optional(),
});
export const categoryUpdate = categoryCreate.partial().refine(atLeastOne, atLeastOneMessage);

export const productCreate = z.looseObject({
	name: z.string().trim().min(1, 'Required'),
	price: required(nonNegativeDecimal),
	url: httpUrl.optional(),
	image: httpUrl.optional(),
	exclude_from_automations: z.boolean().optional(),
	categories: z.array(idString).optional(),
	description: z.string().optional(),
	short_description: z.string().optional(),
});
export const productUpdate = productCreate.partial().refine(atLeastOne, atLeastOneMessage);

export const customerCreate = z.looseObject({
	email,
	accepts_marketing: z.boolean().optional(),
	create_subscriber: z.boolean().optional(),
	total_spent: nonNegativeDecimal.optional(),
	orders_count: integer.pipe(z.number().nonnegative()).optional(),
	subscriber_fields: z.record(z.string(), z.unknown()).optional(),
});
export const customerUpdate = customerCreate.partial().refine(atLeastOne, atLeastOneMessage);

export const cartItem = z.looseObject({
	ecommerce_product_id: idString,
	variant: z.string().optional(),
	quantity: required(integer.pipe(z.number().min(1, 'Must be at least 1'))),
	price: required(nonNegativeDecimal),
});
export const cartItemUpdate = z
	.looseObject({
		quantity: integer.pipe(z.number().min(1, 'Must be at least 1')).optional(),
		price: nonNegativeDecimal.optional(),
	})
	.refine(atLeastOne, atLeastOneMessage);

export const cartUpdate = z
	.looseObject({
		checkout_url: httpUrl.optional(),
		cart_total: nonNegativeDecimal.optional(),
	})
	.refine(atLeastOne, atLeastOneMessage);

export const orderCreate = z.looseObject({
	customer: z.looseObject({
		email,
		create_subscriber: z.boolean().optional(),
		accepts_marketing: z.boolean().optional(),
	}),
	cart: z.looseObject({
		items: z.array(cartItem).min(1, 'must have at least one cart item'),
		checkout_url: httpUrl.optional(),
		cart_total: nonNegativeDecimal.optional(),
	}),
	status: z.string().trim().min(1).optional(),
	total_price: nonNegativeDecimal.optional(),
});

/** PUT cannot change the cart or the customer (documented); say so instead of silently ignoring them. */
export const orderUpdate = z
	.looseObject({
		status: z.string().trim().min(1).optional(),
		total_price: nonNegativeDecimal.optional(),
		customer: z.undefined({ error: 'Cannot be changed by Update; use the Customer resource' }).optional(),
		cart: z.undefined({ error: 'Cannot be changed by Update; use the Cart and Cart Item resources' }).optional(),
	})
	.refine((v) => v.status !== undefined || v.total_price !== undefined, {
		message: 'Give status or total_price',
	});

export type OrderCreate = z.output<typeof orderCreate>;
