import { sleep } from 'n8n-workflow';

import { collectGarbage, cpuUsage, memoryUsage } from '../support/builtins';

/** Who did the work of a row: our node, or n8n's HTTP Request node configured as a user would. */
export type Runner = 'ours' | 'HTTP Request' | 'floor';

/** One measured run. */
export interface Figures {
	wallMs: number;
	/** User + system CPU of the whole process: n8n, the node and the in-process simulator. */
	cpuMs: number;
	/** The most resident memory seen during the run (sampled every 20 ms). */
	peakRssMb: number;
}

export interface BenchRow extends Figures {
	runner: Runner;
	/** Input items (orders) of the run, for the per-item column. */
	items: number;
	/** HTTP requests the simulator received, rate-limited and faulted ones included. */
	requests?: number;
	/** Of those, answered 429 by the simulator's rate limit. */
	rateLimited?: number;
	/** Records a read returned, and how many of them were distinct (Get Many). */
	records?: number;
	distinct?: number;
	note?: string;
}

/** `12.3×` faster (or a fraction when slower): how many times `baseline`'s wall time `row` is. */
export function speedup(row: BenchRow, baseline: BenchRow): number {
	return baseline.wallMs / Math.max(1, row.wallMs);
}

export const mark = (ok: boolean): string => (ok ? '✓' : '✗');

/** A benchmark: our node and, where it makes sense, the HTTP Request node doing the same job. */
export interface Comparison {
	name: string;
	/** The goal the issue sets, shown next to the figures; never enforced. */
	target?: string;
	rows: BenchRow[];
	/** How the figures compare with the target, one line each. */
	verdicts?: string[];
}

/** Wall time, CPU time and peak RSS of one run, after a garbage collection when the runner allows it. */
export async function measure<T>(run: () => Promise<T>): Promise<{ result: T; figures: Figures }> {
	collectGarbage();
	let peak = memoryUsage().rss;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			peak = Math.max(peak, memoryUsage().rss);
			await sleep(20);
		}
	})();
	const cpu0 = cpuUsage();
	const t0 = Date.now();
	let result: T;
	try {
		result = await run();
	} finally {
		sampling = false;
	}
	const wallMs = Date.now() - t0;
	const cpu = cpuUsage();
	peak = Math.max(peak, memoryUsage().rss);
	await sampler;
	return {
		result,
		figures: {
			wallMs,
			cpuMs: Math.round((cpu.user - cpu0.user + cpu.system - cpu0.system) / 1000),
			peakRssMb: Math.round(peak / 1048576),
		},
	};
}
