import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { runWorkflow } from '../harness/run-workflow';
import { createFeedbackCompanySimulator, FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import type { ShopifyFixture, WooFixture } from './fixtures';
import { SHOPIFY, SHOPIFY_NAMES, WOO, WOO_NAMES } from './fixtures';
import { serveForTests } from '../harness/serve';

/* Each Shopify and WooCommerce fixture through The Feedback Company → Order → Create, in n8n's engine. */

const fc = createFeedbackCompanySimulator();
const { sim } = fc;

serveForTests(sim, () => fc.resetState());

/** The parameters as n8n saves them: the invitation timing is shared with the Fields mode. */
const params = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'create',
	sendInvitation: true,
	delay: { value: { unit: 'days', amount: 7 } },
	reminder: { value: { unit: 'days', amount: 14 } },
	productUrl: 'https://shop.example.com/p/{productId}',
	...extra,
});

async function run(parameters: INodeParameters, items: IDataObject[]) {
	return await runWorkflow({
		node: { type: 'feedbackCompany', parameters },
		nodeTypes: { feedbackCompany: new FeedbackCompany() },
		credentialTypes: { feedbackCompanyApi: new FeedbackCompanyApi() },
		credentials: {
			feedbackCompanyApi: { clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${sim.url}/api/v2`, accessToken: '' },
		},
		items,
	});
}

const bodies = () => sim.requestsTo('POST', /\/orders$/).map((r) => r.json);
const invitation = { delay: { unit: 'days', amount: 7 }, reminder: { unit: 'days', amount: 14 } };
const product = (id: string, name: string, sku?: string) => ({
	external_id: id,
	name,
	url: `https://shop.example.com/p/${id}`,
	...(sku ? { sku } : {}),
});
const refused = (status: string) =>
	`[item 0] status: The order is ${status}; a review invitation for it would reach the customer. Leave such orders out (e.g. with an If node) or turn off Send Invitation`;

const EXPECTED: Record<ShopifyFixture | `woo.${WooFixture}`, IDataObject | string> = {
	standard: {
		external_id: '5873478926583',
		customer: { email: 'jane.doe@example.com', fullname: 'Jane Doe' },
		invitation,
		products: [product('8123456789012', 'Organic T-shirt', 'TSHIRT-BLUE-M'), product('8123456789055', 'Ceramic mug', 'MUG-WHITE')],
	},
	guestDiscount: {
		external_id: '5873501114871',
		customer: { email: 'alex.rivera@example.net', fullname: 'Alex Rivera' },
		invitation,
		products: [
			product('8123400011122', 'Trail Running Shoes', 'TRAIL-RUN-42'),
			product('8123400022233', 'Merino Socks', 'MERINO-SOCK-L'),
			product('8123400033344', 'Water Bottle'),
		],
	},
	presentmentSek: {
		external_id: '5873523306231',
		customer: { email: 'inkop@nordljus.se', fullname: 'Karin Lindqvist' },
		invitation,
		products: [product('8123455500011', 'ProBook 14 Laptop', 'LAPTOP-PRO-14'), product('8123455500022', '27" 4K Monitor', 'MON-27-4K')],
	},
	jpy: {
		external_id: '5873545497591',
		customer: { email: 'haruto.sato@example.jp', fullname: 'Haruto Sato' },
		invitation,
		products: [product('8123477700011', 'Kanji Workbook (e-book)', 'EBOOK-KANJI-1'), product('8123477700022', 'JLPT N3 Online Course', 'COURSE-N3')],
	},
	refunded: refused('refunded'),
	cancelled: refused('cancelled'),
	'woo.processing': {
		external_id: '727',
		customer: { email: 'sanne.devries@example.nl', fullname: 'Sanne de Vries' },
		invitation,
		products: [product('1201', 'Hoodie - Blue', 'HOODIE-BLUE'), product('1188', 'Beanie', 'BEANIE-GREY')],
	},
	'woo.guestCoupon': {
		external_id: '1093',
		customer: { email: 'maya.chen@example.com', fullname: 'Maya Chen' },
		invitation,
		products: [product('2210', 'Ceramic Planter', 'PLANTER-CER-M'), product('2245', 'Potting Soil 5L', 'SOIL-5L'), product('2251', 'Plant Food (3-pack deal)')],
	},
	'woo.sek': {
		external_id: '2048',
		customer: { email: 'erik@fjallvagenbygg.se', fullname: 'Erik Johansson' },
		invitation,
		products: [product('3301', 'Robotgräsklippare X7', 'ROBO-X7'), product('3302', 'Laddstation', 'CHARGE-X7')],
	},
	'woo.jpy': {
		external_id: '3310',
		customer: { email: 'yui.tanaka@example.jp', fullname: 'Yui Tanaka' },
		invitation,
		products: [product('4401', 'Digital Art Print (Download)', 'ART-DL-01'), product('4402', 'Brush Pack', 'BRUSH-PACK')],
	},
	'woo.refunded': refused('refunded'),
	'woo.cancelled': refused('cancelled'),
};

async function expectOutcome(parameters: INodeParameters, item: IDataObject, expected: IDataObject | string) {
	const r = await run(parameters, [item]);
	if (typeof expected === 'string') {
		expect(r.error?.message).toBe(expected);
		expect(bodies()).toEqual([]);
	} else {
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([expected]);
		expect(r.output.map((i) => i.json)).toEqual([{ external_id: expected.external_id, invitationScheduled: true, success: true }]);
	}
}

describe('The Feedback Company ← Shopify order', () => {
	it.each(SHOPIFY_NAMES)('%s: registers the order with an invitation and its products', async (name) => {
		await expectOutcome(params({ inputMode: 'shopifyOrder' }), SHOPIFY[name], EXPECTED[name]);
	});

	it('without a product URL registers the order with no products (shop review only)', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', productUrl: '', filtercode: 'shopify-nl' }), [SHOPIFY.standard]);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([
			{ external_id: '5873478926583', customer: { email: 'jane.doe@example.com', fullname: 'Jane Doe' }, invitation, filtercode: 'shopify-nl' },
		]);
	});

	it('registers a cancelled order when no invitation is to be sent', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', sendInvitation: false, productUrl: '' }), [SHOPIFY.cancelled]);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([{ external_id: '5873589880311', customer: { email: 'lukas.schneider@example.de', fullname: 'Lukas Schneider' } }]);
		expect(r.output[0].json.invitationScheduled).toBe(false);
	});

	it('fills {sku}, URL-encoded, and names a line item that has none', async () => {
		const template = 'https://shop.example.com/search?q={sku}&v={variantId}';
		const ok = await run(params({ inputMode: 'shopifyOrder', productUrl: template }), [SHOPIFY.presentmentSek]);
		expect(ok.error).toBeUndefined();
		expect((bodies()[0] as IDataObject).products).toEqual([
			{ external_id: '8123455500011', name: 'ProBook 14 Laptop', url: 'https://shop.example.com/search?q=LAPTOP-PRO-14&v=44123455500011', sku: 'LAPTOP-PRO-14' },
			{ external_id: '8123455500022', name: '27" 4K Monitor', url: 'https://shop.example.com/search?q=MON-27-4K&v=44123455500022', sku: 'MON-27-4K' },
		]);
		const missing = await run(params({ inputMode: 'shopifyOrder', productUrl: template }), [SHOPIFY.guestDiscount]);
		expect(missing.error?.message).toBe('[item 0] Product URL (productUrl): Line item "Water Bottle" has no sku for {sku}');
		expect(bodies()).toHaveLength(1);
	});

	it('refuses an unknown placeholder', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', productUrl: 'https://shop.example.com/products/{handle}' }), [SHOPIFY.jpy]);
		expect(r.error?.message).toBe('[item 0] Product URL (productUrl): Unknown placeholder {handle}; use {productId}, {variantId} or {sku}');
		expect(bodies()).toEqual([]);
	});

	it('validates the result with the node\'s schema, e.g. a product URL that is no URL', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', productUrl: 'shop/{productId}' }), [SHOPIFY.refunded]);
		expect(r.error?.message).toBe(refused('refunded'));
		const bad = await run(params({ inputMode: 'shopifyOrder', productUrl: 'shop/{productId}' }), [SHOPIFY.jpy]);
		expect(bad.error?.message).toBe('[item 0] Products (products[0].url): "shop/8123477700011" is not a valid URL (http:// or https://)');
		expect(bodies()).toEqual([]);
	});
});

