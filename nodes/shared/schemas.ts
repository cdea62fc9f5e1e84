import { z } from 'zod/v4';

/** A decimal amount given as a number or a numeric string (Shopify and Sheets send strings). */
export const decimal = z.union([
	z.number().finite(),
	z
		.string()
		.trim()
		.regex(/^-?\d+(\.\d+)?$/, 'Expected a number')
		.transform(Number),
]);

export const nonNegativeDecimal = decimal.pipe(z.number().nonnegative());

/** A whole number given as a number or a numeric string. */
export const integer = z.union([
	z.number().int(),
	z
		.string()
		.trim()
		.regex(/^-?\d+$/, 'Expected a whole number')
		.transform(Number),
]);

/** An id given as a string or a number; always sent as a non-empty string. */
export const idString = z.union([z.string().trim().min(1, 'Required'), z.number().int().nonnegative()]).transform(String);

export const email = z.string().trim().pipe(z.email());

export const httpUrl = z.string().trim().pipe(z.url({ protocol: /^https?$/ }));
