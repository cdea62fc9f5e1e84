import { sleep } from 'n8n-workflow';

import { BoundedMap, MAX_ACCOUNTS } from './accounts';

/**
 * How much of the account's reported remaining budget one process takes per answer: a quarter,
 * so that up to four processes that read the same figure at once still stay within it together.
 */
const SHARE_OF_REMAINING = 4;

/** What the provider last said about the account's budget, and what this process may use of it. */
interface AccountState {
	/** The most requests this process may hold in its window (in flight or finished). */
	allowance: number;
	/** The send (see `sent`) after which an answer may raise `allowance` again. */
	raisedAfter: number;
	at: number;
	/**
	 * The account showed budget left and has been quiet since: at this time, with nothing in flight,
	 * one request may go out to find out more (its answer may raise `allowance`).
	 */
	probeAt?: number;
	/** A 429 paused this process: what it held may have gone to others meanwhile; start afresh. */
	afterPause?: boolean;
	/** When the provider's window resets (`X-RateLimit-Reset`), if it said. */
	resetAt?: number;
}

/** The account is rate limited for longer than the caller may wait (see `acquire`). */
export class RateLimitWaitError extends Error {
	constructor(readonly waitMs: number) {
		super(`rate limited for another ${Math.ceil(waitMs / 1000)} s`);
		this.name = 'RateLimitWaitError';
	}
}

/** A header as a finite number, or undefined. */
function numberHeader(headers: Record<string, string>, name: string): number | undefined {
	const value = headers[name];
	if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
	return Number(value);
}

/**
 * At most `limit` requests in any window of `windowMs`, counted from the moment each request
 * finished. The server counts a request when it arrives, which is before it answers, so a slot
 * freed at answer + window can never let the server see more than `limit` in one of its windows
 * (fixed or sliding). One limiter serves one account in one n8n process (see `sharedLimiter`), so
 * that concurrent executions on that account share its limit instead of each sending at the full rate.
 *
 * Other n8n processes (queue-mode workers) have limiters of their own, and n8n gives nodes no state
 * shared between processes. The provider's answers are that shared state: every answer carries the
 * account's remaining budget (`X-RateLimit-Remaining`), counted over every process's requests.
 * `observe` reads it, and `acquire` then lets this process use the slots it already holds (the
 * ones it frees as they leave the window) plus a quarter of what the account has left; a 429 holds
 * every request until its `Retry-After`. With one process this changes nothing: the account's
 * remaining budget is this process's own.
 */
export class SlidingWindowLimiter {
	private readonly finished: number[] = [];
	private inFlight = 0;
	/** Set by a 429 or an exhausted quota header: nobody sends before this time. */
	private blockedUntil = 0;
	private account?: AccountState;
	/** When an answer last showed the account (nearly) spent by several clients, or a 429 came. */
	private spentAt = -Infinity;
	/** Since when every answer showed budget left (undefined: the last one showed none). */
	private clearSince?: number;
	/** Requests started so far: each one's number is its ticket for `observe`. */
	private sent = 0;
	private waiters: Array<() => void> = [];

	/**
	 * @param learns whether the provider reports the account's remaining budget on every answer:
	 * then, until the first answer, only one request goes out (it learns what the others left).
	 * A limiter also starts learning when the first such header arrives.
	 */
	constructor(
		readonly limit: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now,
		private learns = false,
	) {
		if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
	}

	private prune(now: number): void {
		while (this.finished.length && this.finished[0] + this.windowMs <= now) this.finished.shift();
	}

