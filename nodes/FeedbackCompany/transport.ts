import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpResponse, ProviderError, RequestPreview, RequestSpec } from '../shared/http/client';
import { ApiClient, asNodeError, messageFromBody } from '../shared/http/client';
import { stringifyIds } from '../shared/http/json';
import type { Page } from '../shared/http/pagination';
import { Redactor } from '../shared/http/redact';
import { DEFAULT_BASE_URL, jitter, tokenGate, usableToken } from './token';

export const CREDENTIAL = 'feedbackCompanyApi';
export const PROVIDER = 'The Feedback Company';
export { DEFAULT_BASE_URL };
/** How often one request reads the credential again after a 401 before it gives up. */
const MAX_TOKEN_ROUNDS = 4;
/** The largest `page_size` the list endpoints accept. */
export const MAX_PAGE_SIZE = 1000;


const RESTRICTED =
	'Invitations and product reviews are available only to accounts that collect both merchant and product reviews.';

/** Error bodies carry `"error": "<text>"` and often `"success": false`; some are plain text. */
export function describeError(response: HttpResponse): ProviderError {
	const message = messageFromBody(response.body, response.status === 404 ? 'Not found' : 'Request failed');
	switch (response.status) {
		case 401:
			return {
				message,
				description:
					'The request was refused with a newly issued access token too. Check that the client ID has access to this data.',
			};
		case 403:
			return { message, description: RESTRICTED };
		case 404:
			return { message, description: 'Check the ID. ' + RESTRICTED };
		default:
			return { message };
	}
}

/**
 * The Feedback Company's client for one execution. Every new token invalidates the one before it
 * (also the shop plugin's), so tokens are handled here rather than by n8n's 401 refresh, which has
 * no lock: within an execution one request runs at a time, and across the executions of this n8n
 * process one token fetch per account runs at a time (token.ts). A request is signed with the
 * token read from the credential just before; on a 401 the credential is read again, and a token
 * that another execution or n8n process stored meanwhile is used. Only when the stored token is
 * the one refused (or there is none) does one request, for the whole process, make n8n fetch and
 * store a new one; the others wait for it and use it.
 */
