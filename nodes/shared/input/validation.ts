import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

import { fieldName } from './labels';

/**
 * A problem with one field: zod's issues, or a mapper's own (see shared/orders). `input` is the
 * value at the field when it is known: it is shown in the message (never for a secret field).
 */
export interface Issue {
	readonly path: ReadonlyArray<PropertyKey>;
	readonly message: string;
	readonly input?: unknown;
	/** zod's unknown keys of the object at `path`. */
	readonly code?: string;
	readonly keys?: readonly string[];
}

/** `cart.items[0].price` from zod's path array; the item itself when the path is empty. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += (out ? '.' : '') + String(key);
	}
	return out || '(item)';
}

/** Longest text of a value in a message; a longer one is cut, ending in `…`. */
export const VALUE_LENGTH = 80;

const cut = (text: string) => (text.length > VALUE_LENGTH ? `${text.slice(0, VALUE_LENGTH - 1)}…` : text);

/** A value as a message quotes it: text in quotes, anything else as JSON; at most 80 characters. */
export function shownValue(value: unknown): string | undefined {
	if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
	if (typeof value === 'string') return `"${cut(value)}"`;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null)
		return cut(String(value));
	try {
		return cut(JSON.stringify(value) ?? String(value));
	} catch {
		return undefined;
	}
}

const ARTICLE: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	date: 'a date',
};

const count = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

function sizeMessage(bound: 'at least' | 'at most', issue: { origin?: string; inclusive?: boolean }, n: number | bigint): string {
	const strict = issue.inclusive === false;
	switch (issue.origin) {
		case 'string':
			if (bound === 'at least' && Number(n) === 1 && !strict) return 'is required';
			return `must be ${bound} ${count(n, 'character', 'characters')} long`;
		case 'array':
		case 'set':
			return `must have ${bound} ${count(n, 'entry', 'entries')}`;
		default:
			if (strict) return `must be ${bound === 'at least' ? 'more' : 'less'} than ${n}`;
			return `must be ${bound} ${n}`;
	}
}

/**
 * zod's own messages in plain words, for every parse of a validation (zod v4's per-parse error
 * map). A message a schema sets itself wins over these.
 */
export function plainZodMessage(issue: z.core.$ZodRawIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null) return 'is required';
			return `must be ${ARTICLE[issue.expected] ?? issue.expected}`;
		case 'invalid_format':
			switch (issue.format) {
				case 'email':
					return 'is not a valid e-mail address';
				case 'url':
					return 'is not a valid URL (http:// or https://)';
				case 'ipv4':
				case 'ipv6':
					return 'is not a valid IP address';
				case 'datetime':
					return 'must be an ISO 8601 date and time, e.g. 2024-05-01T10:00:00Z';
				case 'regex':
					return 'is not in the expected format';
				default:
					return `is not a valid ${issue.format}`;
			}
		case 'too_small':
			return sizeMessage('at least', issue, issue.minimum);
		case 'too_big':
			return sizeMessage('at most', issue, issue.maximum);
		case 'invalid_value': {
			const values = issue.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
			return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
		}
		case 'unrecognized_keys':
			return 'is not a field this operation accepts';
		case 'not_multiple_of':
			return `must be a multiple of ${issue.divisor}`;
		default:
			return 'is not valid';
	}
}

/** Parse options of every validation: plain messages, and the value of each issue kept to show it. */
export const PARSE_OPTIONS = { error: plainZodMessage, reportInput: true } as const;

/** The start of a message that reads after the field and its value: `"x" must be a number`. */
const PREDICATE = /^(is|are|must|has|have|needs|cannot|can't|does|do|means|should) /i;

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
	[/^Required$/, 'is required'],
	[/^Required([:;,] )/, 'is required$1'],
	[/^Invalid e-?mail( address)?$/i, 'is not a valid e-mail address'],
	[/^Invalid URL$/, 'is not a valid URL (http:// or https://)'],
	[/^Invalid input$/, 'is not valid'],
	[/^Invalid (.+)$/s, 'is not a valid $1'],
	[/^Expected ([^]+?)(?:, got [^]*)?$/, 'must be $1'],
	[/^At (most|least) /, 'must be at $1 '],
];

/** A schema's or mapper's message in the same plain form: `is required`, `must be a number`, …. */
export function plainMessage(message: string): string {
	for (const [pattern, replacement] of REWRITES) if (pattern.test(message)) return message.replace(pattern, replacement);
	return PREDICATE.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
}

/** zod's one issue for the unknown keys of an object becomes one issue per key, at the key. */
function perField(issues: readonly Issue[]): Issue[] {
	const out: Issue[] = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
			const object = issue.input as Record<string, unknown> | undefined;
			for (const key of issue.keys) {
				out.push({
					path: [...issue.path, key],
					message: 'is not a field this operation accepts',
					input: object && typeof object === 'object' ? object[key] : undefined,
				});
			}
		} else out.push(issue);
	}
	return out;
}

/**
 * One issue as the user reads it: the field's editor label, its path, the value given and what is
 * wrong with it: `Customer Email (customer.email): "ann.example.com" is not a valid e-mail address`.
 * A path with no label is shown alone; a secret field's value is never shown.
 */
export function describeIssue(node: INode | undefined, issue: Issue, raw?: unknown): string {
	const path = formatPath(issue.path);
	const name = fieldName(node, issue.path);
	const head = name.label ? `${name.label} (${path})` : path;
	const message = plainMessage(issue.message);
	// Only a message that reads after the value gets it; our own sentences say what they need.
	if (name.secret || !issue.path.length || !PREDICATE.test(message)) return `${head}: ${message}`;
	const input = valueOf(issue, raw);
	const blank = input === null || (typeof input === 'string' && !input.trim());
	const value = message === 'is required' && blank ? undefined : shownValue(input);
	return value === undefined ? `${head}: ${message}` : `${head}: ${value} ${message}`;
}

/**
 * The value the issue is about. A check of a whole object (a refinement) reports the object as
 * its input even when it names one field; the field's own value is read from the item then.
 */
function valueOf(issue: Issue, raw: unknown): unknown {
	if (issue.code !== 'custom' || raw === undefined) return issue.input;
	let value: unknown = raw;
	for (const key of issue.path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/**
 * A validation failure of one item: the message names the first field (the engine puts the item's
 * label in front); all fields follow in the description. `raw` is the value that was validated;
 * `labelled: false` for paths that are not the node's fields (a Shopify order's).
 */
export function validationError(
	node: INode,
	itemIndex: number,
	issues: readonly Issue[],
	{ raw, labelled = true }: { raw?: unknown; labelled?: boolean } = {},
): NodeOperationError {
	const [first, ...rest] = perField(issues).map((issue) => describeIssue(labelled ? node : undefined, issue, raw));
	const description = rest.length
		? `Also: ${rest.join('; ')}. Nothing was sent for this item.`
		: 'Nothing was sent for this item.';
	return new NodeOperationError(node, first, { itemIndex, description });
}

/** Parses `value` with `schema`; on failure throws an error naming the field. */
export function validateItem<S extends z.ZodType>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
): z.output<S> {
	const result = schema.safeParse(value, PARSE_OPTIONS);
	if (!result.success) throw validationError(node, itemIndex, result.error.issues, { raw: value });
	return result.data;
}
