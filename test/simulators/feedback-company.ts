import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import type { SimRequest, SimResponse } from './base';
import { bearer, Simulator } from './base';

/**
 * A local simulator of The Feedback Company API v2, following
 * /work/shared/providers/feedback-company.md. Routes live under `/api/v2`, so the credential's
 * base URL is `${sim.url}/api/v2`. The token endpoint behaves as documented: every new token
 * invalidates the one before, and a stale token gets 401.
 */

export const FC_CLIENT_ID = 'fc-client-1';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- fake secret for the local simulator
export const FC_CLIENT_SECRET = 'fc-secret-7d3e9b21a4';
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a secret the simulator refuses
export const FC_WRONG_SECRET = 'wrong-secret-value-123';

const UNITS = ['minutes', 'hours', 'days', 'weekdays'];
const MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440, weekdays: 1440 };

export interface Invitation {
	id: number;
	order_id: number;
	is_sent: boolean;
	send_at: string;
	send_reminder_at: string | null;
	is_reminder_sent: boolean;
	created_at: string;
}

export interface ProductReview {
	id: number;
	product_id: number;
	product_external_id: string;
	customer_id: number;
	customer_fullname: string;
	product_name: string;
	title: string;
	text: string;
	score: number;
	strengths: Array<{ text: string }>;
	weaknesses: Array<{ text: string }>;
	reply: string | null;
	replied_at: string | null;
	is_read: boolean;
	status: string;
	image_uuid: string | null;
	created_at: string;
}

export interface FeedbackCompanyState {
	/** Every token ever issued, in order; only the last one is valid (unless expired). */
	issued: string[];
	validToken?: string;
	/** Token requests received, with or without valid client credentials. */
	tokenRequests: number;
	/** Orders stored by external_id, with the body as received. */
	orders: Map<string, { id: number; body: Record<string, unknown> }>;
	invitations: Invitation[];
	productReviews: ProductReview[];
	/** Accounts that do not collect both merchant and product reviews get no invitations/reviews. */
	productReviewsEnabled: boolean;
	/** Answer every API call with 401, as if the account lost its access. */
	rejectAllTokens: boolean;
	/** The most requests that were being handled at the same moment. */
	maxInFlight: number;
}

export interface FeedbackCompanySimulator {
	sim: Simulator;
	state: FeedbackCompanyState;
	/** Delay inside the handler, so that overlapping requests would be seen. */
	handlerDelayMs: number;
	/** The current token is no longer accepted (expired, or another client fetched a new one). */
	expireToken(): void;
	/** A valid token issued directly (for the credential-test check), counted like any other. */
	issueToken(): string;
	seedInvitations(count: number): Invitation[];
	seedProductReviews(count: number, productExternalId?: string): ProductReview[];
	resetState(): void;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function isGtin13(value: string): boolean {
	if (!/^\d{13}$/.test(value)) return false;
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(value[i]) * (i % 2 === 0 ? 1 : 3);
	return (10 - (sum % 10)) % 10 === Number(value[12]);
}

const isUrl = (v: unknown) => {
	if (typeof v !== 'string' || v.length > 2000) return false;
	try {
		return ['http:', 'https:'].includes(new URL(v).protocol);
	} catch {
		return false;
	}
};
const isText = (v: unknown, max = 250) => typeof v === 'string' && v.trim() !== '' && v.length <= max;
const isEmail = (v: unknown) => typeof v === 'string' && v.length <= 250 && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v);

