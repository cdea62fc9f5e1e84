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
import { getTariffs } from './tariffs';

export class Montly implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Montly',
		name: 'montly',
		icon: { light: 'file:montly.svg', dark: 'file:montly.dark.svg' },
		group: ['output'],
		// 1.1: the required amounts (VAT, Shipping, Shipping VAT, each item's Total Price and VAT)
		// start empty and an empty one stops the item; version 1 shows and sends 0.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		// Action-first: n8n's nodes panel shows one "Montly" entry (this node and the Montly Trigger
		// merged) with the trigger's description; see MontlyTrigger.node.ts.
		description:
			'Create, cancel and ship Montly (LeaseCloud) leasing orders, read their status and list tariffs',
		defaults: { name: 'Montly' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'montlyApi', required: true }],
		properties,
	};

	methods = { loadOptions: { getTariffs } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
