import type { HttpResponse, ProviderError, RequestContext } from '../shared/http/client';
import { ApiClient, messageFromBody } from '../shared/http/client';
import { accountKey } from '../shared/http/accounts';
import { sharedLimiter } from '../shared/http/limiter';
import { Redactor } from '../shared/http/redact';

export const CREDENTIAL = 'montoApi';
export const DEFAULT_BASE_URL = 'https://api.monto.io';
/**
 * Monto states no rate limit. A third party measured about 30 requests a minute per IP
 * (contract §8), so one request every 2 s is the default pace.
 */
export const DEFAULT_INTERVAL_MS = 2000;


const STATUS_TEXT: Record<number, string> = {
	401: 'The API key is invalid or has no access',
	404: 'Not found',
	429: 'Too many requests',
};

/**
 * Monto's error bodies are undocumented (Laravel suggests `{"message": "..."}`); text and empty
 * bodies are read too. An HTML page (a server error page) is not shown: it can echo the request
 * URL, which carries the key, and says nothing useful.
 */
export function describeError(response: HttpResponse): ProviderError {
	const fallback = STATUS_TEXT[response.status] ?? (response.status >= 500 ? 'Server error' : `HTTP ${response.status}`);
	const html = typeof response.body === 'string' && /^\s*</.test(response.body);
	const message = html ? fallback : messageFromBody(response.body, fallback);
	if (response.status === 401) {
		return { message, description: 'Check the API key in the Monto credential.' };
	}
	if (response.status === 429) {
		return {
			message,
			description: 'Monto limits requests (about 30 a minute per IP). Raise Options → Min Time Between Requests.',
		};
	}
	return { message };
}

export interface ClientOptions {
	/** Minimum time between the end of one request and the start of the next. */
	intervalMs?: number;
	timeoutMs?: number;
	/** How long a request may wait for the rate limit (429); the client's default when undefined. */
	rateLimitPatienceMs?: number;
}

/**
 * One client per execution. Its pacing belongs to the account (API key and host) and is shared by
 * every execution of this n8n process: Monto's measured limit is per IP, which all of them share.
 */
export async function createClient(ctx: RequestContext, options: ClientOptions = {}): Promise<ApiClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
	const baseUrl = (credentials.baseUrl as string) || DEFAULT_BASE_URL;
	return new ApiClient(ctx, {
		credentialType: CREDENTIAL,
		provider: 'Monto',
		baseUrl,
		redactor: Redactor.fromCredentials(credentials, ['apiKey']),
		limiter:
			intervalMs > 0
				? sharedLimiter(accountKey('monto', baseUrl.replace(/\/+$/, ''), credentials.apiKey), 1, intervalMs)
				: undefined,
		timeoutMs: options.timeoutMs,
		retry: options.rateLimitPatienceMs === undefined ? undefined : { rateLimitPatienceMs: options.rateLimitPatienceMs },
		describeError,
	});
}
