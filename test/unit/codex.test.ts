/*
 * What a new user finds in n8n's nodes panel (issue 22.1). The panel searches each entry's display
 * name and its codex `alias` (nodes/<Node>/<Node>.node.json, read by n8n-core's DirectoryLoader), so
 * the words users search for ("order", "review", "leasing", "Yespo", …) are aliases. And the panel
 * shows a node and its trigger as one entry: n8n 2.x's editor (useActionsGeneration.ts,
 * generateMergedNodesAndActions) merges `<package>.<name>Trigger` into `<package>.<name>` when the
 * node has actions, and gives the entry the trigger's description ("default to trigger
 * description"). That is why searching "montly" showed the trigger's "Starts the workflow when…":
 * the Montly Trigger's description now leads with the Montly node's actions.
 * (Checked in the editor bundle of n8n 2.40.7: `s.description=r.description` in
 * generateMergedNodesAndActions; the search keys are displayName, weight 1.3, and codex.alias, 1.)
 */
import { fs, path } from '../support/builtins';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription } from 'n8n-workflow';

import { ROOT } from '../../scripts/lib/package';

const NODES = ['MailerLiteEcommerce', 'Esputnik', 'FeedbackCompany', 'Monto', 'Montly', 'MontlyTrigger'] as const;

const codexOf = (node: string) =>
	JSON.parse(fs.readFileSync(path.join(ROOT, 'nodes', node, `${node}.node.json`), 'utf8')) as {
		node: string;
		alias?: string[];
	};

/** The words each node must be found by (issue 22.1: whichever apply to the node). */
const MUST_FIND: Record<(typeof NODES)[number], string[]> = {
	MailerLiteEcommerce: ['order', 'orders', 'e-commerce', 'ecommerce', 'shop'],
	Esputnik: ['order', 'orders', 'e-commerce', 'ecommerce', 'shop', 'Yespo'],
	FeedbackCompany: ['order', 'orders', 'e-commerce', 'ecommerce', 'shop', 'review', 'reviews', 'invitation'],
	Monto: ['order', 'orders', 'e-commerce', 'ecommerce', 'shop', 'review', 'reviews'],
	Montly: ['order', 'orders', 'e-commerce', 'ecommerce', 'shop', 'lease', 'leasing'],
	MontlyTrigger: ['order', 'orders', 'lease', 'leasing'],
};

/** A trimmed copy of n8n's merge of a trigger into its node's panel entry (see the header). */
function mergePanelEntries(types: INodeTypeDescription[], actionsOf: (t: INodeTypeDescription) => number) {
	const entries = types
		.filter((t) => !t.group.includes('trigger'))
		.map((t) => ({ name: t.name, displayName: t.displayName, description: t.description, codex: t.codex, mergedTrigger: false }));
	for (const trigger of types.filter((t) => t.group.includes('trigger'))) {
		const appName = trigger.name.replace('Trigger', '');
		const app = entries.find((e) => e.name === appName);
		const appType = types.find((t) => t.name === appName);
		if (app && appType && actionsOf(appType) > 0) {
			app.description = trigger.description;
			app.mergedTrigger = true;
		} else {
			entries.push({ ...trigger, codex: trigger.codex, mergedTrigger: false });
		}
	}
	return entries;
}

/** Whether a panel entry is found by `query` on its display name or an alias (substring, as a plain search would). */
function finds(entry: { displayName: string; codex?: { alias?: string[] } }, query: string): boolean {
	const q = query.toLowerCase();
	return [entry.displayName, ...(entry.codex?.alias ?? [])].some((text) => text.toLowerCase().includes(q));
}