	/** Wakes every waiting `acquire` to look again. */
	private changed(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/** Sleeps `ms`, or less when something changes (a release, an answer, a pause). */
	private async wait(ms: number): Promise<void> {
		await Promise.race([sleep(Math.max(1, ms)), new Promise<void>((resolve) => this.waiters.push(resolve))]);
	}

	/**
	 * Whether the account's reported budget lets this process send one more, and when to look again
	 * if not (besides any answer, which wakes the waiters).
	 */
	private accountAllows(now: number, used: number): { ok: boolean; retryAt: number } {
		if (!this.learns) return { ok: true, retryAt: now };
		const account = this.account;
		if (account && used < account.allowance) return { ok: true, retryAt: now };
		if (account?.probeAt !== undefined && now >= account.probeAt && this.inFlight === 0) {
			return { ok: true, retryAt: now };
		}
		const stale =
			!account ||
			(account.resetAt !== undefined && now >= account.resetAt) ||
			(used === 0 && now - account.at >= this.windowMs);
		// Nothing known (or nothing valid any more): one request at a time finds out.
		if (stale && this.inFlight === 0) return { ok: true, retryAt: now };
		const candidates = [now + 1000];
		if (account?.resetAt !== undefined && account.resetAt > now) candidates.push(account.resetAt);
		if (account?.probeAt !== undefined && account.probeAt > now) candidates.push(account.probeAt);
		if (account && used === 0) candidates.push(account.at + this.windowMs);
		return { ok: false, retryAt: Math.min(...candidates) };
	}

	/**
	 * Waits for a free slot and takes it; call the returned function when the request is done.
	 * `limit` lowers the limit for this request only (an execution configured to send slower than
	 * the account allows), never raises it. When a 429 holds the account beyond `notAfter`, it
	 * throws `RateLimitWaitError` at once instead of waiting.
	 */
	async acquire(limit = this.limit, notAfter = Infinity): Promise<Release> {
		const cap = Math.max(1, Math.min(this.limit, Math.floor(limit)));
		for (;;) {
			const now = this.now();
			if (this.blockedUntil > notAfter) throw new RateLimitWaitError(this.blockedUntil - now);
			this.prune(now);
			const used = this.inFlight + this.finished.length;
			const account = this.accountAllows(now, used);
			if (now >= this.blockedUntil && used < cap && account.ok) break;
			// The slot that frees first is the (used - cap + 1)-th oldest finished request.
			const oldest = this.finished[Math.max(0, used - cap)];
			// Every release and every answer wakes the waiters too.
			let freeAt = now;
			if (used >= cap) freeAt = oldest !== undefined ? oldest + this.windowMs : now + 1000;
			if (!account.ok) {
				const ownFrees = this.finished.length ? this.finished[0] + this.windowMs : Infinity;
				freeAt = Math.max(freeAt, Math.min(account.retryAt, ownFrees));
			}
			freeAt = Math.max(this.blockedUntil, freeAt);
			await this.wait(Math.min(freeAt - now, 1000));
		}
		this.inFlight++;
		let released = false;
		// `counted` false: the provider refused the request (429) and did not count it, so it holds
		// no slot of this process's window.
		const release = (counted = true) => {
			if (released) return;
			released = true;
			this.inFlight--;
			if (counted) this.finished.push(this.now());
			this.changed();
		};
		return Object.assign(release, { ticket: ++this.sent });
	}

	/**
	 * Reads the account's budget from the answer to the request with `ticket` (from `acquire`),
	 * before that request is released: `X-RateLimit-Remaining`, `X-RateLimit-Limit` and, where
	 * sent, `X-RateLimit-Reset` (seconds until the reset, or the reset's Unix time).
	 *
	 * This process may then hold what it holds now plus a quarter of what the account has left,
	 * so that processes reading the same figure at once stay within it together. Only the answer to
	 * its latest request raises that (it counts all this process sent); any answer lowers it.
	 */
	observe(headers: Record<string, string>, ticket: number): void {
		const remaining = numberHeader(headers, 'x-ratelimit-remaining');
		if (remaining === undefined) return;
		const now = this.now();
		this.prune(now);
		const reset = numberHeader(headers, 'x-ratelimit-reset');
		const limit = numberHeader(headers, 'x-ratelimit-limit');
		const ownUsed = this.inFlight + this.finished.length;
		const left = Math.max(0, remaining - Math.max(0, this.inFlight - 1));
		// Every request the account counted was this process's own: the window's last slots are ours too.
		const alone = limit !== undefined && limit - remaining <= ownUsed;
		const allowance = ownUsed + Math.max(Math.floor(left / SHARE_OF_REMAINING), alone ? Math.min(left, 1) : 0);
		const previous = this.account;
		// A nearly spent account frees slots that their senders take back at once (they pace by their
		// own window): what an answer shows free just then is not free for us. Raise only once the
		// account has stayed clear of that for a moment, or when nobody else uses it.
		if (!alone && Math.floor(left / SHARE_OF_REMAINING) === 0) this.spentAt = now;
		// A first answer, or the first after the provider's reset, starts afresh. An answer after a
		// quiet window does not: the slots that freed meanwhile are their senders' again.
		const fresh = !previous || (previous.resetAt !== undefined && now >= previous.resetAt);
		if (this.spentAt === now) this.clearSince = undefined;
		else if (previous && now - previous.at >= this.windowMs) this.clearSince = now;
		else this.clearSince ??= now;
		const calm = alone || fresh || (this.clearSince !== undefined && now - this.clearSince >= this.windowMs / 20);
		const raises = calm && ticket === this.sent && (fresh || ticket > previous.raisedAfter);
		this.learns = true;
		this.account = {
			allowance: raises || !previous ? allowance : previous.afterPause ? ownUsed : Math.min(previous.allowance, allowance),
			raisedAfter: raises ? this.sent : (previous?.raisedAfter ?? 0),
			at: now,
			// Budget left, but not for long enough to raise: look again once it has been for a while.
			probeAt:
				!raises && this.clearSince !== undefined && Math.floor(left / SHARE_OF_REMAINING) >= 1
					? Math.max(this.clearSince, now) + this.windowMs / 20
					: undefined,
			resetAt: reset === undefined ? undefined : reset > 1e9 ? reset * 1000 : now + reset * 1000,
		};
		this.changed();
	}

	/** The server told us to wait (Retry-After): hold every request until then. */
	pauseFor(ms: number): void {
		this.spentAt = this.now();
		this.clearSince = undefined;
		this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
		// Others may take what this process held while it waits: afterwards, one request finds out.
		if (this.account) Object.assign(this.account, { allowance: 0, probeAt: this.blockedUntil, afterPause: true });
		this.changed();
	}
}

/**
 * Releases a slot taken by `acquire` (`counted` false when the provider refused the request with
 * 429); its `ticket` identifies the request to `observe`.
 */
export type Release = ((counted?: boolean) => void) & { ticket: number };

const limiters = new BoundedMap<SlidingWindowLimiter>(MAX_ACCOUNTS);

/**
 * The limiter of one account in this process, created on first use: every execution that sends
 * to the account through it shares one `limit` per `windowMs`. `key` comes from `accountKey`;
 * `learns` says that the provider reports the account's remaining budget on every answer.
 */
export function sharedLimiter(key: string, limit: number, windowMs: number, learns = false): SlidingWindowLimiter {
	const id = `${key}\n${limit}\n${windowMs}`;
	return limiters.getOrCreate(id, () => new SlidingWindowLimiter(limit, windowMs, Date.now, learns));
}
