'use strict';
/*
 * The Chromium that the editor end-to-end tests drive (through playwright-core, which downloads no
 * browser). Looked up, in this order:
 *   1. CHROMIUM_PATH (when set, it must be an executable: a wrong setting is an error, not a hint);
 *   2. PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, then the browser Playwright itself installed
 *      (`npx playwright install chromium`, under PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright);
 *   3. PATH: chromium, chromium-browser, google-chrome, google-chrome-stable;
 *   4. the usual locations: /usr/bin/chromium, /usr/bin/chromium-browser, /snap/bin/chromium,
 *      /usr/bin/google-chrome, /usr/bin/google-chrome-stable, /opt/google/chrome/chrome.
 * When none is found and this process is root with apt-get, Debian's `chromium` is installed;
 * otherwise ensureChromium() fails at once with one line that says what to install.
 */
const fs = require('node:fs');
const path = require('node:path');

const { run } = require('./proc');

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const USUAL_LOCATIONS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/snap/bin/chromium',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/opt/google/chrome/chrome',
];
/** The one line a run without Chromium fails with. */
const installHint = (reason) =>
	`No Chromium for the editor tests (${reason}): install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`;

function isExecutableFile(file) {
	try {
		if (!fs.statSync(file).isFile()) return false;
		fs.accessSync(file, fs.constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The executable that playwright-core would download for itself, when it has been installed. */
function playwrightChromium() {
	try {
		return require('playwright-core').chromium.executablePath() || undefined;
	} catch {
		return undefined;
	}
}

/** The first executable `name` on a PATH string. */
function onPath(name, pathValue, isExecutable) {
	for (const dir of (pathValue ?? '').split(path.delimiter)) {
		if (!dir) continue;
		const file = path.join(dir, name);
		if (isExecutable(file)) return file;
	}
	return undefined;
}

/**
 * @typedef {object} LookupOptions
 * @property {Record<string, string | undefined>} [env] the environment (CHROMIUM_PATH, PATH, …)
 * @property {(file: string) => boolean} [isExecutable]
 * @property {() => string | undefined} [playwrightPath] where Playwright's own download would be
 * @property {string[]} [locations] the usual locations, in order
 */

/**
 * Finds Chromium without installing anything: `{ path, source }`, or undefined when there is none.
 * Throws when CHROMIUM_PATH is set to something that is not an executable file.
 * @param {LookupOptions} [options]
 * @returns {{ path: string, source: string } | undefined}
 */
function findChromium({
	env = process.env,
	isExecutable = isExecutableFile,
	playwrightPath = playwrightChromium,
	locations = USUAL_LOCATIONS,
} = {}) {
	if (env.CHROMIUM_PATH) {
		if (!isExecutable(env.CHROMIUM_PATH)) {
			throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: fix it or unset it.`);
		}
		return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
	}
	const pw = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
	if (pw && isExecutable(pw)) return { path: pw, source: 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH' };
	const downloaded = playwrightPath();
	if (downloaded && isExecutable(downloaded)) return { path: downloaded, source: 'playwright' };
	for (const name of PATH_NAMES) {
		const file = onPath(name, env.PATH, isExecutable);
		if (file) return { path: file, source: `PATH (${name})` };
	}
	for (const file of locations) if (isExecutable(file)) return { path: file, source: 'usual location' };
	return undefined;
}

const isRootUser = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Finds Chromium, installing Debian's `chromium` with apt-get when it is missing and this process
 * may (root, apt-get on PATH). Resolves with `{ path, source, installed }`; rejects with one line
 * that says what to install when there is no Chromium and none can be installed.
 * @param {LookupOptions & {
 *   isRoot?: () => boolean,
 *   runCommand?: (cmd: string, args: string[], options?: any) => Promise<unknown>,
 *   log?: (line: string) => void,
 * }} [options]
 * @returns {Promise<{ path: string, source: string, installed: boolean }>}
 */
async function ensureChromium({
	env = process.env,
	isExecutable = isExecutableFile,
	playwrightPath = playwrightChromium,
	locations = USUAL_LOCATIONS,
	isRoot = isRootUser,
	runCommand = run,
	log = () => {},
} = {}) {
	const lookup = () => findChromium({ env, isExecutable, playwrightPath, locations });
	const found = lookup();
	if (found) return { ...found, installed: false };

	const aptGet = onPath('apt-get', env.PATH, isExecutable);
	if (!isRoot() || !aptGet) {
		throw new Error(installHint(!aptGet ? 'none found, and apt-get is not available' : 'none found, and not root, so not installing it'));
	}
	log('No Chromium found: installing Debian\'s chromium with apt-get (a minute or two)…');
	const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
	try {
		await runCommand(aptGet, ['update', '-qq'], { env: aptEnv, label: 'apt-get update', timeoutMs: 600_000 });
		await runCommand(aptGet, ['install', '-y', '-qq', 'chromium'], {
			env: aptEnv,
			label: 'apt-get install chromium',
			timeoutMs: 900_000,
		});
	} catch (error) {
		const last = String(error.message).trim().split('\n').filter(Boolean).pop();
		throw new Error(installHint(`apt-get install chromium failed: ${last}`));
	}
	const after = lookup();
	if (!after) throw new Error(installHint('apt-get installed chromium, but no binary was found afterwards'));
	log(`Installed Chromium: ${after.path}`);
	return { ...after, installed: true };
}

module.exports = { findChromium, ensureChromium, isExecutableFile, PATH_NAMES, USUAL_LOCATIONS, installHint };
