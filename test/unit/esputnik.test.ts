import { DateTime } from 'luxon';

import { parseDate, utcSeconds, withOffset } from '../../nodes/Esputnik/dates';
import { orderSchema, timeRangeSchema, totalCostProblem } from '../../nodes/Esputnik/schemas';
import { mapStatus } from '../../nodes/Esputnik/statuses';
import { describeError, readFailedOrders } from '../../nodes/Esputnik/transport';

describe('eSputnik dates', () => {
	it.each([
		['2024-05-01T10:00:00+02:00', 'Europe/Kyiv', '2024-05-01T10:00:00+02:00'],
		['2024-05-01T10:00:00Z', 'Europe/Kyiv', '2024-05-01T10:00:00Z'],
		['2024-05-01T10:00:00+0200', 'UTC', '2024-05-01T10:00:00+02:00'],
		['2024-05-01T10:00:00', 'Europe/Kyiv', '2024-05-01T10:00:00+03:00'],
		['2024-12-01T10:00', 'Europe/Kyiv', '2024-12-01T10:00:00+02:00'],
		['2024-05-01 10:00:00', 'UTC', '2024-05-01T10:00:00+00:00'],
		['2024-05-01', 'Asia/Kolkata', '2024-05-01T00:00:00+05:30'],
		['2024-05-01T10:00:00.5', 'UTC', '2024-05-01T10:00:00.500+00:00'],
	])('%s in %s → %s', (input, zone, expected) => {
		expect(withOffset(input, zone)).toBe(expected);
	});

	it('takes Date objects and luxon-like objects, and rejects everything else', () => {
		expect(withOffset(new Date('2024-05-01T10:00:00Z'), 'UTC')).toBe('2024-05-01T10:00:00.000Z');
		expect(withOffset({ toISO: () => '2024-05-01T10:00:00.000+02:00' }, 'UTC')).toBe('2024-05-01T10:00:00.000+02:00');
		for (const bad of ['', 'tomorrow', '2024-13-01T10:00:00Z', '2024-02-30', '01/05/2024', 1714557600000, null, new Date('x')]) {
			expect(withOffset(bad, 'UTC')).toBeUndefined();
		}
	});
});

