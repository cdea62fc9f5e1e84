'use strict';
/*
 * n8n in queue mode on one machine, started and stopped by the project's own scripts (no Docker):
 * PostgreSQL and Redis as real servers (scripts/lib/queue-servers.js), `n8n start` (main), N
 * `n8n worker` and one `n8n webhook` processor, each with its own user folder and ports, one shared
 * N8N_ENCRYPTION_KEY, everything on 127.0.0.1. The packed package is installed into every
 * process's `.n8n/nodes` as a user installs it, and checked there before that process starts: a
 * worker without it starts and reports healthy, then fails every execution with "Unrecognized node
 * type". Used by `npm run test:queue` and `npm start -- --queue`.
 *
 * The environment is built by queueEnv(); examples/docker-compose.queue.yml uses the same names
 * and values (checked by test/unit/docker-compose.test.ts).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, N8N_VERSION } = require('./runtime');
const { installInto } = require('./package');
const { n8nEnv, setupOwner, signIn, newPassword } = require('./n8n');
const { run, Service, freePort, formatDuration } = require('./proc');
const { ensureServers, startPostgres, startRedis, rigDir } = require('./queue-servers');

const PACKAGE = 'n8n-nodes-order-sync';
const RIG_PREFIX = 'order-sync-queue-';
/** Worker concurrency (n8n warns below 5). Executions that wait for a rate limit hold a slot. */
const WORKER_CONCURRENCY = 10;

/**
 * Environment that every n8n process of a queue-mode setup has, with the same values in the rig
 * and in examples/docker-compose.queue.yml.
 */
const SHARED_ENV = Object.freeze({
	EXECUTIONS_MODE: 'queue',
	DB_TYPE: 'postgresdb',
	DB_POSTGRESDB_DATABASE: 'n8n',
	DB_POSTGRESDB_USER: 'n8n',
	// n8n's default is 2 connections per process, and every getCredentials() is a database read.
	DB_POSTGRESDB_POOL_SIZE: '10',
	QUEUE_HEALTH_CHECK_ACTIVE: 'true',
	// Executions started in the editor run on the workers too (n8n's default from v3).
	OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '30',
	// "Worker started execution <id>" is an info line; the rig attributes executions by it.
	N8N_LOG_LEVEL: 'info',
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
});

/** Names whose values depend on the deployment (hosts, ports, secrets); set on every process. */
const DEPLOYMENT_ENV_NAMES = Object.freeze([
	'DB_POSTGRESDB_HOST',
	'DB_POSTGRESDB_PORT',
	'DB_POSTGRESDB_PASSWORD',
	'QUEUE_BULL_REDIS_HOST',
	'QUEUE_BULL_REDIS_PORT',
	'N8N_ENCRYPTION_KEY',
]);

/** The n8n command of each role. */
function roleArgs(role, concurrency = WORKER_CONCURRENCY) {
	if (role === 'main') return ['start'];
	if (role === 'worker') return ['worker', `--concurrency=${concurrency}`];
	if (role === 'webhook') return ['webhook'];
	throw new Error(`Unknown n8n role ${role}`);
}

/**
 * The environment of one rig process: n8nEnv()'s loopback-only base (scripts/lib/n8n.js), then
 * SHARED_ENV, the deployment values, and this process's own ports. On one host every process
 * needs its own task-broker port (default 5679 for main and every worker) and every worker its
 * own health port (default 5678, the same as main's N8N_PORT).
 */
function queueEnv({
	runtime,
	role,
	userFolder,
	port,
	brokerPort,
	healthPort,
	db,
	redis,
	encryptionKey,
	mainUrl,
}) {
	const base = n8nEnv(runtime, { userFolder, port: port ?? 0, brokerPort });
	const env = {
		...base,
		...SHARED_ENV,
		DB_POSTGRESDB_HOST: db.host,
		DB_POSTGRESDB_PORT: String(db.port),
		DB_POSTGRESDB_PASSWORD: db.password,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		N8N_ENCRYPTION_KEY: encryptionKey,
		// Links in the editor and in error workflows point at main, whichever process made them.
		N8N_EDITOR_BASE_URL: mainUrl,
		WEBHOOK_URL: `${mainUrl}/`,
	};
	if (role === 'worker') {
		// A worker serves no editor or webhooks (N8N_PORT is unused); its health server listens.
		delete env.N8N_PORT;
		env.QUEUE_HEALTH_CHECK_PORT = String(healthPort);
		env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
	}
	return env;
}

