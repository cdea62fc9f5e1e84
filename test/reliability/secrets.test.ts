import type { ICredentialDataDecryptedObject, INodeParameters, IRun } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { resetProcessState } from '../../nodes/shared/http/accounts';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import type { SimRequest, SimResponse } from '../simulators/base';
import { Simulator } from '../simulators/base';
import { deliverToMontlyTrigger } from './support/montly-trigger';
import { captureN8nLogger } from '../support/n8n-logger';
import type { NodeUnderTest } from './support/nodes';
import { credentialTypesOf, NODES, nodeTypesOf, operationsOf, propertiesOf } from './support/nodes';
import { allText } from './support/text';

/*
 * Secret scan: every operation of every node runs with recognisable secrets in its credential
 * against a hostile server that answers 401, 403, 404, 422, 429 and 500 and echoes the whole
 * request back (URL with query, Authorization header, body) in every body shape the nodes
 * read: JSON with message/errors/detail, Montly's error object, plain text and an HTML page.
 * No secret — as given, URL-encoded or Base64-encoded (HTTP Basic) — may appear in an output
 * item, error message, error description, anything else reachable from the error objects, the
 * stored run data, or a log line (LoggerProxy, n8n's DI logger, the console).
 */

const MARK = 'SECRET';
const secrets = {
	mailerLite: 'ml-SECRET-key-1a2b3c4d',
	esputnik: 'es-SECRET-key-5e6f7g8h',
	monto: 'mo-SECRET-key/9i0j+k=',
	feedbackCompany: 'fc-SECRET-client-2m3n',
	montly: 'mt-SECRET-key-4p5q',
	montlyWebhook: 'mt-SECRET-webhook-6r7s',
};
const TOKEN_PREFIX = 'fc-SECRET-token-';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** Forms that do not contain the marker: Base64 of the secrets and of HTTP Basic's `user:secret`. */
const encoded = [
	...Object.values(secrets).map(base64),
	base64(`n8n:${secrets.esputnik}`),
	base64(`:${secrets.esputnik}`).slice(4),
];

const STATUSES = [401, 403, 404, 422, 429, 500] as const;
type Shape = 'json' | 'montly' | 'text' | 'html';
const SHAPES: Shape[] = ['json', 'montly', 'text', 'html'];

let status = 500;
let shape: Shape = 'json';
/** Set to answer the Feedback Company token endpoint with this status instead of a token. */
let tokenStatus: number | undefined;
let apiRequests = 0;
let tokens = 0;

/** Echo a Bearer token a second time without its scheme, as "invalid token <token>" messages do. */
let echoBareToken = false;

function echo(req: SimRequest): string {
	const authorization = String(req.headers.authorization ?? '');
	const bare = echoBareToken && authorization.startsWith('Bearer ') ? ` Invalid token ${authorization.slice(7)}.` : '';
	return `Rejected ${req.method} ${req.rawUrl} (authorization: ${authorization}; body: ${req.text}).${bare}`;
}

function answer(code: number, how: Shape, text: string): SimResponse {
	// A 429 waits for as long as the Rate Limit Patience allows: an hour fails at once, with the body.
	const headers: Record<string, string> = code === 429 ? { 'retry-after': '3600' } : code === 500 ? { 'retry-after': '0' } : {};
	switch (how) {
		case 'json':
			return {
				status: code,
				headers,
				body: { message: text, error_description: text, detail: text, errors: { email: [text], 'orders.0.id': [text] }, success: false },
			};
		case 'montly':
			return { status: code, headers, body: { error: { code: text, message: text, fields: [{ field: 'email', code: text, message: text }] } } };
		case 'text':
			return { status: code, headers, body: text };
		case 'html':
			return { status: code, headers, body: `<html><body><h1>${code}</h1><pre>${text}</pre></body></html>`, contentType: 'text/html' };
	}
}

const hostile = new Simulator((req) => {
	if (req.path.endsWith('/oauth2/token')) {
		if (tokenStatus !== undefined) return answer(tokenStatus, shape, echo(req));
		return { status: 200, body: { access_token: `${TOKEN_PREFIX}${++tokens}`, expires_in: 3600 } };
	}
	apiRequests++;
	return answer(status, shape, echo(req));
});

