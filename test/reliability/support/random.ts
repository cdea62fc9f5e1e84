import { env } from '../../support/builtins';

/**
 * A small seeded generator (mulberry32) for the property tests and the fault plans: the same
 * seed gives the same cases, so a failure can be replayed with ORDER_SYNC_SEED=<seed>.
 */
export class Random {
	private state: number;

	constructor(readonly seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	bool(p = 0.5): boolean {
		return this.next() < p;
	}

	pick<T>(values: readonly T[]): T {
		return values[Math.floor(this.next() * values.length)];
	}

	/** `length` characters from `alphabet` (an array, so that astral characters stay whole). */
	string(alphabet: readonly string[], min: number, max: number): string {
		let out = '';
		for (let n = this.int(min, max); n > 0; n--) out += this.pick(alphabet);
		return out;
	}
}

/** The seed of this run: ORDER_SYNC_SEED when given, else a fixed one, so CI is reproducible. */
export const SEED = Number(env.ORDER_SYNC_SEED ?? 20260601);

/** The fault-injection and property tests run at full size under jest.reliability.config.js. */
export const FULL = env.ORDER_SYNC_RELIABILITY === 'full';
