import type { IExecuteFunctions } from 'n8n-workflow';

import { segment } from '../../shared/http/client';
import { requiredId } from '../../shared/input/body';
import { shopPath } from '../transport';

type Ctx = IExecuteFunctions;

export const shop = (ctx: Ctx, i: number): string => shopPath(requiredId(ctx, 'shopId', i));

/** `/ecommerce/shops/{shopId}/{collection}` and, with an id parameter, `/{id}` after it. */
export const inShop =
	(collection: string, idParam?: string) =>
	(ctx: Ctx, i: number): string =>
		`${shop(ctx, i)}/${collection}` + (idParam ? `/${segment(requiredId(ctx, idParam, i))}` : '');

/** `/ecommerce/shops/{shopId}/carts/{cartId}/items[/{itemId}]`. */
export const cartItems =
	(withItemId: boolean) =>
	(ctx: Ctx, i: number): string =>
		`${inShop('carts', 'cartId')(ctx, i)}/items` + (withItemId ? `/${segment(requiredId(ctx, 'itemId', i))}` : '');
