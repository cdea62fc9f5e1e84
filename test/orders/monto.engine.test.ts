import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Monto } from '../../nodes/Monto/Monto.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';
import type { ShopifyFixture, WooFixture } from './fixtures';
import { SHOPIFY, SHOPIFY_NAMES, WOO, WOO_NAMES } from './fixtures';
import { serveForTests } from '../harness/serve';

/* Each Shopify and WooCommerce fixture through Monto → Order → Create or Update, in n8n's engine. */

const monto = createMontoSimulator();
const { sim } = monto;

serveForTests(sim, () => monto.clear());

async function run(parameters: INodeParameters, items: IDataObject[], onError?: INode['onError']) {
	return await runWorkflow({
		node: {
			type: 'monto',
			parameters: { resource: 'order', operation: 'upsert', options: { requestInterval: 0 }, ...parameters },
			onError,
		},
		nodeTypes: { monto: new Monto() },
		credentialTypes: { montoApi: new MontoApi() },
		credentials: { montoApi: { apiKey: MONTO_API_KEY, baseUrl: sim.url } },
		items,
	});
}

const bodies = () => sim.requestsTo('POST', /^\/orders$/).map((r) => r.json);

/** Line items without a SKU make the default slug source fail; these use the titles instead. */
const BY_SKU: Record<ShopifyFixture | `woo.${WooFixture}`, IDataObject | string> = {
	standard: {
		order_id: '5873478926583',
		customer: { name: 'Jane Doe', email: 'jane.doe@example.com' },
		status: 'pending',
		items: [{ slug: 'tshirt-blue-m' }, { slug: 'mug-white' }],
	},
	guestDiscount:
		'[item 0] Item Slugs (items[2].slug): Line item "Water Bottle" has no SKU; choose another Item Slug Source, or give the slugs as a list',
	presentmentSek: {
		order_id: '5873523306231',
		customer: { name: 'Karin Lindqvist', email: 'inkop@nordljus.se' },
		status: 'fulfilled',
		items: [{ slug: 'laptop-pro-14' }, { slug: 'mon-27-4k' }],
	},
	jpy: {
		order_id: '5873545497591',
		customer: { name: 'Haruto Sato', email: 'haruto.sato@example.jp' },
		status: 'fulfilled',
		items: [{ slug: 'ebook-kanji-1' }, { slug: 'course-n3' }],
	},
	refunded: {
		order_id: '5873567688951',
		customer: { name: 'Oliver Bennett', email: 'oliver.bennett@example.co.uk' },
		status: 'pending',
		items: [{ slug: 'scarf-wool-grn' }],
	},
	cancelled: {
		order_id: '5873589880311',
		customer: { name: 'Lukas Schneider', email: 'lukas.schneider@example.de' },
		status: 'pending',
		items: [{ slug: 'beans-esp-1kg' }, { slug: 'frother-01' }],
	},
	'woo.processing': {
		order_id: '727',
		customer: { name: 'Sanne de Vries', email: 'sanne.devries@example.nl' },
		status: 'pending',
		items: [{ slug: 'hoodie-blue' }, { slug: 'beanie-grey' }],
	},
	'woo.guestCoupon':
		'[item 0] Item Slugs (items[2].slug): Line item "Plant Food (3-pack deal)" has no SKU; choose another Item Slug Source, or give the slugs as a list',
	'woo.sek': {
		order_id: '2048',
		customer: { name: 'Erik Johansson', email: 'erik@fjallvagenbygg.se' },
		status: 'fulfilled',
		items: [{ slug: 'robo-x7' }, { slug: 'charge-x7' }],
	},
	'woo.jpy': {
		order_id: '3310',
		customer: { name: 'Yui Tanaka', email: 'yui.tanaka@example.jp' },
		status: 'pending',
		items: [{ slug: 'art-dl-01' }, { slug: 'brush-pack' }],
	},
	'woo.refunded': {
		order_id: '4120',
		customer: { name: 'Amelia Hughes', email: 'amelia.hughes@example.co.uk' },
		status: 'pending',
		items: [{ slug: 'wallet-tan' }],
	},
	'woo.cancelled': {
		order_id: '4388',
		customer: { name: 'Mia Wagner', email: 'mia.wagner@example.de' },
		status: 'pending',
		items: [{ slug: 'yoga-mat-purple' }],
	},
};

