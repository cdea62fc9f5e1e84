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
		description:
			'Submit B2B leasing orders to Montly (LeaseCloud) API v1 and follow them; the service may no longer be operated',
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
