import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { requiredId } from '../../../shared/input/body';
import { runWrites } from '../../../shared/engine/loop';
import { validateItem } from '../../../shared/input/validation';
import { shippedBody } from '../../schemas';
import { orderPath } from '../../transport';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import { forOperation } from '../../../shared/input/parameters';
import { orderIdProperty } from '../common';

export const { description, execute }: Operation<ApiClient> = {
	description: forOperation('order', 'markShipped', [
		orderIdProperty,
		{
			displayName: 'Shipped At',
			name: 'shippedAt',
			type: 'dateTime',
			default: '',
			description: 'When the order was shipped; leave empty to use the time Montly receives the request',
		},
		dryRunProperty,
	]),
	async execute(client) {
		return await runWrites(this, client, {
			prepare: (itemIndex) => {
				const orderId = requiredId(this, 'orderId', itemIndex);
				const raw = this.getNodeParameter('shippedAt', itemIndex, '') as unknown;
				const input: IDataObject = {};
				if (raw !== '' && raw !== null && raw !== undefined) input.shippedAt = toIso(raw, this.getTimezone()) as string;
				return { orderId, body: validateItem(this.getNode(), shippedBody, input, itemIndex) };
			},
			// Not repeated after a server error: Montly e-mails the customer on each shipment report.
			request: ([{ payload }]) => ({
				method: 'POST',
				path: orderPath(payload.orderId, 'shipped'),
				body: payload.body.shippedAt ? payload.body : undefined,
			}),
			outcomes: (_answer, [{ payload: { orderId, body } }]) => [
				{ records: body.shippedAt ? { orderId, shipped: true, shippedAt: body.shippedAt } : { orderId, shipped: true } },
			],
		});
	},
};

/**
 * n8n's date field gives local time without a zone (the workflow's time zone applies); an
 * expression may give a Date, a luxon DateTime or ISO text. Montly wants ISO-8601 in UTC.
 * Text that is not a date is passed on for the schema to reject by name.
 */
function toIso(value: unknown, zone: string): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
	// n8n's $now may come from another copy of luxon, so `instanceof` cannot tell.
	const luxonLike = value as { toUTC?: () => { toISO: () => string | null } };
	if (typeof luxonLike?.toUTC === 'function') return luxonLike.toUTC().toISO();
	if (typeof value !== 'string') return value;
	const parsed = DateTime.fromISO(value.trim(), { zone, setZone: true });
	return parsed.isValid ? parsed.toUTC().toISO() : value;
}