async function expectOutcome(mode: string, item: IDataObject, expected: IDataObject | string) {
	const r = await run({ inputMode: mode }, [item]);
	if (typeof expected === 'string') {
		expect(r.error?.message).toBe(expected);
		expect(bodies()).toEqual([]);
	} else {
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([expected]);
		expect(r.output.map((i) => i.json)).toEqual([{ success: true, ...expected }]);
	}
}

describe('Monto ← Shopify order', () => {
	it.each(SHOPIFY_NAMES)('%s: SKUs as slugs; only a shipped order is fulfilled', async (name) => {
		await expectOutcome('shopifyOrder', SHOPIFY[name], BY_SKU[name]);
	});

	it('makes slugs of product titles as Webflow does', async () => {
		const r = await run({ inputMode: 'shopifyOrder', itemSlugSource: 'title' }, [SHOPIFY.guestDiscount, SHOPIFY.presentmentSek]);
		expect(r.error).toBeUndefined();
		expect(bodies().map((b) => (b as IDataObject).items)).toEqual([
			[{ slug: 'trail-running-shoes' }, { slug: 'merino-socks' }, { slug: 'water-bottle' }],
			[{ slug: 'probook-14-laptop' }, { slug: '27-4k-monitor' }],
		]);
	});

	it('takes the slugs from an expression when the source is a list', async () => {
		const r = await run(
			{
				inputMode: 'shopifyOrder',
				itemSlugSource: 'list',
				itemSlugs: '={{ $json.line_items.map(l => l.title.split(" ")[0].toLowerCase()) }}',
				statusOverride: 'fulfilled',
			},
			[SHOPIFY.guestDiscount],
		);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				order_id: '5873501114871',
				customer: { name: 'Alex Rivera', email: 'alex.rivera@example.net' },
				status: 'fulfilled',
				items: [{ slug: 'trail' }, { slug: 'merino' }, { slug: 'water' }],
			},
		]);
	});

	it('names the missing list of slugs (n8n itself flags the empty parameter; an expression can still give none)', async () => {
		const r = await run({ inputMode: 'shopifyOrder', itemSlugSource: 'list', itemSlugs: '={{ $json.slugs }}' }, [SHOPIFY.standard]);
		expect(r.error?.message).toBe('[item 0] Item Slugs (itemSlugs): is required: give the Webflow slugs of the ordered products');
		expect(bodies()).toEqual([]);
	});

	it('with On Error: Continue, an order without SKUs fails alone', async () => {
		const r = await run({ inputMode: 'shopifyOrder' }, [SHOPIFY.standard, SHOPIFY.guestDiscount, SHOPIFY.jpy], 'continueRegularOutput');
		expect(r.status).toBe('success');
		expect(bodies()).toEqual([BY_SKU.standard, BY_SKU.jpy]);
		expect(r.output[1].json).toEqual({
			error: (BY_SKU.guestDiscount as string).replace('[item 0]', '[item 1]'),
			details: { description: 'Nothing was sent for this item.' },
		});
		expect(r.output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a guest order without any name is refused, naming the field', async () => {
		const nameless = { ...SHOPIFY.guestDiscount, billing_address: null, shipping_address: null };
		const r = await run({ inputMode: 'shopifyOrder', itemSlugSource: 'title' }, [nameless]);
		expect(r.error?.message).toBe('[item 0] Customer Name (customer.name): The order has no customer, billing or shipping name');
		expect(bodies()).toEqual([]);
	});
});

describe('Monto ← WooCommerce order', () => {
	it.each(WOO_NAMES)('%s: SKUs as slugs; only a completed order is fulfilled', async (name) => {
		await expectOutcome('wooCommerceOrder', WOO[name], BY_SKU[`woo.${name}`]);
	});
});
