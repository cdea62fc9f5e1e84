import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/engine/router';
import { createClient } from '../transport';
import type { Operation } from '../../shared/engine/router';
import type { ApiClient } from '../../shared/http/client';
import * as order from './order';
import * as tariff from './tariff';

const resources: Record<string, Record<string, Operation<ApiClient>>> = {
	order: order.operations,
	tariff: tariff.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, (ctx) => createClient(ctx));
}
