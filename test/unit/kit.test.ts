import { sleep } from 'n8n-workflow';

import { mapConcurrent } from '../../nodes/shared/http/concurrency';
import { backoffMs, DEFAULT_RETRY, messageFromBody, retryAfterMs } from '../../nodes/shared/http/client';
import { parseBody, parseJsonKeepingBigInts, stringifyIds } from '../../nodes/shared/http/json';
import { RateLimitWaitError, SlidingWindowLimiter } from '../../nodes/shared/http/limiter';
import { fetchPages } from '../../nodes/shared/http/pagination';
import { Redactor } from '../../nodes/shared/http/redact';

describe('parseJsonKeepingBigInts', () => {
	it('keeps integers beyond 2^53 exact as strings and leaves the rest alone', () => {
		const text = '{"data":[{"id":46919150796276752,"price":12.5,"n":9007199254740991,"s":"46919150796276752 in text \\" 12345678901234567","neg":-46919150796276753,"e":1e21}]}';
		expect(JSON.parse(text).data[0].id).toBe(46919150796276750);
		expect(parseJsonKeepingBigInts(text)).toEqual({
			data: [{ id: '46919150796276752', price: 12.5, n: 9007199254740991, s: '46919150796276752 in text " 12345678901234567', neg: '-46919150796276753', e: 1e21 }],
		});
	});

	it('parseBody returns text for non-JSON and undefined for empty bodies', () => {
		expect(parseBody('Invalid order date')).toBe('Invalid order date');
		expect(parseBody('   ')).toBeUndefined();
		expect(parseBody('{"a":1}')).toEqual({ a: 1 });
	});

	it('stringifyIds turns id and *_id numbers into strings only', () => {
		expect(stringifyIds({ id: 5, shop: { group_id: 7, total: 3 }, items: [{ id: 1, price: 2 }] })).toEqual({
			id: '5',
			shop: { group_id: '7', total: 3 },
			items: [{ id: '1', price: 2 }],
		});
	});
});

describe('retry timing', () => {
	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(5000);
		expect(retryAfterMs({})).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
	});

	it('backs off exponentially with jitter, within bounds', () => {
		for (let attempt = 1; attempt <= 10; attempt++) {
			const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (attempt - 1));
			expect(backoffMs(attempt, DEFAULT_RETRY, () => 0)).toBe(ceiling / 2);
			expect(backoffMs(attempt, DEFAULT_RETRY, () => 0.999999)).toBeLessThanOrEqual(ceiling);
		}
	});

	it('messageFromBody never returns [object Object]', () => {
		expect(messageFromBody({ error: { message: 'nested' } }, 'x')).toBe('nested');
		expect(messageFromBody({ errors: [1] }, 'x')).toBe('{"errors":[1]}');
		expect(messageFromBody('plain text', 'x')).toBe('plain text');
		expect(messageFromBody(undefined, 'fallback')).toBe('fallback');
	});
});

