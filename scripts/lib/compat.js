'use strict';
/*
 * The n8n versions `npm run test:compat` proves the package on (test/compat/compat.e2e.js), each
 * with the Node it needs, provisioned once into the cache by scripts/lib/runtime.js.
 *
 * How the versions were chosen (probed 2026-12-04 against the registry CI uses, Node 20.20.2, npm 11.19.1;
 * the registry holds only some n8n versions — `npm view n8n versions --json`):
 *  - 1.123.50 on Node 20: the newest 1.x whose dependency tree has no isolated-vm; from 1.123.66 on,
 *    n8n-workflow pulls @n8n/expression-runtime → isolated-vm ^6, whose native build needs Node 22.
 *  - 1.123.81 on Node 22: the last 1.x (`engines` says >=20.19, but isolated-vm 6 needs 22).
 *  - 2.40.7 on Node 24: the version the package is developed against (npm start, test:e2e).
 *  - NEWEST_2X (2.41.1) on Node 24: the newest 2.x that installs from the registry; 2.41.3 (the
 *    `latest` tag) does not, see NEWER_SKIPPED. (2.41.1 was thought to miss packages too; it
 *    resolves and installs.)
 * Every n8n before 2.32 has n8n-nodes-base depend on xlsx as a tarball URL on cdn.sheetjs.com (not
 * the npm registry), so the 1.x entries override it with xlsx 0.18.5 from the registry (it only
 * matters for the Spreadsheet File node, which the examples do not use). linkedom 0.18.15 depends
 * on `cssomnom`, which the registry does not have, hence linkedom 0.18.14.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { N8N_VERSION, NODE_VERSION, N8N_OVERRIDES } = require('./runtime');

const NODE_20 = '20.20.2';
const NODE_22 = '22.23.3';

/** The newest 2.x that installs; newer 2.x versions are listed in NEWER_SKIPPED. */
const NEWEST_2X = '2.41.1';

/**
 * 2.x versions newer than NEWEST_2X, and why they are not in the matrix (probed 2026-12-04 with
 * `npm install --package-lock-only`; for 2.41.1 also `npm pack --dry-run` of the 16 packages its
 * tree has that 2.41.0's has not: all exist, and 2.41.1 installs). test/compat checks that each
 * still fails to resolve, cheaply (npm view of the one missing package), so a fix upstream shows up.
 */
const NEWER_SKIPPED = {
	'2.41.3': {
		missing: '@n8n/agents@0.26.2',
		reason: 'npm install: ETARGET, no matching version for @n8n/agents@0.26.2 (a dependency of n8n 2.41.3), which the registry does not have',
	},
};

const LEGACY_OVERRIDES = { ...N8N_OVERRIDES, xlsx: '0.18.5' };

/**
 * `singlePackages`: the five single-service packages (scripts/lib/packages.js) are proven there too,
 * installed together in place of the bundle, with the examples moved to them by exporting them from
 * the bundle's n8n and running scripts/move-to-single-packages.js (the documented move).
 * `coexistence`: the bundle and one single-service package in the same n8n, measured.
 */
const MATRIX = [
	{ n8nVersion: '1.123.50', nodeVersion: NODE_20, overrides: LEGACY_OVERRIDES, why: 'newest 1.x that installs on Node 20' },
	{ n8nVersion: '1.123.81', nodeVersion: NODE_22, overrides: LEGACY_OVERRIDES, why: 'last 1.x', singlePackages: true },
	{
		n8nVersion: N8N_VERSION,
		nodeVersion: NODE_VERSION,
		overrides: N8N_OVERRIDES,
		why: 'development target',
		singlePackages: true,
		coexistence: true,
	},
	{ n8nVersion: NEWEST_2X, nodeVersion: NODE_VERSION, overrides: N8N_OVERRIDES, why: 'newest 2.x that installs' },
];

/** The matrix, or the entries whose n8n version is listed in $ORDER_SYNC_COMPAT_VERSIONS (comma-separated). */
function selectedMatrix(env = process.env) {
	const wanted = (env.ORDER_SYNC_COMPAT_VERSIONS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	if (!wanted.length) return MATRIX;
	const unknown = wanted.filter((v) => !MATRIX.some((m) => m.n8nVersion === v));
	if (unknown.length) throw new Error(`ORDER_SYNC_COMPAT_VERSIONS names versions outside the matrix: ${unknown.join(', ')}`);
	return MATRIX.filter((m) => wanted.includes(m.n8nVersion));
}

/**
 * Every workflow of the user folder's database run by one `n8n execute-batch` (one n8n start
 * instead of one per workflow), one after the other, each run's data written to
 * `<dir>/<id>-snapshot.json` by n8n itself (so no output is lost in a pipe). `--ids` only takes
 * numeric ids, so the database must hold just the workflows to run. Returns, per id of `ids`, the
 * run (IRun) or the error n8n reported, and n8n's summary.
 */
async function executeBatch(runtime, env, ids, dir, timeoutMs = 900_000) {
	fs.mkdirSync(dir, { recursive: true });
	const outputFile = path.join(dir, 'output.json');
	const log = fs.openSync(path.join(dir, 'execute-batch.log'), 'w');
	const args = [runtime.n8n.bin, 'execute-batch', `--snapshot=${dir}`, `--output=${outputFile}`, '--retries=0'];
	const code = await new Promise((resolve, reject) => {
		const child = spawn(runtime.node.bin, args, { env, stdio: ['ignore', log, log] });
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (c, signal) => {
			clearTimeout(timer);
			resolve(signal ? `signal ${signal}` : c);
		});
	});
	fs.closeSync(log);
	if (!fs.existsSync(outputFile)) {
		const output = fs.readFileSync(path.join(dir, 'execute-batch.log'), 'utf8');
		throw new Error(`n8n execute-batch wrote no results (exit ${code}):\n${output.slice(-6000)}`);
	}
	const output = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
	const runs = {};
	for (const id of ids) {
		const snapshot = path.join(dir, `${id}-snapshot.json`);
		const execution = output.executions?.find((e) => e.workflowId === id);
		runs[id] = fs.existsSync(snapshot)
			? { run: JSON.parse(fs.readFileSync(snapshot, 'utf8')) }
			: { error: execution?.error ?? `no result for workflow ${id}` };
	}
	return { exitCode: code, runs, summary: output.summary };
}

module.exports = { MATRIX, NEWEST_2X, NEWER_SKIPPED, selectedMatrix, executeBatch };
