/*
 * `npm start` on a fresh machine installs n8n for minutes (issue 22.7): scripts/lib/runtime.js
 * reports what it installs and how far it is, a line at least every 10 s. Checked with jest's fake
 * clock (Date.now and timers), on real folders laid out as npm leaves them.
 */
import { sleep } from 'n8n-workflow';

import { fs, os, path } from '../support/builtins';

import {
	cached,
	countRegistryFetches,
	installProgress,
	N8N_PACKAGE_COUNT,
	PROGRESS_INTERVAL_MS,
	reportProgress,
} from '../../scripts/lib/runtime';

let tmp: string;
beforeEach(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-progress-'));
});
afterEach(() => {
	jest.useRealTimers();
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** Unpacks fake packages as npm does: `node_modules/<name>/package.json`, scoped ones under `@scope/`. */
function unpack(dir: string, names: string[]) {
	for (const name of names) {
		fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
		fs.writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name }));
	}
}

describe('installProgress', () => {
	it('counts the packages unpacked so far (with their package.json), scoped ones included, not npm\'s own folders nor empty ones', () => {
		expect(installProgress(tmp)).toEqual({ packages: 0 });
		unpack(tmp, ['n8n', 'lodash', '@n8n/config', '@n8n/di', '@types/node', 'lodash/node_modules/nested']);
		fs.mkdirSync(path.join(tmp, 'node_modules', '.bin'));
		// Folders npm has created but not filled yet.
		fs.mkdirSync(path.join(tmp, 'node_modules', 'express'));
		fs.mkdirSync(path.join(tmp, 'node_modules', '@n8n', 'workflow'));
		fs.mkdirSync(path.join(tmp, 'node_modules', '@n8n', '.staging'));
		fs.writeFileSync(path.join(tmp, 'node_modules', '.package-lock.json'), '{}');
		expect(installProgress(tmp)).toEqual({ packages: 5 });
	});

	it('is 0 for a folder that does not exist (yet)', () => {
		expect(installProgress(path.join(tmp, 'missing'))).toEqual({ packages: 0 });
	});
});

describe('reportProgress', () => {
	it('logs a line at least every 10 s with the time so far and the packages unpacked, and stops', () => {
		jest.useFakeTimers({ now: new Date('2026-12-08T01:00:00Z') });
		const lines: Array<{ at: number; line: string }> = [];
		const stop = reportProgress({ label: 'n8n 2.40.7 for Node 24', dir: tmp, log: (line: string) => lines.push({ at: Date.now(), line }) });
		jest.advanceTimersByTime(9_999);
		expect(lines).toEqual([]);
		jest.advanceTimersByTime(1);
		unpack(tmp, ['a', 'b', '@s/c']);
		jest.advanceTimersByTime(10_000);
		unpack(tmp, ['d']);
		jest.advanceTimersByTime(10_000 * 10 + 5_000);
		stop();
		jest.advanceTimersByTime(60_000);

		expect(PROGRESS_INTERVAL_MS).toBeLessThanOrEqual(10_000);
		expect(lines).toHaveLength(12);
		const start = new Date('2026-12-08T01:00:00Z').getTime();
		const gaps = lines.map((l, i) => l.at - (i ? lines[i - 1].at : start));
		expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
		expect(lines[0].line).toBe('… n8n 2.40.7 for Node 24: 10s so far, npm is resolving and downloading, nothing unpacked yet');
		expect(lines[1].line).toBe('… n8n 2.40.7 for Node 24: 20s so far, 3 packages unpacked');
		expect(lines[2].line).toBe('… n8n 2.40.7 for Node 24: 30s so far, 4 packages unpacked');
		expect(lines[11].line).toBe('… n8n 2.40.7 for Node 24: 2m00s so far, 4 packages unpacked');
	});

	it('says how far against the count of a finished install, when it is known', () => {
		jest.useFakeTimers();
		const lines: string[] = [];
		unpack(tmp, ['a', '@s/b']);
		const stop = reportProgress({ label: 'n8n 2.40.7 for Node 24', dir: tmp, expected: 1523, log: (line: string) => lines.push(line) });
		jest.advanceTimersByTime(10_000);
		stop();
		expect(lines).toEqual(['… n8n 2.40.7 for Node 24: 10s so far, 2 of about 1523 packages unpacked']);
		// The default n8n's count, measured on a finished install; a count beyond it drops the "of about".
		expect(N8N_PACKAGE_COUNT).toBeGreaterThan(1000);
		const more: string[] = [];
		const stop2 = reportProgress({ label: 'x', dir: tmp, expected: 1, log: (line: string) => more.push(line) });
		jest.advanceTimersByTime(10_000);
		stop2();
		expect(more).toEqual(['… x: 10s so far, 2 packages unpacked']);
	});

	it('before anything is unpacked, counts the registry requests of npm --loglevel=http, lines split across chunks included', () => {
		const fetches = countRegistryFetches();
		fetches.onOutput('npm http fetch GET 200 https://registry.npmjs.org/n8n 374ms (cache miss)\nnpm http fe');
		fetches.onOutput('tch GET 200 https://registry.npmjs.org/@n8n%2fdi 80ms (cache miss)\n');
		fetches.onOutput('npm http cache is-number@https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz 0ms (cache hit)\n');
		fetches.onOutput('npm warn deprecated x@1: use y\nnpm http fetch GET 304 https://registry.npmjs.org/zod 20ms (cache revalidated)\n');
		expect(fetches.count()).toBe(3);

		jest.useFakeTimers();
		const lines: string[] = [];
		const stop = reportProgress({ label: 'n8n 2.40.7 for Node 24', dir: tmp, fetches: fetches.count, log: (line: string) => lines.push(line) });
		jest.advanceTimersByTime(10_000);
		unpack(tmp, ['n8n']);
		jest.advanceTimersByTime(10_000);
		stop();
		expect(lines).toEqual([
			'… n8n 2.40.7 for Node 24: 10s so far, npm is resolving the dependencies (3 registry requests so far), nothing unpacked yet',
			'… n8n 2.40.7 for Node 24: 20s so far, 1 package unpacked',
		]);
	});

	it('reports the time alone when the folder cannot be read', () => {
		jest.useFakeTimers();
		const lines: string[] = [];
		const stop = reportProgress({
			label: 'Node 24.21.0',
			dir: tmp,
			log: (line: string) => lines.push(line),
			measure: () => {
				throw new Error('ENOENT');
			},
		});
		jest.advanceTimersByTime(10_000);
		stop();
		expect(lines).toEqual(['… Node 24.21.0: 10s so far, npm is resolving and downloading, nothing unpacked yet']);
	});
});

