import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { verifySignature } from './signature';

export const EVENTS = [
	{ name: 'Order Accepted', value: 'order.accepted', description: 'Montly accepted the credit check; the customer can sign' },
	{ name: 'Order Declined', value: 'order.declined', description: 'Montly declined the order (with a reason)' },
	{ name: 'Order Delivery Approved', value: 'order.deliveryApproved', description: 'The customer confirmed receiving the delivery' },
	{ name: 'Order Signed', value: 'order.signed', description: 'The customer signed; the order can be shipped' },
	{ name: 'Tariff Updated', value: 'tariff.updated', description: 'The tariffs changed' },
];

/** Montly-era header, and the one LeaseCloud used after the rename (September 2017). */
const SIGNATURE_HEADERS = ['montly-signature', 'leasecloud-signature'];

export class MontlyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Montly Trigger',
		name: 'montlyTrigger',
		icon: { light: 'file:../Montly/montly.svg', dark: 'file:../Montly/montly.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).length ? $parameter["events"].join(", ") : "All events" }}',
		// n8n's nodes panel merges this trigger into the Montly node's entry and shows this description
		// there (editor-ui useActionsGeneration.ts: "default to trigger description"), so it leads with
		// the Montly node's actions and then names the trigger's part. test/unit/codex.test.ts.
		description:
			'Create, cancel and ship Montly leasing orders (Montly actions), or start a workflow on Montly order and tariff events (Montly Trigger)',
		defaults: { name: 'Montly Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'montlyApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Montly has no API to register webhooks: send the production URL of this node to Montly, who register it for partners. Deliveries must be signed with the webhook secret of the credential.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				default: [],
				description: 'The events that start the workflow; none selected means all. Other valid deliveries are answered with 200 and ignored.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 300,
						description: 'Deliveries signed longer ago (or further ahead) than this are refused, so that a recorded delivery cannot be replayed',
					},
				],
			},
		],
	};

	// Montly registers the webhook URL by hand for each partner; there is nothing to create or delete.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as { rawBody?: Buffer | string };
		const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;
		const headerName = SIGNATURE_HEADERS.find((name) => headers[name] !== undefined);
		const header = headerName ? [headers[headerName]].flat()[0] : undefined;
		const raw = request.rawBody ?? JSON.stringify(this.getBodyData());
		const credentials = await this.getCredentials('montlyApi');
		const options = this.getNodeParameter('options', {}) as { toleranceSeconds?: number };
		const verdict = verifySignature(header, raw, String(credentials.webhookSecret ?? ''), {
			nowSeconds: Math.floor(Date.now() / 1000),
			toleranceSeconds: options.toleranceSeconds ?? 300,
		});
		if (!verdict.valid) {
			this.logger.warn(`Montly Trigger: delivery refused (${verdict.reason})`);
			return refuse(this, 401, 'Invalid or missing Montly-Signature');
		}

		let body: IDataObject;
		try {
			body = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8')) as IDataObject;
		} catch {
			this.logger.warn('Montly Trigger: signed delivery is not JSON');
			return refuse(this, 400, 'The body is not JSON');
		}
		// `action` since the rename to LeaseCloud; `type` before it.
		const event = String(body?.action ?? body?.type ?? '');
		const wanted = this.getNodeParameter('events', []) as string[];
		if (wanted.length && !wanted.includes(event)) {
			return { webhookResponse: { received: true } };
		}
		return { workflowData: [this.helpers.returnJsonArray({ event, ...body })] };
	}
}

function refuse(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ error: message });
	return { noWebhookResponse: true };
}
