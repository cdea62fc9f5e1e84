import type { IDataObject, INode } from 'n8n-workflow';

import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { testCredential } from '../harness/credential-test';
import type { TestCredentialsHelper } from '../harness/credentials-helper';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import {
	createFeedbackCompanySimulator,
	FC_CLIENT_ID,
	FC_CLIENT_SECRET,
	FC_WRONG_SECRET,
} from '../simulators/feedback-company';
import { serveForTests } from '../harness/serve';

const fc = createFeedbackCompanySimulator();
const { sim } = fc;

serveForTests(sim, () => fc.resetState());

const credentials = (extra: IDataObject = {}) => ({
	feedbackCompanyApi: {
		clientId: FC_CLIENT_ID,
		clientSecret: FC_CLIENT_SECRET,
		baseUrl: `${sim.url}/api/v2`,
		accessToken: '',
		...extra,
	},
});

async function run(
	parameters: INode['parameters'],
	items: IDataObject[] = [{}],
	extra: { onError?: INode['onError']; credentialsHelper?: TestCredentialsHelper; credentials?: IDataObject } = {},
) {
	return await runWorkflow({
		node: { type: 'feedbackCompany', parameters, onError: extra.onError },
		nodeTypes: { feedbackCompany: new FeedbackCompany() },
		credentialTypes: { feedbackCompanyApi: new FeedbackCompanyApi() },
		credentials: credentials(extra.credentials),
		credentialsHelper: extra.credentialsHelper,
		items,
	});
}

const jsons = (r: { output: Array<{ json: IDataObject }> }) => r.output.map((i) => i.json);
const pairs = (r: { output: Array<{ pairedItem?: unknown }> }) => r.output.map((i) => i.pairedItem);
const apiRequests = () => sim.requests.filter((r) => !r.path.endsWith('/oauth2/token'));
const tokenRequests = () => sim.requests.filter((r) => r.path.endsWith('/oauth2/token'));

/** Order → Create from fields, one order per input item; expressions read the item. */
const createParams = (overrides: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	external_id: '={{ $json.orderId }}',
	customerEmail: '={{ $json.email }}',
	customerFullname: '={{ $json.name }}',
	sendInvitation: true,
	delay: { value: { unit: 'days', amount: 3 } },
	reminder: { value: { unit: 'days', amount: 10 } },
	products: {
		product: [
			{
				external_id: 'apple-1',
				name: 'Red Delicious',
				url: 'https://shop.example.com/p/apple-1',
				sku: 'rd001',
				gtin: '8710103974833',
				image_url: '',
			},
		],
	},
	filtercode: 'nl-web',
	...overrides,
});
const orderItem = (n: number) => ({ orderId: `ORD-${n}`, email: `buyer${n}@example.com`, name: `Buyer ${n}` });

