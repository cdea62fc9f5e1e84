import type { IDataObject } from 'n8n-workflow';

/** A valid eSputnik order: two items, shipping, amounts that add up (used by bench and tests). */
export function esputnikOrder(n: number): IDataObject {
	return {
		externalOrderId: `ord-${n}`,
		externalCustomerId: `cust-${n % 3000}`,
		email: `buyer${n}@example.com`,
		status: ['INITIALIZED', 'IN_PROGRESS', 'DELIVERED'][n % 3],
		date: `2024-05-${String((n % 28) + 1).padStart(2, '0')}T10:${String(n % 60).padStart(2, '0')}:00`,
		currency: 'EUR',
		shipping: 4.9,
		totalCost: 49.7,
		items: [
			{ externalItemId: `sku-${n % 500}`, name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug' },
			{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5 },
		],
	};
}

/** A valid Monto order; every other one fulfilled. */
export function montoOrder(n: number): IDataObject {
	return {
		order_id: `o-${n}`,
		customer: { name: `Buyer ${n}`, email: `buyer${n}@example.com` },
		status: n % 2 ? 'fulfilled' : 'pending',
		items: [{ slug: `product-${n % 50}` }],
	};
}
