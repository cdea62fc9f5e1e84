import { z } from 'zod/v4';

import { minorUnitsFromDecimal, minorUnitsInteger } from '../shared/input/money';
import { required as present } from '../shared/input/required';

/*
 * The create-order body of the seed document (Montly API v1, JSON:API style, July 2017;
 * ../shared/providers/montly.md §6.2): `{ data: { type: "order", attributes: ORDER,
 * relationships: { item: { data: [ITEM, …] } } } }`. Every ✔ field of its Order and Item tables
 * is required here. Money is integer öre on the wire (1 SEK = 100 öre).
 */

/** How the amounts of an item are given: SEK with up to two decimals, or öre. */
export type AmountUnit = 'sek' | 'ore';

/** Montly's documented minimum order: 6 000 SEK excluding VAT. */
export const MINIMUM_TOTAL_ORE = 600_000;

const missing = (expected: string) => (issue: { input: unknown }) =>
	issue.input === undefined || issue.input === null ? 'Required' : expected;

/** Text of at most 255 characters; a number (a postcode from a sheet) is taken as its text. */
const text = z
	.union([z.string(), z.number().transform(String)], { error: missing('Expected text') })
	.pipe(z.string().trim().max(255, 'At most 255 characters'));
const required = text.pipe(z.string().min(1, 'Required'));
const optional = text.optional();

const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
	z.looseObject(shape, { error: missing('Expected an object') });

const wholeNumber = (min: number, message: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
		z.number({ error: 'Expected a whole number' }).int('Must be a whole number').min(min, message),
	);

const decimal = z.preprocess(
	(v) => (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
	z.number({ error: 'Expected a number' }).positive('Must be more than 0'),
);

/** An öre amount, entered as öre or as SEK that is converted exactly. */
function amount(unit: AmountUnit, min = 0, minMessage = 'Must be 0 or more') {
	const ore = unit === 'sek' ? minorUnitsFromDecimal(2) : minorUnitsInteger('öre');
	return present(ore.pipe(z.number().min(min, minMessage)));
}

/** One line of the order: `relationships.item.data[]`. */
export function orderItemSchema(unit: AmountUnit) {
	return object({
		name: required,
		productId: required,
		quantity: wholeNumber(1, 'Must be at least 1'),
		totalPrice: amount(unit),
		VAT: amount(unit),
		sku: optional,
		variationId: optional,
		serialNumber: optional,
	});
}

/**
 * The whole body. With `monthlyPriceLeftOut` a missing `monthlyPrice` is accepted: the caller
 * computes it from the validated total and tariff (Fields mode with Monthly Price left empty).
 */
export function orderCreateSchema(unit: AmountUnit, options: { monthlyPriceLeftOut?: boolean } = {}) {
	const monthly = amount(unit, 1, 'Must be more than 0');
	const attributes = object({
		orderId: required,
		firstName: required,
		lastName: required,
		company: required,
		orgNumber: z
			.string({ error: missing('Expected text') })
			.trim()
			.regex(/^\d{6}-\d{4}$/, 'Must be a Swedish organisation number like 559089-4308 (000000-0000)'),
		email: z.string({ error: missing('Expected text') }).trim().max(255, 'At most 255 characters').pipe(z.email({ error: 'Invalid email address' })),
		phone: required,
		itemsCount: wholeNumber(1, 'Must be at least 1'),
		totalPrice: amount(
			unit,
			MINIMUM_TOTAL_ORE,
			`Must be at least ${MINIMUM_TOTAL_ORE} öre (6 000 SEK excluding VAT), Montly's minimum order`,
		),
		VAT: amount(unit),
		shipping: amount(unit),
		shippingVAT: amount(unit),
		currency: z.literal('SEK', { error: 'must be SEK, the only currency Montly takes' }),
		months: wholeNumber(1, 'Must be at least 1'),
		tariff: decimal,
		customerIp: z.union([z.ipv4(), z.ipv6()], { error: 'Must be an IPv4 or IPv6 address' }),
		billingAddress: required,
		billingAddress2: optional,
		billingCity: required,
		billingState: optional,
		billingPostcode: required,
		billingCountry: optional,
		shippingFirstName: optional,
		shippingLastName: optional,
		shippingCompany: optional,
		shippingAddress: optional,
		shippingAddress2: optional,
		shippingCity: optional,
		shippingState: optional,
		shippingPostcode: optional,
		shippingCountry: optional,
		sandboxMode: z.boolean({ error: 'Must be true or false' }).optional(),
		kickback: amount(unit).optional(),
		monthlyPrice: options.monthlyPriceLeftOut ? monthly.optional() : monthly,
		customerMessage: optional,
	});
	return object({
		data: object({
			type: z.literal('order', { error: 'Must be "order"' }),
			attributes,
			relationships: object({
				item: object({
					data: z.array(orderItemSchema(unit), { error: 'Expected a list of items' }).min(1, 'must have at least one item'),
				}),
			}),
		}),
	});
}

export type OrderCreate = z.output<ReturnType<typeof orderCreateSchema>>;

/** `POST /v1/orders/{orderId}/shipped`: an optional ISO-8601 shipping time. */
export const shippedBody = z.looseObject({
	shippedAt: z.iso.datetime({ offset: true, error: 'Must be an ISO-8601 date and time, e.g. 2017-07-20T13:37:00.000Z' }).optional(),
});
