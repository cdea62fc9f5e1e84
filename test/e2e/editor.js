'use strict';
/*
 * Drives the n8n editor in headless Chromium (found, or installed from Debian, by
 * scripts/lib/chromium.js; playwright-core downloads no browser). Selectors are n8n's own
 * data-test-id attributes.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { ensureChromium } = require('../../scripts/lib/chromium');

async function launchBrowser(userDataDir, { log } = {}) {
	const found = await ensureChromium({ log });
	fs.rmSync(userDataDir, { recursive: true, force: true });
	return await chromium.launchPersistentContext(userDataDir, {
		executablePath: found.path,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

class Editor {
	constructor(page, url, screenshotDir) {
		this.page = page;
		this.url = url;
		this.screenshotDir = screenshotDir;
		this.shots = [];
	}

	async screenshot(name) {
		const file = path.join(this.screenshotDir, `${String(this.shots.length + 1).padStart(2, '0')}-${name}.png`);
		await this.page.screenshot({ path: file });
		this.shots.push(file);
		return file;
	}

	async signIn({ email, password }) {
		const { page } = this;
		await page.goto(`${this.url}/signin`);
		await page.locator('input[type=email]').first().fill(email);
		await page.locator('input[type=password]').first().fill(password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
	}

	node(name) {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	/** Opens a workflow and waits until all its nodes are on the canvas. */
	async openWorkflow(workflow) {
		await this.page.goto(`${this.url}/workflow/${workflow.id}`);
		const count = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').length;
		await this.page.waitForFunction(
			(n) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= n,
			count,
			{ timeout: 60_000 },
		);
	}

	/** The icon each canvas node of `typePrefix` shows: its URL and whether the image loaded. */
	async canvasIcons(typePrefix) {
		const nodes = this.page.locator(`[data-test-id="canvas-node"][data-node-type^="${typePrefix}"]`);
		await nodes.first().locator('img').waitFor();
		return await nodes.evaluateAll((els) =>
			els.map((el) => {
				const img = el.querySelector('img');
				return {
					name: el.getAttribute('data-node-name'),
					src: img?.getAttribute('src') ?? null,
					loaded: Boolean(img && img.complete && img.naturalWidth > 0),
				};
			}),
		);
	}

	/** Clicks "Execute workflow" and waits until every node shows success (or one shows an error). */
	async executeWorkflow(nodeNames) {
		const { page } = this;
		await page.locator('[data-test-id="execute-workflow-button"]').click();
		await page.waitForFunction(
			(names) =>
				names.every((n) =>
					document.querySelector(
						`[data-test-id="canvas-node"][data-node-name="${CSS.escape(n)}"] [data-test-id="canvas-node-status-success"]`,
					),
				) || document.querySelector('[data-test-id="canvas-node-status-mark-error"]'),
			nodeNames,
			{ timeout: 120_000 },
		);
		const status = {};
		for (const name of nodeNames) {
			const node = this.node(name);
			status[name] = (await node.locator('[data-test-id="canvas-node-status-success"]').count())
				? 'success'
				: (await node.locator('[data-test-id="canvas-node-status-mark-error"]').count())
					? 'error'
					: 'not run';
		}
		return status;
	}

	async openNode(name) {
		await this.node(name).dblclick();
		await this.page.locator('[data-test-id="ndv"]').waitFor();
		await this.page.locator('[data-test-id="node-parameters"]').waitFor();
	}

	async closeNode() {
		const ndv = this.page.locator('[data-test-id="ndv"]');
		if (await ndv.isVisible()) await this.page.locator('[data-test-id="ndv-close-button"]').click();
		await ndv.waitFor({ state: 'hidden' });
	}

	/** The shown value of an options parameter in the open node panel. */
	async parameterValue(name) {
		return await this.page.locator(`[data-test-id="parameter-input-${name}"] input`).first().inputValue();
	}

	/** The option names an options parameter offers (opens its dropdown, reads it, closes it). */
	async parameterOptions(name) {
		const { page } = this;
		await page.locator(`[data-test-id="parameter-input-${name}"]`).click();
		const list = page.locator('.el-select-dropdown:visible [data-test-id="parameter-input-item"] .option-headline');
		await list.first().waitFor();
		const names = await list.allInnerTexts();
		await page.keyboard.press('Escape');
		await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
		return names.map((n) => n.trim());
	}

	/** "N items" of the output panel of the open node, or 0. */
	async outputItemCount() {
		const text = await this.page.locator('[data-test-id="output-panel"]').innerText();
		const match = /(\d+) items?/.exec(text);
		return match ? Number(match[1]) : 0;
	}

	/** Opens the credential of the open node; resolves with the automatic connection test's result. */
	async openCredential() {
		await this.page.locator('[data-test-id="credential-edit-button"]').click();
		await this.credentialModal().waitFor();
		return await this.credentialTestResult();
	}

	/** Opens a credential from Overview → Credentials; resolves with the connection test's result. */
	async openCredentialById(id) {
		await this.page.goto(`${this.url}/home/credentials/${id}`);
		await this.credentialModal().waitFor();
		return await this.credentialTestResult();
	}

	credentialModal() {
		return this.page.locator('[data-test-id="editCredential-modal"]');
	}

	/**
	 * The connection test banner of the credential modal: "Connection tested successfully" or
	 * "Couldn't connect with these settings", whose "More details" holds the reason. With
	 * `expectOk`, waits for that banner first (the other may still show the previous test).
	 */
	async credentialTestResult(expectOk) {
		const modal = this.credentialModal();
		const success = modal.locator('[data-test-id="credentials-config-container-test-success"]');
		const failure = modal.locator('.el-tag--danger', { hasText: 'connect' });
		const wanted = expectOk === undefined ? success.or(failure).first() : expectOk ? success : failure;
		await wanted.waitFor({ timeout: 30_000 }).catch(() => undefined);
		if (await success.isVisible()) return { ok: true, text: (await success.innerText()).trim() };
		await failure.waitFor({ timeout: 30_000 });
		const details = failure.getByText('More details');
		if (await details.count()) await details.click();
		return { ok: false, text: (await failure.innerText()).trim() };
	}

	/** Clicks the banner's Retry button; resolves with the new result. */
	async retryCredentialTest(expectOk) {
		await this.credentialModal().locator('button[title="Retry credential test"]:visible').click();
		return await this.credentialTestResult(expectOk);
	}

	/** Types into a credential field and saves, which re-runs the test; resolves with its result. */
	async saveCredentialWith(field, value, expectOk) {
		const modal = this.credentialModal();
		await modal.locator(`[data-test-id="parameter-input-${field}"] input`).first().fill(value);
		await modal.locator('[data-test-id="credential-save-button"]').click();
		return await this.credentialTestResult(expectOk);
	}

	/**
	 * Searches the nodes panel of a new workflow (where triggers are offered) or of the open one;
	 * resolves with the listed nodes and their icons once `listed` (default: the query) is shown.
	 */
	async searchNodes(name, { newWorkflow = false, listed = name } = {}) {
		const { page } = this;
		const panel = page.locator('[data-test-id="node-creator"]');
		if (newWorkflow) await page.goto(`${this.url}/workflow/new`);
		if (!(await panel.isVisible())) await page.locator('[data-test-id="node-creator-plus-button"]').click();
		await page.locator('[data-test-id="node-creator-search-bar"]').click();
		await page.keyboard.type(name);
		// The list follows the search text after a debounce.
		await panel
			.locator('[data-test-id="node-creator-item-name"]', { hasText: listed })
			.first()
			.waitFor({ timeout: 10_000 })
			.catch(() => undefined);
		return await panel.locator('[data-test-id="item-iterator-item"]').evaluateAll((els) =>
			els.map((el) => {
				const img = el.querySelector('img');
				return {
					name: el.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim(),
					icon: img?.getAttribute('src') ?? null,
					loaded: Boolean(img && img.complete && img.naturalWidth > 0),
				};
			}),
		);
	}

	async closeNodeCreator() {
		await this.page.keyboard.press('Escape');
		await this.page.locator('[data-test-id="node-creator"]').waitFor({ state: 'hidden' });
	}

	/**
	 * Adds `nodeName` from the nodes panel through its action `action` (none for a node without
	 * actions, e.g. a trigger), as a user does, to a new, empty workflow (`newWorkflow`) or to the
	 * open one; resolves once the node panel shows its parameters (or an error toast shows).
	 * `errors()` then tells whether n8n complained on the way.
	 */
	async addNode(nodeName, action, { newWorkflow = false } = {}) {
		const { page } = this;
		this.watchErrors();
		if (newWorkflow) {
			// A busy machine loads the editor slowly; the canvas of a new workflow shows its add button.
			await page.goto(`${this.url}/workflow/new`, { timeout: 120_000 });
			await page.locator('[data-test-id="node-creator-plus-button"]').waitFor({ timeout: 120_000 });
		}
		await this.searchNodes(nodeName);
		await this.pickFromPanel(nodeName, action);
		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.or(this.errorToasts().first()).first().waitFor({ timeout: 20_000 });
		if (await ndv.isVisible()) await page.locator('[data-test-id="node-parameters"]').waitFor();
	}

	errorToasts() {
		return this.page.locator('.el-notification:has(.el-notification--error)');
	}

	/** Records uncaught page errors from now on (once per page). */
	watchErrors() {
		if (this.pageErrors) return;
		this.pageErrors = [];
		this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
		// Leaving a new workflow with a node asks before unloading; other dialogs stay dismissed.
		this.page.on('dialog', (dialog) => (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
	}

	/** The error toasts shown and the uncaught page errors since the last call; clears both. */
	async errors() {
		const toasts = (await this.errorToasts().allInnerTexts()).map((t) => t.trim());
		const thrown = this.pageErrors ?? [];
		this.pageErrors = [];
		for (const close of await this.page.locator('.el-notification .el-notification__closeBtn').all()) {
			await close.click().catch(() => undefined);
		}
		return { toasts, thrown };
	}

	/** In the open nodes panel, after a search: clicks `nodeName`, then its action `action` (if any). */
	async pickFromPanel(nodeName, action) {
		const { page } = this;
		const panel = page.locator('[data-test-id="node-creator"]');
		// A node with actions is listed as an action item. A trigger without actions is listed as a
		// node item, or, where its app has a node with actions too ("Montly"), under that app's
		// item, as the first entry (triggers come first).
		const kind = action ? 'node-creator-action-item' : 'node-creator-node-item';
		const item = panel.locator(`[data-test-id="${kind}"]`, { hasText: nodeName }).first();
		if (action || (await item.isVisible())) {
			await item.click();
		} else {
			await panel.locator('[data-test-id="node-creator-action-item"]', { hasText: nodeName }).first().click();
			await panel.locator('[data-test-id="item-iterator-item"]').first().click();
		}
		if (action) {
			const entry = panel
				.locator('[data-test-id="item-iterator-item"]')
				.filter({ has: page.getByText(action, { exact: true }) })
				.first();
			// In a new workflow, an app with a trigger too (Montly) shows its actions folded up.
			await entry.waitFor({ timeout: 5_000 }).catch(() => undefined);
			if (!(await entry.isVisible())) {
				await panel.locator('[data-test-id="node-creator-category-item"]', { hasText: /^\s*Actions/ }).first().click();
			}
			await entry.click();
		}
	}

	/**
	 * Adds `appName` through its action `action` after the canvas node `sourceName`, as a user does
	 * with the "+" on that node's output; resolves once the new node's panel shows its parameters.
	 */
	async addNodeAfter(sourceName, appName, action) {
		const { page } = this;
		this.watchErrors();
		await this.node(sourceName).hover();
		await page
			.locator(`[data-test-id="canvas-node-output-handle"][data-node-name="${sourceName}"] [data-test-id="canvas-handle-plus"]`)
			.first()
			.click();
		await page.locator('[data-test-id="node-creator"]').waitFor();
		await this.searchNodes(appName);
		await this.pickFromPanel(appName, action);
		await page.locator('[data-test-id="ndv"]').waitFor();
		await page.locator('[data-test-id="node-parameters"]').waitFor();
	}

	/** Types a fixed value into a text parameter of the open node panel. */
	async fillParameter(name, value) {
		const input = this.page.locator(`[data-test-id="parameter-input-${name}"] input`).first();
		await input.click();
		await input.fill(value);
		await input.press('Tab');
	}

	/** Picks an option of an options parameter by its shown name. */
	async selectParameterOption(name, optionName) {
		const { page } = this;
		await page.locator(`[data-test-id="parameter-input-${name}"]`).click();
		await page
			.locator('.el-select-dropdown:visible [data-test-id="parameter-input-item"]', { hasText: optionName })
			.first()
			.click();
		await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => undefined);
	}

	/**
	 * Drags the input field `field` (its name in the input panel's schema view) onto the parameter
	 * `name`, as the parameter's hint tells a user to; the input panel runs the previous nodes first
	 * when it has no data yet. Resolves with the expression the parameter then holds.
	 */
	async dragInputToParameter(field, name) {
		const { page } = this;
		const input = page.locator('[data-test-id="ndv-input-panel"]');
		const runPrevious = input.locator('[data-test-id="execute-previous-node"]');
		if (await runPrevious.isVisible()) await runPrevious.click();
		const source = input
			.locator('[data-test-id="run-data-schema-item"] span')
			.filter({ hasText: new RegExp(`^${field}$`) })
			.first();
		await source.waitFor({ timeout: 60_000 });
		const target = page.locator(`[data-test-id="parameter-input-${name}"]`).first();
		await target.scrollIntoViewIfNeeded();
		const from = await source.boundingBox();
		const to = await target.boundingBox();
		await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await page.mouse.down();
		await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
		await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 25 });
		await page.mouse.up();
		const editor = page.locator(`[data-test-id="parameter-input-${name}"] [data-test-id="inline-expression-editor-input"]`).first();
		await editor.waitFor({ timeout: 10_000 });
		// The mapped expression shows a moment after the drop.
		await editor.getByText('{{').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
		return (await editor.innerText()).trim();
	}

	/** The output panel's text once it shows `text` (rendered after the item count), or as it is after 15 s. */
	async outputShowing(text) {
		const output = this.page.locator('[data-test-id="output-panel"]');
		await output.getByText(text).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
		return (await output.innerText()).trim();
	}

	/** Runs the open node ("Execute step") and waits for its output: items or an error. */
	async executeOpenNode() {
		const { page } = this;
		const output = page.locator('[data-test-id="output-panel"]');
		const before = await output.innerText().catch(() => '');
		await page.locator('[data-test-id="node-execute-button"]').first().click();
		await page.waitForFunction(
			(previous) => {
				const el = document.querySelector('[data-test-id="output-panel"]');
				if (!el) return false;
				const text = el.innerText;
				const running = /executing|running/i.test(text) && !/\d+ items?/.test(text);
				return !running && text !== previous && (/\d+ items?/.test(text) || /error|problem/i.test(text));
			},
			before,
			{ timeout: 120_000 },
		);
		return (await output.innerText()).trim();
	}

	/** Closes the credential modal (Escape closes the node panel under it too). */
	async closeCredential() {
		await this.page.keyboard.press('Escape');
		await this.credentialModal().waitFor({ state: 'hidden' });
	}
}

module.exports = { launchBrowser, Editor };
