'use strict';
/*
 * n8n's AI Agent drives our nodes, offline: the packed package in a real n8n (2.40.7), the
 * workflow test/fixtures/agent/ai-agent-orders.json (Manual Trigger → AI Agent v3 with the OpenAI
 * Chat Model node → our five action nodes as tools, `…Tool` node types, parameters from
 * `$fromAI(...)`), the model being test/simulators/openai.ts with scripted tool calls.
 *
 *  - headless (`n8n execute`, where the agent asks the model without streaming): each provider
 *    simulator receives exactly the order the scripted tool call carried; the tool results go
 *    back to the model; the agent's output item holds the model's final text;
 *  - streaming: the same workflow behind a Webhook that responds by streaming (the one way n8n
 *    2.40 lets the agent stream), so the model is asked with `stream: true` and answers in SSE;
 *  - the tool list the model receives names every tool with a usable description and schema;
 *  - a validation error inside a tool call reaches the model as a readable error naming the item
 *    and the field, and the execution goes on;
 *  - no key, secret or token of ours is in anything sent to the model (every request recorded);
 *  - the editor shows the workflow (screenshot; ORDER_SYNC_UPDATE_DOCS_IMAGES=1 also writes it
 *    to docs/images/ai-agent.png for the README).
 */
const fs = require('node:fs');
const path = require('node:path');

const { bringUp } = require('../../scripts/lib/stack');
const { executeWorkflow, importFixtures, signIn } = require('../../scripts/lib/n8n');
const { freePort, formatDuration } = require('../../scripts/lib/proc');
const { ROOT } = require('../../scripts/lib/package');
const { cacheDir } = require('../../scripts/lib/runtime');
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

let up;
let openai;
let cookie;
const started = Date.now();

const simOf = (key) => {
	const r = up.sims.running.find((s) => s.provider.key === key);
	if (!r) throw new Error(`No running simulator "${key}"`);
	return r;
};

/** Marks where each simulator's request log stands, to read what one run added. */
function mark() {
	const at = new Map(up.sims.running.map((r) => [r.provider.key, r.sim.requests.length]));
	const chatAt = openai.chatRequests().length;
	return {
		requests: (key) => simOf(key).sim.requests.slice(at.get(key)),
		chat: () => openai.chatRequests().slice(chatAt),
	};
}

async function rest(method, p, body) {
	const res = await fetch(`${up.url}${p}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
	return JSON.parse(text).data;
}

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
	up = await bringUp({ instance: RUN_ID, log });
	const workDir = path.join(up.userFolder, 'import-agent');
	fs.mkdirSync(workDir, { recursive: true });
	const streamFile = path.join(workDir, 'ai-agent-orders-stream.json');
	fs.writeFileSync(streamFile, JSON.stringify(streamingWorkflow(), null, 2));
	await importFixtures(up.runtime, up.env, {
		credentials: [
			{ ...OPENAI_CREDENTIAL, data: { apiKey: openai.apiKey, url: `${openai.sim.url}/v1` } },
		],
		workflowFiles: [FIXTURE, streamFile],
		workDir,
	});
	cookie = await signIn(up.url, up.login);
	const stream = await rest('GET', '/rest/workflows/osAgentOrdersStream');
	await rest('POST', '/rest/workflows/osAgentOrdersStream/activate', {
		versionId: stream.versionId,
	});
}, 30 * 60_000);

afterAll(async () => {
	await up?.stop();
	await openai?.sim.stop();
	fs.rmSync(path.join(INSTANCES, RUN_ID), { recursive: true, force: true });
	log(`done in ${formatDuration(Date.now() - started)}`);
});

async function execute(id) {
	const env = { ...up.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const t = Date.now();
	const run = await executeWorkflow(up.runtime, env, id);
	log(`n8n execute --id=${id} took ${formatDuration(Date.now() - t)}`);
	return run;
}

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

describe('AI Agent with our nodes as tools (n8n 2.40.7)', () => {
	let firstChat;

	it('headless: each provider receives the order the model asked for, and the results go back to the model', async () => {
		const o = orders(1042);
		openai.script(orderScript(o));
		const m = mark();
		const run = await execute(workflow.id);
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
				`tool ${t.name}: "${t.description}" (${Object.keys(t.parameters.properties).join(', ')})`,
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

	it('streaming (Webhook, Respond: Streaming): the model answers in SSE, the orders arrive, the text streams back', async () => {
		const o = orders(2042);
		openai.script(orderScript(o));
		const m = mark();
		const res = await fetch(`${up.url}/webhook/${STREAM_PATH}`, {
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

	it('a validation error inside a tool call reaches the model as a readable error, and the run goes on', async () => {
		const bad = {
			order_id: '3042',
			customer: { name: 'Sam Jansen' },
			status: 'pending',
			items: [{ slug: 'sit-stand-desk' }],
		};
		openai.script([
			{ toolCalls: [{ name: T.montoUpsert, arguments: { order: bad } }] },
			{ text: 'Monto refused the order: the e-mail is missing.' },
		]);
		const m = mark();
		const run = await execute(workflow.id);
		expect(run.status).toBe('success');

		const chat = m.chat();
		expect(chat).toHaveLength(2);
		const content = toolResults(chat[1]).get(toolCallId(0, 0));
		log(`the model read: ${content}`);
		expect(content).toMatch(/\[item 0\] customer\.email: /);
		expect(m.requests('monto').filter((r) => r.method === 'POST')).toEqual([]);
		const agent = run.data.resultData.runData['AI Agent'];
		expect(agent[agent.length - 1].data.main[0][0].json).toEqual({
			output: 'Monto refused the order: the e-mail is missing.',
		});
	});

	it('nothing sent to the model holds a key, secret or token of ours', () => {
		const secrets = new Set();
		for (const { provider, credentialData, sim } of up.sims.running) {
			for (const field of ['apiKey', 'clientSecret', 'webhookSecret']) {
				if (credentialData[field]) secrets.add(credentialData[field]);
			}
			// Tokens the nodes obtained and sent (Feedback Company's OAuth token).
			for (const r of sim.requests) {
				const auth = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''));
				if (auth) secrets.add(auth[1]);
			}
			expect({ provider: provider.key, secrets: secrets.size }).toEqual({
				provider: provider.key,
				secrets: expect.any(Number),
			});
		}
		secrets.add(openai.apiKey);
		expect(secrets.size).toBeGreaterThanOrEqual(6);
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
		expect(leaks).toEqual([]);
	});
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
		const editor = new Editor(page, up.url, SCREENSHOTS);
		await editor.signIn(up.login);
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
		const m = mark();
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
			const { parse } = require(path.join(up.runtime.n8n.dir, 'node_modules', 'flatted'));
			return { status: full.status, data: parse(full.data) };
		}
		if (Date.now() > end) throw new Error(`No finished execution of ${workflowId}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
