'use strict';
/*
 * n8n's community-package scanner (@n8n/scan-community-package, the check n8n runs before it
 * verifies a package), run offline: its `analyzePackage` on the source tree and on the unpacked
 * `npm pack` tarball, the two legs `npx @n8n/scan-community-package <name>` runs after it has
 * downloaded both (scanner/scanner.mjs analyzePackageByName); the same for each single-service
 * package (scanSinglePackages).
 *
 * The scanner is installed once into <cache>/scan-community-package-<version>/ (outside the
 * repository, like n8n itself, scripts/lib/runtime.js), with three workarounds npm needs for it:
 *  - eslint-plugin-n8n-nodes-base's `preinstall: npx only-allow pnpm` fails under npm → --ignore-scripts;
 *  - the eslint plugin's peer n8n-workflow >=2 drags in isolated-vm (a native build for Node 24)
 *    → --legacy-peer-deps, and n8n-workflow added as a plain dependency (a rule requires it);
 *  - the scanner's typescript@7 has no JS API, which @typescript-eslint needs → typescript 5.9.3
 *    as a direct dependency, so that it is the hoisted one.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cacheDir, cached, npm } = require('./runtime');
const { run } = require('./proc');

const SCANNER_VERSION = '0.32.0';
const TYPESCRIPT_VERSION = '5.9.3';
const ROOT = path.resolve(__dirname, '..', '..');

async function ensureScanner({ log = () => {} } = {}) {
	const workflowVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies['n8n-workflow'];
	return await cached(
		path.join(cacheDir(), `scan-community-package-${SCANNER_VERSION}`),
		`@n8n/scan-community-package ${SCANNER_VERSION}`,
		log,
		async (tmp) => {
			fs.writeFileSync(
				path.join(tmp, 'package.json'),
				JSON.stringify(
					{
						private: true,
						dependencies: {
							'@n8n/scan-community-package': SCANNER_VERSION,
							typescript: TYPESCRIPT_VERSION,
							'n8n-workflow': workflowVersion,
						},
					},
					null,
					2,
				),
			);
			await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps'], {
				cwd: tmp,
				label: `npm install @n8n/scan-community-package@${SCANNER_VERSION}`,
			});
		},
	);
}

/**
 * Runs in the scanner's folder: for each leg, the scanner's own verdict (`analyzePackage`) and every
 * message (errors and warnings) of an ESLint run with the scanner's configuration (`buildScanConfig`),
 * since the verdict only counts errors.
 */
const SCAN_SCRIPT = `
import { analyzePackage, buildScanConfig, findPackageRoot, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
const legs = JSON.parse(process.argv[1]);
const out = [];
for (const leg of legs) {
	if (leg.packageName) {
		const root = findPackageRoot(leg.sourceDir, leg.packageName);
		if (!root) {
			out.push({ name: leg.name, root: null, files: [], passed: false, message: 'no package.json with this name in the source', details: null, findings: [] });
			continue;
		}
		leg.dir = root;
		leg.root = root.slice(leg.sourceDir.length + 1);
	}
	const patterns = leg.patterns ?? SOURCE_FILE_PATTERNS;
	const verdict = await analyzePackage(leg.dir, patterns);
	const eslint = new ESLint({ cwd: leg.dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const files = glob.sync(patterns, { cwd: leg.dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const findings = [];
	for (const r of await eslint.lintFiles(files)) {
		for (const m of r.messages) findings.push({ file: r.filePath.slice(leg.dir.length + 1), line: m.line, severity: m.severity === 2 ? 'error' : 'warning', rule: m.ruleId, message: m.message });
	}
	out.push({ name: leg.name, root: leg.root ?? null, patterns, files: files.map((f) => f.slice(leg.dir.length + 1)).sort(), passed: verdict.passed, message: verdict.message ?? null, details: verdict.details ?? null, findings });
}
process.stdout.write('\\n@@SCAN@@' + JSON.stringify(out));
`;

/** `npm pack` of the repository (dist must be built), unpacked into a temporary folder. */
async function unpackedTarball() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-scan-'));
	const { stdout } = await npm(['pack', '--json', '--pack-destination', dir], { cwd: ROOT, label: 'npm pack' });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	await run('tar', ['-xzf', path.join(dir, info.filename), '-C', unpacked, '--strip-components=1'], { label: 'unpack tarball' });
	return { dir, unpacked, files: info.files.map((f) => f.path) };
}

/**
 * Runs the scanner on `legs` in one Node process: `{ name, dir, patterns? }`, or `{ name, sourceDir,
 * packageName }` for the source leg of a published package, whose folder the scanner's own
 * findPackageRoot looks up in the source (the folder whose package.json has that name).
 */
