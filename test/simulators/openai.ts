import type { SimRequest, SimResponse } from './base';
import { Simulator } from './base';

/**
 * A local OpenAI-compatible chat model for the AI Agent tests: the parts of OpenAI's API that n8n's
 * OpenAI Chat Model node (LangChain's ChatOpenAI, chat completions) uses, `GET /v1/models` (the
 * credential test and the editor's model list) and `POST /v1/chat/completions`, answered
 * non-streaming (`chat.completion`) or, when the request asks for `stream: true`, as server-sent
 * events (`chat.completion.chunk` deltas, then `data: [DONE]`).
 *
 * What the "model" answers is scripted per test: a list of turns, each either tool calls (which
 * tool, which arguments) or a final text. The turn is chosen from the request itself, not from a
 * counter: the first turn whose tool calls (ids `call_<turn>_<n>`) have no `role: "tool"` answer
 * in the request's messages yet; once every scripted call is answered, the final text. A turn may be a function of
 * the request, e.g. to read an id out of an earlier tool result. Every request is recorded.
 */

export const OPENAI_API_KEY = 'openai-dummy-key-3e9d41c7';
export const OPENAI_MODEL = 'order-sync-sim-model';

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
	name?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
	[key: string]: unknown;
}

export interface ScriptedToolCall {
	/** The tool's name as the request's `tools` list has it (n8n: the node name, `_` for other characters). */
	name: string;
	arguments: Record<string, unknown>;
}

export type Turn = { toolCalls: ScriptedToolCall[] } | { text: string };
export type ScriptStep = Turn | ((request: ChatRequest) => Turn);

export interface OpenAiSimulator {
	sim: Simulator;
	apiKey: string;
	/** Replaces the script: tool-call turns in order, then (last) the final text turn. */
	script(steps: ScriptStep[]): void;
	/** The chat completion requests received so far, parsed. */
	chatRequests(): ChatRequest[];
}

/** The id of the `index`-th scripted call of turn `turn`: stable, so a later request can be matched to it. */
export const toolCallId = (turn: number, index: number): string => `call_${turn}_${index}`;

/** The `role: "tool"` answers of a request, by tool call id. */
export function toolResults(request: ChatRequest): Map<string, string> {
	const results = new Map<string, string>();
	for (const m of request.messages) {
		if (m.role === 'tool' && m.tool_call_id) results.set(m.tool_call_id, messageText(m));
	}
	return results;
}

/** A message's content as text (content may be a string or a list of text parts). */
export function messageText(message: ChatMessage): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
	return '';
}

const error = (
	status: number,
	message: string,
	type: string,
	code: string | null = null,
): SimResponse => ({
	status,
	body: { error: { message, type, param: null, code } },
});

let completionCounter = 0;

