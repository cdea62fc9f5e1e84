/*
 * The five single-service packages (issue 20) as `npm run pack:packages` writes them
 * (scripts/lib/packages.js): packed from dist (npm test builds first) into a folder of this test
 * file's own, unpacked, and checked file by file. Each holds its own service and nothing of another
 * provider; its code is exactly what its nodes and credential load; its package.json has every field
 * n8n's verification asks for; its README links resolve; its documentation links name its own README.
 * The move of workflows from the bundle (scripts/move-to-single-packages.js) is checked here on the
 * examples; test/compat runs the moved examples in real n8n.
 */
import bundleJson from '../../package.json';
import { checkDocs, checkRepositoryUrl, docFiles } from '../../scripts/lib/docs-links';
import { ROOT } from '../../scripts/lib/package';
import {
	BUNDLE,
	PACKAGES,
	checkChangelog,
	checkCoverage,
	loadEntries,
	packPackages,
	readFiles,
	readmePath,
	repositoryWebUrl,
	requiresOf,
	rewriteCodex,
	rewriteCredential,
	staleCommittedPackageJsons,
	unpackTarball,
} from '../../scripts/lib/packages';
import { moveWorkflow, movedType, PACKAGE_OF_NODE } from '../../scripts/move-to-single-packages';
import { readExamples } from '../support/examples';

/** `rel` (a `file:` icon or a relative path) resolved from the package folder `folder`. */
function resolveIn(folder: string, rel: string): string {
	const out: string[] = [];
	for (const seg of `${folder}/${rel.replace(/^file:/, '')}`.split('/')) {
		if (seg === '..') out.pop();
		else if (seg !== '.') out.push(seg);
	}
	return out.join('/');
}

type File = { path: string; text: string };
type Packed = {
	name: string;
	version: string;
	tarball: string;
	nodeTypes: string[];
	credentialTypes: string[];
	documentationUrl: string;
	credentialDocumentationUrl: string;
	externals: string[];
};
type Unpacked = { pkg: (typeof PACKAGES)[number]; packed: Packed; dir: string; files: File[] };

const OUT = `${ROOT}/build/test-packages`;
const repositoryUrl = repositoryWebUrl();
const packages: Unpacked[] = [];

beforeAll(async () => {
	const manifest = (await packPackages({ build: false, out: OUT })) as { packages: Packed[] };
	for (const pkg of PACKAGES) {
		const packed = manifest.packages.find((p) => p.name === pkg.name)!;
		const { dir, files } = await unpackTarball(packed.tarball, `${OUT}/unpacked/${pkg.name}`);
		packages.push({ pkg, packed, dir, files });
	}
}, 120_000);

const each = () => PACKAGES.map((p) => [p.name] as [string]);
const unpacked = (name: string) => packages.find((p) => p.pkg.name === name)!;
const file = (u: Unpacked, path: string) => u.files.find((f) => f.path === path);
const json = (u: Unpacked, path: string) =>
	JSON.parse(file(u, path)!.text) as Record<string, unknown>;

/** Where a package's files mention another package's service: "<file>: <marker>", by path and by content. */
function foreignMentions(files: File[], own: string): string[] {
	const found: string[] = [];
	for (const other of PACKAGES.filter((p) => p.name !== own)) {
		for (const f of files) {
			for (const marker of other.markers) {
				if (f.path.toLowerCase().includes(marker)) found.push(`${f.path} (its name): ${marker}`);
				if (f.text.toLowerCase().includes(marker)) found.push(`${f.path}: ${marker}`);
			}
		}
	}
	return found;
}

