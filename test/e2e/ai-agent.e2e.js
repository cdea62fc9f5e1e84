'use strict';
/*
 * n8n's AI Agent drives our nodes, offline: the packed package in a real n8n, the workflow
 * test/fixtures/agent/ai-agent-orders.json (Manual Trigger → AI Agent v3 with the OpenAI Chat Model
 * node v1.2 → our five action nodes as tools, `…Tool` node types, parameters from `$fromAI(...)`),
 * the model being test/simulators/openai.ts with scripted tool calls. On n8n 2.40.7 (Node 24) and,
 * headless, on n8n 1.123.50 (Node 20) when that is provisioned:
 *
 *  - headless (`n8n execute`, where the agent asks the model without streaming): each provider
 *    simulator receives exactly the order the scripted tool call carried; the tool results go
 *    back to the model; the agent's output item holds the model's final text;
 *  - the tool list the model receives names every tool with a usable description and schema;
 *  - errors inside tool calls (our validation, a provider's 404) reach the model as readable text
 *    naming the item and the field, and the execution goes on;
 *  - 2.40.7 only: streaming, the same workflow behind a Webhook that responds by streaming (the one
 *    way n8n lets the agent stream), so the model is asked with `stream: true` and answers in SSE;
 *    the editor opens and runs the workflow (screenshot; ORDER_SYNC_UPDATE_DOCS_IMAGES=1 also
 *    writes it to docs/images/ai-agent.png for the README);
 *  - last: no key, secret or token of ours is in anything sent to the model (every request).
 */
const fs = require('node:fs');
const path = require('node:path');

const { bringUp } = require('../../scripts/lib/stack');
const { startSimulators, credentialsFor } = require('../../scripts/lib/simulators');
const { executeWorkflow, importFixtures, signIn, n8nEnv } = require('../../scripts/lib/n8n');
const { freePort, formatDuration } = require('../../scripts/lib/proc');
const { ROOT, installInto } = require('../../scripts/lib/package');
const { cacheDir, ensureRuntime } = require('../../scripts/lib/runtime');
const { MAILERLITE_DEMO_SHOP_ID } = require('../../scripts/lib/providers');
const { launchBrowser, Editor } = require('./editor');
const {
	createOpenAiSimulator,
	toolCallId,
	toolResults,
	OPENAI_MODEL,
} = require('../simulators/openai.ts');

