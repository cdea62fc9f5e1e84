/**
 * The compatibility matrix (`npm run test:compat`): the packed package in each n8n version of
 * scripts/lib/compat.js, provisioned and cached by scripts/lib/runtime.js. The versions run one
 * after the other (one n8n at a time), so one worker.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/compat'],
	testMatch: ['**/*.compat.js'],
	// The provider simulators are TypeScript.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	testTimeout: 600_000,
	verbose: true,
};