describe('cached (an install into the cache)', () => {
	it('says what it installs, reports progress while the build runs, and how long it took; a later run is silent', async () => {
		jest.useFakeTimers();
		const lines: string[] = [];
		const log = (line: string) => lines.push(line);
		const final = path.join(tmp, 'n8n-2.40.7-node24');
		const build = async (dir: string) => {
			await sleep(12_000);
			unpack(dir, ['n8n', '@n8n/di']);
			await sleep(13_000);
		};
		const done = cached(final, 'n8n 2.40.7 for Node 24', log, build);
		await jest.advanceTimersByTimeAsync(25_000);
		await expect(done).resolves.toBe(final);
		expect(lines).toEqual([
			`Installing n8n 2.40.7 for Node 24 into ${final} (once; later runs reuse it)…`,
			'… n8n 2.40.7 for Node 24: 10s so far, npm is resolving and downloading, nothing unpacked yet',
			'… n8n 2.40.7 for Node 24: 20s so far, 2 packages unpacked',
			'Installed n8n 2.40.7 for Node 24 in 25s.',
		]);
		expect(fs.existsSync(path.join(final, 'ready.json'))).toBe(true);

		// No progress line after the install (the timer is stopped), and none when the cache is used.
		await jest.advanceTimersByTimeAsync(60_000);
		expect(lines).toHaveLength(4);
		await expect(cached(final, 'n8n 2.40.7 for Node 24', log, build)).resolves.toBe(final);
		await jest.advanceTimersByTimeAsync(60_000);
		expect(lines).toHaveLength(4);
	});

	it('stops reporting when the install fails, and leaves no half-built folder', async () => {
		jest.useFakeTimers();
		const lines: string[] = [];
		const final = path.join(tmp, 'n8n-broken');
		const build = async () => {
			await sleep(11_000);
			throw new Error('npm install n8n@2.40.7 failed (exit code 1)');
		};
		const done = cached(final, 'n8n broken', (line: string) => lines.push(line), build);
		const failed = expect(done).rejects.toThrow('exit code 1');
		await jest.advanceTimersByTimeAsync(11_000);
		await failed;
		await jest.advanceTimersByTimeAsync(60_000);
		expect(lines).toEqual([
			`Installing n8n broken into ${final} (once; later runs reuse it)…`,
			'… n8n broken: 10s so far, npm is resolving and downloading, nothing unpacked yet',
		]);
		expect(fs.readdirSync(tmp)).toEqual([]);
	});
});
