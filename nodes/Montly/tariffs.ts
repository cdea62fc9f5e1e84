import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { ApiClient } from '../shared/http/client';
import { toMinorUnits } from '../shared/input/money';
import { createClient } from './transport';

/*
 * Montly's tariffs (percent per month, one per contract length) and the monthly price computed
 * from one, as Montly's SDK does (../shared/providers/montly.md §6.1).
 */

export interface Tariff {
	months: number;
	tariff: number;
}

/** `{"tariffs":[…]}`, or the July 2017 `{"data":{"attributes":{"tariffs":[…]}}}`. */
export function tariffList(body: unknown): IDataObject[] {
	const b = (body ?? {}) as { tariffs?: unknown; data?: { attributes?: { tariffs?: unknown } } };
	const list = b.tariffs ?? b.data?.attributes?.tariffs;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The entries of a tariff list that have a whole number of months and a positive tariff. */
function readTariffs(body: unknown): Tariff[] {
	return tariffList(body)
		.map((t) => ({ months: Number(t.months), tariff: Number(t.tariff) }))
		.filter((t) => Number.isInteger(t.months) && Number.isFinite(t.tariff) && t.tariff > 0);
}

/**
 * The monthly amount as Montly's SDK computes it, `round(totalPrice × tariff / 100)` with halves
 * rounded up (PHP's `round`), in exact integer arithmetic (the tariff read to six decimals);
 * undefined for a tariff that is no positive number.
 */
export function monthlyPrice(totalOre: number, tariff: unknown): number | undefined {
	const perMillion = toMinorUnits(tariff, 6);
	if (!perMillion.ok || perMillion.value <= 0) return undefined;
	const scale = BigInt(100000000);
	const product = BigInt(totalOre) * BigInt(perMillion.value);
	return Number((product * BigInt(2) + scale) / (BigInt(2) * scale));
}

/** An empty Tariff or Monthly Price: the node fills it in. */
export const isBlank = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The account's tariffs, read with one `GET /v1/tariffs` per execution, the first time an item
 * needs one (also with Dry Run: it is a read). Montly's SDK tells to re-read them daily, so they
 * are not kept across executions.
 */
export class AccountTariffs {
	private list: Promise<Tariff[]> | undefined;

	constructor(private readonly client: ApiClient) {}

	/** The tariff for `months`, or the months that have one. */
	async forMonths(months: unknown): Promise<{ tariff: number } | { available: number[] }> {
		this.list ??= this.client.request({ method: 'GET', path: '/v1/tariffs' }).then(readTariffs);
		const tariffs = await this.list;
		const found = tariffs.find((t) => t.months === Number(months));
		return found ? { tariff: found.tariff } : { available: tariffs.map((t) => t.months) };
	}
}

/** Why an empty Tariff cannot be filled in for `months`. */
export function noTariffMessage(months: unknown, available: number[]): string {
	const has = available.length ? `it has ${available.join(', ')} months` : 'it listed none';
	return `Montly has no tariff for ${String(months)} months (${has}); choose Months that has one, or give the tariff`;
}

const percent = (tariff: number) => `${tariff} %`;

/**
 * Tariff's list: "the current tariff" (left empty, read when the workflow runs), then the
 * account's tariff for the chosen Months. It reloads when Months changes.
 */
export async function getTariffs(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const months = Number(this.getCurrentNodeParameter('months'));
	const tariffs = readTariffs(await (await createClient(this)).request({ method: 'GET', path: '/v1/tariffs' }));
	const matching = tariffs.filter((t) => t.months === months);
	const current: INodePropertyOptions = {
		name: 'Current Tariff (Read When the Workflow Runs)',
		value: '',
		description: matching.length
			? `Montly's tariff for these months when the order is sent, now ${percent(matching[0].tariff)} a month`
			: noTariffMessage(Number.isInteger(months) ? months : '?', tariffs.map((t) => t.months)),
	};
	return [
		current,
		...matching.map((t) => ({
			name: `${percent(t.tariff)} a Month`,
			value: t.tariff,
			description: `Montly's tariff for ${t.months} months today; the order is sent with this tariff even after Montly changes it`,
		})),
	];
}
