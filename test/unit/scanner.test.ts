import { scanPackage, scanSinglePackages } from '../../scripts/lib/compat-scanner';
import { ROOT } from '../../scripts/lib/package';
import { PACKAGES } from '../../scripts/lib/packages';

/**
 * n8n's community-package scanner (@n8n/scan-community-package, installed once into the cache
 * outside the repository by scripts/lib/compat-scanner.js) on the source tree and on the unpacked
 * `npm pack` tarball, offline: zero findings, errors and warnings alike. A control package with a
 * runtime dependency, setTimeout and the deprecated request helper shows that the scanner finds
 * what it should. Needs dist (npm test builds first).
 */
type Leg = {
	name: string;
	root: string | null;
	files: string[];
	passed: boolean;
	message: string | null;
	details: string | null;
	findings: Array<{ file: string; line: number; severity: string; rule: string; message: string }>;
};

let legs: Leg[];

beforeAll(async () => {
	legs = ((await scanPackage({ control: true })) as { legs: Leg[] }).legs;
}, 10 * 60_000);

const leg = (name: string) => legs.find((l) => l.name === name)!;

describe("n8n's community package scanner", () => {
	it('passes the source tree with no findings', () => {
		const source = leg('source');
		expect(source.files).toEqual(expect.arrayContaining(['package.json', 'credentials/MontoApi.credentials.ts', 'nodes/Monto/Monto.node.ts']));
		expect(source.findings).toEqual([]);
		expect({ passed: source.passed, message: source.message, details: source.details }).toEqual({ passed: true, message: null, details: null });
	});

	it('passes the packed tarball with no findings', () => {
		const tarball = leg('tarball');
		expect(tarball.files).toEqual(expect.arrayContaining(['package.json', 'dist/nodes/Monto/Monto.node.js', 'dist/credentials/MontoApi.credentials.js']));
		expect(tarball.findings).toEqual([]);
		expect({ passed: tarball.passed, message: tarball.message, details: tarball.details }).toEqual({ passed: true, message: null, details: null });
	});

	it('rejects a package with a runtime dependency, setTimeout and the deprecated request helper', () => {
		const control = leg('control');
		expect(control.passed).toBe(false);
		expect(control.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(
			expect.arrayContaining([
				'@n8n/community-nodes/no-runtime-dependencies',
				'@n8n/community-nodes/no-restricted-globals',
				'@n8n/community-nodes/no-deprecated-workflow-functions',
			]),
		);
	});
});

/**
 * The five single-service packages (scripts/lib/packages.js), as `npx @n8n/scan-community-package
 * <name>` would scan each once published: its tarball, and its source, which the scanner finds in
 * the repository at the published commit as the folder whose package.json carries the package's
 * name. For these packages that is docs/packages/<name>/ (only its package.json is there to lint; the
 * TypeScript sources are linted by the repository's own leg above). Without that file the scanner
 * finds no source and fails the package, which the control leg shows.
 */
describe("n8n's community package scanner on the single-service packages", () => {
	let single: Leg[];

	beforeAll(async () => {
		single = (
			(await scanSinglePackages({ out: `${ROOT}/build/test-scanner`, control: true })) as {
				legs: Leg[];
			}
		).legs;
	}, 10 * 60_000);

	it.each(PACKAGES.map((p) => [p.name]))('passes the tarball of %s with no findings', (name) => {
		const tarball = single.find((l) => l.name === `${name} tarball`)!;
		const pkg = PACKAGES.find((p) => p.name === name)!;
		expect(tarball.files).toEqual(
			expect.arrayContaining(['package.json', ...pkg.nodes, ...pkg.credentials]),
		);
		expect(tarball.findings).toEqual([]);
		expect({ passed: tarball.passed, message: tarball.message, details: tarball.details }).toEqual({
			passed: true,
			message: null,
			details: null,
		});
	});

	it.each(PACKAGES.map((p) => [p.name]))(
		'finds the source of %s in the repository, and passes it with no findings',
		(name) => {
			const source = single.find((l) => l.name === `${name} source`)!;
			expect(source.root).toBe(`docs/packages/${name}`);
			expect(source.files).toEqual(['package.json']);
			expect(source.findings).toEqual([]);
			expect(source.passed).toBe(true);
		},
	);

	it('finds no source for a package the repository has no package.json for', () => {
		const control = single.find((l) => l.name === 'control source')!;
		expect({ root: control.root, passed: control.passed }).toEqual({ root: null, passed: false });
	});
});
