import { sleep } from 'n8n-workflow';

/**
 * At most `limit` requests in any window of `windowMs`, counted from the moment each request
 * finished. The server counts a request when it arrives, which is before it answers, so a slot
 * freed at answer + window can never let the server see more than `limit` in one of its windows
 * (fixed or sliding). One limiter lives for one node execution and is shared by all its requests.
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

	/** Waits for a free slot and takes it; call the returned function when the request is done. */
	async acquire(): Promise<() => void> {
		for (;;) {
			const now = this.now();
			this.prune(now);
			if (now >= this.blockedUntil && this.inFlight + this.finished.length < this.limit) break;
			const freeAt = Math.max(
				this.blockedUntil,
				this.finished.length && this.inFlight + this.finished.length >= this.limit
					? this.finished[0] + this.windowMs
					: now + 5,
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
