/**
 * Every string reachable from `value`: own properties, enumerable or not (an error's message,
 * stack, description, context, cause, …), keys included, down to `depth` levels.
 */
export function allText(value: unknown, depth = 12, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return [String(value)];
	if (!value || typeof value !== 'object' || depth === 0 || seen.has(value)) return [];
	seen.add(value);
	const out: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		out.push(key);
		let inner: unknown;
		try {
			inner = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		out.push(...allText(inner, depth - 1, seen));
	}
	return out;
}
