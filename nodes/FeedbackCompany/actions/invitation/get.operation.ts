import { requiredId } from '../../../shared/input/body';
import { segment } from '../../../shared/http/client';
import { getOne } from '../operations';

export const { description, execute } = getOne({
	resource: 'invitation',
	operation: 'get',
	properties: [
		{
			displayName: 'Invitation ID',
			name: 'invitationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 5678',
			hint: 'The path GET /invitations/{id} is inferred from the documentation, not confirmed by a working client',
		},
	],
	path: (ctx, i) => `/invitations/${segment(requiredId(ctx, 'invitationId', i))}`,
	key: 'invitation',
});
