import { z } from 'zod/v4';

/*
 * Field types shared by the providers' schemas. The number and id types are single transforms
 * (see `transform` below) rather than unions: cheaper per field, and a wrong value gets a message
 * that says what was expected, not zod's "Invalid input" (validation.ts shows the value).
 */

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const INTEGER_TEXT = /^-?\d+$/;

/** A number given as a number or as numeric text (Shopify and Sheets send text); `pattern` says which texts. */
function numeric(pattern: RegExp, expected: string, whole: boolean) {
	return transform((value, ctx): number => {
		if (typeof value === 'number' && Number.isFinite(value) && (!whole || Number.isInteger(value)))
			return value;
		if (typeof value === 'string' && pattern.test(value.trim())) return Number(value.trim());
		ctx.addIssue({
			code: 'custom',
			continue: false,
			message: `must be ${expected}`,
			input: value,
		});
		return z.NEVER;
	});
}

/** A decimal amount given as a number or a numeric string (Shopify and Sheets send strings). */
export const decimal = numeric(DECIMAL_TEXT, 'a number', false);

export const nonNegativeDecimal = decimal.pipe(z.number().nonnegative('must be 0 or more'));

/** A whole number given as a number or a numeric string. */
export const integer = numeric(INTEGER_TEXT, 'a whole number', true);

/**
 * The text of an id given as a string or a number. A whole number above 2^53 − 1 is refused: it
 * was rounded when its JSON was parsed (9007199254740993 arrives as 9007199254740992), so its text
 * is not the id.
 */
export function readIdString(value: unknown, ctx: z.RefinementCtx): string {
	if (typeof value === 'string' && value.trim()) return value.trim();
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
	const absent = value === undefined || value === null || typeof value === 'string';
	const rounded = typeof value === 'number' && Number.isInteger(value) && value > 0;
	const message = absent
		? 'is required'
		: rounded
			? `must be given as text: a number above 2^53 (${Number.MAX_SAFE_INTEGER}) was rounded when its JSON was parsed, so it is not the id`
			: 'must be an id (text or a whole number)';
	ctx.addIssue({ code: 'custom', continue: false, message, input: value });
	return z.NEVER;
}

/** An id given as a string or a number; always sent as a non-empty string. Missing or blank is "Required". */
export const idString = transform(readIdString);

export const email = z.string().trim().pipe(z.email());

export const httpUrl = z
	.string()
	.trim()
	.pipe(z.url({ protocol: /^https?$/ }));

/**
 * A schema that is one function of the raw value: no union or pipe around it, which makes it
 * the cheapest zod schema for a field read many times per item. `ctx.addIssue` reports a
 * problem at the field (zod 3.25 types the context as its parse payload; it is the same object).
 */
export function transform<T>(fn: (value: unknown, ctx: z.RefinementCtx) => T) {
	return z.transform((value: unknown, ctx) => fn(value, ctx as unknown as z.RefinementCtx));
}
