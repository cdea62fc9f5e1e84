import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runReads } from '../../shared/engine/loop';
import type { Operation } from '../../shared/engine/router';
import { fetchPages } from '../../shared/http/pagination';
import { forOperation, limitProperty, returnAllProperty } from '../../shared/input/parameters';
import type { FeedbackCompanyClient } from '../transport';
import { getPage, MAX_PAGE_SIZE, unwrap } from '../transport';

interface Base {
	resource: string;
	operation: string;
}

const describe = (base: Base, properties: INodeProperties[]): INodeProperties[] =>
	forOperation(base.resource, base.operation, properties);

/** One GET per item; the record is the body's `key` property. */
export function getOne(
	spec: Base & {
		properties: INodeProperties[];
		path: (ctx: IExecuteFunctions, itemIndex: number) => string;
		qs?: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
		key: string;
	},
): Operation<FeedbackCompanyClient> {
	return {
		description: describe(spec, spec.properties),
		async execute(client) {
			return await runReads(this, async (itemIndex) => {
				const body = await client.request({
					method: 'GET',
					path: spec.path(this, itemIndex),
					qs: spec.qs?.(this, itemIndex),
				});
				return unwrap(body, spec.key);
			});
		},
	};
}

/** A page-numbered list (`page`, `page_size` ≤ 1000, `meta.count`): one output item per record. */
export function getMany(
	spec: Base & {
		properties: INodeProperties[];
		path: string;
		key: string;
		qs: (ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
	},
): Operation<FeedbackCompanyClient> {
	return {
		description: describe(spec, [returnAllProperty, limitProperty, ...spec.properties]),
		async execute(client) {
			return await runReads(this, async (itemIndex) => {
				const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
				const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
				const qs = spec.qs(this, itemIndex);
				return await fetchPages(
					(page, size) => getPage(client, spec.path, spec.key, qs, page, size),
					{
						returnAll,
						limit,
						pageSize: MAX_PAGE_SIZE,
						concurrency: 1,
						idOf: (record) => record.id as string | undefined,
					},
				);
			});
		},
	};
}
