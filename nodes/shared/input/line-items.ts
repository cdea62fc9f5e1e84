import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod/v4';

import type { Issue } from './validation';
import { PARSE_OPTIONS, validationError } from './validation';

/*
 * A list of line items (products, items, cart items) in Fields mode, given either entry by entry
 * in a fixed collection or as one list: an expression such as {{ $json.items }} or JSON text.
 * An entry of the list may use the provider's own keys or the friendly keys every node of this
 * package reads alike; anything else is refused before the request is built.
 */

/** Friendly keys of a line item, the same for every node (each maps them or leaves them out). */
export const FRIENDLY_KEYS = ['productId', 'variantId', 'sku', 'name', 'quantity', 'price', 'url', 'imageUrl'] as const;

export interface LineItemList {
	/** The fixed collection's parameter; `<name>Input` picks the way and `<name>List` holds the list. */
	name: string;
	/** Where the list sits in the request body, e.g. ['cart', 'items']: errors name the entry there. */
	path: ReadonlyArray<PropertyKey>;
	/** The provider's key → the other keys that mean the same. Only these (and `ignored`) are accepted. */
	keys: Readonly<Record<string, readonly string[]>>;
	/** Friendly keys the provider has no field for: accepted and left out. */
	ignored?: readonly string[];
	/** One entry in the provider's keys, checked as a fixed-collection entry is (its output is not used). */
	entry: z.ZodType;
	/** An entry given as text (e.g. a bare slug); without it, text is refused. */
	fromText?: (text: string) => IDataObject;
	/**
	 * The last step before `entry` checks it, e.g. a line total from quantity × price; problems name
	 * the provider's keys (translated back to the keys given).
	 */
	complete?: (entry: IDataObject) => Issue[];
}

export const inputParameter = (list: Pick<LineItemList, 'name'>) => `${list.name}Input`;
export const listParameter = (list: Pick<LineItemList, 'name'>) => `${list.name}List`;

/** "external_id (or productId, id)", for the message that lists the keys of an entry. */
export function describeKeys(list: Pick<LineItemList, 'keys' | 'ignored'>): string {
	const keys = Object.entries(list.keys)
		.map(([own, aliases]) => (aliases.length ? `${own} (or ${aliases.join(', ')})` : own))
		.join(', ');
	return list.ignored?.length ? `${keys}; left out: ${list.ignored.join(', ')}` : keys;
}

function kindOf(value: unknown): string {
	if (value === undefined) return 'nothing (undefined)';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return value.trim() ? 'text' : 'empty text';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The entries of `value` in the provider's keys, or the problems that stop the item: each names
 * the list position and the key as given (`cart.items[2].colour`).
 */
export function toLineItems(value: unknown, list: LineItemList): { entries: IDataObject[] } | { issues: Issue[] } {
	const path = [...list.path];
	if (!Array.isArray(value)) {
		return {
			issues: [
				{
					path,
					message: `must be a list of line items, e.g. {{ $json.items }}, not ${kindOf(value)}; give [] for none`,
				},
			],
		};
	}
	const byKey = new Map<string, string>();
	for (const [own, aliases] of Object.entries(list.keys)) {
		byKey.set(own, own);
		for (const alias of aliases) byKey.set(alias, own);
	}
	const ignored = new Set(list.ignored ?? []);
	const issues: Issue[] = [];
	const entries: IDataObject[] = [];
	value.forEach((given: unknown, position) => {
		const at = [...path, position];
		const raw = typeof given === 'string' && list.fromText ? list.fromText(given) : given;
		if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
			const expected = list.fromText ? 'text or an object' : 'an object';
			issues.push({ path: at, input: given, message: `must be ${expected}, not ${kindOf(raw)}; the keys are ${describeKeys(list)}` });
			return;
		}
		const entry: IDataObject = {};
		const keyGiven = new Map<string, string>();
		for (const [key, fieldValue] of Object.entries(raw as IDataObject)) {
			const own = byKey.get(key);
			if (own === undefined) {
				if (!ignored.has(key)) {
					issues.push({ path: [...at, key], message: `is not a key of an entry; the keys are ${describeKeys(list)}` });
				}
				continue;
			}
			const other = keyGiven.get(own);
			if (other !== undefined) {
				issues.push({ path: [...at, key], input: fieldValue, message: `means the same as ${other}; give one of them` });
				continue;
			}
			keyGiven.set(own, key);
			// Empty, as a sheet or a Code node gives an unset value, is left out as in the fixed collection.
			if (fieldValue !== undefined && fieldValue !== null && fieldValue !== '') entry[own] = fieldValue;
		}
		const asGiven = (problem: Issue): Issue => {
			const [own, ...rest] = problem.path;
			const key = typeof own === 'string' ? (keyGiven.get(own) ?? own) : own;
			return { ...problem, path: own === undefined ? at : [...at, key, ...rest] };
		};
		const incomplete = list.complete?.(entry) ?? [];
		if (incomplete.length) {
			issues.push(...incomplete.map(asGiven));
			return;
		}
		const checked = list.entry.safeParse(entry, PARSE_OPTIONS);
		if (!checked.success) {
			issues.push(...checked.error.issues.map(asGiven));
			return;
		}
		entries.push(entry);
	});
	return issues.length ? { issues } : { entries };
}

