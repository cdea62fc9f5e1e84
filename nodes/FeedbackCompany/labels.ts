import { registerLabels } from '../shared/input/labels';

/** Body path → the editor's label, for validation errors (see shared/input/labels.ts). */
export const LABELS = registerLabels('feedbackCompany', {
	defaultResource: 'order',
	resources: {
		order: {
			external_id: 'External ID',
			'customer.email': 'Customer Email',
			'customer.fullname': 'Customer Full Name',
			'invitation.delay': 'Invitation Delay',
			'invitation.reminder': 'Reminder',
			products: 'Products',
			productsList: 'Products',
			filtercode: 'Filter Code',
			// The Shopify Order and WooCommerce Order modes.
			productUrl: 'Product URL',
		},
	},
});
