import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const MASK = '[redacted]';

/** Removes secret values (as given and URL-encoded) from text. */
export class Redactor {
	private readonly secrets: string[];

	constructor(secrets: Array<string | undefined>) {
		const variants = new Set<string>();
		for (const secret of secrets) {
			if (!secret || secret.length < 4) continue;
			variants.add(secret);
			variants.add(encodeURIComponent(secret));
		}
		this.secrets = [...variants].sort((a, b) => b.length - a.length);
	}

	/** The string values of a credential's named fields. */
	static fromCredentials(credentials: ICredentialDataDecryptedObject, fields: string[]): Redactor {
		const values = fields.map((f) => credentials[f]).filter((v) => typeof v === 'string');
		return new Redactor(values as string[]);
	}

	text(value: string): string {
		let out = value;
		for (const secret of this.secrets) out = out.split(secret).join(MASK);
		// An echoed Authorization header also carries what the node never saw: a refreshed token, HTTP Basic's Base64.
		return out.replace(/\b(Bearer|Basic) [\w+/.~-]{16,}={0,2}/g, `$1 ${MASK}`);
	}

	/** A deep copy with every string redacted. */
	value<T>(value: T): T {
		if (typeof value === 'string') return this.text(value) as T;
		if (Array.isArray(value)) return value.map((v) => this.value(v)) as T;
		if (value && typeof value === 'object') {
			const out: Record<string, unknown> = {};
			for (const [k, v] of Object.entries(value)) out[k] = this.value(v);
			return out as T;
		}
		return value;
	}
}
