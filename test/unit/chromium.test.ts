/*
 * scripts/lib/chromium.js: where `npm run test:e2e` looks for Chromium, in which order, when it
 * installs Debian's package, and the one line it fails with. A fake file system (the set of
 * executable paths), a fake PATH and a fake apt-get stand in for the machine.
 */
import { ensureChromium, findChromium, installHint, isExecutableFile, USUAL_LOCATIONS } from '../../scripts/lib/chromium';

type Env = Record<string, string | undefined>;

function machine(executables: string[], { playwright }: { playwright?: string } = {}) {
	const files = new Set(executables);
	return {
		files,
		isExecutable: (file: string) => files.has(file),
		playwrightPath: () => playwright,
	};
}

const find = (env: Env, m: ReturnType<typeof machine>) =>
	findChromium({ env, isExecutable: m.isExecutable, playwrightPath: m.playwrightPath });

describe('findChromium: lookup order', () => {
	const everything = machine(
		[
			'/opt/custom/chrome',
			'/opt/pw/chrome',
			'/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome',
			'/fake/bin/chromium',
			'/fake/bin/google-chrome',
			'/other/bin/chromium-browser',
			...USUAL_LOCATIONS,
		],
		{ playwright: '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome' },
	);
	const PATH = '/fake/bin:/other/bin';

	it('takes CHROMIUM_PATH first', () => {
		expect(find({ CHROMIUM_PATH: '/opt/custom/chrome', PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/pw/chrome', PATH }, everything)).toEqual({
			path: '/opt/custom/chrome',
			source: 'CHROMIUM_PATH',
		});
	});

	it('refuses a CHROMIUM_PATH that is not an executable instead of looking elsewhere', () => {
		expect(() => find({ CHROMIUM_PATH: '/nowhere/chrome', PATH }, everything)).toThrow(
			'CHROMIUM_PATH=/nowhere/chrome is not an executable file',
		);
	});

	it("then PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, then Playwright's own download", () => {
		expect(find({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/opt/pw/chrome', PATH }, everything)?.path).toBe('/opt/pw/chrome');
		expect(find({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: '/missing', PATH }, everything)).toEqual({
			path: '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome',
			source: 'playwright',
		});
	});

	it('then PATH, by name: chromium before chromium-browser before google-chrome', () => {
		const noPlaywright = machine([...everything.files]);
		expect(find({ PATH }, noPlaywright)).toEqual({ path: '/fake/bin/chromium', source: 'PATH (chromium)' });
		noPlaywright.files.delete('/fake/bin/chromium');
		expect(find({ PATH }, noPlaywright)).toEqual({ path: '/other/bin/chromium-browser', source: 'PATH (chromium-browser)' });
		noPlaywright.files.delete('/other/bin/chromium-browser');
		expect(find({ PATH }, noPlaywright)).toEqual({ path: '/fake/bin/google-chrome', source: 'PATH (google-chrome)' });
	});

	it('then the usual locations, /usr/bin/chromium first, /snap/bin/chromium among them', () => {
		expect(USUAL_LOCATIONS[0]).toBe('/usr/bin/chromium');
		expect(USUAL_LOCATIONS).toContain('/snap/bin/chromium');
		expect(find({ PATH: '/empty' }, machine(USUAL_LOCATIONS))).toEqual({ path: '/usr/bin/chromium', source: 'usual location' });
		expect(find({ PATH: '/empty' }, machine(['/snap/bin/chromium']))).toEqual({
			path: '/snap/bin/chromium',
			source: 'usual location',
		});
	});

	it('finds nothing on a machine without Chromium', () => {
		expect(find({ PATH: '/usr/bin:/bin' }, machine(['/usr/bin/apt-get', '/bin/sh']))).toBeUndefined();
		expect(find({}, machine([]))).toBeUndefined();
	});

	it('tells executable files from directories and missing paths on the real file system', () => {
		expect(isExecutableFile('/bin/sh')).toBe(true);
		expect(isExecutableFile('/')).toBe(false);
		expect(isExecutableFile('/no/such/chromium')).toBe(false);
	});
});

describe('ensureChromium: install or fail at once', () => {
	type Call = { cmd: string; args: string[]; env: Env };

	function setup({ root, aptGet = true, aptWorks = true, installs = '/usr/bin/chromium' }: {
		root: boolean;
		aptGet?: boolean;
		aptWorks?: boolean;
		installs?: string;
	}) {
		const m = machine(aptGet ? ['/usr/bin/apt-get'] : []);
		const calls: Call[] = [];
		const runCommand = async (cmd: string, args: string[], options?: { env?: Env }) => {
			calls.push({ cmd, args, env: options?.env ?? {} });
			if (!aptWorks) throw new Error('apt-get install chromium failed (exit code 100)\nE: Unable to locate package chromium');
			if (args[0] === 'install') m.files.add(installs);
			return { stdout: '', stderr: '' };
		};
		const options = {
			env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
			isExecutable: m.isExecutable,
			playwrightPath: m.playwrightPath,
			isRoot: () => root,
			runCommand,
		};
		return { m, calls, options };
	}

	it('uses a Chromium that is there and installs nothing', async () => {
		const { m, calls, options } = setup({ root: true });
		m.files.add('/usr/bin/chromium');
		expect(await ensureChromium(options)).toEqual({ path: '/usr/bin/chromium', source: 'PATH (chromium)', installed: false });
		expect(calls).toEqual([]);
	});

	it("as root with apt-get, installs Debian's chromium and uses it", async () => {
		const { calls, options } = setup({ root: true });
		expect(await ensureChromium(options)).toEqual({ path: '/usr/bin/chromium', source: 'PATH (chromium)', installed: true });
		expect(calls.map((c) => [c.cmd, ...c.args].join(' '))).toEqual([
			'/usr/bin/apt-get update -qq',
			'/usr/bin/apt-get install -y -qq chromium',
		]);
		expect(calls.every((c) => c.env.DEBIAN_FRONTEND === 'noninteractive')).toBe(true);
	});

	it.each([
		['not root', { root: false }, 'none found, and not root, so not installing it'],
		['no apt-get', { root: true, aptGet: false }, 'none found, and apt-get is not available'],
		['apt-get fails', { root: true, aptWorks: false }, 'apt-get install chromium failed: E: Unable to locate package chromium'],
		['the package brings no binary we know', { root: true, installs: '/usr/lib/chromium/chromium' }, 'apt-get installed chromium, but no binary was found afterwards'],
	])('%s: fails with one line that says what to install', async (_, how, reason) => {
		const { options } = setup(how);
		const error: Error = await ensureChromium(options).then(
			() => {
				throw new Error('ensureChromium resolved');
			},
			(e: Error) => e,
		);
		expect(error.message).toBe(installHint(reason));
		expect(error.message).toMatch(/^No Chromium for the editor tests \(/);
		expect(error.message).not.toContain('\n');
		expect(error.message).toContain('apt-get install -y chromium');
		expect(error.message).toContain('CHROMIUM_PATH');
	});

	it('never installs over a wrong CHROMIUM_PATH', async () => {
		const { calls, options } = setup({ root: true });
		await expect(ensureChromium({ ...options, env: { ...options.env, CHROMIUM_PATH: '/typo/chromium' } })).rejects.toThrow(
			'CHROMIUM_PATH=/typo/chromium is not an executable file',
		);
		expect(calls).toEqual([]);
	});
});
