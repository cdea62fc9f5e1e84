import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_REFUSED } from './credential-error';
import { parseBody } from './json';
import { RateLimitWaitError, type Release, type SlidingWindowLimiter } from './limiter';
import type { Redactor } from './redact';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface HttpResponse {
	status: number;
	headers: Record<string, string>;
	/** Parsed JSON (big integers kept as strings), the raw text, or undefined when empty. */
	body: unknown;
}

/** The request a dry run shows instead of sending it. Secrets are never part of it. */
export interface RequestPreview extends IDataObject {
	method: string;
	url: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

/** What a provider's error body says, in the user's terms. */
export interface ProviderError {
	message: string;
	description?: string;
}

export interface RetryPolicy {
	/** Total attempts, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this is not waited for; the request fails instead (5xx, 408). */
	maxRetryAfterMs: number;
	/**
	 * How long one request may wait for the provider's rate limit (429 and its Retry-After) before
	 * it fails naming the rate limit. A 429 is not counted against `maxAttempts`: the provider did
	 * not process the request, so sending it again is safe, creates included.
	 */
	rateLimitPatienceMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
	rateLimitPatienceMs: 600_000,
};

export interface ApiClientConfig {
	credentialType: string;
	baseUrl: string;
	/** The provider's name, for error messages. */
	provider: string;
	headers?: Record<string, string>;
	redactor: Redactor;
	limiter?: SlidingWindowLimiter;
	/** A lower limit than the limiter's own for this client's requests (see `acquire`). */
	limiterCap?: number;
	retry?: Partial<RetryPolicy>;
	timeoutMs?: number;
	/** Turns a provider's error response into a message and a description. */
	describeError: (response: HttpResponse) => ProviderError;
	/**
	 * Statuses that n8n-core must see as failures, so that its credential refresh runs
	 * (401 for token-exchange credentials). Everything else comes back to the client.
	 */
	refreshOnStatus?: number[];
}

export interface RequestSpec {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: unknown;
	/**
	 * Whether sending the request twice is harmless. Defaults to true for GET, PUT and DELETE and
	 * false for POST and PATCH; a POST that the provider documents as an upsert sets it to true.
	 * A non-idempotent request is retried only when it cannot have reached the provider
	 * (a 429, or a connection that was never made).
	 */
	idempotent?: boolean;
	/** Statuses returned to the caller instead of thrown (e.g. a 404 that means "valid key"). */
	allowStatus?: number[];
	/**
	 * The credential data to sign this request with, instead of n8n reading it again: the caller
	 * knows exactly which token went out (see The Feedback Company's token handling).
	 */
	credentials?: ICredentialDataDecryptedObject;
	/** Overrides the client's `refreshOnStatus` for this request. */
	refreshOnStatus?: number[];
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

interface Attempt {
	response?: HttpResponse;
	networkCode?: string;
	networkMessage?: string;
	/** The credential could not get a token (see credential-error.ts); nothing was sent. */
	credentialRefused?: string;
	/** n8n's SSRF protection refused the destination; nothing was sent. */
	ssrfBlocked?: string;
	/** The account's rate limit holds requests longer than the patience left; nothing was sent. */
	rateLimitWaitMs?: number;
}

/** A path segment, encoded so that an id can never change the path. */
export const segment = (id: string): string => encodeURIComponent(id);

function headerMap(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (headers && typeof headers === 'object') {
		for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
			if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
		}
	}
	return out;
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined) return undefined;
	if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter, bounded. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * One provider's HTTP client for one node execution: authentication through n8n's credential
 * (`httpRequestWithAuthentication`), a shared rate limiter, retries that never repeat a request
 * that may already have created something, and errors that carry the provider's message but
 * never a secret.
 */
export class ApiClient {
	readonly policy: RetryPolicy;

	constructor(
		private readonly ctx: RequestContext,
		readonly config: ApiClientConfig,
	) {
		this.policy = { ...DEFAULT_RETRY, ...config.retry };
	}

	async request<T = unknown>(spec: RequestSpec): Promise<T> {
		return (await this.send(spec)).body as T;
	}

