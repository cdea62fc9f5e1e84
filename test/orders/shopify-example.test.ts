import type { IDataObject, INodeParameters } from 'n8n-workflow';

import example from '../../examples/shopify-order-to-all-providers.json';
import { fiveProviders, type ProviderName } from './five-providers';

/*
 * The Shopify example (examples/shopify-order-to-all-providers.json) through n8n-core: each provider
 * node with exactly the parameters the example saves, on the order its Set node holds. The e2e suite
 * runs the same file in a real n8n; this one says quickly what each node sends.
 */

const five = fiveProviders();

const TYPES: Record<string, ProviderName> = {
	'n8n-nodes-order-sync.mailerLiteEcommerce': 'mailerLite',
	'n8n-nodes-order-sync.esputnik': 'esputnik',
	'n8n-nodes-order-sync.monto': 'monto',
	'n8n-nodes-order-sync.feedbackCompany': 'feedbackCompany',
	'n8n-nodes-order-sync.montly': 'montly',
};

const order = JSON.parse(
	(example.nodes.find((n) => n.name === 'Shopify order')!.parameters as { jsonOutput: string }).jsonOutput,
) as IDataObject;

async function runExample(name: ProviderName) {
	const node = example.nodes.find((n) => TYPES[n.type] === name)!;
	const parameters = { ...(node.parameters as INodeParameters) };
	if (name === 'mailerLite') parameters.shopId = { __rl: true, mode: 'id', value: five.shopId() };
	return await five.runNode(name, parameters, [order], undefined, node.typeVersion);
}

describe('examples/shopify-order-to-all-providers.json: Input Mode Shopify Order in every node', () => {
	it('every provider node reads the order itself: no JSON body, no long expression', () => {
		for (const node of example.nodes.filter((n) => TYPES[n.type])) {
			expect({ node: node.name, inputMode: (node.parameters as IDataObject).inputMode }).toEqual({
				node: node.name,
				inputMode: 'shopifyOrder',
			});
			expect(JSON.stringify(node.parameters)).not.toContain('jsonBody');
		}
	});

	it('MailerLite: a paid order is complete, in the shop currency, one cart item per line', async () => {
		expect((await runExample('mailerLite')).error).toBeUndefined();
		expect(five.writes('mailerLite')).toEqual([
			{
				customer: { email: 'elin.lindqvist@example.com', accepts_marketing: true },
				cart: {
					items: [
						{ ecommerce_product_id: '8123456789012', variant: '160 × 80 cm / Oak', quantity: 2, price: 449 },
						{ ecommerce_product_id: '8123456789055', variant: 'Black', quantity: 2, price: 329 },
						{ ecommerce_product_id: '8123456789098', quantity: 1, price: 89 },
					],
				},
				status: 'complete',
				total_price: 1694,
			},
		]);
	});

	it('eSputnik: an unfulfilled order is INITIALIZED, with its lines', async () => {
		const r = await runExample('esputnik');
		expect(r.output.map((i) => i.json)).toMatchObject([{ success: true, externalOrderId: '5873478926583', status: 'INITIALIZED', totalCost: 1694 }]);
		expect(five.writes('esputnik')).toHaveLength(1);
	});

	it('Monto: pending, one slug per line from the product titles', async () => {
		expect((await runExample('monto')).error).toBeUndefined();
		expect(five.writes('monto')).toMatchObject([
			{ order_id: '5873478926583', status: 'pending', items: [{ slug: 'sit-stand-desk' }, { slug: 'ergonomic-office-chair' }, { slug: 'dual-monitor-arm' }] },
		]);
	});

	it('The Feedback Company: invitation after 7 days, reminder after 14, product URLs from the SKU', async () => {
		expect((await runExample('feedbackCompany')).error).toBeUndefined();
		const [sent] = five.writes('feedbackCompany');
		expect(sent.invitation).toEqual({ delay: { unit: 'days', amount: 7 }, reminder: { unit: 'days', amount: 14 } });
		expect((sent.products as IDataObject[]).map((p) => p.url)).toEqual(
			['DESK-OAK-160', 'CHAIR-ERGO-BLK', 'ARM-DUAL'].map((sku) => `https://demo-shop.example.com/products/${sku}`),
		);
	});

	it("Montly: SEK in öre from the note attributes' organisation number and months, the tariff from the account", async () => {
		const r = await runExample('montly');
		expect(r.output.map((i) => i.json)).toEqual([{ orderId: '5873478926583', id: expect.any(String), alreadyExists: false }]);
		const [sent] = five.writes('montly');
		expect((sent.data as IDataObject).attributes).toMatchObject({
			orgNumber: '556036-0793',
			currency: 'SEK',
			totalPrice: 1511920,
			months: 36,
			tariff: 1.04,
			monthlyPrice: 15724,
		});
	});
});