/** The documented Order checks; the first problem found, or undefined. */
function orderProblem(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return 'Body must be an Order object';
	const o = body as Record<string, unknown>;
	if (!isText(o.external_id)) return 'external_id must be a unique non-empty string, max 250 characters';
	const customer = o.customer as Record<string, unknown> | undefined;
	if (!customer || !isEmail(customer.email)) return 'customer.email must be a valid email address';
	if (customer.fullname !== undefined && !isText(customer.fullname)) return 'customer.fullname must be a non-empty string';
	if (o.filtercode !== undefined && (typeof o.filtercode !== 'string' || o.filtercode.length > 250)) return 'filtercode is invalid';
	if (o.invitation !== undefined) {
		const inv = o.invitation as Record<string, Record<string, unknown> | undefined>;
		const valid = (d: Record<string, unknown> | undefined) =>
			!!d && UNITS.includes(d.unit as string) && Number.isInteger(d.amount) && (d.amount as number) >= 0;
		if (!valid(inv.delay)) return 'invitation.delay must be an InvitationDelay';
		if (inv.reminder !== undefined) {
			if (!valid(inv.reminder)) return 'invitation.reminder must be an InvitationDelay';
			// The failure the official plugin fixed in 3.0.2: a "disabled" reminder sent as amount 0.
			if (inv.reminder!.amount === 0) return 'invitation.reminder.amount must be positive';
			if ((inv.delay!.unit === 'weekdays') !== (inv.reminder!.unit === 'weekdays'))
				return 'invitation: weekdays must be used for both delay and reminder or for neither';
			const gap =
				(inv.reminder!.amount as number) * MINUTES[inv.reminder!.unit as string] -
				(inv.delay!.amount as number) * MINUTES[inv.delay!.unit as string];
			if (gap < 1440) return 'invitation.reminder must be at least 24 hours after the delay';
		}
	}
	if (o.products !== undefined) {
		if (!Array.isArray(o.products)) return 'products must be an array';
		for (const [i, p] of (o.products as Array<Record<string, unknown>>).entries()) {
			if (!isText(p.external_id)) return `products.${i}.external_id is invalid`;
			if (!isText(p.name)) return `products.${i}.name is invalid`;
			if (!isUrl(p.url)) return `products.${i}.url is invalid`;
			if (p.sku !== undefined && !isText(p.sku)) return `products.${i}.sku is invalid`;
			if (p.gtin !== undefined && !(typeof p.gtin === 'string' && isGtin13(p.gtin))) return `products.${i}.gtin is not a valid GTIN-13`;
			if (p.image_url !== undefined && !isUrl(p.image_url)) return `products.${i}.image_url is invalid`;
		}
	}
	return undefined;
}

