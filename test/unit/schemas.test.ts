import { orderCreate, orderUpdate } from '../../nodes/MailerLiteEcommerce/schemas';

describe('MailerLite order schemas', () => {
	it('coerces numeric strings and keeps unknown fields', () => {
		const parsed = orderCreate.parse({
			customer: { email: 'a@b.co' },
			cart: { items: [{ ecommerce_product_id: 5, quantity: '2', price: '12.50' }] },
			created_at: '2024-01-01 10:00:00',
		});
		expect(parsed.cart.items[0]).toEqual({ ecommerce_product_id: '5', quantity: 2, price: 12.5 });
		expect(parsed.created_at).toBe('2024-01-01 10:00:00');
	});

	it('reports the field path of a bad e-mail', () => {
		const result = orderCreate.safeParse({
			customer: { email: 'bad' },
			cart: { items: [{ ecommerce_product_id: '1', quantity: 1, price: 1 }] },
		});
		expect(result.success).toBe(false);
		expect(result.error!.issues[0].path).toEqual(['customer', 'email']);
		expect(result.error!.issues[0].message).toBe('Invalid email address');
	});

	it('refuses cart and customer on update', () => {
		const result = orderUpdate.safeParse({ status: 'complete', cart: {} });
		expect(result.success).toBe(false);
		expect(result.error!.issues[0].path).toEqual(['cart']);
	});
});
