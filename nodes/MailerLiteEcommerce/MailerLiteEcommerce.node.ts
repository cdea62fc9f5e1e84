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
import { searchShops } from './listSearch';

export class MailerLiteEcommerce implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MailerLite E-Commerce',
		name: 'mailerLiteEcommerce',
		icon: { light: 'file:mailerLiteEcommerce.svg', dark: 'file:mailerLiteEcommerce.dark.svg' },
		group: ['output'],
		// 1.1 sends nothing its user did not choose: Order → Create and Import send the Status shown
		// at the top (Complete unless changed) and the cart's sum as Total Price, and a price left
		// empty is refused instead of sent as 0. Version 1 keeps sending what it sent.
		version: [1, 1.1],
		defaultVersion: 1.1,
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
