import { createHmac } from 'crypto';

import type { SimRequest, SimResponse } from './base';
import { bearer, Simulator } from './base';

/**
 * A local simulator of Montly's (LeaseCloud's) v1 API, following /work/shared/providers/montly.md:
 * the seed document's JSON:API create body (§6.2), cancel / shipped / status (§5), tariffs, the
 * documented error body (§7; the staging server's `errors[]` shape on request) and signed
 * webhooks (§6.4). Routes start at the root, so the credential's base URL is `sim.url`.
 */

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- fake key for the local simulator
export const MONTLY_API_KEY = 'montly-key-5b7c2e90';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- fake webhook secret for the local simulator
export const MONTLY_WEBHOOK_SECRET = 'whsec-montly-41f0c3d8';

export type MontlyStatus = 'pending' | 'declined' | 'accepted' | 'signed' | 'shipped' | 'deliveryApproved' | 'cancelled';

export interface StoredOrder {
	id: number;
	body: Record<string, unknown>;
	status: MontlyStatus;
	shippedAt?: string;
	history: Array<{ code: string; setAt: string }>;
}

export interface MontlyState {
	orders: Map<string, StoredOrder>;
	tariffs: Array<{ months: number; tariff: number }>;
	/** `seed`: the July 2017 JSON:API tariffs answer; `final`: `{ tariffs }`. */
	tariffShape: 'seed' | 'final';
	/** `montly`: `{ status }`; `leasecloud`: `{ statuses: [...] }` (from November 2017). */
	statusShape: 'montly' | 'leasecloud';
	/** `documented`: `{ error: { code, message, fields } }`; `staging`: `{ errors: [{ title, detail }] }`. */
	errorShape: 'documented' | 'staging';
}

export interface MontlySimulator {
	sim: Simulator;
	state: MontlyState;
	setStatus(orderId: string, status: MontlyStatus): void;
	resetState(): void;
}

const LEASECLOUD_CODES: Record<string, string> = {
	accepted: 'ACCEPTED',
	signed: 'SIGNED',
	shipped: 'SHIPPED',
	deliveryApproved: 'DELIVERY_APPROVED',
	declined: 'DECLINED',
	cancelled: 'CANCELLED',
};

const REQUIRED_ATTRIBUTES = [
	'orderId', 'firstName', 'lastName', 'company', 'orgNumber', 'email', 'phone', 'itemsCount', 'totalPrice', 'VAT',
	'shipping', 'shippingVAT', 'currency', 'months', 'tariff', 'customerIp', 'billingAddress', 'billingCity',
	'billingPostcode', 'monthlyPrice',
];
const INTEGER_ATTRIBUTES = ['itemsCount', 'totalPrice', 'VAT', 'shipping', 'shippingVAT', 'months', 'monthlyPrice'];
const REQUIRED_ITEM = ['name', 'productId', 'quantity', 'totalPrice', 'VAT'];
const INTEGER_ITEM = ['quantity', 'totalPrice', 'VAT'];

interface FieldProblem {
	field: string;
	code: string;
	message: string;
}

/** The seed's Order and Item tables, checked as a strict server would. */
function orderProblems(body: unknown, state: MontlyState): FieldProblem[] {
	const data = (body as { data?: Record<string, unknown> })?.data;
	if (!data || data.type !== 'order') return [{ field: 'data.type', code: 'Invalid', message: 'type must be "order"' }];
	const a = (data.attributes ?? {}) as Record<string, unknown>;
	const problems: FieldProblem[] = [];
	for (const field of REQUIRED_ATTRIBUTES) {
		if (a[field] === undefined || a[field] === null || a[field] === '') problems.push({ field, code: 'Required', message: `${field} is required` });
	}
	for (const field of INTEGER_ATTRIBUTES) {
		if (a[field] !== undefined && !Number.isInteger(a[field])) problems.push({ field, code: 'NotInteger', message: `${field} must be an integer` });
	}
	if (a.currency !== undefined && a.currency !== 'SEK') problems.push({ field: 'currency', code: 'InvalidCurrency', message: 'Only SEK is supported' });
	if (typeof a.orgNumber === 'string' && !/^\d{6}-\d{4}$/.test(a.orgNumber))
		problems.push({ field: 'orgNumber', code: 'OrgNumberNotFound', message: `${a.orgNumber} is not a registered organization number` });
	if (typeof a.orderId === 'string' && state.orders.has(a.orderId))
		problems.push({ field: 'orderId', code: 'Duplicate', message: 'orderId must be unique' });
	const items = ((data.relationships as Record<string, Record<string, unknown>> | undefined)?.item?.data ?? []) as Array<Record<string, unknown>>;
	if (!Array.isArray(items) || items.length === 0) problems.push({ field: 'relationships.item.data', code: 'Required', message: 'at least one item' });
	else
		items.forEach((item, i) => {
			for (const field of REQUIRED_ITEM)
				if (item[field] === undefined || item[field] === '') problems.push({ field: `item[${i}].${field}`, code: 'Required', message: `${field} is required` });
			for (const field of INTEGER_ITEM)
				if (item[field] !== undefined && !Number.isInteger(item[field])) problems.push({ field: `item[${i}].${field}`, code: 'NotInteger', message: `${field} must be an integer` });
		});
	return problems;
}

