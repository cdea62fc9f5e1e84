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
 * For the versions marked `singlePackages` (2.40.7 and the last 1.x), the five single-service
 * packages (`npm run pack:packages`, scripts/lib/packages.js) as well, after the bundle:
 *  - the move in place, as docs/single-service-packages.md describes it: the bundle's n8n (its
 *    database and encryption key, so its saved credentials) with a fresh `.n8n/nodes` holding only
 *    the five tarballs, installed together as n8n installs them; the examples exported from it
 *    (`n8n export:workflow`), rewritten by scripts/move-to-single-packages.js and imported again;
 *  - every node, AI-tool variant and credential of the five loads; each credential's Test passes with
 *    the right secret and fails with a wrong one; each moved example keeps its credentials and runs
 *    with the same checks as with the bundle.
 * For `coexistence` (2.40.7): one single-service package installed next to the bundle, measured:
 * both declare the same credential type; what n8n serves, which definition it uses, whether the saved
 * credential and both node types still work, and what it logs.
 * At the end one line per version: n8n version, Node, nodes loaded, examples passed, times.
 * ORDER_SYNC_COMPAT_VERSIONS=2.40.7,1.123.50 runs only those versions of the matrix.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, cacheDir } = require('../../scripts/lib/runtime');
const { installInto, installPackagesInto, installTarball, ROOT } = require('../../scripts/lib/package');
const { startSimulators, credentialsFor } = require('../../scripts/lib/simulators');
const { n8nEnv, cli, importFixtures, startServer, setupOwner, signIn, newPassword } = require('../../scripts/lib/n8n');
const { packPackages, nodeTypeName, credentialTypeName } = require('../../scripts/lib/packages');
const { run } = require('../../scripts/lib/proc');
const { moveWorkflow } = require('../../scripts/move-to-single-packages');
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

const expectedNodes = packageJson.n8n.nodes.map((file) => nodeTypeName(PACKAGE, file));
const expectedCredentials = packageJson.n8n.credentials.map(credentialTypeName);

/**
 * n8n 1.x answers its readiness check before its REST routes are mounted (404), or before its
 * database is (503 "Database is not ready!", seen under load): retry those for a minute.
 */