describe('the five single-service packages', () => {
	it('are exactly the packages, nodes and credentials of the issue', () => {
		expect(
			packages.map(({ packed }) => ({
				name: packed.name,
				nodes: packed.nodeTypes,
				credentials: packed.credentialTypes,
			})),
		).toEqual([
			{
				name: 'n8n-nodes-mailerlite-ecommerce',
				nodes: ['n8n-nodes-mailerlite-ecommerce.mailerLiteEcommerce'],
				credentials: ['mailerLiteEcommerceApi'],
			},
			{
				name: 'n8n-nodes-esputnik',
				nodes: ['n8n-nodes-esputnik.esputnik'],
				credentials: ['esputnikApi'],
			},
			{
				name: 'n8n-nodes-feedback-company',
				nodes: ['n8n-nodes-feedback-company.feedbackCompany'],
				credentials: ['feedbackCompanyApi'],
			},
			{ name: 'n8n-nodes-monto', nodes: ['n8n-nodes-monto.monto'], credentials: ['montoApi'] },
			{
				name: 'n8n-nodes-montly',
				nodes: ['n8n-nodes-montly.montly', 'n8n-nodes-montly.montlyTrigger'],
				credentials: ['montlyApi'],
			},
		]);
	});

	it('ship, together, every node and credential of the bundle once; a node left out is refused', () => {
		expect(() => checkCoverage(bundleJson)).not.toThrow();
		const withoutMontlyTrigger = PACKAGES.map((p) => ({
			...p,
			nodes: p.nodes.filter((n) => !n.includes('MontlyTrigger')),
		}));
		expect(() => checkCoverage(bundleJson, withoutMontlyTrigger)).toThrow(
			/nodes of the bundle in no package: dist\/nodes\/MontlyTrigger\/MontlyTrigger\.node\.js/,
		);
	});

	it('are packed as build/packages/<name>-<version>.tgz with the version of the bundle', () => {
		for (const { packed } of packages) {
			expect(packed.version).toBe(bundleJson.version);
			expect(packed.tarball).toBe(`${OUT}/${packed.name}-${bundleJson.version}.tgz`);
		}
	});
});

