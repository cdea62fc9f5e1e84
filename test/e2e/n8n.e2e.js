'use strict';
/*
 * The packed package in a real n8n (2.40.7, SQLite, 127.0.0.1) with the provider simulators:
 *  - install: the tarball has every file package.json's "n8n" section names, and n8n loads them;
 *  - headless: each example workflow imported with `n8n import:workflow` and run with
 *    `n8n execute --id … --rawOutput`, its node outputs and the provider's requests checked;
 *  - editor: headless Chromium signs in, runs each example, opens each of our nodes and the
 *    credential form, and checks that nodes, icons, operations and the credential test work.
 * Screenshots go to .n8n-e2e/screenshots/<time>-<pid>/ (printed at the end; the last 3 runs are kept).
 */
const fs = require('node:fs');
const path = require('node:path');

const { bringUp, EXAMPLES_DIR } = require('../../scripts/lib/stack');
const { executeWorkflow, signIn } = require('../../scripts/lib/n8n');
const { freePort, formatDuration } = require('../../scripts/lib/proc');
const { ROOT } = require('../../scripts/lib/package');
const { cacheDir } = require('../../scripts/lib/runtime');
const { launchBrowser, Editor } = require('./editor');
const { ensureChromium } = require('../../scripts/lib/chromium');
const { workflows } = require('./workflows');
const { providers } = require('../../scripts/lib/providers');

