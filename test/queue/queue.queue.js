'use strict';
/*
 * Our five order writes under n8n in queue mode (2.40.7): main, workers and a webhook processor on
 * real PostgreSQL and Redis, the packed package in every process's .n8n/nodes
 * (scripts/lib/queue.js), one published workflow per provider (Webhook → our node) against the
 * simulators. Asserted from n8n's database (execution_entity), the workers' logs ("Worker started
 * execution <id>") and the simulators' stored orders:
 *  - a burst of 200 production webhooks: every execution ran on a worker, both workers took some,
 *    all succeeded, every order stored once, Feedback Company tokens ≤ 1 per worker;
 *  - SIGTERM of a worker mid-burst: nothing lost, nothing doubled;
 *  - MailerLite's per-account limit across 3 workers, 130 executions at once: with the default
 *    credential none fails and every order is stored once (the workers follow the account's
 *    X-RateLimit-Remaining; the 429s are printed); the optional Share of Rate Limit per n8n Process
 *    = floor(100 / 3) still caps each process (no 429 at all);
 *  - SIGKILL of a worker mid-burst: its executions end `error` after about a minute and are not
 *    re-run; retried through n8n's REST API, every order ends up stored exactly once.
 * Figures are printed at the end ([queue] lines).
 */
const { startQueueStack, PROVIDERS } = require('../../scripts/lib/queue-stack');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
	maxExecutionId,
	waitForExecutions,
	executionErrors,
	burst,
	checkPackage,
	PACKAGE,
} = require('../../scripts/lib/queue');
const { targets } = require('../../scripts/lib/queue-workflows');
const { formatDuration } = require('../../scripts/lib/proc');

const log = (line) => process.stderr.write(`[queue] ${line}\n`);
const CREATES = ['mailerlite', 'feedbackcompany', 'montly'];
const SHARE_WORKERS = 3;
const SHARE = Math.floor(100 / SHARE_WORKERS);
const ML_BURST = 130;

let stack;
let rig;
const figures = {};

beforeAll(async () => {
	stack = await startQueueStack({
		log,
		workers: 2,
		extraMailerLite: [
			{ key: 'MlDefault' },
			{ key: 'MlShare', credentialData: { rateLimitShare: SHARE } },
		],
	});
	rig = stack.rig;
	figures.bringUp = rig.timings;
}, 20 * 60_000);

afterAll(async () => {
	await rig?.down();
	figures.teardownMs = rig?.timings.teardown;
	log(`figures: ${JSON.stringify(figures, null, 1)}`);
}, 120_000);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const above = (base) => (id) => Number(id) > base;
const workflowIds = () => PROVIDERS.map((k) => stack.providers[k].workflow.id);

/** `perProvider` orders for each provider, keys `<tag>-<provider>-<i>`, alternately to main and the webhook processor. */
function orders(tag, perProvider) {
	const requests = [];
	for (let i = 0; i < perProvider; i++) {
		for (const key of PROVIDERS) {
			const host = requests.length % 2 ? rig.webhooks[0].url : rig.main.url;
			const order = `${tag}-${key}-${i}`;
			requests.push({
				url: `${host}/webhook/${stack.providers[key].path}`,
				body: targets[key].body(order),
				provider: key,
				order,
			});
		}
	}
	return requests;
}

const fcTokenRequests = () =>
	stack.providers.feedbackcompany.sim.requests.filter((r) => r.path.endsWith('/oauth2/token'))
		.length;

/** Successful writes per order key of a tag, per provider. */
function storedCounts(tag) {
	const out = {};
	for (const key of PROVIDERS)
		out[key] = stack.providers[key].recorder.stored((k) => String(k).startsWith(`${tag}-${key}-`));
	return out;
}

/** Which workers logged "Worker started execution <id>", for each id. */
function startedOn(ids) {
	const map = new Map(ids.map((id) => [id, []]));
	for (const w of rig.workers()) for (const id of w.started) map.get(id)?.push(w.name);
	return map;
}

