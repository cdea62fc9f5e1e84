import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions';
import { router } from './actions/router';
import { searchShops } from './listSearch';

export class MailerLiteEcommerce implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MailerLite E-Commerce',
		name: 'mailerLiteEcommerce',
		icon: { light: 'file:mailerLiteEcommerce.svg', dark: 'file:mailerLiteEcommerce.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Sync shops, products, categories, customers, carts and orders with MailerLite e-commerce',
		defaults: { name: 'MailerLite E-Commerce' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mailerLiteEcommerceApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchShops } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
