'use strict';
/*
 * The five single-service packages (one per provider, the ones n8n can verify) built from this
 * tree beside the bundle n8n-nodes-order-sync, by `npm run pack:packages` (scripts/pack-packages.js).
 *
 * Only the entry points are listed here (the issue's table: package, nodes, credential). Each
 * package's files are derived from the compiled code: starting at its node and credential files in
 * dist/, every relative require() is followed, and each entry's `file:` icons and each node's codex
 * file (`<node>.node.json`) are added. So whatever part of nodes/shared/ a provider uses is in its
 * package, wherever it lives, and nothing else is.
 *
 * In each package the documentation links point at that package's own README: the codex's
 * primaryDocumentation at the README, the credential's `documentationUrl` and the codex's
 * credentialDocumentation at its "Credentials" section (whatever they are in the source: there they
 * name the node's page under docs/), and the codex's `node` names the package's node type.
 *
 *   build/packages/<name>/               package.json, README.md, CHANGELOG.md, LICENSE, dist/
 *   build/packages/<name>-<version>.tgz  its `npm pack`
 *   build/packages/manifest.json         what was written (files, node and credential types, tarballs)
 *
 * README.md and CHANGELOG.md come from docs/packages/<name>/ (committed, beside the other docs, so the
 * repository's layout stays as it is and the link check of test/unit/docs-links.test.ts covers them);
 * LICENSE is the repository's.
 *
 * docs/packages/<name>/package.json is the package's package.json, committed: n8n's scanner
 * (`npx @n8n/scan-community-package <name>`) downloads the source at the commit the npm provenance
 * names and looks for the folder whose package.json has the package's name (findPackageRoot); without
 * one the scan fails ("Could not fetch the source repository …"). `node scripts/pack-packages.js --sync`
 * writes them from the bundle's package.json (the release's version bump runs it, .release-it.json);
 * `npm run pack:packages` refuses to pack when one differs from what it would write.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'build', 'packages');
const SOURCES = path.join(ROOT, 'docs', 'packages');
const BUNDLE = 'n8n-nodes-order-sync';

/**
 * The packages. `provider` is the key of scripts/lib/providers.js (simulator, demo credential);
 * `markers` are what identifies the service in any text (names, host names, type names, icon
 * files), matched case-insensitively: another package must contain none of them.
 */
const PACKAGES = [
	{
		name: 'n8n-nodes-mailerlite-ecommerce',
		provider: 'mailerlite',
		title: 'MailerLite E-Commerce',
		description:
			"n8n node for MailerLite's e-commerce API (new platform): shops, products, categories, customers, carts and orders, with validation, safe retries, rate limiting and paging.",
		keywords: ['mailerlite', 'ecommerce', 'orders'],
		nodes: ['dist/nodes/MailerLiteEcommerce/MailerLiteEcommerce.node.js'],
		credentials: ['dist/credentials/MailerLiteEcommerceApi.credentials.js'],
		markers: ['mailerlite', 'mailer lite'],
	},
	{
		name: 'n8n-nodes-esputnik',
		provider: 'esputnik',
		title: 'eSputnik',
		description:
			'n8n node for eSputnik (Yespo) orders: bulk create or update, up to 1000 orders per request, and delete, with validation and safe retries.',
		keywords: ['esputnik', 'yespo', 'orders'],
		nodes: ['dist/nodes/Esputnik/Esputnik.node.js'],
		credentials: ['dist/credentials/EsputnikApi.credentials.js'],
		markers: ['esputnik', 'yespo'],
	},
	{
		name: 'n8n-nodes-feedback-company',
		provider: 'feedbackcompany',
		title: 'The Feedback Company',
		description:
			'n8n node for The Feedback Company API v2: orders with review invitations, invitations, shop and product reviews, with validation and safe retries.',
		keywords: ['feedback-company', 'reviews', 'orders'],
		nodes: ['dist/nodes/FeedbackCompany/FeedbackCompany.node.js'],
		credentials: ['dist/credentials/FeedbackCompanyApi.credentials.js'],
		markers: ['feedbackcompany', 'feedback company', 'feedback-company'],
	},
	{
		name: 'n8n-nodes-monto',
		provider: 'monto',
		title: 'Monto',
		description:
			'n8n node for Monto (review e-mails for Webflow shops): order create or update and order subscriptions, with validation and paced, safe retries.',
		keywords: ['monto', 'webflow', 'reviews', 'orders'],
		nodes: ['dist/nodes/Monto/Monto.node.js'],
		credentials: ['dist/credentials/MontoApi.credentials.js'],
		markers: ['monto'],
	},
	{
		name: 'n8n-nodes-montly',
		provider: 'montly',
		title: 'Montly',
		description:
			'n8n nodes for Montly (LeaseCloud) leasing: orders in öre (create, cancel, mark shipped, status), tariffs, and a trigger for signed webhooks.',
		keywords: ['montly', 'leasecloud', 'leasing', 'orders'],
		nodes: ['dist/nodes/Montly/Montly.node.js', 'dist/nodes/MontlyTrigger/MontlyTrigger.node.js'],
		credentials: ['dist/credentials/MontlyApi.credentials.js'],
		markers: ['montly', 'leasecloud', 'lease cloud'],
	},
];

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const toPosix = (p) => p.split(path.sep).join('/');

