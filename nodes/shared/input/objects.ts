/** A copy of `value` without its undefined properties (a plain loop: this runs for every field of every item). */
export function definedOnly<T extends object>(value: T): T {
	const out: Record<string, unknown> = {};
	for (const key in value) {
		if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
		const v = value[key];
		if (v !== undefined) out[key] = v;
	}
	return out as T;
}