describe.each(each())('%s', (name) => {
	it('has a package.json with every field n8n verification asks for', () => {
		const u = unpacked(name);
		const pkg = json(u, 'package.json');
		expect(pkg).toEqual({
			name,
			version: bundleJson.version,
			description: expect.stringMatching(/^n8n nodes? for .{40,}/),
			license: 'MIT',
			homepage: `${repositoryUrl}/blob/main/${readmePath(u.pkg)}`,
			keywords: expect.arrayContaining(['n8n-community-node-package']),
			author: bundleJson.author,
			repository: bundleJson.repository,
			files: ['dist', 'CHANGELOG.md'],
			n8n: {
				n8nNodesApiVersion: 1,
				strict: true,
				credentials: u.pkg.credentials,
				nodes: u.pkg.nodes,
			},
			peerDependencies: { 'n8n-workflow': '*' },
		});
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.scripts).toBeUndefined();
	});

	it("is committed as docs/packages/<name>/package.json, where n8n's scanner finds it in the repository", () => {
		expect(staleCommittedPackageJsons().filter((s: { name: string }) => s.name === name)).toEqual(
			[],
		);
	});

	it('holds its README, CHANGELOG, the MIT LICENSE and its compiled nodes, credential, icons and codex files', () => {
		const u = unpacked(name);
		const paths = u.files.map((f) => f.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'package.json',
				'README.md',
				'CHANGELOG.md',
				'LICENSE',
				...u.pkg.nodes,
				...u.pkg.credentials,
			]),
		);
		expect(file(u, 'LICENSE')!.text).toMatch(/^MIT License/);
		expect(
			paths.filter(
				(p) =>
					!/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/.+\.(js|svg|node\.json))$/.test(
						p,
					),
			),
		).toEqual([]);
		for (const node of u.pkg.nodes) expect(paths).toContain(node.replace(/\.js$/, '.json'));
		expect(paths.filter((p) => p.endsWith('.svg')).length).toBeGreaterThanOrEqual(2);
	});

	it("contains no other provider's name, host, node, credential, icon or doc", () => {
		const u = unpacked(name);
		expect(foreignMentions(u.files, name)).toEqual([]);
		// Its own service is there (the check looks at what it should).
		expect(
			u.files.filter((f) => u.pkg.markers.some((m) => f.text.toLowerCase().includes(m))).length,
		).toBeGreaterThan(5);
		// No node type of the bundle in its code or codex files (the README names them for the move).
		expect(
			u.files
				.filter((f) => f.path.startsWith('dist/') && f.text.includes(`${BUNDLE}.`))
				.map((f) => f.path),
		).toEqual([]);
	});

	it('holds exactly the code its nodes and credential load: every relative require resolves inside, nothing is unreachable', () => {
		const u = unpacked(name);
		const js = u.files.filter((f) => f.path.endsWith('.js'));
		const byPath = new Map(js.map((f) => [f.path, f]));
		const resolve = (from: string, spec: string) => {
			const base = resolveIn(from.split('/').slice(0, -1).join('/'), spec);
			return [`${base}.js`, base, `${base}/index.js`].find((c) => byPath.has(c));
		};
		const reached = new Set<string>();
		const externals = new Set<string>();
		const unresolved: string[] = [];
		const pending = [...u.pkg.nodes, ...u.pkg.credentials];
		while (pending.length) {
			const f = pending.pop()!;
			if (reached.has(f)) continue;
			reached.add(f);
			for (const spec of requiresOf(byPath.get(f)!.text, f)) {
				if (!spec.startsWith('.')) externals.add(spec);
				else {
					const target = resolve(f, spec);
					if (target) pending.push(target);
					else unresolved.push(`${f}: ${spec}`);
				}
			}
		}
		expect(unresolved).toEqual([]);
		expect(js.map((f) => f.path).filter((p) => !reached.has(p))).toEqual([]);
		// Only what n8n provides at runtime (the package has no dependencies).
		expect(
			[...externals].filter((e) => !['n8n-workflow', 'zod/v4', 'crypto', 'luxon'].includes(e)),
		).toEqual([]);
		expect([...externals].sort()).toEqual(u.packed.externals);
	});

	it("loads: n8n's classes of its nodes and credential, with their icons in the package; the documentation links name its own README", () => {
		const u = unpacked(name);
		const entries = loadEntries(u.dir);
		const docs = `${repositoryUrl}/blob/main/${readmePath(u.pkg)}`;
		expect(u.packed.documentationUrl).toBe(docs);
		expect(u.packed.credentialDocumentationUrl).toBe(`${docs}#credentials`);
		// The page exists in this repository (what the URL shows on GitHub once pushed).
		expect(docFiles(ROOT)).toContain(readmePath(u.pkg));
		expect(entries.credentials.map((c: { name: string }) => c.name)).toEqual(
			u.packed.credentialTypes,
		);
		// Every documentation URL of the package, and its homepage, resolve to a page of this repository.
		const urls = [
			json(u, 'package.json').homepage as string,
			...entries.credentials.map((c: { documentationUrl: string }) => c.documentationUrl),
			...entries.nodes.flatMap((n: { codex: { resources: Record<string, Array<{ url: string }>> } }) => [
				...n.codex.resources.primaryDocumentation,
				...n.codex.resources.credentialDocumentation,
			]).map((d: { url: string }) => d.url),
		];
		expect(urls).toHaveLength(1 + entries.credentials.length + 2 * entries.nodes.length);
		for (const url of urls) {
			expect([url, checkRepositoryUrl(url, { repositoryUrl, repositoryRoot: ROOT })]).toEqual([url, undefined]);
		}
		for (const credential of entries.credentials) {
			expect(credential.documentationUrl).toBe(`${docs}#credentials`);
			for (const icon of Object.values(credential.icon as Record<string, string>)) {
				expect(u.files.map((f) => f.path)).toContain(resolveIn('dist/credentials', icon));
			}
		}
		for (const node of entries.nodes) {
			expect(`${name}.${node.name}`).toBe(u.packed.nodeTypes[u.pkg.nodes.indexOf(node.file)]);
			expect(node.credentials).toEqual(u.packed.credentialTypes);
			expect(node.codex.node).toBe(`${name}.${node.name}`);
			expect(node.codex.resources.primaryDocumentation).toEqual([{ url: docs }]);
			expect(node.codex.resources.credentialDocumentation).toEqual([{ url: `${docs}#credentials` }]);
			expect(node.codex.alias).toEqual(expect.arrayContaining(['order']));
			const folder = node.file.split('/').slice(0, -1).join('/');
			for (const icon of Object.values(node.icon as Record<string, string>)) {
				expect(u.files.map((f) => f.path)).toContain(resolveIn(folder, icon));
			}
		}
	});

	it("has a README in the layout of n8n's community-node template, and a CHANGELOG with this version", () => {
		const u = unpacked(name);
		const readme = file(u, 'README.md')!.text;
		const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual(
			expect.arrayContaining([
				'Installation',
				'Operations',
				'Credentials',
				'Compatibility',
				'Usage',
				'Resources',
				'Version history',
			]),
		);
		expect(readme).toContain(`# ${name}`);
		expect(() =>
			checkChangelog(u.pkg, bundleJson.version, file(u, 'CHANGELOG.md')!.text),
		).not.toThrow();
	});

	it('has README and CHANGELOG links that resolve: inside the package, or to this repository on GitHub', () => {
		const u = unpacked(name);
		expect(
			checkDocs(u.dir, ['README.md', 'CHANGELOG.md'], undefined, {
				repositoryUrl,
				repositoryRoot: ROOT,
			}),
		).toEqual([]);
		expect(file(u, 'README.md')!.text).toContain(`${repositoryUrl}/blob/main/`);
	});
});

