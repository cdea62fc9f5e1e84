import { registerLabels } from '../shared/input/labels';

/** Body path → the editor's label, for validation errors (see shared/input/labels.ts). */
export const LABELS = registerLabels('monto', {
	defaultResource: 'order',
	resources: {
		order: {
			order_id: 'Order ID',
			'customer.name': 'Customer Name',
			'customer.email': 'Customer Email',
			status: 'Status',
			items: 'Item Slugs',
			itemSlugs: 'Item Slugs',
		},
	},
});
