import type { IDataObject } from 'n8n-workflow';

import { mapConcurrent } from './concurrency';

export interface Page {
	records: IDataObject[];
	/** The number of the last page when the provider says it; enables concurrent fetching. */
	lastPage?: number;
	hasNext: boolean;
}

export interface PagingOptions {
	returnAll: boolean;
	limit?: number;
	/** Records per page requested; pages are numbered from 1. */
	pageSize: number;
	/** Pages fetched at once after the first (the rate limiter still applies). */
	concurrency?: number;
	/** Drops a record already seen, in case the data shifted between page requests. */
	idOf?: (record: IDataObject) => string | undefined;
}

/**
 * Fetches page-numbered lists: page 1 first, then, when the last page is known, the rest
 * concurrently; each page is requested exactly once. Records keep the provider's order.
 */
export async function fetchPages(
	fetchPage: (page: number, pageSize: number) => Promise<Page>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit ?? 50);
	if (wanted === 0) return [];
	const pageSize = Math.min(options.pageSize, wanted);
	const first = await fetchPage(1, pageSize);
	const pages: IDataObject[][] = [first.records];
	const pagesNeeded = Math.ceil(wanted / pageSize);
	if (first.hasNext && pagesNeeded > 1) {
		if (first.lastPage !== undefined) {
			const last = Math.min(first.lastPage, pagesNeeded);
			const numbers = Array.from({ length: Math.max(0, last - 1) }, (_, i) => i + 2);
			const rest = await mapConcurrent(numbers, options.concurrency ?? 4, (n) => fetchPage(n, pageSize));
			pages.push(...rest.map((p) => p.records));
		} else {
			let page = first;
			for (let n = 2; page.hasNext && n <= pagesNeeded; n++) {
				page = await fetchPage(n, pageSize);
				pages.push(page.records);
			}
		}
	}
	let records = pages.flat();
	if (options.idOf) {
		const seen = new Set<string>();
		records = records.filter((r) => {
			const id = options.idOf!(r);
			if (id === undefined) return true;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
	}
	return wanted === Infinity ? records : records.slice(0, wanted);
}
