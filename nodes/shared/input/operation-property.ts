import type { INodeProperties } from 'n8n-workflow';

export interface OperationOption {
	name: string;
	value: string;
	action: string;
	description: string;
}

/** The `operation` parameter of one resource; options are sorted by name as n8n's lint wants. */
export function operationProperty(
	resource: string,
	options: OperationOption[],
	defaultValue: string,
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
	};
}

/** n8n's standard wording for an operation of a resource (singular and plural as users read them). */
export function standardOperation(value: string, one: string, many: string): OperationOption {
	const a = /^[aeiou]/i.test(one) ? 'an' : 'a';
	const table: Record<string, Omit<OperationOption, 'value'>> = {
		count: { name: 'Count', action: `Count ${many}`, description: `Retrieve the number of ${many}` },
		create: { name: 'Create', action: `Create ${one}`, description: `Create a new ${one}` },
		delete: { name: 'Delete', action: `Delete ${one}`, description: `Delete ${a} ${one} permanently` },
		get: { name: 'Get', action: `Get ${one}`, description: `Retrieve ${a} ${one}` },
		getAll: { name: 'Get Many', action: `Get many ${many}`, description: `Retrieve a list of ${many}` },
		import: {
			name: 'Import',
			action: `Import ${many}`,
			description: `Create many ${many} in one request, one per input item`,
		},
		update: { name: 'Update', action: `Update ${one}`, description: `Update ${a} ${one}` },
	};
	const entry = table[value];
	if (!entry) throw new RangeError(`No standard wording for operation "${value}"`);
	return { value, ...entry };
}
