'use strict';
/*
 * The whole local setup used by `npm start` and the end-to-end tests: n8n (provisioned and cached),
 * a fresh user folder with the packed package installed, the provider simulators, demo
 * credentials pointing at them, the example workflows, and the running server with an owner login.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, cacheDir } = require('./runtime');
const { installInto, ROOT } = require('./package');
const { startSimulators, credentialsFor } = require('./simulators');
const { n8nEnv, importFixtures, startServer, setupOwner, newPassword } = require('./n8n');
const { freePort, formatDuration } = require('./proc');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const PACKAGE_PREFIX = 'n8n-nodes-order-sync.';

/** The n8n node type names the installed package provides (class name with a lower-case first letter). */
function installedNodeTypes(installed) {
	return installed.nodes.map((p) => {
		const base = path.basename(p, '.node.js');
		return `${installed.name}.${base[0].toLowerCase()}${base.slice(1)}`;
	});
}

/**
 * Example workflows, each with what it needs from this package. One that uses a node the package
 * does not ship yet, or a credential with no running simulator, is skipped with the reason.
 */
function examples({ nodeTypes, credentialIds }) {
	const usable = [];
	const skipped = [];
	for (const name of fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()) {
		const file = path.join(EXAMPLES_DIR, name);
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		const ours = workflow.nodes.filter((n) => n.type.startsWith(PACKAGE_PREFIX));
		const missingTypes = [...new Set(ours.map((n) => n.type).filter((t) => !nodeTypes.includes(t)))];
		const missingCredentials = [
			...new Set(
				ours.flatMap((n) => Object.values(n.credentials ?? {}).map((c) => c.id)).filter((id) => !credentialIds.includes(id)),
			),
		];
		const entry = { file, id: workflow.id, name: workflow.name, workflow };
		if (missingTypes.length || missingCredentials.length) {
			const reasons = [
				...missingTypes.map((t) => `node ${t} is not in the package`),
				...missingCredentials.map((c) => `credential ${c} has no running simulator`),
			];
			skipped.push({ ...entry, reason: reasons.join('; ') });
		} else {
			usable.push(entry);
		}
	}
	return { usable, skipped };
}

/**
 * Brings everything up. `instance` names the user folder under the cache
 * (`<cache>/instances/<instance>`), which is emptied first.
 */
async function bringUp({ instance, port, allowMissing = false, log = () => {} }) {
	const timings = {};
	let t = Date.now();
	const runtime = await ensureRuntime({ log });
	timings.provision = Date.now() - t;

	const userFolder = path.join(cacheDir(), 'instances', instance);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });

	t = Date.now();
	log(`Packing the package and installing it into ${path.join(userFolder, '.n8n', 'nodes')}…`);
	const installed = await installInto(userFolder, { allowMissing, log });
	timings.install = Date.now() - t;

	const sims = await startSimulators(installed.credentials);
	const stopAll = [() => sims.stop()];
	const stop = async () => {
		for (const fn of [...stopAll].reverse()) await fn().catch(() => {});
	};
	try {
		const env = n8nEnv(runtime, {
			userFolder,
			port: port ?? (await freePort()),
			brokerPort: await freePort(),
		});
		const found = examples({
			nodeTypes: installedNodeTypes(installed),
			credentialIds: sims.running.map((r) => r.provider.credential.id),
		});

		t = Date.now();
		log(`Importing ${sims.running.length} credential(s) and ${found.usable.length} example workflow(s)…`);
		await importFixtures(runtime, env, {
			credentials: credentialsFor(sims.running),
			workflowFiles: found.usable.map((e) => e.file),
			workDir: path.join(userFolder, 'import'),
		});
		timings.import = Date.now() - t;

		t = Date.now();
		log('Starting n8n…');
		const { service, url } = await startServer(runtime, env);
		stopAll.push(() => service.stop());
		const login = await setupOwner(url, { email: 'demo@example.com', password: newPassword() });
		timings.server = Date.now() - t;
		log(`n8n is up (${Object.entries(timings).map(([k, v]) => `${k} ${formatDuration(v)}`).join(', ')}).`);
		return { runtime, env, userFolder, installed, sims, examples: found, timings, stop, service, url, login };
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { bringUp, EXAMPLES_DIR };
