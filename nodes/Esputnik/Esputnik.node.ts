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

export class Esputnik implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'eSputnik',
		name: 'esputnik',
		icon: { light: 'file:esputnik.svg', dark: 'file:esputnik.dark.svg' },
		group: ['output'],
		// 1.1: Total Cost and an item's Cost start empty and are required; version 1 shows and sends 0.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send orders to eSputnik (Yespo) for order-triggered workflows and RFM analysis',
		defaults: { name: 'eSputnik' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esputnikApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