const PACKAGE = 'n8n-nodes-order-sync';
const allowMissing = process.env.ORDER_SYNC_ALLOW_MISSING_NODES === '1';
// Per run, so that runs in the same checkout at the same time keep their own user folder and shots.
const RUN_ID = `e2e-${process.pid}`;
const INSTANCES = path.join(cacheDir(), 'instances');
const SCREENSHOT_ROOT = path.join(ROOT, '.n8n-e2e', 'screenshots');
const SCREENSHOTS = path.join(SCREENSHOT_ROOT, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
const exampleFiles = fs
	.readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const log = (line) => process.stderr.write(`[e2e] ${line}\n`);

let up;
let nodeTypes;
let credentialTypes;
const started = Date.now();

/** Removes what runs killed before their afterAll left behind, and screenshots older than the last 2 runs. */
function removeLeftovers() {
	const alive = (pid) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	for (const name of fs.existsSync(INSTANCES) ? fs.readdirSync(INSTANCES) : []) {
		const match = /^e2e-(\d+)/.exec(name);
		if (match && !alive(Number(match[1]))) fs.rmSync(path.join(INSTANCES, name), { recursive: true, force: true });
	}
	const shots = fs.existsSync(SCREENSHOT_ROOT)
		? fs.readdirSync(SCREENSHOT_ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
		: [];
	for (const name of shots.slice(0, -2)) fs.rmSync(path.join(SCREENSHOT_ROOT, name), { recursive: true, force: true });
}

beforeAll(async () => {
	removeLeftovers();
	// Chromium first: without it (and no way to install it) the run fails here at once, not after n8n is up.
	const browser = await ensureChromium({ log });
	log(`Chromium: ${browser.path} (${browser.installed ? 'installed now' : browser.source})`);
	up = await bringUp({ instance: RUN_ID, allowMissing, log });
	const cookie = await signIn(up.url, up.login);
	// Once more on a dropped connection: under load a kept-alive socket can close as the next request
	// goes out ("other side closed"); a server that is really gone fails the third attempt too.
	const get = async (p, attempt = 1) => {
		try {
			return await (await fetch(`${up.url}${p}`, { headers: { cookie } })).json();
		} catch (error) {
			if (attempt >= 3 || !/fetch failed/.test(error.message)) throw error;
			log(`GET ${p}: ${error.cause?.message ?? error.message}; trying again`);
			return await get(p, attempt + 1);
		}
	};
	nodeTypes = await get('/types/nodes.json');
	credentialTypes = await get('/types/credentials.json');
}, 30 * 60_000);

afterAll(async () => {
	await up?.stop();
	fs.rmSync(path.join(INSTANCES, RUN_ID), { recursive: true, force: true });
	log(`done in ${formatDuration(Date.now() - started)}; timings: ${JSON.stringify(up?.timings ?? {})}`);
});

/** The imported example of a file, or why it was not imported. */
function example(file) {
	const find = (list) => list.find((e) => path.basename(e.file) === file);
	return { usable: find(up.examples.usable), skipped: find(up.examples.skipped) };
}

const nodeType = (type) => nodeTypes.find((t) => t.name === type);

async function until(condition, what, timeoutMs = 10_000) {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('the packed package', () => {
	it("contains every file package.json's n8n section lists", () => {
		if (allowMissing && up.installed.missing.length) {
			log(`ORDER_SYNC_ALLOW_MISSING_NODES=1: not checking ${up.installed.missing.join(', ')}`);
			return;
		}
		expect(up.installed.missing).toEqual([]);
	});

	it('is loaded by n8n: every node and credential type, with icons that the server serves', async () => {
		const names = nodeTypes.filter((t) => t.name.startsWith(`${PACKAGE}.`)).map((t) => t.name);
		for (const file of up.installed.nodes) {
			const base = path.basename(file, '.node.js');
			expect(names).toContain(`${PACKAGE}.${base[0].toLowerCase()}${base.slice(1)}`);
		}
		const ourCredentials = credentialTypes.filter((c) => JSON.stringify(c.iconUrl ?? '').includes(PACKAGE));
		expect(ourCredentials).toHaveLength(up.installed.credentials.length);

		const icons = new Set();
		for (const t of [...nodeTypes.filter((n) => n.name.startsWith(`${PACKAGE}.`)), ...ourCredentials]) {
			for (const url of Object.values(t.iconUrl ?? {})) icons.add(url);
			expect(t.iconUrl).toEqual({ light: expect.any(String), dark: expect.any(String) });
		}
		for (const url of icons) {
			const res = await fetch(`${up.url}/${url}`);
			expect({ url, status: res.status, type: res.headers.get('content-type') }).toEqual({
				url,
				status: 200,
				type: expect.stringContaining('svg'),
			});
		}
	});
});

describe('headless: n8n execute', () => {
	it.each(exampleFiles)('%s', async (file) => {
		const { usable, skipped } = example(file);
		if (skipped && allowMissing) return log(`${file} not run: ${skipped.reason}`);
		expect(skipped?.reason).toBeUndefined();
		const expectations = workflows[usable.id];
		if (!expectations) throw new Error(`test/e2e/workflows.js has no checks for ${usable.id} (${file})`);

		const before = new Map(up.sims.running.map((r) => [r.provider.key, r.sim.requests.length]));
		const env = { ...up.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const t = Date.now();
		const run = await executeWorkflow(up.runtime, env, usable.id);
		log(`${file}: n8n execute took ${formatDuration(Date.now() - t)}`);
		expect(run.status).toBe('success');
		expectations.check(run, {
			requests: (key) => {
				const r = up.sims.running.find((s) => s.provider.key === key);
				if (!r) throw new Error(`No running simulator "${key}"`);
				return r.sim.requests.slice(before.get(key));
			},
		});
	});
});

describe('editor: headless Chromium', () => {
	let browser;
	let editor;

	beforeAll(async () => {
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		browser = await launchBrowser(path.join(INSTANCES, `${RUN_ID}-chromium`), { log });
		const page = browser.pages()[0] ?? (await browser.newPage());
		editor = new Editor(page, up.url, SCREENSHOTS);
		await editor.signIn(up.login);
	}, 120_000);

	afterAll(async () => {
		if (editor?.shots.length) log(`${editor.shots.length} screenshots in ${SCREENSHOTS}`);
		await browser?.close();
		fs.rmSync(path.join(INSTANCES, `${RUN_ID}-chromium`), { recursive: true, force: true });
	});

	it.each(exampleFiles)('%s: runs, and shows our nodes with icon, operation and output', async (file) => {
		const { usable } = example(file);
		if (!usable) return;
		const { workflow } = usable;
		const slug = path.basename(file, '.json');
		const ours = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE}.`));
		const runnable = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name);

		await editor.openWorkflow(workflow);
		const icons = await editor.canvasIcons(`${PACKAGE}.`);
		expect(icons.map((i) => i.name).sort()).toEqual(ours.map((n) => n.name).sort());
		for (const icon of icons) {
			expect(icon).toEqual({ name: icon.name, src: expect.stringContaining(`/icons/${PACKAGE}/`), loaded: true });
		}
		await editor.screenshot(`${slug}-canvas`);

		const status = await editor.executeWorkflow(runnable);
		await editor.screenshot(`${slug}-executed`);
		expect(status).toEqual(Object.fromEntries(runnable.map((n) => [n, 'success'])));

		for (const node of ours) {
			await editor.openNode(node.name);
			const description = nodeType(node.type);
			const prop = (name, show = {}) =>
				description.properties.find(
					(p) =>
						p.name === name &&
						Object.entries(show).every(([k, v]) => p.displayOptions?.show?.[k]?.includes(v)),
				);
			const optionName = (p, value) => p.options.find((o) => o.value === value)?.name;
			const resource = prop('resource');
			if (resource) {
				expect(await editor.parameterValue('resource')).toBe(optionName(resource, node.parameters.resource));
			}
			const operation = prop('operation', resource ? { resource: node.parameters.resource } : {});
			if (operation) {
				expect(await editor.parameterValue('operation')).toBe(optionName(operation, node.parameters.operation));
				// The server's description includes the "Custom API Call" that n8n adds itself.
				expect(await editor.parameterOptions('operation')).toEqual(operation.options.map((o) => o.name));
			}
			expect(await editor.outputItemCount()).toBeGreaterThan(0);
			await editor.screenshot(`${slug}-${node.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
			await editor.closeNode();
		}
	});

	it('lists our nodes in the nodes panel, with their icons', async () => {
		await editor.openWorkflow(up.examples.usable[0].workflow);
		for (const t of nodeTypes.filter((n) => n.name.startsWith(`${PACKAGE}.`) && !n.name.endsWith('Tool'))) {
			const trigger = t.group.includes('trigger');
			// n8n lists a trigger under its app's name ("Montly" for "Montly Trigger").
			const listed = trigger ? t.displayName.replace(/ Trigger$/, '') : t.displayName;
			const found = await editor.searchNodes(t.displayName, { newWorkflow: trigger, listed });
			await editor.screenshot(`nodes-panel-${t.name.slice(PACKAGE.length + 1)}`);
			expect(found).toContainEqual({
				name: listed,
				icon: expect.stringContaining(`/icons/${PACKAGE}/`),
				loaded: true,
			});
			await editor.closeNodeCreator();
		}
	});

	// Each node added from the nodes panel through each of its actions (resource × operation), as the
	// panel lists them ("Create order"), each action into a new, empty workflow.
	const OUR_NODES = ['mailerLiteEcommerce', 'esputnik', 'monto', 'feedbackCompany', 'montly', 'montlyTrigger'];
	it.each(OUR_NODES)(
		'%s: added to a new workflow from the nodes panel through each action, without an error',
		async (name) => {
			const t = nodeType(`${PACKAGE}.${name}`);
			expect(t).toBeDefined();
			const resource = t.properties.find((p) => p.name === 'resource');
			const actions = (resource?.options ?? []).flatMap((r) =>
				t.properties
					.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value))
					// "Custom API Call" is n8n's own addition, not one of our operations.
					.flatMap((op) => op.options.filter((o) => o.value !== '__CUSTOM_API_CALL__' && o.name !== 'Custom API Call'))
					.map((o) => ({ resource: r.name, operation: o.name, action: o.action ?? o.name })),
			);
			const steps = actions.length ? actions : [{}];
			const problems = [];
			// A page of its own (same signed-in browser), so that nothing an earlier test left open
			// (a modal, a half-closed panel) stands between the canvas and the nodes panel.
			const page = await browser.newPage();
			const own = new Editor(page, up.url, SCREENSHOTS);
			try {
				for (const [i, step] of steps.entries()) {
					const where = step.action ?? t.displayName;
					await own.addNode(t.displayName.replace(/ Trigger$/, ''), step.action, { newWorkflow: true });
					if (i === 0) await own.screenshot(`add-${name}`);
					const { toasts, thrown } = await own.errors();
					if (toasts.length || thrown.length) {
						await own.screenshot(`add-${name}-error-${i}`);
						problems.push(`${where}: ${[...toasts, ...thrown].join(' / ')}`);
					} else if (step.resource) {
						const shown = `${await own.parameterValue('resource')} → ${await own.parameterValue('operation')}`;
						if (shown !== `${step.resource} → ${step.operation}`) problems.push(`${where}: the panel shows ${shown}`);
					}
					await own.closeNode();
				}
			} finally {
				await page.close();
			}
			expect(problems).toEqual([]);
		},
		20 * 60_000,
	);

	it.each(providers.map((p) => p.key))(
		'credential %s: the connection test passes, fails with a wrong secret, passes again',
		async (key) => {
			const running = up.sims.running.find((r) => r.provider.key === key);
			if (!running) {
				const { reason } = up.sims.skipped.find((s) => s.provider.key === key);
				if (allowMissing) return log(`credential ${key} not tested: ${reason}`);
				throw new Error(`The ${key} simulator is not running: ${reason}`);
			}
			const { provider, sim, credentialData } = running;
			const { id, secretField } = provider.credential;

			let seen = sim.requests.length;
			expect(await editor.openCredentialById(id)).toEqual({ ok: true, text: expect.stringContaining('successfully') });
			await until(() => sim.requests.length > seen, 'the credential test to reach the simulator');
			await editor.screenshot(`credential-${key}-ok`);

			seen = sim.requests.length;
			expect((await editor.retryCredentialTest(true)).ok).toBe(true);
			await until(() => sim.requests.length > seen, 'the retried credential test to reach the simulator');

			const failed = await editor.saveCredentialWith(secretField, 'not-the-right-secret', false);
			await editor.screenshot(`credential-${key}-wrong-secret`);
			expect(failed.ok).toBe(false);
			expect(failed.text).toMatch(/couldn.t connect/i);
			expect(failed.text).not.toContain(credentialData[secretField]);

			expect((await editor.saveCredentialWith(secretField, credentialData[secretField], true)).ok).toBe(true);
			await editor.closeCredential();
		},
	);
});

// A first workflow as a user builds it who has not read our docs (issues 21 and 22): found by what
// they search for, line items mapped with one expression, errors in the words on screen, nothing
// sent when one of several orders is invalid.
describe('editor: a first workflow, as a new user builds it', () => {
	let browser;
	let editor;
	let cookie;
	const sim = (key) => up.sims.running.find((r) => r.provider.key === key);
	const credential = (key) => {
		const { id, name, type } = sim(key).provider.credential;
		return { [type]: { id, name } };
	};

	/** Saves a workflow through n8n's REST API, as the editor does; resolves with its id. */
	async function createWorkflow(workflow) {
		const res = await fetch(`${up.url}/rest/workflows`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow }),
		});
		const body = await res.json();
		if (!res.ok) throw new Error(`Creating "${workflow.name}": ${res.status} ${JSON.stringify(body)}`);
		return body.data.id;
	}

	const trigger = { id: 't', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const code = (name, orders) => ({
		id: 'c',
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: { jsCode: `return ${JSON.stringify(orders.map((json) => ({ json })), null, 2)};` },
	});
	const after = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });
	/** A screenshot; with ORDER_SYNC_UPDATE_DOCS_IMAGES=1 also docs/images/<docsName> (README figures, < 300 KB). */
	const figure = async (name, docsName) => {
		// Without n8n's toasts over the panel.
		for (const close of await editor.page.locator('.el-notification .el-notification__closeBtn').all()) {
			await close.click().catch(() => undefined);
		}
		await editor.page.locator('.el-notification').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
		const shot = await editor.screenshot(name);
		expect(fs.statSync(shot).size).toBeLessThan(300 * 1024);
		if (process.env.ORDER_SYNC_UPDATE_DOCS_IMAGES === '1') {
			fs.copyFileSync(shot, path.join(ROOT, 'docs', 'images', docsName));
			log(`wrote docs/images/${docsName}`);
		}
	};

	beforeAll(async () => {
		cookie = await signIn(up.url, up.login);
		fs.mkdirSync(SCREENSHOTS, { recursive: true });
		browser = await launchBrowser(path.join(INSTANCES, `${RUN_ID}-chromium-new-user`), { log });
		const page = browser.pages()[0] ?? (await browser.newPage());
		editor = new Editor(page, up.url, SCREENSHOTS);
		await editor.signIn(up.login);
	}, 120_000);

	afterAll(async () => {
		await browser?.close();
		fs.rmSync(path.join(INSTANCES, `${RUN_ID}-chromium-new-user`), { recursive: true, force: true });
	});

	const walkOrder = {
		orderNumber: '1001',
		email: 'ann@example.com',
		name: 'Ann Example',
		items: [
			{ productId: 'RD-1', name: 'Red Delicious', url: 'https://shop.example.com/p/rd-1', sku: 'RD-1' },
			{ productId: 'GS-2', name: 'Granny Smith', url: 'https://shop.example.com/p/gs-2', sku: 'GS-2' },
		],
	};

	it('the nodes panel finds all five nodes by "order"', async () => {
		const id = await createWorkflow({
			name: 'New user: searching for order',
			nodes: [trigger, code('Order', [walkOrder])],
			connections: after(trigger.name, 'Order'),
		});
		await editor.openWorkflow({ id, nodes: [trigger, {}] });
		const found = await editor.searchNodes('order', { listed: 'Montly' });
		await editor.screenshot('new-user-search-order');
		await editor.closeNodeCreator();
		const names = found.map((f) => f.name);
		expect(['MailerLite E-Commerce', 'eSputnik', 'The Feedback Company', 'Monto', 'Montly'].filter((n) => !names.includes(n))).toEqual([]);
	});

	it('The Feedback Company after a Code node: products mapped by one expression, run, then a bad e-mail named as on screen', async () => {
		const id = await createWorkflow({
			name: 'New user: an order to The Feedback Company',
			nodes: [trigger, code('Order', [walkOrder])],
			connections: after(trigger.name, 'Order'),
		});
		await editor.openWorkflow({ id, nodes: [trigger, {}] });
		await editor.addNodeAfter('Order', 'The Feedback Company', 'Create order');
		await editor.fillParameter('external_id', '1001');
		await editor.fillParameter('customerEmail', 'ann@example.com');
		await editor.selectParameterOption('productsInput', 'From a List');
		expect(await editor.dragInputToParameter('items', 'productsList')).toBe('{{ $json.items }}');
		const fc = sim('feedbackcompany').sim;
		const seen = fc.requests.length;
		expect(await editor.executeOpenNode()).toMatch(/1 item/);
		const output = await editor.outputShowing('invitationScheduled');
		await figure('new-user-feedback-company-output', 'products-from-a-list.png');
		expect(output).toContain('invitationScheduled');
		const posts = fc.requests.slice(seen).filter((r) => r.method === 'POST' && r.path === '/api/v2/orders');
		expect(posts.map((r) => r.json.products.map((p) => p.external_id))).toEqual([['RD-1', 'GS-2']]);

		await editor.fillParameter('customerEmail', 'ann.example.com');
		const before = fc.requests.length;
		await editor.executeOpenNode();
		const failed = await editor.outputShowing('[item 0]');
		await figure('new-user-feedback-company-bad-email', 'labelled-error.png');
		expect(failed).toContain('[item 0] Customer Email (customer.email): "ann.example.com"');
		expect(fc.requests.slice(before).filter((r) => r.method === 'POST' && r.path === '/api/v2/orders')).toEqual([]);
		await editor.closeNode();
	}, 5 * 60_000);

	it('MailerLite: three orders, the third with a bad e-mail: the node stops naming it, and nothing was sent', async () => {
		const { MAILERLITE_DEMO_SHOP_ID } = require('../../scripts/lib/providers');
		const orders = ['ann@example.com', 'bob@example.com', 'cy.example.com'].map((email, n) => ({ email, sku: `SKU-${n}`, price: 10 + n }));
		const node = {
			id: 'm',
			name: 'Create order',
			type: `${PACKAGE}.mailerLiteEcommerce`,
			typeVersion: 1.1,
			position: [440, 0],
			credentials: credential('mailerlite'),
			parameters: {
				resource: 'order',
				operation: 'create',
				shopId: { __rl: true, mode: 'list', value: MAILERLITE_DEMO_SHOP_ID, cachedResultName: 'Demo Shop' },
				customerEmail: '={{ $json.email }}',
				cartItems: { item: [{ ecommerce_product_id: '={{ $json.sku }}', quantity: 1, price: '={{ $json.price }}' }] },
			},
		};
		const id = await createWorkflow({
			name: 'New user: three MailerLite orders, one invalid',
			nodes: [trigger, code('Orders', orders), node],
			connections: { ...after(trigger.name, 'Orders'), ...after('Orders', 'Create order') },
		});
		await editor.openWorkflow({ id, nodes: [trigger, {}, {}] });
		const ml = sim('mailerlite').sim;
		const seen = ml.requests.length;
		const status = await editor.executeWorkflow([trigger.name, 'Orders', 'Create order']);
		expect(status['Create order']).toBe('error');
		await editor.openNode('Create order');
		const shown = (await editor.page.locator('[data-test-id="output-panel"]').innerText()).trim();
		await editor.screenshot('new-user-mailerlite-third-invalid');
		expect(shown).toContain('[item 2] Customer Email (customer.email): "cy.example.com"');
		expect(shown).toContain('Nothing was sent');
		expect(ml.requests.slice(seen).filter((r) => r.method === 'POST')).toEqual([]);
		await editor.closeNode();
	}, 5 * 60_000);
});
