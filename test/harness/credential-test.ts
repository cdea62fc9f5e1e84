import type { ICredentialDataDecryptedObject, ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import type { RunResult } from './run-workflow';
import { runWorkflow } from './run-workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	httpStatus?: number;
	message: string;
	credentialsHelper: TestCredentialsHelper;
	/** The whole run, for tests that look at the answer or the error object. */
	run: RunResult;
}

/**
 * n8n's Test button runs a credential's declarative `test.request` as a routing request of a node
 * that uses the credential (n8n-core's RoutingNode), with the credential's `authenticate`,
 * `preAuthentication` and the 401 refresh applied. This node does the same.
 */
function credentialTestNode(type: ICredentialType): INodeType {
	const { baseURL, ...request } = type.test!.request;
	const description = {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'Runs the credential test request',
		defaults: { name: 'Credential Test' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: type.name, required: true }],
		requestDefaults: { baseURL },
		properties: [
			{
				displayName: 'Request',
				name: 'request',
				type: 'hidden',
				default: '',
				routing: { request: { method: 'GET', ...request } },
			},
		],
	} as INodeTypeDescription;
	return { description };
}

/** lodash `get` for the dotted keys the rules use. */
function get(value: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
}

/** Runs the Test button of `type` with `data` (or with what `credentialsHelper` has stored). */
export async function testCredential(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	credentialsHelper?: TestCredentialsHelper,
): Promise<CredentialTestResult> {
	const r = await runWorkflow({
		node: { type: 'credentialTest', parameters: {}, credentials: [type.name] },
		nodeTypes: { credentialTest: credentialTestNode(type) },
		credentialTypes: { [type.name]: type },
		credentials: { [type.name]: data },
		credentialsHelper,
	});
	const rules = type.test!.rules ?? [];
	if (r.status === 'success') {
		// As n8n's CredentialsTester (n8n 2.40.7 services/credentials-tester.service.js): a
		// responseSuccessBody rule whose key has its value in the first item fails the test.
		const body = r.output[0]?.json;
		for (const rule of rules) {
			if (rule.type === 'responseSuccessBody' && get(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message, credentialsHelper: r.credentialsHelper, run: r };
			}
		}
		return { status: 'OK', message: 'Connection tested successfully', credentialsHelper: r.credentialsHelper, run: r };
	}
	const httpCode = r.error instanceof NodeApiError || 'httpCode' in (r.error ?? {}) ? Number((r.error as NodeApiError).httpCode) : NaN;
	for (const rule of rules) {
		if (rule.type === 'responseCode' && rule.properties.value === httpCode) {
			return { status: 'Error', httpStatus: httpCode, message: rule.properties.message, credentialsHelper: r.credentialsHelper, run: r };
		}
	}
	return {
		status: 'Error',
		httpStatus: Number.isNaN(httpCode) ? undefined : httpCode,
		message: r.error?.message ?? 'unknown',
		credentialsHelper: r.credentialsHelper,
		run: r,
	};
}
