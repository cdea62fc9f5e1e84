import { createHash } from 'crypto';

/**
 * State that every execution in one n8n process shares for one provider account: a rate limiter,
 * a token fetch in flight. n8n loads a node's module once per process (main, each worker, each
 * webhook processor), so module-level state is shared by all concurrent executions of that process
 * and by nothing else; only the credential (n8n's database) is shared across processes.
 */

/**
 * The key of an account: a SHA-256 of what identifies it (provider, base URL, client ID, and a
 * secret where the secret is the only identity). The secret never appears as a readable key.
 */
export function accountKey(provider: string, ...parts: Array<unknown>): string {
	const text = [provider, ...parts.map((p) => (p === undefined || p === null ? '' : String(p)))].join('\n');
	return `${provider}:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

const everyMap: Array<{ clear(): void }> = [];

/**
 * A map that keeps at most `max` entries, dropping the least recently used one. A dropped entry
 * that is still in use by a running execution stays valid for that execution; a later execution
 * starts a fresh one. With one entry per account, the bound is only reached by a process that
 * serves more accounts than that.
 */
export class BoundedMap<V> {
	private readonly entries = new Map<string, V>();

	constructor(readonly max: number) {
		everyMap.push(this);
	}

	get size(): number {
		return this.entries.size;
	}

	get(key: string): V | undefined {
		const value = this.entries.get(key);
		if (value !== undefined) {
			this.entries.delete(key);
			this.entries.set(key, value);
		}
		return value;
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		while (this.entries.size > this.max) {
			const oldest = this.entries.keys().next().value as string;
			this.entries.delete(oldest);
		}
	}

	/** The entry under `key`, created by `create` when there is none. */
	getOrCreate(key: string, create: () => V): V {
		let value = this.get(key);
		if (value === undefined) {
			value = create();
			this.set(key, value);
		}
		return value;
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}
}

/**
 * Forgets all process-wide state, as a restart of n8n does. Tests and benchmarks call it so that
 * each starts from a fresh process.
 */
export function resetProcessState(): void {
	for (const map of everyMap) map.clear();
}

/** How many accounts one process keeps state for, per kind of state. */
export const MAX_ACCOUNTS = 256;
