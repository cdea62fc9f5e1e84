import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { messageFromBody } from '../shared/http';
import { Redactor } from '../shared/redact';
import { DEFAULT_BASE_URL } from './transport';

/** An order id no shop uses: a valid key gets 404 "not found" for it. */
export const PROBE_ORDER_ID = '__n8n_credential_test__';

/**
 * The Test button of the Monto credential. Monto has no endpoint for checking a key, so this asks
 * for the subscriptions of an order that does not exist: 404 means the key was accepted, 401
 * that it was not. Whether sites without Simple Subscriptions answer the same is not documented.
 */
export async function montoApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = String(data.apiKey ?? '');
	const baseUrl = String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const redactor = new Redactor([apiKey]);
	if (!apiKey.trim()) return { status: 'Error', message: 'Enter the API key' };
	let response: { statusCode: number; body: unknown };
	try {
		// A credential test only gets the legacy request helper (ICredentialTestFunctions).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		response = await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/orders/${PROBE_ORDER_ID}/subscriptions`,
			qs: { api_key: apiKey },
			headers: { Accept: 'application/json' },
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 15_000,
		});
	} catch (error) {
		const code = (error as { code?: string }).code;
		return { status: 'Error', message: redactor.text(`Monto could not be reached${code ? ` (${code})` : ''}`) };
	}
	const { statusCode } = response;
	if (statusCode === 404 || (statusCode >= 200 && statusCode < 300)) {
		return { status: 'OK', message: 'Connection tested successfully' };
	}
	if (statusCode === 401 || statusCode === 403) {
		return { status: 'Error', message: 'Monto rejected the API key' };
	}
	if (statusCode === 429) {
		return { status: 'Error', message: 'Monto answered "Too many requests"; try again in a minute' };
	}
	const detail = typeof response.body === 'string' && /^\s*</.test(response.body) ? '' : messageFromBody(response.body as IDataObject, '');
	return { status: 'Error', message: redactor.text(`Monto answered ${statusCode}${detail ? `: ${detail}` : ''}`) };
}
