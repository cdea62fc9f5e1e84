'use strict';
/*
 * Provides the n8n server the demo and the end-to-end tests run: n8n N8N_VERSION under Node 24,
 * installed once into a cache folder outside the repository and reused by every later run.
 * `ensureRuntime({ n8nVersion, nodeVersion, overrides })` provisions another n8n/Node pair the same
 * way (the compatibility matrix, scripts/lib/compat.js); without them it is 2.40.7 on Node 24.
 *
 *   <cache>/node-v<NODE_VERSION>/             the `node` npm package (only when this Node is not 24)
 *   <cache>/n8n-<N8N_VERSION>-node<major>/    n8n itself; sqlite3 is built for that Node's ABI
 *
 * <cache> is $ORDER_SYNC_CACHE_DIR, else $XDG_CACHE_HOME/n8n-nodes-order-sync, else
 * ~/.cache/n8n-nodes-order-sync. Each folder is built under a temporary name and renamed when it is
 * complete, so an interrupted install is never mistaken for a finished one.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { run, formatDuration } = require('./proc');

/** The development target. (2.41.3 references @n8n/agents@0.26.2, which the registry does not have; see compat.js.) */
const N8N_VERSION = '2.40.7';
/** n8n 2.x requires Node >= 24. */
const NODE_MAJOR = 24;
const NODE_VERSION = '24.21.0';
/**
 * installProgress()'s count for a finished install of N8N_VERSION (measured), so that the progress
 * lines of the usual install can say how far it is ("812 of about 1523 packages").
 */
const N8N_PACKAGE_COUNT = 1523;
/** n8n asks for linkedom ^0.18.13; 0.18.15 depends on `cssomnom`, which the registry does not have. */
const N8N_OVERRIDES = { linkedom: '0.18.14' };

function cacheDir() {
	if (process.env.ORDER_SYNC_CACHE_DIR) return path.resolve(process.env.ORDER_SYNC_CACHE_DIR);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-order-sync');
}

/** npm as the user runs it: the one that started us (`npm start`), else the one on PATH. */
function npmCommand() {
	const cli = process.env.npm_execpath;
	if (cli && /npm-cli\.js$/.test(cli)) return { cmd: process.execPath, prefix: [cli] };
	return { cmd: 'npm', prefix: [] };
}

async function npm(args, options) {
	const { cmd, prefix } = npmCommand();
	return await run(cmd, [...prefix, ...args], options);
}

/** Removes `<finalDir>.tmp-<pid>` folders of installs whose process is gone (killed mid-install). */
function removeAbandoned(finalDir) {
	const prefix = `${path.basename(finalDir)}.tmp-`;
	for (const name of fs.readdirSync(path.dirname(finalDir))) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = true;
		} catch {
			// no such process
		}
		if (!alive) fs.rmSync(path.join(path.dirname(finalDir), name), { recursive: true, force: true });
	}
}

/**
 * How far an npm install into `dir` has got: the packages unpacked into `dir/node_modules` so far,
 * i.e. its folders and those of its @scopes that have their package.json (npm creates every folder
 * first and fills them as the tarballs come; a package nested in another one is not counted). About
 * 1,600 stats for n8n, so it can run every few seconds while npm works (a walk of every file, for
 * bytes, would be 250,000).
 */
function installProgress(dir) {
	const modules = path.join(dir, 'node_modules');
	let packages = 0;
	let names;
	try {
		names = fs.readdirSync(modules, { withFileTypes: true });
	} catch {
		return { packages: 0 };
	}
	const unpacked = (folder) => fs.existsSync(path.join(folder, 'package.json'));
	for (const entry of names) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		if (!entry.name.startsWith('@')) {
			if (unpacked(path.join(modules, entry.name))) packages++;
			continue;
		}
		try {
			for (const e of fs.readdirSync(path.join(modules, entry.name), { withFileTypes: true })) {
				if (e.isDirectory() && !e.name.startsWith('.') && unpacked(path.join(modules, entry.name, e.name))) packages++;
			}
		} catch {
			// the scope folder went away (npm moves folders while it works)
		}
	}
	return { packages };
}

/**
 * Counts the registry requests of an npm run with `--loglevel=http` (its "npm http fetch GET 200
 * <url>" lines) as its output comes: while npm resolves n8n's dependency tree, for a minute or more,
 * nothing is unpacked yet and this is what moves. `onOutput` goes to run(); `count()` reads it.
 */
function countRegistryFetches() {
	let count = 0;
	let partial = '';
	return {
		onOutput(text) {
			const lines = (partial + text).split('\n');
			partial = lines.pop();
			for (const line of lines) if (/^npm http fetch /.test(line)) count++;
		},
		count: () => count,
	};
}