const PACKAGE = 'n8n-nodes-order-sync';
const RUN_ID = `agent-e2e-${process.pid}`;
const INSTANCES = path.join(cacheDir(), 'instances');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'agent', 'ai-agent-orders.json');
const SCREENSHOTS = path.join(
	ROOT,
	'.n8n-e2e',
	'screenshots',
	`agent-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
);
const DOCS_IMAGE = path.join(ROOT, 'docs', 'images', 'ai-agent.png');
const OPENAI_CREDENTIAL = {
	id: 'osAgentOpenAi',
	name: 'OpenAI (local simulator)',
	type: 'openAiApi',
};
const STREAM_PATH = 'order-sync-agent-stream';
const LEGACY_VERSION = '1.123.50';
const log = (line) => process.stderr.write(`[e2e:agent] ${line}\n`);

const workflow = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const TRIGGER = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger').name;
/** Tool node name → the tool name the model sees (n8n's nodeNameToToolName). */
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 64);
const T = {
	mlCreate: toolName('Create MailerLite order'),
	mlGet: toolName('Get MailerLite order'),
	esUpsert: toolName('Upsert eSputnik order'),
	fcCreate: toolName('Create Feedback Company order'),
	montoUpsert: toolName('Upsert Monto order'),
	montlyCreate: toolName('Create Montly order'),
	montlyCancel: toolName('Cancel Montly order'),
};

/** The same workflow with Settings → On Error: "Continue" on every tool node. */
function continueOnErrorWorkflow() {
	const wf = JSON.parse(JSON.stringify(workflow));
	wf.id = 'osAgentOrdersCont';
	wf.name = `${workflow.name} (tools continue on error)`;
	for (const n of wf.nodes) if (n.type.endsWith('Tool')) n.onError = 'continueRegularOutput';
	return wf;
}

/** Writes the workflow variants for import; returns their files. */
function writeVariants(dir, variants) {
	fs.mkdirSync(dir, { recursive: true });
	return variants.map((wf) => {
		const file = path.join(dir, `${wf.id}.json`);
		fs.writeFileSync(file, JSON.stringify(wf, null, 2));
		return file;
	});
}

/** The same workflow behind a Webhook that answers by streaming what the agent writes. */
function streamingWorkflow() {
	const wf = JSON.parse(JSON.stringify(workflow));
	wf.id = 'osAgentOrdersStream';
	wf.name = `${workflow.name} (streaming webhook)`;
	const trigger = wf.nodes.find((n) => n.name === TRIGGER);
	Object.assign(trigger, {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		webhookId: 'b1f5a0c2-6d1e-4c8a-9f3b-5e7d9a1c2b40',
		parameters: { httpMethod: 'POST', path: STREAM_PATH, responseMode: 'streaming', options: {} },
	});
	wf.connections.Webhook = wf.connections[TRIGGER];
	delete wf.connections[TRIGGER];
	return wf;
}

/** One order for each provider, as the model would write it, numbered `n` so that runs do not collide. */
function orders(n) {
	const email = `elin.lindqvist+${n}@example.com`;
	return {
		mailerlite: {
			customer: { email, accepts_marketing: true },
			cart: {
				items: [
					{
						ecommerce_product_id: 'DESK-OAK-160',
						variant: 'Oak / 160 cm',
						quantity: 1,
						price: 649,
					},
				],
				checkout_url: `https://demo-shop.example.com/orders/${n}`,
			},
			status: 'complete',
			total_price: 649,
		},
		esputnik: {
			externalOrderId: String(n),
			externalCustomerId: 'C-77',
			status: 'INITIALIZED',
			date: '2026-11-20T14:03:11+01:00',
			totalCost: 649,
			currency: 'EUR',
			email,
			firstName: 'Elin',
			lastName: 'Lindqvist',
			items: [
				{
					externalItemId: 'DESK-OAK-160',
					name: 'Sit-stand desk',
					category: 'desks',
					quantity: 1,
					cost: 649,
					url: 'https://demo-shop.example.com/products/sit-stand-desk',
				},
			],
		},
		feedbackcompany: {
			orderNumber: String(n),
			customerEmail: email,
			customerName: 'Elin Lindqvist',
		},
		monto: {
			order_id: String(n),
			customer: { name: 'Elin Lindqvist', email },
			status: 'fulfilled',
			items: [{ slug: 'sit-stand-desk' }],
		},
		montly: {
			data: {
				type: 'order',
				attributes: {
					orderId: `lease-${n}`,
					firstName: 'Elin',
					lastName: 'Lindqvist',
					company: 'Lindqvist Design AB',
					orgNumber: '559089-4308',
					email,
					phone: '+46701234567',
					customerIp: '192.0.2.10',
					currency: 'SEK',
					months: 24,
					itemsCount: 1,
					totalPrice: 749900,
					VAT: 149980,
					shipping: 0,
					shippingVAT: 0,
					billingAddress: 'Storgatan 1',
					billingCity: 'Stockholm',
					billingPostcode: '11122',
					billingCountry: 'SE',
					tariff: 1.47,
					monthlyPrice: 11024,
				},
				relationships: {
					item: {
						data: [
							{
								name: 'Sit-stand desk',
								productId: 'DESK-OAK-160',
								quantity: 1,
								totalPrice: 749900,
								VAT: 149980,
							},
						],
					},
				},
			},
		},
	};
}

const FINAL_TEXT =
	'Order registered with MailerLite, eSputnik, The Feedback Company, Monto and Montly.';

