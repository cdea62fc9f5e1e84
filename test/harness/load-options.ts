import 'reflect-metadata';
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INode,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { instanceUrls, PACKAGE } from './run-workflow';

export interface LoadOptionsRun {
	/** Our bare node name, e.g. `montly`. */
	type: string;
	node: INodeType;
	/** The `loadOptionsMethod` of the parameter. */
	method: string;
	/** The node's parameters as the editor holds them when it asks for the list. */
	parameters: INodeParameters;
	credentialTypes: Record<string, ICredentialType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/**
 * What the editor's "load options" request does in n8n (packages/cli's DynamicNodeParametersService):
 * a LoadOptionsContext for the node with the current parameters, and the node's method called on it.
 */
export async function loadOptions(run: LoadOptionsRun): Promise<INodePropertyOptions[]> {
	const type = `${PACKAGE}.${run.type}`;
	const nodeTypes: INodeTypes = {
		getByName: () => run.node,
		getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(run.node, version),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'node',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: run.parameters,
		credentials: Object.fromEntries(Object.keys(run.credentials).map((t) => [t, { id: `${t}-id`, name: `${t} test` }])),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(run.credentialTypes, structuredClone(run.credentials)),
		currentNodeParameters: run.parameters,
		...instanceUrls(),
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, `parameters.${run.method}`);
	const method = run.node.methods?.loadOptions?.[run.method];
	if (!method) throw new Error(`${run.type} has no loadOptions method ${run.method}`);
	return await method.call(context);
}
