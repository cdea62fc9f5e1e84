import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import type { Entry, Outcome } from '../../../shared/engine/loop';
import { runWrites } from '../../../shared/engine/loop';
import type { ApiClient, HttpResponse } from '../../../shared/http/client';
import { keepMessage } from '../../../shared/http/client';
import { compact } from '../../../shared/input/body';
import { jsonBodyProperty, timeoutOption } from '../../../shared/input/parameters';
import { validateItem } from '../../../shared/input/validation';
import {
	isOrderMode,
	orderInputModeProperty,
	orderSourceProperties,
	readBodyOrOrder,
	readStatusOverride,
	statusOverrideProperty,
} from '../../../shared/orders/input';
import { fromOrder } from '../../fromOrder';
import type { Order } from '../../schemas';
import { orderSchema } from '../../schemas';
import type { StatusMapping } from '../../statuses';
import { mapStatus } from '../../statuses';
import type { FailedOrder } from '../../transport';
import { isDuplicatedRequest, MAX_ORDERS_PER_REQUEST, readFailedOrders } from '../../transport';
import { fromUpsertFields, upsertExample, upsertFields } from './fields';

const show = { resource: ['order'], operation: ['upsert'] };

const properties: INodeProperties[] = [
	{
		displayName:
			'Every order sent fires an order event in eSputnik named after its status (e.g. orderDELIVERED), which can start eSputnik workflows. Sending an order again fires it again.',
		name: 'eventNotice',
		type: 'notice',
		default: '',
	},
	orderInputModeProperty,
	jsonBodyProperty(
		upsertExample,
		'One order per input item, as in eSputnik\'s "orders" array; the node sends them in batches of up to 1000',
	),
	...upsertFields.map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions?.show, inputMode: ['fields'] } } })),
	...orderSourceProperties,
	statusOverrideProperty(
		[
			{ name: 'Abandoned Shopping Cart', value: 'ABANDONED_SHOPPING_CART' },
			{ name: 'Cancelled', value: 'CANCELLED' },
			{ name: 'Delivered', value: 'DELIVERED' },
			{ name: 'In Progress', value: 'IN_PROGRESS' },
			{ name: 'Initialized', value: 'INITIALIZED' },
		],
		"As Yespo's own integrations map it. Shopify: fulfilled → DELIVERED; partially fulfilled → IN_PROGRESS; cancelled or refunded → CANCELLED; otherwise INITIALIZED. WooCommerce: completed → DELIVERED; processing, on-hold → IN_PROGRESS; cancelled, failed, refunded → CANCELLED; otherwise INITIALIZED.",
	),
	dryRunProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_ORDERS_PER_REQUEST },
				default: MAX_ORDERS_PER_REQUEST,
				description: 'Orders per request; eSputnik accepts at most 1000',
			},
			{
				displayName: 'Check Total Cost',
				name: 'checkTotalCost',
				type: 'boolean',
				default: true,
				description:
					'Whether to reject orders whose item costs plus shipping minus discount (plus taxes, if given) do not equal Total Cost. eSputnik requires them to match. An item cost may be a unit price or a line total.',
			},
			{
				displayName: 'Status Mapping',
				name: 'statusMapping',
				type: 'options',
				options: [
					{
						name: 'None',
						value: 'none',
						description: "Status must be one of eSputnik's five statuses",
					},
					{
						name: 'Shopify',
						value: 'shopify',
						description:
							'Fulfilment status: fulfilled → DELIVERED; in progress, partially fulfilled, pending fulfilment → IN_PROGRESS; cancelled, request declined → CANCELLED; anything else or empty → INITIALIZED',
					},
					{
						name: 'WooCommerce',
						value: 'wooCommerce',
						description:
							'Order status: completed → DELIVERED; processing, on-hold → IN_PROGRESS; cancelled, failed, refunded, trash → CANCELLED; anything else → INITIALIZED',
					},
				],
				default: 'none',
				description:
					"Translate the shop platform's status into eSputnik's, as Yespo's own Shopify and WooCommerce integrations do. eSputnik statuses pass through unchanged. The Shopify Order and WooCommerce Order input modes map the status themselves (see Status).",
				hint: 'Shopify marks cancelled orders with cancelled_at, e.g. {{ $json.cancelled_at ? "cancelled" : $json.fulfillment_status }}',
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

interface UpsertOptions {
	batchSize?: number;
	checkTotalCost?: boolean;
	statusMapping?: StatusMapping;
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Validates every item first (nothing is sent if one is invalid, unless "On Error: Continue"),
 * then sends the valid orders in batches of up to 1000, one request after another.
 */
export async function execute(
	this: IExecuteFunctions,
	client: ApiClient,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as UpsertOptions;
	const schema = orderSchema({
		timezone: this.getTimezone(),
		checkTotalCost: options.checkTotalCost ?? true,
	});
	const mapping = options.statusMapping ?? 'none';
	const node = this.getNode();
	return await runWrites(this, client, {
		batchSize: Math.min(MAX_ORDERS_PER_REQUEST, Math.max(1, Math.floor(options.batchSize ?? MAX_ORDERS_PER_REQUEST))),
		prepare: (itemIndex) => {
			const input = readBodyOrOrder(
				this,
				itemIndex,
				() => compact(fromUpsertFields(this, itemIndex)),
				(order) => fromOrder(order, { statusOverride: readStatusOverride(this, itemIndex) }),
			);
			if (isObject(input) && Array.isArray(input.orders)) {
				throw new NodeOperationError(node, 'orders: Give one order per item, not the {"orders": [...]} wrapper', {
					itemIndex,
					description:
						'The node builds the wrapper itself. Split the orders into items, e.g. with a Split Out node. Nothing was sent for this item.',
				});
			}
			// The order modes have mapped the status already, by the order's own platform.
			const ownStatus = isOrderMode(this.getNodeParameter('inputMode', itemIndex, 'fields'));
			const withStatus = isObject(input) && !ownStatus ? { ...input, status: mapStatus(input.status, mapping) } : input;
			return validateItem(node, schema, withStatus, itemIndex) as Order;
		},
		request: (batch) => ({
			method: 'POST',
			path: '/v1/orders',
			body: { orders: batch.map((entry) => entry.payload) },
			// An upsert by externalOrderId: sending it again cannot duplicate an order.
			idempotent: true,
			// "Duplicated request" (an identical request repeated) comes as an error; its status is UNVERIFIED.
			allowStatus: DUPLICATE_STATUSES,
		}),
		part: (entry) => ({ orders: [entry.payload] }),
		outcomes: (answer, batch) => outcomesOf(this, client, answer, batch),
	});
}

const DUPLICATE_STATUSES = [400, 409, 422];

type Batch = Array<Entry<Order>>;

function outcomesOf(ctx: IExecuteFunctions, client: ApiClient, answer: HttpResponse, batch: Batch): Outcome[] {
	if (answer.status >= 400) {
		const failure = client.failureFor(answer, { method: 'POST', path: '/v1/orders', idempotent: true });
		if (!isDuplicatedRequest(failure.message)) throw failure;
		return batch.map(({ payload }) => ({ records: { success: true, duplicatedRequest: true, ...payload } }));
	}
	const session = sessionFields(answer.body);
	const failures = readFailedOrders(answer.body);
	if (!failures.length) return batch.map(({ payload }) => ({ records: { success: true, ...payload, ...session } }));
	return failedOutcomes(ctx, client, batch, failures, session);
}

/** What the response says about the request as a whole (undocumented; Yespo's app reads these). */
function sessionFields(body: unknown): IDataObject {
	const out: IDataObject = {};
	if (isObject(body)) {
		for (const key of ['asyncSessionId', 'id']) {
			const value = body[key];
			if (typeof value === 'string' || typeof value === 'number')
				out[key === 'id' ? 'requestId' : key] = String(value);
		}
	}
	return out;
}

/** Orders eSputnik reported as failed become errors on their own items; the others succeeded. */
function failedOutcomes(
	ctx: IExecuteFunctions,
	client: ApiClient,
	batch: Batch,
	failures: FailedOrder[],
	session: IDataObject,
): Outcome[] {
	const redact = (text: string) => client.config.redactor.text(text);
	const idOf = (payload: Order) => String(payload.externalOrderId);
	const inBatch = new Set(batch.map(({ payload }) => idOf(payload)));
	const reasons = new Map<string, string[]>();
	const unmatched: FailedOrder[] = [];
	for (const failure of failures) {
		if (failure.externalOrderId !== undefined && inBatch.has(failure.externalOrderId)) {
			reasons.set(failure.externalOrderId, [
				...(reasons.get(failure.externalOrderId) ?? []),
				failure.reason,
			]);
		} else {
			unmatched.push(failure);
		}
	}
	const failed = batch.filter(({ payload }) => reasons.has(idOf(payload)));
	const listed = failed
		.slice(0, 20)
		.map(
			({ itemIndex, payload }) =>
				`item ${itemIndex} (${idOf(payload)}): ${reasons.get(idOf(payload))!.join('; ')}`,
		);
	const parts = [];
	if (failed.length) {
		parts.push(
			`eSputnik did not save ${failed.length} of the ${batch.length} orders of this request: ${listed.join('; ')}` +
				(failed.length > listed.length ? `; and ${failed.length - listed.length} more.` : '.'),
		);
	}
	if (unmatched.length) {
		parts.push(
			`It also reported ${unmatched.length} failed order(s) without naming an order of this request: ` +
				unmatched
					.slice(0, 20)
					.map((f) => (f.externalOrderId ? `${f.externalOrderId}: ${f.reason}` : f.reason))
					.join('; ') +
				'.',
		);
	}
	parts.push(
		unmatched.length
			? 'Which of the other orders were saved is not known; sending them again is safe.'
			: 'The other orders were saved.',
	);
	const description = redact(parts.join(' '));
	const error = (itemIndex: number, text: string) => {
		const message = redact(text);
		return keepMessage(
			new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description,
				itemIndex,
			}),
			message,
		);
	};
	return batch.map(({ itemIndex, payload }) => {
		const own = reasons.get(idOf(payload));
		if (own) {
			return {
				error: error(itemIndex, `externalOrderId ${idOf(payload)}: eSputnik did not save this order: ${own.join('; ')}`),
			};
		}
		if (unmatched.length) {
			return {
				error: error(
					itemIndex,
					`externalOrderId ${idOf(payload)}: eSputnik reported failed orders without naming them; this order may not have been saved`,
				),
			};
		}
		return { records: { success: true, ...payload, ...session } };
	});
}