async function scan(legs, { log = () => {} } = {}) {
	const scannerDir = await ensureScanner({ log });
	// eslint-plugin-n8n-nodes-base treats every file as a node file when NODE_ENV is `test` (its own
	// tests); under jest it is, so the scanner runs without it, as it does in n8n's pipeline.
	const { NODE_ENV, ...env } = process.env;
	const { stdout } = await run(process.execPath, ['--input-type=module', '-e', SCAN_SCRIPT, JSON.stringify(legs)], {
		cwd: scannerDir,
		env,
		label: 'n8n community package scanner',
		timeoutMs: 300_000,
	});
	return JSON.parse(stdout.slice(stdout.lastIndexOf('@@SCAN@@') + 8));
}

/**
 * A package the scanner must reject (the control that shows it finds something): our package.json
 * with a runtime dependency, and a node that uses setTimeout and the deprecated request helper.
 */
function controlFixture() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-scan-control-'));
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	pkg.dependencies = { axios: '1.18.0' };
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
	fs.mkdirSync(path.join(dir, 'nodes', 'Control'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'nodes', 'Control', 'wait.ts'),
		[
			"import type { IExecuteFunctions } from 'n8n-workflow';",
			'export async function wait(this: IExecuteFunctions): Promise<unknown> {',
			'	await new Promise((resolve) => setTimeout(resolve, 10));',
			"	return await this.helpers.request({ uri: 'https://example.com' });",
			'}',
			'',
		].join('\n'),
	);
	return dir;
}

/**
 * Both legs of the scanner: `source` (the repository, the scanner's SOURCE_FILE_PATTERNS) and
 * `tarball` (the unpacked `npm pack`, `**\/*.js` and package.json), with verdicts and findings.
 */
async function scanPackage({ log = () => {}, control = false } = {}) {
	const tarball = await unpackedTarball();
	const controlDir = control ? controlFixture() : undefined;
	try {
		const legs = [
			{ name: 'source', dir: ROOT },
			{ name: 'tarball', dir: tarball.unpacked, patterns: ['**/*.js', 'package.json'] },
			...(controlDir ? [{ name: 'control', dir: controlDir }] : []),
		];
		return { scannerVersion: SCANNER_VERSION, tarballFiles: tarball.files, legs: await scan(legs, { log }) };
	} finally {
		fs.rmSync(tarball.dir, { recursive: true, force: true });
		if (controlDir) fs.rmSync(controlDir, { recursive: true, force: true });
	}
}

/**
 * The repository as GitHub would serve it at a commit of this checkout: the files git tracks or
 * would add (untracked and not ignored), copied into a temporary folder (no build/, no node_modules).
 */
async function repositorySnapshot() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-source-'));
	const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, label: 'git ls-files' });
	for (const file of stdout.split('\0').filter(Boolean)) {
		if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
	return dir;
}

/**
 * The scanner on the five single-service packages, both legs as `npx @n8n/scan-community-package
 * <name>` runs them on a published package: its tarball (unpacked; `**\/*.js` and package.json) and
 * its source, the folder of the repository whose package.json has the package's name (for these
 * packages docs/packages/<name>/: n8n's scanner finds nothing else, and without it the scan fails).
 * `out` is where the packages are packed (from the built dist). With `control`, one more source leg
 * looks for a package the repository has no package.json for, as the scanner would for a package
 * published without one.
 */
async function scanSinglePackages({ out, control = false, log = () => {} }) {
	const { packPackages, unpackTarball } = require('./packages');
	const manifest = await packPackages({ build: false, out, log });
	const source = await repositorySnapshot();
	try {
		const legs = [];
		for (const p of manifest.packages) {
			const { dir } = await unpackTarball(p.tarball, path.join(out, 'unpacked', p.name));
			legs.push({ name: `${p.name} tarball`, dir, patterns: ['**/*.js', 'package.json'] });
			legs.push({ name: `${p.name} source`, sourceDir: source, packageName: p.name });
		}
		if (control) legs.push({ name: 'control source', sourceDir: source, packageName: 'n8n-nodes-not-in-this-repository' });
		return { scannerVersion: SCANNER_VERSION, packages: manifest.packages.map((p) => p.name), legs: await scan(legs, { log }) };
	} finally {
		fs.rmSync(source, { recursive: true, force: true });
	}
}

module.exports = { scanPackage, scanSinglePackages, scan, ensureScanner, SCANNER_VERSION };