/**
 * The conversation of one order: the model creates it with every provider at once, then (having
 * read the results) reads the MailerLite order back by its id and cancels the Montly lease, then
 * answers with a text.
 */
function orderScript(o) {
	return [
		{
			toolCalls: [
				{ name: T.mlCreate, arguments: { order: o.mailerlite } },
				{ name: T.esUpsert, arguments: { order: o.esputnik } },
				{ name: T.fcCreate, arguments: o.feedbackcompany },
				{ name: T.montoUpsert, arguments: { order: o.monto } },
				{ name: T.montlyCreate, arguments: { order: o.montly } },
			],
		},
		(request) => {
			const created = JSON.parse(toolResults(request).get(toolCallId(0, 0)));
			return {
				toolCalls: [
					{ name: T.mlGet, arguments: { orderId: String(created[0].id) } },
					{ name: T.montlyCancel, arguments: { orderId: o.montly.data.attributes.orderId } },
				],
			};
		},
		{ text: FINAL_TEXT },
	];
}

/** A stack: an n8n (runtime + env of its user folder) with the package and provider simulators. */
const v2 = { version: '2.40.7' };
const v1 = { version: LEGACY_VERSION };
let openai;
let cookie;
const started = Date.now();

function simOf(stack, key) {
	const r = stack.sims.running.find((s) => s.provider.key === key);
	if (!r) throw new Error(`No running simulator "${key}"`);
	return r;
}

/** Marks where each simulator's request log stands, to read what one run added. */
function mark(stack) {
	const at = new Map(stack.sims.running.map((r) => [r.provider.key, r.sim.requests.length]));
	const chatAt = openai.chatRequests().length;
	return {
		requests: (key) => simOf(stack, key).sim.requests.slice(at.get(key)),
		chat: () => openai.chatRequests().slice(chatAt),
	};
}

