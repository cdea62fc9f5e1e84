/*
 * The documentation stays navigable: every relative link and #anchor of README.md, CHANGELOG.md and
 * docs/**.md resolves (files exist; anchors match GitHub's heading slugs, duplicates and <a id>
 * included), as does every absolute link to this repository's files on GitHub (the single-service
 * packages' READMEs under docs/packages/ use those), and the README stays short. The checker is
 * scripts/lib/docs-links.js.
 */
import {
	anchorsOf,
	checkDocs,
	checkDocumentationLinks,
	checkRepositoryUrl,
	docFiles,
	documentationLinks,
	headingText,
	lineCount,
	linksOf,
	readDoc,
	slugify,
} from '../../scripts/lib/docs-links';
import { ROOT } from '../../scripts/lib/package';
import { repositoryWebUrl } from '../../scripts/lib/packages';

/** An in-memory repository for the checker: relative path → content (a folder is a path ending in /). */
function memoryRepo(files: Record<string, string>) {
	const root = '/repo';
	const abs = (rel: string) => `${root}/${rel}`.replace(/\/$/, '');
	const entries = new Map(Object.entries(files).map(([rel, text]) => [abs(rel), text]));
	return {
		root,
		io: {
			read: (file: string) => {
				const text = entries.get(file);
				if (text === undefined) throw new Error(`no ${file}`);
				return text;
			},
			exists: (file: string) => entries.has(file) || [...entries.keys()].some((f) => f.startsWith(`${file}/`)),
			list: (dir: string) =>
				[...entries.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)),
		},
	};
}

describe('the repository documentation', () => {
	const files = docFiles(ROOT);

	it('covers the README, the changelog and every page under docs/', () => {
		expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/development.md', 'docs/orders.md']));
		for (const node of ['mailerlite', 'esputnik', 'feedback-company', 'monto', 'montly']) {
			expect(files).toContain(`docs/${node}.md`);
		}
	});

	it('has no broken relative link or anchor, nor absolute link to a file of this repository on GitHub', () => {
		expect(checkDocs(ROOT, files, undefined, { repositoryUrl: repositoryWebUrl() })).toEqual([]);
	});

	it('has a README of at most 300 lines', () => {
		expect(lineCount(readDoc(ROOT, 'README.md'))).toBeLessThanOrEqual(300);
	});

	it("keeps the README's two commands", () => {
		const readme = readDoc(ROOT, 'README.md');
		expect(readme).toContain('npm install && npm start');
		expect(readme).toMatch(/^npm test\b/m);
	});
});

