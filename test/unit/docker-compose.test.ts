/*
 * examples/docker-compose.queue.yml and examples/Dockerfile.queue against the queue-mode rig that
 * `npm run test:queue` runs (scripts/lib/queue.js): the same n8n image version, the same n8n
 * commands per role, and the same environment names and values in every n8n service.
 */
import {
	DEPLOYMENT_ENV_NAMES,
	N8N_VERSION,
	SHARED_ENV,
	WORKER_CONCURRENCY,
	queueEnv,
	roleArgs,
} from '../../scripts/lib/queue';
import { parseYaml, readQueueExample } from '../../scripts/lib/queue-compose';

type Service = {
	image?: string;
	build?: { context: string; dockerfile: string };
	command?: string[];
	environment?: Record<string, string>;
	volumes?: string[];
	ports?: string[];
};

const { compose, dockerfile } = readQueueExample();
const services = compose.services as Record<string, Service>;
const n8nServices = Object.entries(services).filter(
	([, s]) => s.build?.dockerfile === 'examples/Dockerfile.queue',
);
const roleOf = (s: Service) => (s.command?.[0] === 'start' ? 'main' : (s.command?.[0] as string));

/** The rig's environment of one role, as scripts/lib/queue.js builds it for a process. */
function rigEnv(role: 'main' | 'worker' | 'webhook') {
	const runtime = { env: (base: Record<string, string>) => ({ ...base }) };
	return queueEnv({
		runtime,
		role,
		userFolder: '/tmp/rig/x',
		port: role === 'worker' ? undefined : 15678,
		brokerPort: 15679,
		healthPort: role === 'worker' ? 15681 : undefined,
		db: { host: '127.0.0.1', port: 15432, password: 'pw' },
		redis: { host: '127.0.0.1', port: 16379 },
		encryptionKey: 'key',
		mainUrl: 'http://127.0.0.1:15678',
	}) as Record<string, string>;
}

describe('examples/docker-compose.queue.yml', () => {
	it('has main, two workers, a webhook processor, PostgreSQL and Redis', () => {
		expect(n8nServices.map(([, s]) => roleOf(s)).sort()).toEqual([
			'main',
			'webhook',
			'worker',
			'worker',
		]);
		expect(services.postgres?.image).toMatch(/^postgres:\d+/);
		expect(services.redis?.image).toMatch(/^redis:\d+/);
	});

	it(`builds every n8n service from Dockerfile.queue on n8nio/n8n:${N8N_VERSION}, the rig's n8n version`, () => {
		expect(dockerfile).toMatch(
			new RegExp(`^FROM n8nio/n8n:${N8N_VERSION.replace(/\./g, '\\.')}$`, 'm'),
		);
		expect(dockerfile.match(/^FROM /gm)).toHaveLength(1);
		for (const [name, s] of n8nServices) {
			expect({ name, tag: s.image?.split(':').pop() }).toEqual({ name, tag: N8N_VERSION });
			expect({ name, context: s.build?.context }).toEqual({ name, context: '..' });
		}
	});

	it('bakes the package into /home/node/.n8n/nodes and mounts nothing over it', () => {
		expect(dockerfile).toMatch(/cd \/home\/node\/\.n8n\/nodes/);
		expect(dockerfile).toMatch(/npm install [^\n]*--omit=peer[^\n]*n8n-nodes-order-sync\.tgz/);
		for (const [name, s] of n8nServices) {
			const hidden = (s.volumes ?? []).filter((v) => /:\/home\/node(\/\.n8n)?(\/|$)/.test(v));
			expect({ name, hidden }).toEqual({ name, hidden: [] });
		}
	});

	it("runs each role with the rig's n8n command", () => {
		for (const [name, s] of n8nServices) {
			const role = roleOf(s) as 'main' | 'worker' | 'webhook';
			expect({ name, command: s.command }).toEqual({
				name,
				command: roleArgs(role, WORKER_CONCURRENCY),
			});
		}
	});

	it("gives every n8n service the rig's shared environment, with the same values", () => {
		for (const [name, s] of n8nServices) {
			const env = s.environment ?? {};
			const shared = Object.fromEntries(Object.keys(SHARED_ENV).map((k) => [k, env[k]]));
			expect({ name, shared }).toEqual({ name, shared: { ...SHARED_ENV } });
			const missing = DEPLOYMENT_ENV_NAMES.filter((k) => !env[k]);
			expect({ name, missing }).toEqual({ name, missing: [] });
		}
	});

	it('points the n8n services at its own PostgreSQL and Redis, with one encryption key for all', () => {
		const pg = services.postgres.environment ?? {};
		for (const [name, s] of n8nServices) {
			const env = s.environment ?? {};
			expect({ name, host: env.DB_POSTGRESDB_HOST, redis: env.QUEUE_BULL_REDIS_HOST }).toEqual({
				name,
				host: 'postgres',
				redis: 'redis',
			});
			expect({
				name,
				db: env.DB_POSTGRESDB_DATABASE,
				user: env.DB_POSTGRESDB_USER,
				pw: env.DB_POSTGRESDB_PASSWORD,
			}).toEqual({
				name,
				db: pg.POSTGRES_DB,
				user: pg.POSTGRES_USER,
				pw: pg.POSTGRES_PASSWORD,
			});
		}
		expect(new Set(n8nServices.map(([, s]) => s.environment?.N8N_ENCRYPTION_KEY)).size).toBe(1);
	});
});

describe("the rig's own environment (scripts/lib/queue.js)", () => {
	it.each(['main', 'worker', 'webhook'] as const)(
		'%s has the shared environment and every deployment variable',
		(role) => {
			const env = rigEnv(role);
			expect(Object.fromEntries(Object.keys(SHARED_ENV).map((k) => [k, env[k]]))).toEqual({
				...SHARED_ENV,
			});
			expect(DEPLOYMENT_ENV_NAMES.filter((k) => !env[k])).toEqual([]);
			expect(env.DB_TYPE).toBe('postgresdb');
		},
	);

	it('gives a worker its own health port on 127.0.0.1 and its own task-broker port', () => {
		const env = rigEnv('worker');
		expect(env).toMatchObject({
			QUEUE_HEALTH_CHECK_PORT: '15681',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: '15679',
		});
		expect(env.N8N_PORT).toBeUndefined();
	});
});

describe('the YAML subset reader', () => {
	it('reads anchors, aliases, merge keys, flow sequences and quoted strings', () => {
		const doc = parseYaml(
			[
				'base: &b',
				'  a: "1"',
				'  b: x # comment',
				'svc:',
				'  <<: *b',
				'  b: y',
				'  c: [p, "q r"]',
				'  d:',
				'    - "5:5"',
			].join('\n'),
		);
		expect(doc).toEqual({
			base: { a: '1', b: 'x' },
			svc: { a: '1', b: 'y', c: ['p', 'q r'], d: ['5:5'] },
		});
	});

	it.each([
		['a mapping inside a sequence', 'a:\n  - b: c'],
		['a flow mapping', 'a: { b: c }'],
		['an unknown alias', 'a: *nope'],
		['a duplicate key', 'a: 1\na: 2'],
		['bad indentation', 'a: 1\n   b: 2'],
	])('refuses %s instead of guessing', (_what, text) => {
		expect(() => parseYaml(text)).toThrow();
	});
});
