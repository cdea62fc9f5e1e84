import { categoryCreate } from '../../schemas';
import { shopIdProperty } from '../common';
import { importAll } from '../operations';
import { inShop } from '../paths';
import { createFields, example, fromCreateFields } from './fields';

export const { description, execute } = importAll({
	resource: 'category',
	operation: 'import',
	ids: [shopIdProperty],
	path: inShop('categories/import'),
	schema: categoryCreate,
	fields: createFields,
	fromFields: fromCreateFields,
	example,
	wrap: (entries) => entries,
	errorPrefix: '',
	hint: 'All input items go in one request as a JSON array (documented). Each item is one entry.',
});