async function whenMounted(call) {
	const end = Date.now() + 60_000;
	for (;;) {
		try {
			return await call();
		} catch (error) {
			if (!/failed: (404|503)/.test(error.message) || Date.now() > end) throw error;
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
}

/**
 * Starts n8n on the user folder of `env`, signs in (creating the owner `login` first unless the
 * folder has one already) and reads the node and credential types the editor gets. n8n 1.x may drop
 * a connection while it is still settling after start-up, so a read is retried for 30 s. n8n is
 * stopped again when any of this fails.
 */
async function startAndRead(runtime, env, { version, what, login, ownerExists = false }) {
	const t = Date.now();
	const server = await startServer(runtime, env);
	try {
		log(`${version}: n8n started (${what}) in ${formatDuration(Date.now() - t)}`);
		if (!ownerExists) await whenMounted(() => setupOwner(server.url, login));
		const cookie = await whenMounted(() => signIn(server.url, login));
		const get = async (p) => {
			const end = Date.now() + 30_000;
			for (;;) {
				try {
					return await (await fetch(`${server.url}${p}`, { headers: { cookie } })).json();
				} catch (error) {
					if (server.service.exitInfo) {
						throw new Error(
							`n8n exited (${JSON.stringify(server.service.exitInfo)}):\n${server.service.output.slice(-4000)}`,
						);
					}
					if (Date.now() > end) throw error;
					await new Promise((r) => setTimeout(r, 2000));
				}
			}
		};
		return {
			server,
			cookie,
			get,
			nodeTypes: await get('/types/nodes.json'),
			credentialTypes: await get('/types/credentials.json'),
		};
	} catch (error) {
		await server.service.stop();
		throw error;
	}
}

/**
 * Each running simulator's credential tested through n8n's REST API (what the editor's Test button
 * calls): with the simulator's secret, and with a wrong one. `id` is the saved credential's id.
 */
async function credentialTests(server, cookie, running) {
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
	for (const { provider, credentialData } of running) {
		const credentials = {
			id: provider.credential.id,
			name: provider.credential.name,
			type: provider.credential.type,
		};
		const good = await test({ ...credentials, data: credentialData });
		const bad = await test({
			...credentials,
			data: { ...credentialData, [provider.credential.secretField]: 'not-the-right-secret' },
		});
		results.push({
			provider: provider.key,
			good: good.status,
			bad: bad.status,
			leaked: JSON.stringify(bad).includes(credentialData[provider.credential.secretField]),
		});
	}
	return results;
}

/** An example's run checked as test/e2e/workflows.js says, with the requests its simulators got meanwhile. */
function checkExample(runs, workflowId, sims) {
	const expectations = workflows[workflowId];
	if (!expectations) throw new Error(`test/e2e/workflows.js has no checks for ${workflowId}`);
	const { run: result, error } = runs[workflowId];
	expect(error).toBeUndefined();
	expect(result.status).toBe('success');
	// The runs follow each other, so a request belongs to the run whose start and stop enclose it.
	const from = Date.parse(result.startedAt);
	const to = Date.parse(result.stoppedAt);
	expectations.check(result, {
		requests: (key) => {
			const r = sims.running.find((s) => s.provider.key === key);
			if (!r) throw new Error(`no ${key} simulator is running`);
			return r.sim.requests.filter((q) => q.at >= from && q.at <= to);
		},
	});
}

/** The single-service packages, packed once per run from the dist test:compat has just built. */
let packing;
const singlePackages = () => (packing ??= packPackages({ build: false, log }));

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
	for (const s of summary.filter((x) => x.packages)) {
		const p = s.packages;
		lines.push(
			`n8n ${s.version.padEnd(8)} five single-service packages: nodes loaded ${p.nodesLoaded}/${p.nodesExpected}` +
				` (tools ${p.toolsLoaded}/${p.toolsExpected}), credentials ${p.credentialsLoaded}/${p.credentialsExpected},` +
				` credential tests ${p.credentialTestsPassed}/${p.credentialTests}, moved examples passed ${p.examplesPassed}/${exampleFiles.length}` +
				` | run ${formatDuration(p.runMs)}`,
		);
	}
	for (const s of summary.filter((x) => x.coexistence)) {
		const { finding = 'not measured', runMs } = s.coexistence;
		lines.push(`n8n ${s.version.padEnd(8)} bundle + one single package: ${finding} | run ${formatDuration(runMs)}`);
	}
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
	const login = { email: 'compat@example.com', password: newPassword() };

	beforeAll(async () => {
		summary.push(state);
		const provisioned = await provisionAll().get(version);
		Object.assign(state, { provisionCold: provisioned.cold, provisionMs: provisioned.ms });
		if (provisioned.error) throw provisioned.error;
		runtime = provisioned.runtime;
		state.node = runtime.node.version;
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
		({ server, cookie, nodeTypes, credentialTypes } = await startAndRead(runtime, env, { version, what: 'the bundle', login }));
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
		const expected = [...expectedCredentials];
		state.credentialsLoaded = expected.filter((c) => ours.includes(c)).length;
		expect(ours.sort()).toEqual(expected.sort());
	});

	it("runs each credential's Test: passes with the simulator's secret, fails with a wrong one", async () => {
		const results = await credentialTests(server, cookie, sims.running);
		state.credentialTests = results.length;
		state.credentialTestsPassed = results.filter((r) => r.good === 'OK' && r.bad === 'Error' && !r.leaked).length;
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
		checkExample(runs, JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')).id, sims);
		state.examplesPassed++;
	});

	if (entry.singlePackages) {
		describe('the five single-service packages, the examples moved to them', () => {
			const p = {
				nodesLoaded: 0,
				nodesExpected: 0,
				toolsLoaded: 0,
				toolsExpected: 0,
				credentialsLoaded: 0,
				credentialsExpected: 0,
				credentialTests: 0,
				credentialTestsPassed: 0,
				examplesPassed: 0,
				runMs: 0,
			};
			let manifest;
			let folder;
			let packagesEnv;
			let up;
			let movedIds;
			let started;

			beforeAll(async () => {
				state.packages = p;
				// The bundle's examples ran (its n8n is stopped); what a user moves is what they saved there.
				batch ??= runBatch();
				await batch;
				started = Date.now();
				manifest = await singlePackages();
				folder = path.join(INSTANCES, `compat-${version}-packages-${process.pid}`);
				fs.rmSync(folder, { recursive: true, force: true });
				fs.mkdirSync(folder, { recursive: true });

				// The move in place, as the README's "Moving from the bundle" describes it: the same n8n
				// (the bundle's database and encryption key, so its credentials and executions) with the
				// bundle uninstalled and the five packages installed, and its workflows exported,
				// rewritten by scripts/move-to-single-packages.js and imported again.
				const work = path.join(folder, 'move');
				await cli(runtime, env, [
					'export:workflow',
					'--all',
					'--separate',
					`--output=${path.join(work, 'exported')}/`,
				]);
				await run(
					process.execPath,
					[
						path.join(ROOT, 'scripts', 'move-to-single-packages.js'),
						'--out',
						path.join(work, 'moved'),
						path.join(work, 'exported'),
					],
					{
						label: 'move-to-single-packages',
					},
				);
				movedIds = fs
					.readdirSync(path.join(work, 'moved'))
					.map((f) => JSON.parse(fs.readFileSync(path.join(work, 'moved', f), 'utf8')).id);
				const bundleNodes = path.join(userFolder, '.n8n', 'nodes');
				fs.cpSync(path.join(userFolder, '.n8n'), path.join(folder, '.n8n'), {
					recursive: true,
					filter: (src) => src !== bundleNodes && !src.startsWith(`${bundleNodes}${path.sep}`),
				});

				await installPackagesInto(folder, manifest.packages, { log });
				packagesEnv = {
					...env,
					...n8nEnv(runtime, { userFolder: folder, port: await freePort(), brokerPort: await freePort() }),
					// n8n 3.0's default. In 2.40.7 it forbids installing a package n8n has not vetted; packages
					// already in ~/.n8n/nodes (as in a Docker image with them baked in) still load.
					N8N_UNVERIFIED_PACKAGES_ENABLED: 'false',
				};
				if (version.startsWith('1.')) delete packagesEnv.N8N_DISABLED_MODULES;
				await cli(runtime, packagesEnv, [
					'import:workflow',
					'--separate',
					`--input=${path.join(work, 'moved')}`,
				]);
				up = await startAndRead(runtime, packagesEnv, {
					version,
					what: 'the five single-service packages',
					login,
					ownerExists: true,
				});
			}, 30 * 60_000);

			afterAll(async () => {
				await up?.server.service.stop();
				if (folder) fs.rmSync(folder, { recursive: true, force: true });
				if (started) p.runMs = Date.now() - started;
			});

			it('loads every node of the five packages, and the AI-tool variant of each usableAsTool node, with N8N_UNVERIFIED_PACKAGES_ENABLED=false', () => {
				const names = new Set(up.nodeTypes.map((t) => t.name));
				const expected = manifest.packages.flatMap((m) => m.nodeTypes);
				p.nodesExpected = expected.length;
				p.nodesLoaded = expected.filter((n) => names.has(n)).length;
				expect(expected.filter((n) => !names.has(n))).toEqual([]);
				// The same nodes as the bundle's, under the packages' names.
				expect(expected.map((n) => n.split('.')[1]).sort()).toEqual(
					expectedNodes.map((n) => n.split('.')[1]).sort(),
				);
				const tools = up.nodeTypes
					.filter((t) => expected.includes(t.name) && t.usableAsTool)
					.map((t) => `${t.name}Tool`);
				p.toolsExpected = tools.length;
				p.toolsLoaded = tools.filter((t) => names.has(t)).length;
				expect(tools.length).toBe(state.toolsExpected);
				expect(tools.filter((t) => !names.has(t))).toEqual([]);
				expect([...names].filter((n) => n.startsWith(`${PACKAGE}.`))).toEqual([]);
			});

			it('loads every credential of the five packages, each from its own package', () => {
				const expected = manifest.packages.flatMap((m) =>
					m.credentialTypes.map((c) => ({ name: c, from: m.name })),
				);
				p.credentialsExpected = expected.length;
				const loaded = up.credentialTypes
					.filter((c) =>
						manifest.packages.some((m) => JSON.stringify(c.iconUrl ?? '').includes(`/${m.name}/`)),
					)
					.map((c) => ({
						name: c.name,
						from: manifest.packages.find((m) => JSON.stringify(c.iconUrl).includes(`/${m.name}/`))
							.name,
					}));
				p.credentialsLoaded = expected.filter((e) =>
					loaded.some((l) => l.name === e.name && l.from === e.from),
				).length;
				expect(loaded.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
					expected.sort((a, b) => a.name.localeCompare(b.name)),
				);
				// Each credential's documentation is its package's README, at its Credentials section.
				for (const m of manifest.packages) {
					for (const c of m.credentialTypes) {
						expect(up.credentialTypes.find((t) => t.name === c).documentationUrl).toBe(
							`${m.documentationUrl}#credentials`,
						);
					}
				}
			});

			it("runs each credential's Test (the credentials saved with the bundle): passes with the right secret, fails with a wrong one", async () => {
				const results = await credentialTests(up.server, up.cookie, sims.running);
				p.credentialTests = results.length;
				p.credentialTestsPassed = results.filter(
					(r) => r.good === 'OK' && r.bad === 'Error' && !r.leaked,
				).length;
				expect(results).toEqual(
					sims.running.map((r) => ({
						provider: r.provider.key,
						good: 'OK',
						bad: 'Error',
						leaked: false,
					})),
				);
			});

			it('keeps every moved node on the credential it used with the bundle', async () => {
				const saved = new Set((await up.get('/rest/credentials')).data.map((c) => c.id));
				const attached = [];
				for (const id of movedIds) {
					const { data } = await up.get(`/rest/workflows/${id}`);
					for (const node of data.nodes.filter((n) =>
						manifest.packages.some((m) => n.type.startsWith(`${m.name}.`)),
					)) {
						for (const c of Object.values(node.credentials ?? {}))
							attached.push({
								node: `${id}/${node.name}`,
								credential: c.id,
								saved: saved.has(c.id),
							});
					}
					expect(data.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`))).toEqual([]);
				}
				expect(attached.length).toBeGreaterThanOrEqual(exampleFiles.length);
				expect(attached.filter((a) => !a.saved)).toEqual([]);
			});

			let movedBatch;
			it.each(exampleFiles)(
				'runs the moved example %s headless, with the same checks',
				async (file) => {
					movedBatch ??= (async () => {
						await up.server.service.stop();
						const t = Date.now();
						const result = await executeBatch(
							runtime,
							{ ...packagesEnv, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
							movedIds,
							path.join(folder, 'batch'),
						);
						log(
							`${version}: ${movedIds.length} moved examples ran in one n8n execute-batch in ${formatDuration(Date.now() - t)}`,
						);
						return result;
					})();
					const { runs } = await movedBatch;
					checkExample(
						runs,
						JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')).id,
						sims,
					);
					p.examplesPassed++;
				},
			);
		});
	}

	if (entry.coexistence) {
		describe('the bundle and one single-service package in the same n8n', () => {
			const measured = { runMs: 0 };
			const SINGLE = 'n8n-nodes-esputnik';
			const COPY_ID = 'osExEsSheetPkg1';
			let single;
			let up;
			let started;

			beforeAll(async () => {
				state.coexistence = measured;
				batch ??= runBatch();
				await batch;
				started = Date.now();
				single = (await singlePackages()).packages.find((m) => m.name === SINGLE);
				// Installed next to the bundle, into the bundle's user folder with its saved credentials and workflows.
				await installTarball(
					userFolder,
					{ ...single, files: new Set(single.tarballFiles) },
					{ log },
				);
				const original = JSON.parse(
					fs.readFileSync(path.join(EXAMPLES_DIR, 'esputnik-sheet-rows-bulk-sync.json'), 'utf8'),
				);
				const copy = {
					...moveWorkflow(original).workflow,
					id: COPY_ID,
					name: `${original.name} (${SINGLE})`,
				};
				const dir = path.join(userFolder, 'coexistence');
				fs.mkdirSync(dir, { recursive: true });
				fs.writeFileSync(path.join(dir, `${COPY_ID}.json`), JSON.stringify(copy));
				await cli(runtime, env, ['import:workflow', '--separate', `--input=${dir}`]);
				up = await startAndRead(
					runtime,
					{ ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
					{
						version,
						what: `the bundle and ${SINGLE}`,
						login,
						ownerExists: true,
					},
				);
			}, 30 * 60_000);

			afterAll(async () => {
				await up?.server.service.stop();
				if (started) measured.runMs = Date.now() - started;
			});

			it('loads the nodes of both packages, and serves the shared credential type twice; the editor and the server use the one loaded last', () => {
				const names = up.nodeTypes.map((t) => t.name);
				for (const n of ['esputnik', 'esputnikTool']) {
					expect(names).toContain(`${PACKAGE}.${n}`);
					expect(names).toContain(`${SINGLE}.${n}`);
				}
				const declared = up.credentialTypes.filter((c) => c.name === 'esputnikApi');
				const from = (c) => (JSON.stringify(c.iconUrl).includes(`/${SINGLE}/`) ? SINGLE : PACKAGE);
				// n8n concatenates every package's credential types; the editor keys them by name, so the
				// last entry is the one it shows, and the server's getCredential also takes the last
				// package that declares it (load-nodes-and-credentials.js in n8n 2.40.7).
				expect(declared.map(from).sort()).toEqual([PACKAGE, SINGLE].sort());
				measured.used = from(declared[declared.length - 1]);
				measured.finding = `esputnikApi declared by both, served twice by /types/credentials.json; the one loaded last (${measured.used}) is used`;
				log(`${version}: coexistence: ${measured.finding}`);
			});

			it("passes the saved credential's Test, and fails it with a wrong secret", async () => {
				const es = sims.running.filter((r) => r.provider.key === 'esputnik');
				const results = await credentialTests(up.server, up.cookie, es);
				expect(results).toEqual([
					{ provider: 'esputnik', good: 'OK', bad: 'Error', leaked: false },
				]);
			});

			it('logs nothing about the duplicate credential type (n8n does not notice it)', () => {
				const lines = up.server.service.output
					.split('\n')
					.filter((l) => /esputnikApi|duplicate|already (registered|loaded)/i.test(l));
				measured.logLines = lines.length;
				expect(lines).toEqual([]);
			});

			it('runs the bundle-typed and the package-typed eSputnik workflow with the same saved credential', async () => {
				await up.server.service.stop();
				// The moved examples ran against the same simulators with the same execution ids.
				for (const r of sims.running) r.forgetOrders();
				const ids = [
					...exampleFiles.map(
						(f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')).id,
					),
					COPY_ID,
				];
				const { runs } = await executeBatch(
					runtime,
					{ ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
					ids,
					path.join(userFolder, 'coexistence-batch'),
				);
				checkExample(runs, 'osExEsSheetBulk', sims);
				checkExample({ osExEsSheetBulk: runs[COPY_ID] }, 'osExEsSheetBulk', sims);
				const types = (id) => runs[id].run.data.resultData.runData;
				expect(Object.keys(types(COPY_ID))).toEqual(Object.keys(types('osExEsSheetBulk')));
			});
		});
	}
});