describe('SlidingWindowLimiter', () => {
	it('never lets more than `limit` requests start within one window', async () => {
		const limiter = new SlidingWindowLimiter(3, 300);
		const starts: number[] = [];
		await mapConcurrent(Array.from({ length: 9 }), 9, async () => {
			const release = await limiter.acquire();
			starts.push(Date.now());
			release();
		});
		starts.sort((a, b) => a - b);
		for (let i = 3; i < starts.length; i++) expect(starts[i] - starts[i - 3]).toBeGreaterThanOrEqual(300);
		expect(starts[8] - starts[0]).toBeGreaterThanOrEqual(600);
	});

	it('three processes on one account share it through the reported remaining budget', async () => {
		// The account: `limit` arrivals per sliding window, its remaining budget on every answer.
		const limit = 20;
		const windowMs = 1000;
		const arrivals: number[] = [];
		let refused = 0;
		const server = async (): Promise<Record<string, string>> => {
			await sleep(2);
			const now = Date.now();
			while (arrivals.length && arrivals[0] + windowMs <= now) arrivals.shift();
			if (arrivals.length >= limit) {
				refused++;
				return { 'retry-after': '1', 'x-ratelimit-remaining': '0' };
			}
			arrivals.push(now);
			await sleep(3);
			return { 'x-ratelimit-remaining': String(limit - arrivals.length) };
		};
		const processes = [0, 1, 2].map(() => new SlidingWindowLimiter(limit, windowMs, Date.now, true));
		const started = Date.now();
		let done = 0;
		await Promise.all(
			processes.flatMap((limiter) =>
				Array.from({ length: 20 }, async () => {
					for (;;) {
						const release = await limiter.acquire();
						const headers = await server();
						limiter.observe(headers, release.ticket);
						release();
						if (headers['retry-after'] === undefined) break;
						limiter.pauseFor(1000);
					}
					done++;
				}),
			),
		);
		expect(done).toBe(60);
		// 60 requests at 20 a second: the last can go after 2 s; each refusal costs a request.
		expect(refused).toBeLessThanOrEqual(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(Date.now() - started).toBeLessThan(3500);
	});

	it('with one process, follows the reported budget without a single refusal', async () => {
		const limiter = new SlidingWindowLimiter(10, 500, Date.now, true);
		let remaining = 10;
		const t0 = Date.now();
		await Promise.all(
			Array.from({ length: 10 }, async () => {
				const release = await limiter.acquire();
				if (remaining <= 0) throw new Error('sent beyond the budget');
				remaining--;
				await sleep(5);
				limiter.observe({ 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': String(remaining) }, release.ticket);
				release();
			}),
		);
		// The whole budget within the window, without waiting for it to free.
		expect(Date.now() - t0).toBeLessThan(400);
		// Now the account is spent: the next request waits for this process's own slot to free.
		const t = Date.now();
		(await limiter.acquire())();
		expect(Date.now() - t).toBeGreaterThanOrEqual(400);
	});

	it('a request the provider refused (429) takes no slot of the window', async () => {
		const limiter = new SlidingWindowLimiter(1, 10_000);
		(await limiter.acquire())(false);
		const t = Date.now();
		(await limiter.acquire())();
		expect(Date.now() - t).toBeLessThan(1000); // not the 10 s of the window
	});

	it('after a 429, one request goes first and its answer sets what the process may send', async () => {
		const limiter = new SlidingWindowLimiter(100, 60_000, Date.now, true);
		const first = await limiter.acquire();
		limiter.observe({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' }, first.ticket);
		first(false);
		limiter.pauseFor(100);
		const order: string[] = [];
		await Promise.all(
			[0, 1, 2].map(async (n) => {
				const release = await limiter.acquire();
				order.push(`send ${n}`);
				await sleep(20);
				limiter.observe({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '98' }, release.ticket);
				order.push(`answer ${n}`);
				release();
			}),
		);
		expect(order.slice(0, 2)).toEqual(['send 0', 'answer 0']);
	});

	it('holds everyone after pauseFor', async () => {
		const limiter = new SlidingWindowLimiter(100, 1000);
		limiter.pauseFor(200);
		const t = Date.now();
		(await limiter.acquire())();
		expect(Date.now() - t).toBeGreaterThanOrEqual(190);
	});

	it('refuses at once a wait beyond the caller\'s patience', async () => {
		const limiter = new SlidingWindowLimiter(100, 1000);
		limiter.pauseFor(60_000);
		const t = Date.now();
		await expect(limiter.acquire(100, Date.now() + 1000)).rejects.toThrow(RateLimitWaitError);
		expect(Date.now() - t).toBeLessThan(1000); // not the 60 s of the pause
	});
});

describe('mapConcurrent', () => {
	it('keeps input order and bounds concurrency', async () => {
		let running = 0;
		let peak = 0;
		const out = await mapConcurrent([50, 10, 30, 5, 20], 2, async (ms, i) => {
			running++;
			peak = Math.max(peak, running);
			await sleep(ms);
			running--;
			return i;
		});
		expect(out).toEqual([0, 1, 2, 3, 4]);
		expect(peak).toBe(2);
	});

	it('throws the first error in input order and starts nothing after it', async () => {
		const started: number[] = [];
		await expect(
			mapConcurrent([0, 1, 2, 3, 4], 1, async (_, i) => {
				started.push(i);
				if (i === 1) throw new Error('one');
				return i;
			}),
		).rejects.toThrow('one');
		expect(started).toEqual([0, 1]);
	});
});

describe('fetchPages', () => {
	const data = Array.from({ length: 23 }, (_, i) => ({ id: String(i) }));
	const pager = (requested: number[]) => async (page: number, size: number) => {
		requested.push(page);
		const records = data.slice((page - 1) * size, page * size);
		const lastPage = Math.ceil(data.length / size);
		return { records, lastPage, hasNext: page < lastPage };
	};

	it('fetches every page exactly once for Return All', async () => {
		const requested: number[] = [];
		const out = await fetchPages(pager(requested), { returnAll: true, pageSize: 5 });
		expect(out).toEqual(data);
		expect(requested.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
	});

	it('stops at the limit', async () => {
		const requested: number[] = [];
		expect(await fetchPages(pager(requested), { returnAll: false, limit: 7, pageSize: 5 })).toEqual(data.slice(0, 7));
		expect(requested.sort()).toEqual([1, 2]);
	});

	it('drops a record repeated across pages when ids are known', async () => {
		const shifted = async (page: number) => ({
			records: page === 1 ? [{ id: 'a' }, { id: 'b' }] : [{ id: 'b' }, { id: 'c' }],
			lastPage: 2,
			hasNext: page < 2,
		});
		expect(await fetchPages(shifted, { returnAll: true, pageSize: 2, idOf: (r) => r.id as string })).toEqual([
			{ id: 'a' },
			{ id: 'b' },
			{ id: 'c' },
		]);
	});
});

describe('Redactor', () => {
	it('removes secrets as given and URL-encoded, deep', () => {
		const r = new Redactor(['s3cr/t+key', undefined, 'ab']);
		expect(r.text('GET /x?api_key=s3cr%2Ft%2Bkey failed for s3cr/t+key')).toBe('GET /x?api_key=[redacted] failed for [redacted]');
		expect(r.value({ a: ['s3cr/t+key'], ab: 'ab' })).toEqual({ a: ['[redacted]'], ab: 'ab' });
	});
});
