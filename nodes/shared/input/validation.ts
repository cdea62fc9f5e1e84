import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { z } from 'zod/v4';

/** A problem with one field: zod's issues, or a mapper's own (see shared/orders). */
export interface Issue {
	readonly path: ReadonlyArray<PropertyKey>;
	readonly message: string;
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

function issueText(issue: Issue): string {
	return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * A validation failure of one item: the message names the first field (the engine puts the item's
 * label in front); all fields follow in the description.
 */
export function validationError(node: INode, itemIndex: number, issues: readonly Issue[]): NodeOperationError {
	const [first, ...rest] = issues;
	const message = issueText(first);
	const description = rest.length
		? `Also: ${rest.map(issueText).join('; ')}. Nothing was sent for this item.`
		: 'Nothing was sent for this item.';
	return new NodeOperationError(node, message, { itemIndex, description });
}

/** Parses `value` with `schema`; on failure throws an error naming the field. */
export function validateItem<S extends z.ZodType>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
): z.output<S> {
	const result = schema.safeParse(value);
	if (!result.success) throw validationError(node, itemIndex, result.error.issues);
	return result.data;
}
