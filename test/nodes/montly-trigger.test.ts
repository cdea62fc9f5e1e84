import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { MontlyTrigger } from '../../nodes/MontlyTrigger/MontlyTrigger.node';
import { verifySignature } from '../../nodes/MontlyTrigger/signature';
import { deliverToMontlyTrigger as deliver } from '../harness/montly-webhook';
import { MONTLY_WEBHOOK_SECRET, montlySignature } from '../simulators/montly';

const now = () => Math.floor(Date.now() / 1000);
const event = (action: string, data: IDataObject) => Buffer.from(JSON.stringify({ id: `evt:${action}:1`, action, data }));
const signed = (raw: Buffer, t = now(), secret = MONTLY_WEBHOOK_SECRET, extra: string[] = []) => ({
	'montly-signature': montlySignature(raw.toString('utf8'), secret, t, extra),
	'montly-version': '1.0.0',
	'content-type': 'application/json',
});

describe('Montly Trigger', () => {
	it('a valid delivery starts the workflow with the event and answers 200 (n8n\'s default reply)', async () => {
		const raw = event('order.accepted', { orderId: 'ORD-1' });
		const { result, response } = await deliver({ headers: signed(raw), rawBody: raw });
		expect(response.statusCode).toBeUndefined();
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.workflowData).toEqual([
			[{ json: { event: 'order.accepted', id: 'evt:order.accepted:1', action: 'order.accepted', data: { orderId: 'ORD-1' } } }],
		]);
	});

	it('accepts a delivery when any of several v1 signatures matches (secret rotation)', async () => {
		const raw = event('order.signed', { orderId: 'ORD-2' });
		const t = now();
		const header = `t=${t},v1=${'0'.repeat(64)},v1=${montlySignature(raw.toString(), MONTLY_WEBHOOK_SECRET, t).split('v1=')[1]}`;
		const { result } = await deliver({ headers: { 'montly-signature': header }, rawBody: raw });
		expect(result.workflowData?.[0][0].json.event).toBe('order.signed');
	});

	it('accepts the LeaseCloud-era header and the old `type` key', async () => {
		const raw = Buffer.from(JSON.stringify({ id: 'evt:1', type: 'order.declined', data: { orderId: 'X', reason: 'Not credit worthy' } }));
		const headers = { 'leasecloud-signature': signed(raw)['montly-signature'] };
		const { result } = await deliver({ headers, rawBody: raw });
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'order.declined', data: { reason: 'Not credit worthy' } });
	});

	it('verifies the raw bytes: the same JSON re-serialised differently does not match', async () => {
		const raw = Buffer.from('{"id":"evt:9","action":"tariff.updated","data":{"tariffs":[{"months":24,"tariff":1.47}]}}');
		const reformatted = Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 2));
		const ok = await deliver({ headers: signed(raw), rawBody: raw });
		expect(ok.result.workflowData?.[0][0].json.event).toBe('tariff.updated');
		const bad = await deliver({ headers: signed(raw), rawBody: reformatted });
		expect(bad.response.statusCode).toBe(401);
	});

	it.each([
		['a wrong signature', (raw: Buffer) => signed(raw, now(), 'another-secret-123')],
		['a missing header', () => ({ 'content-type': 'application/json' })],
		['a stale timestamp (10 minutes old)', (raw: Buffer) => signed(raw, now() - 600)],
		['a timestamp from the future', (raw: Buffer) => signed(raw, now() + 600)],
		['a header without t', (raw: Buffer) => ({ 'montly-signature': signed(raw)['montly-signature'].replace(/^t=\d+,/, '') })],
		['a body changed after signing', (raw: Buffer) => signed(Buffer.from(raw.toString().replace('ORD-1', 'ORD-9')))],
		['a truncated signature', (raw: Buffer) => ({ 'montly-signature': signed(raw)['montly-signature'].slice(0, -2) })],
	])('rejects %s with 401 and starts nothing', async (_name, headersFor) => {
		const raw = event('order.accepted', { orderId: 'ORD-1' });
		const { result, response, warnings } = await deliver({ headers: headersFor(raw), rawBody: raw });
		expect(warnings).toHaveLength(1);
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ error: 'Invalid or missing Montly-Signature' });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('rejects everything while the credential has no webhook secret', async () => {
		const raw = event('order.accepted', { orderId: 'ORD-1' });
		const { result, response, warnings } = await deliver({ headers: signed(raw, now(), ''), rawBody: raw, secret: '' });
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
		expect(warnings).toEqual(['Montly Trigger: delivery refused (no webhook secret is set in the credential)']);
	});

	it('honours a custom tolerance', async () => {
		const raw = event('order.accepted', { orderId: 'ORD-1' });
		const old = signed(raw, now() - 600);
		const { result } = await deliver({ headers: old, rawBody: raw, parameters: { options: { toleranceSeconds: 900 } } });
		expect(result.workflowData?.[0][0].json.event).toBe('order.accepted');
	});

	it('filters events: a valid but unselected event gets 200 and starts nothing', async () => {
		const parameters = { events: ['order.signed', 'order.deliveryApproved'] };
		const accepted = event('order.accepted', { orderId: 'ORD-1' });
		const skipped = await deliver({ headers: signed(accepted), rawBody: accepted, parameters });
		expect(skipped.result).toEqual({ webhookResponse: { received: true } });
		expect(skipped.response.statusCode).toBeUndefined();
		const approved = event('order.deliveryApproved', { orderId: 'ORD-1' });
		const kept = await deliver({ headers: signed(approved), rawBody: approved, parameters });
		expect(kept.result.workflowData?.[0][0].json.event).toBe('order.deliveryApproved');
	});

	it('never logs or answers with the secret', async () => {
		const raw = event('order.accepted', { orderId: 'ORD-1' });
		const { response, warnings } = await deliver({ headers: signed(raw, now(), 'x-wrong-secret'), rawBody: raw });
		expect(warnings).toEqual(['Montly Trigger: delivery refused (signature does not match)']);
		expect(JSON.stringify(response.body) + warnings.join('\n')).not.toContain(MONTLY_WEBHOOK_SECRET);
	});

	it('has the lifecycle methods n8n calls on activation, which register nothing', async () => {
		const hooks = new MontlyTrigger().webhookMethods.default;
		const ctx = {} as never;
		expect([await hooks.checkExists.call(ctx), await hooks.create.call(ctx), await hooks.delete.call(ctx)]).toEqual([true, true, true]);
	});
});

