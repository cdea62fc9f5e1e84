'use strict';
/*
 * Files test/unit/package-verification.test.ts checks (the lint rules for .ts tests allow no fs):
 * the GitHub workflows, parsed with js-yaml (in node_modules through the dev tooling: eslint,
 * @n8n/node-cli), @n8n/node-cli's template workflows, and its release command.
 */
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_CLI = path.join(ROOT, 'node_modules', '@n8n', 'node-cli');

/** .github/workflows/<name>, parsed. */
function workflow(name) {
	return yaml.load(fs.readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8'));
}

/** @n8n/node-cli's template of .github/workflows/<name> for npm, parsed. */
function templateWorkflow(name) {
	const file = path.join(NODE_CLI, 'dist', 'template', 'templates', 'shared', 'default', '.github', 'workflows', name);
	const text = fs
		.readFileSync(file, 'utf8')
		.replaceAll('{{packageManager.name}}', 'npm')
		.replaceAll('{{packageManager.installCommand}}', 'ci');
	return yaml.load(text);
}

/** The source of `n8n-node release` (@n8n/node-cli dist/commands/release.js). */
function releaseCommandSource() {
	return fs.readFileSync(path.join(NODE_CLI, 'dist', 'commands', 'release.js'), 'utf8');
}

module.exports = { workflow, templateWorkflow, releaseCommandSource };