export function createOpenAiSimulator(apiKey = OPENAI_API_KEY): OpenAiSimulator {
	let steps: ScriptStep[] = [];

	/**
	 * The turn this request is at, with its index: the first one none of whose calls has an answer
	 * yet (the agent answers all calls of a turn together). A function step is only called when its
	 * turn has come, so it can rely on the earlier turns' results.
	 */
	function nextTurn(request: ChatRequest): { turn: Turn; index: number } {
		const answered = [...toolResults(request).keys()];
		for (let index = 0; index < steps.length; index++) {
			if (answered.some((id) => id.startsWith(`call_${index}_`))) continue;
			const step = steps[index];
			return { turn: typeof step === 'function' ? step(request) : step, index };
		}
		return { turn: { text: 'The script has no more turns.' }, index: steps.length };
	}

	function handle(req: SimRequest): SimResponse {
		if (req.headers.authorization !== `Bearer ${apiKey}`) {
			return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
		}
		if (req.method === 'GET' && req.path === '/v1/models') {
			return {
				status: 200,
				body: {
					object: 'list',
					data: [{ id: OPENAI_MODEL, object: 'model', created: 0, owned_by: 'order-sync' }],
				},
			};
		}
		if (req.method !== 'POST' || req.path !== '/v1/chat/completions') {
			return error(
				404,
				`Unknown request to URL: ${req.method} ${req.path}`,
				'invalid_request_error',
				'unknown_url',
			);
		}
		const request = req.json as ChatRequest | undefined;
		if (!request || !Array.isArray(request.messages)) {
			return error(400, "'messages' is a required property", 'invalid_request_error');
		}
		const { turn, index } = nextTurn(request);
		if ('toolCalls' in turn) {
			const offered = new Set((request.tools ?? []).map((t) => t.function.name));
			const unknown = turn.toolCalls.map((c) => c.name).filter((n) => !offered.has(n));
			if (unknown.length) {
				return error(
					400,
					`The script calls ${unknown.join(', ')}, which the request's tools do not offer (${[...offered].join(', ')})`,
					'invalid_request_error',
				);
			}
		}
		const calls: ChatToolCall[] =
			'toolCalls' in turn
				? turn.toolCalls.map((c, i) => ({
						id: toolCallId(index, i),
						type: 'function',
						function: { name: c.name, arguments: JSON.stringify(c.arguments) },
					}))
				: [];
		const text = 'text' in turn ? turn.text : null;
		const id = `chatcmpl-sim-${++completionCounter}`;
		const model = request.model;
		const finishReason = calls.length ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (request.stream)
			return streamed({
				id,
				model,
				calls,
				text,
				finishReason,
				usage,
				withUsage: request.stream_options?.include_usage === true,
			});
		return {
			status: 200,
			body: {
				id,
				object: 'chat.completion',
				created: 0,
				model,
				choices: [
					{
						index: 0,
						finish_reason: finishReason,
						message: {
							role: 'assistant',
							content: text,
							...(calls.length ? { tool_calls: calls } : {}),
						},
					},
				],
				usage,
			},
		};
	}

	const sim = new Simulator(handle);
	return {
		sim,
		apiKey,
		script(next) {
			steps = [...next];
		},
		chatRequests() {
			return sim.requests
				.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions')
				.map((r) => r.json as ChatRequest);
		},
	};
}

/**
 * The same answer as server-sent events, the way OpenAI streams it: a role delta, each tool call's
 * name and then its arguments in two pieces (clients must join them by `index`), or the text in
 * word pieces; a delta with the finish reason; the usage chunk when asked for; `[DONE]`.
 */
function streamed(a: {
	id: string;
	model: string;
	calls: ChatToolCall[];
	text: string | null;
	finishReason: string;
	usage: Record<string, number>;
	withUsage: boolean;
}): SimResponse {
	const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
		id: a.id,
		object: 'chat.completion.chunk',
		created: 0,
		model: a.model,
		choices: [{ index: 0, delta, finish_reason: finishReason }],
	});
	const chunks: unknown[] = [chunk({ role: 'assistant', content: a.calls.length ? null : '' })];
	a.calls.forEach((call, index) => {
		chunks.push(
			chunk({
				tool_calls: [
					{
						index,
						id: call.id,
						type: 'function',
						function: { name: call.function.name, arguments: '' },
					},
				],
			}),
		);
		const args = call.function.arguments;
		const half = Math.ceil(args.length / 2);
		for (const piece of [args.slice(0, half), args.slice(half)]) {
			chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
		}
	});
	if (a.text) for (const piece of a.text.split(/(?<= )/)) chunks.push(chunk({ content: piece }));
	chunks.push(chunk({}, a.finishReason));
	if (a.withUsage)
		chunks.push({
			id: a.id,
			object: 'chat.completion.chunk',
			created: 0,
			model: a.model,
			choices: [],
			usage: a.usage,
		});
	const body = [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n'].join(
		'',
	);
	return {
		status: 200,
		body,
		contentType: 'text/event-stream',
		headers: { 'cache-control': 'no-cache' },
	};
}
