import { createHmac, timingSafeEqual } from 'crypto';

export type Verdict = { valid: true; timestamp: number } | { valid: false; reason: string };

export interface VerifyOptions {
	/** The current time, in Unix seconds. */
	nowSeconds: number;
	/** How far `t` may be from now, either way, in seconds. */
	toleranceSeconds: number;
}

/**
 * Checks `Montly-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`: each v1 is
 * hex(HMAC-SHA256(secret, "<t>.<raw body>")), and any one of them may match (Montly sends one
 * per active secret while a secret is being replaced). A delivery whose `t` is further from now
 * than the tolerance is refused, so that a recorded delivery cannot be replayed later.
 */
export function verifySignature(
	header: string | undefined,
	rawBody: string | Buffer,
	secret: string,
	options: VerifyOptions,
): Verdict {
	if (!secret) return { valid: false, reason: 'no webhook secret is set in the credential' };
	if (!header) return { valid: false, reason: 'no signature header' };
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const at = part.indexOf('=');
		if (at === -1) continue;
		const key = part.slice(0, at).trim();
		const value = part.slice(at + 1).trim();
		if (key === 't' && timestamp === undefined) timestamp = value;
		else if (key === 'v1') signatures.push(value);
	}
	if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'no valid timestamp (t)' };
	if (!signatures.length) return { valid: false, reason: 'no v1 signature' };

	const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
	const matches = signatures.filter((candidate) => {
		if (!/^[0-9a-f]{64}$/i.test(candidate)) return false;
		return timingSafeEqual(Buffer.from(candidate, 'hex'), expected);
	});
	if (!matches.length) return { valid: false, reason: 'signature does not match' };

	const t = Number(timestamp);
	if (Math.abs(options.nowSeconds - t) > options.toleranceSeconds) {
		return { valid: false, reason: `timestamp is ${options.nowSeconds - t} s from now (tolerance ${options.toleranceSeconds} s)` };
	}
	return { valid: true, timestamp: t };
}