export function createFeedbackCompanySimulator(): FeedbackCompanySimulator {
	const fresh = (): FeedbackCompanyState => ({
		issued: [],
		tokenRequests: 0,
		orders: new Map(),
		invitations: [],
		productReviews: [],
		productReviewsEnabled: true,
		rejectAllTokens: false,
		maxInFlight: 0,
	});
	const self: FeedbackCompanySimulator = {
		sim: undefined as unknown as Simulator,
		state: fresh(),
		handlerDelayMs: 0,
		expireToken() {
			self.state.validToken = undefined;
		},
		issueToken() {
			self.state.tokenRequests++;
			return newToken();
		},
		seedInvitations(count) {
			const start = Date.parse('2018-04-01T00:00:00Z');
			const created = Array.from({ length: count }, (_, i) => ({
				id: 5000 + self.state.invitations.length + i,
				order_id: 1000 + self.state.invitations.length + i,
				is_sent: true,
				send_at: iso(start + i * 60_000),
				send_reminder_at: iso(start + i * 60_000 + 7 * 86_400_000),
				is_reminder_sent: false,
				created_at: iso(start + i * 60_000),
			}));
			self.state.invitations.push(...created);
			return created;
		},
		seedProductReviews(count, productExternalId = 'prod-1') {
			const start = Date.parse('2018-04-01T00:00:00Z');
			const created = Array.from({ length: count }, (_, i) => {
				const n = self.state.productReviews.length + i;
				return {
					id: 9000 + n,
					product_id: 300 + (productExternalId.length % 7),
					product_external_id: productExternalId,
					customer_id: 700 + n,
					customer_fullname: `Customer ${n}`,
					product_name: `Product ${productExternalId}`,
					title: `Review ${n}`,
					text: 'Works well',
					score: 2 + (n % 9),
					strengths: [{ text: 'Fast' }],
					weaknesses: [],
					reply: null,
					replied_at: null,
					is_read: false,
					status: 'published',
					image_uuid: null,
					created_at: iso(start + n * 3_600_000).replace('Z', ''),
				};
			});
			self.state.productReviews.push(...created);
			return created;
		},
		resetState() {
			self.state = fresh();
			self.handlerDelayMs = 0;
		},
	};

	let tokenSeq = 0;
	function newToken(): string {
		tokenSeq++;
		const token = createHash('sha256').update(`fc-token-${tokenSeq}`).digest('hex');
		self.state.issued.push(token);
		self.state.validToken = token;
		return token;
	}

	const json = (status: number, body: unknown): SimResponse => ({ status, body });
	const failure = (status: number, error: string) => json(status, { success: false, error });

	function tokenEndpoint(req: SimRequest): SimResponse {
		self.state.tokenRequests++;
		const { client_id, client_secret, grant_type } = req.query;
		if (grant_type !== 'authorization_code') return json(400, { error: 'unsupported grant_type' });
		if (client_id !== FC_CLIENT_ID || client_secret !== FC_CLIENT_SECRET) return json(401, { error: 'Unauthorized' });
		const token = newToken();
		return json(200, { error: false, access_token: token, expires_on: 'April, 1 2030 00:00:00 +0100' });
	}

	/** `page` ≥ 1 and `page_size` 1–1000 as documented, or the complaint. */
	function paging(req: SimRequest): { page: number; size: number } | SimResponse {
		const page = req.query.page === undefined ? 1 : Number(req.query.page);
		const size = req.query.page_size === undefined ? 25 : Number(req.query.page_size);
		if (!Number.isInteger(page) || page < 1) return failure(400, 'page must be a positive integer');
		if (!Number.isInteger(size) || size < 1 || size > 1000) return failure(400, 'page_size must be between 1 and 1000');
		return { page, size };
	}

	function sorted<T extends Record<string, unknown>>(records: T[], sort: string, allowed: string[]): T[] | SimResponse {
		if (!allowed.includes(sort)) return failure(400, `sort must be one of ${allowed.join(', ')}`);
		const key = sort.replace(/^-/, '');
		const dir = sort.startsWith('-') ? -1 : 1;
		return [...records].sort((a, b) => (a[key]! < b[key]! ? -dir : a[key]! > b[key]! ? dir : 0));
	}

	async function api(req: SimRequest): Promise<SimResponse> {
		const path = req.path.replace(/^\/api\/v2/, '');
		if (req.method === 'GET' && path === '/oauth2/token') return tokenEndpoint(req);
		const token = bearer(req);
		if (!token || token !== self.state.validToken || self.state.rejectAllTokens) return failure(401, 'Unauthorized');

		if (req.method === 'GET' && path === '/shop') {
			return json(200, {
				success: true,
				shop: { id: 42, name: 'Test shop', url: 'https://shop.example.com', productReviewsEnabled: self.state.productReviewsEnabled },
			});
		}
		if (req.method === 'POST' && path === '/orders') {
			const problem = orderProblem(req.json);
			if (problem) return failure(422, problem);
			const body = req.json as Record<string, unknown>;
			const id = 1000 + self.state.orders.size;
			self.state.orders.set(String(body.external_id), { id, body });
			return json(201, { success: true });
		}
		if (path.startsWith('/invitations') || path.startsWith('/product-reviews')) {
			if (!self.state.productReviewsEnabled) return failure(403, 'No access');
		}
		if (req.method === 'GET' && path === '/invitations') {
			const p = paging(req);
			if ('status' in p) return p;
			const list = sorted(self.state.invitations as unknown as Array<Record<string, unknown>>, req.query.sort ?? '-created_at', ['created_at', '-created_at']);
			if (!Array.isArray(list)) return list;
			return json(200, {
				meta: { count: list.length },
				success: true,
				invitations: list.slice((p.page - 1) * p.size, p.page * p.size),
			});
		}
		const invitationMatch = /^\/invitations\/([^/]+)$/.exec(path);
		if (req.method === 'GET' && invitationMatch) {
			const found = self.state.invitations.find((i) => String(i.id) === decodeURIComponent(invitationMatch[1]));
			return found ? json(200, { success: true, invitation: found }) : failure(404, 'Invitation not found');
		}
		if (req.method === 'GET' && path === '/product-reviews/aggregate') {
			const ext = req.query.product_external_id;
			if (!ext) return failure(400, 'product_external_id is required');
			const reviews = self.state.productReviews.filter((r) => r.product_external_id === ext);
			const average = reviews.length ? reviews.reduce((s, r) => s + r.score, 0) / reviews.length : 0;
			return json(200, {
				success: true,
				product_review_aggregate: { amount_of_reviews: reviews.length, average_score: Math.round(average * 10) / 10 },
			});
		}
		if (req.method === 'GET' && path === '/product-reviews') {
			const p = paging(req);
			if ('status' in p) return p;
			let reviews = self.state.productReviews;
			if (req.query.product_external_id) reviews = reviews.filter((r) => r.product_external_id === req.query.product_external_id);
			if (req.query.product_id) reviews = reviews.filter((r) => String(r.product_id) === req.query.product_id);
			const list = sorted(reviews as unknown as Array<Record<string, unknown>>, req.query.sort ?? '-created_at', [
				'created_at', '-created_at', 'score', '-score', 'product_name', '-product_name', 'customer_fullname', '-customer_fullname',
			]);
			if (!Array.isArray(list)) return list;
			return json(200, {
				meta: { count: list.length },
				success: true,
				product_reviews: list.slice((p.page - 1) * p.size, p.page * p.size),
			});
		}
		return failure(404, 'Not found');
	}

	let inFlight = 0;
	self.sim = new Simulator(async (req) => {
		inFlight++;
		self.state.maxInFlight = Math.max(self.state.maxInFlight, inFlight);
		try {
			if (self.handlerDelayMs) await sleep(self.handlerDelayMs);
			return await api(req);
		} finally {
			inFlight--;
		}
	});
	return self;
}
