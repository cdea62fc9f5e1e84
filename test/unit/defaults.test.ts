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

/** The options of the first property named `name` shown for `context`, or [undefined] when none is. */
function choices(d: INodeTypeDescription, name: string, context: INodeParameters): Array<string | undefined> {
	const shown = d.properties.filter(
		(p) => p.name === name && NodeHelpers.displayParameter(context, p, { typeVersion: 1 }, d),
	);
	const all = [...new Set(shown.flatMap(values))];
	return all.length ? all : [undefined];
}

interface Case {
	title: string;
	node: INodeTypeDescription;
	context: INodeParameters;
}

const CASES: Case[] = NODES.flatMap(({ description: node }) =>
	choices(node, 'resource', {}).flatMap((resource) => {
		const withResource: INodeParameters = resource === undefined ? {} : { resource };
		return choices(node, 'operation', withResource).flatMap((operation) => {
			const withOperation: INodeParameters =
				operation === undefined ? withResource : { ...withResource, operation };
			return choices(node, 'inputMode', withOperation).map((inputMode) => ({
				title: [node.displayName, resource, operation, inputMode].filter(Boolean).join(' → '),
				node,
				context: inputMode === undefined ? withOperation : { ...withOperation, inputMode },
			}));
		});
	}),
);

describe('every operation resolves its parameter defaults as the editor does', () => {
	it('walks every node, resource, operation and input mode', () => {
		expect(new Set(CASES.map((c) => c.node.name)).size).toBe(NODES.length);
		// FeedbackCompany Order → Create has four input modes; a walk that found fewer is broken.
		const fc = CASES.filter((c) => c.node.name === 'feedbackCompany' && c.context.operation === 'create');
		expect(fc.map((c) => c.context.inputMode)).toEqual(['fields', 'json', 'shopifyOrder', 'wooCommerceOrder']);
		expect(CASES.length).toBeGreaterThan(40);
	});

	it.each(CASES.map((c) => [c.title, c] as const))('%s', (_title, { node, context }) => {
		// The editor first resolves with only what the nodes panel sets (resource and operation).
		const panel = { ...context };
		delete panel.inputMode;
		for (const given of [panel, context]) {
			const resolved = NodeHelpers.getNodeParameters(node.properties, given, true, false, { typeVersion: 1 }, node);
			expect(resolved).not.toBeNull();
			for (const [key, value] of Object.entries(given)) expect(resolved![key]).toEqual(value);
			// Every top-level parameter shown for these values gets its default.
			const shown = node.properties.filter(
				(p) => p.type !== 'notice' && NodeHelpers.displayParameter(resolved!, p, { typeVersion: 1 }, node),
			);
			for (const p of shown) expect(Object.keys(resolved!)).toContain(p.name);
		}
	});
});
