import { z } from 'zod/v4';

import { toMinorUnits } from '../input/money';
import { definedOnly } from '../input/objects';
import { required } from '../input/required';
import { idString, readIdString, transform } from '../input/schemas';
import { PARSE_OPTIONS } from '../input/validation';
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

/**
 * An id that JSON parsing has rounded: a whole number above 2^53 − 1 (Shopify's ids are 64-bit;
 * n8n's triggers `JSON.parse` the body, so 3671890615334145785 arrives as 3671890615334145500).
 * Its text is not the id, so it is never sent; the reader takes the exact id from elsewhere.
 */
export interface RoundedId {
	rounded: number;
}

export const isRounded = (value: unknown): value is RoundedId =>
	typeof value === 'object' && value !== null && 'rounded' in value;

const isUnsafeWhole = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);

/** An id of a record that also has a gid (Shopify): exact text, or a rounded number to resolve. */
export const platformId = transform((value, ctx): string | RoundedId => {
	if (isUnsafeWhole(value) && value > 0) return { rounded: value };
	return readIdString(value, ctx);
});

/** An optional id; null, blank and 0 (WooCommerce's "none") count as absent; a rounded one is kept as such. */
export const optionalId = transform((value, ctx): string | RoundedId | undefined => {
	if (isUnsafeWhole(value) && value > 0) return { rounded: value };
	const text = textOf(value, ctx, 'Expected an id: text or a whole number');
	return text === '0' ? undefined : text;
});

/** The platform's own field name of a path, for messages: ['line_items', 0, 'id'] → line_items[0].id. */
export const fieldName = (path: Path) =>
	path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');

const GID = /^gid:\/\/shopify\/(\w+)\/(\d+)(\?.*)?$/;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The exact id of a Shopify record from its number and its `admin_graphql_api_id`
 * (`gid://shopify/<type>/<id>`): a rounded number is replaced by the gid's digits; an exact one
 * must agree with them. A rounded id without a usable gid is refused: it has no exact source.
 */
export function exactShopifyId(
	value: string | RoundedId | undefined,
	gid: string | undefined,
	type: string,
	path: Path,
	ctx: z.RefinementCtx,
): string | undefined {
	if (value === undefined) return undefined;
	const gidPath = [...path.slice(0, -1), 'admin_graphql_api_id'];
	const fail = (message: string, at: Path, input: unknown) => {
		ctx.addIssue({ code: 'custom', continue: false, message, path: at, input });
		return undefined;
	};
	const match = gid === undefined ? null : GID.exec(gid);
	if (gid !== undefined && (!match || match[1] !== type)) {
		return fail(`Expected gid://shopify/${type}/<id>, got "${gid.slice(0, 60)}"`, gidPath, gid);
	}
	if (isRounded(value)) {
		if (!match) {
			return fail(
				`${value.rounded} is above 2^53 (${MAX_SAFE}) and was rounded when the order was parsed as JSON, and the order has no ${fieldName(gidPath)} to read the exact id from. Pass the order on with its admin_graphql_api_id, or give ${fieldName(path)} as text`,
				path,
				value.rounded,
			);
		}
		if (Number(match[2]) !== value.rounded) {
			return fail(`${gid} does not match ${fieldName(path)} ${value.rounded}`, gidPath, gid);
		}
		return match[2];
	}
	if (match && match[2] !== value) {
		return fail(`${gid} does not match ${fieldName(path)} ${value}`, gidPath, gid);
	}
	return value;
}

/**
 * An id that has no exact source once rounded (WooCommerce ids, Shopify product and variant ids):
 * refused where the canonical order needs it, e.g. a customer id.
 */
export function requireExactId(
	value: string | RoundedId | undefined,
	path: Path,
	ctx: z.RefinementCtx,
	hint: string,
): string | undefined {
	if (!isRounded(value)) return value;
	ctx.addIssue({
		code: 'custom',
		continue: false,
		message: `${value.rounded} is above 2^53 (${MAX_SAFE}) and was rounded when the order was parsed as JSON; ${hint}`,
		path,
		input: value.rounded,
	});
	return undefined;
}

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
		const raw = shape.safeParse(value, PARSE_OPTIONS);
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
		const checked = canonicalOrder.safeParse(order, PARSE_OPTIONS);
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
