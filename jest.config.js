/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	transformIgnorePatterns: ['node_modules/(?!(p-retry|is-network-error|retry|@langchain)/)'],
	setupFilesAfterEnv: ['<rootDir>/test/support/process-state.ts'],
	testTimeout: 120000,
	maxWorkers: 2,
};
