'use strict';
/*
 * The queue-mode rig (scripts/lib/queue.js) with the provider simulators, a demo credential for
 * each, and one published workflow per provider: Webhook → our node. Used by `npm run test:queue`
 * and `npm start -- --queue`.
 */
const path = require('node:path');

require('./require-ts');
const { ROOT } = require('./package');
const { providers } = require('./providers');
const { startSimulators, credentialsFor } = require('./simulators');
const { startQueueRig } = require('./queue');
const { burstWorkflow, recordWrites, targets } = require('./queue-workflows');

const PROVIDERS = Object.keys(targets);
/** Monto's simulator in the rig allows this many requests a minute (its default is Monto's measured 30). */
const MONTO_RIG_LIMIT = 600;

const workflowId = (key) => `osQueue${key[0].toUpperCase()}${key.slice(1)}`;
const webhookPath = (key) => `order-sync-${key.toLowerCase()}`;

/**
 * Starts simulators and the rig. `extraMailerLite` adds MailerLite accounts of their own (a
 * simulator each, so their rate-limit windows are separate), each with a credential whose extra
 * data (`credentialData`, e.g. `{ rateLimitShare: 33 }`) is merged in, and a workflow.
 */
async function startQueueStack({
	log = () => {},
	workers = 2,
	webhookProcessors = 1,
	extraMailerLite = [],
} = {}) {
	let sims;
	const stack = { providers: {}, extra: {} };
	const rig = await startQueueRig({
		log,
		workers,
		webhookProcessors,
		async prepare(installed) {
			sims = await startSimulators(installed.credentials);
			const missing = PROVIDERS.filter((k) => !sims.running.some((r) => r.provider.key === k));
			if (missing.length) {
				await sims.stop();
				throw new Error(
					`The queue rig needs all five simulators; not running: ${missing
						.map(
							(k) =>
								`${k} (${sims.skipped.find((s) => s.provider.key === k)?.reason ?? 'unknown'})`,
						)
						.join(', ')}`,
				);
			}
			const monto = sims.running.find((r) => r.provider.key === 'monto');
			monto.sim.rateLimit = require(path.join(ROOT, 'test/simulators/monto.ts')).montoRateLimit(
				MONTO_RIG_LIMIT,
			);

			const workflows = [];
			for (const r of sims.running) {
				const key = r.provider.key;
				if (!targets[key]) continue;
				const workflow = burstWorkflow({
					id: workflowId(key),
					name: `Queue burst: ${r.provider.title}`,
					provider: key,
					credential: { id: r.provider.credential.id, name: r.provider.credential.name },
					webhookPath: webhookPath(key),
				});
				workflows.push(workflow);
				stack.providers[key] = {
					...r,
					workflow,
					path: webhookPath(key),
					recorder: recordWrites(r.sim, key),
				};
			}
			const credentials = credentialsFor(sims.running);

			const ml = providers.find((p) => p.key === 'mailerlite');
			const mlModule = require(path.join(ROOT, ml.simulator));
			for (const extra of extraMailerLite) {
				const { sim, credentialData } = await ml.start(mlModule);
				const credential = {
					id: `osQueue${extra.key}`,
					name: `MailerLite ${extra.key} (local simulator)`,
				};
				credentials.push({
					...credential,
					type: ml.credential.type,
					data: { ...credentialData, ...extra.credentialData },
				});
				const workflow = burstWorkflow({
					id: workflowId(extra.key),
					name: `Queue burst: MailerLite ${extra.key}`,
					provider: 'mailerlite',
					credential,
					webhookPath: webhookPath(extra.key),
				});
				workflows.push(workflow);
				stack.extra[extra.key] = {
					sim,
					workflow,
					path: webhookPath(extra.key),
					recorder: recordWrites(sim, 'mailerlite'),
				};
			}
			return { credentials, workflows };
		},
	}).catch(async (error) => {
		await sims?.stop();
		for (const e of Object.values(stack.extra)) await e.sim.stop();
		throw error;
	});
	const downRig = rig.down;
	rig.down = async () => {
		await downRig();
		await sims?.stop();
		for (const e of Object.values(stack.extra)) await e.sim.stop().catch(() => {});
	};
	return Object.assign(stack, { rig, sims });
}

module.exports = { startQueueStack, PROVIDERS, workflowId, webhookPath, MONTO_RIG_LIMIT };