/** Progress lines come at least this often while something is installed. */
const PROGRESS_INTERVAL_MS = 10_000;

/**
 * While an install of `label` into `dir` runs: a line every `intervalMs` with the time so far and
 * the packages unpacked, e.g. "… n8n 2.40.7 for Node 24: 2m10s so far, 812 of about 1523 packages
 * unpacked" (`expected`, when known, is the count of a finished install); before anything is
 * unpacked, the registry requests so far (`fetches()`, from countRegistryFetches). Returns stop(). `clock`
 * (Date.now, setInterval, clearInterval) is replaceable for the tests.
 * @param {{
 *   label: string,
 *   dir: string,
 *   log: (line: string) => void,
 *   expected?: number,
 *   fetches?: () => number,
 *   intervalMs?: number,
 *   measure?: (dir: string) => { packages: number },
 *   clock?: { now: () => number, setInterval: Function, clearInterval: Function },
 * }} options
 * @returns {() => void}
 */
function reportProgress({
	label,
	dir,
	log,
	expected,
	fetches,
	intervalMs = PROGRESS_INTERVAL_MS,
	measure = installProgress,
	clock = { now: () => Date.now(), setInterval, clearInterval },
}) {
	const started = clock.now();
	const timer = clock.setInterval(() => {
		let packages = 0;
		try {
			({ packages } = measure(dir));
		} catch {
			// a folder npm is moving: report the time alone
		}
		const of = expected && packages <= expected ? ` of about ${expected}` : '';
		const requests = fetches ? fetches() : 0;
		const what = packages
			? `${packages}${of} package${packages === 1 && !of ? '' : 's'} unpacked`
			: requests
				? `npm is resolving the dependencies (${requests} registry request${requests === 1 ? '' : 's'} so far), nothing unpacked yet`
				: 'npm is resolving and downloading, nothing unpacked yet';
		log(`… ${label}: ${formatDuration(clock.now() - started)} so far, ${what}`);
	}, intervalMs);
	timer?.unref?.();
	return () => clock.clearInterval(timer);
}

/**
 * Builds `finalDir` through `build(tmpDir)` unless a finished one exists; returns finalDir. While
 * it builds, a progress line at least every 10 s (reportProgress; `progress` passes its options).
 */
async function cached(finalDir, label, log, build, progress = {}) {
	if (fs.existsSync(path.join(finalDir, 'ready.json'))) return finalDir;
	fs.mkdirSync(path.dirname(finalDir), { recursive: true });
	removeAbandoned(finalDir);
	const tmpDir = `${finalDir}.tmp-${process.pid}`;
	fs.rmSync(tmpDir, { recursive: true, force: true });
	fs.mkdirSync(tmpDir, { recursive: true });
	const started = Date.now();
	log(`Installing ${label} into ${finalDir} (once; later runs reuse it)…`);
	const stop = reportProgress({ label, dir: tmpDir, log, ...progress });
	try {
		await build(tmpDir);
		stop();
		fs.writeFileSync(
			path.join(tmpDir, 'ready.json'),
			JSON.stringify({ label, installedAt: new Date().toISOString() }, null, 2),
		);
		fs.rmSync(finalDir, { recursive: true, force: true });
		fs.renameSync(tmpDir, finalDir);
	} catch (error) {
		stop();
		fs.rmSync(tmpDir, { recursive: true, force: true });
		throw error;
	}
	log(`Installed ${label} in ${formatDuration(Date.now() - started)}.`);
	return finalDir;
}

/**
 * Node `version`'s major line: this Node when it has that major, else the `node` npm package's
 * binary of exactly `version` (default: Node 24).
 */
async function ensureNode(log, version = NODE_VERSION) {
	if (process.versions.node.split('.')[0] === version.split('.')[0]) {
		return { bin: process.execPath, home: undefined, version: process.versions.node };
	}
	const dir = await cached(
		path.join(cacheDir(), `node-v${version}`),
		`Node ${version}`,
		log,
		async (tmp) => {
			fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ private: true }));
			// The package's preinstall script fetches the platform binary (node-<os>-<arch>) from npm.
			await npm(
				['install', '--no-audit', '--no-fund', '--ignore-scripts=false', `node@${version}`],
				{ cwd: tmp, label: `npm install node@${version}` },
			);
		},
	);
	const bin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	const platformPkg = path.join(dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	return { bin, home: platformPkg, version };
}

