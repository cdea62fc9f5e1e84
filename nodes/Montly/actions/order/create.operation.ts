import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { runWrites } from '../../../shared/engine/loop';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient, HttpResponse, RequestSpec } from '../../../shared/http/client';
import { stringifyIds } from '../../../shared/http/json';
import { forOperation, jsonBodyProperty } from '../../../shared/input/parameters';
import { validateItem } from '../../../shared/input/validation';
import {
	inOrderModes,
	isOrderMode,
	mapOrder,
	orderInputModeProperty,
	orderSourceProperties,
	readBodyOrOrder,
} from '../../../shared/orders/input';
import { fromOrder } from '../../fromOrder';
import type { AmountUnit, OrderCreate } from '../../schemas';
import { orderCreateSchema } from '../../schemas';
import { orderPath } from '../../transport';
import { normaliseStatus } from './getStatus.operation';
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

/** Options → If Order Exists: what a create of an orderId Montly already has does. */
const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'If Order Exists',
			name: 'ifExists',
			type: 'options',
			options: [
				{
					name: 'Return Existing',
					value: 'returnExisting',
					description:
						'Output the existing order with its status and alreadyExists: true, as a success. A redelivered order (a webhook sent again, a replay) then does not fail the execution.',
				},
				{
					name: 'Error',
					value: 'error',
					description: 'Fail the item with Montly\'s refusal of the repeated order ID',
				},
			],
			default: 'returnExisting',
			description: 'Montly refuses an order ID it already has (400). The order is never created twice either way.',
		},
	],
};

export const { description, execute }: Operation<ApiClient> = {
	description: forOperation('order', 'create', [
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
		optionsProperty,
	]),
	async execute(client) {
		const returnExisting = (this.getNodeParameter('options.ifExists', 0, 'returnExisting') as string) !== 'error';
		return await runWrites(this, client, {
			prepare: (itemIndex) => {
				const mode = this.getNodeParameter('inputMode', itemIndex, 'fields');
				// JSON and the order modes give öre; Fields gives the unit chosen in Amounts In.
				const unit: AmountUnit =
					mode === 'json' || isOrderMode(mode) ? 'ore' : (this.getNodeParameter('amountUnit', itemIndex, 'sek') as AmountUnit);
				const input = readBodyOrOrder(
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
				return validateItem(this.getNode(), schemas[unit], input, itemIndex);
			},
			// Never repeated after a timeout or server error: the first attempt may have created the
			// order. A repeated orderId is refused with 400 (the contract's §9), which is checked below.
			request: ([{ payload }]) => createRequest(payload, returnExisting),
			outcomes: async (answer, [{ payload }]) => {
				const orderId = payload.data.attributes.orderId;
				if (answer.status < 400) {
					const record = answer.body && typeof answer.body === 'object' ? (answer.body as IDataObject) : {};
					return [{ records: stringifyIds({ orderId, ...record, alreadyExists: false }) }];
				}
				return [{ records: await existingOrder(client, orderId, answer, createRequest(payload, returnExisting)) }];
			},
		});
	},
};

const createRequest = (body: OrderCreate, returnExisting: boolean): RequestSpec => ({
	method: 'POST',
	path: '/v1/orders',
	body,
	idempotent: false,
	allowStatus: returnExisting ? [400] : undefined,
});

/**
 * After a 400, whether Montly already has this orderId: its refusal of a duplicate is a plain
 * "Validation error" whose wording is UNVERIFIED, so the order's status is asked instead. An
 * existing order is the item's success; otherwise the 400 stands.
 */
async function existingOrder(
	client: ApiClient,
	orderId: string,
	refusal: HttpResponse,
	spec: RequestSpec,
): Promise<IDataObject> {
	const status = await client.send({ method: 'GET', path: orderPath(orderId, 'status'), allowStatus: [404] });
	if (status.status === 404) throw client.failureFor(refusal, spec);
	return { ...normaliseStatus(orderId, status.body), alreadyExists: true };
}
