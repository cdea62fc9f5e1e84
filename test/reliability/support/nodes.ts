import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

import { EsputnikApi } from '../../../credentials/EsputnikApi.credentials';
import { FeedbackCompanyApi } from '../../../credentials/FeedbackCompanyApi.credentials';
import { MailerLiteEcommerceApi } from '../../../credentials/MailerLiteEcommerceApi.credentials';
import { MontlyApi } from '../../../credentials/MontlyApi.credentials';
import { MontoApi } from '../../../credentials/MontoApi.credentials';
import { Esputnik } from '../../../nodes/Esputnik/Esputnik.node';
import { FeedbackCompany } from '../../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { Montly } from '../../../nodes/Montly/Montly.node';
import { Monto } from '../../../nodes/Monto/Monto.node';

/** Every action node of the package with its credential type, as the harness takes them. */
export interface NodeUnderTest {
	type: string;
	node: INodeType;
	credentialName: string;
	credentialType: ICredentialType;
}

export const NODES: NodeUnderTest[] = [
	{ type: 'mailerLiteEcommerce', node: new MailerLiteEcommerce(), credentialName: 'mailerLiteEcommerceApi', credentialType: new MailerLiteEcommerceApi() },
	{ type: 'esputnik', node: new Esputnik(), credentialName: 'esputnikApi', credentialType: new EsputnikApi() },
	{ type: 'monto', node: new Monto(), credentialName: 'montoApi', credentialType: new MontoApi() },
	{ type: 'feedbackCompany', node: new FeedbackCompany(), credentialName: 'feedbackCompanyApi', credentialType: new FeedbackCompanyApi() },
	{ type: 'montly', node: new Montly(), credentialName: 'montlyApi', credentialType: new MontlyApi() },
];

export const nodeTypesOf = (n: NodeUnderTest) => ({ [n.type]: n.node });
export const credentialTypesOf = (n: NodeUnderTest) => ({ [n.credentialName]: n.credentialType });

/** Every resource/operation pair the node's description offers. */
export function operationsOf(n: NodeUnderTest): Array<{ resource: string; operation: string }> {
	const properties = n.node.description.properties;
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
	return resources.flatMap(({ value: resource }) =>
		properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => (p.options as Array<{ value: string }>).map(({ value }) => ({ resource, operation: value }))),
	);
}

/** The properties shown for a resource/operation (and, when given, an input mode). */
export function propertiesOf(n: NodeUnderTest, resource: string, operation: string): INodeProperties[] {
	return n.node.description.properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show.operation?.includes(operation);
	});
}
