import { dryRunProperty } from '../../../shared/engine/dry-run';
import { requiredId } from '../../../shared/input/parameters';
import { runPerItem } from '../../../shared/engine/loop';
import type { Operation } from '../operations';
import { describe, orderIdProperty } from '../operations';
import { orderPath } from '../../transport';

export const { description, execute }: Operation = {
	description: describe('order', 'cancel', [
		{ ...orderIdProperty, hint: 'An order can be cancelled only until the customer has signed it' },
		dryRunProperty,
	]),
	async execute(client) {
		return await runPerItem(this, async (itemIndex) => {
			const orderId = requiredId(this, 'orderId', itemIndex);
			// Cancelling twice cancels nothing more, so a cancel may be repeated after a server error.
			await client.request({ method: 'POST', path: orderPath(orderId, 'cancel'), itemIndex, idempotent: true });
			return { orderId, cancelled: true };
		});
	},
};
