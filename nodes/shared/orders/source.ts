import { z } from 'zod/v4';

import { toMinorUnits } from '../money';
import { required } from '../required';
import { currencyDecimals } from './currency';
import type { Address, CanonicalOrder } from './model';
import { canonicalOrder } from './model';

/* Building blocks of the platform payload schemas (shopify.ts, woocommerce.ts). */

/** An id sent as a number or a string; kept as its exact text. */
export const id = required(z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String));

/** An optional id; null, blank and 0 (WooCommerce's "none") count as absent. */
export const optionalId = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((v) => (v === null || v === undefined || String(v).trim() === '' || v === 0 || v === '0' ? undefined : String(v).trim()));

/** Optional text; null and blank count as absent. */
export const optionalText = z
	.union([z.string(), z.number(), z.null()])
	.optional()
	.transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim()));

/** A money amount as the platforms send it: a decimal string ("24.90"), sometimes a number. */
export const money = z.union([z.string(), z.number()], { error: 'Expected an amount like 24.90' });

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
			if (!optional) this.ctx.addIssue({ code: 'custom', continue: false, message: 'Required', path, input: value });
			return 0;
		}
		const result = toMinorUnits(value, this.decimals);
		if (result.ok) return result.value;
		this.ctx.addIssue({ code: 'custom', continue: false, message: result.message, path, input: value });
		return 0;
	}

	sum(values: number[]): number {
		return values.reduce((total, v) => total + v, 0);
	}

	/** a × b in minor units, refused beyond 2^53. */
	times(value: number, quantity: number, path: Path): number {
		const product = value * quantity;
		if (!Number.isSafeInteger(product)) {
			this.ctx.addIssue({ code: 'custom', continue: false, message: 'Amount is too large', path, input: value });
			return 0;
		}
		return product;
	}
}

/** Drops undefined values, and returns undefined for an address with no field at all. */
export function compactAddress(value: Address): Address | undefined {
	const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Address;
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
		if (inner && typeof inner === 'object' && !Array.isArray(inner) && 'line_items' in inner) return inner;
	}
	return record;
}

/**
 * The schema that reads a platform's order into the canonical order: the payload's shape is
 * checked first, and only a well-formed payload is converted, so each problem is reported once,
 * at the platform's own field. Problems are raised with `continue: false`: a half-read order
 * never reaches the canonical schema.
 */
export function platformOrderSchema<T>(shape: z.ZodType<T>, convert: (raw: T, ctx: z.RefinementCtx) => CanonicalOrder) {
	return z
		.unknown()
		.transform((value, ctx) => {
			const raw = shape.safeParse(value);
			if (raw.success) return convert(raw.data, ctx);
			for (const issue of raw.error.issues) {
				ctx.addIssue({ code: 'custom', continue: false, message: issue.message, path: [...issue.path], input: undefined });
			}
			return z.NEVER;
		})
		.pipe(canonicalOrder);
}
