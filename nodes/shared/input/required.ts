import { z } from 'zod/v4';

const present = (value: unknown): boolean =>
	value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * `schema`, with a missing, null or blank value reported as "Required" rather than as zod's
 * "Invalid input: expected string, received undefined".
 */
export function required<S extends z.ZodType>(schema: S) {
	return z.unknown().refine(present, { message: 'Required', abort: true }).pipe(schema);
}
