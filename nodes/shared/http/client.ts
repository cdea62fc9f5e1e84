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
import type { SlidingWindowLimiter } from './limiter';
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
	/** A Retry-After longer than this is not waited for; the request fails instead. */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
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

	/** Sends with retries and returns the final response; throws NodeApiError for failures. */
	async send(spec: RequestSpec): Promise<HttpResponse> {
		const idempotent = spec.idempotent ?? !['POST', 'PATCH'].includes(spec.method);
		for (let attempt = 1; ; attempt++) {
			const result = await this.attempt(spec);
			const { response } = result;
			if (response && response.status < 400) return response;
			if (response && spec.allowStatus?.includes(response.status)) return response;

			const retryable = this.isRetryable(result, idempotent);
			if (!retryable || attempt >= this.policy.maxAttempts) throw this.failure(result, spec, attempt, idempotent);

			let wait = backoffMs(attempt, this.policy);
			const serverWait = response ? retryAfterMs(response.headers) : undefined;
			if (serverWait !== undefined) {
				if (serverWait > this.policy.maxRetryAfterMs) throw this.failure(result, spec, attempt, idempotent);
				wait = serverWait;
			}
			if (response?.status === 429) this.config.limiter?.pauseFor(wait);
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

	private async attempt(spec: RequestSpec): Promise<Attempt> {
		const release = this.config.limiter ? await this.config.limiter.acquire(this.config.limiterCap) : undefined;
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
			return { response: toResponse(raw.statusCode, raw.headers, raw.body) };
		} catch (error) {
			const cause = (error as { cause?: unknown }).cause ?? error;
			const axiosLike = cause as {
				code?: string;
				message?: string;
				response?: { status: number; headers: unknown; data: unknown };
			};
			if (axiosLike.response?.status) {
				const r = axiosLike.response;
				return { response: toResponse(r.status, r.headers, r.data) };
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
			release?.();
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
