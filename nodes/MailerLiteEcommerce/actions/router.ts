import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/engine/router';
import { rateLimitPatienceMs } from '../../shared/input/parameters';
import { createClient } from '../transport';
import * as cart from './cart';
import * as cartItem from './cartItem';
import * as category from './category';
import * as customer from './customer';
import * as order from './order';
import type { Operation } from '../../shared/engine/router';
import type { ApiClient } from '../../shared/http/client';
import * as product from './product';
import * as shop from './shop';

const resources: Record<string, Record<string, Operation<ApiClient>>> = {
	cart: cart.operations,
	cartItem: cartItem.operations,
	category: category.operations,
	customer: customer.operations,
	order: order.operations,
	product: product.operations,
	shop: shop.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, (ctx, options) =>
		createClient(ctx, {
			requestsPerMinute: options.requestsPerMinute as number | undefined,
			timeoutMs: options.timeout as number | undefined,
			rateLimitPatienceMs: rateLimitPatienceMs(options.rateLimitPatience),
		}),
	);
}
