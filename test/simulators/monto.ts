import type { RateLimit, SimRequest, SimResponse } from './base';
import { Simulator } from './base';

/**
 * A local simulator of Monto's (monto.io) API, following /work/shared/providers/monto.md: the key
 * in the `api_key` query parameter, `POST /orders` (creates or overwrites by `order_id`, answers
 * 200 with an empty body) and `GET /orders/{order_id}/subscriptions` (401 bad key, 404 unknown
 * order, 429 too many requests). Error bodies are Laravel-style JSON, which the contract only
 * guesses (UNVERIFIED); so is the 422 for a body without the documented fields.
 */

export const MONTO_API_KEY = 'monto-dummy-key/Q7x9+Z2=';

export interface MontoOrder {
	order_id: string;
	customer: { name?: string; email?: string };
	status: string;
	items: Array<{ slug?: string }>;
}

export interface Subscription {
	stripe_id: string;
	status: string;
	created_at: string;
}

export interface MontoSimulator {
	sim: Simulator;
	orders: Map<string, MontoOrder>;
	subscriptions: Map<string, Subscription[]>;
	/** Call-To-Review e-mails scheduled: one each time an order is sent as fulfilled. */
	reviewEmails: Array<{ orderId: string; email: string }>;
	apiKey: string;
	seedSubscriptions(orderId: string, subscriptions: Subscription[]): void;
	clear(): void;
}

/** The ≈30 requests a minute per IP a third party measured, answered like Laravel's throttle. */
export function montoRateLimit(limit = 30, windowMs = 60_000): RateLimit {
	return {
		limit,
		windowMs,
		response: (retryAfter) => ({
			status: 429,
			body: { message: 'Too Many Attempts.' },
			headers: { 'retry-after': String(retryAfter), 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0' },
		}),
	};
}

const json = (status: number, body?: unknown): SimResponse => ({ status, body });

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createMontoSimulator(apiKey = MONTO_API_KEY): MontoSimulator {
	const orders = new Map<string, MontoOrder>();
	const subscriptions = new Map<string, Subscription[]>();
	const reviewEmails: MontoSimulator['reviewEmails'] = [];

	function createOrder(req: SimRequest): SimResponse {
		const body = req.json;
		const errors: Record<string, string[]> = {};
		if (!isObject(body)) return json(422, { message: 'The given data was invalid.', errors: { order_id: ['The order id field is required.'] } });
		if (typeof body.order_id !== 'string' || !body.order_id) errors.order_id = ['The order id field is required.'];
		const customer = isObject(body.customer) ? body.customer : {};
		if (typeof customer.email !== 'string' || !customer.email.includes('@')) errors['customer.email'] = ['The customer.email must be a valid email address.'];
		if (!Array.isArray(body.items)) errors.items = ['The items field is required.'];
		const status = body.status ?? 'pending';
		if (status !== 'pending' && status !== 'fulfilled') errors.status = ['The selected status is invalid.'];
		if (Object.keys(errors).length) return json(422, { message: 'The given data was invalid.', errors });
		const order: MontoOrder = {
			order_id: body.order_id as string,
			customer: customer as MontoOrder['customer'],
			status: status as string,
			items: body.items as MontoOrder['items'],
		};
		orders.set(order.order_id, order);
		if (order.status === 'fulfilled') reviewEmails.push({ orderId: order.order_id, email: order.customer.email! });
		return { status: 200 };
	}

	const sim = new Simulator((req) => {
		if (req.query.api_key !== apiKey) {
			return json(401, { message: 'Provided access token is invalid or does not have access to this resource.' });
		}
		if (req.method === 'POST' && req.path === '/orders') return createOrder(req);
		const match = /^\/orders\/([^/]+)\/subscriptions$/.exec(req.path);
		if (req.method === 'GET' && match) {
			const orderId = decodeURIComponent(match[1]);
			if (!orders.has(orderId) && !subscriptions.has(orderId)) return json(404, { message: 'Order not found.' });
			return json(200, { subscriptions: subscriptions.get(orderId) ?? [] });
		}
		return json(404, { message: 'Not Found' });
	});

	return {
		sim,
		orders,
		subscriptions,
		reviewEmails,
		apiKey,
		seedSubscriptions(orderId, list) {
			subscriptions.set(orderId, list);
		},
		clear() {
			orders.clear();
			subscriptions.clear();
			reviewEmails.length = 0;
		},
	};
}
