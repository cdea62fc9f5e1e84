'use strict';
/*
 * `npm run test:compat`: the packed package in each n8n version of the compatibility matrix
 * (scripts/lib/compat.js), each on the Node it needs, provisioned once into the cache
 * (scripts/lib/runtime.js). For every version, one after the other:
 *  - a fresh user folder; the `npm pack` tarball installed into its `.n8n/nodes` as n8n installs a
 *    community package (scripts/lib/package.js), with no node_modules above it, so `zod/v4` and
 *    `n8n-workflow` resolve to that n8n's own copies;
 *  - `n8n start`: every node (and its AI-tool variant) and every credential of package.json's
 *    "n8n" section is served by the REST API; each credential's Test passes with the simulator's
 *    secret and fails with a wrong one;
 *  - every example workflow (examples/*.json) run headless with `n8n execute`, its outputs and the
 *    requests the provider simulators received checked (test/e2e/workflows.js).
 * At the end one line per version: n8n version, Node, nodes loaded, examples passed, times.
 * ORDER_SYNC_COMPAT_VERSIONS=2.40.7,1.123.50 runs only those versions of the matrix.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, cacheDir } = require('../../scripts/lib/runtime');
const { installInto, ROOT } = require('../../scripts/lib/package');
const { startSimulators, credentialsFor } = require('../../scripts/lib/simulators');
const { n8nEnv, importFixtures, startServer, setupOwner, signIn, newPassword } = require('../../scripts/lib/n8n');
const { freePort, formatDuration } = require('../../scripts/lib/proc');
const { selectedMatrix, executeBatch, NEWEST_2X, NEWER_SKIPPED } = require('../../scripts/lib/compat');
const { npm } = require('../../scripts/lib/runtime');
const { workflows } = require('../e2e/workflows');

const PACKAGE = 'n8n-nodes-order-sync';
const EXAMPLES_DIR = path.join(ROOT, 'examples');
const exampleFiles = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort();
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const INSTANCES = path.join(cacheDir(), 'instances');
const log = (line) => process.stderr.write(`[compat] ${line}\n`);

/** n8n's node type name of a `dist/nodes/X/X.node.js` entry: the class name, first letter lower-case. */
const nodeTypeName = (file) => {
	const base = path.basename(file, '.node.js');
	return `${PACKAGE}.${base[0].toLowerCase()}${base.slice(1)}`;
};
const expectedNodes = packageJson.n8n.nodes.map(nodeTypeName);
const expectedCredentials = packageJson.n8n.credentials.map((file) => path.basename(file, '.credentials.js'));

