import type { IDataObject } from 'n8n-workflow';

import { requiredId } from '../../../shared/input/body';
import { runReads } from '../../../shared/engine/loop';
import { orderPath } from '../../transport';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import { forOperation } from '../../../shared/input/parameters';
import { orderIdProperty } from '../common';

/** LeaseCloud's status codes in the Montly-era names. */
const CODES: Record<string, string> = {
	ACCEPTED: 'accepted',
	SIGNED: 'signed',
	SHIPPED: 'shipped',
	DELIVERY_APPROVED: 'deliveryApproved',
	DECLINED: 'declined',
	CANCELLED: 'cancelled',
};

/**
 * Montly answered `{"status":"pending"}`; from November 2017 LeaseCloud answered
 * `{"statuses":[{"code","setAt","message"}]}`. Both become `status` (the latest set status),
 * and the list is kept as it came.
 */
export function normaliseStatus(orderId: string, body: unknown): IDataObject {
	const record = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (typeof record.status === 'string') return { orderId, ...record };
	if (Array.isArray(record.statuses)) {
		const set = (record.statuses as IDataObject[])
			.filter((s) => typeof s.setAt === 'string' && !Number.isNaN(Date.parse(s.setAt as string)))
			.sort((a, b) => Date.parse(a.setAt as string) - Date.parse(b.setAt as string));
		const latest = set.at(-1);
		const code = String(latest?.code ?? '');
		return { orderId, status: latest ? CODES[code] ?? code.toLowerCase() : 'pending', ...record };
	}
	return { orderId, ...record };
}

export const { description, execute }: Operation<ApiClient> = {
	description: forOperation('order', 'getStatus', [orderIdProperty]),
	async execute(client) {
		return await runReads(
			this,
			async (itemIndex) => {
				const orderId = requiredId(this, 'orderId', itemIndex);
				return normaliseStatus(orderId, await client.request({ method: 'GET', path: orderPath(orderId, 'status') }));
			},
			{ concurrency: 4 },
		);
	},
};
