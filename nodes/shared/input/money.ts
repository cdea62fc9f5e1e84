import { z } from 'zod/v4';

export type MinorUnitsResult = { ok: true; value: number } | { ok: false; message: string };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal amount in major units (9627.68 SEK) as an integer in minor units (962768 öre),
 * computed on the decimal digits: `9627.68 * 100` is 962767.9999999999 in binary floating point.
 * A number is read from its shortest decimal text, which is what the user typed. More decimals
 * than the currency has are refused rather than rounded, so an amount is never changed silently.
 */
export function toMinorUnits(value: unknown, decimals = 2): MinorUnitsResult {
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { ok: false, message: 'Expected a finite number' };
		text = String(value);
	} else if (typeof value === 'string') {
		text = value.trim();
	} else {
		return { ok: false, message: 'Expected a number' };
	}
	const match = DECIMAL.exec(text);
	const [, sign = '', whole = '', fraction = '', exponent = '0'] = match ?? [];
	if (!match || (whole === '' && fraction === '')) {
		return { ok: false, message: `Expected a number like 9627.68, got "${text.slice(0, 40)}"` };
	}
	let digits = (whole + fraction).replace(/^0+(?=\d)/, '');
	const shift = Number(exponent) - fraction.length + decimals;
	if (shift >= 0) {
		if (shift > 30) return { ok: false, message: 'Amount is too large' };
		digits += '0'.repeat(shift);
	} else {
		const dropped = digits.slice(Math.max(0, digits.length + shift));
		if (/[1-9]/.test(dropped)) {
			return { ok: false, message: `Has more than ${decimals} decimal places` };
		}
		digits = digits.slice(0, Math.max(0, digits.length + shift)) || '0';
	}
	// An integer text converts exactly up to 2^53 - 1; anything beyond is refused, not rounded.
	const magnitude = Number(digits);
	if (magnitude > Number.MAX_SAFE_INTEGER) return { ok: false, message: 'Amount is too large' };
	return { ok: true, value: sign === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

/** A major-unit amount (number or numeric string) validated and converted to minor units. */
export function minorUnitsFromDecimal(decimals = 2) {
	return z.union([z.number(), z.string()]).transform((value, ctx) => {
		const result = toMinorUnits(value, decimals);
		if (result.ok) return result.value;
		ctx.addIssue({ code: 'custom', message: result.message });
		return z.NEVER;
	});
}

/** An amount already in minor units: a whole number (a numeric string from an expression is read). */
export function minorUnitsInteger(unitName = 'minor units') {
	return z.preprocess(
		(v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
		z
			.number({ error: `Expected a whole number of ${unitName}` })
			.int(`Must be a whole number of ${unitName}`)
			.refine(Number.isSafeInteger, 'Amount is too large'),
	);
}

/** Whole minor units as decimal text: 2490 → "24.90", 1500 with 0 decimals → "1500". */
export function minorToText(minor: number, decimals: number): string {
	const sign = minor < 0 ? '-' : '';
	const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
	if (decimals === 0) return sign + digits;
	return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * Whole minor units as a JSON number in major units: 2490 → 24.9. Built from the exact decimal
 * text, so the number is the one that text denotes (never 24.900000000000002).
 */
export function minorToDecimal(minor: number, decimals: number): number {
	return Number(minorToText(minor, decimals));
}

const wholeQuantity = (value: unknown): number | undefined => {
	const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

/** How many decimals a number written as `value` has: 2 for 19.99, 0 for 20, 3 for "1.5e-2". */
function decimalsOf(value: unknown): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const [, , , fraction = '', exponent = '0'] = DECIMAL.exec(text) ?? [];
	return Math.max(0, fraction.replace(/0+$/, '').length - Number(exponent));
}

/** The most decimals a line price may have for `sumOfLines`. */
const MAX_PRICE_DECIMALS = 6;

/**
 * Σ quantity × price over `lines`, exact: the prices are read in whole units of the most precise
 * one's last decimal (at least cents), multiplied and added as integers, so 7 × 19.99 is 139.93 and
 * never 139.92999999999998. Undefined when a quantity is no whole number or a price no number; the
 * lines' own validation names those.
 */
export function sumOfLines(lines: ReadonlyArray<Record<string, unknown>>): number | undefined {
	const decimals = Math.max(2, ...lines.map((line) => decimalsOf(line.price)));
	if (decimals > MAX_PRICE_DECIMALS) return undefined;
	let sum = 0;
	for (const line of lines) {
		const quantity = wholeQuantity(line.quantity);
		const price = toMinorUnits(line.price, decimals);
		if (quantity === undefined || !price.ok) return undefined;
		sum += quantity * price.value;
	}
	return Number.isSafeInteger(sum) ? minorToDecimal(sum, decimals) : undefined;
}