/** The folders Node searches for n8n's own modules, as n8n sets NODE_PATH for community packages. */
function n8nModulePaths(runtime) {
	const paths = [];
	for (let d = path.join(runtime.n8n.dir, 'node_modules', 'n8n', 'dist'); ; d = path.dirname(d)) {
		if (path.basename(d) !== 'node_modules') paths.push(path.join(d, 'node_modules'));
		if (path.dirname(d) === d) return paths;
	}
}

const LOAD_CHECK = `
const fs = require('node:fs'), path = require('node:path');
const dir = process.argv[1];
const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const out = { name: pj.name, version: pj.version, nodes: [], credentials: [] };
const classes = (file) => Object.values(require(path.join(dir, file))).filter((c) => typeof c === 'function');
for (const f of pj.n8n.nodes) for (const C of classes(f)) { const d = new C().description; if (d) out.nodes.push(pj.name + '.' + d.name); }
for (const f of pj.n8n.credentials) for (const C of classes(f)) { const c = new C(); if (c.name) out.credentials.push(c.name); }
process.stdout.write(JSON.stringify(out));
`;

/**
 * Checks that `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-order-sync` exists and that Node 24
 * loads every node and credential it declares with n8n's own modules, as n8n loads it. Resolves
 * with the node types; rejects with one line that says what is wrong and why it matters.
 */
async function checkPackage(runtime, name, userFolder, expectedTypes = []) {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	const why =
		'an n8n process without it starts and reports healthy, then fails every execution that uses our nodes with ' +
		`"Unrecognized node type: ${PACKAGE}.…"`;
	if (!fs.existsSync(path.join(dir, 'package.json'))) {
		throw new Error(`${name}: ${PACKAGE} is not installed in ${path.dirname(dir)} (${why}).`);
	}
	let loaded;
	try {
		const { stdout } = await run(runtime.node.bin, ['-e', LOAD_CHECK, dir], {
			env: {
				...runtime.env({ PATH: process.env.PATH }),
				NODE_PATH: n8nModulePaths(runtime).join(path.delimiter),
			},
			label: `load ${PACKAGE} for ${name}`,
			timeoutMs: 60_000,
		});
		loaded = JSON.parse(stdout);
	} catch (error) {
		const first =
			String(error.stderr ?? error.message)
				.split('\n')
				.find((l) => /Error/.test(l)) ?? error.message;
		throw new Error(`${name}: ${PACKAGE} in ${dir} does not load (${first.trim()}); ${why}.`);
	}
	const missing = expectedTypes.filter((t) => !loaded.nodes.includes(t));
	if (missing.length) {
		throw new Error(
			`${name}: ${PACKAGE}@${loaded.version} in ${dir} lacks ${missing.join(', ')}; ${why}.`,
		);
	}
	return loaded;
}

