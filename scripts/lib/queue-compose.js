'use strict';
/*
 * Reads examples/docker-compose.queue.yml and examples/Dockerfile.queue for the test that checks
 * them against the rig (test/unit/docker-compose.test.ts). The project has no YAML library, so
 * this parses the subset the example uses, and fails on anything else rather than guess:
 * block mappings, block sequences of scalars, flow sequences of scalars ([a, "b"]), quoted and
 * plain scalars (all kept as strings), comments, anchors (&a), aliases (*a) and merge keys (<<: *a).
 */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const COMPOSE_FILE = path.join(EXAMPLES, 'docker-compose.queue.yml');
const DOCKERFILE = path.join(EXAMPLES, 'Dockerfile.queue');

/** Removes a comment (a # at the start or after a space, outside quotes). */
function stripComment(line) {
	let quote;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quote) {
			if (c === quote) quote = undefined;
		} else if (c === '"' || c === "'") {
			quote = c;
		} else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
			return line.slice(0, i);
		}
	}
	return line;
}

function scalar(text, where) {
	const t = text.trim();
	if (t.startsWith('"')) {
		if (!t.endsWith('"') || t.length < 2) throw new Error(`${where}: unterminated string ${t}`);
		return JSON.parse(t);
	}
	if (t.startsWith("'")) {
		if (!t.endsWith("'") || t.length < 2) throw new Error(`${where}: unterminated string ${t}`);
		return t.slice(1, -1).replace(/''/g, "'");
	}
	if (/^[{|>&!%@`]/.test(t)) throw new Error(`${where}: unsupported YAML "${t}"`);
	return t;
}

function flowSequence(text, where) {
	const inner = text.trim().slice(1, -1).trim();
	if (!inner) return [];
	const items = [];
	let current = '';
	let quote;
	for (const c of inner) {
		if (quote) {
			current += c;
			if (c === quote) quote = undefined;
		} else if (c === '"' || c === "'") {
			quote = c;
			current += c;
		} else if (c === ',') {
			items.push(scalar(current, where));
			current = '';
		} else if (c === '[' || c === '{') {
			throw new Error(`${where}: nested flow collections are not supported`);
		} else {
			current += c;
		}
	}
	items.push(scalar(current, where));
	return items;
}

/** Parses the YAML subset described above into plain objects, arrays and strings. */
function parseYaml(text, file = 'yaml') {
	const lines = text
		.split('\n')
		.map((raw, i) => ({ n: i + 1, text: stripComment(raw).replace(/\s+$/, '') }))
		.filter((l) => l.text.trim() !== '' && l.text.trim() !== '---');
	for (const l of lines) {
		if (/^\t/.test(l.text)) throw new Error(`${file}:${l.n}: tabs are not allowed for indentation`);
		l.indent = l.text.length - l.text.trimStart().length;
	}
	const anchors = new Map();
	let i = 0;

	function value(rest, indent, where) {
		let t = rest.trim();
		let anchor;
		const a = /^&([\w-]+)\s*/.exec(t);
		if (a) {
			anchor = a[1];
			t = t.slice(a[0].length);
		}
		let v;
		if (t === '') {
			v = i < lines.length && lines[i].indent > indent ? block(lines[i].indent) : null;
			if (
				v === null &&
				i < lines.length &&
				lines[i].indent === indent &&
				lines[i].text.trim().startsWith('- ')
			) {
				v = block(indent); // a sequence at the key's own indentation
			}
		} else if (t.startsWith('*')) {
			if (!anchors.has(t.slice(1))) throw new Error(`${where}: unknown alias ${t}`);
			v = anchors.get(t.slice(1));
		} else if (t.startsWith('[')) {
			if (!t.endsWith(']')) throw new Error(`${where}: flow sequences must be on one line`);
			v = flowSequence(t, where);
		} else {
			v = scalar(t, where);
		}
		if (anchor) anchors.set(anchor, v);
		return v;
	}

	function block(indent) {
		const isSeq = lines[i].text.trim().startsWith('- ') || lines[i].text.trim() === '-';
		if (isSeq) {
			const out = [];
			while (
				i < lines.length &&
				lines[i].indent === indent &&
				lines[i].text.trim().startsWith('-')
			) {
				const l = lines[i++];
				const item = l.text.trim().slice(1);
				if (/^\s*[^"'\s][^:]*:(\s|$)/.test(item))
					throw new Error(`${file}:${l.n}: mappings inside sequences are not supported`);
				out.push(value(item, indent, `${file}:${l.n}`));
			}
			return out;
		}
		const out = {};
		const merged = {};
		while (i < lines.length && lines[i].indent === indent) {
			const l = lines[i++];
			const m = /^("[^"]*"|'[^']*'|[^:'"]+):(?:\s+(.*))?$/.exec(l.text.trim());
			if (!m) throw new Error(`${file}:${l.n}: expected "key: value", got "${l.text.trim()}"`);
			const key = scalar(m[1], `${file}:${l.n}`);
			const v = value(m[2] ?? '', indent, `${file}:${l.n}`);
			if (key === '<<') {
				if (typeof v !== 'object' || v === null || Array.isArray(v))
					throw new Error(`${file}:${l.n}: << needs a mapping`);
				for (const [k, x] of Object.entries(v)) if (!(k in merged)) merged[k] = x;
			} else {
				if (Object.prototype.hasOwnProperty.call(out, key))
					throw new Error(`${file}:${l.n}: duplicate key ${key}`);
				out[key] = v;
			}
		}
		if (i < lines.length && lines[i].indent > indent) {
			throw new Error(`${file}:${lines[i].n}: unexpected indentation`);
		}
		// Keys of the mapping itself win over merged ones (YAML's merge key).
		return { ...merged, ...out };
	}

	if (!lines.length) return null;
	const doc = block(lines[0].indent);
	if (i < lines.length) throw new Error(`${file}:${lines[i].n}: unexpected content`);
	return doc;
}

/** The compose example parsed, and the Dockerfile's text. */
function readQueueExample() {
	return {
		compose: parseYaml(fs.readFileSync(COMPOSE_FILE, 'utf8'), path.basename(COMPOSE_FILE)),
		dockerfile: fs.readFileSync(DOCKERFILE, 'utf8'),
		composeFile: COMPOSE_FILE,
		dockerfilePath: DOCKERFILE,
	};
}

module.exports = { parseYaml, readQueueExample, COMPOSE_FILE, DOCKERFILE };
