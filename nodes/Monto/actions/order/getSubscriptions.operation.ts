import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { runReads } from '../../../shared/engine/loop';
import type { ApiClient } from '../../../shared/http/client';
import { segment } from '../../../shared/http/client';
import { requiredId } from '../../../shared/input/body';
import { optionsProperty, orderIdProperty } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getSubscriptions'] } }, [
	{
		...orderIdProperty,
		description: 'The Webflow order ID. Monto answers 404 when it knows no order with this ID.',
	},
	optionsProperty,
]);

/** One output item per subscription (`stripe_id`, `status`, `created_at`), none when there are none. */
export async function execute(this: IExecuteFunctions, client: ApiClient): Promise<INodeExecutionData[]> {
	return await runReads(this, async (itemIndex) => {
		const orderId = requiredId(this, 'orderId', itemIndex);
		const body = await client.request<{ subscriptions?: unknown }>({
			method: 'GET',
			path: `/orders/${segment(orderId)}/subscriptions`,
		});
		if (!Array.isArray(body?.subscriptions)) {
			throw new NodeOperationError(this.getNode(), 'Monto answered without a subscriptions list', {
				itemIndex,
				description: `Expected {"subscriptions": [...]}; got ${JSON.stringify(body ?? null).slice(0, 200)}`,
			});
		}
		return (body.subscriptions as IDataObject[]).map((subscription) => ({ order_id: orderId, ...subscription }));
	});
}
