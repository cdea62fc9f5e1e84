'use strict';
/*
 * Lets the orchestration scripts require the TypeScript provider simulators (test/simulators/*.ts)
 * outside jest: each .ts file is transpiled in memory by the project's own TypeScript. Type
 * checking stays with `npm run typecheck`.
 */
const fs = require('node:fs');

// Under jest, require.extensions is not Node's, and jest's own transform handles .ts.
if (!require.extensions?.['.ts'] && typeof jest === 'undefined') {
	const ts = require('typescript');
	require.extensions['.ts'] = function compileTs(module, filename) {
		const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
				inlineSourceMap: true,
			},
		});
		module._compile(outputText, filename);
	};
}
