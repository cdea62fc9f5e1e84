'use strict';
/* Child processes for the orchestration scripts: one-shot commands and long-running services. */
const { spawn } = require('node:child_process');
const net = require('node:net');

const TAIL = 4000;

function formatDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Runs a command to completion and resolves with its stdout and stderr. A non-zero exit rejects
 * with an error that carries the end of both, so a failed npm or n8n call explains itself.
 * `onOutput(text)` sees the output (both streams) as it comes.
 */
function run(cmd, args, { cwd, env, label = `${cmd} ${args.join(' ')}`, timeoutMs = 0, echo = false, onOutput } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => {
			stdout += d;
			if (echo) process.stdout.write(d);
			onOutput?.(String(d));
		});
		child.stderr.on('data', (d) => {
			stderr += d;
			if (echo) process.stderr.write(d);
			onOutput?.(String(d));
		});
		const timer = timeoutMs
			? setTimeout(() => {
					child.kill('SIGKILL');
				}, timeoutMs)
			: undefined;
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(new Error(`${label}: ${error.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) return resolve({ stdout, stderr });
			const error = new Error(
				`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}${
					signal === 'SIGKILL' && timeoutMs ? `, timed out after ${formatDuration(timeoutMs)}` : ''
				})\n--- stdout (end) ---\n${stdout.slice(-TAIL)}\n--- stderr (end) ---\n${stderr.slice(-TAIL)}`,
			);
			Object.assign(error, { stdout, stderr, code });
			reject(error);
		});
	});
}

/**
 * A long-running child in its own process group, so that stop() ends it together with the
 * processes it started (n8n starts a task runner) and a terminal's Ctrl-C reaches only us.
 */
class Service {
	constructor(name, cmd, args, { cwd, env, onLine } = {}) {
		this.name = name;
		this.output = '';
		this.child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
		this.exitInfo = undefined;
		this.exited.then((info) => (this.exitInfo = info));
		const onData = (d) => {
			this.output = (this.output + d).slice(-200_000);
			if (onLine) for (const line of String(d).split('\n')) if (line.trim()) onLine(line);
		};
		this.child.stdout.on('data', onData);
		this.child.stderr.on('data', onData);
		Service.all.add(this);
	}

	get pid() {
		return this.child.pid;
	}

	signal(sig) {
		try {
			process.kill(-this.child.pid, sig);
		} catch {
			// already gone
		}
	}

	async stop(graceMs = 10_000) {
		Service.all.delete(this);
		if (this.exitInfo) return;
		this.signal('SIGTERM');
		const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(timer);
	}
}
Service.all = new Set();

// Last resort when the script dies without stopping its services.
process.on('exit', () => {
	for (const service of Service.all) service.signal('SIGKILL');
});

/** A TCP port that is free on 127.0.0.1 right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Whether a TCP port on 127.0.0.1 can be bound. */
function isPortFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.on('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

module.exports = { run, Service, freePort, isPortFree, formatDuration };