describe("the nodes' and credentials' documentation links (n8n's Docs and Open docs)", () => {
	const repositoryUrl = repositoryWebUrl();
	const links = documentationLinks(ROOT);

	it('are one per credential and two per node codex, the Montly Trigger included', () => {
		const where = links.map((l: { where: string }) => l.where);
		for (const c of ['EsputnikApi', 'FeedbackCompanyApi', 'MailerLiteEcommerceApi', 'MontlyApi', 'MontoApi']) {
			expect(where.filter((w: string) => w === `credentials/${c}.credentials.ts documentationUrl`)).toHaveLength(1);
		}
		for (const n of ['Esputnik', 'FeedbackCompany', 'MailerLiteEcommerce', 'Montly', 'MontlyTrigger', 'Monto']) {
			expect(where).toContain(`nodes/${n}/${n}.node.json primaryDocumentation`);
			expect(where).toContain(`nodes/${n}/${n}.node.json credentialDocumentation`);
		}
		expect(links).toHaveLength(5 + 6 * 2);
	});

	it("each name a page of this repository about the node or credential, with an existing anchor", () => {
		expect(checkDocumentationLinks(ROOT, { repositoryUrl })).toEqual([]);
		const url = (where: string) => links.find((l: { where: string }) => l.where === where)!.url;
		const page = `${repositoryUrl}/blob/main/docs/`;
		expect(url('credentials/MailerLiteEcommerceApi.credentials.ts documentationUrl')).toBe(
			`${page}mailerlite.md#credential-mailerlite-e-commerce-api-mailerliteecommerceapi`,
		);
		expect(url('nodes/FeedbackCompany/FeedbackCompany.node.json primaryDocumentation')).toBe(`${page}feedback-company.md`);
		expect(url('nodes/MontlyTrigger/MontlyTrigger.node.json primaryDocumentation')).toBe(`${page}montly.md#montly-trigger`);
		expect(url('nodes/MontlyTrigger/MontlyTrigger.node.json credentialDocumentation')).toBe(
			`${page}montly.md#credential-montly-api-montlyapi`,
		);
	});

	it('are refused when they leave the repository, name a missing page or anchor, or a page that is not Markdown', () => {
		const { root, io } = memoryRepo({
			'docs/montly.md': '# Montly\n\n## Credential: Montly API (`montlyApi`)\n\n## Montly Trigger\n',
			'docs/x.txt': 'text',
		});
		const options = { repositoryUrl: 'https://github.com/o/r', repositoryRoot: root, io };
		const check = (url: string) => checkRepositoryUrl(url, options);
		expect(check('https://github.com/o/r/blob/main/docs/montly.md')).toBeUndefined();
		expect(check('https://github.com/o/r/blob/main/docs/montly.md#montly-trigger')).toBeUndefined();
		expect(check('https://github.com/o/r/blob/main/docs/montly.md#credential-montly-api-montlyapi')).toBeUndefined();
		expect(check('https://github.com/o/r#montly')).toBe('not a page of https://github.com/o/r/blob/main/…');
		expect(check('https://docs.esputnik.com/reference/ordersbulkinsert-1')).toMatch(/^not a page of/);
		expect(check('https://github.com/o/r/blob/main/docs/monto.md')).toBe('docs/monto.md does not exist');
		expect(check('https://github.com/o/r/blob/main/docs/montly.md#montly-api')).toBe('no heading or <a id> "montly-api" in docs/montly.md');
		expect(check('https://github.com/o/r/blob/main/docs/montly.md#')).toBe('no heading or <a id> "" in docs/montly.md');
		expect(check('https://github.com/o/r/blob/main/docs/x.txt')).toBe('docs/x.txt is not a Markdown page');
		expect(check('https://github.com/o/r/blob/main/../other/README.md')).toBe('points outside the repository');
	});

	it('reports a credential without documentationUrl and a codex without documentation', () => {
		const { root, io } = memoryRepo({
			'credentials/AApi.credentials.ts': "class AApi { name = 'aApi'; }",
			'nodes/A/A.node.json': JSON.stringify({ resources: { primaryDocumentation: [{ url: 'https://github.com/o/r/blob/main/docs/a.md' }] } }),
			'docs/a.md': '# A\n',
		});
		expect(checkDocumentationLinks(root, { repositoryUrl: 'https://github.com/o/r', io })).toEqual([
			'credentials/AApi.credentials.ts documentationUrl: (0 assignments): not a page of https://github.com/o/r/blob/main/…',
			'nodes/A/A.node.json credentialDocumentation: (none): not a page of https://github.com/o/r/blob/main/…',
		]);
	});
});