async function rest(method, p, body) {
	const res = await fetch(`${v2.url}${p}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
	return JSON.parse(text).data;
}

const openAiCredential = () => ({
	...OPENAI_CREDENTIAL,
	data: { apiKey: openai.apiKey, url: `${openai.sim.url}/v1` },
});

beforeAll(async () => {
	for (const name of fs.existsSync(INSTANCES) ? fs.readdirSync(INSTANCES) : []) {
		const match = /^agent-e2e-(\d+)/.exec(name);
		if (!match) continue;
		try {
			process.kill(Number(match[1]), 0);
		} catch {
			fs.rmSync(path.join(INSTANCES, name), { recursive: true, force: true });
		}
	}
	openai = createOpenAiSimulator();
	await openai.sim.start();
}, 60_000);

afterAll(async () => {
	await openai?.sim.stop();
	log(`done in ${formatDuration(Date.now() - started)}`);
});

async function execute(stack, id) {
	const env = { ...stack.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const t = Date.now();
	const run = await executeWorkflow(stack.runtime, env, id);
	log(`n8n ${stack.version}: n8n execute --id=${id} took ${formatDuration(Date.now() - t)}`);
	return run;
}

/**
 * n8n 1.123.50 on Node 20, the newest 1.x that installs on Node 20 (1.123.66 on pull isolated-vm,
 * which needs Node 22). Provisioned by the compatibility matrix (scripts/lib/compat.js) when that
 * is in this checkout, else taken from its cache folder when an earlier run left it there.
 */
function legacyRuntimeSource() {
	if (process.versions.node.split('.')[0] !== '20')
		return { reason: `it runs on Node 20, this is ${process.version}` };
	let compat;
	try {
		compat = require('../../scripts/lib/compat');
	} catch {
		compat = undefined;
	}
	const entry = compat?.MATRIX?.find((e) => e.n8nVersion === LEGACY_VERSION);
	if (entry) return { entry };
	const dir = path.join(cacheDir(), `n8n-${LEGACY_VERSION}-node20`);
	if (fs.existsSync(path.join(dir, 'ready.json'))) return { dir };
	return {
		reason: `n8n ${LEGACY_VERSION} is not provisioned (${dir}; npm run test:compat does it)`,
	};
}
const legacySource = legacyRuntimeSource();

async function legacyRuntime() {
	if (legacySource.entry) {
		const runtime = await ensureRuntime({ log, ...legacySource.entry });
		if (runtime.n8nVersion !== LEGACY_VERSION)
			throw new Error(`ensureRuntime gave n8n ${runtime.n8nVersion}`);
		return runtime;
	}
	const node = { bin: process.execPath, version: process.versions.node };
	return {
		node,
		n8n: {
			dir: legacySource.dir,
			bin: path.join(legacySource.dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		},
		n8nVersion: LEGACY_VERSION,
		env: (base) => ({
			...base,
			PATH: `${path.dirname(node.bin)}${path.delimiter}${base.PATH ?? ''}`,
		}),
	};
}

/** The headless checks, the same on every n8n version. */
function headlessTests(stack, errorWorkflows) {
	let firstChat;

	it('headless: each provider receives the order the model asked for, and the results go back to the model', async () => {
		const o = orders(stack.orderBase + 42);
		openai.script(orderScript(o));
		const m = mark(stack);
		const run = await execute(stack, workflow.id);
		expect(run.status).toBe('success');

		const chat = m.chat();
		firstChat = chat[0];
		expect(chat.map((r) => r.stream ?? false)).toEqual([false, false, false]);
		expectToolResultsReturned(chat, run);
		const [createdMl] = JSON.parse(toolResults(chat[1]).get(toolCallId(0, 0)));
		expectOrdersReceived(o, m, { mailerLiteOrderId: createdMl.id });

		const agent = run.data.resultData.runData['AI Agent'];
		const last = agent[agent.length - 1];
		expect(last.executionStatus).toBe('success');
		expect(last.data.main[0].map((i) => i.json)).toEqual([{ output: FINAL_TEXT }]);
	});

	it('the model is offered every tool, with a description and the $fromAI arguments as its schema', () => {
		expect(firstChat).toBeDefined();
		expect(firstChat.model).toBe(OPENAI_MODEL);
		const tools = Object.fromEntries(firstChat.tools.map((t) => [t.function.name, t.function]));
		expect(Object.keys(tools).sort()).toEqual(Object.values(T).sort());
		for (const t of Object.values(tools))
			log(
				`n8n ${stack.version}: tool ${t.name}: "${t.description}" (${Object.keys(t.parameters.properties).join(', ')})`,
			);

		// descriptionType "auto": n8n writes "<operation's action> in <node name>" from our descriptions.
		expect(tools[T.mlCreate].description).toBe('Create order in MailerLite E-Commerce');
		expect(tools[T.esUpsert].description).toBe('Create or update orders in eSputnik');
		expect(tools[T.fcCreate].description).toBe('Create order in The Feedback Company');
		expect(tools[T.montoUpsert].description).toBe('Create or update an order in Monto');
		expect(tools[T.montlyCreate].description).toBe('Create order in Montly');
		expect(tools[T.montlyCancel].description).toBe('Cancel order in Montly');
		// descriptionType "manual": the workflow's own text.
		expect(tools[T.mlGet].description).toBe(
			'Look up one MailerLite e-commerce order by its MailerLite order id',
		);

		const schema = (name) => ({
			properties: Object.keys(tools[name].parameters.properties).sort(),
			required: [...tools[name].parameters.required].sort(),
		});
		expect(schema(T.mlCreate)).toEqual({ properties: ['order'], required: ['order'] });
		expect(schema(T.mlGet)).toEqual({ properties: ['orderId'], required: ['orderId'] });
		expect(schema(T.fcCreate)).toEqual({
			properties: ['customerEmail', 'customerName', 'orderNumber'],
			required: ['customerEmail', 'customerName', 'orderNumber'],
		});
		expect(tools[T.montoUpsert].parameters.properties.order.description).toMatch(
			/order_id.*customer.*items/,
		);
	});

	it.each(errorWorkflows)(
		'errors inside tool calls (our validation, the provider refusing) reach the model as readable text, and the run goes on: %s',
		async (_how, workflowId) => {
			const bad = {
				order_id: String(stack.orderBase + 43),
				customer: { name: 'Sam Jansen' },
				status: 'pending',
				items: [{ slug: 'sit-stand-desk' }],
			};
			const answer =
				'Monto refused the order: the e-mail is missing. MailerLite has no order 999999999.';
			openai.script([
				{
					toolCalls: [
						{ name: T.montoUpsert, arguments: { order: bad } },
						{ name: T.mlGet, arguments: { orderId: '999999999' } },
					],
				},
				{ text: answer },
			]);
			const m = mark(stack);
			const run = await execute(stack, workflowId);
			expect(run.status).toBe('success');

			const chat = m.chat();
			expect(chat).toHaveLength(2);
			const validation = toolResults(chat[1]).get(toolCallId(0, 0));
			const refused = toolResults(chat[1]).get(toolCallId(0, 1));
			log(`n8n ${stack.version} (${workflowId}): the model read: ${validation} and ${refused}`);
			expect(JSON.parse(validation)).toEqual([
				expect.objectContaining({
					error: expect.stringMatching(/^\[item 0\] Customer Email \(customer\.email\): \S/),
				}),
			]);
			expect(JSON.parse(refused)).toEqual([
				expect.objectContaining({ error: expect.stringMatching(/^\[item 0\] MailerLite 404: \S/) }),
			]);
			expect(m.requests('monto').filter((r) => r.method === 'POST')).toEqual([]);
			const agent = run.data.resultData.runData['AI Agent'];
			expect(agent[agent.length - 1].data.main[0][0].json).toEqual({ output: answer });
		},
	);
}

describe('AI Agent with our nodes as tools (n8n 2.40.7)', () => {
	beforeAll(async () => {
		const up = await bringUp({ instance: RUN_ID, log });
		Object.assign(v2, up, { orderBase: 1000 });
		const workDir = path.join(up.userFolder, 'import-agent');
		fs.mkdirSync(workDir, { recursive: true });
		await importFixtures(up.runtime, up.env, {
			credentials: [openAiCredential()],
			workflowFiles: [
				FIXTURE,
				...writeVariants(path.join(workDir, 'variants'), [
					streamingWorkflow(),
					continueOnErrorWorkflow(),
				]),
			],
			workDir,
		});
		cookie = await signIn(up.url, up.login);
		const stream = await rest('GET', '/rest/workflows/osAgentOrdersStream');
		await rest('POST', '/rest/workflows/osAgentOrdersStream/activate', {
			versionId: stream.versionId,
		});
	}, 30 * 60_000);

	afterAll(async () => {
		await v2.stop?.();
		fs.rmSync(path.join(INSTANCES, RUN_ID), { recursive: true, force: true });
	});

	it('n8n offers a …Tool variant of each of our five action nodes (usableAsTool), none of the trigger', async () => {
		const types = await (await fetch(`${v2.url}/types/nodes.json`, { headers: { cookie } })).json();
		const tools = types.filter((t) => t.name.startsWith(`${PACKAGE}.`) && t.name.endsWith('Tool'));
		expect(tools.map((t) => t.name).sort()).toEqual(
			[
				'esputnikTool',
				'feedbackCompanyTool',
				'mailerLiteEcommerceTool',
				'montlyTool',
				'montoTool',
			].map((n) => `${PACKAGE}.${n}`),
		);
		for (const t of tools) {
			expect({ name: t.name, inputs: t.inputs, outputs: t.outputs }).toEqual({
				name: t.name,
				inputs: [],
				outputs: ['ai_tool'],
			});
			expect(t.properties.map((p) => p.name)).toEqual(
				expect.arrayContaining(['descriptionType', 'toolDescription']),
			);
		}
	});

	headlessTests(v2, [
		['n8n 2.x default: a failing tool answers the model', 'osAgentOrders'],
		['tool nodes set to On Error: Continue', 'osAgentOrdersCont'],
	]);

	it('streaming (Webhook, Respond: Streaming): the model answers in SSE, the orders arrive, the text streams back', async () => {
		const o = orders(2042);
		openai.script(orderScript(o));
		const m = mark(v2);
		const res = await fetch(`${v2.url}/webhook/${STREAM_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ message: 'sync order 2042' }),
		});
		expect(res.status).toBe(200);
		const body = await res.text();
		const chunks = body
			.split('\n')
			.filter((l) => l.trim())
			.map((l) => JSON.parse(l));
		const streamedText = chunks
			.filter((c) => c.type === 'item' && c.metadata?.nodeName === 'AI Agent')
			.map((c) => c.content)
			.join('');
		expect(streamedText).toBe(FINAL_TEXT);

		const chat = m.chat();
		expect(chat.map((r) => r.stream)).toEqual([true, true, true]);
		const execution = await waitForExecution('osAgentOrdersStream');
		expectToolResultsReturned(chat, execution);
		const [createdMl] = JSON.parse(toolResults(chat[1]).get(toolCallId(0, 0)));
		expectOrdersReceived(o, m, { mailerLiteOrderId: createdMl.id });
	});

	describe('editor: the workflow in headless Chromium', () => {
		let browser;

		afterAll(async () => {
			await browser?.close();
			fs.rmSync(path.join(INSTANCES, `${RUN_ID}-chromium`), { recursive: true, force: true });
		});

		it('shows the agent with the model and our five nodes as tools, and runs it', async () => {
			fs.mkdirSync(SCREENSHOTS, { recursive: true });
			browser = await launchBrowser(path.join(INSTANCES, `${RUN_ID}-chromium`));
			const page = browser.pages()[0] ?? (await browser.newPage());
			// The first load of the editor's assets can take long on a busy machine.
			page.setDefaultNavigationTimeout(120_000);
			const editor = new Editor(page, v2.url, SCREENSHOTS);
			await editor.signIn(v2.login);
			await editor.openWorkflow(workflow);
			const icons = await editor.canvasIcons(`${PACKAGE}.`);
			expect(icons.map((i) => i.name).sort()).toEqual(
				workflow.nodes
					.filter((n) => n.type.startsWith(`${PACKAGE}.`))
					.map((n) => n.name)
					.sort(),
			);
			for (const icon of icons)
				expect(icon).toEqual({
					name: icon.name,
					src: expect.stringContaining(`/icons/${PACKAGE}/`),
					loaded: true,
				});

			openai.script(orderScript(orders(4042)));
			const m = mark(v2);
			const runnable = workflow.nodes.map((n) => n.name);
			const status = await editor.executeWorkflow(runnable);
			expect(status).toEqual(Object.fromEntries(runnable.map((n) => [n, 'success'])));
			expect(m.chat()).toHaveLength(3);
			const shot = await editor.screenshot('ai-agent-executed');
			log(`screenshot ${shot} (${Math.round(fs.statSync(shot).size / 1024)} KB)`);
			expect(fs.statSync(shot).size).toBeLessThan(300 * 1024);
			if (process.env.ORDER_SYNC_UPDATE_DOCS_IMAGES === '1') {
				fs.mkdirSync(path.dirname(DOCS_IMAGE), { recursive: true });
				fs.copyFileSync(shot, DOCS_IMAGE);
				log(`wrote ${path.relative(ROOT, DOCS_IMAGE)}`);
			}
		}, 240_000);
	});
});

