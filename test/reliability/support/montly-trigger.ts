import { deliverToMontlyTrigger as deliver } from '../../harness/montly-webhook';
import { montlySignature } from '../../simulators/montly';

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
	const signature = delivery.signWith
		? montlySignature(delivery.body, delivery.signWith, Math.floor(Date.now() / 1000))
		: delivery.signature;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['montly-signature'] = signature;
	const { result, response } = await deliver({ headers, rawBody: Buffer.from(delivery.body), secret: delivery.secret });
	return { statusCode: response.statusCode, body: response.body, started: result.workflowData !== undefined };
}