function split(ids) {
	const out = {};
	for (const [, names] of startedOn(ids)) for (const n of names) out[n] = (out[n] ?? 0) + 1;
	return out;
}

/** Fails with the executions' error messages when any did not succeed. */
async function expectAllSucceeded(rows) {
	const failed = rows.filter((r) => r.status !== 'success');
	const errors = failed.length
		? await executionErrors(
				rig,
				failed.slice(0, 10).map((r) => r.id),
			)
		: {};
	expect({
		failed: failed.length,
		examples: failed
			.slice(0, 10)
			.map((r) => `${r.id} ${r.workflowId} ${r.status}: ${errors[r.id]}`),
	}).toEqual({ failed: 0, examples: [] });
}

function expectStoredOnce(tag, perProvider, kinds = PROVIDERS) {
	const counts = storedCounts(tag);
	for (const key of kinds) {
		const stored = counts[key];
		const wrong = [...stored].filter(([, n]) => n !== 1);
		expect({ provider: key, stored: stored.size, notOnce: wrong }).toEqual({
			provider: key,
			stored: perProvider,
			notOnce: [],
		});
	}
}

async function until(condition, what, timeoutMs = 60_000) {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
		await sleep(50);
	}
}

test('every process has the package and its own ports; main and the webhook processor only enqueue', () => {
	const procs = [...rig.processes.values()];
	expect(procs.map((p) => p.role).sort()).toEqual(['main', 'webhook', 'worker', 'worker']);
	const ports = procs.flatMap((p) =>
		['N8N_PORT', 'N8N_RUNNERS_BROKER_PORT', 'QUEUE_HEALTH_CHECK_PORT']
			.map((k) => p.env[k])
			.filter(Boolean),
	);
	expect(new Set(ports).size).toBe(ports.length);
	expect(new Set(procs.map((p) => p.env.N8N_ENCRYPTION_KEY)).size).toBe(1);
	expect(new Set(procs.map((p) => p.userFolder)).size).toBe(procs.length);
	for (const p of procs)
		expect(p.env.N8N_LISTEN_ADDRESS ?? p.env.N8N_WORKER_SERVER_ADDRESS).toBe('127.0.0.1');
});

test('a process without the package, or with a broken one, is refused before it starts', async () => {
	const loaded = await checkPackage(
		rig.runtime,
		'worker1',
		rig.processes.get('worker1').userFolder,
		rig.nodeTypes,
	);
	expect(loaded.nodes.sort()).toEqual([...rig.nodeTypes].sort());

	const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'order-sync-queue-nopkg-'));
	try {
		await expect(checkPackage(rig.runtime, 'worker9', empty, rig.nodeTypes)).rejects.toThrow(
			/worker9: n8n-nodes-order-sync is not installed in .*Unrecognized node type/,
		);
		// A copy whose node file does not load (a half-copied volume).
		const target = path.join(empty, '.n8n', 'nodes', 'node_modules', PACKAGE);
		fs.cpSync(
			path.join(rig.processes.get('worker1').userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE),
			target,
			{
				recursive: true,
			},
		);
		const nodeFile = require(path.join(target, 'package.json')).n8n.nodes[0];
		fs.writeFileSync(path.join(target, nodeFile), 'module.exports = (');
		await expect(checkPackage(rig.runtime, 'worker9', empty, rig.nodeTypes)).rejects.toThrow(
			/worker9: .* does not load/,
		);
	} finally {
		fs.rmSync(empty, { recursive: true, force: true });
	}
});

