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

export class FeedbackCompany implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'The Feedback Company',
		name: 'feedbackCompany',
		icon: { light: 'file:feedbackCompany.svg', dark: 'file:feedbackCompany.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Register orders and schedule review invitations with The Feedback Company (API v2)',
		defaults: { name: 'The Feedback Company' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'feedbackCompanyApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
