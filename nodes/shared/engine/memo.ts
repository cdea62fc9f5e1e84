import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * What a node run already sent, so that n8n's Retry On Fail (which runs the node again with all its
 * items) and an execution's "Retry" from the executions list (a new execution that starts from the
 * stored data of the failed one) do not send it again.
 *
 * It lives in n8n's per-node execution context (`getContext('node')`): one object per execution
 * and node, kept across Retry On Fail tries, saved with the execution's data and carried into an
 * execution-level retry. A write request (anything but GET) that succeeded is recorded under the
 * node's run index, the item index and a hash of method, path, query and body; the same request of
 * the same item in a later try returns the recorded answer instead of being sent, and a changed
 * request is sent. When a node run ends without any failed item, nothing will be retried and its
 * records are dropped, so the saved execution does not grow.
 *
 * Not covered: an n8n process that dies while the node runs (its context is not saved then); see
 * the README ("Many orders at once").
 */

const CONTEXT_KEY = 'orderSyncSent';
/** Recorded answers per node run; past this, further answers are not recorded. */
export const MAX_MEMO_ENTRIES = 10_000;
/** Answers larger than this (as JSON) are not recorded: the execution's saved data would balloon. */
export const MAX_MEMO_ANSWER_CHARS = 100_000;

export interface MemoAnswer {
	status: number;
	body: unknown;
}

type RunRecords = Record<string, MemoAnswer>;

export class RetryMemo {
	private constructor(
		private readonly records: RunRecords,
		private readonly drop: () => void,
	) {}

	/** Opens the memo of this node run (the write loop does, once per node run). */
	static open(ctx: IExecuteFunctions): RetryMemo | undefined {
		if (typeof ctx.getContext !== 'function') return undefined;
		const context = ctx.getContext('node') as IDataObject;
		const runIndex = String(runIndexOf(ctx));
		const all = ((context[CONTEXT_KEY] as IDataObject | undefined) ??= {}) as Record<string, RunRecords>;
		const records = (all[runIndex] ??= {});
		const memo = new RetryMemo(records, () => {
			delete all[runIndex];
			if (Object.keys(all).length === 0) delete context[CONTEXT_KEY];
		});
		return memo;
	}

	get size(): number {
		return Object.keys(this.records).length;
	}

	static key(itemIndex: number, request: { method: string; path: string; qs?: unknown; body?: unknown }): string {
		const hash = createHash('sha256')
			.update(JSON.stringify([request.method, request.path, request.qs ?? null, request.body ?? null]))
			.digest('base64url')
			.slice(0, 24);
		return `${itemIndex}:${hash}`;
	}

	get(key: string): MemoAnswer | undefined {
		return this.records[key];
	}

	record(key: string, answer: MemoAnswer): void {
		if (this.records[key] || this.size >= MAX_MEMO_ENTRIES) return;
		const text = JSON.stringify(answer.body ?? null);
		if (text === undefined || text.length > MAX_MEMO_ANSWER_CHARS) return;
		this.records[key] = { status: answer.status, body: JSON.parse(text) as unknown };
	}

	/** The node run ended: drops its records unless an item failed (then n8n may run it again). */
	finish(output: INodeExecutionData[]): void {
		// "On Error: Continue" items carry `error`; n8n's Retry On Fail runs the node again for them.
		const failed = output.some((item) => Boolean(item.json?.error));
		if (!failed) this.drop();
	}
}

/** The node's run index ($runIndex): a node in a loop runs more than once per execution. */
function runIndexOf(ctx: IExecuteFunctions): number {
	try {
		const proxy = ctx.getWorkflowDataProxy(0) as { $runIndex?: unknown };
		const value = Number(proxy.$runIndex);
		return Number.isInteger(value) && value >= 0 ? value : 0;
	} catch {
		return 0;
	}
}
