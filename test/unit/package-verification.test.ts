import packageJson from '../../package.json';
import { releaseCommandSource, templateWorkflow, workflow as readWorkflow } from '../../scripts/lib/compat-verification';
import { ROOT } from '../../scripts/lib/package';
import { OUT, PACKAGES } from '../../scripts/lib/packages';

/**
 * What n8n's verification of community packages asks of package.json and of the publishing setup
 * (docs: integrations/creating-nodes/build/reference/verification-guidelines; @n8n/node-cli's
 * template), checked here so a change that would block verification fails the tests.
 */

type Yaml = Record<string, unknown>;

const workflow = (name: string) => readWorkflow(name) as Yaml;
const steps = (wf: Yaml, job: string) => ((wf.jobs as Yaml)[job] as { steps: Array<Record<string, unknown>> }).steps;

/** The steps publish.yml adds to the template's: the five single-service packages, before its Release. */
const SINGLE_PACKAGE_STEPS = ['Pack the single-service packages', 'Publish the single-service packages'];

describe('package.json for n8n verification', () => {
	const pkg = packageJson as Record<string, unknown> & typeof packageJson;

	it('is found as a community node package and says where it comes from', () => {
		expect(pkg.name).toMatch(/^(@[a-z0-9-]+\/)?n8n-nodes-[a-z0-9-]+$/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/) });
		expect(pkg.homepage).toMatch(/^https:\/\//);
		expect(pkg.author).toEqual({ name: expect.any(String), email: expect.stringMatching(/^[^@\s]+@[^@\s]+$/) });
		expect(pkg.license).toBe('MIT');
	});

	it('has n8n-workflow as its only peer dependency and no runtime dependencies', () => {
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.overrides).toBeUndefined();
	});

	it('ships only dist, and n8n loads it in strict mode with API version 1', () => {
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n.strict).toBe(true);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(entry).toMatch(/^dist\/.+\.js$/);
	});

	it('publishes through n8n-node release, and blocks a plain npm publish', () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		expect(pkg.devDependencies['@n8n/node-cli']).toBeDefined();
	});
});

describe('GitHub workflows (@n8n/node-cli template)', () => {
	it('ci.yml lints and builds on pull requests and pushes to main', () => {
		const ci = workflow('ci.yml');
		expect(ci.on).toEqual({ pull_request: null, push: { branches: ['main'] } });
		expect(ci.concurrency).toEqual({ group: 'ci-${{ github.ref }}', 'cancel-in-progress': true });
		const runs = steps(ci, 'build').map((s) => s.run ?? s.uses);
		expect(runs).toEqual(
			expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npm run lint', 'npm run build']),
		);
	});

	it('publish.yml publishes version tags with provenance (id-token: write) through npm run release', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		const job = (publish.jobs as Yaml).publish as Yaml;
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		const release = steps(publish, 'publish').find((s) => s.name === 'Release')!;
		expect(String(release.run).trim().split('\n').pop()).toBe('npm run release');
		expect(release.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		expect(steps(publish, 'publish').map((s) => s.run ?? s.uses)).toEqual(
			expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci']),
		);
	});

	it('publish.yml publishes all six packages on one tag: the five single-service packages with provenance, then the bundle', () => {
		const all = steps(workflow('publish.yml'), 'publish');
		const names = all.map((s) => s.name ?? s.uses);
		expect(names.slice(-3)).toEqual([...SINGLE_PACKAGE_STEPS, 'Release']);
		const pack = String(all.find((s) => s.name === SINGLE_PACKAGE_STEPS[0])!.run);
		expect(pack.trim().split('\n')).toEqual(['npm run lint', 'npm run pack:packages']);
		const publish = all.find((s) => s.name === SINGLE_PACKAGE_STEPS[1])!;
		const script = String(publish.run);
		const listed = /for name in ([^;]+);/.exec(script)![1].trim().split(/\s+/);
		expect(listed).toEqual(PACKAGES.map((p) => p.name));
		// The tarballs npm run pack:packages writes, published as they were tested.
		expect(`${ROOT}/build/packages`).toBe(OUT);
		expect(script).toContain('npm publish "build/packages/$name-$version.tgz" --provenance --access public');
		expect(script).toContain('version=$(node -p "require(\'./package.json\').version")');
		expect(publish.env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		// The bundle, the sixth, through the template's Release step (n8n-node release: provenance in GitHub Actions).
		expect(packageJson.name).toBe('n8n-nodes-order-sync');
		expect(String(all.find((s) => s.name === 'Release')!.run).trim().split('\n').pop()).toBe('npm run release');
		expect(new Set([packageJson.name, ...listed]).size).toBe(6);
	});

	it('match the template of the installed @n8n/node-cli, with npm as the package manager', () => {
		const template = (name: string) => templateWorkflow(name) as Yaml;
		const publish = workflow('publish.yml');
		const job = (publish.jobs as Yaml).publish as Yaml;
		const withoutOurs = {
			...publish,
			jobs: { publish: { ...job, steps: steps(publish, 'publish').filter((s) => !SINGLE_PACKAGE_STEPS.includes(String(s.name))) } },
		};
		expect(withoutOurs).toEqual(template('publish.yml'));
		const ci = workflow('ci.yml');
		const ciTemplate = template('ci.yml');
		expect({ ...ci, jobs: undefined }).toEqual({ ...ciTemplate, jobs: undefined });
		// Ours runs the tests after the template's steps.
		expect(steps(ci, 'build').slice(0, steps(ciTemplate, 'build').length)).toEqual(steps(ciTemplate, 'build'));
	});

	it('npm run release publishes with provenance in GitHub Actions (@n8n/node-cli)', () => {
		// n8n-node release: in GitHub Actions it runs lint and build, then npm publish with provenance.
		const release = releaseCommandSource();
		expect(release).toContain('GITHUB_ACTIONS');
		expect(release).toContain('NPM_CONFIG_PROVENANCE');
	});
});