if (legacySource.reason) log(`n8n ${LEGACY_VERSION} tests skipped: ${legacySource.reason}`);
(legacySource.reason ? describe.skip : describe)(
	`AI Agent with our nodes as tools (n8n ${LEGACY_VERSION}, headless)`,
	() => {
		beforeAll(async () => {
			const runtime = await legacyRuntime();
			const userFolder = path.join(INSTANCES, `${RUN_ID}-${LEGACY_VERSION}`);
			fs.rmSync(userFolder, { recursive: true, force: true });
			fs.mkdirSync(userFolder, { recursive: true });
			const installed = await installInto(userFolder, { log });
			const sims = await startSimulators(installed.credentials);
			const env = {
				...n8nEnv(runtime, { userFolder, port: await freePort(), brokerPort: await freePort() }),
				N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			};
			// 1.x has no "mcp-registry" module and refuses to run when asked to disable it.
			delete env.N8N_DISABLED_MODULES;
			Object.assign(v1, { runtime, env, sims, userFolder, orderBase: 5000 });
			await importFixtures(runtime, env, {
				credentials: [...credentialsFor(sims.running), openAiCredential()],
				workflowFiles: [
					FIXTURE,
					...writeVariants(path.join(userFolder, 'variants'), [continueOnErrorWorkflow()]),
				],
				workDir: path.join(userFolder, 'import'),
			});
		}, 30 * 60_000);

		afterAll(async () => {
			await v1.sims?.stop();
			if (v1.userFolder) fs.rmSync(v1.userFolder, { recursive: true, force: true });
		});

		headlessTests(v1, [['tool nodes set to On Error: Continue', 'osAgentOrdersCont']]);

		it('n8n 1.x without On Error: Continue: a failing tool stops the execution, with the error naming item and field', async () => {
			const bad = { order_id: '5099', customer: { name: 'Sam Jansen' }, items: [{ slug: 'desk' }] };
			openai.script([
				{ toolCalls: [{ name: T.montoUpsert, arguments: { order: bad } }] },
				{ text: 'not reached' },
			]);
			const m = mark(v1);
			const failure = await execute(v1, workflow.id).then(
				() => undefined,
				(error) => error,
			);
			expect(failure?.message).toContain('[item 0] Customer Email (customer.email): is required');
			expect(m.chat()).toHaveLength(1);
			expect(m.requests('monto').filter((r) => r.method === 'POST')).toEqual([]);
		});
	},
);

