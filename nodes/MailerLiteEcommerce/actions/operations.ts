import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

import { dryRunProperty } from '../../shared/engine/dry-run';
import type { Entry, Outcome } from '../../shared/engine/loop';
import { runReads, runWrites } from '../../shared/engine/loop';
import type { Operation } from '../../shared/engine/router';
import type { ApiClient, HttpResponse } from '../../shared/http/client';
import { fetchPages } from '../../shared/http/pagination';
import { compact, readBody, requiredId } from '../../shared/input/body';
import { forOperation, inputModeProperty, jsonBodyProperty, limitProperty, returnAllProperty } from '../../shared/input/parameters';
import type { Issue } from '../../shared/input/validation';
import { validateItem } from '../../shared/input/validation';
import { inOrderModes, mapOrder, orderInputModeProperty, orderSourceProperties, readBodyOrOrder } from '../../shared/orders/input';
import type { CanonicalOrder } from '../../shared/orders/model';
import { describeError, getPage, unwrap, unwrapList } from '../transport';
import { optionsProperty } from './common';

/** The path of one item, built from its id parameters. */
export type PathOf = (ctx: IExecuteFunctions, itemIndex: number) => string;

interface Base {
	resource: string;
	operation: string;
	/** Id parameters (shop locator, record id, …) shown above the operation's own fields. */
	ids: INodeProperties[];
	path: PathOf;
}

const describe = (base: Base, properties: INodeProperties[], writes = false): INodeProperties[] =>
	forOperation(base.resource, base.operation, [
		...base.ids,
		...properties,
		...(writes ? [dryRunProperty] : []),
		optionsProperty,
	]);

/** Pages of a Get Many fetched at once after the first. */
const PAGE_CONCURRENCY = 10;

/** Writes in flight at once with "On Error: Continue" (without it, the engine sends one at a time). */
const WRITE_CONCURRENCY = 4;

export function getOne(base: Base): Operation<ApiClient> {
	return {
		description: describe(base, []),
		async execute(client) {
			return await runReads(
				this,
				async (itemIndex) => unwrap(await client.request({ method: 'GET', path: base.path(this, itemIndex) })),
				{ concurrency: 4 },
			);
		},
	};
}

export function getMany(base: Base & { pageSize: number }): Operation<ApiClient> {
	return {
		description: describe(base, [returnAllProperty, limitProperty]),
		async execute(client) {
			return await runReads(this, async (itemIndex) => {
				const path = base.path(this, itemIndex);
				const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
				const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
				return await fetchPages((page, size) => getPage(client, path, page, size), {
					returnAll,
					limit,
					pageSize: base.pageSize,
					// MailerLite documents a rate (120 per minute, which the limiter keeps), not a cap on
					// requests in flight; 10 at once makes 10,000 orders about 6× faster than page by page.
					concurrency: PAGE_CONCURRENCY,
					idOf: (record) => record.id as string | undefined,
				});
			});
		},
	};
}

export function count(base: Base): Operation<ApiClient> {
	return {
		description: describe(base, []),
		async execute(client) {
			return await runReads(this, async (itemIndex) => {
				const body = (await client.request({
					method: 'GET',
					path: base.path(this, itemIndex),
					qs: { limit: 0 },
				})) as { total?: unknown };
				return { total: Number(body?.total ?? 0) };
			});
		},
	};
}

export function deleteOne(base: Base & { idParam: string }): Operation<ApiClient> {
	return {
		description: describe(base, [], true),
		async execute(client) {
			return await runWrites(this, client, {
				prepare: (itemIndex) => ({ path: base.path(this, itemIndex), id: requiredId(this, base.idParam, itemIndex) }),
				request: ([{ payload }]) => ({ method: 'DELETE', path: payload.path }),
				outcomes: (answer, [{ payload }]) => [
					{ records: { deleted: true, ...(answer.body === undefined ? {} : unwrap(answer.body)), id: payload.id } },
				],
				concurrency: WRITE_CONCURRENCY,
			});
		},
	};
}

/** The Shopify Order and WooCommerce Order input modes of an operation whose body an order can fill. */
export interface OrderModes {
	/** Parameters of those modes, below the shared ones (e.g. the status). */
	properties: INodeProperties[];
	/** The body made from the item read as an order; what the order lacks goes into `issues`. */
	fromOrder: (ctx: IExecuteFunctions, itemIndex: number, order: CanonicalOrder, issues: Issue[]) => IDataObject;
}

export interface WriteSpec<S extends z.ZodType> extends Base {
	method: 'POST' | 'PUT';
	schema: S;
	/** Parameters of the fields input mode. */
	fields: INodeProperties[];
	/** The body built from those parameters. */
	fromFields: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	example: unknown;
	hint?: string;
	orderModes?: OrderModes;
}

