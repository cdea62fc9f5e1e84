import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/engine/dry-run';
import { runWrites } from '../../../shared/engine/loop';
import type { ApiClient } from '../../../shared/http/client';
import { requiredId } from '../../../shared/input/body';
import { timeoutOption } from '../../../shared/input/parameters';
import { validateItem } from '../../../shared/input/validation';
import { timeRangeSchema } from '../../schemas';

const show = { resource: ['order'], operation: ['delete'] };

const rangeHint =
	'UTC. A date without an offset is read in the workflow\'s time zone and converted to UTC. The window may be at most 24 hours.';

const properties: INodeProperties[] = [
	{
		displayName: 'Delete By',
		name: 'deleteBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'External Order ID', value: 'externalOrderId', description: 'Delete one order' },
			{ name: 'Time Range', value: 'timeRange', description: 'Delete every order placed in a window of up to 24 hours' },
		],
		default: 'externalOrderId',
	},
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100500',
		displayOptions: { show: { deleteBy: ['externalOrderId'] } },
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the window (inclusive)',
		hint: rangeHint,
		displayOptions: { show: { deleteBy: ['timeRange'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the window (inclusive)',
		hint: rangeHint,
		displayOptions: { show: { deleteBy: ['timeRange'] } },
	},
	{
		displayName:
			'eSputnik deletes asynchronously: the orders disappear shortly after the node reports them deleted',
		name: 'asyncNotice',
		type: 'notice',
		default: '',
	},
	dryRunProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [timeoutOption],
	},
];

export const description = updateDisplayOptions({ show }, properties);

/** One `DELETE /v1/orders` per item; it schedules a deletion job, which is what `deleted` reports. */
export async function execute(this: IExecuteFunctions, client: ApiClient): Promise<INodeExecutionData[]> {
	const schema = timeRangeSchema(this.getTimezone());
	return await runWrites(this, client, {
		prepare: (itemIndex): IDataObject =>
			this.getNodeParameter('deleteBy', itemIndex) === 'timeRange'
				? validateItem(
						this.getNode(),
						schema,
						{ from: this.getNodeParameter('from', itemIndex, ''), to: this.getNodeParameter('to', itemIndex, '') },
						itemIndex,
					)
				: { externalOrderId: requiredId(this, 'externalOrderId', itemIndex) },
		request: ([{ payload }]) => ({ method: 'DELETE', path: '/v1/orders', qs: payload }),
		outcomes: (answer, [{ payload }]) => [
			{
				records:
					answer.body === undefined
						? { deleted: true, ...payload }
						: { deleted: true, ...payload, response: answer.body as IDataObject },
			},
		],
	});
}