describe('verifySignature', () => {
	const body = '{"a":1}';
	const t = 1_500_000_000;
	const opts = { nowSeconds: t + 10, toleranceSeconds: 300 };

	it('matches the documented scheme: hex(HMAC-SHA256(secret, "<t>.<raw body>"))', () => {
		const header = montlySignature(body, 'secret', t);
		expect(verifySignature(header, body, 'secret', opts)).toEqual({ valid: true, timestamp: t });
		expect(verifySignature(header, Buffer.from(body), 'secret', opts)).toEqual({ valid: true, timestamp: t });
		// The reversed order of the 2017-07-12 revision ("<raw body>.<t>") is not accepted.
		const reversed = `t=${t},v1=${createHmac('sha256', 'secret').update(`${body}.${t}`).digest('hex')}`;
		expect(verifySignature(reversed, body, 'secret', opts).valid).toBe(false);
	});

	it('reports why a delivery was refused', () => {
		expect(verifySignature(undefined, body, 'secret', opts)).toEqual({ valid: false, reason: 'no signature header' });
		expect(verifySignature(`t=${t}`, body, 'secret', opts)).toEqual({ valid: false, reason: 'no v1 signature' });
		expect(verifySignature(`t=abc,v1=00`, body, 'secret', opts)).toEqual({ valid: false, reason: 'no valid timestamp (t)' });
		expect(verifySignature(montlySignature(body, 'other', t), body, 'secret', opts)).toEqual({ valid: false, reason: 'signature does not match' });
		expect(verifySignature(montlySignature(body, 'secret', t), body, 'secret', { nowSeconds: t + 301, toleranceSeconds: 300 })).toEqual({
			valid: false,
			reason: 'timestamp is 301 s from now (tolerance 300 s)',
		});
		expect(verifySignature(montlySignature(body, 'secret', t), body, 'secret', { nowSeconds: t + 300, toleranceSeconds: 300 }).valid).toBe(true);
	});
});
