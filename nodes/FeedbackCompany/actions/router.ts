import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/engine/router';
import { createClient } from '../transport';
import * as invitation from './invitation';
import type { Operation } from '../../shared/engine/router';
import type { FeedbackCompanyClient } from '../transport';
import * as order from './order';
import * as productReview from './productReview';
import * as shop from './shop';

const resources: Record<string, Record<string, Operation<FeedbackCompanyClient>>> = {
	invitation: invitation.operations,
	order: order.operations,
	productReview: productReview.operations,
	shop: shop.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, resources, (ctx) => createClient(ctx));
}
