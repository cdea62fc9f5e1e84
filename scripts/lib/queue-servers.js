'use strict';
/*
 * PostgreSQL and Redis as real local servers for the queue-mode rig (scripts/lib/queue.js):
 * Debian's `postgresql` and `redis-server` packages, installed with apt when they are missing and
 * this process is root, each server started on a free 127.0.0.1 port with its data in a temporary
 * folder. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (runuser).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { run, Service, formatDuration } = require('./proc');

const PG_ROOT = '/usr/lib/postgresql';
const INSTALL_HINT =
	'Queue mode needs PostgreSQL and Redis servers: install them (Debian/Ubuntu: `sudo apt-get install postgresql redis-server`), ' +
	'or set ORDER_SYNC_PG_BIN to a folder with initdb, postgres and psql and put redis-server on PATH.';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function onPath(cmd) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const file = path.join(dir, cmd);
		try {
			fs.accessSync(file, fs.constants.X_OK);
			return file;
		} catch {
			// not here
		}
	}
	return undefined;
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql (or $ORDER_SYNC_PG_BIN). */
function findPostgres() {
	const has = (dir) =>
		['initdb', 'postgres', 'psql'].every((b) => fs.existsSync(path.join(dir, b)));
	if (process.env.ORDER_SYNC_PG_BIN) {
		return has(process.env.ORDER_SYNC_PG_BIN) ? process.env.ORDER_SYNC_PG_BIN : undefined;
	}
	if (!fs.existsSync(PG_ROOT)) return undefined;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => /^\d+$/.test(v))
		.sort((a, b) => Number(b) - Number(a));
	for (const v of versions) {
		const dir = path.join(PG_ROOT, v, 'bin');
		// psql may come from the client package in /usr/bin.
		if (['initdb', 'postgres'].every((b) => fs.existsSync(path.join(dir, b)))) {
			return dir;
		}
	}
	return undefined;
}

/** PostgreSQL and Redis binaries; installs Debian's packages with apt when missing and root. */
async function ensureServers({ log = () => {} } = {}) {
	let pgBin = findPostgres();
	let redis = onPath('redis-server');
	const missing = [!pgBin && 'postgresql', !redis && 'redis-server'].filter(Boolean);
	if (missing.length) {
		if (!isRoot() || !onPath('apt-get')) throw new Error(INSTALL_HINT);
		const started = Date.now();
		log(`Installing ${missing.join(' and ')} with apt…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		await run('apt-get', ['update', '-qq'], { env, label: 'apt-get update' });
		await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
			env,
			label: `apt-get install ${missing.join(' ')}`,
		});
		log(`Installed ${missing.join(' and ')} in ${formatDuration(Date.now() - started)}.`);
		pgBin = findPostgres();
		redis = onPath('redis-server');
		if (!pgBin || !redis) throw new Error(INSTALL_HINT);
	}
	const psql = fs.existsSync(path.join(pgBin, 'psql')) ? path.join(pgBin, 'psql') : onPath('psql');
	if (!psql) throw new Error(INSTALL_HINT);
	return { pgBin, psql, redis };
}

/** uid and gid of a system user, from /etc/passwd. */
function userIds(name) {
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith(`${name}:`));
	if (!line)
		throw new Error(
			`There is no "${name}" user to run PostgreSQL as (PostgreSQL refuses to run as root).`,
		);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

async function waitFor(check, { what, timeoutMs, service }) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		if (service?.exitInfo) {
			throw new Error(
				`${what}: the process exited (${JSON.stringify(service.exitInfo)}):\n${service.output.slice(-3000)}`,
			);
		}
		if (await check().catch(() => false)) return;
		if (Date.now() > end)
			throw new Error(
				`${what} did not come up within ${formatDuration(timeoutMs)}:\n${service?.output.slice(-3000) ?? ''}`,
			);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * Starts a PostgreSQL cluster on 127.0.0.1:`port` with its data under `dir` and a database `n8n`
 * owned by a password role `n8n`. Durability is switched off (fsync, synchronous commit): the data
 * lives only as long as the test.
 */
async function startPostgres({ pgBin, psql, dir, port, log = () => {} }) {
	const data = path.join(dir, 'data');
	const sock = path.join(dir, 'sock');
	fs.mkdirSync(sock, { recursive: true });
	const asPostgres = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
	if (isRoot()) {
		const { uid, gid } = userIds('postgres');
		fs.chownSync(dir, uid, gid);
		fs.chownSync(sock, uid, gid);
	}
	const wrap = (cmd, args) =>
		asPostgres.length ? [asPostgres[0], [...asPostgres.slice(1), cmd, ...args]] : [cmd, args];
	const [initCmd, initArgs] = wrap(path.join(pgBin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'-E',
		'UTF8',
		'--auth-local=trust',
		'--auth-host=scram-sha-256',
		'--no-sync',
	]);
	await run(initCmd, initArgs, { label: 'initdb', cwd: dir });
	const [cmd, args] = wrap(path.join(pgBin, 'postgres'), [
		'-D',
		data,
		'-k',
		sock,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'max_connections=200',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const service = new Service('postgres', cmd, args, { cwd: dir });
	const sql = (statement, db = 'postgres') =>
		run(
			psql,
			[
				'-h',
				sock,
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				db,
				'-v',
				'ON_ERROR_STOP=1',
				'-At',
				'-c',
				statement,
			],
			{
				label: 'psql',
			},
		);
	await waitFor(async () => (await sql('select 1')).stdout.trim() === '1', {
		what: 'PostgreSQL',
		timeoutMs: 30_000,
		service,
	});
	const password = crypto.randomBytes(12).toString('hex');
	await sql(`CREATE ROLE n8n LOGIN PASSWORD '${password}'`);
	await sql('CREATE DATABASE n8n OWNER n8n');
	log(`PostgreSQL is up on 127.0.0.1:${port}.`);
	return {
		service,
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		sql,
		async stop() {
			// SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
			if (!service.exitInfo) service.signal('SIGINT');
			await service.stop(10_000);
		},
	};
}

/** Sends one inline command to Redis and resolves with the first reply line. */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (d) => {
			reply += d;
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.on('error', reject);
	});
}

/** Starts Redis on 127.0.0.1:`port` with nothing written to disk. */
async function startRedis({ redis, dir, port, log = () => {} }) {
	fs.mkdirSync(dir, { recursive: true });
	const service = new Service(
		'redis',
		redis,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
			'--daemonize',
			'no',
		],
		{ cwd: dir },
	);
	await waitFor(async () => (await redisCommand(port, 'PING')) === '+PONG', {
		what: 'Redis',
		timeoutMs: 15_000,
		service,
	});
	log(`Redis is up on 127.0.0.1:${port}.`);
	return { service, host: '127.0.0.1', port, stop: () => service.stop(5000) };
}

/** A temporary folder for the rig, outside any project (no node_modules above it). */
function rigDir(prefix = 'order-sync-queue-') {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	// PostgreSQL's user must be able to reach its folder inside.
	fs.chmodSync(dir, 0o755);
	return dir;
}

module.exports = { ensureServers, startPostgres, startRedis, rigDir, redisCommand, INSTALL_HINT };
