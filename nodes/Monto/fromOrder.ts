import type { IDataObject } from 'n8n-workflow';

import type { CanonicalOrder } from '../shared/orders/model';
import { fullName } from '../shared/orders/model';
import type { Issue } from '../shared/input/validation';

/** Where the Webflow product slug of each line item comes from (a SKU or title is made a slug). */
export type SlugSource = 'sku' | 'title' | 'list';

export interface FromOrderOptions {
	/** `pending` or `fulfilled`, sent instead of the mapped status. */
	statusOverride?: string;
	slugSource: SlugSource;
	/** The items themselves (`{ slug }` each), for `list`. */
	slugs?: IDataObject[];
}

/** Letters that lose more than an accent on the way to ASCII. */
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/** A slug like Webflow's: lower case, accents dropped, anything else between words a hyphen. */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[æøœßđłþ]/g, (letter) => LETTERS[letter])
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function itemSlugs(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject[] {
	if (options.slugSource === 'list') {
		const given = options.slugs ?? [];
		if (!given.length) issues.push({ path: ['itemSlugs'], message: 'Required: give the Webflow slugs of the ordered products' });
		return given;
	}
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	order.lineItems.forEach((line, i) => {
		const slug = slugify((options.slugSource === 'sku' ? line.sku : line.title) ?? '') || undefined;
		if (!slug) {
			const what = options.slugSource === 'sku' ? 'SKU' : 'title to make a slug of';
			issues.push({
				path: ['items', i, 'slug'],
				message: `Line item "${line.name}" has no ${what}; choose another Item Slug Source, or give the slugs as a list`,
			});
		} else if (!seen.has(slug)) {
			seen.add(slug);
			out.push({ slug });
		}
	});
	return out;
}

/**
 * The Monto order of a shop order, before validation by `orderUpsert`. Only a shipped
 * (completed) order is `fulfilled`, the status that starts Monto's review e-mail; everything
 * else, cancelled and refunded orders included, is `pending`, so re-sending an order that was
 * cancelled takes it back out of the review flow.
 */
export function fromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	const name = fullName(order);
	if (!name) issues.push({ path: ['customer', 'name'], message: 'The order has no customer, billing or shipping name' });
	if (!order.customer.email) issues.push({ path: ['customer', 'email'], message: 'The order has no e-mail address' });
	return {
		order_id: order.id,
		customer: { name, email: order.customer.email },
		status: options.statusOverride ?? (order.status === 'completed' ? 'fulfilled' : 'pending'),
		items: itemSlugs(order, options, issues),
	};
}
