#!/usr/bin/env node
'use strict';
/*
 * Moves exported n8n workflows from the bundle n8n-nodes-order-sync to the single-service packages:
 * every node type `n8n-nodes-order-sync.<node>` (and its AI-tool variant `<node>Tool`) becomes
 * `n8n-nodes-<service>.<node>`. Nothing else changes: parameters, node names, connections and the
 * credentials each node uses stay as they are (the credential type names are the same in both).
 *
 *   node move-to-single-packages.js workflow.json > moved.json      one file to stdout
 *   node move-to-single-packages.js --out moved/ a.json b.json …      each file into moved/
 *   node move-to-single-packages.js --out moved/ exported/            every .json file of a folder
 *
 * A file may hold one workflow (the editor's Download, `n8n export:workflow --id=… `) or an array
 * of them (`n8n export:workflow --all`). A node type of the bundle that no package provides stops
 * the run with its name. The script is self-contained (Node 18+, no dependencies), so it can be
 * downloaded alone and run next to n8n.
 */
const fs = require('node:fs');
const path = require('node:path');

const BUNDLE = 'n8n-nodes-order-sync';

/** The bundle's node types (without the package prefix) and the package that provides each. */
const PACKAGE_OF_NODE = {
	mailerLiteEcommerce: 'n8n-nodes-mailerlite-ecommerce',
	esputnik: 'n8n-nodes-esputnik',
	feedbackCompany: 'n8n-nodes-feedback-company',
	monto: 'n8n-nodes-monto',
	montly: 'n8n-nodes-montly',
	montlyTrigger: 'n8n-nodes-montly',
};

/** The new type of a bundle node type, or undefined for any other type. */
function movedType(type) {
	if (typeof type !== 'string' || !type.startsWith(`${BUNDLE}.`)) return undefined;
	const name = type.slice(BUNDLE.length + 1);
	const base =
		name.endsWith('Tool') && !(name in PACKAGE_OF_NODE) ? name.slice(0, -'Tool'.length) : name;
	const pkg = PACKAGE_OF_NODE[base];
	if (!pkg) throw new Error(`${type}: no single-service package provides this node type`);
	return `${pkg}.${name}`;
}

/**
 * A copy of `workflow` (or of each workflow of an array) with every node of the bundle moved, in
 * every `nodes` list it holds (the workflow's own, and a published version's in n8n 2.x exports).
 * Returns the copy and the moves, as `<node name>: <old type> → <new type>`.
 */
function moveWorkflow(workflow) {
	const moves = [];
	const walk = (value) => {
		if (Array.isArray(value)) return value.map(walk);
		if (!value || typeof value !== 'object') return value;
		const out = {};
		for (const [key, v] of Object.entries(value)) out[key] = walk(v);
		const type = movedType(value.type);
		if (type && 'parameters' in value) {
			out.type = type;
			moves.push(`${value.name}: ${value.type} → ${type}`);
		}
		return out;
	};
	return { workflow: walk(workflow), moves };
}

function inputFiles(args) {
	return args.flatMap((arg) =>
		fs.statSync(arg).isDirectory()
			? fs
					.readdirSync(arg)
					.filter((f) => f.endsWith('.json'))
					.sort()
					.map((f) => path.join(arg, f))
			: [arg],
	);
}

function main(argv) {
	const outIndex = argv.indexOf('--out');
	const out = outIndex === -1 ? undefined : argv[outIndex + 1];
	const args = outIndex === -1 ? argv : argv.filter((_, i) => i !== outIndex && i !== outIndex + 1);
	if (!args.length || args.includes('--help') || (outIndex !== -1 && !out)) {
		process.stderr.write(
			'usage: move-to-single-packages.js [--out <folder>] <workflow.json | folder>…\n',
		);
		return 2;
	}
	const files = inputFiles(args);
	if (!out && files.length !== 1) {
		process.stderr.write(
			'More than one workflow file: name a folder to write them to with --out <folder>.\n',
		);
		return 2;
	}
	if (out) fs.mkdirSync(out, { recursive: true });
	for (const file of files) {
		const { workflow, moves } = moveWorkflow(JSON.parse(fs.readFileSync(file, 'utf8')));
		const text = `${JSON.stringify(workflow, null, 2)}\n`;
		if (out) fs.writeFileSync(path.join(out, path.basename(file)), text);
		else process.stdout.write(text);
		process.stderr.write(
			`${file}: ${moves.length} node(s) moved${moves.length ? `\n  ${moves.join('\n  ')}` : ''}\n`,
		);
	}
	return 0;
}

module.exports = { moveWorkflow, movedType, PACKAGE_OF_NODE, BUNDLE };

if (require.main === module) {
	try {
		process.exitCode = main(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`move-to-single-packages: ${error.message}\n`);
		process.exitCode = 1;
	}
}