describe('the checks can fail', () => {
	it("finds every other provider in the bundle's dist", () => {
		const dist = (readFiles(`${ROOT}/dist`) as File[]).filter((f) =>
			/\.(js|json|svg)$/.test(f.path),
		);
		for (const pkg of PACKAGES) {
			const others = PACKAGES.filter((p) => p.name !== pkg.name);
			const mentioned = new Set(foreignMentions(dist, pkg.name).map((m) => m.split(': ').pop()));
			expect(
				others.filter((o) => !o.markers.some((m) => mentioned.has(m))).map((o) => o.name),
			).toEqual([]);
		}
	});

	it('reports a mention of another provider by file name and by content', () => {
		const mixed: File[] = [
			{ path: 'dist/nodes/Esputnik/Esputnik.node.js', text: 'esputnik' },
			{ path: 'README.md', text: 'Also sends orders to app.monto.io and api.montly.com.' },
		];
		expect(foreignMentions(mixed, 'n8n-nodes-esputnik')).toEqual([
			'README.md: monto',
			'README.md: montly',
		]);
	});

	it('reports a link that leaves the package, a missing repository file and a missing anchor', () => {
		const io = {
			read: () =>
				`[up](../README.md) [gone](${repositoryUrl}/blob/main/docs/gone.md) [bad](${repositoryUrl}/blob/main/README.md#no-such-heading)`,
			exists: (f: string) => !f.endsWith('gone.md'),
			list: () => [],
		};
		expect(
			checkDocs(packages[0].dir, ['README.md'], io, { repositoryUrl, repositoryRoot: ROOT }),
		).toEqual([
			'README.md:1: ../README.md: points outside the package',
			`README.md:1: ${repositoryUrl}/blob/main/docs/gone.md: docs/gone.md does not exist`,
			`README.md:1: ${repositoryUrl}/blob/main/README.md#no-such-heading: no heading or <a id> "no-such-heading" in README.md`,
		]);
	});
});

describe('the documentation links of a package', () => {
	const docs = 'https://example.com/readme';

	it('replace whatever documentationUrl a compiled credential has, and refuse a credential with none or two', () => {
		for (const url of ["'https://a.example/x#y'", '"https://b.example/\\"q\\""', "'docs'"]) {
			const out = rewriteCredential(
				`class C { constructor() { this.name = 'c'; this.documentationUrl = ${url}; this.x = 1; } }`,
				{ file: 'C.js', docsUrl: docs },
			);
			expect(out).toBe(
				`class C { constructor() { this.name = 'c'; this.documentationUrl = "${docs}"; this.x = 1; } }`,
			);
		}
		expect(() => rewriteCredential('class C {}', { file: 'C.js', docsUrl: docs })).toThrow(
			/expected one documentationUrl assignment, found 0/,
		);
		expect(() =>
			rewriteCredential("this.documentationUrl = 'a'; this.documentationUrl = 'b';", {
				file: 'C.js',
				docsUrl: docs,
			}),
		).toThrow(/found 2/);
	});

	it("point a codex's credential documentation at another URL when given one", () => {
		expect(
			rewriteCodex(
				{ node: 'x', resources: { credentialDocumentation: [{ url: 'https://old' }] } },
				{ packageName: 'p', file: 'dist/nodes/A/A.node.js', docsUrl: docs, credentialDocsUrl: `${docs}#credentials` },
			).resources,
		).toEqual({
			primaryDocumentation: [{ url: docs }],
			credentialDocumentation: [{ url: `${docs}#credentials` }],
		});
	});

	it("replace a codex's documentation and node type, whatever they were, and keep the rest", () => {
		const codex = {
			node: `${BUNDLE}.montlyTrigger`,
			categories: ['Sales'],
			resources: {
				primaryDocumentation: [{ url: 'https://x' }, { url: 'https://y' }],
				generic: [{ url: 'https://z' }],
			},
		};
		expect(
			rewriteCodex(codex, {
				packageName: 'n8n-nodes-montly',
				file: 'dist/nodes/MontlyTrigger/MontlyTrigger.node.js',
				docsUrl: docs,
			}),
		).toEqual({
			node: 'n8n-nodes-montly.montlyTrigger',
			categories: ['Sales'],
			resources: {
				primaryDocumentation: [{ url: docs }],
				credentialDocumentation: [{ url: docs }],
				generic: [{ url: 'https://z' }],
			},
		});
		expect(
			rewriteCodex(
				{ node: 'x' },
				{ packageName: 'p', file: 'dist/nodes/A/A.node.js', docsUrl: docs },
			).resources,
		).toEqual({
			primaryDocumentation: [{ url: docs }],
			credentialDocumentation: [{ url: docs }],
		});
	});

	it('refuse to pack a version the CHANGELOG has no section for', () => {
		expect(() => checkChangelog(PACKAGES[0], '9.9.9', '# Changelog\n\n## 0.1.0\n')).toThrow(
			/has no "## 9\.9\.9" section/,
		);
		expect(() =>
			checkChangelog(PACKAGES[0], '0.1.0', '# Changelog\n\n## [0.1.0] - 2026-12-07\n'),
		).not.toThrow();
	});
});

