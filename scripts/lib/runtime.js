'use strict';
/*
 * Provides the n8n server the demo and the end-to-end tests run: n8n N8N_VERSION under Node 24,
 * installed once into a cache folder outside the repository and reused by every later run.
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

/** 2.40.7 installs from the registry; 2.41.1 and 2.41.3 reference packages that were never published. */
const N8N_VERSION = '2.40.7';
/** n8n 2.x requires Node >= 24. */
const NODE_MAJOR = 24;
const NODE_VERSION = '24.21.0';
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

/** Builds `finalDir` through `build(tmpDir)` unless a finished one exists; returns finalDir. */
async function cached(finalDir, label, log, build) {
	if (fs.existsSync(path.join(finalDir, 'ready.json'))) return finalDir;
	fs.mkdirSync(path.dirname(finalDir), { recursive: true });
	removeAbandoned(finalDir);
	const tmpDir = `${finalDir}.tmp-${process.pid}`;
	fs.rmSync(tmpDir, { recursive: true, force: true });
	fs.mkdirSync(tmpDir, { recursive: true });
	const started = Date.now();
	log(`Installing ${label} into ${finalDir} (once; later runs reuse it)…`);
	try {
		await build(tmpDir);
		fs.writeFileSync(
			path.join(tmpDir, 'ready.json'),
			JSON.stringify({ label, installedAt: new Date().toISOString() }, null, 2),
		);
		fs.rmSync(finalDir, { recursive: true, force: true });
		fs.renameSync(tmpDir, finalDir);
	} catch (error) {
		fs.rmSync(tmpDir, { recursive: true, force: true });
		throw error;
	}
	log(`Installed ${label} in ${formatDuration(Date.now() - started)}.`);
	return finalDir;
}

/** Node 24: this Node when it is 24, else the `node` npm package's binary. */
async function ensureNode(log) {
	if (Number(process.versions.node.split('.')[0]) === NODE_MAJOR) {
		return { bin: process.execPath, home: undefined, version: process.versions.node };
	}
	const dir = await cached(
		path.join(cacheDir(), `node-v${NODE_VERSION}`),
		`Node ${NODE_VERSION}`,
		log,
		async (tmp) => {
			fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ private: true }));
			// The package's preinstall script fetches the platform binary (node-<os>-<arch>) from npm.
			await npm(
				['install', '--no-audit', '--no-fund', '--ignore-scripts=false', `node@${NODE_VERSION}`],
				{ cwd: tmp, label: `npm install node@${NODE_VERSION}` },
			);
		},
	);
	const bin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
	const platformPkg = path.join(dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
	return { bin, home: platformPkg, version: NODE_VERSION };
}

/**
 * n8n with its production dependencies. Install scripts are skipped (some fetch binaries from the
 * internet, and isolated-vm is only needed by the optional vm expression engine); sqlite3, the one
 * native module n8n needs for its SQLite database, is then compiled for Node 24.
 */
async function ensureN8n(node, log) {
	const major = node.version.split('.')[0];
	const dir = await cached(
		path.join(cacheDir(), `n8n-${N8N_VERSION}-node${major}`),
		`n8n ${N8N_VERSION} for Node ${major}`,
		log,
		async (tmp) => {
			fs.writeFileSync(
				path.join(tmp, 'package.json'),
				JSON.stringify(
					{ private: true, dependencies: { n8n: N8N_VERSION }, overrides: N8N_OVERRIDES },
					null,
					2,
				),
			);
			const env = nodeEnv(node);
			await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev'], {
				cwd: tmp,
				env,
				label: `npm install n8n@${N8N_VERSION}`,
			});
			log('Compiling sqlite3 for Node 24…');
			await npm(['rebuild', 'sqlite3', '--ignore-scripts=false'], {
				cwd: tmp,
				env,
				label: 'npm rebuild sqlite3',
			});
			await run(node.bin, ['-e', "require('sqlite3')"], { cwd: tmp, env, label: 'load sqlite3' });
		},
	);
	return { dir, bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** Environment in which `node` and native builds mean Node 24. */
function nodeEnv(node, base = process.env) {
	const env = { ...base, PATH: `${path.dirname(node.bin)}${path.delimiter}${base.PATH ?? ''}` };
	// npm may be configured with another Node's headers (here: nodedir=/usr, Node 20).
	if (node.home) env.npm_config_nodedir = node.home;
	return env;
}

/** Node 24 and n8n, installed when missing. */
async function ensureRuntime({ log = () => {} } = {}) {
	const node = await ensureNode(log);
	const n8n = await ensureN8n(node, log);
	return { node, n8n, n8nVersion: N8N_VERSION, env: (base) => nodeEnv(node, base) };
}

module.exports = { ensureRuntime, cacheDir, npm, N8N_VERSION };
