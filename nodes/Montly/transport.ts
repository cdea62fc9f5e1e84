import type { IDataObject } from 'n8n-workflow';

import type { HttpResponse, ProviderError, RequestContext } from '../shared/http/client';
import { ApiClient, messageFromBody, segment } from '../shared/http/client';
import { Redactor } from '../shared/http/redact';

export const CREDENTIAL = 'montlyApi';
export const PROVIDER = 'Montly';
export const DEFAULT_BASE_URL = 'https://api.montly.com';

export const orderPath = (orderId: string, action: string): string => `/v1/orders/${segment(orderId)}/${action}`;

interface FieldProblem {
	field?: unknown;
	code?: unknown;
	message?: unknown;
}

const fieldText = (f: FieldProblem) =>
	[f.field, f.message ?? f.code].filter((v) => typeof v === 'string' && v).join(': ');

/**
 * Montly documented `{"error":{"code","message","fields":[{field,code,message}]}}`, while its staging
 * server answered `{"errors":[{"title","detail"}]}` and the WooCommerce plugin also reads
 * `errors.message`; all three are read, and anything else is shown as it came.
 */
export function describeError(response: HttpResponse): ProviderError {
	const body = response.body as IDataObject | string | undefined;
	const fallback = response.status === 404 ? 'Not found' : 'Request failed';
	if (body && typeof body === 'object') {
		const error = body.error as IDataObject | undefined;
		if (error && typeof error === 'object') {
			const fields = Array.isArray(error.fields) ? (error.fields as FieldProblem[]).map(fieldText).filter(Boolean) : [];
			const head = [error.code, error.message].filter((v) => typeof v === 'string' && v).join(': ') || fallback;
			return fields.length
				? { message: `${head} (${fields[0]})`, description: fields.join('\n') }
				: { message: head, description: hint(String(error.code ?? '')) };
		}
		const errors = body.errors;
		const list = Array.isArray(errors) ? (errors as IDataObject[]) : errors && typeof errors === 'object' ? [errors as IDataObject] : [];
		if (list.length) {
			const texts = list.map((e) =>
				[e.title, e.detail ?? e.message].filter((v) => typeof v === 'string' && v).join(': '),
			);
			return { message: texts[0] || fallback, description: texts.length > 1 ? texts.join('\n') : undefined };
		}
	}
	return { message: messageFromBody(body, fallback) };
}

function hint(code: string): string | undefined {
	switch (code) {
		case 'OrderCantBeModified':
			return 'An order can be cancelled only until the customer has signed it.';
		case 'OrderNotAccepted':
			return 'Montly declined the order at once, e.g. for an unknown organisation number or bad credit.';
		default:
			return undefined;
	}
}

export async function createClient(ctx: RequestContext): Promise<ApiClient> {
	const credentials = await ctx.getCredentials(CREDENTIAL);
	return new ApiClient(ctx, {
		credentialType: CREDENTIAL,
		provider: PROVIDER,
		baseUrl: (credentials.baseUrl as string) || DEFAULT_BASE_URL,
		redactor: Redactor.fromCredentials(credentials, ['apiKey', 'webhookSecret']),
		describeError,
	});
}