describe('The Feedback Company ← WooCommerce order', () => {
	it.each(WOO_NAMES)('%s: registers the order with an invitation and its products', async (name) => {
		await expectOutcome(params({ inputMode: 'wooCommerceOrder' }), WOO[name], EXPECTED[`woo.${name}`]);
	});
});

describe('Invitation Delay as saved workflows hold it', () => {
	const fields = { inputMode: 'fields', external_id: '1001', customerEmail: 'jane.doe@example.com', productUrl: '' };

	it.each([
		['the order modes', { inputMode: 'shopifyOrder', productUrl: '' }, SHOPIFY.standard],
		['the Fields mode', fields, {}],
	] as const)('in %s a set delay is sent as set, and a workflow that leaves it out gets 7 days', async (_mode, extra, item) => {
		const set = await run(params({ ...extra, delay: { value: { unit: 'hours', amount: 3 } }, reminder: {} }), [item]);
		expect(set.error).toBeUndefined();
		const withoutDelay = params(extra);
		delete withoutDelay.delay;
		delete withoutDelay.reminder;
		const unset = await run(withoutDelay, [item]);
		expect(unset.error).toBeUndefined();
		expect(bodies().map((b) => (b as IDataObject).invitation)).toEqual([
			{ delay: { unit: 'hours', amount: 3 } },
			{ delay: { unit: 'days', amount: 7 } },
		]);
	});
});
