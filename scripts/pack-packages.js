#!/usr/bin/env node
'use strict';
/*
 * `npm run pack:packages`: the five single-service packages beside the bundle, each as an unpacked
 * folder build/packages/<name>/ and its tarball build/packages/<name>-<version>.tgz
 * (scripts/lib/packages.js). Builds first; `--no-build` uses dist/ as it is.
 * `--sync` only writes docs/packages/<name>/package.json from the bundle's package.json (after a
 * version bump; .release-it.json runs it), checking that each package's CHANGELOG has that version.
 */
const path = require('node:path');

const { packPackages, syncCommittedPackageJsons } = require('./lib/packages');

async function main() {
	if (process.argv.includes('--sync')) {
		const written = syncCommittedPackageJsons();
		console.log(
			written.length
				? `Wrote ${written.join(', ')}`
				: 'docs/packages/*/package.json are up to date',
		);
		return;
	}
	const manifest = await packPackages({
		build: !process.argv.includes('--no-build'),
		log: (line) => console.log(line),
	});
	console.log(
		`\n${manifest.packages.length} packages, version ${manifest.version}, in ${path.dirname(manifest.packages[0].tarball)}`,
	);
}

main().catch((error) => {
	console.error(`pack-packages failed: ${error.message}`);
	process.exit(1);
});
