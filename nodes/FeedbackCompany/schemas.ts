import { z } from 'zod/v4';

/*
 * The `POST /orders` body of The Feedback Company API v2 (../shared/providers/feedback-company.md
 * §6.1 and the timing rules of §6.2). Limits are the documented ones: 250 characters for texts,
 * 2000 for URLs.
 */

const text = (max: number) =>
	z
		.union([z.string(), z.number().int().nonnegative().transform(String)])
		.pipe(z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`));

const url = z
	.string()
	.trim()
	.max(2000, 'At most 2000 characters')
	.pipe(z.url({ protocol: /^https?$/, message: 'Invalid URL' }));

/** GTIN-13: 13 digits whose last is the check digit (weights 1 and 3 from the left). */
export function isGtin13(value: string): boolean {
	if (!/^\d{13}$/.test(value)) return false;
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(value[i]) * (i % 2 === 0 ? 1 : 3);
	return (10 - (sum % 10)) % 10 === Number(value[12]);
}

const gtin13 = z
	.union([z.string(), z.number().int().nonnegative().transform(String)])
	.pipe(z.string().trim())
	.refine(isGtin13, 'Invalid GTIN-13 (13 digits with a valid check digit)');

export const UNITS = ['minutes', 'hours', 'days', 'weekdays'] as const;
export type Unit = (typeof UNITS)[number];

/** Minutes per unit, as the official plugin counts them (a weekday counts as a day). */
const MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440, weekdays: 1440 };

/** A whole number; a numeric string (from an expression) is read as one. */
const wholeNumber = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
	z.number({ error: 'Expected a whole number' }).int('Must be a whole number').nonnegative('Must be 0 or more'),
);

const invitationDelay = z.strictObject(
	{
		unit: z.enum(UNITS, { error: `Must be one of ${UNITS.join(', ')}` }),
		amount: wholeNumber,
	},
	{ error: (issue) => (issue.input === undefined ? 'Required' : 'Expected an object with unit and amount') },
);

export const invitation = z
	.strictObject({
		delay: invitationDelay,
		// `null` means "no reminder" too; it is dropped, because the API fails on a disabled reminder.
		reminder: invitationDelay.nullish().transform((r) => r ?? undefined),
	})
	.superRefine((value, ctx) => {
		const { delay, reminder } = value;
		if (!reminder) return;
		if ((delay.unit === 'weekdays') !== (reminder.unit === 'weekdays')) {
			ctx.addIssue({
				code: 'custom',
				path: ['reminder', 'unit'],
				message: 'Use weekdays for both the invitation and the reminder, or for neither',
			});
			return;
		}
		const gap = reminder.amount * MINUTES[reminder.unit] - delay.amount * MINUTES[delay.unit];
		if (gap < 1440) {
			ctx.addIssue({
				code: 'custom',
				path: ['reminder'],
				message:
					'Must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none',
			});
		}
	})
	.transform(({ delay, reminder }) => (reminder ? { delay, reminder } : { delay }));

export const product = z.looseObject({
	external_id: text(250),
	name: text(250),
	url,
	sku: text(250).optional(),
	gtin: gtin13.optional(),
	image_url: url.optional(),
});

export const orderCreate = z.looseObject({
	external_id: text(250),
	customer: z.looseObject({
		email: z
			.string()
			.trim()
			.max(250, 'At most 250 characters')
			.pipe(z.email({ message: 'Invalid email address' })),
		fullname: text(250).optional(),
	}),
	invitation: invitation.optional(),
	products: z.array(product).optional(),
	filtercode: z.string().trim().max(250, 'At most 250 characters').optional(),
});

export type OrderCreate = z.output<typeof orderCreate>;