/** The bundle's package.json: version, author, repository and license every package shares. */
function bundlePackageJson(root = ROOT) {
	return readJson(path.join(root, 'package.json'));
}

/** https://github.com/<owner>/<repo> from the bundle's repository URL. */
function repositoryWebUrl(root = ROOT) {
	const { url } = bundlePackageJson(root).repository;
	const m = /^(?:git\+)?(https:\/\/github\.com\/[^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
	if (!m) throw new Error(`package.json's repository.url is not a GitHub https URL: ${url}`);
	return m[1];
}

/** The repository path of a package's README source, and its page on GitHub (its documentation URL). */
const readmePath = (pkg) => `docs/packages/${pkg.name}/README.md`;
const documentationUrl = (pkg, root = ROOT) =>
	`${repositoryWebUrl(root)}/blob/main/${readmePath(pkg)}`;
/** The README's section on the credential (the "## Credentials" heading of n8n's template). */
const CREDENTIALS_ANCHOR = 'credentials';
const credentialDocumentationUrl = (pkg, root = ROOT) =>
	`${documentationUrl(pkg, root)}#${CREDENTIALS_ANCHOR}`;

/** n8n's node type name of a node file: `<package>.<class name with a lower-case first letter>`. */
function nodeTypeName(packageName, file) {
	const base = path.basename(file, '.node.js');
	return `${packageName}.${base[0].toLowerCase()}${base.slice(1)}`;
}

/** A credential file's type name (the class name with a lower-case first letter). */
function credentialTypeName(file) {
	const base = path.basename(file, '.credentials.js');
	return `${base[0].toLowerCase()}${base.slice(1)}`;
}

/** The module specifiers of every `require("…")` of a compiled CommonJS file. */
function requiresOf(source, file) {
	const specifiers = [];
	for (const m of source.matchAll(/\brequire\(([^)]*)\)/g)) {
		const literal = /^\s*(["'])([^"']+)\1\s*$/.exec(m[1]);
		if (!literal)
			throw new Error(
				`${file}: require(${m[1]}) is not a string literal; its target cannot be followed`,
			);
		specifiers.push(literal[2]);
	}
	return specifiers;
}

/** Resolves a relative require() of `from` as Node does for these files: x.js, x (a .json), x/index.js. */
function resolveRelative(from, specifier) {
	const base = path.resolve(path.dirname(from), specifier);
	for (const candidate of [`${base}.js`, base, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${path.relative(ROOT, from)}: require("${specifier}") names no file in dist`);
}

/**
 * The JavaScript files `entries` (absolute paths) load, following relative require()s, and the
 * modules they require from outside (n8n-workflow, zod/v4, crypto, …: provided by n8n).
 */
function requireClosure(entries) {
	const files = new Set();
	const externals = new Set();
	const pending = [...entries];
	while (pending.length) {
		const file = pending.pop();
		if (files.has(file)) continue;
		files.add(file);
		if (!file.endsWith('.js')) continue;
		for (const specifier of requiresOf(fs.readFileSync(file, 'utf8'), path.relative(ROOT, file))) {
			if (specifier.startsWith('.')) pending.push(resolveRelative(file, specifier));
			else externals.add(specifier);
		}
	}
	return { files, externals };
}

/**
 * The `file:` icons of an entry (node or credential): every `'file:…'` literal of the files it
 * loads, resolved as n8n resolves them, from the entry's own folder.
 */
function iconsOf(entry, loaded) {
	const icons = new Set();
	for (const file of loaded) {
		if (!file.endsWith('.js')) continue;
		for (const m of fs.readFileSync(file, 'utf8').matchAll(/(["'])file:([^"']+)\1/g)) {
			const icon = path.resolve(path.dirname(entry), m[2]);
			if (!fs.existsSync(icon)) {
				throw new Error(
					`${path.relative(ROOT, file)}: icon file:${m[2]} of ${path.relative(ROOT, entry)} is not in dist`,
				);
			}
			icons.add(icon);
		}
	}
	return icons;
}

/**
 * Every file of dist/ a package needs (paths relative to the repository, e.g. `dist/nodes/…`),
 * and the external modules its code requires.
 */
function packageFiles(pkg, { root = ROOT } = {}) {
	const files = new Set();
	const externals = new Set();
	for (const entry of [...pkg.nodes, ...pkg.credentials]) {
		const abs = path.join(root, entry);
		if (!fs.existsSync(abs)) throw new Error(`${entry} is not built: run npm run build`);
		const closure = requireClosure([abs]);
		for (const f of closure.files) files.add(f);
		for (const e of closure.externals) externals.add(e);
		for (const icon of iconsOf(abs, closure.files)) files.add(icon);
		if (entry.endsWith('.node.js')) {
			const codex = abs.replace(/\.js$/, '.json');
			if (fs.existsSync(codex)) files.add(codex);
		}
	}
	return {
		files: [...files].map((f) => toPosix(path.relative(root, f))).sort(),
		externals: [...externals].sort(),
	};
}

/**
 * The codex (`<node>.node.json`) of a node in a package: its node type and documentation links are
 * the package's (`credentialDocsUrl`, default `docsUrl`, for the credential's).
 */
function rewriteCodex(codex, { packageName, file, docsUrl, credentialDocsUrl = docsUrl }) {
	const out = { ...codex, node: nodeTypeName(packageName, file) };
	out.resources = {
		...(codex.resources ?? {}),
		primaryDocumentation: [{ url: docsUrl }],
		credentialDocumentation: [{ url: credentialDocsUrl }],
	};
	return out;
}

/** A compiled credential with its `documentationUrl` (whatever it was) replaced by `docsUrl`. */
function rewriteCredential(source, { file, docsUrl }) {
	let count = 0;
	const out = source.replace(
		/(\bthis\.documentationUrl\s*=\s*)(["'])(?:\\.|(?!\2)[^\\])*\2/g,
		(_, assign) => {
			count++;
			return `${assign}${JSON.stringify(docsUrl)}`;
		},
	);
	if (count !== 1)
		throw new Error(`${file}: expected one documentationUrl assignment, found ${count}`);
	return out;
}

/** A package's package.json: the bundle's version, author, repository and license; its own n8n section. */
function packageJsonOf(pkg, bundle, root = ROOT) {
	return {
		name: pkg.name,
		version: bundle.version,
		description: pkg.description,
		license: bundle.license,
		homepage: documentationUrl(pkg, root),
		keywords: ['n8n-community-node-package', ...pkg.keywords],
		author: bundle.author,
		repository: bundle.repository,
		files: ['dist', 'CHANGELOG.md'],
		n8n: {
			n8nNodesApiVersion: bundle.n8n.n8nNodesApiVersion,
			strict: bundle.n8n.strict,
			credentials: pkg.credentials,
			nodes: pkg.nodes,
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

/**
 * The five packages together ship exactly the bundle's nodes and credentials, once each, so a node
 * added to the bundle cannot be left out of every package by mistake.
 */
function checkCoverage(bundle, packages = PACKAGES) {
	const problems = [];
	for (const kind of ['nodes', 'credentials']) {
		const shipped = packages.flatMap((p) => p[kind]);
		const twice = shipped.filter((f, i) => shipped.indexOf(f) !== i);
		const missing = bundle.n8n[kind].filter((f) => !shipped.includes(f));
		const extra = shipped.filter((f) => !bundle.n8n[kind].includes(f));
		if (twice.length) problems.push(`${kind} in more than one package: ${twice.join(', ')}`);
		if (missing.length) problems.push(`${kind} of the bundle in no package: ${missing.join(', ')}`);
		if (extra.length) problems.push(`${kind} not in the bundle: ${extra.join(', ')}`);
	}
	if (problems.length)
		throw new Error(
			`scripts/lib/packages.js does not match package.json:\n  ${problems.join('\n  ')}`,
		);
}

/** The `## <version>` heading a package's CHANGELOG must have before that version is packed. */
function checkChangelog(pkg, version, text) {
	const heading = new RegExp(`^##\\s+\\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`, 'm');
	if (!heading.test(text)) {
		throw new Error(
			`docs/packages/${pkg.name}/CHANGELOG.md has no "## ${version}" section: add one before packing ${version}`,
		);
	}
}

/** The committed copy of a package's package.json, where n8n's scanner finds the package in the repository. */
const committedPackageJsonPath = (pkg, root = ROOT) =>
	path.join(root, 'docs', 'packages', pkg.name, 'package.json');
const packageJsonText = (json) => `${JSON.stringify(json, null, '\t')}\n`;

/**
 * The committed package.json files that differ from what the bundle's package.json gives, as
 * `{ name, file, expected, actual }` (actual undefined when the file is missing).
 */
function staleCommittedPackageJsons(root = ROOT) {
	const bundle = bundlePackageJson(root);
	const stale = [];
	for (const pkg of PACKAGES) {
		const file = committedPackageJsonPath(pkg, root);
		const expected = packageJsonText(packageJsonOf(pkg, bundle, root));
		const actual = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
		if (actual !== expected)
			stale.push({ name: pkg.name, file: path.relative(root, file), expected, actual });
	}
	return stale;
}

/**
 * `--sync`: writes docs/packages/<name>/package.json from the bundle's package.json (its version
 * included) after checking that every package's CHANGELOG has a section for that version.
 */
function syncCommittedPackageJsons(root = ROOT) {
	const bundle = bundlePackageJson(root);
	for (const pkg of PACKAGES) {
		checkChangelog(
			pkg,
			bundle.version,
			fs.readFileSync(path.join(root, 'docs', 'packages', pkg.name, 'CHANGELOG.md'), 'utf8'),
		);
	}
	return staleCommittedPackageJsons(root).map(({ file, expected }) => {
		fs.writeFileSync(path.join(root, file), expected);
		return file;
	});
}

/** Writes build/packages/<name>/ (unpacked, ready to `npm pack`); returns what it wrote. */
function writePackage(pkg, { root = ROOT, out = OUT } = {}) {
	const bundle = bundlePackageJson(root);
	const docsUrl = documentationUrl(pkg, root);
	const credentialDocsUrl = credentialDocumentationUrl(pkg, root);
	const dir = path.join(out, pkg.name);
	fs.rmSync(dir, { recursive: true, force: true });
	const { files, externals } = packageFiles(pkg, { root });
	for (const rel of files) {
		const target = path.join(dir, rel);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		const source = path.join(root, rel);
		if (pkg.credentials.includes(rel)) {
			fs.writeFileSync(
				target,
				rewriteCredential(fs.readFileSync(source, 'utf8'), { file: rel, docsUrl: credentialDocsUrl }),
			);
		} else if (rel.endsWith('.node.json') && pkg.nodes.includes(rel.replace(/\.json$/, '.js'))) {
			const codex = rewriteCodex(readJson(source), {
				packageName: pkg.name,
				file: rel.replace(/\.json$/, '.js'),
				docsUrl,
				credentialDocsUrl,
			});
			fs.writeFileSync(target, `${JSON.stringify(codex, null, '\t')}\n`);
		} else {
			fs.copyFileSync(source, target);
		}
	}
	const sources = path.join(root, 'docs', 'packages', pkg.name);
	const changelog = fs.readFileSync(path.join(sources, 'CHANGELOG.md'), 'utf8');
	checkChangelog(pkg, bundle.version, changelog);
	fs.copyFileSync(path.join(sources, 'README.md'), path.join(dir, 'README.md'));
	fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
	fs.copyFileSync(path.join(root, 'LICENSE'), path.join(dir, 'LICENSE'));
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		packageJsonText(packageJsonOf(pkg, bundle, root)),
	);
	return {
		name: pkg.name,
		version: bundle.version,
		provider: pkg.provider,
		dir,
		files,
		externals,
		nodeTypes: pkg.nodes.map((f) => nodeTypeName(pkg.name, f)),
		credentialTypes: pkg.credentials.map(credentialTypeName),
		documentationUrl: docsUrl,
		credentialDocumentationUrl: credentialDocsUrl,
	};
}

/**
 * `npm run pack:packages`: builds once (unless `build` is false, when dist/ is known to be fresh),
 * writes every package's folder and packs it into build/packages/<name>-<version>.tgz. Returns the
 * manifest, also written to build/packages/manifest.json.
 */
async function packPackages({ build = true, root = ROOT, out = OUT, log = () => {} } = {}) {
	const { npm } = require('./runtime');
	if (build) {
		log('Building (npm run build)…');
		await npm(['run', 'build'], { cwd: root, label: 'npm run build' });
	}
	checkCoverage(bundlePackageJson(root));
	const stale = staleCommittedPackageJsons(root);
	if (stale.length) {
		throw new Error(
			`${stale.map((s) => s.file).join(', ')} ${stale.length === 1 ? 'differs' : 'differ'} from the package.json the package gets ` +
				"(n8n's scanner finds the package in the repository by that file): run `node scripts/pack-packages.js --sync` and commit the result",
		);
	}
	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(out, { recursive: true });
	const packages = [];
	for (const pkg of PACKAGES) {
		const written = writePackage(pkg, { root, out });
		const { stdout } = await npm(['pack', '--json', '--pack-destination', out], {
			cwd: written.dir,
			label: `npm pack (${pkg.name})`,
		});
		const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
		const tarball = path.join(out, info.filename);
		packages.push({
			...written,
			tarball,
			tarballFiles: info.files.map((f) => f.path).sort(),
			size: info.size,
		});
		log(
			`${pkg.name}@${written.version}: ${info.files.length} files, ${(info.size / 1024).toFixed(1)} kB → ${path.relative(root, tarball)}`,
		);
	}
	const manifest = { bundle: BUNDLE, version: bundlePackageJson(root).version, packages };
	fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}

/** Every file under `dir` with its text, paths relative to `dir` with `/`. */
function readFiles(dir) {
	return fs
		.readdirSync(dir, { recursive: true })
		.map(String)
		.filter((f) => fs.statSync(path.join(dir, f)).isFile())
		.map((f) => ({ path: toPosix(f), text: fs.readFileSync(path.join(dir, f), 'utf8') }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A tarball unpacked into `dir` (emptied first), for the tests: every file with its text. Under
 * build/, the unpacked code resolves n8n-workflow and zod from this repository's node_modules.
 */
async function unpackTarball(tarball, dir) {
	const { run } = require('./proc');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], {
		label: `unpack ${path.basename(tarball)}`,
	});
	return { dir, files: readFiles(dir) };
}

/**
 * What n8n reads from an unpacked package: each node's and credential's class instantiated from its
 * package.json entry (name, documentation URL, icons, the credentials a node uses) and each node's codex.
 */
function loadEntries(dir) {
	const packageJson = readJson(path.join(dir, 'package.json'));
	const instance = (file, suffix) => {
		const mod = require(path.resolve(dir, file));
		const className = path.basename(file, suffix);
		if (typeof mod[className] !== 'function')
			throw new Error(`${file} exports no class ${className}`);
		return new mod[className]();
	};
	return {
		nodes: packageJson.n8n.nodes.map((file) => {
			const { description } = instance(file, '.node.js');
			const codexFile = path.join(dir, file.replace(/\.js$/, '.json'));
			return {
				file,
				name: description.name,
				icon: description.icon,
				credentials: (description.credentials ?? []).map((c) => c.name),
				codex: fs.existsSync(codexFile) ? readJson(codexFile) : undefined,
			};
		}),
		credentials: packageJson.n8n.credentials.map((file) => {
			const credential = instance(file, '.credentials.js');
			return {
				file,
				name: credential.name,
				documentationUrl: credential.documentationUrl,
				icon: credential.icon,
			};
		}),
	};
}

/** The manifest of the last `npm run pack:packages`, or undefined when there is none. */
function readManifest(out = OUT) {
	const file = path.join(out, 'manifest.json');
	return fs.existsSync(file) ? readJson(file) : undefined;
}

module.exports = {
	PACKAGES,
	packPackages,
	readManifest,
	unpackTarball,
	readFiles,
	loadEntries,
	staleCommittedPackageJsons,
	syncCommittedPackageJsons,
	committedPackageJsonPath,
	BUNDLE,
	OUT,
	SOURCES,
	packageFiles,
	requireClosure,
	requiresOf,
	rewriteCodex,
	rewriteCredential,
	packageJsonOf,
	checkCoverage,
	checkChangelog,
	writePackage,
	documentationUrl,
	credentialDocumentationUrl,
	readmePath,
	repositoryWebUrl,
	nodeTypeName,
	credentialTypeName,
	bundlePackageJson,
};
