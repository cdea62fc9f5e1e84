import { cpuUsage, memoryUsage } from '../support/builtins';

export interface BenchRow {
	name: string;
	wallMs: number;
	cpuMs: number;
	peakRssMb: number;
	requests?: number;
	rateLimited?: number;
	note?: string;
}

/** Wall time, CPU time and peak RSS (sampled every 20 ms) of one run. */
export async function measure<T>(run: () => Promise<T>): Promise<{ result: T; figures: Omit<BenchRow, 'name'> }> {
	let peak = memoryUsage().rss;
	let sampling = true;
	const sampler = (async () => {
		const { sleep } = await import('n8n-workflow');
		while (sampling) {
			peak = Math.max(peak, memoryUsage().rss);
			await sleep(20);
		}
	})();
	const cpu0 = cpuUsage();
	const t0 = Date.now();
	const result = await run();
	const wallMs = Date.now() - t0;
	const cpu = cpuUsage();
	sampling = false;
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
