import { dryRunProperty } from '../../../shared/engine/dry-run';
import { requiredId } from '../../../shared/input/body';
import { runWrites } from '../../../shared/engine/loop';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import { forOperation } from '../../../shared/input/parameters';
import { orderIdProperty } from '../common';
import { orderPath } from '../../transport';

export const { description, execute }: Operation<ApiClient> = {
	description: forOperation('order', 'cancel', [
		{ ...orderIdProperty, hint: 'An order can be cancelled only until the customer has signed it' },
		dryRunProperty,
	]),
	async execute(client) {
		return await runWrites(this, client, {
			prepare: (itemIndex) => requiredId(this, 'orderId', itemIndex),
			// Cancelling twice cancels nothing more, so a cancel may be repeated after a server error.
			request: ([{ payload: orderId }]) => ({ method: 'POST', path: orderPath(orderId, 'cancel'), idempotent: true }),
			outcomes: (_answer, [{ payload: orderId }]) => [{ records: { orderId, cancelled: true } }],
		});
	},
};
