import type { SimRequest, Simulator } from '../../simulators/base';
import type { Random } from './random';

/** What the server does with one request. "after" kinds let the provider store the record first. */
export type Kind =
	| 'ok'
	| '5xx'
	| '5xx after write'
	| '429'
	| 'reset'
	| 'reset after write'
	| 'stall then write'
	| 'stall then drop';

export interface ChaosRates {
	/** Share of requests answered 503 before the record was written, or 500 after it was. */
	serverErrors: number;
	/** Chance that a request starts a burst of `burst` consecutive 429s with `Retry-After: 1`. */
	burstStart: number;
	burst: number;
	/** Share of connections reset, half after the record was written. */
	resets: number;
	/** Share of requests held longer than the client's timeout, half then written, half dropped. */
	stalls: number;
	stallMs: number;
}

export const DEFAULT_RATES: ChaosRates = {
	serverErrors: 0.2,
	burstStart: 0.004,
	burst: 2,
	resets: 0.02,
	stalls: 0.004,
	stallMs: 1500,
};

/**
 * Puts a seeded fault plan in front of a simulator: each request that `applies` gets one kind,
 * drawn once when it arrives. Returns the tally of what was done.
 */
export function injectChaos(
	sim: Simulator,
	random: Random,
	rates: ChaosRates = DEFAULT_RATES,
	applies: (req: SimRequest) => boolean = () => true,
): Record<Kind, number> {
	const tally: Record<Kind, number> = {
		ok: 0,
		'5xx': 0,
		'5xx after write': 0,
		'429': 0,
		reset: 0,
		'reset after write': 0,
		'stall then write': 0,
		'stall then drop': 0,
	};
	const decided = new WeakMap<SimRequest, Kind>();
	let burstLeft = 0;
	// Every kind happens at least once, early, whatever the draw: requests 2 to 8 get one each.
	const opening: Kind[] = ['5xx', '5xx after write', '429', 'reset', 'reset after write', 'stall then write', 'stall then drop'];
	let applicable = 0;
	const decide = (req: SimRequest): Kind => {
		let kind = decided.get(req);
		if (kind) return kind;
		if (!applies(req)) kind = 'ok';
		else if (++applicable >= 2 && applicable < 2 + opening.length) kind = opening[applicable - 2];
		else if (burstLeft > 0 || random.bool(rates.burstStart)) {
			burstLeft = (burstLeft > 0 ? burstLeft : rates.burst) - 1;
			kind = '429';
		} else {
			const r = random.next();
			const s = rates.serverErrors;
			const c = s + rates.resets;
			const t = c + rates.stalls;
			if (r < s / 2) kind = '5xx';
			else if (r < s) kind = '5xx after write';
			else if (r < s + rates.resets / 2) kind = 'reset';
			else if (r < c) kind = 'reset after write';
			else if (r < c + rates.stalls / 2) kind = 'stall then write';
			else if (r < t) kind = 'stall then drop';
			else kind = 'ok';
		}
		decided.set(req, kind);
		tally[kind]++;
		return kind;
	};
	const is = (kind: Kind) => (req: SimRequest) => decide(req) === kind;
	const forever = Number.MAX_SAFE_INTEGER;
	const serverError = { message: 'Server Error' };
	sim.inject({ times: forever, match: is('429'), status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '1' } });
	sim.inject({ times: forever, match: is('5xx'), status: 503, body: serverError });
	sim.inject({ times: forever, match: is('5xx after write'), afterHandler: true, status: 500, body: serverError });
	sim.inject({ times: forever, match: is('reset'), reset: true });
	sim.inject({ times: forever, match: is('reset after write'), afterHandler: true, reset: true });
	sim.inject({ times: forever, match: is('stall then write'), delayMs: rates.stallMs });
	sim.inject({ times: forever, match: is('stall then drop'), delayMs: rates.stallMs, reset: true });
	return tally;
}