/** n8n 1.x answers its readiness check before its REST routes are mounted: retry a 404 for a minute. */
async function ownerSetup(url, login) {
	const end = Date.now() + 60_000;
	for (;;) {
		try {
			return await setupOwner(url, login);
		} catch (error) {
			if (!/failed: 404/.test(error.message) || Date.now() > end) throw error;
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
}

const summary = [];
const suiteStarted = Date.now();

afterAll(() => {
	const lines = summary.map(
		(s) =>
			`n8n ${s.version.padEnd(8)} Node ${s.node.padEnd(8)} nodes loaded ${s.nodesLoaded}/${expectedNodes.length}` +
			` (tools ${s.toolsLoaded}/${s.toolsExpected}), credentials ${s.credentialsLoaded}/${expectedCredentials.length},` +
			` credential tests ${s.credentialTestsPassed}/${s.credentialTests}, examples passed ${s.examplesPassed}/${exampleFiles.length}` +
			` | provision ${s.provisionCold ? 'cold' : 'warm'} ${formatDuration(s.provisionMs)}, run ${formatDuration(s.runMs)}`,
	);
	process.stderr.write(`\ncompatibility matrix (${formatDuration(Date.now() - suiteStarted)} in total):\n${lines.join('\n')}\n`);
});

/**
 * Provisions every selected version, $ORDER_SYNC_COMPAT_PARALLEL (default 2) at a time (installs
 * are mostly download and disk), started by the first version's tests; each version's tests wait
 * only for their own. Per version: { runtime } or { error }, whether it was a cold install, and
 * how long it took (from its own start).
 */
let provisioning;
function provisionAll() {
	if (provisioning) return provisioning;
	provisioning = new Map();
	const queue = selectedMatrix().slice();
	const parallel = Math.max(1, Number(process.env.ORDER_SYNC_COMPAT_PARALLEL ?? 2));
	const waiters = new Map(queue.map((m) => [m.n8nVersion, deferred()]));
	for (const [version, w] of waiters) provisioning.set(version, w.promise);
	const worker = async () => {
		for (let entry = queue.shift(); entry; entry = queue.shift()) {
			const version = entry.n8nVersion;
			const major = entry.nodeVersion.split('.')[0];
			const cold = !fs.existsSync(path.join(cacheDir(), `n8n-${version}-node${major}`, 'ready.json'));
			const t = Date.now();
			try {
				const runtime = await ensureRuntime({ ...entry, log: (l) => log(`${version}: ${l}`) });
				waiters.get(version).resolve({ runtime, cold, ms: Date.now() - t });
			} catch (error) {
				waiters.get(version).resolve({ error, cold, ms: Date.now() - t });
			}
		}
	};
	for (let i = 0; i < parallel; i++) void worker();
	return provisioning;
}

function deferred() {
	let resolve;
	const promise = new Promise((r) => (resolve = r));
	return { promise, resolve };
}

/** Whether version a is newer than b (plain x.y.z). */
const newer = (a, b) => {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
	return false;
};

describe('the newest 2.x of the matrix', () => {
	it(`${NEWEST_2X} is the newest 2.x that installs: every newer one still lacks a package in the registry`, async () => {
		// Cheap: one `npm view` for the list, one per newer version (not a full install).
		const { stdout } = await npm(['view', 'n8n', 'versions', '--json'], { label: 'npm view n8n versions' });
		const newerVersions = JSON.parse(stdout).filter((v) => /^2\.\d+\.\d+$/.test(v) && newer(v, NEWEST_2X));
		const unexplained = newerVersions.filter((v) => !NEWER_SKIPPED[v]);
		if (unexplained.length) {
			throw new Error(
				`n8n ${unexplained.join(', ')} is newer than the matrix's ${NEWEST_2X} and not in NEWER_SKIPPED (scripts/lib/compat.js): ` +
					'try `npm install --package-lock-only` of it and update NEWEST_2X or NEWER_SKIPPED.',
			);
		}
		for (const v of newerVersions) {
			const { missing } = NEWER_SKIPPED[v];
			const found = await npm(['view', missing, 'version'], { label: `npm view ${missing}` }).then(
				(r) => r.stdout.trim(),
				() => '',
			);
			expect({ version: v, missing, found }).toEqual({ version: v, missing, found: '' });
		}
	});
});

describe.each(selectedMatrix().map((m) => [m.n8nVersion, m]))('n8n %s', (version, entry) => {
	const state = {
		version,
		node: entry.nodeVersion,
		nodesLoaded: 0,
		toolsLoaded: 0,
		toolsExpected: 0,
		credentialsLoaded: 0,
		credentialTests: 0,
		credentialTestsPassed: 0,
		examplesPassed: 0,
		provisionMs: 0,
		runMs: 0,
	};
	let runtime;
	let userFolder;
	let installed;
	let sims;
	let env;
	let server;
	let cookie;
	let nodeTypes = [];
	let credentialTypes = [];
	let runStarted;

	beforeAll(async () => {
		summary.push(state);
		const provisioned = await provisionAll().get(version);
		Object.assign(state, { provisionCold: provisioned.cold, provisionMs: provisioned.ms });
		if (provisioned.error) throw provisioned.error;
		runtime = provisioned.runtime;
		state.node = runtime.node.version;
		let t;
		runStarted = Date.now();

		userFolder = path.join(INSTANCES, `compat-${version}-${process.pid}`);
		fs.rmSync(userFolder, { recursive: true, force: true });
		fs.mkdirSync(userFolder, { recursive: true });
		installed = await installInto(userFolder, { log });
		sims = await startSimulators(installed.credentials);
		env = {
			...n8nEnv(runtime, { userFolder, port: await freePort(), brokerPort: await freePort() }),
			// n8n 1.x warns on every command about the settings file's permissions otherwise.
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		};
		// n8n 1.x has no mcp-registry module and refuses to start when asked to disable an unknown one.
		if (version.startsWith('1.')) delete env.N8N_DISABLED_MODULES;
		await importFixtures(runtime, env, {
			credentials: credentialsFor(sims.running),
			workflowFiles: exampleFiles.map((f) => path.join(EXAMPLES_DIR, f)),
			workDir: path.join(userFolder, 'import'),
		});
		t = Date.now();
		server = await startServer(runtime, env);
		log(`${version}: n8n started in ${formatDuration(Date.now() - t)}`);
		const login = await ownerSetup(server.url, { email: 'compat@example.com', password: newPassword() });
		cookie = await signIn(server.url, login);
		// n8n 1.x may drop a connection while it is still settling after start-up: retry for 30 s.
		const get = async (p) => {
			const end = Date.now() + 30_000;
			for (;;) {
				try {
					return await (await fetch(`${server.url}${p}`, { headers: { cookie } })).json();
				} catch (error) {
					if (server.service.exitInfo) {
						throw new Error(`n8n exited (${JSON.stringify(server.service.exitInfo)}):\n${server.service.output.slice(-4000)}`);
					}
					if (Date.now() > end) throw error;
					await new Promise((r) => setTimeout(r, 2000));
				}
			}
		};
		nodeTypes = await get('/types/nodes.json');
		credentialTypes = await get('/types/credentials.json');
	}, 60 * 60_000);

	afterAll(async () => {
		await server?.service.stop();
		await sims?.stop();
		if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
		if (runStarted) state.runMs = Date.now() - runStarted;
	});

	it("loads every node of package.json's n8n section, and the AI-tool variant of each usableAsTool node", () => {
		const names = new Set(nodeTypes.map((t) => t.name));
		state.nodesLoaded = expectedNodes.filter((n) => names.has(n)).length;
		expect(expectedNodes.filter((n) => !names.has(n))).toEqual([]);
		const tools = nodeTypes.filter((t) => expectedNodes.includes(t.name) && t.usableAsTool).map((t) => `${t.name}Tool`);
		state.toolsExpected = tools.length;
		state.toolsLoaded = tools.filter((t) => names.has(t)).length;
		expect(tools.length).toBeGreaterThan(0);
		expect(tools.filter((t) => !names.has(t))).toEqual([]);
	});

	it("loads every credential of package.json's n8n section", () => {
		const ours = credentialTypes.filter((c) => JSON.stringify(c.iconUrl ?? '').includes(PACKAGE)).map((c) => c.name);
		const expected = expectedCredentials.map((c) => c[0].toLowerCase() + c.slice(1));
		state.credentialsLoaded = expected.filter((c) => ours.includes(c)).length;
		expect(ours.sort()).toEqual(expected.sort());
	});

	it("runs each credential's Test: passes with the simulator's secret, fails with a wrong one", async () => {
		const test = async (credentials) => {
			const res = await fetch(`${server.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body: JSON.stringify({ credentials }),
			});
			expect(res.status).toBe(200);
			return (await res.json()).data;
		};
		const results = [];
		for (const running of sims.running) {
			const { provider, credentialData } = running;
			const credentials = { id: provider.credential.id, name: provider.credential.name, type: provider.credential.type };
			const good = await test({ ...credentials, data: credentialData });
			const bad = await test({ ...credentials, data: { ...credentialData, [provider.credential.secretField]: 'not-the-right-secret' } });
			const ok = good.status === 'OK' && bad.status === 'Error';
			results.push({ provider: provider.key, good: good.status, bad: bad.status, leaked: JSON.stringify(bad).includes(credentialData[provider.credential.secretField]) });
			state.credentialTests++;
			if (ok) state.credentialTestsPassed++;
		}
		expect(results).toEqual(sims.running.map((r) => ({ provider: r.provider.key, good: 'OK', bad: 'Error', leaked: false })));
		expect(sims.skipped).toEqual([]);
	});

	/** All examples in one `n8n execute-batch`, started by the first example test (after the server stopped). */
	let batch;
	const runBatch = async () => {
		// The server is not needed any more: one n8n process at a time on a 2-core machine.
		await server?.service.stop();
		server = undefined;
		const t = Date.now();
		const result = await executeBatch(
			runtime,
			{ ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			exampleFiles.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')).id),
			path.join(userFolder, 'batch'),
		);
		log(`${version}: ${exampleFiles.length} examples ran in one n8n execute-batch in ${formatDuration(Date.now() - t)}`);
		return result;
	};

	it.each(exampleFiles)('runs the example %s headless', async (file) => {
		batch ??= runBatch();
		const { runs } = await batch;
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
		const expectations = workflows[workflow.id];
		if (!expectations) throw new Error(`test/e2e/workflows.js has no checks for ${workflow.id} (${file})`);
		const { run, error } = runs[workflow.id];
		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		// The runs follow each other, so a request belongs to the run whose start and stop enclose it.
		const from = Date.parse(run.startedAt);
		const to = Date.parse(run.stoppedAt);
		expectations.check(run, {
			requests: (key) => {
				const r = sims.running.find((s) => s.provider.key === key);
				if (!r) throw new Error(`no ${key} simulator is running`);
				return r.sim.requests.filter((q) => q.at >= from && q.at <= to);
			},
		});
		state.examplesPassed++;
	});
});
