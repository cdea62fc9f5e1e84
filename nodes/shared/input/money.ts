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
