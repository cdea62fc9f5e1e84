import { registerLabels } from '../shared/input/labels';

/** Body path → the editor's label, per resource, for validation errors (see shared/input/labels.ts). */
export const LABELS = registerLabels('mailerLiteEcommerce', {
	defaultResource: 'order',
	resources: {
		shop: {
			name: 'Name',
			url: 'URL',
			currency: 'Currency',
			enabled: 'Enabled',
			platform: 'Platform',
			group_id: 'Group ID',
			enable_popups: 'Enable Popups',
			enable_resubscribe: 'Enable Resubscribe',
		},
		category: { name: 'Name', exclude_from_automations: 'Exclude From Automations' },
		product: {
			name: 'Name',
			price: 'Price',
			url: 'URL',
			image: 'Image URL',
			exclude_from_automations: 'Exclude From Automations',
			categories: 'Category IDs',
			description: 'Description',
			short_description: 'Short Description',
		},
		customer: {
			email: 'Email',
			accepts_marketing: 'Accepts Marketing',
			create_subscriber: 'Create Subscriber',
			total_spent: 'Total Spent',
			orders_count: 'Orders Count',
			subscriber_fields: 'Subscriber Fields (JSON)',
		},
		cart: { checkout_url: 'Checkout URL', cart_total: 'Cart Total' },
		cartItem: { ecommerce_product_id: 'Product ID', variant: 'Variant', quantity: 'Quantity', price: 'Price' },
		order: {
			'customer.email': 'Customer Email',
			'customer.create_subscriber': 'Create Subscriber',
			'customer.accepts_marketing': 'Accepts Marketing',
			'cart.items': 'Cart Items',
			cartItemsList: 'Cart Items',
			'cart.checkout_url': 'Checkout URL',
			status: 'Status',
			total_price: 'Total Price',
		},
	},
});
