import type { INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { jsonBodyProperty, readBody } from '../../../shared/input/parameters';
import { runPerItem } from '../../../shared/engine/loop';
import { stringifyIds } from '../../../shared/http/json';
import {
	inOrderModes,
	isOrderMode,
	mapOrder,
	orderInputModeProperty,
	orderSourceProperties,
} from '../../../shared/orders/input';
import { validateItem } from '../../../shared/input/validation';
import { fromOrder } from '../../fromOrder';
import type { AmountUnit } from '../../schemas';
import { orderCreateSchema } from '../../schemas';
import type { Operation } from '../operations';
import { describe } from '../operations';
import { createExample, createFields, fromCreateFields } from './fields';

const schemas = { sek: orderCreateSchema('sek'), ore: orderCreateSchema('ore') };

const text = (displayName: string, name: string, extra: Partial<INodeProperties>): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

/** What a shop order lacks for Montly, in the Shopify Order and WooCommerce Order input modes. */
const orderFields: INodeProperties[] = [
	text('Organisation Number', 'orgNumber', {
		required: true,
		placeholder: 'e.g. 559089-4308',
		description: 'The customer\'s Swedish organisation number, 000000-0000, e.g. from an expression on a note attribute or a lookup',
	}),
	{ displayName: 'Months', name: 'months', type: 'number', typeOptions: { minValue: 1 }, default: 24, required: true, description: 'Contract length; must match one of the tariffs' },
	{
		displayName: 'Tariff',
		name: 'tariff',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 4 },
		default: 0,
		required: true,
		description: 'The current tariff (percent per month) for these months, from Tariff → Get Many. The monthly price is computed from it as Montly\'s SDK does.',
	},
	text('Company', 'company', { description: 'Defaults to the order\'s billing company' }),
	text('Customer IP', 'customerIp', {
		placeholder: 'e.g. 131.168.20.70',
		description: 'Defaults to the IP address the order was placed from (Shopify browser_ip, WooCommerce customer_ip_address)',
	}),
	text('Phone', 'phone', { description: 'Defaults to the order\'s customer or billing phone' }),
];

export const { description, execute }: Operation = {
	description: describe('order', 'create', [
		orderInputModeProperty,
		jsonBodyProperty(
			createExample,
			'The body of the Montly API reference (July 2017). Amounts are whole öre: 962768 is 9 627.68 SEK.',
		),
		...createFields.map((p) => ({
			...p,
			displayOptions: { show: { ...p.displayOptions?.show, inputMode: ['fields'] } },
		})),
		...orderSourceProperties,
		...inOrderModes(orderFields),
		dryRunProperty,
	]),
	async execute(client) {
		return await runPerItem(this, async (itemIndex) => {
			const mode = this.getNodeParameter('inputMode', itemIndex, 'fields');
			// JSON and the order modes give öre; Fields gives the unit chosen in Amounts In.
			const unit: AmountUnit =
				mode === 'json' || isOrderMode(mode) ? 'ore' : (this.getNodeParameter('amountUnit', itemIndex, 'sek') as AmountUnit);
			const input = readBody(
				this,
				itemIndex,
				() => fromCreateFields(this, itemIndex),
				(order) =>
					mapOrder(this, itemIndex, (issues) =>
						fromOrder(
							order,
							{
								orgNumber: this.getNodeParameter('orgNumber', itemIndex, '') as string,
								months: this.getNodeParameter('months', itemIndex, 24) as number,
								tariff: this.getNodeParameter('tariff', itemIndex, 0) as number,
								company: this.getNodeParameter('company', itemIndex, '') as string,
								customerIp: this.getNodeParameter('customerIp', itemIndex, '') as string,
								phone: this.getNodeParameter('phone', itemIndex, '') as string,
							},
							issues,
						),
					),
			);
			const body = validateItem(this.getNode(), schemas[unit], input, itemIndex);
			// Never repeated after a timeout or server error: Montly rejects a repeated orderId, and
			// the first attempt may have created the order. Check Get Status before creating again.
			const response = await client.request({ method: 'POST', path: '/v1/orders', body, itemIndex, idempotent: false });
			const record = response && typeof response === 'object' ? response : {};
			return stringifyIds({ orderId: body.data.attributes.orderId, ...record });
		});
	},
};
