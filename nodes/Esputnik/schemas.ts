import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod/v4';

import { required } from '../shared/input/required';
import { definedOnly } from '../shared/input/objects';
import { decimal, email, httpUrl, idString, nonNegativeDecimal } from '../shared/input/schemas';
import { parseDate, utcSeconds, withOffset } from './dates';
import { ORDER_STATUSES } from './statuses';

/*
 * The order object of `POST /v1/orders` (../shared/providers/esputnik.md §6.1). Objects are
 * loose: fields of eSputnik's order type that are not listed here pass through unchanged.
 */

/** An optional field: null and blank count as absent (Shopify and Sheets send them). */
function optional<S extends z.ZodType>(schema: S) {
	return z.preprocess(
		(v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
		schema.optional(),
	);
}

const text = z.string().trim();

/** Digits only, as eSputnik's own WooCommerce plugin sends them (5 to 15 digits, no `+`). */
const phone = z
	.union([z.string(), z.number()])
	.transform((v) => String(v).replace(/\D/g, ''))
	.pipe(z.string().regex(/^\d{5,15}$/, 'Expected a phone number of 5 to 15 digits'));

export const orderStatus = z.enum(ORDER_STATUSES, {
	error: `Expected one of ${ORDER_STATUSES.join(', ')} (or choose a Status Mapping in Options)`,
});

const currency = text
	.regex(/^[A-Za-z]{3}$/, 'Expected a three-letter ISO 4217 code, e.g. USD')
	.transform((v) => v.toUpperCase());

/** A date-time, sent with an explicit offset; one without gets `zone` (the workflow's). */
function dateWithOffset(zone: string) {
	return z.unknown().transform((value, ctx) => {
		const date = withOffset(value, zone);
		if (date === undefined) {
			ctx.addIssue({
				code: 'custom',
				message: 'Expected an ISO 8601 date and time, e.g. 2024-05-01T10:00:00+02:00',
			});
			return z.NEVER;
		}
		return date;
	});
}

export const orderItem = z.looseObject({
	externalItemId: required(idString),
	name: required(text),
	category: optional(text),
	quantity: required(decimal.pipe(z.number().positive('Must be more than 0'))),
	cost: required(nonNegativeDecimal),
	url: optional(httpUrl),
	imageUrl: optional(httpUrl),
	description: optional(z.string()),
});

export interface OrderSchemaOptions {
	/** The workflow's time zone, for dates given without an offset. */
	timezone: string;
	/** Reject orders whose items, shipping and discount do not add up to `totalCost`. */
	checkTotalCost: boolean;
}

const cents = (n: number) => Math.round(n * 100);
const money = (n: number) => n.toFixed(2);

/**
 * Why the amounts do not add up, or undefined when they do. Whether `items.cost` is a unit price
 * or a line total is not documented (eSputnik's own integrations send both), so either reading
 * is accepted, with or without `taxes` on top.
 */
export function totalCostProblem(order: {
	totalCost: number;
	shipping?: number;
	discount?: number;
	taxes?: number;
	items?: Array<{ cost: number; quantity: number }>;
}): string | undefined {
	if (!order.items?.length) return undefined;
	const extra = (order.shipping ?? 0) - (order.discount ?? 0);
	const unitSum = order.items.reduce((sum, item) => sum + item.cost, 0);
	const lineSum = order.items.reduce((sum, item) => sum + item.cost * item.quantity, 0);
	const candidates = [unitSum + extra, lineSum + extra];
	if (order.taxes) candidates.push(...candidates.map((c) => c + order.taxes!));
	if (candidates.some((c) => cents(c) === cents(order.totalCost))) return undefined;
	const sums =
		cents(unitSum) === cents(lineSum)
			? money(unitSum)
			: `${money(unitSum)} (${money(lineSum)} counting quantities)`;
	return (
		`Item costs ${sums} + shipping ${money(order.shipping ?? 0)} − discount ${money(order.discount ?? 0)} ` +
		`do not add up to ${money(order.totalCost)}. Correct the amounts, or turn off Options → Check Total Cost`
	);
}

export function orderSchema(options: OrderSchemaOptions) {
	return z
		.looseObject({
			externalOrderId: required(idString),
			status: required(orderStatus),
			date: required(dateWithOffset(options.timezone)),
			totalCost: required(nonNegativeDecimal),
			currency: required(currency),
			externalCustomerId: optional(idString),
			email: optional(email),
			phone: optional(phone),
			firstName: optional(text),
			lastName: optional(text),
			shipping: optional(nonNegativeDecimal),
			discount: optional(nonNegativeDecimal),
			taxes: optional(nonNegativeDecimal),
			restoreUrl: optional(httpUrl),
			statusDescription: optional(text),
			storeId: optional(idString),
			source: optional(text),
			deliveryMethod: optional(text),
			paymentMethod: optional(text),
			deliveryAddress: optional(text),
			additionalInfo: optional(z.record(z.string(), z.unknown())),
			items: optional(z.array(orderItem.transform(definedOnly))),
		})
		.superRefine((order, ctx) => {
			if (!order.externalCustomerId && !order.email && !order.phone) {
				ctx.addIssue({
					code: 'custom',
					path: ['externalCustomerId'],
					message:
						'Give at least one of externalCustomerId, email or phone: without one eSputnik cannot link the order to a contact',
				});
			}
			if (options.checkTotalCost) {
				const problem = totalCostProblem(order);
				if (problem) ctx.addIssue({ code: 'custom', path: ['totalCost'], message: problem });
			}
		})
		.transform(definedOnly);
}

export type Order = z.output<ReturnType<typeof orderSchema>> & IDataObject;

/** `from`/`to` of a delete by time range: UTC, `from` before `to`, at most 24 hours apart. */
export function timeRangeSchema(zone: string) {
	const instant = z.unknown().transform((value, ctx) => {
		const parsed = parseDate(value, zone);
		if (!parsed) {
			ctx.addIssue({
				code: 'custom',
				message: 'Expected an ISO 8601 date and time, e.g. 2024-05-01T00:00:00Z',
			});
			return z.NEVER;
		}
		return utcSeconds(parsed);
	});
	return z
		.object({ from: required(instant), to: required(instant) })
		.superRefine(({ from, to }, ctx) => {
			const hours = (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 3_600_000;
			if (hours <= 0) {
				ctx.addIssue({
					code: 'custom',
					path: ['to'],
					message: `must be after From (${from} UTC)`,
				});
			} else if (hours > 24) {
				ctx.addIssue({
					code: 'custom',
					path: ['to'],
					message: `The window ${from} – ${to} UTC is longer than 24 hours; eSputnik deletes at most 24 hours per request`,
				});
			}
		});
}
