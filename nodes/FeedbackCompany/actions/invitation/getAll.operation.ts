import { getMany } from '../operations';

export const { description, execute } = getMany({
	resource: 'invitation',
	operation: 'getAll',
	path: '/invitations',
	key: 'invitations',
	properties: [
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'options',
			options: [
				{ name: 'Newest First', value: '-created_at' },
				{ name: 'Oldest First', value: 'created_at' },
			],
			default: '-created_at',
			description: 'Order of the invitations by creation date',
		},
	],
	qs: (ctx, i) => ({ sort: ctx.getNodeParameter('sort', i, '-created_at') }),
});
