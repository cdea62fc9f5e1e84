'use strict';
/* The example workflows (examples/*.json) for tests that cannot read files themselves (the lint forbids fs in .ts). */
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

/** Every example workflow, parsed, with its file name. */
function readExamples() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

module.exports = { readExamples };
