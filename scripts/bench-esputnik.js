'use strict';
/*
 * eSputnik Order → Create or Update with 10,000 orders, run through n8n-core's WorkflowExecute
 * against the local eSputnik simulator. Uses the compiled node from dist/ (run `npm run build`
 * first); the harness and the simulator are loaded from their TypeScript sources.
 * Prints requests, wall time, CPU time and peak RSS. It reports; it never fails on time.
 *
 *   node scripts/bench-esputnik.js            all rows
 *   require('./bench-esputnik').rows          { name: () => Promise<BenchRow> } for scripts/bench.js
 */
const path = require('node:path');

require('./ts-register');
require('reflect-metadata');

const ROOT = path.resolve(__dirname, '..');
const { Esputnik } = require(path.join(ROOT, 'dist/nodes/Esputnik/Esputnik.node.js'));
const { EsputnikApi } = require(path.join(ROOT, 'dist/credentials/EsputnikApi.credentials.js'));
const { runWorkflow } = require('../test/harness/run-workflow.ts');
const { measure } = require('../test/bench/measure.ts');
const { createEsputnikSimulator, ESPUTNIK_API_KEY } = require('../test/simulators/esputnik.ts');

const COUNT = 10_000;

function order(n) {
	return {
		externalOrderId: `ord-${n}`,
		externalCustomerId: `cust-${n % 3000}`,
		email: `buyer${n}@example.com`,
		status: ['INITIALIZED', 'IN_PROGRESS', 'DELIVERED'][n % 3],
		date: `2024-05-${String((n % 28) + 1).padStart(2, '0')}T10:${String(n % 60).padStart(2, '0')}:00`,
		currency: 'EUR',
		shipping: 4.9,
		totalCost: 4.9 + 19.9 * 2 + 5,
		items: [
			{ externalItemId: `sku-${n % 500}`, name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug' },
			{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5 },
		],
	};
}

const jsonMode = { resource: 'order', operation: 'upsert', inputMode: 'json', jsonBody: '={{ $json }}' };
const fieldsMode = {
	resource: 'order',
	operation: 'upsert',
	externalOrderId: '={{ $json.externalOrderId }}',
	status: '={{ $json.status }}',
	date: '={{ $json.date }}',
	totalCost: '={{ $json.totalCost }}',
	currency: '={{ $json.currency }}',
	externalCustomerId: '={{ $json.externalCustomerId }}',
	email: '={{ $json.email }}',
	items: {
		item: [
			{ externalItemId: '={{ $json.items[0].externalItemId }}', name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug' },
			{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5 },
		],
	},
	additionalFields: { shipping: 4.9 },
};

async function upsert({ label, parameters, latencyMs, count = COUNT }) {
	const es = createEsputnikSimulator();
	await es.sim.start();
	try {
		es.sim.latencyMs = latencyMs;
		const items = Array.from({ length: count }, (_, n) => order(n));
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: { type: 'esputnik', parameters },
				nodeTypes: { esputnik: new Esputnik() },
				credentialTypes: { esputnikApi: new EsputnikApi() },
				credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` } },
				items,
				timezone: 'Europe/Kyiv',
			}),
		);
		const sizes = es.sim.requests.map((r) => r.json.orders.length);
		const paired = result.output.every((item, n) => item.pairedItem.item === n && item.json.success === true);
		return {
			name: `eSputnik Create or Update, ${count} orders, ${label}, ${latencyMs} ms latency`,
			...figures,
			requests: es.sim.requests.length,
			rateLimited: es.sim.rateLimited,
			note:
				`orders per request ${[...new Set(sizes)].join('/')}; ${result.output.length} outputs` +
				`${paired ? ', all paired in order' : ', NOT all paired'}; ${es.orders.size} stored; status ${result.status}`,
		};
	} finally {
		await es.sim.stop();
	}
}

const rows = {
	'esputnik-upsert-json': () => upsert({ label: 'JSON input', parameters: jsonMode, latencyMs: 0 }),
	'esputnik-upsert-json-latency': () => upsert({ label: 'JSON input', parameters: jsonMode, latencyMs: 150 }),
	'esputnik-upsert-fields-latency': () => upsert({ label: 'fields with expressions', parameters: fieldsMode, latencyMs: 150 }),
};

function print(results) {
	const head = ['benchmark', 'requests', '429s', 'wall s', 'CPU s', 'peak RSS MB', 'note'];
	const table = results.map((r) => [
		r.name,
		String(r.requests),
		String(r.rateLimited),
		(r.wallMs / 1000).toFixed(2),
		(r.cpuMs / 1000).toFixed(2),
		String(r.peakRssMb),
		r.note,
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
	const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
	console.log(line(head));
	console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
	for (const row of table) console.log(line(row));
}

module.exports = { rows, upsert };

if (require.main === module) {
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
		console.log('\nOne request per order (what an HTTP Request node per item does) would be 10,000 requests.');
	})().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
