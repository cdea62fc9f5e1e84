#!/usr/bin/env node
'use strict';
/*
 * `npm start` (after `npm run build`): a real n8n with this package installed from its packed
 * tarball, every provider simulator, demo credentials and the example workflows. Prints the
 * editor URL and the login; Ctrl-C stops everything it started.
 *
 *   --port <n>   editor port (default: $N8N_PORT, else 5678, else any free port)
 *   --packages   the five single-service packages (`npm run pack:packages`) instead of the bundle,
 *                with the example workflows' node types moved to them
 *   --queue      n8n in queue mode instead (scripts/lib/queue.js): PostgreSQL, Redis, main, two
 *                workers and a webhook processor on free ports, a published Webhook → node
 *                workflow per provider; prints the editor URL, the login and the workers' health URLs
 */
const { bringUp } = require('./lib/stack');
const { watchRequests } = require('./lib/simulators');
const { isPortFree, freePort } = require('./lib/proc');

function argValue(name) {
	const i = process.argv.indexOf(name);
	return i === -1 ? undefined : process.argv[i + 1];
}

async function choosePort() {
	const wanted = Number(argValue('--port') ?? process.env.N8N_PORT ?? 5678);
	if (await isPortFree(wanted)) return wanted;
	const port = await freePort();
	console.log(`Port ${wanted} is in use; using ${port}.`);
	return port;
}

/** `npm start -- --queue`: the queue-mode rig of `npm run test:queue`, for a person to try. */
async function queue() {
	const { startQueueStack } = require('./lib/queue-stack');
	const { targets } = require('./lib/queue-workflows');
	const log = (line) => console.log(`» ${line}`);
	const stack = await startQueueStack({ log });
	const { rig } = stack;

	let stopping = 0;
	const shutdown = async (signal) => {
		if (stopping) {
			if (Date.now() - stopping < 2000) return;
			console.log('Forcing exit.');
			process.exit(1);
		}
		stopping = Date.now();
		console.log(`\n${signal}: stopping n8n, PostgreSQL, Redis and the simulators…`);
		await rig.down();
		console.log('Stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	for (const p of rig.processes.values()) {
		p.service.exited.then((info) => {
			if (!stopping) console.error(`${p.name} (n8n ${p.role}) stopped (${JSON.stringify(info)}); its log: ${rig.logDir}/${p.name}.log`);
		});
	}

	const line = '─'.repeat(72);
	const [firstKey] = Object.keys(stack.providers);
	console.log(`\n${line}`);
	console.log(`n8n ${rig.runtime.n8nVersion} in queue mode with ${rig.installed.name}@${rig.installed.version} in every process.`);
	console.log(`\n  Editor:    ${rig.main.url}`);
	console.log(`  Email:     ${rig.login.email}`);
	console.log(`  Password:  ${rig.login.password}`);
	console.log('\nProcesses (logs in ' + rig.logDir + '):');
	for (const p of rig.processes.values()) {
		console.log(`  ${p.name.padEnd(9)} n8n ${p.role.padEnd(8)} ${p.role === 'worker' ? `health ${p.healthUrl}` : p.url}`);
	}
	console.log(`  PostgreSQL 127.0.0.1:${rig.pg.port} (database n8n), Redis 127.0.0.1:${rig.redis.port}`);
	console.log('\nPublished workflows (Webhook → our node); POST an order to a production URL, on main or the webhook processor:');
	for (const p of Object.values(stack.providers)) console.log(`  ${p.provider.title.padEnd(24)} ${rig.webhooks[0].url}/webhook/${p.path}`);
	console.log(`\n  e.g. curl -X POST -H 'content-type: application/json' ${rig.webhooks[0].url}/webhook/${stack.providers[firstKey].path} \\\n         -d '${JSON.stringify(targets[firstKey].body('try-1'))}'`);
	console.log('\nExecutions (Overview → Executions) run on the workers; their logs say "Worker started execution <id>".');
	console.log('Press Ctrl-C to stop everything.');
	console.log(line);
	watchRequests(
		Object.values(stack.providers).map((p) => ({ provider: p.provider, sim: p.sim })),
		(l) => console.log(l),
	);
}

async function main() {
	const singlePackages = process.argv.includes('--packages');
	if (process.argv.includes('--queue')) {
		if (singlePackages) throw new Error('--queue installs the bundle; it cannot be combined with --packages');
		return await queue();
	}
	const log = (line) => console.log(`» ${line}`);
	const up = await bringUp({
		instance: 'start',
		port: await choosePort(),
		allowMissing: process.env.ORDER_SYNC_ALLOW_MISSING_NODES === '1',
		singlePackages,
		log,
	});

	let stopping = 0;
	const shutdown = async (signal) => {
		// A terminal's Ctrl-C reaches us both directly and forwarded by npm: only a later one forces.
		if (stopping) {
			if (Date.now() - stopping < 2000) return;
			console.log('Forcing exit.');
			process.exit(1);
		}
		stopping = Date.now();
		console.log(`\n${signal}: stopping n8n and the simulators…`);
		await up.stop();
		console.log('Stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	up.service.exited.then((info) => {
		if (stopping) return;
		console.error(`n8n stopped unexpectedly (${JSON.stringify(info)}). Its last output:\n${up.service.output.slice(-4000)}`);
		void shutdown('n8n exit');
	});

	const line = '─'.repeat(72);
	console.log(`\n${line}`);
	const installed = up.installed.packages.map((n) => `${n}@${up.installed.version}`).join(', ');
	console.log(`n8n ${up.runtime.n8nVersion} (Node ${up.runtime.node.version}) is running with ${installed}.`);
	console.log(`\n  Editor:    ${up.url}`);
	console.log(`  Email:     ${up.login.email}`);
	console.log(`  Password:  ${up.login.password}`);
	console.log('\nSimulated providers (credentials already set up in n8n):');
	for (const r of up.sims.running) console.log(`  ${r.provider.title.padEnd(24)} ${r.url}   credential "${r.provider.credential.name}"`);
	for (const s of up.sims.skipped) console.log(`  ${s.provider.title.padEnd(24)} not started: ${s.reason}`);
	console.log('\nExample workflows (Overview → Workflows):');
	for (const e of up.examples.usable) console.log(`  ${e.name}\n    ${up.url}/workflow/${e.id}`);
	for (const e of up.examples.skipped) console.log(`  (not imported) ${e.name}: ${e.reason}`);
	console.log(`\nUser folder: ${up.userFolder} (recreated at every start)`);
	console.log('Requests that reach the simulators are listed below. Press Ctrl-C to stop.');
	console.log(line);
	watchRequests(up.sims.running, (l) => console.log(l));
}

main().catch((error) => {
	const flags = ['--queue', '--packages'].filter((f) => process.argv.includes(f));
	console.error(`\nnpm start${flags.length ? ` -- ${flags.join(' ')}` : ''} failed: ${error.message}`);
	process.exit(1);
});
