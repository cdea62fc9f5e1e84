import type { INodeParameters, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { Montly } from '../../nodes/Montly/Montly.node';
import { MontlyTrigger } from '../../nodes/MontlyTrigger/MontlyTrigger.node';
import { Monto } from '../../nodes/Monto/Monto.node';

/*
 * What the editor does when a node is added from the nodes panel: it resolves the parameter
 * defaults for the chosen resource and operation (getDefaultNodeName → NodeHelpers.
 * getNodeParameters with returnDefaults). A default that n8n-workflow cannot resolve makes the
 * node impossible to add, with an error toast, and the same happens in n8n-core to a saved
 * workflow that leaves the parameter out. Every node × resource × operation × input mode here.
 */

const NODES: INodeType[] = [
	new MailerLiteEcommerce(),
	new Esputnik(),
	new Monto(),
	new FeedbackCompany(),
	new Montly(),
	new MontlyTrigger(),
];

const values = (p: INodeProperties) => (p.options ?? []).map((o) => (o as { value: string }).value);

/** The options of the properties named `name` shown for `context`, or [undefined] when none is. */
function choices(d: INodeTypeDescription, version: number, name: string, context: INodeParameters): Array<string | undefined> {
	const shown = d.properties.filter(
		(p) => p.name === name && NodeHelpers.displayParameter(context, p, { typeVersion: version }, d),
	);
	const all = [...new Set(shown.flatMap(values))];
	return all.length ? all : [undefined];
}

interface Case {
	title: string;
	node: INodeTypeDescription;
	version: number;
	context: INodeParameters;
}

const versionsOf = (d: INodeTypeDescription) => (Array.isArray(d.version) ? d.version : [d.version]);

const CASES: Case[] = NODES.flatMap(({ description: node }) =>
	versionsOf(node).flatMap((version) =>
		choices(node, version, 'resource', {}).flatMap((resource) => {
			const withResource: INodeParameters = resource === undefined ? {} : { resource };
			return choices(node, version, 'operation', withResource).flatMap((operation) => {
				const withOperation: INodeParameters =
					operation === undefined ? withResource : { ...withResource, operation };
				return choices(node, version, 'inputMode', withOperation).flatMap((inputMode) => {
					const context = inputMode === undefined ? withOperation : { ...withOperation, inputMode };
					const title = [`${node.displayName} v${version}`, resource, operation, inputMode].filter(Boolean).join(' → ');
					// Each list of line items also as a list (Fields mode): its choice shows other parameters.
					const lists = node.properties.filter(
						(p) => p.name.endsWith('Input') && p.name !== 'inputMode' && NodeHelpers.displayParameter(context, p, { typeVersion: version }, node),
					);
					return [
						{ title, node, version, context },
						...lists.map((p) => ({ title: `${title} → ${p.name}: list`, node, version, context: { ...context, [p.name]: 'list' } })),
					];
				});
			});
		}),
	),
);

describe('every operation resolves its parameter defaults as the editor does', () => {
	it('walks every node, resource, operation and input mode', () => {
		expect(new Set(CASES.map((c) => c.node.name)).size).toBe(NODES.length);
		// FeedbackCompany Order → Create has four input modes; a walk that found fewer is broken.
		const fc = CASES.filter((c) => c.node.name === 'feedbackCompany' && c.context.operation === 'create');
		expect(fc.map((c) => [c.context.inputMode, c.context.productsInput])).toEqual([
			['fields', undefined],
			['fields', 'list'],
			['json', undefined],
			['shopifyOrder', undefined],
			['wooCommerceOrder', undefined],
		]);
		// MailerLite has two versions, and its cart items can be a list in both.
		const ml = CASES.filter((c) => c.node.name === 'mailerLiteEcommerce' && c.context.operation === 'create' && c.context.resource === 'order');
		expect(ml.map((c) => [c.version, c.context.inputMode, c.context.cartItemsInput])).toEqual(
			[1, 1.1].flatMap((v) => [[v, 'fields', undefined], [v, 'fields', 'list'], [v, 'json', undefined], [v, 'shopifyOrder', undefined], [v, 'wooCommerceOrder', undefined]]),
		);
		expect(CASES.length).toBeGreaterThan(40);
	});

	it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, { node, version, context }) => {
		// The editor first resolves with only what the nodes panel sets (resource and operation).
		const panel = Object.fromEntries(Object.entries(context).filter(([key]) => key === 'resource' || key === 'operation'));
		for (const given of [panel, context]) {
			const resolved = NodeHelpers.getNodeParameters(node.properties, given, true, false, { typeVersion: version }, node);
			expect(resolved).not.toBeNull();
			for (const [key, value] of Object.entries(given)) expect(resolved![key]).toEqual(value);
			// Every top-level parameter shown for these values gets its default.
			const shown = node.properties.filter(
				(p) => p.type !== 'notice' && NodeHelpers.displayParameter(resolved!, p, { typeVersion: version }, node),
			);
			for (const p of shown) expect(Object.keys(resolved!)).toContain(p.name);
		}
	});
});
