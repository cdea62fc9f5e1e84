'use strict';
/*
 * The whole local setup used by `npm start` and the end-to-end tests: n8n (provisioned and cached),
 * a fresh user folder with the packed package installed (or, with `singlePackages`, the five
 * single-service packages of `npm run pack:packages` instead), the provider simulators, demo
 * credentials pointing at them, the example workflows (with `singlePackages`, copies whose node types are
 * moved to the single packages by scripts/move-to-single-packages.js), and the running server with
 * an owner login.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, cacheDir } = require('./runtime');
const { installInto, installPackagesInto, ROOT } = require('./package');
const { packPackages, nodeTypeName } = require('./packages');
const { moveWorkflow } = require('../move-to-single-packages');
const { startSimulators, credentialsFor } = require('./simulators');
const { n8nEnv, importFixtures, startServer, setupOwner, newPassword } = require('./n8n');
const { freePort, formatDuration } = require('./proc');

const EXAMPLES_DIR = path.join(ROOT, 'examples');

/** The installed package(s) as one: names, node types, credential files, entries missing from a tarball. */
function combine(installed) {
	return {
		name: installed.map((p) => p.name).join(', '),
		version: installed[0].version,
		packages: installed.map((p) => p.name),
		nodes: installed.flatMap((p) => p.nodes),
		nodeTypes: installed.flatMap((p) => p.nodes.map((file) => nodeTypeName(p.name, file))),
		credentials: installed.flatMap((p) => p.credentials),
		missing: installed.flatMap((p) => p.missing),
	};
}

/**
 * The example workflows for the installed packages: examples/ as it is for the bundle; for the
 * single-service packages, copies with their node types moved, written to `dir`.
 */
function exampleFiles(singlePackages, dir) {
	const files = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(EXAMPLES_DIR, f));
	if (!singlePackages) return files;
	fs.mkdirSync(dir, { recursive: true });
	return files.map((file) => {
		const moved = path.join(dir, path.basename(file));
		fs.writeFileSync(moved, JSON.stringify(moveWorkflow(JSON.parse(fs.readFileSync(file, 'utf8'))).workflow, null, 2));
		return moved;
	});
}

/**
 * Example workflows, each with what it needs from the installed packages. One that uses a node the
 * packages do not ship yet, or a credential with no running simulator, is skipped with the reason.
 */
function examples({ files, packages, nodeTypes, credentialIds }) {
	const usable = [];
	const skipped = [];
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		const ours = workflow.nodes.filter((n) => packages.includes(n.type.split('.')[0]));
		const missingTypes = [...new Set(ours.map((n) => n.type).filter((t) => !nodeTypes.includes(t)))];
		const missingCredentials = [
			...new Set(
				ours.flatMap((n) => Object.values(n.credentials ?? {}).map((c) => c.id)).filter((id) => !credentialIds.includes(id)),
			),
		];
		const entry = { file, id: workflow.id, name: workflow.name, workflow };
		if (missingTypes.length || missingCredentials.length) {
			const reasons = [
				...missingTypes.map((t) => `node ${t} is not in the installed package(s)`),
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
 * (`<cache>/instances/<instance>`), which is emptied first. With `singlePackages`, the five
 * single-service packages are packed from dist (built already) and installed instead of the bundle.
 */
async function bringUp({ instance, port, allowMissing = false, singlePackages = false, log = () => {} }) {
	const timings = {};
	let t = Date.now();
	const runtime = await ensureRuntime({ log });
	timings.provision = Date.now() - t;

	const userFolder = path.join(cacheDir(), 'instances', instance);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });

	t = Date.now();
	let installed;
	if (singlePackages) {
		log('Packing the single-service packages (npm run pack:packages)…');
		const manifest = await packPackages({ build: false, log });
		log(`Installing ${manifest.packages.length} packages into ${path.join(userFolder, '.n8n', 'nodes')}…`);
		installed = combine(await installPackagesInto(userFolder, manifest.packages, { log }));
	} else {
		log(`Packing the package and installing it into ${path.join(userFolder, '.n8n', 'nodes')}…`);
		installed = combine([await installInto(userFolder, { allowMissing, log })]);
	}
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
			files: exampleFiles(singlePackages, path.join(userFolder, 'examples')),
			packages: installed.packages,
			nodeTypes: installed.nodeTypes,
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

module.exports = { bringUp, exampleFiles, EXAMPLES_DIR };
