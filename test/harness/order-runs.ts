import type { IDataObject } from 'n8n-workflow';

import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import { MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { TestCredentialsHelper } from './credentials-helper';
import type { RunOptions } from './run-workflow';

/*
 * The single-order runs that the many-executions and Retry-On-Fail suites send by the hundred: one
 * order per input item, each node reading the item's order number and e-mail.
 */

const feedbackCompanyTypes = { feedbackCompanyApi: new FeedbackCompanyApi() };

/** A credential store with The Feedback Company's simulator credential, as n8n's database holds it. */
export const feedbackCompanyStore = (simUrl: string, accessToken = '') =>
	new TestCredentialsHelper(feedbackCompanyTypes, {
		feedbackCompanyApi: { clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${simUrl}/api/v2`, accessToken },
	});

/** The Feedback Company Order → Create of each item's `orderId` and `email` (credentials from a store). */
export const feedbackCompanyOrderRun = (items: IDataObject[] = []): RunOptions => ({
	node: {
		type: 'feedbackCompany',
		parameters: {
			resource: 'order',
			operation: 'create',
			external_id: '={{ $json.orderId }}',
			customerEmail: '={{ $json.email }}',
			customerFullname: 'Ann Example',
			sendInvitation: true,
			delay: { value: { unit: 'days', amount: 3 } },
			reminder: { value: { unit: 'days', amount: 10 } },
		},
		credentials: ['feedbackCompanyApi'],
	},
	nodeTypes: { feedbackCompany: new FeedbackCompany() },
	credentialTypes: feedbackCompanyTypes,
	credentials: {},
	items,
});

/** MailerLite Order → Create in shop `shopId` of one order per item, from the item's `email`. */
export const mailerLiteOrderRun = (simUrl: string, shopId: string, items: IDataObject[] = []): RunOptions => ({
	node: {
		type: 'mailerLiteEcommerce',
		parameters: {
			resource: 'order',
			operation: 'create',
			shopId: { __rl: true, mode: 'id', value: shopId },
			customerEmail: '={{ $json.email }}',
			cartItems: { item: [{ ecommerce_product_id: 'SKU-1', variant: '', quantity: 1, price: 10 }] },
			additionalFields: { status: 'complete' },
		},
	},
	nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
	credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
	credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${simUrl}/api` } },
	items,
});
