import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/engine/router';
import { rateLimitPatienceMs } from '../../shared/input/parameters';
import { createClient } from '../transport';
import type { Operation } from '../../shared/engine/router';
import type { ApiClient } from '../../shared/http/client';
import * as order from './order';

const resources: Record<string, Record<string, Operation<ApiClient>>> = {
	order: order.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, (ctx, options) =>
		createClient(ctx, {
			intervalMs: options.requestInterval as number | undefined,
			timeoutMs: options.timeout as number | undefined,
			rateLimitPatienceMs: rateLimitPatienceMs(options.rateLimitPatience),
		}),
	);
}
