import { DateTime } from 'luxon';

/** ISO 8601 date or date-time, with `T` or a space, optional fraction and optional offset. */
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** The offset forms eSputnik's own examples use: `Z` or `+02:00`. */
const EXTENDED_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/i;

const withSeconds = "yyyy-MM-dd'T'HH:mm:ssZZ";
const withMillis = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

/** A luxon DateTime from any copy of luxon (n8n's `$now` is one), a Date, or text. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		return iso ?? undefined;
	}
	return undefined;
}

/** Parses `value`; a value without an offset is a wall-clock time in `zone`. */
export function parseDate(value: unknown, zone: string): { date: DateTime; text: string; hasOffset: boolean } | undefined {
	const text = asText(value);
	if (!text) return undefined;
	const match = ISO.exec(text);
	if (!match) return undefined;
	const hasOffset = match[1] !== undefined;
	const iso = text.replace(' ', 'T');
	const date = hasOffset ? DateTime.fromISO(iso, { setZone: true }) : DateTime.fromISO(iso, { zone });
	return date.isValid ? { date, text, hasOffset } : undefined;
}

/**
 * The date as eSputnik should get it: always with an explicit offset, because eSputnik reads a
 * date without one in the account's time zone, which need not be the workflow's. A date that has
 * an offset is sent as given (normalised to `+hh:mm` if written `+hhmm`); one without gets the
 * workflow's time zone.
 */
export function withOffset(value: unknown, zone: string): string | undefined {
	const parsed = parseDate(value, zone);
	if (!parsed) return undefined;
	if (parsed.hasOffset && EXTENDED_OFFSET.test(parsed.text)) return parsed.text.replace(' ', 'T');
	return parsed.date.toFormat(parsed.date.millisecond ? withMillis : withSeconds);
}

/** `yyyy-MM-dd'T'HH:mm:ss` in UTC, the format of `DELETE /v1/orders?from=…&to=…`. */
export function utcSeconds(date: DateTime): string {
	return date.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss");
}
