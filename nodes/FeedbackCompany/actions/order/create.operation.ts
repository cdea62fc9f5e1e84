import { inputModeProperty, jsonBodyProperty, readBody, compact } from '../../../shared/descriptions';
import { runPerItem } from '../../../shared/items';
import { validateItem } from '../../../shared/validation';
import { orderCreate } from '../../schemas';
import type { Operation } from '../operations';
import { describe } from '../operations';
import { createExample, createFields, fromCreateFields } from './fields';

const base = { resource: 'order', operation: 'create' };

export const { description, execute }: Operation = {
	description: describe(base, [
		inputModeProperty,
		jsonBodyProperty(
			createExample,
			'The documented Order object. Omit "invitation" to only register the order, and omit "reminder" to send no reminder.',
		),
		...createFields.map((p) => ({
			...p,
			displayOptions: { show: { ...p.displayOptions?.show, inputMode: ['fields'] } },
		})),
	]),
	async execute(client) {
		return await runPerItem(this, async (itemIndex) => {
			const input = readBody(this, itemIndex, () => compact(fromCreateFields(this, itemIndex)));
			const body = validateItem(this.getNode(), orderCreate, input, itemIndex);
			// Not repeated after a timeout or server error: whether a second order with the same
			// external_id is rejected, ignored or duplicated is not documented.
			const response = await client.request({ method: 'POST', path: '/orders', body, itemIndex, idempotent: false });
			return { external_id: body.external_id, invitationScheduled: body.invitation !== undefined, ...response };
		});
	},
};