	/**
	 * Sends with retries and returns the final response; throws NodeApiError for failures. A 429
	 * is sent again after its Retry-After for as long as the rate-limit patience allows; other
	 * retryable failures count against `maxAttempts`.
	 */
	async send(spec: RequestSpec): Promise<HttpResponse> {
		const idempotent = spec.idempotent ?? !['POST', 'PATCH'].includes(spec.method);
		let attempt = 0;
		let limited = 0;
		/** Set by the first 429: the request fails when it would have to wait beyond this. */
		let deadline: number | undefined;
		for (;;) {
			const result = await this.attempt(spec, deadline ?? Date.now() + this.policy.rateLimitPatienceMs);
			const { response } = result;
			if (response && response.status < 400) return response;
			if (response && spec.allowStatus?.includes(response.status)) return response;
			if (result.rateLimitWaitMs !== undefined) throw this.failure(result, spec, attempt + limited, idempotent);

			if (response?.status === 429) {
				limited++;
				deadline ??= Date.now() + this.policy.rateLimitPatienceMs;
				const serverWait = retryAfterMs(response.headers);
				// Without a Retry-After, or after many 429s in a row, back off as for other failures.
				const floor =
					serverWait === undefined
						? backoffMs(Math.min(limited, 20), this.policy)
						: limited > this.policy.maxAttempts
							? backoffMs(Math.min(limited - this.policy.maxAttempts, 20), this.policy)
							: 0;
				const wait = Math.max(serverWait ?? 0, floor);
				this.config.limiter?.pauseFor(wait);
				if (Date.now() + wait > deadline) {
					throw this.failure({ ...result, rateLimitWaitMs: wait }, spec, attempt + limited, idempotent);
				}
				this.ctx.logger?.debug(`${this.config.provider}: rate limited, sending ${spec.method} ${spec.path} again in ${wait} ms`, {
					limited,
				});
				await sleep(wait);
				continue;
			}

			attempt++;
			const retryable = this.isRetryable(result, idempotent);
			if (!retryable || attempt >= this.policy.maxAttempts) throw this.failure(result, spec, attempt + limited, idempotent);

			let wait = backoffMs(attempt, this.policy);
			const serverWait = response ? retryAfterMs(response.headers) : undefined;
			if (serverWait !== undefined) {
				if (serverWait > this.policy.maxRetryAfterMs) throw this.failure(result, spec, attempt + limited, idempotent);
				wait = serverWait;
			}
			this.ctx.logger?.debug(
				`${this.config.provider}: retrying ${spec.method} ${spec.path} in ${wait} ms`,
				{ attempt, status: response?.status, code: result.networkCode },
			);
			await sleep(wait);
		}
	}

	/** The request as a dry run shows it: method, URL, query and body, with every secret redacted. */
	preview(spec: RequestSpec): RequestPreview {
		const redact = this.config.redactor;
		const preview: RequestPreview = {
			method: spec.method,
			url: redact.text(this.config.baseUrl.replace(/\/+$/, '') + spec.path),
		};
		if (spec.qs && Object.keys(spec.qs).length) preview.qs = redact.value(spec.qs);
		if (spec.body !== undefined) preview.body = redact.value(JSON.parse(JSON.stringify(spec.body)) as IDataObject);
		return preview;
	}

	private isRetryable({ response, networkCode }: Attempt, idempotent: boolean): boolean {
		if (response) {
			if (response.status === 429) return true;
			return idempotent && (response.status === 408 || response.status >= 500);
		}
		if (networkCode && NOT_SENT_CODES.has(networkCode)) return true;
		return idempotent && networkCode !== undefined && MAYBE_SENT_CODES.has(networkCode);
	}

	private async attempt(spec: RequestSpec, notAfter: number): Promise<Attempt> {
		let release: Release | undefined;
		/** A 429 was not counted by the provider: it takes no slot of the limiter's window. */
		let refused = false;
		try {
			release = await this.config.limiter?.acquire(this.config.limiterCap, notAfter);
		} catch (error) {
			if (error instanceof RateLimitWaitError) return { rateLimitWaitMs: error.waitMs };
			throw asNodeError(this.ctx.getNode(), error);
		}
		/** An answer, read by the limiter (the account's budget) before the request is released. */
		const answered = (status: number, headers: unknown, body: unknown): Attempt => {
			const response = toResponse(status, headers, body);
			if (release) this.config.limiter?.observe(response.headers, release.ticket);
			refused = response.status === 429;
			return { response };
		};
		const refreshOn = spec.refreshOnStatus ?? this.config.refreshOnStatus;
		const options: IHttpRequestOptions = {
			method: spec.method,
			url: this.config.baseUrl.replace(/\/+$/, '') + spec.path,
			qs: spec.qs,
			headers: { Accept: 'application/json', ...this.config.headers },
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: refreshOn?.length ? { ignore: true, except: refreshOn } : true,
			timeout: this.config.timeoutMs ?? 60_000,
		};
		if (spec.body !== undefined) {
			options.body = spec.body as IDataObject;
			options.headers!['Content-Type'] = 'application/json';
		}
		try {
			const raw = (await this.ctx.helpers.httpRequestWithAuthentication.call(
				this.ctx,
				this.config.credentialType,
				options,
				spec.credentials
					? {
							credentialsDecrypted: {
								id: this.ctx.getNode().credentials?.[this.config.credentialType]?.id ?? '',
								name: this.ctx.getNode().credentials?.[this.config.credentialType]?.name ?? '',
								type: this.config.credentialType,
								data: spec.credentials,
							},
						}
					: undefined,
			)) as { statusCode: number; headers: unknown; body: unknown };
			return answered(raw.statusCode, raw.headers, raw.body);
		} catch (error) {
			const cause = (error as { cause?: unknown }).cause ?? error;
			const axiosLike = cause as {
				code?: string;
				message?: string;
				response?: { status: number; headers: unknown; data: unknown };
			};
			if (axiosLike.response?.status) {
				const r = axiosLike.response;
				return answered(r.status, r.headers, r.data);
			}
			if ((cause as Error).name === CREDENTIAL_REFUSED) {
				return { credentialRefused: axiosLike.message ?? 'The credential was refused' };
			}
			const blocked = [error, cause].find((e) => /^SsrfBlocked/.test((e as Error)?.name ?? ''));
			if (blocked) return { ssrfBlocked: (blocked as Error).message };
			return {
				networkCode: axiosLike.code ?? 'ENETWORK',
				networkMessage: axiosLike.message ?? (error as Error).message,
			};
		} finally {
			release?.(!refused);
		}
	}

