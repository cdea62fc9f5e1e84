'use strict';
/*
 * The reliability suite at full size: 10,000 orders under injected faults, 5,000 generated orders
 * per provider, the malformed corpus and the secret scan. `npm test` runs the same files smaller.
 *   npx jest -c jest.reliability.config.js
 */
process.env.ORDER_SYNC_RELIABILITY = 'full';

const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/reliability'],
	testTimeout: 30 * 60 * 1000,
};
