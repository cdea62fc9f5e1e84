/**
 * The `name` of the error a credential's `preAuthentication` throws when the provider refuses to
 * issue a token. Such an error carries no HTTP response on purpose: n8n-core asks for a token a
 * second time when the first request for one fails with 401. The API request itself was not sent.
 * It is marked by name, not by `code`: n8n's credential Test shows an error's `code` instead of its
 * message when it has one.
 */
export const CREDENTIAL_REFUSED = 'CredentialRefusedError';

/** An error for `preAuthentication` to throw; its message must not contain a secret. */
export function credentialRefused(message: string): Error {
	const error = new Error(message);
	error.name = CREDENTIAL_REFUSED;
	return error;
}
