import { DateTime } from 'luxon';
import { sleep } from 'n8n-workflow';

import type { SimRequest, SimResponse } from './base';
import { Simulator } from './base';

/**
 * A local simulator of eSputnik's (Yespo's) orders API, following
 * /work/shared/providers/esputnik.md: HTTP Basic with any user name and the API key as password,
 * `GET /v1/account/info`, `POST /v1/orders` (upsert by externalOrderId, at most 1000 orders) and
 * `DELETE /v1/orders` (by externalOrderId or a UTC window of at most 24 hours, asynchronous).
 * Errors are plain text, as the documentation warns. Every route lives under `/api`, so the
 * credential's base URL is `${sim.url}/api`.
 *
 * Undocumented details are the simulator's choices, made configurable where tests need both
 * readings: the `failedOrders` shape, the success body, and "Duplicated request".
 */

export const ESPUTNIK_API_KEY = 'esputnik-dummy-key-8c1e5b';

export const MAX_ORDERS = 1000;
const STATUSES = ['INITIALIZED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED', 'ABANDONED_SHOPPING_CART'];
const DELETE_RANGE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

type Json = Record<string, unknown>;

export interface StoredOrder {
	order: Json;
	/** The order's date as an instant; a date without offset was read in the account's zone. */
	occurredAt: DateTime;
	/** How many times this order was sent (each send fires an order<STATUS> event). */
	sends: number;
}

export interface EsputnikSimulator {
	sim: Simulator;
	orders: Map<string, StoredOrder>;
	/** Every `order<STATUS>` event the sends fired, in order. */
	events: string[];
	/** Deletion jobs scheduled but not yet run. */
	pendingDeletes: number;
	config: {
		apiKey: string;
		/** The account's time zone: eSputnik reads dates without an offset in it. */
		accountTimeZone: string;
		/** Orders (by externalOrderId) to report in `failedOrders`, with the reason. */
		reject: Map<string, string>;
		/** `array`: `[{externalOrderId, message}]`; `map`: `{ "<id>": "<reason>" }`. */
		failedOrdersShape: 'array' | 'map';
		/** Answer an identical repeated `POST /v1/orders` within this window with "Duplicated request". */
		duplicateWindowMs: number;
		/** Send `{asyncSessionId}` on success instead of an empty body. */
		sessionIds: boolean;
		/** How long a deletion job waits before it runs. */
		deleteDelayMs: number;
	};
	/** Waits until every scheduled deletion has run. */
	settleDeletes(): Promise<void>;
	clear(): void;
}

const text = (status: number, body: string): SimResponse => ({ status, body, contentType: 'text/plain; charset=utf-8' });

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The password of an HTTP Basic header; eSputnik ignores the user name. */
export function basicPassword(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	if (typeof header !== 'string' || !header.startsWith('Basic ')) return undefined;
	const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	return colon === -1 ? undefined : decoded.slice(colon + 1);
}

function orderProblem(order: unknown): string | undefined {
	if (!isObject(order)) return 'Order must be an object';
	for (const field of ['externalOrderId', 'status', 'date', 'totalCost']) {
		if (order[field] === undefined || order[field] === null || order[field] === '') return `${field} is required`;
	}
	if (!STATUSES.includes(String(order.status))) return `Unknown status ${String(order.status)}`;
	if (typeof order.totalCost !== 'number') return 'totalCost must be a number';
	return undefined;
}

