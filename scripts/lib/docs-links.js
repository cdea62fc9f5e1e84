'use strict';
/*
 * Checks the links of the Markdown documentation (README.md, CHANGELOG.md, docs/**.md): every
 * relative link must name a file or folder of the repository, and every `#anchor` must be a heading
 * of its target file by GitHub's rules (github-slugger: lower case, punctuation dropped, spaces to
 * hyphens, `-1`, `-2`, … for repeated headings) or an explicit `<a id>` / `<a name>`. Links inside
 * code (fenced blocks, `inline code`) are text, not links. With `repositoryUrl`, absolute links to
 * this repository's files on GitHub (`<repositoryUrl>/blob/main/<path>#anchor`, `…/tree/main/<path>`)
 * are checked the same way against `repositoryRoot` (the single-service packages' READMEs link so,
 * since their relative links resolve inside the package). Used by test/unit/docs-links.test.ts;
 * `node scripts/lib/docs-links.js` prints the problems of this checkout.
 */
const fs = require('node:fs');
const path = require('node:path');

/** GitHub's heading slug (github-slugger): letters, marks, numbers, `_`, `-` and spaces kept. */
function slugify(text) {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** The text GitHub renders for a heading's Markdown: code kept as is, markup and tags dropped. */
function headingText(markdown) {
	return markdown
		.split(/(`+[^`]*`+)/)
		.map((part, i) => {
			if (i % 2 === 1) return part.replace(/^`+|`+$/g, '');
			return part
				.replace(/<[^>]+>/g, '')
				.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/(\*\*|__)(.+?)\1/g, '$2')
				.replace(/(^|[^\p{L}\p{N}])[*_](.+?)[*_](?=[^\p{L}\p{N}]|$)/gu, '$1$2')
				.replace(/\\(.)/g, '$1');
		})
		.join('')
		.trim();
}

/** The lines of a Markdown text that are not inside a fenced code block, with their numbers. */
function proseLines(markdown) {
	const out = [];
	let fence;
	markdown.split('\n').forEach((line, i) => {
		const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (m) {
			if (!fence) fence = m[1];
			else if (m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
			return;
		}
		if (!fence) out.push({ line, number: i + 1 });
	});
	return out;
}

/** Every anchor a Markdown file defines: heading slugs (with GitHub's -1, -2 suffixes) and <a id/name>. */
function anchorsOf(markdown) {
	const anchors = new Set();
	const occurrences = new Map();
	const lines = proseLines(markdown);
	lines.forEach(({ line }, i) => {
		let text;
		const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (atx) text = atx[1] ?? '';
		const next = lines[i + 1];
		if (!atx && line.trim() && next && /^ {0,3}(=+|-+)[ \t]*$/.test(next.line) && next.number === lines[i].number + 1) {
			text = line.trim();
		}
		if (text !== undefined) {
			// github-slugger's occurrence counting, exactly: "a", "a" and "a-1" give a, a-1, a-1-1.
			const base = slugify(headingText(text));
			let slug = base;
			while (occurrences.has(slug)) {
				occurrences.set(base, occurrences.get(base) + 1);
				slug = `${base}-${occurrences.get(base)}`;
			}
			occurrences.set(slug, 0);
			anchors.add(slug);
		}
		for (const m of line.matchAll(/<a\s[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(m[1]);
	});
	return anchors;
}

/** The link targets of a Markdown text (inline links and images, reference definitions, href/src). */
function linksOf(markdown) {
	const links = [];
	for (const { line, number } of proseLines(markdown)) {
		const prose = line.replace(/(`+)(?:(?!\1).)+\1/g, (code) => ' '.repeat(code.length));
		for (const m of prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*(?:<([^>]*)>|([^\s)]+))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
			links.push({ target: m[1] ?? m[2], line: number });
		}
		const def = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(prose);
		if (def) links.push({ target: def[1], line: number });
		for (const m of prose.matchAll(/<(?:a|img)\s[^>]*?\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) {
			links.push({ target: m[1], line: number });
		}
	}
	return links;
}

const nodeFs = {
	read: (file) => fs.readFileSync(file, 'utf8'),
	exists: (file) => fs.existsSync(file),
	list: (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : []),
};

