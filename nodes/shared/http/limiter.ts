import { sleep } from 'n8n-workflow';

import { BoundedMap, MAX_ACCOUNTS } from './accounts';

/**
 * At most `limit` requests in any window of `windowMs`, counted from the moment each request
 * finished. The server counts a request when it arrives, which is before it answers, so a slot
 * freed at answer + window can never let the server see more than `limit` in one of its windows
 * (fixed or sliding). One limiter serves one account in one n8n process (see `sharedLimiter`), so
 * that concurrent executions on that account share its limit instead of each sending at the full rate.
 */
export class SlidingWindowLimiter {
	private readonly finished: number[] = [];
	private inFlight = 0;
	/** Set by a 429 or an exhausted quota header: nobody sends before this time. */
	private blockedUntil = 0;

	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {
		if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
	}

	private prune(now: number): void {
		while (this.finished.length && this.finished[0] + this.windowMs <= now) this.finished.shift();
	}

	/**
	 * Waits for a free slot and takes it; call the returned function when the request is done.
	 * `limit` lowers the limit for this request only (an execution configured to send slower than
	 * the account allows), never raises it.
	 */
	async acquire(limit = this.limit): Promise<() => void> {
		const cap = Math.max(1, Math.min(this.limit, Math.floor(limit)));
		for (;;) {
			const now = this.now();
			this.prune(now);
			const used = this.inFlight + this.finished.length;
			if (now >= this.blockedUntil && used < cap) break;
			// The slot that frees first is the (used - cap + 1)-th oldest finished request.
			const oldest = this.finished[Math.max(0, used - cap)];
			const freeAt = Math.max(
				this.blockedUntil,
				used >= cap && oldest !== undefined ? oldest + this.windowMs : now + 5,
			);
			await sleep(Math.max(1, Math.min(freeAt - now, 1000)));
		}
		this.inFlight++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.inFlight--;
			this.finished.push(this.now());
		};
	}

	/** The server told us to wait (Retry-After): hold every request until then. */
	pauseFor(ms: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
	}
}

const limiters = new BoundedMap<SlidingWindowLimiter>(MAX_ACCOUNTS);

/**
 * The limiter of one account in this process, created on first use: every execution that sends
 * to the account through it shares one `limit` per `windowMs`. `key` comes from `accountKey`.
 */
export function sharedLimiter(key: string, limit: number, windowMs: number): SlidingWindowLimiter {
	const id = `${key}\n${limit}\n${windowMs}`;
	return limiters.getOrCreate(id, () => new SlidingWindowLimiter(limit, windowMs));
}
