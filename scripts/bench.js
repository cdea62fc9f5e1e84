'use strict';
/*
 * `npm run bench`: runs the nodes through n8n-core's WorkflowExecute against the local simulators
 * with injected latency and prints figures. It never fails on time; it reports.
 * Pick rows with: npm run bench -- mailerlite-getall mailerlite-create
 */
require('./ts-register');
require('reflect-metadata');

const rows = {
	'mailerlite-getall': () => require('../test/bench/mailerlite.bench.ts').getManyOrders(),
	'mailerlite-create': () => require('../test/bench/mailerlite.bench.ts').createOrders(),
};

function print(results) {
	const head = ['benchmark', 'requests', '429s', 'wall s', 'CPU s', 'peak RSS MB', 'note'];
	const table = results.map((r) => [
		r.name,
		String(r.requests ?? ''),
		String(r.rateLimited ?? ''),
		(r.wallMs / 1000).toFixed(2),
		(r.cpuMs / 1000).toFixed(2),
		String(r.peakRssMb),
		r.note ?? '',
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
	const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
	console.log(line(head));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const row of table) console.log(line(row));
}

(async () => {
	const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(rows);
	const results = [];
	for (const name of wanted) {
		if (!rows[name]) throw new Error(`Unknown benchmark ${name}; known: ${Object.keys(rows).join(', ')}`);
		process.stderr.write(`running ${name}…\n`);
		results.push(await rows[name]());
	}
	console.log(`\nnode ${process.version}, ${require('node:os').cpus().length} cores, ${new Date().toISOString()}\n`);
	print(results);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
