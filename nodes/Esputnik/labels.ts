import { registerLabels } from '../shared/input/labels';

/** Body path → the editor's label, for validation errors (see shared/input/labels.ts). */
export const LABELS = registerLabels('esputnik', {
	defaultResource: 'order',
	resources: {
		order: {
			externalOrderId: 'External Order ID',
			status: 'Status',
			date: 'Date',
			totalCost: 'Total Cost',
			currency: 'Currency',
			externalCustomerId: 'External Customer ID',
			email: 'Email',
			phone: 'Phone',
			firstName: 'First Name',
			lastName: 'Last Name',
			shipping: 'Shipping',
			discount: 'Discount',
			taxes: 'Taxes',
			restoreUrl: 'Restore URL',
			statusDescription: 'Status Description',
			storeId: 'Store ID',
			source: 'Source',
			deliveryMethod: 'Delivery Method',
			paymentMethod: 'Payment Method',
			deliveryAddress: 'Delivery Address',
			additionalInfo: 'Additional Info (JSON)',
			items: 'Items',
			itemsList: 'Items',
			// Delete by time range.
			from: 'From',
			to: 'To',
		},
	},
});
