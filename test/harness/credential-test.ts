import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	httpStatus?: number;
	message: string;
}

/**
 * Runs a credential type's declarative `test` the way n8n's Test button does: the request's
 * expressions are resolved against `$credentials`, the credential's `authenticate` is applied,
 * and any 2xx answer counts as success.
 */
export async function testCredential(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	if (!type.test) throw new Error(`${type.name} has no declarative test`);
	const node: INode = { id: 't', name: 'Credential test', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => ({}) as never,
			getByNameAndVersion: () => NodeHelpers.getVersionedNodeType({ description: { properties: [] } } as never),
			getKnownTypes: () => ({}),
		},
	});
	const resolve = (value: unknown): unknown =>
		typeof value === 'string'
			? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: data }, undefined, '')
			: value;
	const { request } = type.test;
	let options: IHttpRequestOptions = {
		url: String(resolve(request.url ?? '')),
		baseURL: resolve(request.baseURL) as string | undefined,
		method: request.method ?? 'GET',
		qs: request.qs as IHttpRequestOptions['qs'],
	};
	const helper = new TestCredentialsHelper({ [type.name]: type }, { [type.name]: { ...data } });
	options = await helper.authenticate({ ...data }, type.name, options, workflow, node);
	const url = new URL((options.baseURL ?? '').replace(/\/?$/, '/') + options.url.replace(/^\//, ''));
	for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
	const response = await fetch(url, { method: options.method, headers: options.headers as Record<string, string> });
	return response.ok
		? { status: 'OK', httpStatus: response.status, message: 'Connection tested successfully' }
		: { status: 'Error', httpStatus: response.status, message: await response.text() };
}