	/** The error a final answer means for this request, as `send` would throw it. */
	failureFor(response: HttpResponse, spec: RequestSpec): NodeApiError {
		return this.failure({ response }, spec, 1, spec.idempotent ?? !['POST', 'PATCH'].includes(spec.method));
	}

	private failure(result: Attempt, spec: RequestSpec, attempts: number, idempotent: boolean): NodeApiError {
		const redact = this.config.redactor;
		const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
		const error = (message: string, options: { description?: string; httpCode?: string; notSent?: boolean }) => {
			const text = redact.text(message);
			const failure = new NodeApiError(this.ctx.getNode(), { message: text, httpCode: options.httpCode } as JsonObject, {
				message: text,
				description: options.description === undefined ? undefined : redact.text(options.description),
				httpCode: options.httpCode,
			});
			// Read by the write engine: the provider never received (or refused) this request.
			if (options.notSent) failure.context.notSent = true;
			return keepMessage(failure, text);
		};
		if (result.rateLimitWaitMs !== undefined) {
			const described = result.response ? this.config.describeError(result.response) : undefined;
			const patienceMs = this.policy.rateLimitPatienceMs;
			const patience = patienceMs < 60_000 ? `${Math.round(patienceMs / 1000)} s` : `${Math.round(patienceMs / 6_000) / 10} min`;
			const waitS = Math.ceil(result.rateLimitWaitMs / 1000);
			return error(
				`${this.config.provider} rate limit: the account must wait another ${waitS} s, longer than the Rate Limit Patience (${patience}) allows${
					described ? ` (429: ${described.message})` : ''
				}${tries}`,
				{
					description: `The ${spec.method} ${spec.path} request was not processed (the provider refused it with 429, or it was held back), so it is safe to run again later. Raise Options → Rate Limit Patience (Minutes) to wait longer, or send fewer requests to this account.${
						described?.description ? `\n${described.description}` : ''
					}`,
					httpCode: '429',
					notSent: true,
				},
			);
		}
		if (result.response) {
			const { status } = result.response;
			const described = this.config.describeError(result.response);
			return error(`${this.config.provider} ${status}: ${described.message}${tries}`, {
				description: described.description,
				httpCode: String(status),
				notSent: status < 500,
			});
		}
		if (result.ssrfBlocked !== undefined) {
			return error(`${this.config.provider}: ${result.ssrfBlocked}`, {
				description:
					"n8n's SSRF protection blocked the request, so nothing was sent. If this host is meant to be reachable, allow it with N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES.",
				notSent: true,
			});
		}
		if (result.credentialRefused !== undefined) {
			const refused = error(result.credentialRefused, {
				description: `The ${spec.method} ${spec.path} request was not sent.`,
				notSent: true,
			});
			refused.context.credentialRefused = true;
			return refused;
		}
		const maybeSent = !NOT_SENT_CODES.has(result.networkCode ?? '');
		return error(`${this.config.provider} could not be reached: ${result.networkCode}${tries}`, {
			description:
				(result.networkMessage ?? '') +
				(maybeSent && !idempotent
					? '. The request may have reached the provider; it was not repeated because that could create a duplicate.'
					: ''),
			notSent: !maybeSent,
		});
	}
}

/** `error` as an n8n node error: itself when it is one, else wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

/**
 * n8n's node errors replace a message that mentions a network code (ECONNRESET, ETIMEDOUT, …) with a
 * generic sentence that names neither the item nor the provider; keep the message we built.
 */
export function keepMessage<E extends NodeApiError | NodeOperationError>(error: E, message: string): E {
	error.message = message;
	return error;
}

function toResponse(status: number, headers: unknown, body: unknown): HttpResponse {
	return {
		status,
		headers: headerMap(headers),
		body: typeof body === 'string' ? parseBody(body) : body,
	};
}

/** Common error-body reading: `message`/`error`, or the text itself; never `[object Object]`. */
export function messageFromBody(body: unknown, fallback: string): string {
	if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 1000);
	if (body && typeof body === 'object') {
		const b = body as Record<string, unknown>;
		for (const key of ['message', 'error', 'error_description', 'detail', 'title']) {
			const v = b[key];
			if (typeof v === 'string' && v.trim()) return v.trim();
			if (v && typeof v === 'object' && typeof (v as IDataObject).message === 'string')
				return (v as IDataObject).message as string;
		}
		return JSON.stringify(body).slice(0, 1000);
	}
	return fallback;
}
