import type { IDataObject } from 'n8n-workflow';

import type { HttpResponse, ProviderError, RequestContext } from '../shared/http/client';
import { ApiClient, messageFromBody, segment } from '../shared/http/client';
import { stringifyIds } from '../shared/http/json';
import { accountKey } from '../shared/http/accounts';
import { sharedLimiter } from '../shared/http/limiter';
import type { Page } from '../shared/http/pagination';
import { Redactor } from '../shared/http/redact';

export const CREDENTIAL = 'mailerLiteEcommerceApi';
export const DEFAULT_BASE_URL = 'https://connect.mailerlite.com/api';
/** MailerLite allows 120 requests per minute per account. */
export const REQUESTS_PER_MINUTE = 120;

export const shopPath = (shopId: string): string => `/ecommerce/shops/${segment(shopId)}`;

/** 422 bodies: `{"message": "...", "errors": {"customer.email": ["..."]}}`. */
export function describeError(response: HttpResponse): ProviderError {
	const body = response.body as { message?: unknown; errors?: Record<string, unknown> } | undefined;
	const message = messageFromBody(body, response.status === 404 ? 'Not found' : 'Request failed');
	if (body && typeof body === 'object' && body.errors && typeof body.errors === 'object') {
		const fields = Object.entries(body.errors).map(
			([field, problems]) => `${field}: ${Array.isArray(problems) ? problems.join(' ') : String(problems)}`,
		);
		if (fields.length) return { message: `${message} ${fields[0]}`, description: fields.join('\n') };
	}
	return { message };
}

export interface ClientOptions {
	requestsPerMinute?: number;
	timeoutMs?: number;
	/** How long a request may wait for the rate limit (429); the client's default when undefined. */
	rateLimitPatienceMs?: number;
}

/**
 * The requests per minute one n8n process may send for an account: the credential's optional
 * share of MailerLite's 120. Queue mode does not need it: the limiter follows the account's
 * remaining budget that MailerLite reports to every process (see `SlidingWindowLimiter`).
 */
export function processLimit(share: unknown): number {
	const percent = Number(share);
	const valid = Number.isFinite(percent) && percent > 0 ? Math.min(100, percent) : 100;
	return Math.max(1, Math.floor((REQUESTS_PER_MINUTE * valid) / 100));
}

/**
 * One client per execution. Its limiter belongs to the account (API key and host) and is shared
 * by every execution of this n8n process, so a burst of single-order executions stays under the
 * account's limit together.
 */
export async function createClient(ctx: RequestContext, options: ClientOptions = {}): Promise<ApiClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	const baseUrl = (credentials.baseUrl as string) || DEFAULT_BASE_URL;
	return new ApiClient(ctx, {
		credentialType: CREDENTIAL,
		provider: 'MailerLite',
		baseUrl,
		redactor: Redactor.fromCredentials(credentials, ['apiKey']),
		limiter: sharedLimiter(
			accountKey('mailerlite', baseUrl.replace(/\/+$/, ''), credentials.apiKey),
			processLimit(credentials.rateLimitShare),
			60_000,
			true, // MailerLite reports the account's remaining budget on every answer
		),
		limiterCap: options.requestsPerMinute,
		timeoutMs: options.timeoutMs,
		retry: options.rateLimitPatienceMs === undefined ? undefined : { rateLimitPatienceMs: options.rateLimitPatienceMs },
		describeError,
	});
}

/** The record inside `{ data: ... }`, with ids as strings. */
export function unwrap(body: unknown): IDataObject {
	const data = (body as { data?: unknown })?.data ?? body;
	return stringifyIds((data ?? {}) as IDataObject);
}

export function unwrapList(body: unknown): IDataObject[] {
	const data = (body as { data?: unknown })?.data;
	return Array.isArray(data) ? stringifyIds(data as IDataObject[]) : [];
}

/** One page of a Laravel-paginated list (`links.next`, `meta.last_page`). */
export async function getPage(
	client: ApiClient,
	path: string,
	page: number,
	limit: number,
): Promise<Page> {
	const body = (await client.request({ method: 'GET', path, qs: { limit, page } })) as {
		links?: { next?: string | null };
		meta?: { last_page?: number; current_page?: number };
	};
	const lastPage = typeof body.meta?.last_page === 'number' ? body.meta.last_page : undefined;
	const hasNext = body.links?.next != null || (lastPage !== undefined && page < lastPage);
	return { records: unwrapList(body), lastPage, hasNext };
}
