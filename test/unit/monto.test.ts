import { orderUpsert } from '../../nodes/Monto/schemas';
import { describeError } from '../../nodes/Monto/transport';

describe('Monto order body', () => {
	it('accepts the documented example and normalises id and status', () => {
		expect(
			orderUpsert.parse({
				order_id: 123,
				customer: { name: ' John Doe ', email: 'john@example.com' },
				status: 'Fulfilled',
				items: [{ slug: 'first-product' }, { slug: 'second-product' }],
			}),
		).toEqual({
			order_id: '123',
			customer: { name: 'John Doe', email: 'john@example.com' },
			status: 'fulfilled',
			items: [{ slug: 'first-product' }, { slug: 'second-product' }],
		});
	});

	it('defaults the status to pending, as Monto does', () => {
		const parsed = orderUpsert.parse({ order_id: 'a', customer: { name: 'A', email: 'a@example.com' }, items: [{ slug: 's' }] });
		expect(parsed.status).toBe('pending');
	});

	it('rejects undocumented fields anywhere and reports every problem', () => {
		const result = orderUpsert.safeParse({
			order_id: 'a',
			customer: { name: 'A', email: 'a@example.com', phone: '1' },
			items: [{ slug: 's', qty: 2 }],
			total: 10,
		});
		expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'customer: Unrecognized key: "phone"',
			'items.0: Unrecognized key: "qty"',
			': Unrecognized key: "total"',
		]);
	});

	it('requires the customer', () => {
		const result = orderUpsert.safeParse({ order_id: 'a', items: [{ slug: 's' }] });
		expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['customer: Required']);
	});
});

describe('Monto error bodies', () => {
	it('reads JSON, text and empty bodies, and hides HTML pages', () => {
		expect(describeError({ status: 422, headers: {}, body: { message: 'The given data was invalid.' } }).message).toBe('The given data was invalid.');
		expect(describeError({ status: 400, headers: {}, body: 'Bad slug' }).message).toBe('Bad slug');
		expect(describeError({ status: 404, headers: {}, body: undefined }).message).toBe('Not found');
		expect(describeError({ status: 503, headers: {}, body: '<!DOCTYPE html><title>Down</title>' }).message).toBe('Server error');
		expect(describeError({ status: 401, headers: {}, body: undefined })).toEqual({
			message: 'The API key is invalid or has no access',
			description: 'Check the API key in the Monto credential.',
		});
		expect(describeError({ status: 429, headers: {}, body: { message: 'Too Many Attempts.' } }).description).toMatch(/Min Time Between Requests/);
	});
});