/**
 * n8n with its production dependencies. Install scripts are skipped (some fetch binaries from the
 * internet, and isolated-vm is only needed by the optional vm expression engine); sqlite3, the one
 * native module n8n needs for its SQLite database, is then compiled for that Node.
 */
async function ensureN8n(node, log, version = N8N_VERSION, overrides = N8N_OVERRIDES) {
	const major = node.version.split('.')[0];
	const fetches = countRegistryFetches();
	const dir = await cached(
		path.join(cacheDir(), `n8n-${version}-node${major}`),
		`n8n ${version} for Node ${major}`,
		log,
		async (tmp) => {
			fs.writeFileSync(
				path.join(tmp, 'package.json'),
				JSON.stringify(
					{ private: true, dependencies: { n8n: version }, overrides },
					null,
					2,
				),
			);
			const env = nodeEnv(node);
			await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--loglevel=http'], {
				cwd: tmp,
				env,
				label: `npm install n8n@${version}`,
				onOutput: fetches.onOutput,
			});
			if (!(await reuseSqlite3(tmp, node, env, log))) {
				log(`Compiling sqlite3 for Node ${major}…`);
				await npm(['rebuild', 'sqlite3', '--ignore-scripts=false'], {
					cwd: tmp,
					env,
					label: 'npm rebuild sqlite3',
				});
			}
			await run(node.bin, ['-e', "require('sqlite3')"], { cwd: tmp, env, label: 'load sqlite3' });
		},
		{ expected: version === N8N_VERSION ? N8N_PACKAGE_COUNT : undefined, fetches: fetches.count },
	);
	return { dir, bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/**
 * sqlite3 is a Node-API addon, so its compiled binary loads in every Node that has its Node-API
 * version: instead of compiling it again (minutes), copy the build of the same sqlite3 version
 * from another finished n8n in the cache, if that loads in `node`. False when there is none.
 */
async function reuseSqlite3(dir, node, env, log) {
	const version = (d) => {
		try {
			return JSON.parse(fs.readFileSync(path.join(d, 'node_modules', 'sqlite3', 'package.json'), 'utf8')).version;
		} catch {
			return undefined;
		}
	};
	const wanted = version(dir);
	for (const name of fs.readdirSync(cacheDir())) {
		const other = path.join(cacheDir(), name);
		const build = path.join(other, 'node_modules', 'sqlite3', 'build');
		if (!name.startsWith('n8n-') || !fs.existsSync(path.join(other, 'ready.json')) || version(other) !== wanted) continue;
		if (!fs.existsSync(path.join(build, 'Release', 'node_sqlite3.node'))) continue;
		const target = path.join(dir, 'node_modules', 'sqlite3', 'build');
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(path.join(target, 'Release'), { recursive: true });
		fs.copyFileSync(path.join(build, 'Release', 'node_sqlite3.node'), path.join(target, 'Release', 'node_sqlite3.node'));
		try {
			await run(node.bin, ['-e', "require('sqlite3')"], { cwd: dir, env, label: 'load sqlite3' });
			log(`Reused the sqlite3 ${wanted} build of ${name} (Node-API).`);
			return true;
		} catch {
			fs.rmSync(target, { recursive: true, force: true });
		}
	}
	return false;
}

/** Environment in which `node` and native builds mean the provisioned Node. */
function nodeEnv(node, base = process.env) {
	const env = { ...base, PATH: `${path.dirname(node.bin)}${path.delimiter}${base.PATH ?? ''}` };
	// npm may be configured with another Node's headers (here: nodedir=/usr, Node 20).
	if (node.home) env.npm_config_nodedir = node.home;
	return env;
}

/**
 * Node and n8n, installed when missing: by default n8n 2.40.7 on Node 24; `n8nVersion`,
 * `nodeVersion` (an exact version, used when this Node has another major) and `overrides` (npm
 * overrides of the wrapper package) select another pair.
 */
async function ensureRuntime({
	log = () => {},
	n8nVersion = N8N_VERSION,
	nodeVersion = NODE_VERSION,
	overrides = N8N_OVERRIDES,
} = {}) {
	const node = await ensureNode(log, nodeVersion);
	const n8n = await ensureN8n(node, log, n8nVersion, overrides);
	return { node, n8n, n8nVersion, env: (base) => nodeEnv(node, base) };
}

module.exports = {
	ensureRuntime,
	cacheDir,
	npm,
	cached,
	installProgress,
	reportProgress,
	countRegistryFetches,
	PROGRESS_INTERVAL_MS,
	N8N_PACKAGE_COUNT,
	N8N_VERSION,
	NODE_VERSION,
	N8N_OVERRIDES,
};
