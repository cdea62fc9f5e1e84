import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { runWrites } from '../../../shared/engine/loop';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient, HttpResponse, RequestSpec } from '../../../shared/http/client';
import { stringifyIds } from '../../../shared/http/json';
import { forOperation, jsonBodyProperty } from '../../../shared/input/parameters';
import { validateItem, validationError } from '../../../shared/input/validation';
import { readBody } from '../../../shared/input/body';
import {
	inOrderModes,
	isOrderMode,
	mapOrder,
	orderInputModeProperty,
	orderSourceProperties,
	readOrder,
} from '../../../shared/orders/input';
import { fromOrder } from '../../fromOrder';
import type { AmountUnit, OrderCreate } from '../../schemas';
import { orderCreateSchema } from '../../schemas';
import { AccountTariffs, isBlank, monthlyPrice, noTariffMessage } from '../../tariffs';
import { orderPath } from '../../transport';
import { normaliseStatus } from './getStatus.operation';
import { createExample, createFields, fromCreateFields, monthsProperty, tariffProperty } from './fields';

const schemas = { sek: orderCreateSchema('sek'), ore: orderCreateSchema('ore') };
/** Fields mode: Monthly Price may be left empty, to be computed from the validated total. */
const fieldSchemas = {
	sek: orderCreateSchema('sek', { monthlyPriceLeftOut: true }),
	ore: orderCreateSchema('ore', { monthlyPriceLeftOut: true }),
};

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
	monthsProperty,
	{
		...tariffProperty,
		hint: 'The monthly price is computed from it as Montly\'s SDK does: round(total × tariff / 100)',
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
		const tariffs = new AccountTariffs(client);
		const node = this.getNode();
		/** Tariff as given, or the account's current one for Months when it was left empty. */
		const tariffFor = async (itemIndex: number, path: string[]): Promise<IDataObject[string]> => {
			const given = this.getNodeParameter('tariff', itemIndex, '') as IDataObject[string];
			if (!isBlank(given)) return given;
			const months = this.getNodeParameter('months', itemIndex, 24) as unknown;
			const found = await tariffs.forMonths(months);
			if ('tariff' in found) return found.tariff;
			throw validationError(node, itemIndex, [{ path, message: noTariffMessage(months, found.available) }]);
		};
		return await runWrites(this, client, {
			prepare: async (itemIndex) => {
				const mode = this.getNodeParameter('inputMode', itemIndex, 'fields');
				if (isOrderMode(mode)) {
					const order = readOrder(this, itemIndex, mode);
					const tariff = await tariffFor(itemIndex, ['tariff']);
					const body = mapOrder(this, itemIndex, (issues) =>
						fromOrder(
							order,
							{
								orgNumber: this.getNodeParameter('orgNumber', itemIndex, '') as string,
								months: this.getNodeParameter('months', itemIndex, 24) as number,
								tariff: tariff as number | string,
								company: this.getNodeParameter('company', itemIndex, '') as string,
								customerIp: this.getNodeParameter('customerIp', itemIndex, '') as string,
								phone: this.getNodeParameter('phone', itemIndex, '') as string,
							},
							issues,
						),
					);
					return validateItem(node, schemas.ore, body, itemIndex);
				}
				// JSON gives öre, and a tariff and monthly price of its own; readBody refuses unknown modes.
				if (mode !== 'fields') return validateItem(node, schemas.ore, readBody(this, itemIndex, () => undefined), itemIndex);
				const unit = this.getNodeParameter('amountUnit', itemIndex, 'sek') as AmountUnit;
				const tariff = await tariffFor(itemIndex, ['data', 'attributes', 'tariff']);
				const order = validateItem(node, fieldSchemas[unit], fromCreateFields(this, itemIndex, unit, tariff), itemIndex);
				const attributes = order.data.attributes;
				if (attributes.monthlyPrice !== undefined) return order;
				const monthly = monthlyPrice(attributes.totalPrice, attributes.tariff);
				if (!monthly) {
					const why = monthly === 0 ? 'Total Price × Tariff / 100 rounds to 0 öre' : 'A tariff with more than 6 decimals cannot be used';
					throw validationError(node, itemIndex, [
						{ path: ['data', 'attributes', 'monthlyPrice'], message: `${why}; give the monthly price` },
					]);
				}
				return { ...order, data: { ...order.data, attributes: { ...attributes, monthlyPrice: monthly } } };
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
