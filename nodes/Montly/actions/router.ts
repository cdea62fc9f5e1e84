import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/engine/router';
import { createClient } from '../transport';
import type { Operation } from './operations';
import * as order from './order';
import * as tariff from './tariff';

const resources: Record<string, Record<string, Operation>> = {
	order: order.operations,
	tariff: tariff.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, (ctx) => createClient(ctx));
}