describe('eSputnik dates agree with luxon', () => {
	// A seeded walk over 1970–2069 (offsets of whole minutes) in zones with half-hour, negative and changing offsets.
	const zones = ['UTC', 'Europe/Kyiv', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
	let seed = 42;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');

	it('gives the same instant and offset for 4,000 wall-clock times without an offset', () => {
		let compared = 0;
		for (let i = 0; i < 4000; i++) {
			const zone = zones[i % zones.length];
			const text =
				`${1970 + Math.floor(next() * 100)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}` +
				`T${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 60))}:${pad(Math.floor(next() * 60))}`;
			const expected = DateTime.fromISO(text, { zone });
			// Luxon resolves a time repeated or skipped by a change of offset from the offset of *now*;
			// those hours are compared in the test below instead.
			const before = expected.minus({ hours: 3 }).offset;
			const after = expected.plus({ hours: 3 }).offset;
			if (before !== after) continue;
			const parsed = parseDate(text, zone)!;
			expect([text, zone, parsed.utc, parsed.offset]).toEqual([text, zone, expected.toMillis(), expected.offset]);
			expect(withOffset(text, zone)).toBe(expected.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
			compared++;
		}
		expect(compared).toBeGreaterThan(3500);
	});

	it('moves a skipped time forward and gives a repeated time the same offset every run', () => {
		// Europe/Amsterdam: 2024-03-31 02:00 → 03:00 (skipped), 2024-10-27 03:00 → 02:00 (repeated).
		expect(withOffset('2024-03-31T02:30:00', 'Europe/Amsterdam')).toBe('2024-03-31T03:30:00+02:00');
		expect(withOffset('2024-10-27T02:30:00', 'Europe/Amsterdam')).toBe('2024-10-27T02:30:00+01:00');
		expect(withOffset('2024-10-27T01:59:59', 'Europe/Amsterdam')).toBe('2024-10-27T01:59:59+02:00');
		expect(withOffset('2024-10-27T03:00:00', 'Europe/Amsterdam')).toBe('2024-10-27T03:00:00+01:00');
	});

	it('reads offsets, fractions and UTC seconds exactly', () => {
		expect(parseDate('2024-05-01T10:00:00-0330', 'UTC')).toMatchObject({ utc: Date.UTC(2024, 4, 1, 13, 30), offset: -210 });
		expect(withOffset('2024-05-01T10:00:00-0330', 'UTC')).toBe('2024-05-01T10:00:00-03:30');
		expect(withOffset('2024-05-01T10:00:00,123456+05', 'UTC')).toBe('2024-05-01T10:00:00.123+05:00');
		expect(utcSeconds(parseDate('2024-05-01T00:30:00+02:00', 'UTC')!)).toBe('2024-04-30T22:30:00');
		expect(parseDate('2024-02-29', 'UTC')).toBeDefined();
		expect(parseDate('2023-02-29', 'UTC')).toBeUndefined();
		expect(parseDate('2024-05-01T24:00:00', 'UTC')).toBeUndefined();
		expect(parseDate('2024-05-01T10:00:00+24:00', 'UTC')).toBeUndefined();
		expect(parseDate('2024-05-01T10:00:00', 'Not/AZone')).toBeUndefined();
	});
});

describe('eSputnik status mapping', () => {
	it('keeps the five statuses under every mapping, in any letter case', () => {
		for (const mapping of ['none', 'shopify', 'wooCommerce'] as const) {
			expect(mapStatus(' delivered ', mapping)).toBe('DELIVERED');
			expect(mapStatus('abandoned_shopping_cart', mapping)).toBe('ABANDONED_SHOPPING_CART');
		}
	});

	it('leaves other values for validation when there is no mapping', () => {
		expect(mapStatus('completed', 'none')).toBe('completed');
		expect(mapStatus(undefined, 'none')).toBeUndefined();
	});

	it('treats an empty Shopify status as unfulfilled and an empty WooCommerce status as missing', () => {
		expect(mapStatus(null, 'shopify')).toBe('INITIALIZED');
		expect(mapStatus('', 'shopify')).toBe('INITIALIZED');
		expect(mapStatus('', 'wooCommerce')).toBe('');
		expect(mapStatus(undefined, 'wooCommerce')).toBeUndefined();
	});

	it('reads Shopify REST and GraphQL spellings and WooCommerce post statuses', () => {
		expect(mapStatus('Partially fulfilled', 'shopify')).toBe('IN_PROGRESS');
		expect(mapStatus('PENDING-FULFILLMENT', 'shopify')).toBe('IN_PROGRESS');
		expect(mapStatus('restocked', 'shopify')).toBe('INITIALIZED');
		expect(mapStatus('wc-completed', 'wooCommerce')).toBe('DELIVERED');
		expect(mapStatus('On-Hold', 'wooCommerce')).toBe('IN_PROGRESS');
	});
});

describe('eSputnik total cost check', () => {
	const items = [
		{ cost: 10, quantity: 2 },
		{ cost: 5, quantity: 1 },
	];

	it('accepts unit costs or line totals, shipping, discount and optional taxes, to the cent', () => {
		expect(totalCostProblem({ totalCost: 15, items })).toBeUndefined();
		expect(totalCostProblem({ totalCost: 25, items })).toBeUndefined();
		expect(totalCostProblem({ totalCost: 27, shipping: 4, discount: 2, items })).toBeUndefined();
		expect(totalCostProblem({ totalCost: 30, shipping: 4, discount: 2, taxes: 3, items })).toBeUndefined();
		expect(totalCostProblem({ totalCost: 0.3, items: [{ cost: 0.1, quantity: 3 }] })).toBeUndefined();
		expect(totalCostProblem({ totalCost: 99 })).toBeUndefined();
	});

	it('says what the amounts add up to when they do not', () => {
		expect(totalCostProblem({ totalCost: 26, shipping: 4, discount: 2, items })).toBe(
			'Item costs 15.00 (25.00 counting quantities) + shipping 4.00 − discount 2.00 do not add up to 26.00. Correct the amounts, or turn off Options → Check Total Cost',
		);
		expect(totalCostProblem({ totalCost: 15.01, items: [{ cost: 15, quantity: 1 }] })).toMatch(/^Item costs 15.00 \+ shipping/);
	});
});

describe('eSputnik order schema', () => {
	const schema = orderSchema({ timezone: 'Europe/Kyiv', checkTotalCost: true });
	const base = {
		externalOrderId: 7,
		status: 'DELIVERED',
		date: '2024-05-01T10:00:00',
		totalCost: '30.50',
		currency: 'uah',
		phone: '+38 (094) 258-36-91',
		email: null,
		items: [{ externalItemId: 1, name: 'Mug', quantity: '1', cost: '30.50', url: '' }],
		customField: { kept: true },
	};

	it('normalises what it accepts and keeps undocumented fields', () => {
		expect(schema.parse(base)).toEqual({
			externalOrderId: '7',
			status: 'DELIVERED',
			date: '2024-05-01T10:00:00+03:00',
			totalCost: 30.5,
			currency: 'UAH',
			phone: '380942583691',
			items: [{ externalItemId: '1', name: 'Mug', quantity: 1, cost: 30.5 }],
			customField: { kept: true },
		});
	});

	it('reports every problem with its path', () => {
		const result = schema.safeParse({ ...base, externalOrderId: ' ', currency: 'US', items: [{ name: 'x' }] });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'externalOrderId: Required',
			'currency: Expected a three-letter ISO 4217 code, e.g. USD',
			'items.0.externalItemId: Required',
			'items.0.quantity: Required',
			'items.0.cost: Required',
		]);
	});
});

