import type { HttpResponse, ProviderError, RequestContext } from '../shared/http/client';
import { ApiClient, messageFromBody } from '../shared/http/client';
import { Redactor } from '../shared/http/redact';

export const CREDENTIAL = 'esputnikApi';
export const DEFAULT_BASE_URL = 'https://esputnik.com/api';
/** eSputnik accepts at most 1000 orders in one `POST /v1/orders`. */
export const MAX_ORDERS_PER_REQUEST = 1000;

/**
 * eSputnik answers errors with plain text ("text details can be added to the response body"),
 * sometimes with JSON; either way the user sees the text, never `[object Object]`.
 */
export function describeError(response: HttpResponse): ProviderError {
	const fallback = response.status === 401 ? 'Unauthorized' : `HTTP ${response.status}`;
	const message = messageFromBody(response.body, fallback);
	if (response.status === 401) {
		return {
			message,
			description:
				'Check the API key (Profile → Settings → API in eSputnik) and that the base URL is the host of your account.',
		};
	}
	if (response.status === 403) {
		return {
			message,
			description:
				'The API key lacks the access this request needs; use a key with full API access.',
		};
	}
	return { message };
}

export interface ClientOptions {
	timeoutMs?: number;
}

/** One client per execution. eSputnik documents no request rate, so only 429s slow it down. */
export async function createClient(
	ctx: RequestContext,
	options: ClientOptions = {},
): Promise<ApiClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	return new ApiClient(ctx, {
		credentialType: CREDENTIAL,
		provider: 'eSputnik',
		baseUrl: (credentials.baseUrl as string) || DEFAULT_BASE_URL,
		redactor: Redactor.fromCredentials(credentials, ['apiKey']),
		timeoutMs: options.timeoutMs,
		describeError,
	});
}

/** One entry of a response's `failedOrders`; the order id is absent when the entry names none. */
export interface FailedOrder {
	externalOrderId?: string;
	reason: string;
}

const ID_KEYS = ['externalOrderId', 'orderId', 'externalId', 'id'];
const REASON_KEYS = ['message', 'error', 'errorMessage', 'reason', 'description', 'status'];

function failedEntry(entry: unknown, key?: string): FailedOrder {
	if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
		const record = entry as Record<string, unknown>;
		const idKey = ID_KEYS.find(
			(k) => typeof record[k] === 'string' || typeof record[k] === 'number',
		);
		const reasonKey = REASON_KEYS.find(
			(k) => typeof record[k] === 'string' && (record[k] as string).trim(),
		);
		return {
			externalOrderId: idKey ? String(record[idKey]) : key,
			reason: reasonKey ? (record[reasonKey] as string).trim() : JSON.stringify(entry),
		};
	}
	return {
		externalOrderId: key,
		reason: typeof entry === 'string' && entry.trim() ? entry.trim() : JSON.stringify(entry),
	};
}

/**
 * The orders a `POST /v1/orders` response reports as failed. The shape is undocumented: Yespo's
 * own app types `failedOrders` as an object or an array of objects. Read defensively: an array of
 * entries, a single entry, or a map from order id to reason.
 */
export function readFailedOrders(body: unknown): FailedOrder[] {
	const failed = (body as { failedOrders?: unknown } | undefined)?.failedOrders;
	if (failed === undefined || failed === null) return [];
	if (Array.isArray(failed)) return failed.map((entry) => failedEntry(entry));
	if (typeof failed === 'object') {
		const record = failed as Record<string, unknown>;
		if (Object.keys(record).length === 0) return [];
		if (ID_KEYS.some((k) => k in record)) return [failedEntry(record)];
		return Object.entries(record).map(([key, value]) => failedEntry(value, key));
	}
	return [{ reason: String(failed) }];
}

/** Yespo's own app treats this answer to an identical repeated request as success. */
export const isDuplicatedRequest = (text: string): boolean => /duplicated request/i.test(text);