describe('GitHub heading slugs', () => {
	it.each([
		['From Shopify / WooCommerce', 'from-shopify--woocommerce'],
		['Credential: MailerLite E-Commerce API (`mailerLiteEcommerceApi`)', 'credential-mailerlite-e-commerce-api-mailerliteecommerceapi'],
		['End-to-end tests (`npm run test:e2e`)', 'end-to-end-tests-npm-run-teste2e'],
		['Reliability suites (`test/reliability/`, part of `npm test`)', 'reliability-suites-testreliability-part-of-npm-test'],
		['Limits and UNVERIFIED / inferred behaviour', 'limits-and-unverified--inferred-behaviour'],
		['Dry Run: build a workflow on a live account', 'dry-run-build-a-workflow-on-a-live-account'],
		['Amounts in öre, Å and é', 'amounts-in-öre-å-and-é'],
		['**Bold** and _emphasis_ and [a link](x.md)', 'bold-and-emphasis-and-a-link'],
		['snake_case `a_b` stays', 'snake_case-a_b-stays'],
		['Money → öre × 100', 'money--öre--100'],
	])('%s → #%s', (heading, slug) => {
		expect(slugify(headingText(heading))).toBe(slug);
	});

	it('numbers repeated headings as GitHub does, and reads <a id> and <a name>', () => {
		const anchors = anchorsOf(
			[
				'# Example',
				'## Example',
				'### Example',
				'## Example-1',
				'<a id="custom-anchor"></a>',
				'<a name="legacy"></a>',
				'Setext heading',
				'--------------',
				'```',
				'# not a heading',
				'```',
			].join('\n'),
		);
		expect([...anchors].sort()).toEqual(
			['custom-anchor', 'example', 'example-1', 'example-1-1', 'example-2', 'legacy', 'setext-heading'].sort(),
		);
	});

	it('takes links from prose, not from code', () => {
		const links = linksOf(
			[
				'See [a](docs/a.md#x), ![img](img.png "title") and <a href="b.md">b</a>.',
				'Inline `[not](a-link.md)` code.',
				'```md',
				'[also not](code.md)',
				'```',
				'[ref]: c.md#y',
			].join('\n'),
		);
		expect(links.map((l) => l.target)).toEqual(['docs/a.md#x', 'img.png', 'b.md', 'c.md#y']);
		expect(links.map((l) => l.line)).toEqual([1, 1, 1, 6]);
	});
});

describe('the link check', () => {
	const good = {
		'README.md': '# Title\n\n[Orders](docs/orders.md#statuses) · [top](#title) · [site](https://n8n.io/#x) · [docs](docs/)\n',
		'CHANGELOG.md': '# Changelog\n\n[README](README.md)\n',
		'docs/orders.md': '# Orders\n\n## Statuses\n\n[back](../README.md#title) [again](#statuses)\n',
	};

	it('passes a repository whose links all resolve', () => {
		const { root, io } = memoryRepo(good);
		expect(docFiles(root, io)).toEqual(['README.md', 'CHANGELOG.md', 'docs/orders.md']);
		expect(checkDocs(root, docFiles(root, io), io)).toEqual([]);
	});

	it('reports a missing file, a missing anchor, an anchor in the same file and a link out of the repository', () => {
		const { root, io } = memoryRepo({
			...good,
			'README.md': [
				'# Title',
				'[gone](docs/gone.md)',
				'[bad anchor](docs/orders.md#status)',
				'[self](#titel)',
				'[outside](../shared/providers/esputnik.md)',
				'[not markdown](docs/#x)',
			].join('\n'),
		});
		expect(checkDocs(root, docFiles(root, io), io)).toEqual([
			'README.md:2: docs/gone.md: docs/gone.md does not exist',
			'README.md:3: docs/orders.md#status: no heading or <a id> "status" in docs/orders.md',
			'README.md:4: #titel: no heading or <a id> "titel" in README.md',
			'README.md:5: ../shared/providers/esputnik.md: points outside the repository',
			'README.md:6: docs/#x: an anchor into a file that is not Markdown',
		]);
	});

	it('reports a missing CHANGELOG.md', () => {
		const { root, io } = memoryRepo({ 'README.md': good['README.md'], 'docs/orders.md': good['docs/orders.md'] });
		expect(checkDocs(root, docFiles(root, io), io)).toContain('CHANGELOG.md: the file does not exist');
	});

	it('counts lines as an editor does', () => {
		expect(lineCount('a\nb\n')).toBe(2);
		expect(lineCount('a\nb')).toBe(2);
		expect(lineCount('')).toBe(0);
	});
});
