import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INode, INodeParameters, INodeType } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { Montly } from '../../nodes/Montly/Montly.node';
import { Monto } from '../../nodes/Monto/Monto.node';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import type { Simulator } from '../simulators/base';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { createFeedbackCompanySimulator, FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';

/*
 * The five providers' order operations side by side, each against its simulator, for tests that
 * send the same shop order to all of them. Call `fiveProviders()` once at the top of a test file.
 */

export type ProviderName = 'esputnik' | 'mailerLite' | 'monto' | 'feedbackCompany' | 'montly';

interface Provider {
	type: string;
	node: INodeType;
	credentialType: string;
	credentialClass: ICredentialType;
	credential: () => ICredentialDataDecryptedObject;
	parameters: () => INodeParameters;
	/** The path of the order write. */
	writes: RegExp;
	sim: Simulator;
}

export function fiveProviders() {
	const es = createEsputnikSimulator();
	const ml = createMailerLiteSimulator();
	const monto = createMontoSimulator();
	const fc = createFeedbackCompanySimulator();
	const montly = createMontlySimulator();
	let shopId = '';

	serveForTests(es.sim, () => es.clear());
	serveForTests(ml.sim, () => {
		for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
		shopId = ml.seedShop({ name: 'Demo shop' }).id;
	});
	serveForTests(monto.sim, () => monto.clear());
	serveForTests(fc.sim, () => fc.resetState());
	serveForTests(montly.sim, () => montly.resetState());

	const providers: Record<ProviderName, Provider> = {
		esputnik: {
			type: 'esputnik',
			node: new Esputnik(),
			credentialType: 'esputnikApi',
			credentialClass: new EsputnikApi(),
			credential: () => ({ apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` }),
			parameters: () => ({ resource: 'order', operation: 'upsert' }),
			writes: /^\/api\/v1\/orders$/,
			sim: es.sim,
		},
		mailerLite: {
			type: 'mailerLiteEcommerce',
			node: new MailerLiteEcommerce(),
			credentialType: 'mailerLiteEcommerceApi',
			credentialClass: new MailerLiteEcommerceApi(),
			credential: () => ({ apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` }),
			parameters: () => ({ resource: 'order', operation: 'create', shopId: { __rl: true, mode: 'id', value: shopId } }),
			writes: /\/orders$/,
			sim: ml.sim,
		},
		monto: {
			type: 'monto',
			node: new Monto(),
			credentialType: 'montoApi',
			credentialClass: new MontoApi(),
			credential: () => ({ apiKey: MONTO_API_KEY, baseUrl: monto.sim.url }),
			parameters: () => ({ resource: 'order', operation: 'upsert', options: { requestInterval: 0 } }),
			writes: /^\/orders$/,
			sim: monto.sim,
		},
		feedbackCompany: {
			type: 'feedbackCompany',
			node: new FeedbackCompany(),
			credentialType: 'feedbackCompanyApi',
			credentialClass: new FeedbackCompanyApi(),
			credential: () => ({ clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${fc.sim.url}/api/v2`, accessToken: '' }),
			parameters: () => ({
				resource: 'order',
				operation: 'create',
				sendInvitation: true,
				delay: { value: { unit: 'days', amount: 7 } },
				productUrl: 'https://shop.example.com/products/{sku}',
			}),
			writes: /\/orders$/,
			sim: fc.sim,
		},
		montly: {
			type: 'montly',
			node: new Montly(),
			credentialType: 'montlyApi',
			credentialClass: new MontlyApi(),
			credential: () => ({ apiKey: MONTLY_API_KEY, baseUrl: montly.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET }),
			parameters: () => ({ resource: 'order', operation: 'create', orgNumber: '559089-4308', months: 24, tariff: 1.47 }),
			writes: /^\/v1\/orders$/,
			sim: montly.sim,
		},
	};

	/** Runs one provider's node with exactly these parameters. */
	async function runNode(
		name: ProviderName,
		parameters: INodeParameters,
		items: IDataObject[],
		onError?: INode['onError'],
		typeVersion?: number,
	) {
		const p = providers[name];
		return await runWorkflow({
			node: { type: p.type, typeVersion, parameters, onError },
			nodeTypes: { [p.type]: p.node },
			credentialTypes: { [p.credentialType]: p.credentialClass },
			credentials: { [p.credentialType]: p.credential() },
			items,
		});
	}

	/** Runs one provider's order operation on `items` (Input Mode Shopify Order unless `extra` says otherwise). */
	async function run(name: ProviderName, items: IDataObject[], extra: INodeParameters = {}) {
		return await runNode(name, { ...providers[name].parameters(), inputMode: 'shopifyOrder', ...extra }, items);
	}

	/** The bodies of the order writes one provider's simulator received. */
	const writes = (name: ProviderName) =>
		providers[name].sim.requests
			.filter((r) => r.method === 'POST' && providers[name].writes.test(r.path))
			.map((r) => r.json as IDataObject);

	/** Every request any of the five simulators received, as URL and raw body. */
	const allRequests = () =>
		Object.values(providers).flatMap((p) => p.sim.requests.map((r) => `${r.rawUrl} ${r.text}`));

	return {
		run,
		runNode,
		writes,
		allRequests,
		names: Object.keys(providers) as ProviderName[],
		sims: Object.values(providers).map((p) => p.sim),
		simulators: { esputnik: es, mailerLite: ml, monto, feedbackCompany: fc, montly },
		shopId: () => shopId,
	};
}