const consoleLines: string[] = [];
const n8nLogLines: Array<{ level: string; message: string; meta?: unknown }> = [];

beforeAll(async () => {
	await hostile.start();
	captureN8nLogger(n8nLogLines);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			consoleLines.push(allText(args).join(' '));
		});
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await hostile.stop();
});
beforeEach(() => {
	status = 500;
	shape = 'json';
	tokenStatus = undefined;
	echoBareToken = false;
	apiRequests = 0;
});

function credentialsOf(n: NodeUnderTest): ICredentialDataDecryptedObject {
	const api = `${hostile.url}/api`;
	switch (n.credentialName) {
		case 'mailerLiteEcommerceApi':
			return { apiKey: secrets.mailerLite, baseUrl: api };
		case 'esputnikApi':
			return { apiKey: secrets.esputnik, baseUrl: api };
		case 'montoApi':
			return { apiKey: secrets.monto, baseUrl: hostile.url };
		case 'feedbackCompanyApi':
			return { clientId: 'fc-client-1', clientSecret: secrets.feedbackCompany, baseUrl: api, accessToken: '' };
		default:
			return { apiKey: secrets.montly, baseUrl: hostile.url, webhookSecret: secrets.montlyWebhook };
	}
}

/** Parameters a user would fill in: JSON input with the documented example, ids, e-mails. */
function parametersFor(n: NodeUnderTest, resource: string, operation: string): INodeParameters {
	const parameters: INodeParameters = { resource, operation };
	for (const p of propertiesOf(n, resource, operation)) {
		if (p.name === 'inputMode') parameters.inputMode = 'json';
		else if (p.displayOptions?.show?.inputMode || !p.required) continue;
		else if (p.type === 'resourceLocator') parameters[p.name] = { __rl: true, mode: 'id', value: '123' };
		else if (p.type === 'string' && p.default === '') parameters[p.name] = /email/i.test(p.name) ? 'a@example.com' : '123';
	}
	if (n.type === 'monto') parameters.options = { requestInterval: 0 };
	return parameters;
}

const cases: Array<[string, NodeUnderTest, INodeParameters]> = NODES.flatMap((n) => [
	...operationsOf(n).map(({ resource, operation }): [string, NodeUnderTest, INodeParameters] => [
		`${n.type} ${resource} ${operation}`,
		n,
		parametersFor(n, resource, operation),
	]),
	...(n.type === 'esputnik'
		? [[
				'esputnik order delete (time range)',
				n,
				{ resource: 'order', operation: 'delete', deleteBy: 'timeRange', from: '2024-05-01T00:00:00Z', to: '2024-05-01T10:00:00Z' },
			] as [string, NodeUnderTest, INodeParameters]]
		: []),
]);

interface Outcome {
	run: IRun;
	text: string;
}

async function runHostile(n: NodeUnderTest, parameters: INodeParameters, continueOnFail: boolean): Promise<Outcome> {
	// Lines that n8n logs after the previous run's end must not count for this run.
	await sleep(5);
	resetProcessState(); // a fresh process: no account held back by the previous run's 429
	consoleLines.length = 0;
	n8nLogLines.length = 0;
	const logsBefore = capturedLogs().length;
	const result = await runWorkflow({
		node: { type: n.type, parameters, onError: continueOnFail ? 'continueRegularOutput' : undefined },
		nodeTypes: nodeTypesOf(n),
		credentialTypes: credentialTypesOf(n),
		credentials: { [n.credentialName]: credentialsOf(n) },
		items: [{ id: '123', email: 'a@example.com' }],
	});
	const text = [
		...allText(result.run),
		...allText(result.output),
		...allText(result.error),
		...result.output.flatMap((item) => allText(item.error)),
		capturedLogs().slice(logsBefore),
		...n8nLogLines.flatMap((line) => allText(line)),
		...consoleLines,
	].join('\n');
	return { run: result.run, text };
}