export function createEsputnikSimulator(): EsputnikSimulator {
	const orders = new Map<string, StoredOrder>();
	const events: string[] = [];
	const recentBodies = new Map<string, number>();
	const jobs = new Set<Promise<void>>();
	let sessions = 0;
	const config: EsputnikSimulator['config'] = {
		apiKey: ESPUTNIK_API_KEY,
		accountTimeZone: 'Europe/Kyiv',
		reject: new Map(),
		failedOrdersShape: 'array',
		duplicateWindowMs: 0,
		sessionIds: false,
		deleteDelayMs: 5,
	};

	function occurredAt(date: string): DateTime {
		const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(date);
		return hasOffset ? DateTime.fromISO(date, { setZone: true }) : DateTime.fromISO(date, { zone: config.accountTimeZone });
	}

	function postOrders(req: SimRequest): SimResponse {
		if (!isObject(req.json) || !Array.isArray(req.json.orders)) {
			return text(400, 'Request body must be a JSON object with an "orders" array');
		}
		const list = req.json.orders;
		if (list.length === 0) return text(400, 'No orders in request');
		if (list.length > MAX_ORDERS) {
			return text(400, `Too many orders in one request: ${list.length}. The maximum is ${MAX_ORDERS}.`);
		}
		if (config.duplicateWindowMs > 0) {
			const seen = recentBodies.get(req.text);
			recentBodies.set(req.text, req.at);
			if (seen !== undefined && req.at - seen < config.duplicateWindowMs) return text(400, 'Duplicated request');
		}
		const failed: Array<{ externalOrderId?: string; message: string }> = [];
		for (const order of list) {
			const id = isObject(order) && order.externalOrderId !== undefined ? String(order.externalOrderId) : undefined;
			const problem = orderProblem(order) ?? (id !== undefined ? config.reject.get(id) : undefined);
			const when = problem ? undefined : occurredAt(String((order as Json).date));
			if (problem || !when?.isValid) {
				failed.push({ externalOrderId: id, message: problem ?? `Invalid date ${String((order as Json).date)}` });
				continue;
			}
			const o = order as Json;
			const previous = orders.get(id!);
			orders.set(id!, { order: o, occurredAt: when, sends: (previous?.sends ?? 0) + 1 });
			events.push(`order${String(o.status)}`);
		}
		if (failed.length) {
			const failedOrders =
				config.failedOrdersShape === 'map'
					? Object.fromEntries(failed.map((f) => [f.externalOrderId ?? '', f.message]))
					: failed;
			return { status: 200, body: { failedOrders } };
		}
		return config.sessionIds ? { status: 200, body: { asyncSessionId: `sim-session-${++sessions}` } } : { status: 200 };
	}

	function schedule(remove: () => void): void {
		const job = (async () => {
			await sleep(config.deleteDelayMs);
			remove();
		})();
		jobs.add(job);
		void job.finally(() => jobs.delete(job));
	}

	function deleteOrders(req: SimRequest): SimResponse {
		const { externalOrderId, from, to } = req.query;
		if (externalOrderId !== undefined) {
			if (from !== undefined || to !== undefined) return text(400, 'Specify either externalOrderId or from and to, not both');
			schedule(() => orders.delete(externalOrderId));
			return { status: 200 };
		}
		if (from === undefined || to === undefined) return text(400, 'Specify externalOrderId, or both from and to');
		if (!DELETE_RANGE.test(from) || !DELETE_RANGE.test(to)) {
			return text(400, "from and to must have the format yyyy-MM-dd'T'HH:mm:ss (UTC)");
		}
		const start = DateTime.fromISO(from, { zone: 'UTC' });
		const end = DateTime.fromISO(to, { zone: 'UTC' });
		if (!start.isValid || !end.isValid) return text(400, 'Invalid from or to');
		if (start >= end) return text(400, 'from must be before to');
		if (end.diff(start, 'hours').hours > 24) return text(400, 'The time range must not exceed 24 hours');
		schedule(() => {
			for (const [id, stored] of orders) {
				if (stored.occurredAt >= start && stored.occurredAt <= end) orders.delete(id);
			}
		});
		return { status: 200 };
	}

	const sim = new Simulator((req) => {
		if (basicPassword(req) !== config.apiKey) return text(401, 'Unauthorized');
		if (req.method === 'GET' && req.path === '/api/v1/account/info') {
			return { status: 200, body: { orgId: 4711, userEmail: 'owner@example.com', organisationName: 'Simulated shop' } };
		}
		if (req.path === '/api/v1/orders') {
			if (req.method === 'POST') return postOrders(req);
			if (req.method === 'DELETE') return deleteOrders(req);
			return text(405, 'Method not allowed');
		}
		return text(404, 'Not found');
	});

	return {
		sim,
		orders,
		events,
		get pendingDeletes() {
			return jobs.size;
		},
		config,
		async settleDeletes() {
			while (jobs.size) await Promise.all([...jobs]);
		},
		clear() {
			orders.clear();
			events.length = 0;
			recentBodies.clear();
			config.apiKey = ESPUTNIK_API_KEY;
			config.reject.clear();
			config.failedOrdersShape = 'array';
			config.duplicateWindowMs = 0;
			config.sessionIds = false;
			config.deleteDelayMs = 5;
			sessions = 0;
		},
	};
}
