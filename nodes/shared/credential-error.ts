/**
 * The `code` of an error that a credential's `preAuthentication` throws when the provider refuses
 * to issue a token. Such an error carries no HTTP response on purpose: n8n-core asks for a token a
 * second time when the first request for one fails with 401. The API request itself was not sent.
 */
export const CREDENTIAL_REFUSED = 'ECREDENTIALREFUSED';

/** An error for `preAuthentication` to throw; its message must not contain a secret. */
export function credentialRefused(message: string): Error {
	return Object.assign(new Error(message), { code: CREDENTIAL_REFUSED });
}
