import { scanPackage } from '../../scripts/lib/compat-scanner';

/**
 * n8n's community-package scanner (@n8n/scan-community-package, installed once into the cache
 * outside the repository by scripts/lib/compat-scanner.js) on the source tree and on the unpacked
 * `npm pack` tarball, offline: zero findings, errors and warnings alike. A control package with a
 * runtime dependency, setTimeout and the deprecated request helper shows that the scanner finds
 * what it should. Needs dist (npm test builds first).
 */
type Leg = {
	name: string;
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
