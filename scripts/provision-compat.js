'use strict';
/*
 * Provisions the n8n versions of the compatibility matrix that no other suite uses (the 2.40.7 of
 * `npm run test:e2e` and the 1.123.50 of its AI Agent part are left to those), one after another,
 * into the cache. `.ci/run` starts it in the background, at low priority, while the other suites
 * run, so that `npm run test:compat` finds them installed; it waits for it before that suite.
 * A failure here only means test:compat installs the version itself.
 */
const { MATRIX } = require('./lib/compat');
const { ensureRuntime, N8N_VERSION, NODE_VERSION } = require('./lib/runtime');

const skip = new Set([N8N_VERSION, '1.123.50']);
// Node 24 first: it is installed within seconds, long before test:e2e needs the same Node, so the
// two never install it at the same time.
const order = MATRIX.filter((m) => !skip.has(m.n8nVersion)).sort(
	(a, b) => Number(b.nodeVersion === NODE_VERSION) - Number(a.nodeVersion === NODE_VERSION),
);

(async () => {
	for (const entry of order) {
		const t = Date.now();
		try {
			await ensureRuntime({ ...entry, log: (l) => console.log(`${entry.n8nVersion}: ${l}`) });
			console.log(`${entry.n8nVersion}: ready in ${Math.round((Date.now() - t) / 1000)} s`);
		} catch (error) {
			console.log(`${entry.n8nVersion}: not provisioned (${error.message}); test:compat will try again`);
		}
	}
})();
