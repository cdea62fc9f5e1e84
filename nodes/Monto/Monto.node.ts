import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions';
import { router } from './actions/router';
// Registers the editor labels that validation errors name.
import './labels';

export class Monto implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Monto',
		name: 'monto',
		icon: { light: 'file:monto.svg', dark: 'file:monto.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Register orders with Monto (monto.io) for Webflow review e-mails and read their subscriptions',
		defaults: { name: 'Monto' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'montoApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
