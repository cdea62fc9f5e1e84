import { invitation, isGtin13, orderCreate } from '../../nodes/FeedbackCompany/schemas';

describe('isGtin13', () => {
	it('accepts a valid check digit and rejects every other digit in its place', () => {
		expect(isGtin13('8710103974833')).toBe(true);
		expect(isGtin13('4006381333931')).toBe(true);
		for (let d = 0; d <= 9; d++) if (d !== 3) expect(isGtin13(`871010397483${d}`)).toBe(false);
	});

	it('rejects the check digit of the documented example (0075678164124; 5 is correct)', () => {
		expect(isGtin13('0075678164124')).toBe(false);
		expect(isGtin13('0075678164125')).toBe(true);
	});

	it('rejects wrong lengths and non-digits', () => {
		for (const bad of ['', '075678164125', '00756781641250', '007567816412a', ' 0075678164125']) expect(isGtin13(bad)).toBe(false);
	});
});

describe('invitation timing', () => {
	const check = (delay: object, reminder?: object) => invitation.safeParse(reminder ? { delay, reminder } : { delay });

	it('the reminder must be at least 24 hours (1440 minutes) after the invitation, in any unit', () => {
		expect(check({ unit: 'hours', amount: 1 }, { unit: 'hours', amount: 25 }).success).toBe(true);
		expect(check({ unit: 'hours', amount: 1 }, { unit: 'hours', amount: 24 }).success).toBe(false);
		expect(check({ unit: 'minutes', amount: 0 }, { unit: 'days', amount: 1 }).success).toBe(true);
		expect(check({ unit: 'minutes', amount: 1 }, { unit: 'days', amount: 1 }).success).toBe(false);
		expect(check({ unit: 'days', amount: 7 }, { unit: 'hours', amount: 192 }).success).toBe(true);
		expect(check({ unit: 'weekdays', amount: 3 }, { unit: 'weekdays', amount: 4 }).success).toBe(true);
		expect(check({ unit: 'weekdays', amount: 3 }, { unit: 'weekdays', amount: 3 }).success).toBe(false);
	});

	it('weekdays for both or neither', () => {
		expect(check({ unit: 'weekdays', amount: 1 }, { unit: 'days', amount: 10 }).success).toBe(false);
		expect(check({ unit: 'hours', amount: 1 }, { unit: 'weekdays', amount: 10 }).success).toBe(false);
		expect(check({ unit: 'weekdays', amount: 1 }).success).toBe(true);
	});

	it('no reminder (absent or null) yields no reminder key at all', () => {
		expect(check({ unit: 'days', amount: 0 })).toEqual({ success: true, data: { delay: { unit: 'days', amount: 0 } } });
		const parsed = invitation.parse({ delay: { unit: 'days', amount: 0 }, reminder: null });
		expect(Object.keys(parsed)).toEqual(['delay']);
	});

	it('reads numeric strings from expressions as whole numbers', () => {
		expect(invitation.parse({ delay: { unit: 'days', amount: '2' }, reminder: { unit: 'days', amount: '9' } })).toEqual({
			delay: { unit: 'days', amount: 2 },
			reminder: { unit: 'days', amount: 9 },
		});
	});
});

describe('orderCreate', () => {
	it('trims, keeps unknown top-level fields and turns a numeric external_id into a string', () => {
		expect(orderCreate.parse({ external_id: 1001, customer: { email: ' a@example.com ' }, platform_note: 'x' })).toEqual({
			external_id: '1001',
			customer: { email: 'a@example.com' },
			platform_note: 'x',
		});
	});

	it('limits are inclusive: 250 characters and 2000-character URLs pass', () => {
		const url = `https://e.example.com/${'u'.repeat(2000 - 22)}`;
		expect(url).toHaveLength(2000);
		const result = orderCreate.safeParse({
			external_id: 'x'.repeat(250),
			customer: { email: 'a@example.com', fullname: 'f'.repeat(250) },
			products: [{ external_id: 'p', name: 'n'.repeat(250), url, image_url: url }],
			filtercode: 'c'.repeat(250),
		});
		expect(result.success).toBe(true);
	});
});
