const SIXTEEN_DIGITS = /\d{16}/;

/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact by turning them into
 * strings. MailerLite's import endpoints return ids such as 46919150796276752 as bare numbers,
 * which JSON.parse would silently round to 46919150796276750.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
	// Most bodies have no run of 16 digits at all; the native parser is then exact, and many times faster.
	if (!SIXTEEN_DIGITS.test(text)) return JSON.parse(text);
	let out = '';
	let last = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
			continue;
		}
		if (c === 34) {
			inString = true;
			continue;
		}
		const isDigit = c >= 48 && c <= 57;
		if (!isDigit && c !== 45 /* - */) continue;
		let end = i + 1;
		while (end < text.length && /[0-9.eE+-]/.test(text[end])) end++;
		const literal = text.slice(i, end);
		if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
			out += text.slice(last, i) + '"' + literal + '"';
			last = end;
		}
		i = end - 1;
	}
	return JSON.parse(last === 0 ? text : out + text.slice(last));
}

/** Parses a response body: JSON when it looks like JSON, otherwise the text itself. */
export function parseBody(text: string): unknown {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (trimmed[0] === '{' || trimmed[0] === '[') {
		try {
			return parseJsonKeepingBigInts(trimmed);
		} catch {
			return text;
		}
	}
	return text;
}

/** Ids are strings in our output: `id` and `*_id` numbers become their exact decimal text. */
export function stringifyIds<T>(value: T): T {
	if (Array.isArray(value)) return value.map(stringifyIds) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, v] of Object.entries(value)) {
			out[key] =
				typeof v === 'number' && (key === 'id' || key.endsWith('_id')) ? String(v) : stringifyIds(v);
		}
		return out as T;
	}
	return value;
}
