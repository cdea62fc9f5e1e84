import 'reflect-metadata';
import { WebhookContext } from 'n8n-core';
import type { INode, INodeType, INodeTypes, IWebhookData, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { MontlyApi } from '../../../credentials/MontlyApi.credentials';
import { MontlyTrigger } from '../../../nodes/MontlyTrigger/MontlyTrigger.node';
import { TestCredentialsHelper } from '../../harness/credentials-helper';
import { PACKAGE } from '../../harness/run-workflow';
import { montlySignature } from '../../simulators/montly';

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

export interface Refusal {
	statusCode?: number;
	body?: unknown;
	/** Whether the delivery started the workflow. */
	started: boolean;
}

export interface Delivery {
	secret: string;
	body: string;
	/** The Montly-Signature header as sent; computed with `signWith` when that is given. */
	signature?: string;
	signWith?: string;
}

/** One delivery to the trigger's `webhook()` through n8n-core's WebhookContext, as n8n makes it. */
export async function deliverToMontlyTrigger(delivery: Delivery): Promise<Refusal> {
	const node: INode = {
		id: 'trigger',
		name: 'Montly Trigger',
		type: `${PACKAGE}.montlyTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { montlyApi: { id: 'montlyApi-id', name: 'Montly' } },
	};
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: true, nodeTypes: new OneNodeType(), settings: { executionOrder: 'v1' } });
	const rawBody = Buffer.from(delivery.body);
	const signature = delivery.signWith
		? montlySignature(delivery.body, delivery.signWith, Math.floor(Date.now() / 1000))
		: delivery.signature;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['montly-signature'] = signature;
	const response = {
		statusCode: undefined as number | undefined,
		body: undefined as unknown,
		status(code: number) {
			this.statusCode = code;
			return this;
		},
		json(body: unknown) {
			this.body = body;
			return this;
		},
		send(body: unknown) {
			this.body = body;
			return this;
		},
	};
	const url = 'http://localhost:5678/';
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(
			{ montlyApi: new MontlyApi() },
			{ montlyApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:1', webhookSecret: delivery.secret } },
		),
		httpRequest: { headers, body: {}, rawBody, params: {}, query: {}, method: 'POST' },
		httpResponse: response,
		executionId: 'webhook',
		restApiUrl: url + 'rest',
		instanceBaseUrl: url,
		formWaitingBaseUrl: url + 'form-waiting',
		webhookBaseUrl: url + 'webhook',
		webhookWaitingBaseUrl: url + 'webhook-waiting',
		webhookTestBaseUrl: url + 'webhook-test',
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
	const result = await trigger.webhook.call(context);
	return { statusCode: response.statusCode, body: response.body, started: result.workflowData !== undefined };
}
