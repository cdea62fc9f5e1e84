import { productCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { importAll } from '../operations';
import { inShop } from '../paths';
import { createFields, example, fromCreateFields } from './fields';

export const { description, execute } = importAll({
	resource: 'product',
	operation: 'import',
	ids: [shopIdProperty],
	path: inShop('products/import'),
	schema: productCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example,
	wrap: (entries) => entries,
	errorPrefix: '',
	hint: 'All input items go in one request as a JSON array (documented). Each item is one entry.',
});