/** Reads a child's output line by line (chunks can split lines). */
function onLines(stream, fn) {
	let rest = '';
	stream.on('data', (d) => {
		const lines = (rest + d).split('\n');
		rest = lines.pop();
		for (const line of lines) fn(line);
	});
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** One n8n process of the rig, with its log on disk and the executions it reports. */
class N8nProcess {
	constructor({ name, role, env, runtime, logDir, concurrency }) {
		Object.assign(this, { name, role, env, runtime, logDir, concurrency });
		this.userFolder = env.N8N_USER_FOLDER;
		this.url = role === 'worker' ? undefined : `http://127.0.0.1:${env.N8N_PORT}`;
		this.healthUrl =
			role === 'worker'
				? `http://127.0.0.1:${env.QUEUE_HEALTH_CHECK_PORT}/healthz/readiness`
				: `${this.url}/healthz/readiness`;
		/** Execution ids this process logged as started / finished (workers), in log order. */
		this.started = [];
		this.finished = [];
		this.enqueued = [];
		this.starts = 0;
	}

	start(onEvent = () => {}) {
		this.starts++;
		const logFile = path.join(this.logDir, `${this.name}.log`);
		const out = fs.createWriteStream(logFile, { flags: 'a' });
		out.write(`\n===== start #${this.starts} at ${new Date().toISOString()} =====\n`);
		this.service = new Service(
			this.name,
			this.runtime.node.bin,
			[this.runtime.n8n.bin, ...roleArgs(this.role, this.concurrency)],
			{
				env: this.env,
				cwd: this.userFolder,
			},
		);
		this.service.exited.then(() => out.end());
		const handle = (raw) => {
			const line = stripAnsi(raw);
			out.write(`${line}\n`);
			let m;
			if ((m = /Worker started execution (\d+)/.exec(line))) {
				this.started.push(m[1]);
				onEvent('started', this, m[1]);
			} else if ((m = /Worker finished execution (\d+)/.exec(line))) {
				this.finished.push(m[1]);
			} else if ((m = /Enqueued execution (\d+)/.exec(line))) {
				this.enqueued.push(m[1]);
			}
		};
		onLines(this.service.child.stdout, handle);
		onLines(this.service.child.stderr, handle);
		this.startedAt = Date.now();
		return this;
	}

	get running() {
		return this.service && !this.service.exitInfo;
	}

	/** Resolves when /healthz/readiness answers 200 (main, webhook processor: their own port). */
	async ready(timeoutMs = 240_000) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			if (this.service.exitInfo) {
				throw new Error(
					`${this.name} (n8n ${this.role}) exited during startup (${JSON.stringify(this.service.exitInfo)}):\n${this.service.output.slice(-4000)}`,
				);
			}
			try {
				const res = await fetch(this.healthUrl);
				if (res.ok) {
					this.readyMs = Date.now() - this.startedAt;
					return this;
				}
			} catch {
				// not listening yet
			}
			if (Date.now() > end) {
				throw new Error(
					`${this.name} was not ready within ${formatDuration(timeoutMs)}:\n${this.service.output.slice(-4000)}`,
				);
			}
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	signal(sig) {
		this.service?.signal(sig);
	}

	async stop(graceMs = 40_000) {
		if (this.service) await this.service.stop(graceMs);
	}
}

/** Removes rigs of runs that died without tearing down (their processes are ended by pid, checked first). */
function removeAbandonedRigs(tmp, log) {
	for (const name of fs.readdirSync(tmp)) {
		const m = new RegExp(`^${RIG_PREFIX}(\\d+)-`).exec(name);
		if (!m) continue;
		const owner = Number(m[1]);
		try {
			process.kill(owner, 0);
			continue; // its run is still going
		} catch {
			// owner gone
		}
		const dir = path.join(tmp, name);
		let pids = [];
		try {
			pids = fs
				.readFileSync(path.join(dir, 'pids'), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map(Number);
		} catch {
			// none recorded
		}
		for (const pid of pids) {
			try {
				const environ =
					fs.readFileSync(`/proc/${pid}/environ`, 'latin1') +
					fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1');
				if (environ.includes(dir)) process.kill(-pid, 'SIGKILL');
			} catch {
				// gone or not ours
			}
		}
		fs.rmSync(dir, { recursive: true, force: true });
		log(`Removed the rig of an earlier run that did not stop (${dir}).`);
	}
}

/**
 * Starts the whole rig. `prepare(installed)` is called after the package is installed and before
 * n8n is: it returns `{ credentials, workflows }` to import (n8n's import formats). The workflows
 * are then activated through the REST API and their production URLs polled on main and on each
 * webhook processor until they answer.
 */
async function startQueueRig({
	log = () => {},
	workers = 2,
	webhookProcessors = 1,
	concurrency = WORKER_CONCURRENCY,
	prepare = async () => ({ credentials: [], workflows: [] }),
}) {
	const timings = {};
	const t0 = Date.now();
	let t = t0;
	const runtime = await ensureRuntime({ log });
	const servers = await ensureServers({ log });
	timings.provision = Date.now() - t;

	const tmp = require('node:os').tmpdir();
	removeAbandonedRigs(tmp, log);
	const dir = rigDir(`${RIG_PREFIX}${process.pid}-`);
	const logDir = path.join(dir, 'logs');
	fs.mkdirSync(logDir);
	const cleanups = [];
	const rig = {
		dir,
		logDir,
		runtime,
		timings,
		processes: new Map(),
		login: undefined,
		cookie: undefined,
	};
	const recordPid = (pid) => fs.appendFileSync(path.join(dir, 'pids'), `${pid}\n`);

	let stopping;
	rig.down = async () => {
		if (stopping) return await stopping;
		stopping = (async () => {
			const started = Date.now();
			await Promise.all([...rig.processes.values()].map((p) => p.stop(15_000).catch(() => {})));
			for (const fn of cleanups.reverse()) await fn().catch(() => {});
			if (!process.env.ORDER_SYNC_QUEUE_KEEP) fs.rmSync(dir, { recursive: true, force: true });
			timings.teardown = Date.now() - started;
		})();
		return await stopping;
	};

	try {
		t = Date.now();
		const [pgPort, redisPort] = [await freePort(), await freePort()];
		const pgDir = path.join(dir, 'postgres');
		fs.mkdirSync(pgDir);
		const [pg, redis] = await Promise.all([
			startPostgres({ ...servers, dir: pgDir, port: pgPort, log }),
			startRedis({ redis: servers.redis, dir: path.join(dir, 'redis'), port: redisPort, log }),
		]);
		recordPid(pg.service.pid);
		recordPid(redis.service.pid);
		cleanups.push(
			() => pg.stop(),
			() => redis.stop(),
		);
		rig.pg = pg;
		rig.redis = redis;
		timings.servers = Date.now() - t;

		// The package, packed once, installed into main's .n8n/nodes; the other processes get a copy
		// of that folder (what a persisted, shared `.n8n/nodes` volume gives them).
		t = Date.now();
		const mainFolder = path.join(dir, 'main');
		fs.mkdirSync(mainFolder);
		log(`Packing the package and installing it into ${path.join(mainFolder, '.n8n', 'nodes')}…`);
		const installed = await installInto(mainFolder, { log });
		rig.installed = installed;
		rig.nodeTypes = installed.nodes.map((p) => {
			const base = path.basename(p, '.node.js');
			return `${installed.name}.${base[0].toLowerCase()}${base.slice(1)}`;
		});
		timings.install = Date.now() - t;

		const encryptionKey = crypto.randomBytes(24).toString('base64url');
		const mainPort = await freePort();
		const mainUrl = `http://127.0.0.1:${mainPort}`;
		const db = { host: pg.host, port: pg.port, password: pg.password };
		rig.sharedEnv = { db, redis: { host: redis.host, port: redis.port }, encryptionKey, mainUrl };

		rig.addProcess = async (name, role) => {
			const userFolder = path.join(dir, name);
			if (!fs.existsSync(userFolder)) {
				fs.mkdirSync(userFolder);
				fs.cpSync(path.join(mainFolder, '.n8n', 'nodes'), path.join(userFolder, '.n8n', 'nodes'), {
					recursive: true,
				});
			}
			const env = queueEnv({
				runtime,
				role,
				userFolder,
				port: role === 'main' ? mainPort : role === 'webhook' ? await freePort() : undefined,
				brokerPort: await freePort(),
				healthPort: role === 'worker' ? await freePort() : undefined,
				...rig.sharedEnv,
			});
			const proc = new N8nProcess({ name, role, env, runtime, logDir, concurrency });
			rig.processes.set(name, proc);
			return proc;
		};
		/** Checks the package in the process's folder, starts it; `await proc.ready()` to wait. */
		rig.launch = async (proc) => {
			await checkPackage(runtime, proc.name, proc.userFolder, rig.nodeTypes);
			proc.start(rig.onEvent);
			recordPid(proc.service.pid);
			return proc;
		};
		rig.onEvent = () => {};

		const main = await rig.addProcess('main', 'main');
		const workerProcs = [];
		for (let i = 1; i <= workers; i++)
			workerProcs.push(await rig.addProcess(`worker${i}`, 'worker'));
		const webhookProcs = [];
		for (let i = 1; i <= webhookProcessors; i++)
			webhookProcs.push(await rig.addProcess(`webhook${i}`, 'webhook'));
		rig.main = main;
		rig.workers = () => [...rig.processes.values()].filter((p) => p.role === 'worker');
		rig.webhooks = webhookProcs;

		const { credentials = [], workflows = [] } = await prepare(installed, rig);

		// Main first: on the empty database it runs n8n's migrations, once. Then the workers and
		// webhook processors start while the owner, credentials and workflows are created over REST.
		t = Date.now();
		log(
			`Starting n8n ${N8N_VERSION} in queue mode: main, ${workers} worker(s), ${webhookProcessors} webhook processor(s)…`,
		);
		await rig.launch(main);
		await main.ready();
		timings.main = Date.now() - t;
		const others = [...workerProcs, ...webhookProcs];
		for (const p of others) await rig.launch(p);
		const othersReady = Promise.all(others.map((p) => p.ready()));
		othersReady.catch(() => {});

		rig.login = await setupOwner(main.url, { email: 'queue@example.com', password: newPassword() });
		rig.cookie = await signIn(main.url, rig.login);
		rig.rest = async (method, p, body) => {
			const res = await fetch(`${main.url}/rest${p}`, {
				method,
				headers: {
					cookie: rig.cookie,
					'content-type': 'application/json',
					'browser-id': 'order-sync-queue',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await res.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			if (!res.ok) {
				const error = new Error(`${method} /rest${p}: ${res.status} ${text.slice(0, 500)}`);
				error.status = res.status;
				error.body = json ?? text;
				throw error;
			}
			return json?.data ?? json;
		};
		rig.credentialIds = {};
		for (const c of credentials) {
			const created = await rig.rest('POST', '/credentials', {
				name: c.name,
				type: c.type,
				data: c.data,
			});
			rig.credentialIds[c.id] = created.id;
		}
		for (const w of workflows) {
			for (const node of w.nodes) {
				for (const ref of Object.values(node.credentials ?? {}))
					ref.id = rig.credentialIds[ref.id] ?? ref.id;
			}
			await rig.rest('POST', '/workflows', w);
		}
		timings.import = Date.now() - t - timings.main;
		await othersReady;
		timings.n8n = Date.now() - t;
		t = Date.now();
		await Promise.all(workflows.map((w) => activateWorkflow(rig, w)));
		timings.activate = Date.now() - t;
		timings.bringUp = Date.now() - t0;
		log(
			`Queue-mode rig up in ${formatDuration(timings.bringUp)} (${Object.entries(timings)
				.filter(([k]) => k !== 'bringUp')
				.map(([k, v]) => `${k} ${formatDuration(v)}`)
				.join(', ')}).`,
		);

		rig.query = pgQuery(runtime, pg);
		cleanups.push(() => rig.query.end());
		return rig;
	} catch (error) {
		error.message += `\n(n8n logs: ${logDir}${process.env.ORDER_SYNC_QUEUE_KEEP ? '' : '; set ORDER_SYNC_QUEUE_KEEP=1 to keep them'})`;
		await rig.down();
		throw error;
	}
}

/** The production webhook paths of a workflow. */
const webhookPaths = (workflow) =>
	workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.webhook').map((n) => n.parameters.path);

/**
 * Publishes a workflow (REST, as the editor does: the body names the version) and waits until its
 * production webhooks are registered on main and on every webhook processor. Activation is
 * asynchronous in n8n 2.x: the call returns before the URL works. A CORS preflight (OPTIONS with
 * an Origin) answers 204 only for a registered webhook, and starts no execution.
 */
async function activateWorkflow(rig, workflow) {
	const { versionId } = await rig.rest('GET', `/workflows/${workflow.id}`);
	await rig.rest('POST', `/workflows/${workflow.id}/activate`, { versionId });
	const bases = [rig.main.url, ...rig.webhooks.map((w) => w.url)];
	const end = Date.now() + 60_000;
	for (const p of webhookPaths(workflow)) {
		for (const base of bases) {
			for (;;) {
				const res = await fetch(`${base}/webhook/${p}`, {
					method: 'OPTIONS',
					headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
				}).catch(() => undefined);
				if (res?.status === 204) break;
				if (Date.now() > end)
					throw new Error(`The webhook ${base}/webhook/${p} was not registered within 60s`);
				await new Promise((r) => setTimeout(r, 200));
			}
		}
	}
}

/** A query function on n8n's database (node-postgres from n8n's own dependencies). */
function pgQuery(runtime, pg) {
	const { Client } = require(path.join(runtime.n8n.dir, 'node_modules', 'pg'));
	const client = new Client({
		host: pg.host,
		port: pg.port,
		user: pg.user,
		password: pg.password,
		database: pg.database,
	});
	let connected;
	const query = async (text, values) => {
		connected ??= client.connect();
		await connected;
		return (await client.query(text, values)).rows;
	};
	query.end = async () => {
		if (connected) await client.end();
	};
	return query;
}

/** The highest execution id so far (0 when none). */
async function maxExecutionId(rig) {
	const [row] = await rig.query('select coalesce(max(id), 0)::int as id from execution_entity');
	return row.id;
}

/**
 * Waits until `count` executions of `workflowIds` with an id above `base` exist and none of them is
 * still new, running or waiting; resolves with them (id as a string).
 */
async function waitForExecutions(rig, { base, workflowIds, count, timeoutMs = 180_000 }) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const rows = await rig.query(
			`select id::text as id, status, mode, finished, "workflowId", "retryOf", "retrySuccessId", "startedAt", "stoppedAt"
			   from execution_entity where id > $1 and "workflowId" = any($2) order by id`,
			[base, workflowIds],
		);
		const open = rows.filter((r) => ['new', 'running', 'waiting', 'unknown'].includes(r.status));
		if (rows.length >= count && open.length === 0) return rows;
		if (Date.now() > end) {
			const byStatus = rows.reduce(
				(acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
				{},
			);
			throw new Error(
				`Executions not done after ${formatDuration(timeoutMs)}: ${rows.length}/${count} exist, by status ${JSON.stringify(byStatus)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** The error message of each execution (from its stored run data; n8n stores it "flatted"). */
async function executionErrors(rig, ids) {
	const { parse } = require(path.join(rig.runtime.n8n.dir, 'node_modules', 'flatted'));
	const rows = await rig.query(
		'select "executionId"::text as id, data from execution_data where "executionId" = any($1::int[])',
		[ids.map(Number)],
	);
	const out = {};
	for (const row of rows) {
		try {
			const data = parse(row.data);
			const error = data.resultData?.error;
			out[row.id] = error
				? `${error.message}${error.description ? ` (${error.description})` : ''}`
				: undefined;
		} catch (e) {
			out[row.id] = `(unreadable: ${e.message})`;
		}
	}
	return out;
}

/** POSTs all `requests` ({ url, body }) at once; resolves with their statuses and the wall time. */
async function burst(requests) {
	const started = Date.now();
	const statuses = await Promise.all(
		requests.map(({ url, body }) =>
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			})
				.then(async (res) => {
					await res.arrayBuffer();
					return res.status;
				})
				.catch((error) => `error: ${error.cause?.code ?? error.message}`),
		),
	);
	return { statuses, httpMs: Date.now() - started, started };
}

module.exports = {
	SHARED_ENV,
	DEPLOYMENT_ENV_NAMES,
	WORKER_CONCURRENCY,
	N8N_VERSION,
	PACKAGE,
	queueEnv,
	roleArgs,
	checkPackage,
	startQueueRig,
	activateWorkflow,
	maxExecutionId,
	waitForExecutions,
	executionErrors,
	burst,
};