export class FeedbackCompanyClient {
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly api: ApiClient,
	) {}

	/** Set once the token endpoint refused the client ID and secret in this execution. */
	private refusal?: string;

	/** The response body; a 2xx answer that says `"success": false` is an error too. */
	async request(spec: RequestSpec): Promise<IDataObject> {
		return ((await this.send(spec)).body ?? {}) as IDataObject;
	}

	/** The request as a dry run shows it; nothing is sent and no token is requested. */
	preview(spec: RequestSpec): RequestPreview {
		return this.api.preview(spec);
	}

	/** Sends one request at a time, signed with the stored token (see the class comment). */
	async send(spec: RequestSpec): Promise<HttpResponse> {
		const previous = this.queue;
		let done!: () => void;
		this.queue = new Promise<void>((resolve) => (done = resolve));
		await previous;
		try {
			if (this.refusal !== undefined) throw this.refusedBefore(spec);
			let response: HttpResponse;
			try {
				response = await this.sendSigned(spec);
			} catch (error) {
				// Asking again for every item would only repeat the refusal (and hammer the token endpoint).
				if (error instanceof NodeApiError && error.context.credentialRefused) this.refusal = error.message;
				throw asNodeError(this.ctx.getNode(), error);
			}
			const body = response.body as IDataObject | undefined;
			if (body && typeof body === 'object' && (body.success === false || body.error === true)) {
				throw this.refused(response);
			}
			return response;
		} finally {
			done();
		}
	}

	private async sendSigned(spec: RequestSpec): Promise<HttpResponse> {
		const own401 = spec.allowStatus?.includes(401) === true;
		const signed = (credentials: ICredentialDataDecryptedObject): RequestSpec => ({
			...spec,
			credentials,
			refreshOnStatus: [],
			allowStatus: [...(spec.allowStatus ?? []), 401],
		});
		let refused = '';
		let last: HttpResponse | undefined;
		for (let round = 0; round < MAX_TOKEN_ROUNDS; round++) {
			let credentials = await this.readCredentials();
			const gate = tokenGate(credentials);
			if (gate.busy) {
				await gate.settled();
				credentials = await this.readCredentials();
			}
			let token = usableToken(credentials);
			if (token && token === refused) {
				// Another execution or n8n process may be storing a newer token right now.
				await jitter();
				credentials = await this.readCredentials();
				token = usableToken(credentials);
			}
			if (!token || token === refused) {
				if (gate.busy) continue;
				// Two fetched tokens in a row refused: the account itself is refused; fetching more
				// would only invalidate the shop plugin's token again and again.
				if (!gate.mayFetch()) break;
				// n8n fetches a token for an empty one, stores it in the credential, then sends.
				const fresh: ICredentialDataDecryptedObject = { ...credentials, accessToken: '' };
				last = await gate.lead(async () => await this.api.send(signed(fresh)));
				gate.fetched(last.status !== 401);
				if (last.status !== 401 || own401) return last;
				// Refused at once: most likely another n8n process fetched a token just after ours.
				refused = typeof fresh.accessToken === 'string' ? fresh.accessToken : '';
				continue;
			}
			last = await this.api.send(signed(credentials));
			if (last.status !== 401 || own401) {
				gate.fetched(true);
				return last;
			}
			refused = token;
		}
		if (last) throw this.api.failureFor(last, spec);
		// Tokens kept changing under this request (another client with the same ID fetches them).
		return await this.api.send({ ...spec, credentials: await this.readCredentials(), refreshOnStatus: [] });
	}

	private async readCredentials(): Promise<ICredentialDataDecryptedObject> {
		return await this.ctx.getCredentials(CREDENTIAL);
	}

	private refusedBefore(spec: RequestSpec): NodeApiError {
		const refused = new NodeApiError(this.ctx.getNode(), { message: this.refusal } as JsonObject, {
			message: this.refusal,
			description: `The ${spec.method} ${spec.path} request was not sent: the token request already failed for an earlier item of this execution.`,
		});
		refused.context.notSent = true;
		return refused;
	}

	/** A 2xx answer that says `"success": false`: the provider refused the request. */
	private refused(response: HttpResponse): NodeApiError {
		const described = describeError(response);
		const message = this.api.config.redactor.text(`${PROVIDER}: ${described.message}`);
		const refused = new NodeApiError(this.ctx.getNode(), { message } as JsonObject, {
			message,
			description: 'The API answered with "success": false.',
			httpCode: String(response.status),
		});
		refused.context.notSent = true;
		return refused;
	}
}

export async function createClient(ctx: IExecuteFunctions): Promise<FeedbackCompanyClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	const api = new ApiClient(ctx, {
		credentialType: CREDENTIAL,
		provider: PROVIDER,
		baseUrl: (credentials.baseUrl as string) || DEFAULT_BASE_URL,
		redactor: Redactor.fromCredentials(credentials, ['clientSecret', 'accessToken']),
		describeError,
	});
	return new FeedbackCompanyClient(ctx, api);
}

/** The record under `key` (`invitation`, `shop`, …), with ids as strings. */
export function unwrap(body: IDataObject, key: string): IDataObject {
	const record = body[key];
	return stringifyIds((record && typeof record === 'object' ? record : body) as IDataObject);
}

/** One page of a `{ meta: { count }, <key>: [...] }` list; `count` is the total over all pages. */
export async function getPage(
	client: FeedbackCompanyClient,
	path: string,
	key: string,
	qs: IDataObject,
	page: number,
	pageSize: number,
): Promise<Page> {
	const body = await client.request({
		method: 'GET',
		path,
		qs: { ...qs, page, page_size: pageSize },
	});
	const list = body[key];
	const records = Array.isArray(list) ? stringifyIds(list as IDataObject[]) : [];
	const count = Number((body.meta as IDataObject | undefined)?.count);
	if (Number.isFinite(count)) {
		const lastPage = Math.max(1, Math.ceil(count / pageSize));
		return { records, lastPage, hasNext: page < lastPage };
	}
	return { records, hasNext: records.length === pageSize };
}