describe('search aliases in the codex', () => {
	it.each(NODES.map((n) => [n]))('%s is found by the words its users search for', (node) => {
		const { alias } = codexOf(node);
		expect(alias).toEqual(expect.arrayContaining(MUST_FIND[node]));
		// Each alias once (case-insensitive), a non-empty string, not the display name again.
		const lower = alias!.map((a) => a.toLowerCase());
		expect(new Set(lower).size).toBe(lower.length);
		for (const a of alias!) expect(a.trim()).toBe(a);
		expect(lower.every((a) => a.length > 0)).toBe(true);
	});

	it('names no other provider in a node\'s aliases', () => {
		const providers: Record<string, string[]> = {
			MailerLiteEcommerce: ['mailerlite'],
			Esputnik: ['esputnik', 'yespo'],
			FeedbackCompany: ['feedback company'],
			Monto: ['monto', 'webflow'],
			Montly: ['montly', 'leasecloud'],
			MontlyTrigger: ['montly', 'leasecloud'],
		};
		for (const node of NODES) {
			const own = providers[node];
			const foreign = Object.values(providers)
				.flat()
				.filter((w) => !own.includes(w));
			for (const a of codexOf(node).alias!) {
				for (const word of foreign) expect([node, a, a.toLowerCase().includes(word)]).toEqual([node, a, false]);
			}
		}
	});
});

describe("the nodes as n8n loads them (n8n-core's PackageDirectoryLoader on this package's dist/)", () => {
	let types: INodeTypeDescription[];

	beforeAll(async () => {
		const loader = new PackageDirectoryLoader(ROOT);
		await loader.loadAll();
		types = Object.values(loader.nodeTypes).map(({ type }) => {
			const t = type as { description?: INodeTypeDescription; nodeVersions?: Record<number, { description: INodeTypeDescription }> };
			return t.description ?? Object.values(t.nodeVersions!).at(-1)!.description;
		});
	});

	it('carry the aliases of their codex', () => {
		for (const node of NODES) {
			const name = codexOf(node).node.split('.')[1];
			const type = types.find((t) => t.name === name);
			expect(type?.codex?.alias).toEqual(codexOf(node).alias);
		}
	});

	/** The number of actions n8n's panel lists for a node: its operations (resource × operation). */
	const actionsOf = (t: INodeTypeDescription) =>
		t.properties.filter((p) => p.name === 'operation' && p.type === 'options').reduce((n, p) => n + (p.options?.length ?? 0), 0);

	it('are all five found by "order"; "yespo", "review", "invitation", "lease" and "e-commerce" find their nodes', () => {
		const entries = mergePanelEntries(types, actionsOf);
		const found = (q: string) => entries.filter((e) => finds(e, q)).map((e) => e.displayName).sort();
		expect(found('order')).toEqual(['Montly', 'Monto', 'MailerLite E-Commerce', 'The Feedback Company', 'eSputnik'].sort());
		expect(found('yespo')).toEqual(['eSputnik']);
		expect(found('review')).toEqual(['Monto', 'The Feedback Company']);
		expect(found('invitation')).toEqual(['The Feedback Company']);
		expect(found('lease')).toEqual(['Montly']);
		expect(found('e-commerce')).toHaveLength(5);
	});

	it('show Montly as one entry whose description leads with its actions, then names the trigger', () => {
		const entries = mergePanelEntries(types, actionsOf);
		const montly = entries.filter((e) => finds(e, 'montly'));
		expect(montly).toHaveLength(1);
		expect(montly[0]).toMatchObject({ displayName: 'Montly', mergedTrigger: true });
		expect(montly[0].description).toMatch(/^Create, cancel and ship Montly leasing orders \(Montly actions\)/);
		expect(montly[0].description).toContain('(Montly Trigger)');
		expect(montly[0].description).not.toMatch(/^Starts/);
		// The Montly node's own description (its page and the AI tool) is action-first as well.
		expect(types.find((t) => t.name === 'montly')!.description).toMatch(/^Create, cancel and ship/);
	});

	it('keep the service-status notice off the Montly nodes (it lives in docs/montly.md and the credential)', () => {
		for (const name of ['montly', 'montlyTrigger']) {
			const type = types.find((t) => t.name === name)!;
			expect(type.description).not.toMatch(/no longer be operated/);
			for (const p of type.properties) expect([p.name, p.displayName]).not.toEqual([p.name, expect.stringMatching(/no longer be operated/)]);
		}
	});
});
