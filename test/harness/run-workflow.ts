import 'reflect-metadata';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Logger,
} from 'n8n-workflow';
import { LoggerProxy, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';

export const PACKAGE = 'n8n-nodes-order-sync';

/** Our nodes are named bare (`esputnik`); other packages' nodes by full type (`n8n-nodes-base.httpRequest`). */
const fullType = (name: string) => (name.includes('.') ? name : `${PACKAGE}.${name}`);

/** Stands in for n8n's Manual Trigger: a start node that emits the test's input items. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as unknown as INodeType['description'];

	/** n8n calls `execute` with its own context as `this`, so the items travel in a closure. */
	execute: () => Promise<INodeExecutionData[][]>;

	constructor(items: IDataObject[]) {
		this.execute = async () => [items.map((json) => ({ json: structuredClone(json) }))];
	}
}

class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(nodes: Record<string, INodeType | IVersionedNodeType>, items: IDataObject[]) {
		this.types.set('test.start', new StartNode(items));
		for (const [name, type] of Object.entries(nodes)) this.types.set(fullType(name), type);
	}

	getByName(type: string) {
		const found = this.types.get(type);
		if (!found) throw new Error(`Unknown node type ${type}`);
		return found;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

const logLines: LogLine[] = [];
const capture =
	(level: string) =>
	(message: string, meta?: unknown): void => {
		logLines.push({ level, message, meta });
	};
LoggerProxy.init({
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
	scoped: () => LoggerProxy as unknown as Logger,
} as unknown as Logger);

/** Every line n8n-core and our nodes logged in this test process, for secret scans. */
export function capturedLogs(): string {
	return logLines.map((l) => `${l.level} ${l.message} ${JSON.stringify(l.meta ?? '')}`).join('\n');
}

export interface RunOptions {
	/** The node under test; `type` is our bare node name, e.g. `mailerLiteEcommerce`, or a full type. */
	node: {
		type: string;
		typeVersion?: number;
		parameters: INode['parameters'];
		credentials?: string[];
		onError?: INode['onError'];
		name?: string;
		/** n8n's node settings "Retry On Fail", "Max Tries" and "Wait Between Tries (ms)". */
		retryOnFail?: boolean;
		maxTries?: number;
		waitBetweenTries?: number;
	};
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	items?: IDataObject[];
	timezone?: string;
	/** Reuse a credentials helper across runs, as n8n keeps credentials between executions. */
	credentialsHelper?: TestCredentialsHelper;
	/**
	 * Run as n8n's execution-level "Retry" of this earlier, failed run: a new execution (new id,
	 * mode `retry`) that starts from the failed run's stored data, with the failed node's last run
	 * removed, as packages/cli's ExecutionService.retry does. The data goes through JSON, as it
	 * does through n8n's database.
	 */
	retryOf?: IRun;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	output: INodeExecutionData[];
	error?: IRun['data']['resultData']['error'];
	credentialsHelper: TestCredentialsHelper;
}

/** The URLs of the n8n instance a test runs in, as n8n hands them to every execution context. */
export function instanceUrls(url = 'http://localhost:5678/') {
	return {
		restApiUrl: url + 'rest',
		instanceBaseUrl: url,
		formBaseUrl: url + 'form',
		formWaitingBaseUrl: url + 'form-waiting',
		formTestBaseUrl: url + 'form-test',
		webhookBaseUrl: url + 'webhook',
		webhookWaitingBaseUrl: url + 'webhook-waiting',
		webhookTestBaseUrl: url + 'webhook-test',
		mcpBaseUrl: url + 'mcp',
		mcpTestBaseUrl: url + 'mcp-test',
	};
}

let executionCounter = 0;

/** Runs start → node through n8n-core's WorkflowExecute, as a manual execution. */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const nodeName = options.node.name ?? 'Node';
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'test.start',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node',
		name: nodeName,
		type: fullType(options.node.type),
		typeVersion: options.node.typeVersion ?? 1,
		position: [200, 0],
		parameters: options.node.parameters,
		onError: options.node.onError,
		retryOnFail: options.node.retryOnFail,
		maxTries: options.node.maxTries,
		waitBetweenTries: options.node.waitBetweenTries,
		credentials: Object.fromEntries(
			(options.node.credentials ?? Object.keys(options.credentials)).map((type) => [
				type,
				{ id: `${type}-id`, name: `${type} test` },
			]),
		),
	};
	const connections = {
		Start: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf',
		nodes: [start, node],
		connections,
		active: false,
		nodeTypes: new NodeTypes(options.nodeTypes, options.items ?? [{}]),
		settings: { executionOrder: 'v1', timezone: options.timezone ?? 'UTC' },
	});
	const workflowData = {
		id: 'wf',
		name: 'test',
		nodes: [start, node],
		connections,
		active: false,
		settings: workflow.settings,
	} as unknown as IWorkflowBase;

	const executionId = String(++executionCounter);
	const mode = options.retryOf ? 'retry' : 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const done = new Promise<IRun>((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
	});
	const credentialsHelper =
		options.credentialsHelper ??
		new TestCredentialsHelper(options.credentialTypes, structuredClone(options.credentials));
	const additionalData = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		...instanceUrls(),
		variables: {},
		externalSecretsProxy: {},
		executeWorkflow: async () => ({ data: [], executionId: '' }),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: async () => {},
		startRunnerTask: async () => {
			throw new Error('Code nodes are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	if (options.retryOf) {
		const data = JSON.parse(JSON.stringify(options.retryOf.data)) as IRun['data'];
		const last = data.resultData.lastNodeExecuted;
		if (last) {
			delete data.resultData.error;
			const runs = data.resultData.runData[last];
			if (runs?.length && runs[runs.length - 1].error !== undefined) runs.pop();
		}
		// "Retry with currently saved workflow" (loadWorkflow): the nodes to run are today's.
		for (const entry of data.executionData?.nodeExecutionStack ?? []) {
			entry.node = workflow.getNode(entry.node.name) ?? entry.node;
		}
		await new WorkflowExecute(additionalData, 'retry', data).processRunExecutionData(workflow);
	} else {
		await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
	}
	const run = await done;
	const runData = run.data.resultData.runData[nodeName];
	const output = runData?.[runData.length - 1]?.data?.main?.[0] ?? [];
	return { run, status: run.status, output, error: run.data.resultData.error, credentialsHelper };
}
