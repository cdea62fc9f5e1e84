import { sleep } from 'n8n-workflow';

import { http } from '../support/builtins';

type IncomingHttpHeaders = Record<string, string | string[] | undefined>;
type IncomingMessage = InstanceType<typeof http.IncomingMessage>;
type ServerResponse = InstanceType<typeof http.ServerResponse>;
type Server = ReturnType<typeof http.createServer>;
type Socket = IncomingMessage['socket'];

export interface SimRequest {
	method: string;
	/** Path without the query string, e.g. `/api/ecommerce/shops/1/orders`. */
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	/** The raw body as received. */
	text: string;
	/** The body parsed as JSON, or undefined when it is empty or not JSON. */
	json: unknown;
	/** The full URL path with query string, exactly as received. */
	rawUrl: string;
	at: number;
}

export interface SimResponse {
	status: number;
	/** An object is sent as JSON; a string is sent as is (use `contentType` for its type). */
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Fault {
	/** How many matching requests this fault answers; then it is spent. */
	times: number;
	match?: (req: SimRequest) => boolean;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Wait this long before answering (a stall longer than the client's timeout). */
	delayMs?: number;
	/** Destroy the connection without an answer. */
	reset?: boolean;
	/** Let the real handler run first (the record is written), then answer with the fault. */
	afterHandler?: boolean;
}

export interface RateLimit {
	limit: number;
	windowMs: number;
	response: (retryAfterSeconds: number) => SimResponse;
	/**
	 * Headers on every answer to a request the limit let through, from the account's budget left
	 * after counting it (as MailerLite's `X-RateLimit-Remaining`, shared by all the account's clients).
	 */
	headers?: (remaining: number) => Record<string, string>;
}

/**
 * A local HTTP server around a provider handler: it records every request, can add latency,
 * enforces a sliding-window rate limit like the provider's, and injects faults.
 */
export class Simulator {
	readonly requests: SimRequest[] = [];
	readonly faults: Fault[] = [];
	latencyMs = 0;
	rateLimit?: RateLimit;
	rateLimited = 0;
	private arrivals: number[] = [];
	private server?: Server;
	private sockets = new Set<Socket>();
	url = '';

	constructor(private readonly handler: Handler) {}

	inject(fault: Fault): this {
		this.faults.push(fault);
		return this;
	}

	/** Requests that reached the provider logic (not rate-limited, not faulted). */
	requestsTo(method: string, pathPattern: RegExp): SimRequest[] {
		return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
	}

	reset(): void {
		this.requests.length = 0;
		this.faults.length = 0;
		this.arrivals = [];
		this.rateLimited = 0;
		this.latencyMs = 0;
		this.rateLimit = undefined;
	}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.serve(req, res));
		this.server.keepAliveTimeout = 1000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as { port: number };
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private takeFault(req: SimRequest): Fault | undefined {
		const index = this.faults.findIndex((f) => f.times > 0 && (!f.match || f.match(req)));
		if (index === -1) return undefined;
		const fault = this.faults[index];
		fault.times--;
		if (fault.times === 0) this.faults.splice(index, 1);
		return fault;
	}

	private checkRateLimit(now: number): SimResponse | undefined {
		const limit = this.rateLimit;
		if (!limit) return undefined;
		this.arrivals = this.arrivals.filter((t) => now - t < limit.windowMs);
		if (this.arrivals.length >= limit.limit) {
			this.rateLimited++;
			const retryAfter = Math.max(1, Math.ceil((this.arrivals[0] + limit.windowMs - now) / 1000));
			return limit.response(retryAfter);
		}
		this.arrivals.push(now);
		return undefined;
	}

	private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://sim');
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		const simReq: SimRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			text,
			json,
			rawUrl: req.url ?? '/',
			at: Date.now(),
		};
		if (this.latencyMs) await sleep(this.latencyMs);

		const limited = this.checkRateLimit(Date.now());
		if (limited) return this.send(res, limited);
		const rateHeaders = this.rateLimit?.headers?.(Math.max(0, this.rateLimit.limit - this.arrivals.length));

		const fault = this.takeFault(simReq);
		if (fault && !fault.afterHandler) {
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.reset) {
				req.socket.destroy();
				return;
			}
			if (fault.status) return this.send(res, fault as SimResponse, rateHeaders);
		}
		this.requests.push(simReq);
		let response: SimResponse;
		try {
			response = await this.handler(simReq);
		} catch (error) {
			response = { status: 500, body: { message: `Simulator bug: ${(error as Error).message}` } };
		}
		if (fault?.afterHandler) {
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.reset) {
				req.socket.destroy();
				return;
			}
			if (fault.status) return this.send(res, fault as SimResponse, rateHeaders);
		}
		this.send(res, response, rateHeaders);
	}

	private send(res: ServerResponse, response: SimResponse, extraHeaders?: Record<string, string>): void {
		if (res.destroyed) return;
		const headers: Record<string, string> = { ...(extraHeaders ?? {}), ...(response.headers ?? {}) };
		let payload = '';
		if (response.body !== undefined) {
			if (typeof response.body === 'string') {
				payload = response.body;
				headers['content-type'] ??= response.contentType ?? 'text/plain; charset=utf-8';
			} else {
				payload = JSON.stringify(response.body);
				headers['content-type'] ??= 'application/json';
			}
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}

/** The bearer token of a request, or undefined. */
export function bearer(req: SimRequest): string | undefined {
	const header = req.headers.authorization;
	return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}