export function createMontlySimulator(): MontlySimulator {
	const fresh = (): MontlyState => ({
		orders: new Map(),
		tariffs: [
			{ months: 24, tariff: 1.47 },
			{ months: 36, tariff: 1.04 },
			{ months: 48, tariff: 0.83 },
		],
		tariffShape: 'final',
		statusShape: 'montly',
		errorShape: 'documented',
	});
	const start = Date.parse('2017-10-04T13:55:16.000Z');
	let clock = start;
	const self: MontlySimulator = {
		sim: undefined as unknown as Simulator,
		state: fresh(),
		setStatus(orderId, status) {
			const order = self.state.orders.get(orderId);
			if (!order) throw new Error(`No order ${orderId}`);
			order.status = status;
			clock += 60_000;
			if (LEASECLOUD_CODES[status]) order.history.push({ code: LEASECLOUD_CODES[status], setAt: new Date(clock).toISOString() });
		},
		resetState() {
			self.state = fresh();
			clock = start;
		},
	};

	const error = (status: number, code: string, message: string, fields?: FieldProblem[]): SimResponse =>
		self.state.errorShape === 'staging'
			? { status, body: { errors: (fields ?? [{ field: '', code, message }]).map((f) => ({ title: message, detail: f.message })) } }
			: { status, body: { error: fields ? { code, message, fields } : { code, message } } };

	function handle(req: SimRequest): SimResponse {
		if (bearer(req) !== MONTLY_API_KEY) return error(401, 'Unauthorized', 'Invalid access token');
		if (req.method === 'GET' && req.path === '/v1/tariffs') {
			const tariffs = self.state.tariffs;
			return {
				status: 200,
				body: self.state.tariffShape === 'seed' ? { data: { type: 'tariffs', attributes: { tariffs } } } : { tariffs },
			};
		}
		if (req.method === 'POST' && req.path === '/v1/orders') {
			const problems = orderProblems(req.json, self.state);
			if (problems.length) return error(400, 'InvalidOrder', 'Validation error', problems);
			const attributes = (req.json as { data: { attributes: Record<string, unknown> } }).data.attributes;
			const id = 42 + self.state.orders.size;
			self.state.orders.set(String(attributes.orderId), { id, body: req.json as Record<string, unknown>, status: 'pending', history: [] });
			return { status: 200, body: { id } };
		}
		const match = /^\/v1\/orders\/([^/]+)\/(cancel|shipped|status)$/.exec(req.path);
		if (!match) return error(404, 'NotFound', 'Not found');
		const orderId = decodeURIComponent(match[1]);
		const order = self.state.orders.get(orderId);
		if (!order) return error(404, 'NotFound', `Order ${orderId} not found`);
		const action = match[2];
		if (req.method === 'POST' && action === 'cancel') {
			if (!['pending', 'accepted'].includes(order.status)) return error(403, 'OrderCantBeModified', 'The order can no longer be cancelled');
			self.setStatus(orderId, 'cancelled');
			return { status: 200 };
		}
		if (req.method === 'POST' && action === 'shipped') {
			if (order.status !== 'signed') return error(403, 'OrderCantBeModified', 'The order must be signed before it is shipped');
			const shippedAt = (req.json as { shippedAt?: unknown } | undefined)?.shippedAt;
			if (shippedAt !== undefined && (typeof shippedAt !== 'string' || Number.isNaN(Date.parse(shippedAt))))
				return error(400, 'BadRequest', 'shippedAt must be an ISO-8601 date');
			order.shippedAt = (shippedAt as string | undefined) ?? new Date(clock).toISOString();
			self.setStatus(orderId, 'shipped');
			return { status: 204 };
		}
		if (req.method === 'GET' && action === 'status') {
			if (self.state.statusShape === 'leasecloud') {
				return { status: 200, body: { statuses: [...order.history, { code: 'DECLINED', setAt: null, message: null }].filter((s, i, all) => all.findIndex((t) => t.code === s.code) === i) } };
			}
			return { status: 200, body: { orderId, status: order.status === 'shipped' ? 'signed' : order.status } };
		}
		return error(404, 'NotFound', 'Not found');
	}

	self.sim = new Simulator(handle);
	return self;
}

/** `Montly-Signature: t=<unix>,v1=<hex>` for a delivery, as Montly signs it (§6.4). */
export function montlySignature(rawBody: string, secret: string, t: number, extraV1: string[] = []): string {
	const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
	return [`t=${t}`, `v1=${v1}`, ...extraV1.map((v) => `v1=${v}`)].join(',');
}
