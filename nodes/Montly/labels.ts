import { registerLabels } from '../shared/input/labels';

/**
 * Body path → the editor's label, for validation errors (see shared/input/labels.ts). The
 * attributes sit in Montly's JSON:API envelope; `currency` and `type` have no field (always SEK
 * and "order").
 */
export const LABELS = registerLabels('montly', {
	defaultResource: 'order',
	resources: {
		order: {
			'data.attributes.orderId': 'Order ID',
			'data.attributes.firstName': 'First Name',
			'data.attributes.lastName': 'Last Name',
			'data.attributes.company': 'Company',
			'data.attributes.orgNumber': 'Organisation Number',
			'data.attributes.email': 'Email',
			'data.attributes.phone': 'Phone',
			'data.attributes.customerIp': 'Customer IP',
			'data.attributes.itemsCount': 'Items Count',
			'data.attributes.totalPrice': 'Total Price',
			'data.attributes.VAT': 'VAT',
			'data.attributes.shipping': 'Shipping',
			'data.attributes.shippingVAT': 'Shipping VAT',
			'data.attributes.months': 'Months',
			'data.attributes.tariff': 'Tariff Name or ID',
			'data.attributes.monthlyPrice': 'Monthly Price',
			'data.attributes.billingAddress': 'Billing Address',
			'data.attributes.billingAddress2': 'Billing Address 2',
			'data.attributes.billingCity': 'Billing City',
			'data.attributes.billingState': 'Billing State',
			'data.attributes.billingPostcode': 'Billing Postcode',
			'data.attributes.billingCountry': 'Billing Country',
			'data.attributes.shippingFirstName': 'Shipping First Name',
			'data.attributes.shippingLastName': 'Shipping Last Name',
			'data.attributes.shippingCompany': 'Shipping Company',
			'data.attributes.shippingAddress': 'Shipping Address',
			'data.attributes.shippingAddress2': 'Shipping Address 2',
			'data.attributes.shippingCity': 'Shipping City',
			'data.attributes.shippingState': 'Shipping State',
			'data.attributes.shippingPostcode': 'Shipping Postcode',
			'data.attributes.shippingCountry': 'Shipping Country',
			'data.attributes.sandboxMode': 'Sandbox Mode',
			'data.attributes.kickback': 'Kickback',
			'data.attributes.customerMessage': 'Customer Message',
			'data.relationships.item.data': 'Items',
			itemsList: 'Items',
			// The Shopify Order and WooCommerce Order modes' own parameters.
			orgNumber: 'Organisation Number',
			company: 'Company',
			customerIp: 'Customer IP',
			phone: 'Phone',
			tariff: 'Tariff Name or ID',
			// Mark Shipped.
			shippedAt: 'Shipped At',
		},
	},
});