/**
 * The list's entries for item `itemIndex`: from the fixed collection (`fromFields`) unless
 * `<name>Input` is "list"; then from `<name>List`, an expression's value or JSON text.
 */
export function readLineItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	list: LineItemList,
	fromFields: () => IDataObject[],
): IDataObject[] {
	if (ctx.getNodeParameter(inputParameter(list), itemIndex, 'fields') !== 'list') return fromFields();
	let value = ctx.getNodeParameter(listParameter(list), itemIndex, undefined) as unknown;
	if (typeof value === 'string' && value.trim()) {
		try {
			value = JSON.parse(value);
		} catch (error) {
			throw validationError(ctx.getNode(), itemIndex, [
				{
					path: [listParameter(list)],
					input: value,
					message: `is not valid JSON (${(error as Error).message}); give an expression such as {{ $json.items }} or a JSON list`,
				},
			]);
		}
	}
	const result = toLineItems(value, list);
	if ('issues' in result) throw validationError(ctx.getNode(), itemIndex, result.issues);
	return result.entries;
}

export interface LineItemLabels {
	/** The list's label, e.g. "Products". */
	plural: string;
	/** One entry, e.g. "product". */
	one: string;
	/** An example of the keys, for the hint, e.g. '{ "sku": "RD-1", "name": "Red Delicious", … }'. */
	example: string;
}

/**
 * The fixed collection of a list with the choice in front of it and the list parameter behind it.
 * The choice defaults to the fixed collection, so a saved workflow reads its entries as before.
 * Several fixed collections (one per node version, told apart by their displayOptions) share the
 * choice and the list.
 */
export function lineItemsProperties(
	list: LineItemList,
	labels: LineItemLabels,
	...fixedCollections: INodeProperties[]
): INodeProperties[] {
	const shownWhen = (p: Pick<INodeProperties, 'displayOptions'>, way: 'fields' | 'list') => ({
		...p.displayOptions,
		show: { ...p.displayOptions?.show, [inputParameter(list)]: [way] },
	});
	return [
		{
			displayName: `${labels.plural} Input`,
			name: inputParameter(list),
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Using Fields Below', value: 'fields', description: `Add each ${labels.one} below` },
				{
					name: 'From a List',
					value: 'list',
					description: `All ${labels.plural.toLowerCase()} at once: one expression that gives the list, or the list as JSON`,
				},
			],
			default: 'fields',
		},
		...fixedCollections.map((p) => ({ ...p, displayOptions: shownWhen(p, 'fields') })),
		{
			displayName: labels.plural,
			name: listParameter(list),
			type: 'json',
			default: '',
			required: fixedCollections.some((p) => p.required),
			placeholder: 'e.g. {{ $json.items }}',
			description: `A list of ${labels.plural.toLowerCase()}, each an object with the keys ${describeKeys(list)}`,
			hint: `Drag the list from the input, or write it as JSON, e.g. [${labels.example}]`,
			displayOptions: shownWhen({}, 'list'),
		},
	];
}
