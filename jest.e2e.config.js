/**
 * End-to-end tests (`npm run test:e2e`): the packed package in a real n8n server (provisioned and
 * cached by scripts/lib/runtime.js), the example workflows run headless with `n8n execute`, and
 * the editor driven in headless Chromium. One n8n instance serves the whole run, so one worker.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.js'],
	// The provider simulators are TypeScript.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	testTimeout: 300_000,
	verbose: true,
};
