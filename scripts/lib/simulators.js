'use strict';
/* Starts the provider simulators of ./providers.js that exist in this checkout. */
const fs = require('node:fs');
const path = require('node:path');

require('./require-ts');
const { ROOT } = require('./package');
const { providers } = require('./providers');

/**
 * Starts the simulators of providers whose simulator file exists and whose credential type is in
 * `credentialFiles` (the installed package's `n8n.credentials`). Returns the running ones and the
 * ones skipped, with the reason.
 */
async function startSimulators(credentialFiles) {
	const running = [];
	const skipped = [];
	for (const provider of providers) {
		const file = path.join(ROOT, provider.simulator);
		if (!fs.existsSync(file)) {
			skipped.push({ provider, reason: `no simulator yet (${provider.simulator})` });
			continue;
		}
		if (!credentialFiles.includes(provider.credential.file)) {
			skipped.push({ provider, reason: `the package does not ship ${provider.credential.file}` });
			continue;
		}
		const { sim, credentialData, forgetOrders = () => {} } = await provider.start(require(file));
		running.push({ provider, sim, url: sim.url, credentialData, forgetOrders });
	}
	return {
		running,
		skipped,
		async stop() {
			await Promise.all(running.map((r) => r.sim.stop()));
		},
	};
}

/** n8n's credential import format: data as a plain object, which n8n encrypts on import. */
function credentialsFor(running) {
	return running.map(({ provider, credentialData }) => ({
		id: provider.credential.id,
		name: provider.credential.name,
		type: provider.credential.type,
		data: credentialData,
	}));
}

/** Reports each request a simulator receives, as it arrives. */
function watchRequests(running, print, intervalMs = 250) {
	const seen = new Map(running.map((r) => [r, r.sim.requests.length]));
	const timer = setInterval(() => {
		for (const r of running) {
			const { requests } = r.sim;
			for (let i = seen.get(r); i < requests.length; i++) {
				print(`[${r.provider.key}] ${requests[i].method} ${requests[i].rawUrl}`);
			}
			seen.set(r, requests.length);
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}

module.exports = { startSimulators, credentialsFor, watchRequests };
