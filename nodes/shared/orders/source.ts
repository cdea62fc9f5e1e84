import { z } from 'zod/v4';

import { toMinorUnits } from '../money';
import { definedOnly } from '../objects';
import { required } from '../required';
import { idString, transform } from '../schemas';
import { currencyDecimals } from './currency';
import type { Address, CanonicalOrder } from './model';
import { canonicalOrder, isCanonical } from './model';

/* Building blocks of the platform payload schemas (shopify.ts, woocommerce.ts). */

/*
 * The primitives below are single `z.transform`s rather than unions or pipes of zod types: a
 * platform order has dozens of such fields, read for every item, and a union costs several times
 * as much (see `npm run bench`, overhead rows).
 */

/** Text of a string or a number, trimmed; undefined when null, absent or blank. */
function textOf(value: unknown, ctx: z.RefinementCtx, message: string): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	ctx.addIssue({ code: 'custom', message, input: value });
	return undefined;
}

/** An id sent as a number or a string; kept as its exact text. */
export const id = idString;

/** An optional id; null, blank and 0 (WooCommerce's "none") count as absent. */
export const optionalId = transform((value, ctx) => {
	const text = textOf(value, ctx, 'Expected an id: text or a whole number');
	return text === '0' ? undefined : text;
});

/** Optional text; null and blank count as absent. */
export const optionalText = transform((value, ctx) => textOf(value, ctx, 'Expected text'));

/** A money amount as the platforms send it: a decimal string ("24.90"), sometimes a number. */
export const money = transform((value, ctx): string | number => {
	if (typeof value === 'string' || typeof value === 'number') return value;
	ctx.addIssue({ code: 'custom', message: 'Expected an amount like 24.90', input: value });
	return z.NEVER;
});

export const currencyCode = required(
	z
		.string()
		.trim()
		.regex(/^[A-Za-z]{3}$/, 'Expected a three-letter ISO 4217 code, e.g. EUR')
		.transform((v) => v.toUpperCase()),
);

export type Path = Array<string | number>;

/** Converts amounts of one currency to minor units, reporting each bad amount at its path. */
export class AmountReader {
	readonly decimals: number;

	constructor(
		currency: string,
		private readonly ctx: z.RefinementCtx,
	) {
		this.decimals = currencyDecimals(currency);
	}

	/** The amount at `path`; an absent optional amount is 0. */
	read(value: unknown, path: Path, optional = true): number {
		if (value === undefined || value === null || value === '') {
			if (!optional)
				this.ctx.addIssue({
					code: 'custom',
					continue: false,
					message: 'Required',
					path,
					input: value,
				});
			return 0;
		}
		const result = toMinorUnits(value, this.decimals);
		if (result.ok) return result.value;
		this.ctx.addIssue({
			code: 'custom',
			continue: false,
			message: result.message,
			path,
			input: value,
		});
		return 0;
	}

	sum(values: number[]): number {
		return values.reduce((total, v) => total + v, 0);
	}

	/** a × b in minor units, refused beyond 2^53. */
	times(value: number, quantity: number, path: Path): number {
		const product = value * quantity;
		if (!Number.isSafeInteger(product)) {
			this.ctx.addIssue({
				code: 'custom',
				continue: false,
				message: 'Amount is too large',
				path,
				input: value,
			});
			return 0;
		}
		return product;
	}
}

/** Drops undefined values, and returns undefined for an address with no field at all. */
export function compactAddress(value: Address): Address | undefined {
	const out = definedOnly(value);
	return Object.keys(out).length ? out : undefined;
}

/**
 * The order inside an item. The Shopify and WooCommerce triggers and nodes output the order
 * itself; a Webhook node puts it under `body`; Shopify's REST API wraps it as `{ "order": … }`.
 */
export function unwrapOrder(json: unknown): unknown {
	if (!json || typeof json !== 'object' || Array.isArray(json)) return json;
	const record = json as Record<string, unknown>;
	if ('line_items' in record) return record;
	for (const key of ['body', 'order']) {
		const inner = record[key];
		if (inner && typeof inner === 'object' && !Array.isArray(inner) && 'line_items' in inner)
			return inner;
	}
	return record;
}

/**
 * The schema that reads a platform's order into the canonical order: the payload's shape is
 * checked first, and only a well-formed payload is converted, so each problem is reported once,
 * at the platform's own field. A half-read order never reaches the canonical check; a converted
 * one is checked against `canonicalOrder` (by hand first, see `isCanonical`).
 */
export function platformOrderSchema<T>(
	shape: z.ZodType<T>,
	convert: (raw: T, ctx: z.RefinementCtx) => CanonicalOrder,
) {
	return transform((value, ctx): CanonicalOrder => {
		const raw = shape.safeParse(value);
		if (!raw.success) return fail(ctx, raw.error.issues);
		let converted = true;
		const counting: z.RefinementCtx = {
			...ctx,
			addIssue: (issue) => {
				converted = false;
				ctx.addIssue(issue);
			},
		};
		const order = convert(raw.data, counting);
		if (!converted) return z.NEVER;
		if (isCanonical(order)) return order;
		const checked = canonicalOrder.safeParse(order);
		return checked.success ? checked.data : fail(ctx, checked.error.issues);
	});
}

function fail(ctx: z.RefinementCtx, issues: readonly z.core.$ZodIssue[]): never {
	for (const issue of issues) {
		ctx.addIssue({
			code: 'custom',
			continue: false,
			message: issue.message,
			path: [...issue.path],
			input: undefined,
		});
	}
	return z.NEVER;
}