describe('access token', () => {
	it('20 items over 2 executions fetch exactly one token, and every request carries it', async () => {
		const first = await run(createParams(), Array.from({ length: 10 }, (_, i) => orderItem(i)));
		expect(first.status).toBe('success');
		const second = await run(createParams(), Array.from({ length: 10 }, (_, i) => orderItem(10 + i)), {
			credentialsHelper: first.credentialsHelper,
		});
		expect(second.status).toBe('success');

		expect(fc.state.tokenRequests).toBe(1);
		expect(tokenRequests()).toHaveLength(1);
		expect(tokenRequests()[0].query).toEqual({
			client_id: FC_CLIENT_ID,
			client_secret: FC_CLIENT_SECRET,
			grant_type: 'authorization_code',
		});
		expect(first.credentialsHelper.preAuthCalls).toEqual([{ type: 'feedbackCompanyApi', expired: false }]);
		expect(first.credentialsHelper.stored.feedbackCompanyApi.accessToken).toBe(fc.state.issued[0]);
		const posts = sim.requestsTo('POST', /\/orders$/);
		expect(posts).toHaveLength(20);
		expect(new Set(posts.map((p) => p.headers.authorization))).toEqual(new Set([`Bearer ${fc.state.issued[0]}`]));
		expect(fc.state.orders.size).toBe(20);
		expect(pairs(second)).toEqual(Array.from({ length: 10 }, (_, i) => ({ item: i })));
	});

	it('runs one request at a time, so a slow first request cannot make n8n fetch several tokens', async () => {
		fc.seedInvitations(3);
		fc.handlerDelayMs = 30;
		const r = await run(
			{ resource: 'invitation', operation: 'get', invitationId: '={{ $json.id }}' },
			[{ id: 5000 }, { id: 5001 }, { id: 5002 }, { id: 5000 }, { id: 5001 }, { id: 5002 }],
		);
		expect(r.status).toBe('success');
		expect(fc.state.maxInFlight).toBe(1);
		expect(fc.state.tokenRequests).toBe(1);
		expect(jsons(r).map((i) => i.id)).toEqual(['5000', '5001', '5002', '5000', '5001', '5002']);
	});

	it('a 401 fetches exactly one new token and the item succeeds', async () => {
		const first = await run(createParams(), [orderItem(1)]);
		expect(first.status).toBe('success');
		const oldToken = fc.state.issued[0];
		fc.expireToken(); // e.g. the shop plugin fetched a token with the same client ID

		const second = await run(createParams(), [orderItem(2), orderItem(3)], { credentialsHelper: first.credentialsHelper });
		expect(second.status).toBe('success');
		expect(fc.state.tokenRequests).toBe(2);
		// The node asks n8n for the new token itself (by sending with an empty one), so both fetches
		// are n8n's "token empty" path and none is its unguarded 401 refresh.
		expect(second.credentialsHelper.preAuthCalls).toEqual([
			{ type: 'feedbackCompanyApi', expired: false },
			{ type: 'feedbackCompanyApi', expired: false },
		]);
		const newToken = fc.state.issued[1];
		expect(second.credentialsHelper.stored.feedbackCompanyApi.accessToken).toBe(newToken);
		const posts = sim.requestsTo('POST', /\/orders$/).slice(1);
		expect(posts.map((p) => [p.headers.authorization, (p.json as IDataObject).external_id])).toEqual([
			[`Bearer ${oldToken}`, 'ORD-2'],
			[`Bearer ${newToken}`, 'ORD-2'],
			[`Bearer ${newToken}`, 'ORD-3'],
		]);
		expect([...fc.state.orders.keys()]).toEqual(['ORD-1', 'ORD-2', 'ORD-3']);
		expect(jsons(second)).toEqual([
			{ external_id: 'ORD-2', invitationScheduled: true, success: true },
			{ external_id: 'ORD-3', invitationScheduled: true, success: true },
		]);
	});

	it('a freshly issued token that is refused is fetched once more (another process may have fetched after it), then the item fails', async () => {
		fc.state.rejectAllTokens = true;
		const r = await run({ resource: 'shop', operation: 'get' });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] The Feedback Company 401: Unauthorized');
		expect(fc.state.tokenRequests).toBe(2);
		expect(apiRequests()).toHaveLength(2);
		expect(r.credentialsHelper.preAuthCalls.map((c) => c.expired)).toEqual([false, false]);
	});

	it('after two fetched tokens in a row were refused, later requests of the process fetch no more', async () => {
		fc.state.rejectAllTokens = true;
		const first = await run({ resource: 'shop', operation: 'get' });
		expect(first.status).toBe('error');
		const second = await run({ resource: 'shop', operation: 'get' }, undefined, { credentialsHelper: first.credentialsHelper });
		expect(second.status).toBe('error');
		expect(fc.state.tokenRequests).toBe(2);
		expect(apiRequests()).toHaveLength(3);
	});

	it('a stale token that is refused is refreshed; new tokens that are refused too fail the item, at most two fetched', async () => {
		const first = await run({ resource: 'shop', operation: 'get' });
		expect(first.status).toBe('success');
		fc.state.rejectAllTokens = true;
		const r = await run({ resource: 'shop', operation: 'get' }, undefined, { credentialsHelper: first.credentialsHelper });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] The Feedback Company 401: Unauthorized');
		expect(fc.state.tokenRequests).toBe(3);
		expect(apiRequests()).toHaveLength(4);
	});

	it('wrong client credentials: one token request per execution, a clear error without the secret, nothing else sent', async () => {
		const r = await run(createParams(), [orderItem(1), orderItem(2)], {
			credentials: { clientSecret: FC_WRONG_SECRET },
			onError: 'continueRegularOutput',
		});
		expect(r.status).toBe('success');
		expect(jsons(r)[0].error).toBe(
			'[item 0] The Feedback Company did not issue an access token (HTTP 401: Unauthorized). Check the client ID and client secret.',
		);
		expect(jsons(r)[0].details).toEqual({ description: 'The POST /orders request was not sent.' });
		// The second item does not ask again within this execution.
		expect(jsons(r)[1].error).toBe(
			'[item 1] The Feedback Company did not issue an access token (HTTP 401: Unauthorized). Check the client ID and client secret.',
		);
		expect(jsons(r)[1].details).toEqual({
			description: 'The POST /orders request was not sent: the token request already failed for an earlier item of this execution.',
		});
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fc.state.tokenRequests).toBe(1);
		expect(apiRequests()).toHaveLength(0);
		expect(JSON.stringify(r.output)).not.toContain(FC_WRONG_SECRET);
	});

	it('an unreachable token endpoint is reported without the secret in the URL', async () => {
		const r = await run({ resource: 'shop', operation: 'get' }, [{}], {
			credentials: { baseUrl: 'http://127.0.0.1:1/api/v2' },
		});
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] The Feedback Company token endpoint could not be reached (connection refused)');
		expect(JSON.stringify(r.run.data)).not.toContain(FC_CLIENT_SECRET);
	});
});

