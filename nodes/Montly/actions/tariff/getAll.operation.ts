import { runReads } from '../../../shared/engine/loop';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import { forOperation, limitProperty, returnAllProperty } from '../../../shared/input/parameters';
import { tariffList } from '../../tariffs';

export const { description, execute }: Operation<ApiClient> = {
	description: forOperation('tariff', 'getAll', [returnAllProperty, limitProperty]),
	async execute(client) {
		return await runReads(this, async (itemIndex) => {
			const tariffs = tariffList(await client.request({ method: 'GET', path: '/v1/tariffs' }));
			const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
			return returnAll ? tariffs : tariffs.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
		});
	},
};
