import { shopIdProperty } from '../common';
import { getOne } from '../operations';
import { shop } from '../paths';

export const { description, execute } = getOne({ resource: 'shop', operation: 'get', ids: [shopIdProperty], path: shop });