it('nothing sent to the model holds a key, secret or token of ours (every request of every run above)', () => {
	const secrets = new Set([openai.apiKey]);
	for (const stack of [v2, v1].filter((s) => s.sims)) {
		for (const { provider, credentialData, sim } of stack.sims.running) {
			const before = secrets.size;
			for (const field of ['apiKey', 'clientSecret', 'webhookSecret']) {
				if (credentialData[field]) secrets.add(credentialData[field]);
			}
			// Tokens the nodes obtained and sent (Feedback Company's OAuth token).
			for (const r of sim.requests) {
				const auth = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''));
				if (auth) secrets.add(auth[1]);
			}
			if (stack === v2)
				expect({ provider: provider.key, added: secrets.size > before }).toEqual({
					provider: provider.key,
					added: true,
				});
		}
	}
	const sent = openai.sim.requests;
	expect(sent.length).toBeGreaterThanOrEqual(8);
	const leaks = [];
	for (const r of sent) {
		const { authorization, ...headers } = r.headers;
		const visible = `${r.rawUrl}\n${JSON.stringify(headers)}\n${r.text}`;
		for (const secret of secrets) {
			for (const form of new Set([
				secret,
				JSON.stringify(secret).slice(1, -1),
				encodeURIComponent(secret),
			])) {
				if (visible.includes(form))
					leaks.push(`${r.method} ${r.path}: a secret of ${secret.length} characters`);
			}
		}
	}
	log(`scanned ${sent.length} requests to the model for ${secrets.size} secrets`);
	expect(leaks).toEqual([]);
});

