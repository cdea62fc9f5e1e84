import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { createClient, getPage } from './transport';

/** Shops for the `shopId` locator, 50 a page, filtered by name or URL. */
export async function searchShops(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await createClient(this);
	const page = paginationToken ? Number(paginationToken) : 1;
	const { records, hasNext } = await getPage(client, '/ecommerce/shops', page, 50);
	const needle = filter?.toLowerCase();
	const results = records
		.filter((s) => !needle || `${s.name} ${s.url}`.toLowerCase().includes(needle))
		.map((s) => ({ name: String(s.name), value: String(s.id), url: s.url as string | undefined }));
	return { results, paginationToken: hasNext ? String(page + 1) : undefined };
}