test('a burst of 200 webhooks: every execution on a worker, both workers, all succeed, every order stored once', async () => {
	const base = await maxExecutionId(rig);
	const tokensBefore = fcTokenRequests();
	const limitedBefore = stack.providers.mailerlite.sim.rateLimited;
	const requests = orders('b1', 40);
	expect(requests).toHaveLength(200);

	const b = await burst(requests);
	expect(b.statuses.filter((s) => s !== 200)).toEqual([]);
	const rows = await waitForExecutions(rig, { base, workflowIds: workflowIds(), count: 200 });
	const doneMs = Date.now() - b.started;

	const ids = rows.map((r) => r.id);
	const perWorker = split(ids);
	const tokens = fcTokenRequests() - tokensBefore;
	const mailerLite429 = stack.providers.mailerlite.sim.rateLimited - limitedBefore;
	const counts = storedCounts('b1');
	figures.burst200 = {
		httpMs: b.httpMs,
		allDoneMs: doneMs,
		perWorker,
		byStatus: rows.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
		enqueuedBy: {
			main: rig.main.enqueued.filter(above(base)).length,
			webhook1: rig.webhooks[0].enqueued.filter(above(base)).length,
		},
		stored: Object.fromEntries(PROVIDERS.map((k) => [k, counts[k].size])),
		feedbackCompanyTokenRequests: tokens,
		mailerLite429,
	};
	log(`burst 200: ${JSON.stringify(figures.burst200)}`);

	expect(rows).toHaveLength(200);
	expect(new Set(rows.map((r) => r.mode))).toEqual(new Set(['webhook']));
	await expectAllSucceeded(rows);
	const on = startedOn(ids);
	expect([...on].filter(([, names]) => names.length !== 1)).toEqual([]);
	expect(Object.keys(perWorker).sort()).toEqual(['worker1', 'worker2']);
	expect(rig.main.started.filter(above(base))).toEqual([]);
	expectStoredOnce('b1', 40);
	// At most one token per n8n process that runs executions (here: the two workers).
	expect(tokens).toBeLessThanOrEqual(rig.workers().length);
	expect(tokens).toBeGreaterThanOrEqual(1);
}, 300_000);

test('SIGTERM to a worker mid-burst: it finishes what it holds, the other takes the rest; nothing lost or doubled', async () => {
	const victim = rig.processes.get('worker1');
	const base = await maxExecutionId(rig);
	const requests = orders('b2', 20);
	const pending = burst(requests);
	await until(
		() => victim.started.filter(above(base)).length >= 3,
		'worker1 to start 3 executions of the burst',
	);
	const signalledAt = Date.now();
	victim.signal('SIGTERM');
	const exit = await victim.service.exited;
	const exitMs = Date.now() - signalledAt;
	const b = await pending;
	expect(b.statuses.filter((s) => s !== 200)).toEqual([]);
	const rows = await waitForExecutions(rig, {
		base,
		workflowIds: workflowIds(),
		count: requests.length,
	});

	// worker1 back, and a third worker for the rate-limit share test (both start in the background).
	rig.restarting = Promise.all([
		rig.launch(victim).then((p) => p.ready()),
		rig
			.addProcess('worker3', 'worker')
			.then((p) => rig.launch(p))
			.then((p) => p.ready()),
	]);
	rig.restarting.catch(() => {});

	await expectAllSucceeded(rows);
	const ids = rows.map((r) => r.id);
	expect([...startedOn(ids)].filter(([, names]) => names.length !== 1)).toEqual([]);
	// Every execution the stopped worker started, it finished before exiting.
	const held = victim.started.filter(above(base));
	expect(held.filter((id) => !victim.finished.includes(id))).toEqual([]);
	expectStoredOnce('b2', 20);
	figures.sigterm = {
		burst: requests.length,
		exit,
		exitMs,
		allDoneMs: Date.now() - b.started,
		perWorker: split(ids),
	};
	log(`SIGTERM: ${JSON.stringify(figures.sigterm)}`);
}, 300_000);

