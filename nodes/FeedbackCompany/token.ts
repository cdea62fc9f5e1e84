import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { accountKey, BoundedMap, MAX_ACCOUNTS } from '../shared/http/accounts';

export const DEFAULT_BASE_URL = 'https://www.feedbackcompany.com/api/v2';

/** Which client ID, secret and host a stored token was issued for (a hash; never the secret). */
export function issuedFor(credentials: ICredentialDataDecryptedObject): string {
	const key = [credentials.clientId, credentials.clientSecret, credentials.baseUrl || DEFAULT_BASE_URL].join('\n');
	return createHash('sha256').update(key).digest('hex');
}

/** The stored token when it belongs to these client credentials, else '' (a token must be fetched). */
export function usableToken(credentials: ICredentialDataDecryptedObject): string {
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	return token && credentials.tokenIssuedFor === issuedFor(credentials) ? token : '';
}

/**
 * One account's token coordination in this n8n process. The Feedback Company keeps one valid
 * token per client ID: every token request invalidates the token before it. So at most one
 * request that fetches a token runs at a time per account and process (`lead`); every other
 * request waits for it (`settled`) and then reads the token it stored from the credential.
 */
export class TokenGate {
	private inFlight?: Promise<unknown>;
	/** Fetched tokens refused in a row (reset by any accepted request), and when the last was. */
	private refusedInARow = 0;
	private lastRefusedAt = 0;

	/**
	 * Whether another token may be fetched: not within a minute after two fetched tokens in a row
	 * were refused (the account itself is refused; more tokens would only invalidate the shop
	 * plugin's again and again).
	 */
	mayFetch(now = Date.now()): boolean {
		return this.refusedInARow < 2 || now - this.lastRefusedAt > 60_000;
	}

	/** A request signed with a token of this account was accepted (true) or a fetched token refused. */
	fetched(accepted: boolean, now = Date.now()): void {
		this.refusedInARow = accepted ? 0 : this.refusedInARow + 1;
		if (!accepted) this.lastRefusedAt = now;
	}

	get busy(): boolean {
		return this.inFlight !== undefined;
	}

	/** Resolves once no token fetch of this account runs in this process. */
	async settled(): Promise<void> {
		while (this.inFlight) {
			try {
				await this.inFlight;
			} catch {
				// The leader's own request failed; its caller reports that. The waiter reads the credential again.
			}
		}
	}

	/** Runs `fetch` (a request that makes n8n fetch and store a new token) as the only one. */
	async lead<T>(fetch: () => Promise<T>): Promise<T> {
		const running = fetch();
		this.inFlight = running;
		try {
			return await running;
		} finally {
			if (this.inFlight === running) this.inFlight = undefined;
		}
	}
}

const gates = new BoundedMap<TokenGate>(MAX_ACCOUNTS);

/** The gate of the account these credentials belong to (base URL, client ID and secret, hashed). */
export function tokenGate(credentials: ICredentialDataDecryptedObject): TokenGate {
	const key = accountKey(
		'feedbackcompany',
		String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		credentials.clientId,
		credentials.clientSecret,
	);
	return gates.getOrCreate(key, () => new TokenGate());
}

/**
 * A short random wait before fetching a token after a refusal: another n8n process that got the
 * same 401 at the same moment then usually stores its token first, and this one uses it instead of
 * invalidating it with a token of its own.
 */
export async function jitter(minMs = 100, maxMs = 400): Promise<void> {
	await sleep(minMs + Math.round(Math.random() * (maxMs - minMs)));
}
