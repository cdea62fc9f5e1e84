import { minorUnitsFromDecimal, minorUnitsInteger, toMinorUnits } from '../../nodes/shared/input/money';
import { orderCreateSchema } from '../../nodes/Montly/schemas';
import { normaliseStatus } from '../../nodes/Montly/actions/order/getStatus.operation';
import { describeError } from '../../nodes/Montly/transport';

describe('toMinorUnits', () => {
	it('converts SEK to öre exactly, where multiplying floats does not', () => {
		const cases: Array<[number | string, number]> = [
			[9627.68, 962768], [1.15, 115], [4.35, 435], [0.29, 29], [1005.01, 100501], [0.07, 7], [8.2, 820],
			['9627.68', 962768], ['  12.5 ', 1250], ['.5', 50], ['5.', 500], ['0012.30', 1230], [-3.1, -310], ['1e3', 100000],
			[1.5e-1, 15], [0, 0], [-0, 0], ['90071992547409.91', 9007199254740991],
		];
		for (const [input, expected] of cases) expect(toMinorUnits(input)).toEqual({ ok: true, value: expected });
		expect(Math.round(1.15 * 100)).toBe(115);
		expect(1.15 * 100).not.toBe(115);
	});

	it('refuses rather than rounds: too many decimals, float artefacts, non-numbers, overflow', () => {
		expect(toMinorUnits(0.1 + 0.2)).toEqual({ ok: false, message: 'Has more than 2 decimal places' });
		expect(toMinorUnits('1.005')).toEqual({ ok: false, message: 'Has more than 2 decimal places' });
		expect(toMinorUnits('1.0050')).toEqual({ ok: false, message: 'Has more than 2 decimal places' });
		expect(toMinorUnits('1.000')).toEqual({ ok: true, value: 100 });
		expect(toMinorUnits('12,50')).toEqual({ ok: false, message: 'Expected a number like 9627.68, got "12,50"' });
		for (const bad of ['', '-', 'e5', '1.2.3', 'NaN', '0x10']) expect(toMinorUnits(bad).ok).toBe(false);
		expect(toMinorUnits(Infinity)).toEqual({ ok: false, message: 'Expected a finite number' });
		expect(toMinorUnits(null)).toEqual({ ok: false, message: 'Expected a number' });
		expect(toMinorUnits('90071992547409.92')).toEqual({ ok: false, message: 'Amount is too large' });
		expect(toMinorUnits('1e400')).toEqual({ ok: false, message: 'Amount is too large' });
	});

	it('supports other numbers of decimals (e.g. 3 for KWD, 0 for JPY)', () => {
		expect(toMinorUnits('1.234', 3)).toEqual({ ok: true, value: 1234 });
		expect(toMinorUnits(1500, 0)).toEqual({ ok: true, value: 1500 });
		expect(toMinorUnits(1500.5, 0).ok).toBe(false);
	});

	it('zod helpers: decimal → minor units, and whole minor units', () => {
		expect(minorUnitsFromDecimal().parse('9627.68')).toBe(962768);
		expect(minorUnitsFromDecimal().safeParse('abc').error?.issues[0].message).toBe('Expected a number like 9627.68, got "abc"');
		expect(minorUnitsInteger('öre').parse('962768')).toBe(962768);
		expect(minorUnitsInteger('öre').safeParse(9627.68).error?.issues[0].message).toBe('Must be a whole number of öre');
	});
});

describe('Montly order schema', () => {
	it('accepts the seed document example in öre and converts the same example given in SEK', () => {
		const attributes = {
			orderId: 'o', firstName: 'a', lastName: 'b', company: 'c', orgNumber: '559089-4308', email: 'uc@pokev.dk',
			phone: '1', itemsCount: 2, totalPrice: 962768, VAT: 24440, shipping: 12979, shippingVAT: 11146,
			customerIp: '2001:db8::1', currency: 'SEK', months: 24, billingAddress: 'x', billingCity: 'y',
			billingPostcode: 'z', monthlyPrice: 121042, tariff: 2.1,
		};
		const item = { name: 'no', productId: 'p', quantity: 2, totalPrice: 813726, VAT: 12345 };
		const body = { data: { type: 'order', attributes, relationships: { item: { data: [item] } } } };
		expect(orderCreateSchema('ore').parse(body)).toEqual(body);
		const inSek = {
			data: {
				...body.data,
				attributes: { ...attributes, totalPrice: 9627.68, VAT: '244.40', shipping: 129.79, shippingVAT: 111.46, monthlyPrice: 1210.42 },
				relationships: { item: { data: [{ ...item, totalPrice: 8137.26, VAT: 123.45 }] } },
			},
		};
		expect(orderCreateSchema('sek').parse(inSek)).toEqual(body);
	});
});

describe('Montly answers', () => {
	it('normalises both status shapes', () => {
		expect(normaliseStatus('1', { status: 'signed' })).toEqual({ orderId: '1', status: 'signed' });
		expect(normaliseStatus('1', { orderId: 'abc123', status: 'pending' })).toEqual({ orderId: 'abc123', status: 'pending' });
		const statuses = [
			{ code: 'SIGNED', setAt: '2017-10-05T10:00:00.000Z', message: null },
			{ code: 'ACCEPTED', setAt: '2017-10-04T13:55:16.000Z', message: null },
			{ code: 'DELIVERY_APPROVED', setAt: null, message: null },
		];
		expect(normaliseStatus('1', { statuses })).toEqual({ orderId: '1', status: 'signed', statuses });
		expect(normaliseStatus('1', { statuses: [{ code: 'DECLINED', setAt: null }] }).status).toBe('pending');
	});

	it('reads the documented, the staging and the plugin error bodies', () => {
		const r = (status: number, body: unknown) => describeError({ status, headers: {}, body });
		expect(r(400, { error: { code: 'InvalidOrder', message: 'Validation error', fields: [{ field: 'orgNumber', code: 'OrgNumberNotFound', message: 'xxxxxx-xxxx is not a registered organization number' }] } })).toEqual({
			message: 'InvalidOrder: Validation error (orgNumber: xxxxxx-xxxx is not a registered organization number)',
			description: 'orgNumber: xxxxxx-xxxx is not a registered organization number',
		});
		expect(r(400, { errors: [{ title: 'notNull Violation', detail: 'orderId cannot be null' }] })).toEqual({
			message: 'notNull Violation: orderId cannot be null',
			description: undefined,
		});
		expect(r(400, { errors: { message: 'Bad things' } }).message).toBe('Bad things');
		expect(r(403, { error: { code: 'OrderCantBeModified', message: 'Too late' } })).toEqual({
			message: 'OrderCantBeModified: Too late',
			description: 'An order can be cancelled only until the customer has signed it.',
		});
		expect(r(502, '<html>Bad gateway</html>').message).toBe('<html>Bad gateway</html>');
		expect(r(404, undefined).message).toBe('Not found');
	});
});
