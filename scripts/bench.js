'use strict';
/*
 * `npm run bench`: our nodes and n8n's HTTP Request node doing the same jobs, side by side, in
 * this one process through n8n-core's WorkflowExecute against the local simulators with injected
 * latency. Prints one table and how each figure compares with the goal of issue 6. It never fails
 * on time: it reports.
 *
 *   node scripts/bench.js                      the default rows (about 10 minutes)
 *   node scripts/bench.js esputnik overhead    chosen rows
 *   node scripts/bench.js mailerlite-create-1000   1,000 creates at the real 120/min (about 9 minutes)
 *   node scripts/bench.js mailerlite-burst     130 single-order executions at once (about 2 minutes)
 *   node scripts/bench.js mailerlite-processes 3 n8n processes × 130 executions on one account (about 4 minutes)
 */
const os = require('node:os');
const v8 = require('node:v8');
const vm = require('node:vm');

require('./ts-register');
require('reflect-metadata');
// n8n's own logger would print the HTTP Request node's failed requests (stack traces) between the rows.
require('../test/support/n8n-logger.js').captureN8nLogger({ push() {} });

// measure() collects garbage before each run, so that peak RSS is less an accident of order.
v8.setFlagsFromString('--expose-gc');
global.gc = vm.runInNewContext('gc');

const esputnik = () => require('../test/bench/esputnik.bench.ts');
const mailerlite = () => require('../test/bench/mailerlite.bench.ts');
const overhead = () => require('../test/bench/overhead.bench.ts');

/** Each row gives a Comparison: { name, target, rows: BenchRow[], verdicts: string[] }. */
const rows = {
	esputnik: () => esputnik().comparison(10_000, 150),
	'mailerlite-getall': () => mailerlite().getManyComparison(10_000, 50),
	'mailerlite-create': () => mailerlite().createComparison(300, 50),
	'mailerlite-create-1000': () => mailerlite().createComparison(1000, 50),
	'mailerlite-burst': () => mailerlite().burstComparison(130, 50),
	'mailerlite-processes': () => mailerlite().processesComparison(3, 130, 50),
	overhead: () => overhead().comparison(10_000),
};
const defaults = ['esputnik', 'mailerlite-getall', 'mailerlite-create', 'mailerlite-burst', 'overhead'];

const seconds = (ms) => (ms / 1000).toFixed(2);

/** Wall time per item, ours over HTTP Request's (the plain wall-time ratio when both ran the same items). */
function ratio(ours, http) {
	const r = ours.wallMs / ours.items / (http.wallMs / http.items);
	const text = r < 1 ? `${(1 / r).toFixed(1)}× faster` : `${r.toFixed(1)}× slower`;
	return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)} (${text})`;
}

const failed = (row) => /status error/.test(row.note ?? '');

/**
 * ours/HTTP: our rows against the comparison's first HTTP Request row that finished its job (a
 * run that stopped at an error is no yardstick); further HTTP rows against our first row.
 */
function ratioCell(comparison, row) {
	const ours = comparison.rows.filter((r) => r.runner === 'ours');
	const http = comparison.rows.filter((r) => r.runner === 'HTTP Request');
	if (!http.length || !ours.length || row.runner === 'floor') return '';
	const baseline = http.find((r) => !failed(r));
	if (row.runner === 'ours') return baseline ? ratio(row, baseline) : 'HTTP Request failed';
	if (failed(row)) return 'failed, no ratio';
	return row === baseline ? '1' : `${ratio(ours[0], row)} ¹`;
}

function print(comparisons) {
	const head = ['benchmark', 'runner', 'items', 'requests', '429s', 'wall s', 'CPU s', 'peak RSS MB', 'µs/item (wall)', 'ours/HTTP (wall per item)', 'note'];
	const table = [];
	for (const c of comparisons) {
		c.rows.forEach((r, i) => {
			table.push([
				i === 0 ? c.name : '',
				r.runner,
				String(r.items),
				r.requests === undefined ? '–' : String(r.requests),
				r.rateLimited === undefined ? '–' : String(r.rateLimited),
				seconds(r.wallMs),
				seconds(r.cpuMs),
				String(r.peakRssMb),
				((r.wallMs * 1000) / r.items).toFixed(1),
				ratioCell(c, r),
				r.note ?? '',
			]);
		});
	}
	const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
	const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
	console.log(line(head));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const row of table) console.log(line(row));
	if (comparisons.some((c) => c.rows.filter((r) => r.runner === 'HTTP Request').length > 1)) {
		console.log('\n¹ our first row against this HTTP Request row.');
	}
	console.log('\nAgainst the goals of issue 6 (reported, never enforced):');
	for (const c of comparisons) {
		console.log(`- ${c.name} — goal: ${c.target}`);
		for (const v of c.verdicts ?? []) console.log(`  ${v}`);
	}
}

function machine() {
	const cpus = os.cpus();
	return (
		`${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ` +
		`${os.type()} ${os.release()}, Node ${process.version}, ${new Date().toISOString()}, ` +
		`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min, at the end)`
	);
}

(async () => {
	const wanted = process.argv.slice(2).length ? process.argv.slice(2) : defaults;
	for (const name of wanted) {
		if (!rows[name]) throw new Error(`Unknown benchmark ${name}; known: ${Object.keys(rows).join(', ')}`);
	}
	const results = [];
	for (const name of wanted) {
		process.stderr.write(`running ${name}…\n`);
		results.push(await rows[name]());
	}
	console.log(`\n${machine()}\n`);
	print(results);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