describe('moving workflows from the bundle (scripts/move-to-single-packages.js)', () => {
	it('knows the package of every node of the bundle, as the packages ship them', () => {
		const shipped = Object.fromEntries(
			PACKAGES.flatMap((p) =>
				p.nodes.map((n) => {
					const base = n.split('/').pop()!.replace('.node.js', '');
					return [`${base[0].toLowerCase()}${base.slice(1)}`, p.name];
				}),
			),
		);
		expect(PACKAGE_OF_NODE).toEqual(shipped);
	});

	it('moves every bundle node of the examples, AI-tool variants too, and changes nothing else', () => {
		for (const { file, workflow } of readExamples()) {
			const { workflow: moved, moves } = moveWorkflow(workflow);
			const ours = workflow.nodes.filter((n: { type: string }) => n.type.startsWith(`${BUNDLE}.`));
			expect({ file, moves: moves.length }).toEqual({ file, moves: ours.length });
			expect(
				moved.nodes
					.map((n: { type: string }) => n.type)
					.filter((t: string) => t.startsWith(`${BUNDLE}.`)),
			).toEqual([]);
			const withoutTypes = (w: { nodes: Array<{ type: string }> }) => ({
				...w,
				nodes: w.nodes.map((n) => ({ ...n, type: undefined })),
			});
			expect(withoutTypes(moved)).toEqual(withoutTypes(workflow));
			expect(moveWorkflow(moved).moves).toEqual([]);
		}
		expect(movedType(`${BUNDLE}.esputnikTool`)).toBe('n8n-nodes-esputnik.esputnikTool');
		expect(movedType(`${BUNDLE}.montlyTrigger`)).toBe('n8n-nodes-montly.montlyTrigger');
		expect(movedType('n8n-nodes-base.set')).toBeUndefined();
	});

	it('moves each workflow of an exported array, and stops at a bundle node no package provides', () => {
		const node = (type: string) => ({
			name: type,
			type,
			parameters: {},
			credentials: { esputnikApi: { id: 'c1', name: 'E' } },
		});
		const { workflow, moves } = moveWorkflow([
			{ nodes: [node(`${BUNDLE}.esputnik`)] },
			{ nodes: [node(`${BUNDLE}.monto`)] },
		]);
		expect(workflow).toEqual([
			{ nodes: [{ ...node(`${BUNDLE}.esputnik`), type: 'n8n-nodes-esputnik.esputnik' }] },
			{ nodes: [{ ...node(`${BUNDLE}.monto`), type: 'n8n-nodes-monto.monto' }] },
		]);
		expect(moves).toHaveLength(2);
		expect(() => moveWorkflow({ nodes: [node(`${BUNDLE}.shopify`)] })).toThrow(
			`${BUNDLE}.shopify: no single-service package provides this node type`,
		);
	});
});
