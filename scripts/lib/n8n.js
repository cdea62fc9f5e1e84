'use strict';
/* Runs the provisioned n8n: its CLI, its server, the owner login and the imports. */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { run, Service, formatDuration } = require('./proc');

/**
 * The environment of every n8n process of one user folder: SQLite, loopback only, nothing sent to
 * n8n's servers (telemetry, version checks, templates, banners, AI, the MCP server registry).
 */
function n8nEnv(runtime, { userFolder, port, brokerPort }) {
	const env = runtime.env({
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		LANG: process.env.LANG ?? 'C.UTF-8',
		TZ: process.env.TZ ?? 'UTC',
	});
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		DB_TYPE: 'sqlite',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// n8n's SSRF protection (off by default) blocks loopback; the simulators listen on 127.0.0.1.
		// Turn it on, allowing only loopback, so the nodes are proven under the hardened setting too.
		N8N_SSRF_PROTECTION_ENABLED: 'true',
		N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.0/8',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'info',
	};
}

/** Runs one n8n CLI command against the user folder. */
async function cli(runtime, env, args, options = {}) {
	return await run(runtime.node.bin, [runtime.n8n.bin, ...args], {
		env,
		label: `n8n ${args.join(' ')}`,
		timeoutMs: 300_000,
		...options,
	});
}

/** Starts `n8n start` and resolves when its REST API answers, or rejects with its output. */
async function startServer(runtime, env, { onLine, timeoutMs = 240_000 } = {}) {
	const started = Date.now();
	const service = new Service('n8n', runtime.node.bin, [runtime.n8n.bin, 'start'], { env, onLine });
	const url = env.N8N_EDITOR_BASE_URL;
	while (Date.now() - started < timeoutMs) {
		if (service.exitInfo) {
			throw new Error(`n8n exited during startup (${JSON.stringify(service.exitInfo)}):\n${service.output.slice(-6000)}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.ok) {
				return { service, url, startupMs: Date.now() - started };
			}
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	await service.stop();
	throw new Error(`n8n did not become ready within ${formatDuration(timeoutMs)}:\n${service.output.slice(-6000)}`);
}

/** A password that satisfies n8n's rules (8+ characters, a digit, an upper-case letter). */
function newPassword() {
	return `Demo-${crypto.randomBytes(6).toString('base64url')}-7Q`;
}

/** Creates the instance owner through the REST API the setup page uses. */
async function setupOwner(url, login) {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ firstName: 'Demo', lastName: 'Owner', ...login }),
	});
	if (!res.ok) throw new Error(`Owner setup failed: ${res.status} ${await res.text()}`);
	return login;
}

/** Signs in over REST; returns the cookie header for further REST calls. */
async function signIn(url, { email, password }) {
	const res = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	if (!res.ok) throw new Error(`Sign-in failed: ${res.status} ${await res.text()}`);
	return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Imports the credentials and the workflow files with n8n's CLI (before the server starts). */
async function importFixtures(runtime, env, { credentials, workflowFiles, workDir }) {
	fs.mkdirSync(workDir, { recursive: true });
	if (credentials.length) {
		const credentialsFile = path.join(workDir, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		await cli(runtime, env, ['import:credentials', `--input=${credentialsFile}`]);
		fs.rmSync(credentialsFile);
	}
	if (workflowFiles.length) {
		const dir = path.join(workDir, 'workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir);
		for (const file of workflowFiles) fs.copyFileSync(file, path.join(dir, path.basename(file)));
		await cli(runtime, env, ['import:workflow', '--separate', `--input=${dir}`]);
	}
}

/**
 * `n8n execute --id <id> --rawOutput`: the run's JSON (IRun). n8n prints log lines around it on
 * the same stream, so the JSON is taken from its first line that opens an object.
 *
 * Its stdout goes to a file, not a pipe. n8n prints the whole run data in one write and then calls
 * process.exit(); on a pipe Node writes asynchronously, so whatever the reader has not taken yet
 * when n8n exits is lost with exit code 0 (7 MB of a 2,500-item run arrived cut at 6.9 MB on a busy
 * machine, and at 0.2 MB when the reader waits). On a file every write is synchronous
 * (fs.writeSync), so the output is complete when n8n exits.
 */
async function executeWorkflow(runtime, env, id, { timeoutMs = 300_000 } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-execute-'));
	const file = path.join(dir, 'stdout');
	const label = `n8n execute --id=${id} --rawOutput`;
	try {
		const fd = fs.openSync(file, 'w', 0o600);
		let exit;
		let stderr = '';
		try {
			exit = await new Promise((resolve, reject) => {
				const child = spawn(runtime.node.bin, [runtime.n8n.bin, 'execute', `--id=${id}`, '--rawOutput'], {
					env,
					stdio: ['ignore', fd, 'pipe'],
				});
				child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
				const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
				child.on('error', (error) => {
					clearTimeout(timer);
					reject(new Error(`${label}: ${error.message}`));
				});
				child.on('close', (code, signal) => {
					clearTimeout(timer);
					resolve({ code, signal });
				});
			});
		} finally {
			fs.closeSync(fd);
		}
		const stdout = fs.readFileSync(file, 'utf8');
		if (exit.code !== 0) {
			const how = exit.signal
				? `signal ${exit.signal}${exit.signal === 'SIGKILL' ? `, timed out after ${formatDuration(timeoutMs)}` : ''}`
				: `exit code ${exit.code}`;
			const error = new Error(
				`Workflow ${id} failed:\n${label} failed (${how})\n--- stdout (end) ---\n${stdout.slice(-4000)}\n--- stderr (end) ---\n${stderr.slice(-4000)}`,
			);
			Object.assign(error, { stdout, stderr, code: exit.code });
			throw error;
		}
		const start = stdout.search(/^\{$/m);
		if (start === -1) throw new Error(`${label} printed no run data:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
		const end = stdout.lastIndexOf('\n}');
		const json = stdout.slice(start, end + 2);
		try {
			return JSON.parse(json);
		} catch (error) {
			throw new Error(
				`${label}: its run data (${Buffer.byteLength(json)} of ${Buffer.byteLength(stdout)} bytes) is not JSON (${error.message}); it ends with: ${JSON.stringify(stdout.slice(-200))}`,
			);
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { n8nEnv, cli, startServer, setupOwner, signIn, newPassword, importFixtures, executeWorkflow };
