/**
 * Queue-mode tests (`npm run test:queue`): the packed package in n8n main + two workers + a webhook
 * processor on real PostgreSQL and Redis (scripts/lib/queue.js), bursts of production webhooks and
 * worker faults. One rig serves the whole run, so one worker.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.js'],
	// The provider simulators are TypeScript.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	testTimeout: 300_000,
	verbose: true,
};