/** The items a tool node gave the agent, per run of it (engine-run tools log under ai_tool). */
function toolOutputs(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Tool node "${nodeName}" did not run`);
	return runs.map((r) => (r.data?.ai_tool ?? r.data?.main)?.[0]?.map((i) => i.json));
}

/**
 * What every provider received in one conversation of `orderScript(o)` is exactly the scripted
 * order, and nothing else was written.
 */
function expectOrdersReceived(o, m, { mailerLiteOrderId }) {
	const writes = (key) => m.requests(key).filter((r) => r.method !== 'GET');

	const ml = writes('mailerlite');
	expect(ml.map((r) => `${r.method} ${r.path}`)).toEqual([
		`POST /api/ecommerce/shops/${MAILERLITE_DEMO_SHOP_ID}/orders`,
	]);
	expect(ml[0].json).toEqual(o.mailerlite);
	expect(
		m
			.requests('mailerlite')
			.filter((r) => r.method === 'GET' && r.path.endsWith(`/orders/${mailerLiteOrderId}`)),
	).toHaveLength(1);

	const es = writes('esputnik');
	expect(es.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/orders']);
	expect(es[0].json).toEqual({ orders: [o.esputnik] });

	const fc = writes('feedbackcompany').filter((r) => !r.path.endsWith('/oauth2/token'));
	expect(fc.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v2/orders']);
	expect(fc[0].json).toEqual({
		external_id: o.feedbackcompany.orderNumber,
		customer: { email: o.feedbackcompany.customerEmail, fullname: o.feedbackcompany.customerName },
		invitation: { delay: { unit: 'days', amount: 3 }, reminder: { unit: 'days', amount: 10 } },
	});

	const monto = writes('monto');
	expect(monto.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /orders']);
	expect(monto[0].json).toEqual(o.monto);

	const montly = writes('montly');
	const leaseId = o.montly.data.attributes.orderId;
	expect(montly.map((r) => `${r.method} ${r.path}`)).toEqual([
		'POST /v1/orders',
		`POST /v1/orders/${leaseId}/cancel`,
	]);
	expect(montly[0].json).toEqual(o.montly);
}

/**
 * The model was asked three times; the second and third requests carry, for every tool call of
 * the turn before, a `role: "tool"` message whose content is what that tool node output.
 */
function expectToolResultsReturned(chat, run) {
	expect(chat).toHaveLength(3);
	const byCall = [
		[T.mlCreate, T.esUpsert, T.fcCreate, T.montoUpsert, T.montlyCreate],
		[T.mlGet, T.montlyCancel],
	];
	const nodeOf = Object.fromEntries(workflow.nodes.map((n) => [toolName(n.name), n.name]));
	byCall.forEach((tools, turn) => {
		const results = toolResults(chat[turn + 1]);
		tools.forEach((tool, i) => {
			const content = results.get(toolCallId(turn, i));
			expect({ tool, content: typeof content }).toEqual({ tool, content: 'string' });
			const [items] = toolOutputs(run, nodeOf[tool]);
			expect({ tool, result: JSON.parse(content) }).toEqual({ tool, result: items });
		});
	});
	// The results the model reads are the providers' answers, e.g. MailerLite's order with its id.
	const [createdMl] = JSON.parse(toolResults(chat[1]).get(toolCallId(0, 0)));
	expect(createdMl).toMatchObject({ id: expect.any(String), status: 'complete', total: 649 });
	const [cancelled] = JSON.parse(toolResults(chat[2]).get(toolCallId(1, 1)));
	expect(cancelled).toEqual({ orderId: expect.stringMatching(/^lease-/), cancelled: true });
}

/** The finished execution of a workflow run by the server (webhook), with its run data. */
async function waitForExecution(workflowId) {
	const end = Date.now() + 60_000;
	for (;;) {
		const list = await rest(
			'GET',
			`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
		);
		const done = (list.results ?? []).find((e) => e.status === 'success' || e.status === 'error');
		if (done) {
			const full = await rest('GET', `/rest/executions/${done.id}`);
			const { parse } = require(path.join(v2.runtime.n8n.dir, 'node_modules', 'flatted'));
			return { status: full.status, data: parse(full.data) };
		}
		if (Date.now() > end) throw new Error(`No finished execution of ${workflowId}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