/** README.md, CHANGELOG.md and every .md file under docs/, relative to `root`. */
function docFiles(root, io = nodeFs) {
	const docs = io
		.list(path.join(root, 'docs'))
		.filter((f) => f.endsWith('.md'))
		.map((f) => path.join('docs', f).split(path.sep).join('/'))
		.sort();
	return ['README.md', 'CHANGELOG.md', ...docs];
}

/**
 * Every broken link of `files` (relative to `root`), as "file:line: target: why". An empty list
 * means every relative link and every anchor resolves. `repositoryUrl` (https://github.com/<o>/<r>)
 * and `repositoryRoot` (default `root`): absolute links into that repository's main branch are
 * checked against the files of `repositoryRoot`.
 * @param {string} root
 * @param {string[]} [files]
 * @param {{ read: (file: string) => string, exists: (file: string) => boolean, list: (dir: string) => string[] }} [io]
 * @param {{ repositoryUrl?: string, repositoryRoot?: string }} [options]
 */
function checkDocs(root, files = docFiles(root), io = nodeFs, { repositoryUrl, repositoryRoot = root } = {}) {
	const problems = [];
	const anchorCache = new Map();
	const anchorsOfFile = (abs) => {
		if (!anchorCache.has(abs)) anchorCache.set(abs, anchorsOf(io.read(abs)));
		return anchorCache.get(abs);
	};
	const inRepository = (target) => {
		if (!repositoryUrl) return undefined;
		for (const kind of ['blob', 'tree']) {
			const prefix = `${repositoryUrl}/${kind}/main/`;
			if (target.startsWith(prefix)) return target.slice(prefix.length);
		}
		return undefined;
	};
	for (const file of files) {
		const abs = path.join(root, file);
		if (!io.exists(abs)) {
			problems.push(`${file}: the file does not exist`);
			continue;
		}
		for (const { target, line } of linksOf(io.read(abs))) {
			const where = `${file}:${line}: ${target}`;
			const repositoryPath = inRepository(target);
			if (repositoryPath === undefined && (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//'))) continue; // http:, mailto:, …
			const base = repositoryPath === undefined ? root : repositoryRoot;
			const link = repositoryPath ?? target;
			const hash = link.indexOf('#');
			let linkPath = hash === -1 ? link : link.slice(0, hash);
			let anchor = hash === -1 ? undefined : link.slice(hash + 1);
			try {
				linkPath = decodeURIComponent(linkPath);
				if (anchor !== undefined) anchor = decodeURIComponent(anchor);
			} catch {
				problems.push(`${where}: not a valid URL`);
				continue;
			}
			let resolved;
			if (repositoryPath !== undefined) resolved = path.resolve(base, linkPath || '.');
			else resolved = linkPath ? path.resolve(path.dirname(abs), linkPath) : abs;
			const relative = path.relative(base, resolved);
			if (relative.startsWith('..') || path.isAbsolute(relative)) {
				const outside = repositoryPath === undefined && base !== repositoryRoot ? 'package' : 'repository';
				problems.push(`${where}: points outside the ${outside}`);
				continue;
			}
			if (!io.exists(resolved)) {
				problems.push(`${where}: ${relative.split(path.sep).join('/')} does not exist`);
				continue;
			}
			if (anchor === undefined) continue;
			if (!resolved.endsWith('.md')) {
				problems.push(`${where}: an anchor into a file that is not Markdown`);
				continue;
			}
			if (!anchor || !anchorsOfFile(resolved).has(anchor)) {
				problems.push(`${where}: no heading or <a id> "${anchor}" in ${relative.split(path.sep).join('/')}`);
			}
		}
	}
	return problems;
}

/**
 * Why an absolute URL does not name a page of this repository, or undefined when it does: it must
 * be `<repositoryUrl>/blob/main/<path>.md` (optionally `#anchor`) and `<path>` a Markdown file of
 * `repositoryRoot` with that heading or `<a id>` (GitHub's slugs, as for the links of the docs).
 * The documentation links of the nodes and credentials (n8n's "Docs" link and the credential's
 * "Open docs") are checked so.
 * @param {string} url
 * @param {{ repositoryUrl: string, repositoryRoot: string, io?: typeof nodeFs }} options
 */
function checkRepositoryUrl(url, { repositoryUrl, repositoryRoot, io = nodeFs }) {
	const prefix = `${repositoryUrl}/blob/main/`;
	if (typeof url !== 'string' || !url.startsWith(prefix)) return `not a page of ${prefix}…`;
	const rest = url.slice(prefix.length);
	const hash = rest.indexOf('#');
	let file = hash === -1 ? rest : rest.slice(0, hash);
	let anchor = hash === -1 ? undefined : rest.slice(hash + 1);
	try {
		file = decodeURIComponent(file);
		if (anchor !== undefined) anchor = decodeURIComponent(anchor);
	} catch {
		return 'not a valid URL';
	}
	const resolved = path.resolve(repositoryRoot, file);
	const relative = path.relative(repositoryRoot, resolved);
	if (!file || relative.startsWith('..') || path.isAbsolute(relative)) return 'points outside the repository';
	if (!file.endsWith('.md')) return `${file} is not a Markdown page`;
	if (!io.exists(resolved)) return `${file} does not exist`;
	if (anchor !== undefined && (!anchor || !anchorsOf(io.read(resolved)).has(anchor))) {
		return `no heading or <a id> "${anchor}" in ${file}`;
	}
	return undefined;
}

/**
 * The documentation links of the nodes and credentials of the source tree, as `{ where, url }`:
 * each credential's `documentationUrl` (credentials/*.credentials.ts) and each codex's
 * primaryDocumentation and credentialDocumentation (nodes/<Node>/<Node>.node.json).
 */
function documentationLinks(root, io = nodeFs) {
	const links = [];
	const credentials = io
		.list(path.join(root, 'credentials'))
		.filter((f) => f.endsWith('.credentials.ts'))
		.sort();
	for (const f of credentials) {
		const where = `credentials/${f}`;
		const found = [...io.read(path.join(root, 'credentials', f)).matchAll(/\bdocumentationUrl\s*=\s*(["'`])([^"'`]*)\1/g)];
		if (found.length !== 1) links.push({ where: `${where} documentationUrl`, url: `(${found.length} assignments)` });
		for (const m of found) links.push({ where: `${where} documentationUrl`, url: m[2] });
	}
	const codexes = io
		.list(path.join(root, 'nodes'))
		.map((f) => f.split(path.sep).join('/'))
		.filter((f) => /^[^/]+\/[^/]+\.node\.json$/.test(f))
		.sort();
	for (const f of codexes) {
		const { resources = {} } = JSON.parse(io.read(path.join(root, 'nodes', f)));
		for (const kind of ['primaryDocumentation', 'credentialDocumentation']) {
			const entries = resources[kind] ?? [];
			if (!entries.length) links.push({ where: `nodes/${f} ${kind}`, url: '(none)' });
			for (const { url } of entries) links.push({ where: `nodes/${f} ${kind}`, url });
		}
	}
	return links;
}

/**
 * Every documentation link of the nodes and credentials that names no page of this repository, as "where: url: why".
 * @param {string} root
 * @param {{ repositoryUrl: string, repositoryRoot?: string, io?: typeof nodeFs }} options
 */
function checkDocumentationLinks(root, { repositoryUrl, repositoryRoot = root, io = nodeFs } = {}) {
	return documentationLinks(root, io).flatMap(({ where, url }) => {
		const why = checkRepositoryUrl(url, { repositoryUrl, repositoryRoot, io });
		return why ? [`${where}: ${url}: ${why}`] : [];
	});
}

/** The number of lines of a text file (a final newline does not start another line). */
function lineCount(text) {
	if (!text) return 0;
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function readDoc(root, file, io = nodeFs) {
	return io.read(path.join(root, file));
}

module.exports = {
	slugify,
	headingText,
	anchorsOf,
	linksOf,
	docFiles,
	checkDocs,
	checkRepositoryUrl,
	documentationLinks,
	checkDocumentationLinks,
	lineCount,
	readDoc,
};

if (require.main === module) {
	const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..'));
	const repositoryUrl = require('./packages').repositoryWebUrl(root);
	const problems = [
		...checkDocs(root, docFiles(root), nodeFs, { repositoryUrl }),
		...checkDocumentationLinks(root, { repositoryUrl }),
	];
	for (const p of problems) console.log(p);
	console.log(problems.length ? `${problems.length} broken link(s)` : 'all links resolve');
	process.exitCode = problems.length ? 1 : 0;
}