test(`MailerLite across ${SHARE_WORKERS} workers, defaults: none fails, every order once; ${SHARE}% per process: no 429`, async () => {
	await rig.restarting;
	expect(rig.workers().filter((w) => w.running)).toHaveLength(SHARE_WORKERS);
	const { MlDefault, MlShare } = stack.extra;
	const base = await maxExecutionId(rig);
	const requests = [];
	for (let i = 0; i < ML_BURST; i++) {
		for (const [tag, extra] of [
			['sd', MlDefault],
			['ss', MlShare],
		]) {
			const host = requests.length % 4 < 2 ? rig.main.url : rig.webhooks[0].url;
			requests.push({
				url: `${host}/webhook/${extra.path}`,
				body: targets.mailerlite.body(`${tag}-mailerlite-${i}`),
			});
		}
	}
	const b = await burst(requests);
	expect(b.statuses.filter((s) => s !== 200)).toEqual([]);
	const rows = await waitForExecutions(rig, {
		base,
		workflowIds: [MlDefault.workflow.id, MlShare.workflow.id],
		count: requests.length,
		timeoutMs: 240_000,
	});
	const shareIds = rows.filter((r) => r.workflowId === MlShare.workflow.id).map((r) => r.id);
	const defaultIds = rows.filter((r) => r.workflowId === MlDefault.workflow.id).map((r) => r.id);
	const doneAt = (ids) =>
		Math.max(
			...rows.filter((r) => ids.includes(r.id)).map((r) => new Date(r.stoppedAt).getTime()),
		) - b.started;
	const failed = (ids) => rows.filter((r) => ids.includes(r.id) && r.status !== 'success').length;

	figures.mailerLiteShare = {
		workers: SHARE_WORKERS,
		burstPerAccount: ML_BURST,
		default: {
			share: 100,
			status429: MlDefault.sim.rateLimited,
			failed: failed(defaultIds),
			allDoneMs: doneAt(defaultIds),
			perWorker: split(defaultIds),
		},
		share: {
			share: SHARE,
			status429: MlShare.sim.rateLimited,
			failed: failed(shareIds),
			allDoneMs: doneAt(shareIds),
			perWorker: split(shareIds),
		},
	};
	log(`MailerLite share: ${JSON.stringify(figures.mailerLiteShare)}`);

	// The share: no 429 at all, every execution succeeded, every order stored once.
	expect(MlShare.sim.rateLimited).toBe(0);
	await expectAllSucceeded(rows.filter((r) => shareIds.includes(r.id)));
	const storedShare = MlShare.recorder.stored((k) => String(k).startsWith('ss-'));
	expect({
		stored: storedShare.size,
		notOnce: [...storedShare].filter(([, n]) => n !== 1),
	}).toEqual({ stored: ML_BURST, notOnce: [] });

	// The default: every process follows the account's remaining budget from MailerLite's answers.
	// A 429 is waited out (Retry-After) and sent again, so none fails and nothing is doubled.
	await expectAllSucceeded(rows.filter((r) => defaultIds.includes(r.id)));
	const storedDefault = MlDefault.recorder.stored((k) => String(k).startsWith('sd-'));
	expect({
		stored: storedDefault.size,
		notOnce: [...storedDefault].filter(([, n]) => n !== 1),
	}).toEqual({
		stored: ML_BURST,
		notOnce: [],
	});
}, 480_000);

