import { HttpRequest } from 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node';
import type { INodeParameters } from 'n8n-workflow';

/**
 * n8n's own HTTP Request node (n8n-nodes-base, version 4.2), set up as a user would: our
 * credential as "predefined credential type" (so the auth is the same), one request per input
 * item, default options. It sends the requests of all items at once unless Options → Batching is
 * set; that is its default, so that is what is measured.
 */
export const httpRequestType = 'n8n-nodes-base.httpRequest';
export const httpRequestNodeTypes = { [httpRequestType]: new HttpRequest() };

export interface HttpRequestSetup {
	method: 'GET' | 'POST';
	url: string;
	credentialType: string;
	/** An expression that gives the JSON body of one item. */
	jsonBody?: string;
	qs?: Record<string, string>;
	options?: INodeParameters;
}

export function httpRequestNode(setup: HttpRequestSetup) {
	const parameters: INodeParameters = {
		method: setup.method,
		url: setup.url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: setup.credentialType,
		options: setup.options ?? {},
	};
	if (setup.jsonBody !== undefined) {
		Object.assign(parameters, { sendBody: true, specifyBody: 'json', jsonBody: setup.jsonBody });
	}
	if (setup.qs) {
		Object.assign(parameters, {
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: { parameters: Object.entries(setup.qs).map(([name, value]) => ({ name, value })) },
		});
	}
	return {
		type: httpRequestType,
		typeVersion: 4.2,
		parameters,
		credentials: [setup.credentialType],
	};
}
