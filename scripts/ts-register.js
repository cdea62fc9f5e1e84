'use strict';
/*
 * Lets plain Node scripts (bench, start) require the TypeScript sources of the nodes, the test
 * harness and the simulators: each .ts file is transpiled in memory with the project's own
 * TypeScript. Type checking is `npm run typecheck`'s job, not this hook's.
 */
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = function register(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
			inlineSourceMap: true,
		},
	});
	module._compile(outputText, filename);
};

// `X.node` must resolve to X.node.ts, not to the codex file X.node.json: try .ts first.
for (const ext of Object.keys(require.extensions)) {
	if (ext === '.ts') continue;
	const loader = require.extensions[ext];
	delete require.extensions[ext];
	require.extensions[ext] = loader;
}