describe('Order → Create', () => {
	it('sends the documented body built from the fields, with expressions per item', async () => {
		const r = await run(createParams(), [orderItem(1), orderItem(2)]);
		expect(r.status).toBe('success');
		const posts = sim.requestsTo('POST', /\/orders$/);
		expect(posts.map((p) => p.path)).toEqual(['/api/v2/orders', '/api/v2/orders']);
		expect(posts[0].json).toEqual({
			external_id: 'ORD-1',
			customer: { email: 'buyer1@example.com', fullname: 'Buyer 1' },
			invitation: { delay: { unit: 'days', amount: 3 }, reminder: { unit: 'days', amount: 10 } },
			products: [
				{ external_id: 'apple-1', name: 'Red Delicious', url: 'https://shop.example.com/p/apple-1', sku: 'rd001', gtin: '8710103974833' },
			],
			filtercode: 'nl-web',
		});
		expect(posts[0].headers['content-type']).toContain('application/json');
		expect(jsons(r)).toEqual([
			{ external_id: 'ORD-1', invitationScheduled: true, success: true },
			{ external_id: 'ORD-2', invitationScheduled: true, success: true },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('without a reminder the field is omitted (never amount 0); without an invitation, so is the invitation', async () => {
		const r = await run(createParams({ reminder: {} }), [orderItem(1)]);
		expect(r.status).toBe('success');
		const noInvitation = await run(createParams({ sendInvitation: false, products: {}, filtercode: '', customerFullname: '' }), [orderItem(2)]);
		expect(noInvitation.status).toBe('success');
		const [withDelayOnly, bare] = sim.requestsTo('POST', /\/orders$/).map((p) => p.json as IDataObject);
		expect(withDelayOnly.invitation).toEqual({ delay: { unit: 'days', amount: 3 } });
		expect(bare).toEqual({ external_id: 'ORD-2', customer: { email: 'buyer2@example.com' } });
		expect(jsons(noInvitation)[0].invitationScheduled).toBe(false);
	});

	it('JSON mode sends the documented example; a null reminder is dropped', async () => {
		const body = {
			external_id: '08b747cb-e20a-4644-9900-7db115e2f249',
			customer: { email: 'appleseed@example.com', fullname: 'John Appleseed' },
			products: [
				{
					external_id: 'c17b8994-7a31-4dda-b710-a1bb5cd97e55',
					sku: 'rd001',
					gtin: '0075678164125',
					name: 'Red Delicious',
					url: 'https://www.example.com/producs/red-delicious',
					image_url: 'https://www.example.com/images/red-delicious.jpeg',
				},
			],
			invitation: { delay: { unit: 'days', amount: 0 }, reminder: { unit: 'days', amount: 7 } },
			filtercode: 'filtercode1234',
		};
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(body) });
		expect(r.status).toBe('success');
		const noReminder = { ...body, external_id: 'x-2', invitation: { delay: { unit: 'hours', amount: 2 }, reminder: null } };
		const r2 = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(noReminder) });
		expect(r2.status).toBe('success');
		const posts = sim.requestsTo('POST', /\/orders$/);
		expect(posts[0].json).toEqual(body);
		expect((posts[1].json as IDataObject).invitation).toEqual({ delay: { unit: 'hours', amount: 2 } });
	});

	it('rejects every invitation and field rule before sending, naming item and field', async () => {
		const base = { external_id: 'A', customer: { email: 'a@example.com' } };
		const product = { external_id: 'p', name: 'P', url: 'https://shop.example.com/p' };
		const cases: Array<[IDataObject, string]> = [
			[{ ...base, invitation: { delay: { unit: 'days', amount: 0 }, reminder: { unit: 'hours', amount: 23 } } }, 'Reminder (invitation.reminder): {"unit":"hours","amount":23} must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none'],
			[{ ...base, invitation: { delay: { unit: 'days', amount: 2 }, reminder: { unit: 'days', amount: 2 } } }, 'Reminder (invitation.reminder): {"unit":"days","amount":2} must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none'],
			[{ ...base, invitation: { delay: { unit: 'days', amount: 1 }, reminder: { unit: 'days', amount: 0 } } }, 'Reminder (invitation.reminder): {"unit":"days","amount":0} must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none'],
			[{ ...base, invitation: { delay: { unit: 'minutes', amount: 30 }, reminder: { unit: 'minutes', amount: 1469 } } }, 'Reminder (invitation.reminder): {"unit":"minutes","amount":1469} must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none'],
			[{ ...base, invitation: { delay: { unit: 'weekdays', amount: 1 }, reminder: { unit: 'days', amount: 8 } } }, 'Reminder (invitation.reminder.unit): Use weekdays for both the invitation and the reminder, or for neither'],
			[{ ...base, invitation: { delay: { unit: 'days', amount: 1 }, reminder: { unit: 'weekdays', amount: 8 } } }, 'Reminder (invitation.reminder.unit): Use weekdays for both the invitation and the reminder, or for neither'],
			[{ ...base, invitation: { delay: { unit: 'weeks', amount: 1 } } }, 'Invitation Delay (invitation.delay.unit): "weeks" must be one of minutes, hours, days, weekdays'],
			[{ ...base, invitation: { delay: { unit: 'days', amount: -1 } } }, 'Invitation Delay (invitation.delay.amount): -1 must be 0 or more'],
			[{ ...base, invitation: { delay: { unit: 'days', amount: 1.5 } } }, 'Invitation Delay (invitation.delay.amount): 1.5 must be a whole number'],
			[{ ...base, invitation: { reminder: { unit: 'days', amount: 7 } } }, 'Invitation Delay (invitation.delay): is required'],
			[{ ...base, external_id: 'x'.repeat(251) }, 'External ID (external_id): "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" must be at most 250 characters'],
			[{ ...base, external_id: '  ' }, 'External ID (external_id): is required'],
			[{ ...base, customer: { email: 'not-an-email' } }, 'Customer Email (customer.email): "not-an-email" is not a valid e-mail address'],
			[{ ...base, customer: { email: `${'a'.repeat(245)}@example.com` } }, 'Customer Email (customer.email): "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" must be at most 250 characters'],
			[{ ...base, customer: { email: 'a@example.com', fullname: 'y'.repeat(251) } }, 'Customer Full Name (customer.fullname): "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…" must be at most 250 characters'],
			[{ ...base, filtercode: 'z'.repeat(251) }, 'Filter Code (filtercode): "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…" must be at most 250 characters'],
			[{ ...base, products: [{ ...product, url: 'not a url' }] }, 'Products (products[0].url): "not a url" is not a valid URL (http:// or https://)'],
			[{ ...base, products: [{ ...product, url: `https://shop.example.com/${'p'.repeat(1980)}` }] }, 'Products (products[0].url): "https://shop.example.com/pppppppppppppppppppppppppppppppppppppppppppppppppppppp…" must be at most 2000 characters'],
			[{ ...base, products: [product, { ...product, gtin: '0075678164124' }] }, 'Products (products[1].gtin): "0075678164124" is not a valid GTIN-13 (13 digits with a valid check digit)'],
			[{ ...base, products: [{ ...product, gtin: '12345' }] }, 'Products (products[0].gtin): "12345" is not a valid GTIN-13 (13 digits with a valid check digit)'],
			[{ ...base, products: [{ ...product, image_url: 'ftp://x.example.com/a.png' }] }, 'Products (products[0].image_url): "ftp://x.example.com/a.png" is not a valid URL (http:// or https://)'],
			[{ ...base, products: [{ ...product, name: '' }] }, 'Products (products[0].name): is required'],
		];
		const r = await run(
			{ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' },
			cases.map(([body]) => ({ body })),
			{ onError: 'continueRegularOutput' },
		);
		expect(r.status).toBe('success');
		expect(jsons(r).map((j) => j.error)).toEqual(cases.map(([, message], i) => `[item ${i}] ${message}`));
		expect(pairs(r)).toEqual(cases.map((_, i) => ({ item: i })));
		expect(sim.requests).toHaveLength(0);
	});

	it('without On Error: Continue, an invalid item stops the node before anything at all is sent', async () => {
		const r = await run(createParams({ reminder: { value: { unit: 'hours', amount: 12 } } }), [orderItem(1)]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(
			'[item 0] Reminder (invitation.reminder): {"unit":"hours","amount":12} must be at least 24 hours after the invitation (both count from the order registration); leave the reminder out to send none',
		);
		expect(sim.requests).toHaveLength(0);

		const mixed = await run(createParams(), [orderItem(1), { ...orderItem(2), email: 'broken' }, orderItem(3)]);
		expect(mixed.status).toBe('error');
		expect(mixed.error?.message).toBe('[item 1] Customer Email (customer.email): "broken" is not a valid e-mail address');
		expect(sim.requests).toHaveLength(0);
		expect(fc.state.tokenRequests).toBe(0);
	});

	it('a create is not repeated after a server error; a read is', async () => {
		sim.inject({ times: 1, status: 502, body: 'Bad gateway', match: (req) => req.method === 'POST' });
		const r = await run(createParams(), [orderItem(1)], { onError: 'continueRegularOutput' });
		expect(jsons(r)[0].error).toBe('[item 0] The Feedback Company 502: Bad gateway');
		expect(fc.state.orders.size).toBe(0);

		sim.inject({ times: 1, status: 503, body: { success: false, error: 'Maintenance' }, match: (req) => req.path.endsWith('/shop') });
		const shop = await run({ resource: 'shop', operation: 'get' });
		expect(shop.status).toBe('success');
		expect(jsons(shop)[0].name).toBe('Test shop');
	});

	it('a 422 from the API names the problem', async () => {
		// The API, not the node, rejects a duplicate-looking payload here: the simulator checks too.
		const r = await run(
			{ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify({ external_id: 'A', customer: { email: 'a@example.com' }, products: 'none' }) },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(jsons(r)[0].error).toBe('[item 0] Products (products): "none" must be a list');
		sim.inject({ times: 1, status: 422, body: { success: false, error: 'external_id already exists' }, match: (req) => req.method === 'POST' });
		const dup = await run(createParams(), [orderItem(1)], { onError: 'continueRegularOutput' });
		expect(jsons(dup)[0]).toEqual({ error: '[item 0] The Feedback Company 422: external_id already exists', details: { httpCode: '422' } });
	});
});

describe('Invitation', () => {
	it('Get returns the invitation with ids as strings; a missing one is a paired error item', async () => {
		fc.seedInvitations(2);
		const r = await run({ resource: 'invitation', operation: 'get', invitationId: '={{ $json.id }}' }, [{ id: '5001' }, { id: '99' }], {
			onError: 'continueRegularOutput',
		});
		expect(sim.requestsTo('GET', /\/invitations\//).map((q) => q.path)).toEqual(['/api/v2/invitations/5001', '/api/v2/invitations/99']);
		expect(jsons(r)[0]).toEqual({
			id: '5001',
			order_id: '1001',
			is_sent: true,
			send_at: '2018-04-01T00:01:00Z',
			send_reminder_at: '2018-04-08T00:01:00Z',
			is_reminder_sent: false,
			created_at: '2018-04-01T00:01:00Z',
		});
		expect(jsons(r)[1].error).toBe('[item 1] The Feedback Company 404: Invitation not found');
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Get Many with Return All pages with page_size 1000, one page at a time, each page once', async () => {
		const seeded = fc.seedInvitations(2345);
		fc.handlerDelayMs = 5;
		const r = await run({ resource: 'invitation', operation: 'getAll', returnAll: true, sort: 'created_at' });
		expect(r.status).toBe('success');
		expect(r.output).toHaveLength(2345);
		expect(jsons(r).map((i) => i.id)).toEqual(seeded.map((i) => String(i.id)));
		expect(sim.requestsTo('GET', /\/invitations$/).map((q) => q.query)).toEqual([
			{ sort: 'created_at', page: '1', page_size: '1000' },
			{ sort: 'created_at', page: '2', page_size: '1000' },
			{ sort: 'created_at', page: '3', page_size: '1000' },
		]);
		expect(fc.state.maxInFlight).toBe(1);
		expect(r.output.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Get Many with a limit asks for just that many, newest first by default', async () => {
		const seeded = fc.seedInvitations(40);
		const r = await run({ resource: 'invitation', operation: 'getAll', limit: 30 });
		expect(r.output).toHaveLength(30);
		expect(jsons(r)[0].id).toBe(String(seeded[39].id));
		expect(sim.requestsTo('GET', /\/invitations$/).map((q) => q.query)).toEqual([{ sort: '-created_at', page: '1', page_size: '30' }]);
	});

	it('an account without product reviews gets a clear error', async () => {
		fc.state.productReviewsEnabled = false;
		const r = await run({ resource: 'invitation', operation: 'getAll', returnAll: true });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] The Feedback Company 403: No access');
		expect(r.error?.description).toBe(
			'Invitations and product reviews are available only to accounts that collect both merchant and product reviews.',
		);
	});
});

describe('Shop and Product Review', () => {
	it('Shop → Get returns the shop record', async () => {
		const r = await run({ resource: 'shop', operation: 'get' });
		expect(jsons(r)).toEqual([{ id: '42', name: 'Test shop', url: 'https://shop.example.com', productReviewsEnabled: true }]);
		expect(sim.requestsTo('GET', /\/shop$/)).toHaveLength(1);
	});

	it('Product Review → Get Many filters by product and sorts', async () => {
		fc.seedProductReviews(5, 'apple-1');
		fc.seedProductReviews(3, 'pear-2');
		const r = await run({
			resource: 'productReview',
			operation: 'getAll',
			returnAll: true,
			filters: { productExternalId: 'apple-1' },
			sort: '-score',
		});
		expect(r.status).toBe('success');
		expect(sim.requestsTo('GET', /\/product-reviews$/)[0].query).toEqual({
			product_external_id: 'apple-1',
			sort: '-score',
			page: '1',
			page_size: '1000',
		});
		expect(r.output).toHaveLength(5);
		const scores = jsons(r).map((j) => j.score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(jsons(r).every((j) => j.product_external_id === 'apple-1' && typeof j.id === 'string')).toBe(true);
	});

	it('Product Review → Get Aggregate reads the product from each item', async () => {
		fc.seedProductReviews(4, 'apple-1');
		const r = await run({ resource: 'productReview', operation: 'getAggregate', productExternalId: '={{ $json.p }}' }, [{ p: 'apple-1' }, { p: 'none' }]);
		expect(sim.requestsTo('GET', /aggregate$/).map((q) => q.query)).toEqual([{ product_external_id: 'apple-1' }, { product_external_id: 'none' }]);
		expect(jsons(r)[0].amount_of_reviews).toBe(4);
		expect(jsons(r)[1]).toEqual({ amount_of_reviews: 0, average_score: 0 });
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('an empty product external ID is refused before sending', async () => {
		const r = await run({ resource: 'productReview', operation: 'getAggregate', productExternalId: '={{ $json.p }}' }, [{ p: ' ' }]);
		expect(r.error?.message).toBe('[item 0] productExternalId: Required');
		expect(sim.requests).toHaveLength(0);
	});

	it('a 200 answer that says success: false is an error', async () => {
		sim.inject({ times: 1, status: 200, body: { success: false, error: 'Shop is disabled' }, match: (req) => req.path.endsWith('/shop') });
		const r = await run({ resource: 'shop', operation: 'get' });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] The Feedback Company: Shop is disabled');
	});
});

describe('credential', () => {
	it('the credential test (GET /shop) fetches a token once, reuses it, and fails for an edited wrong secret', async () => {
		const type = new FeedbackCompanyApi();
		const data = { clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${sim.url}/api/v2`, accessToken: '' };

		const first = await testCredential(type, data);
		expect(first.status).toBe('OK');
		expect(fc.state.tokenRequests).toBe(1);
		expect(sim.requests.at(-1)?.path).toBe('/api/v2/shop');
		const helper = first.credentialsHelper;

		expect((await testCredential(type, data, helper)).status).toBe('OK');
		expect(fc.state.tokenRequests).toBe(1);

		// The user edits the secret to a wrong one: the stored token must not make the test pass.
		helper.stored.feedbackCompanyApi.clientSecret = FC_WRONG_SECRET;
		const shopCalls = sim.requests.filter((q) => q.path.endsWith('/shop')).length;
		const wrong = await testCredential(type, data, helper);
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('did not issue an access token');
		expect(wrong.message).not.toContain(FC_WRONG_SECRET);
		expect(sim.requests.filter((q) => q.path.endsWith('/shop'))).toHaveLength(shopCalls);

		// Back to the right secret: the token issued for it still works, no new token is needed.
		helper.stored.feedbackCompanyApi.clientSecret = FC_CLIENT_SECRET;
		expect((await testCredential(type, data, helper)).status).toBe('OK');
		expect(fc.state.tokenRequests).toBe(2);
	});

	it('the credential test refreshes a token that was invalidated elsewhere', async () => {
		const type = new FeedbackCompanyApi();
		const data = { clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${sim.url}/api/v2`, accessToken: '' };
		const { credentialsHelper } = await testCredential(type, data);
		fc.issueToken();
		expect((await testCredential(type, data, credentialsHelper)).status).toBe('OK');
		expect(credentialsHelper.preAuthCalls.map((c) => c.expired)).toEqual([false, true]);
	});

	it('secrets never reach output, errors or logs', async () => {
		await run(createParams(), [orderItem(1)]);
		sim.inject({ times: 1, status: 500, body: `boom ${FC_CLIENT_SECRET}`, match: (req) => req.method === 'POST' });
		const r = await run(createParams(), [orderItem(2)], { onError: 'continueRegularOutput' });
		const everything = JSON.stringify(r.run.data) + capturedLogs();
		expect(jsons(r)[0].error).toBe('[item 0] The Feedback Company 500: boom [redacted]');
		for (const secret of [FC_CLIENT_SECRET, ...fc.state.issued]) expect(everything).not.toContain(secret);
	});
});
