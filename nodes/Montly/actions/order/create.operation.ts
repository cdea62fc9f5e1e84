import { inputModeProperty, jsonBodyProperty, readBody } from '../../../shared/descriptions';
import { runPerItem } from '../../../shared/items';
import { stringifyIds } from '../../../shared/json';
import { validateItem } from '../../../shared/validation';
import type { AmountUnit } from '../../schemas';
import { orderCreateSchema } from '../../schemas';
import type { Operation } from '../operations';
import { describe } from '../operations';
import { createExample, createFields, fromCreateFields } from './fields';

const schemas = { sek: orderCreateSchema('sek'), ore: orderCreateSchema('ore') };

export const { description, execute }: Operation = {
	description: describe('order', 'create', [
		inputModeProperty,
		jsonBodyProperty(
			createExample,
			'The body of the Montly API reference (July 2017). Amounts are whole öre: 962768 is 9 627.68 SEK.',
		),
		...createFields.map((p) => ({
			...p,
			displayOptions: { show: { ...p.displayOptions?.show, inputMode: ['fields'] } },
		})),
	]),
	async execute(client) {
		return await runPerItem(this, async (itemIndex) => {
			const json = this.getNodeParameter('inputMode', itemIndex, 'fields') === 'json';
			const unit: AmountUnit = json ? 'ore' : (this.getNodeParameter('amountUnit', itemIndex, 'sek') as AmountUnit);
			const input = readBody(this, itemIndex, () => fromCreateFields(this, itemIndex));
			const body = validateItem(this.getNode(), schemas[unit], input, itemIndex);
			// Never repeated after a timeout or server error: Montly rejects a repeated orderId, and
			// the first attempt may have created the order. Check Get Status before creating again.
			const response = await client.request({ method: 'POST', path: '/v1/orders', body, itemIndex, idempotent: false });
			const record = response && typeof response === 'object' ? response : {};
			return stringifyIds({ orderId: body.data.attributes.orderId, ...record });
		});
	},
};