test('SIGKILL of a worker mid-burst: its executions end in error after about a minute and are not re-run; Retry, then re-delivery, store every order once', async () => {
	const victim = rig.processes.get('worker2');
	const base = await maxExecutionId(rig);
	const requests = orders('b4', 12);
	const pending = burst(requests);
	await until(
		() =>
			victim.started.filter(above(base)).filter((id) => !victim.finished.includes(id)).length >= 3,
		'worker2 to hold 3 running executions of the burst',
	);
	const killedAt = Date.now();
	victim.signal('SIGKILL');
	await victim.service.exited;
	const heldLogged = victim.started
		.filter(above(base))
		.filter((id) => !victim.finished.includes(id));
	const b = await pending;
	expect(b.statuses.filter((s) => s !== 200)).toEqual([]);
	const rows = await waitForExecutions(rig, {
		base,
		workflowIds: workflowIds(),
		count: requests.length,
		timeoutMs: 240_000,
	});

	const failedIds = rows.filter((r) => r.status !== 'success').map((r) => r.id);
	const messages = await executionErrors(rig, failedIds);
	// The killed worker's executions: the ones it logged as started and did not finish, and the
	// ones it had taken from the queue but not logged yet. n8n fails them once Bull's lock expires.
	const stalled = failedIds.filter((id) =>
		/failed to be processed too many times/.test(messages[id] ?? ''),
	);
	const otherFailures = failedIds
		.filter((id) => !stalled.includes(id))
		.map((id) => `${id}: ${messages[id]}`);
	const rerun = stalled.filter((id) =>
		startedOn([id])
			.get(id)
			.some((name) => name !== victim.name),
	);
	const errorAfterMs = stalled.map(
		(id) => new Date(rows.find((r) => r.id === id).stoppedAt).getTime() - killedAt,
	);
	const storedBeforeRetry = storedCounts('b4');

	// Retry, as a user does from the executions list (REST: POST /rest/executions/:id/retry).
	const retried = [];
	for (const id of failedIds) {
		try {
			const result = await rig.rest('POST', `/executions/${id}/retry`, { loadWorkflow: false });
			retried.push({ id, retryId: String(result?.id), status: result?.status });
		} catch (error) {
			retried.push({ id, error: error.message.slice(0, 300) });
		}
	}
	const retryIds = retried.map((r) => r.retryId).filter(Boolean);
	const retryErrors = retryIds.length ? await executionErrors(rig, retryIds) : {};
	const storedAfterRetry = storedCounts('b4');
	figures.sigkill = {
		burst: requests.length,
		heldAtKill: heldLogged.length,
		stalled: stalled.length,
		otherFailures,
		errorAfterMs: [Math.min(...errorAfterMs), Math.max(...errorAfterMs)],
		stalledMessage: messages[stalled[0]],
		storedBeforeRetry: Object.fromEntries(PROVIDERS.map((k) => [k, storedBeforeRetry[k].size])),
		retried: retried.map((r) => ({ ...r, message: retryErrors[r.retryId] })),
		storedAfterRetry: Object.fromEntries(PROVIDERS.map((k) => [k, storedAfterRetry[k].size])),
	};
	log(`SIGKILL: ${JSON.stringify(figures.sigkill)}`);
	expect(heldLogged.length).toBeGreaterThanOrEqual(3);
	expect(stalled.length).toBeGreaterThanOrEqual(heldLogged.length);
	expect(otherFailures).toEqual([]);
	expect(rerun).toEqual([]);
	for (const ms of errorAfterMs) expect(ms).toBeGreaterThan(20_000);

	// Through the kill nothing was stored twice (the stalled executions were not re-run).
	for (const key of PROVIDERS)
		expect({ key, twice: [...storedBeforeRetry[key]].filter(([, n]) => n > 1) }).toEqual({
			key,
			twice: [],
		});

	// Retry. An execution that failed in a node keeps its data and its retry runs the node again.
	// A stalled one cannot be retried in n8n 2.40.7: when the lock expires, main stores the error
	// in place of the execution's data (workflow-runner processError: runData {}, an empty node
	// stack), so its retry ends at once with the same error and sends nothing. The order is in
	// the shop only; it has to be delivered again (below).
	for (const r of retried) {
		const expected = stalled.includes(r.id) ? 'error' : 'success';
		expect({ id: r.id, status: r.status }).toEqual({ id: r.id, status: expected });
	}
	for (const key of PROVIDERS) {
		const before = storedBeforeRetry[key];
		const after = storedAfterRetry[key];
		const newlyStored = [...after.keys()].filter((k) => !before.has(k)).length;
		expect(newlyStored).toBeLessThanOrEqual(otherFailures.length);
	}

	// Re-delivery of the orders that no provider has, as a shop re-sends a webhook: then every
	// order is stored exactly once (creates) and present once (upserts).
	const missing = requests.filter((r) => !storedAfterRetry[r.provider].has(r.order));
	const rebase = await maxExecutionId(rig);
	const again = await burst(missing);
	expect(again.statuses.filter((s) => s !== 200)).toEqual([]);
	const redelivered = await waitForExecutions(rig, {
		base: rebase,
		workflowIds: workflowIds(),
		count: missing.length,
	});
	await expectAllSucceeded(redelivered);
	figures.sigkill.redelivered = missing.length;
	log(`SIGKILL: re-delivered ${missing.length} orders`);
	expectStoredOnce('b4', 12);
}, 600_000);
