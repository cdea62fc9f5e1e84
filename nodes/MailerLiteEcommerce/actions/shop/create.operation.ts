import { shopCreate } from '../../schemas';
import { write } from '../operations';
import { createFields, example, fromCreateFields, hint } from './fields';

export const { description, execute } = write({
	resource: 'shop',
	operation: 'create',
	method: 'POST',
	ids: [],
	path: () => '/ecommerce/shops',
	schema: shopCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example,
	hint,
});