describe('eSputnik delete time range', () => {
	const schema = timeRangeSchema('Europe/Kyiv');

	it('converts to UTC without fractions and allows exactly 24 hours', () => {
		expect(schema.parse({ from: '2024-05-01T00:00:00.900', to: '2024-05-02T00:00:00' })).toEqual({
			from: '2024-04-30T21:00:00',
			to: '2024-05-01T21:00:00',
		});
	});

	it('rejects an empty window', () => {
		const result = schema.safeParse({ from: '2024-05-01T00:00:00Z', to: '2024-05-01T00:00:00Z' });
		expect(result.error?.issues[0]).toMatchObject({ path: ['to'], message: expect.stringMatching(/^must be after From/) });
	});
});

describe('eSputnik responses', () => {
	it('reads failedOrders as an array, a single entry or a map', () => {
		expect(readFailedOrders({ failedOrders: [{ externalOrderId: 5, message: 'Blocked' }, { orderId: 'a', error: 'Bad' }, 'plain'] })).toEqual([
			{ externalOrderId: '5', reason: 'Blocked' },
			{ externalOrderId: 'a', reason: 'Bad' },
			{ reason: 'plain' },
		]);
		expect(readFailedOrders({ failedOrders: { externalOrderId: 'x', status: 'REJECTED' } })).toEqual([{ externalOrderId: 'x', reason: 'REJECTED' }]);
		expect(readFailedOrders({ failedOrders: { x: 'Bad date', y: { message: 'Bad sum' } } })).toEqual([
			{ externalOrderId: 'x', reason: 'Bad date' },
			{ externalOrderId: 'y', reason: 'Bad sum' },
		]);
		expect(readFailedOrders({ failedOrders: [{ code: 3 }] })).toEqual([{ reason: '{"code":3}' }]);
		expect(readFailedOrders({ failedOrders: {} })).toEqual([]);
		expect(readFailedOrders({ failedOrders: [] })).toEqual([]);
		expect(readFailedOrders(undefined)).toEqual([]);
		expect(readFailedOrders('OK')).toEqual([]);
	});

	it('shows plain-text and JSON error bodies as text', () => {
		expect(describeError({ status: 400, headers: {}, body: 'Invalid "date"' }).message).toBe('Invalid "date"');
		expect(describeError({ status: 400, headers: {}, body: { message: 'Bad order' } }).message).toBe('Bad order');
		expect(describeError({ status: 400, headers: {}, body: { errors: [1] } }).message).toBe('{"errors":[1]}');
		expect(describeError({ status: 401, headers: {}, body: undefined })).toEqual({
			message: 'Unauthorized',
			description: expect.stringMatching(/^Check the API key/),
		});
	});
});
