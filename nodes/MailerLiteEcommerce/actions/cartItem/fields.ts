import type { INodeProperties } from 'n8n-workflow';

import { idProperty, shopIdProperty } from '../common';

export const cartIds: INodeProperties[] = [shopIdProperty, idProperty('cartId', 'Cart ID')];
export const itemIds: INodeProperties[] = [...cartIds, idProperty('itemId', 'Item ID')];

export const quantity: INodeProperties = { displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 };
export const price: INodeProperties = { displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2, minValue: 0 }, default: 0 };
