import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

export interface PreAuthCall {
	type: string;
	expired: boolean;
}

/**
 * Mirrors what n8n's CLI credentials helper does with our credential types: generic `authenticate`
 * properties are resolved as expressions against `$credentials` and merged into the request, and
 * `preAuthentication` runs only when the expirable hidden field is empty or the credential expired.
 * Stored data is updated with what `preAuthentication` returns, as n8n persists it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly preAuthCalls: PreAuthCall[] = [];

	constructor(
		private readonly types: Record<string, ICredentialType>,
		readonly stored: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const auth = this.type(typeName).authenticate;
		if (!auth) return requestOptions;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (auth.type !== 'generic') return requestOptions;
		const resolve = (value: unknown): unknown =>
			workflow && node
				? workflow.expression.getSimpleParameterValue(
						node,
						value as string,
						'internal',
						{ $credentials: credentials },
						undefined,
						'',
					)
				: value;
		for (const [outerKey, entries] of Object.entries(auth.properties)) {
			const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[
				outerKey
			] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[resolve(key) as string] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || !type.preAuthentication) return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired)
			return undefined;
		this.preAuthCalls.push({ type: typeName, expired: credentialsExpired });
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		Object.assign(this.stored[typeName], output);
		return output as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.stored[type];
		if (!data) throw new Error(`No test credentials for ${type}`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}
