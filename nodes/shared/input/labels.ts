import type { INode } from 'n8n-workflow';

/*
 * The words on screen for a body path: each provider registers, per resource, which editor label
 * (the parameter's displayName) fills which path of its request body, so that a validation error
 * names the field as the user sees it: `Customer Email (customer.email): …`. A path inside a list
 * (`items[3].price`) takes the label of the list (`Items`); a path no label covers is shown alone.
 */

/** Body path (list indexes left out: `cart.items`, not `cart.items[0]`) → editor label. */
export type FieldLabels = Readonly<Record<string, string>>;

export interface NodeLabels {
	/** Labels per resource; `'*'` holds those of every resource. */
	readonly resources: Readonly<Record<string, FieldLabels>>;
	/** The resource when the node's parameters do not say (its default). */
	readonly defaultResource: string;
	/** Paths whose value is never printed (a password-type parameter), as in `resources`. */
	readonly secret?: readonly string[];
}

const registry = new Map<string, NodeLabels>();

/**
 * The node's labels by its type's own name: `mailerLiteEcommerce` of
 * `n8n-nodes-order-sync.mailerLiteEcommerce`, also as an AI Agent's tool (`…mailerLiteEcommerceTool`).
 */
function labelsOf(type: string): NodeLabels | undefined {
	const name = type.slice(type.lastIndexOf('.') + 1);
	return registry.get(name) ?? (name.endsWith('Tool') ? registry.get(name.slice(0, -4)) : undefined);
}

/** Registers a node's labels under its description's `name`. */
export function registerLabels(nodeName: string, labels: NodeLabels): NodeLabels {
	registry.set(nodeName, labels);
	return labels;
}

/** How a path is looked up: its keys joined by dots, list indexes left out. */
export function labelKey(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) if (typeof key !== 'number') out += (out ? '.' : '') + String(key);
	return out;
}

export interface FieldName {
	label?: string;
	secret: boolean;
}

/** The label of `path` for this node and resource, from the path itself or the nearest labelled parent. */
export function fieldName(node: INode | undefined, path: ReadonlyArray<PropertyKey>): FieldName {
	const labels = node && labelsOf(node.type);
	if (!labels) return { secret: false };
	const resource = typeof node.parameters?.resource === 'string' ? node.parameters.resource : labels.defaultResource;
	const own = labels.resources[resource];
	const shared = labels.resources['*'];
	const keys = path.filter((key) => typeof key !== 'number').map(String);
	const prefixes = keys.map((_, n) => keys.slice(0, n + 1).join('.'));
	const secret = prefixes.some((key) => labels.secret?.includes(key) === true);
	for (let n = prefixes.length - 1; n >= 0; n--) {
		const label = own?.[prefixes[n]] ?? shared?.[prefixes[n]];
		if (label !== undefined) return { label, secret };
	}
	return { secret };
}

/** Every registered node's labels, for the test that checks them against the descriptions. */
export function registeredLabels(): ReadonlyMap<string, NodeLabels> {
	return registry;
}
