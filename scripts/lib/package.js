'use strict';
/*
 * Packs this package and installs the tarball (or the single-service packages' tarballs) into an
 * n8n user folder the way n8n itself installs a community package (n8n 2.40.7,
 * CommunityPackagesService.downloadPackage): unpack it into
 * `<user folder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` what is left with n8n's flags, and record it in
 * `.n8n/nodes/package.json`. n8n loads every `n8n-nodes-*` folder there at startup.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { run } = require('./proc');
const { npm } = require('./runtime');

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm pack` of the repository (dist must be built); returns the tarball and its file list. */
async function pack(destDir) {
	fs.mkdirSync(destDir, { recursive: true });
	const { stdout } = await npm(['pack', '--json', '--pack-destination', destDir], {
		cwd: ROOT,
		label: 'npm pack',
	});
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return {
		tarball: path.join(destDir, info.filename),
		name: info.name,
		version: info.version,
		files: new Set(info.files.map((f) => f.path)),
	};
}

/**
 * The `n8n.nodes` and `n8n.credentials` paths that the tarball does not contain. n8n refuses to
 * load the whole package when one of them is missing, so this is checked before installing.
 */
function missingEntries(packageJson, files) {
	const entries = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	return entries.filter((entry) => !files.has(entry));
}

/**
 * A package's code resolves `zod` and `n8n-workflow` by walking up its folders before n8n's own
 * copies are tried; a node_modules folder above the user folder would shadow n8n's copies.
 */
function shadowingNodeModules(dir) {
	const found = [];
	for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
		if (fs.existsSync(path.join(d, 'node_modules'))) found.push(path.join(d, 'node_modules'));
		if (path.dirname(d) === d) return found;
	}
}

function checkUserFolder(userFolder) {
	const shadows = shadowingNodeModules(userFolder);
	if (shadows.length) {
		throw new Error(
			`The n8n user folder ${userFolder} has node_modules above it (${shadows.join(', ')}); ` +
				"the package would load those instead of n8n's own zod and n8n-workflow. Use a folder outside any project.",
		);
	}
}

/**
 * Installs one packed tarball (`{ tarball, name, version, files }`, files as `npm pack` lists them)
 * into `<userFolder>/.n8n/nodes` and records it in that folder's package.json next to the packages
 * already there. With `allowMissing`, n8n paths missing from the tarball are removed from the
 * installed package.json (with a warning) instead of failing: for development while a provider's
 * node is still being written.
 */
async function installTarball(userFolder, packed, { allowMissing = false, log = () => {} } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', packed.name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', packed.tarball, '-C', target, '--strip-components=1'], { label: `unpack ${path.basename(packed.tarball)}` });

	const installedJsonPath = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...installed } = JSON.parse(
		fs.readFileSync(installedJsonPath, 'utf8'),
	);
	const missing = missingEntries(installed, packed.files);
	if (missing.length && !allowMissing) {
		throw new Error(
			`The packed tarball of ${packed.name} lacks files that its package.json's "n8n" section lists, so n8n would not load the package:\n  ${missing.join('\n  ')}\n` +
				'Run `npm run build` and check `files` in package.json. While a provider node is still being written, ' +
				'ORDER_SYNC_ALLOW_MISSING_NODES=1 installs the package without the missing entries.',
		);
	}
	if (missing.length) {
		log(`WARNING: not installing entries that are missing from the tarball:\n  ${missing.join('\n  ')}`);
		installed.n8n.nodes = installed.n8n.nodes.filter((e) => !missing.includes(e));
		installed.n8n.credentials = installed.n8n.credentials.filter((e) => !missing.includes(e));
	}
	fs.writeFileSync(installedJsonPath, JSON.stringify(installed, null, 2));
	await npm(
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: target, label: `npm install (in ${target})` },
	);
	const recordPath = path.join(nodesDir, 'package.json');
	const record = fs.existsSync(recordPath)
		? JSON.parse(fs.readFileSync(recordPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	record.dependencies = { ...record.dependencies, [packed.name]: packed.version };
	fs.writeFileSync(recordPath, JSON.stringify(record, null, 2));
	return {
		dir: target,
		name: packed.name,
		version: packed.version,
		nodes: installed.n8n.nodes,
		credentials: installed.n8n.credentials,
		missing,
	};
}

/** Packs this package (the bundle) and installs it into `<userFolder>/.n8n/nodes`. */
async function installInto(userFolder, { allowMissing = false, log = () => {} } = {}) {
	checkUserFolder(userFolder);
	const packed = await pack(fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-pack-')));
	try {
		return await installTarball(userFolder, packed, { allowMissing, log });
	} finally {
		fs.rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
	}
}

/**
 * Installs tarballs that are already packed (the single-service packages of build/packages:
 * `{ tarball, name, version, tarballFiles }`) into `<userFolder>/.n8n/nodes`, one after the other
 * as n8n installs them. Returns one entry per package, as installTarball does.
 */
async function installPackagesInto(userFolder, packages, { log = () => {} } = {}) {
	checkUserFolder(userFolder);
	const installed = [];
	for (const p of packages) {
		installed.push(await installTarball(userFolder, { ...p, files: new Set(p.tarballFiles) }, { log }));
	}
	return installed;
}

module.exports = { installInto, installPackagesInto, installTarball, missingEntries, checkUserFolder, ROOT };
