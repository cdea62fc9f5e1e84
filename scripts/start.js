#!/usr/bin/env node
'use strict';
/*
 * `npm start` (after `npm run build`): a real n8n with this package installed from its packed
 * tarball, every provider simulator, demo credentials and the example workflows. Prints the
 * editor URL and the login; Ctrl-C stops everything it started.
 *
 *   --port <n>   editor port (default: $N8N_PORT, else 5678, else any free port)
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

async function main() {
	const log = (line) => console.log(`» ${line}`);
	const up = await bringUp({
		instance: 'start',
		port: await choosePort(),
		allowMissing: process.env.ORDER_SYNC_ALLOW_MISSING_NODES === '1',
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
	console.log(`n8n ${up.runtime.n8nVersion} (Node ${up.runtime.node.version}) is running with ${up.installed.name}@${up.installed.version}.`);
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
	console.error(`\nnpm start failed: ${error.message}`);
	process.exit(1);
});
