import 'reflect-metadata';
import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { MontlyTrigger } from '../../nodes/MontlyTrigger/MontlyTrigger.node';
import { MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { TestCredentialsHelper } from './credentials-helper';
import { instanceUrls, PACKAGE } from './run-workflow';

/* One webhook delivery to the Montly Trigger through n8n-core's real WebhookContext. */

const trigger = new MontlyTrigger();

class OneNodeType implements INodeTypes {
	getByName(): INodeType {
		return trigger;
	}
	getByNameAndVersion(): INodeType {
		return NodeHelpers.getVersionedNodeType(trigger);
	}
	getKnownTypes() {
		return {};
	}
}

/** What an Express response records of what the node did with it. */
class RecordingResponse {
	statusCode?: number;
	body?: unknown;
	status(code: number) {
		this.statusCode = code;
		return this;
	}
	json(body: unknown) {
		this.body = body;
		return this;
	}
	send(body: unknown) {
		this.body = body;
		return this;
	}
}

export interface WebhookDelivery {
	headers: Record<string, string>;
	rawBody?: Buffer;
	parameters?: INode['parameters'];
	secret?: string;
}

/**
 * Calls the trigger's `webhook()` the way n8n's webhook service does: through n8n-core's real
 * WebhookContext, with an Express-like request that carries the raw body n8n keeps for webhooks.
 */
export async function deliverToMontlyTrigger({
	headers,
	rawBody,
	parameters = {},
	secret = MONTLY_WEBHOOK_SECRET,
}: WebhookDelivery) {
	const node: INode = {
		id: 'trigger',
		name: 'Montly Trigger',
		type: `${PACKAGE}.montlyTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { montlyApi: { id: 'montlyApi-id', name: 'Montly' } },
	};
	const workflow = new Workflow({
		id: 'wf',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new OneNodeType(),
		settings: { executionOrder: 'v1' },
	});
	let body: IDataObject = {};
	try {
		body = rawBody ? (JSON.parse(rawBody.toString('utf8')) as IDataObject) : {};
	} catch {
		body = {};
	}
	const request = { headers, body, rawBody, params: {}, query: {}, method: 'POST' };
	const response = new RecordingResponse();
	const credentialsHelper = new TestCredentialsHelper(
		{ montlyApi: new MontlyApi() },
		{ montlyApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret: secret } },
	);
	const additionalData = {
		credentialsHelper,
		httpRequest: request,
		httpResponse: response,
		executionId: 'webhook',
		...instanceUrls(),
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: trigger.description.webhooks![0],
		workflowId: 'wf',
		workflowExecuteAdditionalData: additionalData,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	// n8n's logger comes from its DI container; record what the node tells it.
	const warn = jest.spyOn(context.logger, 'warn').mockImplementation(() => undefined);
	try {
		const result: IWebhookResponseData = await trigger.webhook.call(context);
		return { result, response, warnings: warn.mock.calls.map((call) => String(call[0])) };
	} finally {
		warn.mockRestore();
	}
}