function leaks(text: string): string[] {
	const found: string[] = [];
	let at = text.indexOf(MARK);
	if (at !== -1) found.push(text.slice(Math.max(0, at - 80), at + 40));
	for (const form of encoded) {
		at = text.indexOf(form);
		if (at !== -1) found.push(`Base64 ${form}: ${text.slice(Math.max(0, at - 80), at + 40)}`);
	}
	return found;
}

/**
 * Known leaks, reported as bugs of the nodes: the matrix leaves these out and the `it.failing`
 * tests below show them; when a fix lands, those tests fail and this list must shrink.
 */
const KNOWN_LEAK = (name: string, code: number) => / import$/.test(name) && name.startsWith('mailerLiteEcommerce') && code === 422;

describe('no secret leaves a node, whatever the server answers', () => {
	it('covers every operation of every node', () => {
		expect(cases.length).toBeGreaterThanOrEqual(52);
	});

	describe.each(cases)('%s', (_name, n, parameters) => {
		it.each(STATUSES)('answered %i (all body shapes, stop and continue)', async (code) => {
			if (KNOWN_LEAK(_name, code)) return;
			const problems: string[] = [];
			for (const [index, how] of SHAPES.entries()) {
				status = code;
				shape = how;
				apiRequests = 0;
				const { run, text } = await runHostile(n, parameters, index % 2 === 1);
				if (apiRequests === 0) problems.push(`${how}: no request reached the server (status ${run.status})`);
				if (!/\[item 0\]/.test(text)) problems.push(`${how}: no error naming the item`);
				for (const leak of leaks(text)) problems.push(`${how}: ${leak}`);
			}
			expect(problems).toEqual([]);
		});
	});

	it.each(STATUSES)('the Feedback Company token endpoint answering %i with the request echoed', async (code) => {
		const fc = NODES.find((n) => n.type === 'feedbackCompany')!;
		const problems: string[] = [];
		for (const how of SHAPES) {
			tokenStatus = code;
			shape = how;
			const { text } = await runHostile(fc, { resource: 'shop', operation: 'get' }, false);
			for (const leak of leaks(text)) problems.push(`${how}: ${leak}`);
		}
		expect(apiRequests).toBe(0);
		expect(problems).toEqual([]);
	});

	it('the Montly Trigger refuses forged and broken deliveries without showing the webhook secret', async () => {
		const refusals = [
			await deliverToMontlyTrigger({ secret: secrets.montlyWebhook, body: '{"action":"order.signed"}', signature: 't=1,v1=deadbeef' }),
			await deliverToMontlyTrigger({ secret: secrets.montlyWebhook, body: '{"action":"order.signed"}', signature: undefined }),
			await deliverToMontlyTrigger({ secret: secrets.montlyWebhook, body: 'not json', signWith: secrets.montlyWebhook }),
		];
		for (const refusal of refusals) {
			expect(refusal.statusCode).toBeGreaterThanOrEqual(400);
			expect(leaks(allText(refusal).join('\n') + n8nLogLines.map((l) => l.message).join('\n'))).toEqual([]);
		}
	});
});

describe('known leaks (bugs in nodes/, reported; these tests pass while the bug is there)', () => {
	const mailerLite = NODES.find((n) => n.type === 'mailerLiteEcommerce')!;
	const feedback = NODES.find((n) => n.type === 'feedbackCompany')!;

	it.failing.each(['category', 'product', 'order'])(
		'BUG: MailerLite %s Import shows a 422 body unredacted (importRejections in actions/operations.ts)',
		async (resource) => {
			status = 422;
			shape = 'json';
			const { text } = await runHostile(mailerLite, parametersFor(mailerLite, resource, 'import'), true);
			expect(leaks(text)).toEqual([]);
		},
	);

	it.failing('BUG: The Feedback Company shows an access token the server echoes without "Bearer" (the redactor never learns the token)', async () => {
		status = 401;
		shape = 'json';
		echoBareToken = true;
		const { text } = await runHostile(feedback, { resource: 'shop', operation: 'get' }, false);
		expect(apiRequests).toBeGreaterThan(0);
		expect(leaks(text)).toEqual([]);
	});
});