/** The unvalidated body of one item, from whichever input mode is chosen. */
function bodyOf<S extends z.ZodType>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: Pick<WriteSpec<S>, 'fromFields' | 'orderModes'>,
): unknown {
	const fromFields = () => compact(spec.fromFields(ctx, itemIndex));
	const { orderModes } = spec;
	if (!orderModes) return readBody(ctx, itemIndex, fromFields);
	return readBodyOrOrder(ctx, itemIndex, fromFields, (order) =>
		mapOrder(ctx, itemIndex, (issues) => orderModes.fromOrder(ctx, itemIndex, order, issues)),
	);
}

/** The parameters of a write: input mode, JSON body, fields, order modes. */
function writeDescription<S extends z.ZodType>(spec: WriteSpec<S>): INodeProperties[] {
	return describe(
		spec,
		[
			spec.orderModes ? orderInputModeProperty : inputModeProperty,
			jsonBodyProperty(spec.example, spec.hint),
			...spec.fields.map((p) => ({
				...p,
				displayOptions: { show: { ...p.displayOptions?.show, inputMode: ['fields'] } },
			})),
			...(spec.orderModes ? [...orderSourceProperties, ...inOrderModes(spec.orderModes.properties)] : []),
		],
		true,
	);
}

/** Fields-or-JSON (or order) input, validated per item, then one request per item. */
export function write<S extends z.ZodType>(spec: WriteSpec<S>): Operation<ApiClient> {
	return {
		description: writeDescription(spec),
		async execute(client) {
			return await runWrites(this, client, {
				prepare: (itemIndex) => ({
					body: validateItem(this.getNode(), spec.schema, bodyOf(this, itemIndex, spec), itemIndex),
					path: spec.path(this, itemIndex),
				}),
				request: ([{ payload }]) => ({ method: spec.method, path: payload.path, body: payload.body }),
				outcomes: (answer) => [{ records: unwrap(answer.body) }],
				concurrency: WRITE_CONCURRENCY,
			});
		},
	};
}

export interface ImportSpec<S extends z.ZodType> extends Omit<WriteSpec<S>, 'method'> {
	/** The request body for all entries: a JSON array, or an object around it. */
	wrap: (entries: Array<z.output<S>>) => unknown;
	/** Prefix of the 422 field keys before the entry index: '' for `0.name`, 'orders.' for `orders.0.x`. */
	errorPrefix: string;
}

/**
 * All input items in one request. The shop must be the same for every item. A 422 names fields by
 * entry index (`0.name`); each complaint lands on its own item, and the others are reported as not
 * imported because the provider rejects the whole request.
 */
export function importAll<S extends z.ZodType>(spec: ImportSpec<S>): Operation<ApiClient> {
	return {
		description: writeDescription({ ...spec, method: 'POST' }),
		async execute(client) {
			const node = this.getNode();
			let path: string | undefined;
			return await runWrites(this, client, {
				batchSize: Number.MAX_SAFE_INTEGER,
				prepare: (itemIndex) => {
					const entry = validateItem(node, spec.schema, bodyOf(this, itemIndex, spec), itemIndex);
					const itemPath = spec.path(this, itemIndex);
					if (path !== undefined && itemPath !== path) {
						throw new NodeOperationError(node, 'shopId: All items of one import must go to the same shop', {
							itemIndex,
							description: 'Split the items by shop, e.g. with a Loop Over Items node.',
						});
					}
					path = itemPath;
					return entry;
				},
				request: (batch) => ({
					method: 'POST',
					path: path!,
					body: spec.wrap(batch.map((b) => b.payload)),
					allowStatus: [422],
				}),
				part: (entry) => spec.wrap([entry.payload]),
				outcomes: (answer, batch) => {
					if (answer.status === 422) return importRejections(this, answer, batch, spec.errorPrefix);
					const records = unwrapList(answer.body);
					if (records.length === batch.length) return records.map((records) => ({ records }));
					// The provider answered with a different number of records: keep them all, on the first item.
					return batch.map((_, i) => ({ records: i === 0 ? records : [] }));
				},
			});
		},
	};
}

function importRejections<P>(
	ctx: IExecuteFunctions,
	response: HttpResponse,
	batch: Array<Entry<P>>,
	prefix: string,
): Outcome[] {
	const errors = ((response.body as { errors?: Record<string, string[]> })?.errors ?? {}) as Record<
		string,
		string[]
	>;
	const byEntry = new Map<number, string[]>();
	for (const [key, problems] of Object.entries(errors)) {
		const match = key.startsWith(prefix) ? /^(\d+)\.?(.*)$/.exec(key.slice(prefix.length)) : null;
		if (!match) continue;
		const list = byEntry.get(Number(match[1])) ?? [];
		list.push(`${match[2] || '(item)'}: ${[problems].flat().join(' ')}`);
		byEntry.set(Number(match[1]), list);
	}
	const summary = describeError(response);
	return batch.map(({ itemIndex }, position) => {
		const own = byEntry.get(position);
		const message = own ? own[0] : 'Not imported: MailerLite rejected the import because of other items';
		return {
			error: new NodeApiError(ctx.getNode(), { message } as never, {
				message,
				description: own ? own.join('\n') : summary.description ?? summary.message,
				httpCode: '422',
				itemIndex,
			}),
		};
	});
}
