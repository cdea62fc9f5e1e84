import type { RateLimit, SimRequest, SimResponse } from './base';
import { Simulator, bearer } from './base';

/**
 * A local simulator of the MailerLite (connect.mailerlite.com) e-commerce API, following
 * /work/shared/providers/mailerlite-ecommerce.md. Every route lives under `/api`, so the
 * credential's base URL is `${sim.url}/api`.
 */

/** The default valid API key: a fake value that only this local simulator accepts. */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- fake key for the local simulator
export const MAILERLITE_TOKEN = 'ml-test-token-4f9a1c7e';

/** The first id handed out; ids are numeric strings beyond Number.MAX_SAFE_INTEGER. */
export const MAILERLITE_FIRST_ID = '31986843064993537';

const DEFAULT_RATE_LIMIT = 120;
const DEFAULT_RATE_WINDOW_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface Rate {
	float: number;
	string: string;
}

export interface ShopGroup {
	id: string;
	name: string;
	total: number;
	open_rate: Rate;
	click_rate: Rate;
	created_at: string;
}

/** Stored exactly as returned (§6.2 Shop). */
export interface Shop {
	id: string;
	name: string;
	url: string;
	currency: string;
	enabled: boolean;
	enable_popups: boolean | null;
	group: ShopGroup | null;
	created_at: string;
	updated_at: string;
	currency_sign: string;
}

/** Stored exactly as returned (§6.2 Category). */
export interface Category {
	id: string;
	name: string;
	exclude_from_automations: boolean;
	created_at: string;
	updated_at: string;
}

/** Stored product; responses replace `category_ids` by `categories` (the Category objects). */
export interface Product {
	id: string;
	name: string;
	price: number;
	url: string | null;
	image: string | null;
	exclude_from_automations: boolean;
	short_description: string | null;
	description: string | null;
	category_ids: string[];
	created_at: string;
	updated_at: string;
}

export interface Subscriber {
	id: string;
	email: string;
	status: string;
	source: string;
	sent: number;
	opens_count: number;
	clicks_count: number;
	open_rate: number;
	click_rate: number;
	ip_address: string | null;
	subscribed_at: string;
	unsubscribed_at: string | null;
	created_at: string;
	updated_at: string;
	fields: Record<string, unknown>;
	groups: unknown[];
	opted_in_at: string | null;
	optin_ip: string | null;
}

/** Stored exactly as returned (§6.2 Customer). */
export interface Customer {
	id: string;
	email: string;
	accepts_marketing: boolean;
	subscriber: Subscriber | null;
	created_at: string;
	updated_at: string;
}

/** Stored cart; responses add `customer` and `items`. */
export interface Cart {
	id: string;
	ecommerce_order_id: string | null;
	checkout_url: string | null;
	cart_total: number;
	customer_id: string | null;
}

/** Stored cart item; responses replace `ecommerce_product_id` by `product`. */
export interface CartItem {
	id: string;
	cart_id: string;
	ecommerce_product_id: string;
	variant: string | null;
	quantity: number;
	price: number;
}

/** Stored order; responses embed `shop`, `customer` and `cart` (§6.4). */
export interface Order {
	id: string;
	customer_id: string;
	cart_id: string;
	total: number;
	status: string;
	created_at: string;
	updated_at: string;
}

/** Per-shop maps are keyed by shop id, then by record id; insertion order is the list order. */
export interface MailerLiteState {
	shops: Map<string, Shop>;
	categories: Map<string, Map<string, Category>>;
	products: Map<string, Map<string, Product>>;
	customers: Map<string, Map<string, Customer>>;
	carts: Map<string, Map<string, Cart>>;
	cartItems: Map<string, Map<string, CartItem>>;
	orders: Map<string, Map<string, Order>>;
	nextId(): string;
}

export interface SeedCartItem {
	ecommerce_product_id?: string;
	variant?: string | null;
	quantity?: number;
	price?: number;
}

export interface SeedCartData {
	/** The cart's customer (created in the shop when unknown). */
	email?: string;
	checkout_url?: string | null;
	cart_total?: number;
	ecommerce_order_id?: string | null;
	/** Defaults to two items of (seeded if needed) products of the shop. */
	items?: SeedCartItem[];
}

export interface MailerLiteSimulator {
	sim: Simulator;
	state: MailerLiteState;
	apiKey: string;
	seedShop(data?: Partial<Shop>): Shop;
	seedCategories(shopId: string, n: number): Category[];
	seedProducts(shopId: string, n: number): Product[];
	seedCustomers(shopId: string, n: number): Customer[];
	seedOrders(shopId: string, n: number): Order[];
	seedCart(shopId: string, data?: SeedCartData): Cart;
}

/**
 * MailerLite's documented limit: 120 requests a minute per account, whoever sends them. Every
 * answer carries `X-RateLimit-Limit` and the account's `X-RateLimit-Remaining`; a 429 also
 * `Retry-After` (seconds).
 */
export function mailerLiteRateLimit(
	limit = DEFAULT_RATE_LIMIT,
	windowMs = DEFAULT_RATE_WINDOW_MS,
): RateLimit {
	return {
		limit,
		windowMs,
		response: (s) => ({
			status: 429,
			body: { message: 'Too Many Attempts.' },
			headers: {
				'retry-after': String(s),
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': '0',
			},
		}),
		headers: (remaining) => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) }),
	};
}

// ---------------------------------------------------------------------------------------------
// Helpers: time, JSON, responses
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
type Errors = Record<string, string[]>;

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** `YYYY-MM-DD HH:mm:ss` (UTC), as in the list/order examples. */
function timestamp(date = new Date()): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

const CURRENCY_SIGNS: Record<string, string> = {
	USD: '$',
	EUR: '€',
	GBP: '£',
	JPY: '¥',
	PLN: 'zł',
	UAH: '₴',
};

function currencySign(currency: string): string {
	return CURRENCY_SIGNS[currency.toUpperCase()] ?? currency;
}

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON.parse that keeps integers beyond Number.MAX_SAFE_INTEGER exact (as strings), like the
 * PHP backend would. Returns `{ ok: false }` when the text is not JSON.
 */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: true, value: undefined };
	let out = '';
	let last = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') {
			inString = true;
			continue;
		}
		if (c !== '-' && (c < '0' || c > '9')) continue;
		let end = i + 1;
		while (end < text.length && /[0-9.eE+-]/.test(text[end])) end++;
		const literal = text.slice(i, end);
		if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
			out += `${text.slice(last, i)}"${literal}"`;
			last = end;
		}
		i = end - 1;
	}
	const safe = last === 0 ? text : out + text.slice(last);
	let value: unknown;
	let ok = true;
	try {
		value = JSON.parse(safe);
	} catch {
		ok = false;
	}
	return ok ? { ok: true, value } : { ok: false };
}

/** Import responses: timestamps in ISO form and every `id` as a bare (unsafe) JSON number. */
function importJson(value: unknown): string {
	const iso = (v: unknown): unknown => {
		if (Array.isArray(v)) return v.map(iso);
		if (isObject(v)) {
			const out: Json = {};
			for (const [key, inner] of Object.entries(v)) {
				out[key] =
					key.endsWith('_at') && typeof inner === 'string' && TIMESTAMP_RE.test(inner)
						? `${inner.replace(' ', 'T')}.000000Z`
						: iso(inner);
			}
			return out;
		}
		return v;
	};
	return JSON.stringify(iso(value)).replace(/"id":"(\d+)"/g, '"id":$1');
}

function ok(status: number, data: unknown): SimResponse {
	return { status, body: { data } };
}

function notFound(): SimResponse {
	return { status: 404, body: { message: 'Not found.' } };
}

function badRequest(): SimResponse {
	return { status: 400, body: { message: 'Bad request.' } };
}

function invalid(errors: Errors): SimResponse {
	return { status: 422, body: { message: 'The given data was invalid.', errors } };
}

// ---------------------------------------------------------------------------------------------
// Validation (Laravel-style messages)
// ---------------------------------------------------------------------------------------------

type Rule =
	| 'required'
	| 'string'
	| 'numeric'
	| 'integer'
	| 'min1'
	| 'boolean'
	| 'email'
	| 'array'
	| 'object';

const RULE_MESSAGES: Record<Exclude<Rule, 'required'>, string> = {
	string: 'The :attribute must be a string.',
	numeric: 'The :attribute must be a number.',
	integer: 'The :attribute must be an integer.',
	min1: 'The :attribute must be at least 1.',
	boolean: 'The :attribute field must be true or false.',
	email: 'The :attribute must be a valid email address.',
	array: 'The :attribute must be an array.',
	object: 'The :attribute must be an array.',
};

function addError(errors: Errors, path: string, message: string): void {
	const text = message.replace(':attribute', path.replace(/_/g, ' '));
	(errors[path] ??= []).push(text);
}

/** Laravel's `required`: null, blank strings and empty arrays count as missing. */
function isPresent(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

function isNumeric(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	return typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value);
}

function isInteger(value: unknown): boolean {
	if (typeof value === 'number') return Number.isInteger(value);
	return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value);
}

function passes(rule: Exclude<Rule, 'required'>, value: unknown): boolean {
	switch (rule) {
		case 'string':
			return typeof value === 'string';
		case 'numeric':
			return isNumeric(value);
		case 'integer':
			return isInteger(value);
		case 'min1':
			return !isNumeric(value) || Number(value) >= 1;
		case 'boolean':
			return [true, false, 0, 1, '0', '1'].includes(value as never);
		case 'email':
			return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
		case 'array':
			return Array.isArray(value);
		case 'object':
			return isObject(value);
	}
}

/**
 * Checks `obj` against `spec`; error keys are `prefix + field`. With `partial` (updates), a
 * required field is only checked when the key is sent. Type rules skip null/absent values
 * (nullable) and stop at the first failing rule of a field.
 */
function check(
	errors: Errors,
	obj: Json,
	prefix: string,
	spec: Record<string, Rule[]>,
	options: { partial?: boolean; messages?: Record<string, string> } = {},
): void {
	for (const [field, rules] of Object.entries(spec)) {
		const path = prefix + field;
		const value = obj[field];
		if (rules.includes('required') && (!options.partial || field in obj) && !isPresent(value)) {
			addError(errors, path, options.messages?.[field] ?? 'The :attribute field is required.');
			continue;
		}
		if (value === undefined || value === null) continue;
		for (const rule of rules) {
			if (rule === 'required') continue;
			if (!passes(rule, value)) {
				addError(errors, path, RULE_MESSAGES[rule]);
				break;
			}
		}
	}
}

const SHOP_RULES: Record<string, Rule[]> = {
	name: ['required', 'string'],
	url: ['required', 'string'],
	currency: ['string'],
	enabled: ['boolean'],
	enable_popups: ['boolean'],
	enable_resubscribe: ['boolean'],
	platform: ['string'],
};

const CATEGORY_RULES: Record<string, Rule[]> = {
	name: ['required', 'string'],
	exclude_from_automations: ['boolean'],
};

const PRODUCT_RULES: Record<string, Rule[]> = {
	name: ['required', 'string'],
	price: ['required', 'numeric'],
	url: ['string'],
	image: ['string'],
	exclude_from_automations: ['boolean'],
	categories: ['array'],
	description: ['string'],
	short_description: ['string'],
};

const CUSTOMER_RULES: Record<string, Rule[]> = {
	email: ['required', 'email'],
	accepts_marketing: ['boolean'],
	create_subscriber: ['boolean'],
	total_spent: ['numeric'],
	orders_count: ['integer'],
	subscriber_fields: ['object'],
};

const CART_ITEM_RULES: Record<string, Rule[]> = {
	ecommerce_product_id: ['required'],
	variant: ['string'],
	quantity: ['required', 'integer', 'min1'],
	price: ['required', 'numeric'],
};

const CART_RULES: Record<string, Rule[]> = {
	checkout_url: ['string'],
	cart_total: ['numeric'],
};

const ORDER_UPDATE_RULES: Record<string, Rule[]> = {
	status: ['string'],
	total_price: ['numeric'],
};

function checkShop(errors: Errors, body: Json, partial: boolean): void {
	check(errors, body, '', SHOP_RULES, { partial });
	// [THIRD-PARTY] note in §6.3: `{"group_id": null}` → 422 "The group id field must be an integer."
	if ('group_id' in body && !isInteger(body.group_id)) {
		addError(errors, 'group_id', 'The :attribute field must be an integer.');
	}
}

/** POST /orders body (also each element of the orders import, with `orders.N.` as prefix). */
function checkOrder(errors: Errors, body: Json, prefix: string): void {
	check(
		errors,
		body,
		prefix,
		{ customer: ['required', 'object'], cart: ['required', 'object'], ...ORDER_UPDATE_RULES },
		{ messages: { customer: 'The :attribute must be provided.' } },
	);
	if (isObject(body.customer)) check(errors, body.customer, `${prefix}customer.`, CUSTOMER_RULES);
	if (isObject(body.cart)) {
		const cart = body.cart;
		check(errors, cart, `${prefix}cart.`, { items: ['required', 'array'], ...CART_RULES });
		if (Array.isArray(cart.items)) {
			cart.items.forEach((item, index) => {
				const itemPrefix = `${prefix}cart.items.${index}`;
				if (isObject(item)) check(errors, item, `${itemPrefix}.`, CART_ITEM_RULES);
				else addError(errors, itemPrefix, RULE_MESSAGES.object);
			});
		}
	}
}

function str(value: unknown): string | null {
	return value === undefined || value === null ? null : String(value);
}

function bool(value: unknown): boolean {
	return value === true || value === 1 || value === '1';
}

// ---------------------------------------------------------------------------------------------
// Pagination (Laravel LengthAwarePaginator, onEachSide = 3)
// ---------------------------------------------------------------------------------------------

function range(from: number, to: number): number[] {
	const out: number[] = [];
	for (let p = from; p <= to; p++) out.push(p);
	return out;
}

/** Laravel's UrlWindow: the page numbers of `meta.links`, with '...' separators. */
function pageWindow(current: number, last: number): Array<number | '...'> {
	const onEachSide = 3;
	if (last < onEachSide * 2 + 8) return range(1, last);
	const window = onEachSide + 4;
	if (current <= window) return [...range(1, window + onEachSide), '...', last - 1, last];
	if (current > last - window) {
		return [1, 2, '...', ...range(last - (window + (onEachSide - 1)), last)];
	}
	return [1, 2, '...', ...range(current - onEachSide, current + onEachSide), '...', last - 1, last];
}

function listResponse(
	req: SimRequest,
	all: unknown[],
	defaultLimit: number,
	host: string,
	render: (record: unknown) => unknown = (record) => record,
): SimResponse {
	const limitText = req.query.limit?.trim();
	const limit =
		limitText !== undefined && /^\d+$/.test(limitText) ? Number(limitText) : defaultLimit;
	if (limit === 0) return { status: 200, body: { total: all.length } };
	const pageText = req.query.page?.trim();
	const page =
		pageText !== undefined && /^\d+$/.test(pageText) && Number(pageText) >= 1
			? Number(pageText)
			: 1;

	const total = all.length;
	const lastPage = Math.max(1, Math.ceil(total / limit));
	const start = (page - 1) * limit;
	// Only the requested page is rendered: rendering every record per request made paging O(n²).
	const data = all.slice(start, start + limit).map(render);
	const path = `http://${host}${req.path}`;
	const url = (p: number) => `${path}?page=${p}`;
	const prev = page > 1 ? url(page - 1) : null;
	const next = page < lastPage ? url(page + 1) : null;

	const links = [
		{ url: prev, label: '« Previous', active: false },
		...pageWindow(page, lastPage).map((p) =>
			p === '...'
				? { url: null, label: '...', active: false }
				: { url: url(p), label: String(p), active: p === page },
		),
		{ url: next, label: 'Next »', active: false },
	];

	return {
		status: 200,
		body: {
			data,
			links: { first: url(1), last: url(lastPage), prev, next },
			meta: {
				current_page: page,
				from: data.length ? start + 1 : null,
				last_page: lastPage,
				links,
				path,
				per_page: limit,
				to: data.length ? start + data.length : null,
				total,
			},
		},
	};
}

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

interface Route {
	pattern: RegExp;
	methods: Record<string, (req: SimRequest, params: string[], body: unknown) => SimResponse>;
	/** Body shape: object (default) or a JSON array (categories/products import). */
	arrayBody?: boolean;
}

export function createMailerLiteSimulator(options: { apiKey?: string } = {}): MailerLiteSimulator {
	const apiKey = options.apiKey ?? MAILERLITE_TOKEN;
	let counter = BigInt(MAILERLITE_FIRST_ID);

	const state: MailerLiteState = {
		shops: new Map(),
		categories: new Map(),
		products: new Map(),
		customers: new Map(),
		carts: new Map(),
		cartItems: new Map(),
		orders: new Map(),
		nextId(): string {
			const id = counter.toString();
			counter += BigInt(1);
			return id;
		},
	};

	function bucket<T>(maps: Map<string, Map<string, T>>, shopId: string): Map<string, T> {
		let inner = maps.get(shopId);
		if (!inner) {
			inner = new Map();
			maps.set(shopId, inner);
		}
		return inner;
	}

	const shopMaps = [
		state.categories,
		state.products,
		state.customers,
		state.carts,
		state.cartItems,
		state.orders,
	] as Array<Map<string, Map<string, unknown>>>;

	// --- rendering ---------------------------------------------------------------------------

	function renderProduct(shopId: string, product: Product): Json {
		const categories = bucket(state.categories, shopId);
		return {
			id: product.id,
			name: product.name,
			price: product.price,
			url: product.url,
			image: product.image,
			exclude_from_automations: product.exclude_from_automations,
			short_description: product.short_description,
			description: product.description,
			categories: product.category_ids
				.map((id) => categories.get(id))
				.filter((c): c is Category => c !== undefined)
				.map((c) => ({ ...c })),
		};
	}

	/** A cart item's product: the stored product, or just its id when the shop has none such. */
	function renderProductRef(shopId: string, productId: string): Json {
		const product = bucket(state.products, shopId).get(productId);
		if (product) return renderProduct(shopId, product);
		return {
			id: productId,
			name: null,
			price: null,
			url: null,
			image: null,
			exclude_from_automations: false,
			short_description: null,
			description: null,
			categories: [],
		};
	}

	function renderCustomer(customer: Customer | undefined): Json | null {
		if (!customer) return null;
		return {
			...customer,
			subscriber: customer.subscriber
				? { ...customer.subscriber, fields: { ...customer.subscriber.fields } }
				: null,
		};
	}

	/**
	 * Cart items grouped by cart, rebuilt after any change to a shop's items: scanning every item
	 * for each rendered order made a page of orders cost O(all items), i.e. paging O(n²).
	 */
	const itemsByCart = new Map<string, { size: number; changes: number; byCart: Map<string, CartItem[]> }>();
	let itemChanges = 0;

	function itemsOf(shopId: string, cartId: string): CartItem[] {
		const items = bucket(state.cartItems, shopId);
		let index = itemsByCart.get(shopId);
		if (!index || index.size !== items.size || index.changes !== itemChanges) {
			const byCart = new Map<string, CartItem[]>();
			for (const item of items.values()) {
				const list = byCart.get(item.cart_id);
				if (list) list.push(item);
				else byCart.set(item.cart_id, [item]);
			}
			index = { size: items.size, changes: itemChanges, byCart };
			itemsByCart.set(shopId, index);
		}
		return [...(index.byCart.get(cartId) ?? [])];
	}

	function renderItem(shopId: string, item: CartItem): Json {
		return {
			id: item.id,
			product: renderProductRef(shopId, item.ecommerce_product_id),
			variant: item.variant,
			quantity: item.quantity,
			price: item.price,
		};
	}

	function renderCart(shopId: string, cart: Cart): Json {
		const customer = cart.customer_id
			? bucket(state.customers, shopId).get(cart.customer_id)
			: undefined;
		return {
			id: cart.id,
			ecommerce_order_id: cart.ecommerce_order_id,
			checkout_url: cart.checkout_url,
			cart_total: cart.cart_total,
			customer: renderCustomer(customer),
			items: itemsOf(shopId, cart.id).map((i) => renderItem(shopId, i)),
		};
	}

	function renderShop(shop: Shop): Json {
		return { ...shop, group: shop.group ? { ...shop.group } : null };
	}

	function renderOrder(shopId: string, order: Order): Json {
		const shop = state.shops.get(shopId);
		const cart = bucket(state.carts, shopId).get(order.cart_id);
		return {
			id: order.id,
			shop: shop ? renderShop(shop) : null,
			customer: renderCustomer(bucket(state.customers, shopId).get(order.customer_id)),
			cart: cart
				? {
						id: cart.id,
						checkout_url: cart.checkout_url,
						cart_total: cart.cart_total,
						items: itemsOf(shopId, cart.id).map((i) => renderItem(shopId, i)),
					}
				: null,
			total: order.total,
			status: order.status,
			created_at: order.created_at,
			updated_at: order.updated_at,
		};
	}

	// --- record creation / update (shared by HTTP and seeding) ---------------------------------

	function makeGroup(groupId: unknown, ts: string): ShopGroup {
		const id = String(groupId).trim();
		return {
			id,
			name: `Group ${id}`,
			total: 0,
			open_rate: { float: 0, string: '0%' },
			click_rate: { float: 0, string: '0%' },
			created_at: ts,
		};
	}

	function applyShop(shop: Shop, body: Json): void {
		if (body.name !== undefined) shop.name = String(body.name);
		if (body.url !== undefined) shop.url = String(body.url);
		if (typeof body.currency === 'string') {
			shop.currency = body.currency;
			shop.currency_sign = currencySign(body.currency);
		}
		if (body.enabled !== undefined && body.enabled !== null) shop.enabled = bool(body.enabled);
		if (body.enable_popups !== undefined) {
			shop.enable_popups = body.enable_popups === null ? null : bool(body.enable_popups);
		}
		if (body.group_id !== undefined && body.group_id !== null) {
			shop.group = makeGroup(body.group_id, shop.updated_at);
		}
	}

	function createShop(body: Json): Shop {
		const ts = timestamp();
		const shop: Shop = {
			id: state.nextId(),
			name: '',
			url: '',
			currency: 'USD',
			enabled: true,
			enable_popups: false,
			group: null,
			created_at: ts,
			updated_at: ts,
			currency_sign: currencySign('USD'),
		};
		applyShop(shop, body);
		state.shops.set(shop.id, shop);
		return shop;
	}

	function applyCategory(category: Category, body: Json): void {
		if (body.name !== undefined) category.name = String(body.name);
		if (body.exclude_from_automations !== undefined && body.exclude_from_automations !== null) {
			category.exclude_from_automations = bool(body.exclude_from_automations);
		}
	}

	function createCategory(shopId: string, body: Json): Category {
		const ts = timestamp();
		const category: Category = {
			id: state.nextId(),
			name: '',
			exclude_from_automations: false,
			created_at: ts,
			updated_at: ts,
		};
		applyCategory(category, body);
		bucket(state.categories, shopId).set(category.id, category);
		return category;
	}

	function applyProduct(product: Product, body: Json): void {
		if (body.name !== undefined) product.name = String(body.name);
		if (body.price !== undefined) product.price = Number(body.price);
		if (body.url !== undefined) product.url = str(body.url);
		if (body.image !== undefined) product.image = str(body.image);
		if (body.description !== undefined) product.description = str(body.description);
		if (body.short_description !== undefined) {
			product.short_description = str(body.short_description);
		}
		if (body.exclude_from_automations !== undefined && body.exclude_from_automations !== null) {
			product.exclude_from_automations = bool(body.exclude_from_automations);
		}
		if (Array.isArray(body.categories)) product.category_ids = body.categories.map(String);
	}

	function createProduct(shopId: string, body: Json): Product {
		const ts = timestamp();
		const product: Product = {
			id: state.nextId(),
			name: '',
			price: 0,
			url: null,
			image: null,
			exclude_from_automations: false,
			short_description: null,
			description: null,
			category_ids: [],
			created_at: ts,
			updated_at: ts,
		};
		applyProduct(product, body);
		bucket(state.products, shopId).set(product.id, product);
		return product;
	}

	function makeSubscriber(email: string, fields: unknown, ts: string): Subscriber {
		return {
			id: state.nextId(),
			email,
			status: 'active',
			source: 'api',
			sent: 0,
			opens_count: 0,
			clicks_count: 0,
			open_rate: 0,
			click_rate: 0,
			ip_address: null,
			subscribed_at: ts,
			unsubscribed_at: null,
			created_at: ts,
			updated_at: ts,
			fields: {
				city: null,
				company: null,
				country: null,
				last_name: null,
				name: null,
				phone: null,
				state: null,
				z_i_p: null,
				...(isObject(fields) ? fields : {}),
			},
			groups: [],
			opted_in_at: null,
			optin_ip: null,
		};
	}

	function applyCustomer(customer: Customer, body: Json): void {
		if (typeof body.email === 'string' && body.email.trim() !== '') customer.email = body.email;
		if (body.accepts_marketing !== undefined && body.accepts_marketing !== null) {
			customer.accepts_marketing = bool(body.accepts_marketing);
		}
		if (customer.subscriber) {
			customer.subscriber.email = customer.email;
			if (isObject(body.subscriber_fields)) {
				Object.assign(customer.subscriber.fields, body.subscriber_fields);
				customer.subscriber.updated_at = customer.updated_at;
			}
		} else if (bool(body.create_subscriber)) {
			customer.subscriber = makeSubscriber(
				customer.email,
				body.subscriber_fields,
				customer.updated_at,
			);
		}
	}

	function findCustomerByEmail(shopId: string, email: string): Customer | undefined {
		const wanted = email.trim().toLowerCase();
		for (const customer of bucket(state.customers, shopId).values()) {
			if (customer.email.toLowerCase() === wanted) return customer;
		}
		return undefined;
	}

	function createCustomer(shopId: string, body: Json): Customer {
		const ts = timestamp();
		const customer: Customer = {
			id: state.nextId(),
			email: String(body.email).trim(),
			accepts_marketing: false,
			subscriber: null,
			created_at: ts,
			updated_at: ts,
		};
		applyCustomer(customer, body);
		bucket(state.customers, shopId).set(customer.id, customer);
		return customer;
	}

	function createCartItem(shopId: string, cartId: string, body: Json): CartItem {
		const item: CartItem = {
			id: state.nextId(),
			cart_id: cartId,
			ecommerce_product_id: String(body.ecommerce_product_id),
			variant: str(body.variant),
			quantity: Number(body.quantity),
			price: Number(body.price),
		};
		bucket(state.cartItems, shopId).set(item.id, item);
		itemChanges++;
		return item;
	}

	function itemsTotal(items: Json[]): number {
		const sum = items.reduce((acc, i) => acc + Number(i.price) * Number(i.quantity), 0);
		return Math.round(sum * 100) / 100;
	}

	function createCart(
		shopId: string,
		cartBody: Json,
		customerId: string | null,
		orderId: string | null,
	): Cart {
		const items = Array.isArray(cartBody.items) ? cartBody.items.filter(isObject) : [];
		const cart: Cart = {
			id: state.nextId(),
			ecommerce_order_id: orderId,
			checkout_url: str(cartBody.checkout_url),
			cart_total:
				cartBody.cart_total !== undefined && cartBody.cart_total !== null
					? Number(cartBody.cart_total)
					: itemsTotal(items),
			customer_id: customerId,
		};
		bucket(state.carts, shopId).set(cart.id, cart);
		for (const item of items) createCartItem(shopId, cart.id, item);
		return cart;
	}

	/** POST /orders: the customer is created when no customer of the shop has that e-mail. */
	function createOrder(shopId: string, body: Json): Order {
		const customerBody = isObject(body.customer) ? body.customer : {};
		const customer =
			findCustomerByEmail(shopId, String(customerBody.email)) ??
			createCustomer(shopId, customerBody);
		const ts = timestamp();
		const orderId = state.nextId();
		const cart = createCart(shopId, isObject(body.cart) ? body.cart : {}, customer.id, orderId);
		const order: Order = {
			id: orderId,
			customer_id: customer.id,
			cart_id: cart.id,
			total:
				body.total_price !== undefined && body.total_price !== null ? Number(body.total_price) : 0,
			status: typeof body.status === 'string' ? body.status : 'pending',
			created_at:
				typeof body.created_at === 'string' && TIMESTAMP_RE.test(body.created_at)
					? body.created_at
					: ts,
			updated_at: ts,
		};
		bucket(state.orders, shopId).set(order.id, order);
		return order;
	}

	function deleteCart(shopId: string, cartId: string): void {
		bucket(state.carts, shopId).delete(cartId);
		const items = bucket(state.cartItems, shopId);
		for (const item of [...items.values()]) if (item.cart_id === cartId) items.delete(item.id);
		itemChanges++;
	}

	// --- HTTP handlers -------------------------------------------------------------------------

	const hostOf = (req: SimRequest): string => {
		const header = req.headers.host;
		return (
			(Array.isArray(header) ? header[0] : header) ?? new URL(sim.url || 'http://127.0.0.1').host
		);
	};

	/** Runs `fn` with the shop, or answers 404. */
	function withShop(shopId: string, fn: (shop: Shop) => SimResponse): SimResponse {
		const shop = state.shops.get(shopId);
		return shop ? fn(shop) : notFound();
	}

	function list(
		req: SimRequest,
		all: unknown[],
		defaultLimit = 100,
		render?: (record: unknown) => unknown,
	): SimResponse {
		return listResponse(req, all, defaultLimit, hostOf(req), render);
	}

	type Resource = 'categories' | 'products' | 'customers' | 'orders';

	function renderRecord(resource: Resource, shopId: string, record: unknown): Json {
		switch (resource) {
			case 'categories':
				return { ...(record as Category) };
			case 'products':
				return renderProduct(shopId, record as Product);
			case 'customers':
				return renderCustomer(record as Customer) ?? {};
			case 'orders':
				return renderOrder(shopId, record as Order);
		}
	}

	function resourceMap(resource: Resource, shopId: string): Map<string, { updated_at: string }> {
		return bucket(state[resource] as Map<string, Map<string, { updated_at: string }>>, shopId);
	}

	function listResource(req: SimRequest, [shopId, resource]: string[]): SimResponse {
		return withShop(shopId, () => {
			const res = resource as Resource;
			const all = [...resourceMap(res, shopId).values()];
			return list(req, all, 100, (r) => renderRecord(res, shopId, r));
		});
	}

	function createResource(
		_req: SimRequest,
		[shopId, resource]: string[],
		raw: unknown,
	): SimResponse {
		return withShop(shopId, () => {
			const body = raw as Json;
			const errors: Errors = {};
			switch (resource as Resource) {
				case 'categories':
					check(errors, body, '', CATEGORY_RULES);
					if (Object.keys(errors).length) return invalid(errors);
					return ok(201, renderRecord('categories', shopId, createCategory(shopId, body)));
				case 'products':
					check(errors, body, '', PRODUCT_RULES);
					if (Object.keys(errors).length) return invalid(errors);
					return ok(201, renderRecord('products', shopId, createProduct(shopId, body)));
				case 'customers': {
					check(errors, body, '', CUSTOMER_RULES);
					if (Object.keys(errors).length) return invalid(errors);
					const existing = findCustomerByEmail(shopId, String(body.email));
					if (existing) {
						existing.updated_at = timestamp();
						applyCustomer(existing, body);
						return ok(200, renderCustomer(existing));
					}
					return ok(201, renderCustomer(createCustomer(shopId, body)));
				}
				case 'orders':
					checkOrder(errors, body, '');
					if (Object.keys(errors).length) return invalid(errors);
					return ok(201, renderOrder(shopId, createOrder(shopId, body)));
			}
		});
	}

	function getResource(_req: SimRequest, [shopId, resource, id]: string[]): SimResponse {
		return withShop(shopId, () => {
			const res = resource as Resource;
			const record = resourceMap(res, shopId).get(id);
			return record ? ok(200, renderRecord(res, shopId, record)) : notFound();
		});
	}

	function updateResource(
		_req: SimRequest,
		[shopId, resource, id]: string[],
		raw: unknown,
	): SimResponse {
		return withShop(shopId, () => {
			const res = resource as Resource;
			const record = resourceMap(res, shopId).get(id);
			if (!record) return notFound();
			const body = raw as Json;
			const errors: Errors = {};
			const spec = {
				categories: CATEGORY_RULES,
				products: PRODUCT_RULES,
				customers: CUSTOMER_RULES,
				orders: ORDER_UPDATE_RULES,
			}[res];
			check(errors, body, '', spec, { partial: true });
			if (Object.keys(errors).length) return invalid(errors);
			record.updated_at = timestamp();
			switch (res) {
				case 'categories':
					applyCategory(record as Category, body);
					break;
				case 'products':
					applyProduct(record as Product, body);
					break;
				case 'customers':
					applyCustomer(record as Customer, body);
					break;
				case 'orders': {
					// Only status and total_price; cart/customer cannot be changed through PUT.
					const order = record as Order;
					if (typeof body.status === 'string') order.status = body.status;
					if (body.total_price !== undefined && body.total_price !== null) {
						order.total = Number(body.total_price);
					}
					break;
				}
			}
			return ok(200, renderRecord(res, shopId, record));
		});
	}

	function deleteResource(_req: SimRequest, [shopId, resource, id]: string[]): SimResponse {
		return withShop(shopId, () => {
			const res = resource as Resource;
			const map = resourceMap(res, shopId);
			const record = map.get(id);
			if (!record) return notFound();
			const rendered = renderRecord(res, shopId, record);
			map.delete(id);
			if (res === 'orders') deleteCart(shopId, (record as Order).cart_id);
			return ok(200, rendered);
		});
	}

	function importResource(
		_req: SimRequest,
		[shopId, resource]: string[],
		raw: unknown,
	): SimResponse {
		return withShop(shopId, () => {
			const errors: Errors = {};
			let created: Json[];
			if (resource === 'orders') {
				const body = raw as Json;
				check(errors, body, '', { orders: ['required', 'array'] });
				const orders = Array.isArray(body.orders) ? body.orders : [];
				orders.forEach((order, i) => {
					if (isObject(order)) checkOrder(errors, order, `orders.${i}.`);
					else addError(errors, `orders.${i}`, RULE_MESSAGES.object);
				});
				if (Object.keys(errors).length) return invalid(errors);
				created = (orders as Json[]).map((o) => renderOrder(shopId, createOrder(shopId, o)));
			} else {
				const rows = raw as unknown[];
				const rules = resource === 'categories' ? CATEGORY_RULES : PRODUCT_RULES;
				rows.forEach((row, i) => {
					if (isObject(row)) check(errors, row, `${i}.`, rules);
					else addError(errors, String(i), RULE_MESSAGES.object);
				});
				if (Object.keys(errors).length) return invalid(errors);
				created = (rows as Json[]).map((row) =>
					resource === 'categories'
						? { ...createCategory(shopId, row) }
						: renderProduct(shopId, createProduct(shopId, row)),
				);
			}
			return { status: 200, body: importJson({ data: created }), contentType: 'application/json' };
		});
	}

	const routes: Route[] = [
		{
			pattern: /^\/api\/ecommerce\/shops$/,
			methods: {
				GET: (req) => list(req, [...state.shops.values()].map(renderShop), 50),
				POST: (_req, _params, raw) => {
					const body = raw as Json;
					const errors: Errors = {};
					checkShop(errors, body, false);
					if (Object.keys(errors).length) return invalid(errors);
					return ok(201, renderShop(createShop(body)));
				},
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)$/,
			methods: {
				GET: (_req, [shopId]) => withShop(shopId, (shop) => ok(200, renderShop(shop))),
				PUT: (_req, [shopId], raw) =>
					withShop(shopId, (shop) => {
						const body = raw as Json;
						const errors: Errors = {};
						checkShop(errors, body, true);
						if (Object.keys(errors).length) return invalid(errors);
						shop.updated_at = timestamp();
						applyShop(shop, body);
						return ok(200, renderShop(shop));
					}),
				DELETE: (_req, [shopId]) =>
					withShop(shopId, (shop) => {
						const rendered = renderShop(shop);
						state.shops.delete(shopId);
						for (const map of shopMaps) map.delete(shopId);
						itemChanges++;
						return ok(200, rendered);
					}),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/(categories|products)\/import$/,
			methods: { POST: importResource },
			arrayBody: true,
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/(orders)\/import$/,
			methods: { POST: importResource },
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/categories\/([^/]+)\/products$/,
			methods: {
				GET: (req, [shopId, categoryId]) =>
					withShop(shopId, () => {
						if (!bucket(state.categories, shopId).has(categoryId)) return notFound();
						const products = [...bucket(state.products, shopId).values()]
							.filter((p) => p.category_ids.includes(categoryId))
							.map((p) => renderProduct(shopId, p));
						return list(req, products);
					}),
				// Assign a product (body `{"product_id": "..."}` per the official CLI; UNVERIFIED).
				POST: (_req, [shopId, categoryId], raw) =>
					withShop(shopId, () => {
						if (!bucket(state.categories, shopId).has(categoryId)) return notFound();
						const body = raw as Json;
						const errors: Errors = {};
						check(errors, body, '', { product_id: ['required'] });
						if (Object.keys(errors).length) return invalid(errors);
						const product = bucket(state.products, shopId).get(String(body.product_id));
						if (!product) {
							return invalid({ product_id: ['The selected product id is invalid.'] });
						}
						if (!product.category_ids.includes(categoryId)) product.category_ids.push(categoryId);
						product.updated_at = timestamp();
						return ok(200, renderProduct(shopId, product));
					}),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/categories\/([^/]+)\/products\/([^/]+)$/,
			methods: {
				// Unassign a product (official CLI; UNVERIFIED).
				DELETE: (_req, [shopId, categoryId, productId]) =>
					withShop(shopId, () => {
						const product = bucket(state.products, shopId).get(productId);
						if (!bucket(state.categories, shopId).has(categoryId) || !product) return notFound();
						if (!product.category_ids.includes(categoryId)) return notFound();
						product.category_ids = product.category_ids.filter((id) => id !== categoryId);
						product.updated_at = timestamp();
						return ok(200, renderProduct(shopId, product));
					}),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/(categories|products|customers|orders)$/,
			methods: { GET: listResource, POST: createResource },
		},
		{
			pattern:
				/^\/api\/ecommerce\/shops\/([^/]+)\/(categories|products|customers|orders)\/([^/]+)$/,
			methods: { GET: getResource, PUT: updateResource, DELETE: deleteResource },
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/carts$/,
			methods: {
				GET: (req, [shopId]) =>
					withShop(shopId, () =>
						list(
							req,
							[...bucket(state.carts, shopId).values()].map((c) => renderCart(shopId, c)),
						),
					),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/carts\/([^/]+)$/,
			methods: {
				GET: (_req, [shopId, cartId]) =>
					withShop(shopId, () => {
						const cart = bucket(state.carts, shopId).get(cartId);
						return cart ? ok(200, renderCart(shopId, cart)) : notFound();
					}),
				PUT: (_req, [shopId, cartId], raw) =>
					withShop(shopId, () => {
						const cart = bucket(state.carts, shopId).get(cartId);
						if (!cart) return notFound();
						const body = raw as Json;
						const errors: Errors = {};
						check(errors, body, '', CART_RULES, { partial: true });
						if (Object.keys(errors).length) return invalid(errors);
						if (body.checkout_url !== undefined) cart.checkout_url = str(body.checkout_url);
						if (body.cart_total !== undefined && body.cart_total !== null) {
							cart.cart_total = Number(body.cart_total);
						}
						return ok(200, renderCart(shopId, cart));
					}),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/carts\/([^/]+)\/items$/,
			methods: {
				GET: (req, [shopId, cartId]) =>
					withShop(shopId, () => {
						if (!bucket(state.carts, shopId).has(cartId)) return notFound();
						return list(
							req,
							itemsOf(shopId, cartId).map((i) => renderItem(shopId, i)),
						);
					}),
				// "Add/update a cart item": an item of the same product and variant is updated.
				POST: (_req, [shopId, cartId], raw) =>
					withShop(shopId, () => {
						if (!bucket(state.carts, shopId).has(cartId)) return notFound();
						const body = raw as Json;
						const errors: Errors = {};
						check(errors, body, '', CART_ITEM_RULES);
						if (Object.keys(errors).length) return invalid(errors);
						const productId = String(body.ecommerce_product_id);
						const variant = str(body.variant);
						const existing = itemsOf(shopId, cartId).find(
							(i) => i.ecommerce_product_id === productId && i.variant === variant,
						);
						if (existing) {
							existing.quantity = Number(body.quantity);
							existing.price = Number(body.price);
							return ok(200, renderItem(shopId, existing));
						}
						return ok(201, renderItem(shopId, createCartItem(shopId, cartId, body)));
					}),
			},
		},
		{
			pattern: /^\/api\/ecommerce\/shops\/([^/]+)\/carts\/([^/]+)\/items\/([^/]+)$/,
			methods: {
				PUT: (_req, [shopId, cartId, itemId], raw) =>
					withShop(shopId, () => {
						const item = bucket(state.cartItems, shopId).get(itemId);
						if (!bucket(state.carts, shopId).has(cartId) || item?.cart_id !== cartId) {
							return notFound();
						}
						const body = raw as Json;
						const errors: Errors = {};
						check(
							errors,
							body,
							'',
							{ quantity: CART_ITEM_RULES.quantity, price: CART_ITEM_RULES.price },
							{ partial: true },
						);
						if (Object.keys(errors).length) return invalid(errors);
						if (body.quantity !== undefined) item.quantity = Number(body.quantity);
						if (body.price !== undefined) item.price = Number(body.price);
						return ok(200, renderItem(shopId, item));
					}),
				DELETE: (_req, [shopId, cartId, itemId]) =>
					withShop(shopId, () => {
						const items = bucket(state.cartItems, shopId);
						const item = items.get(itemId);
						if (!bucket(state.carts, shopId).has(cartId) || item?.cart_id !== cartId) {
							return notFound();
						}
						const rendered = renderItem(shopId, item);
						items.delete(itemId);
						itemChanges++;
						return ok(200, rendered);
					}),
			},
		},
	];

	function route(req: SimRequest): SimResponse {
		const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
		const matches = routes
			.map((r) => ({ r, m: r.pattern.exec(path) }))
			.filter((x): x is { r: Route; m: RegExpExecArray } => x.m !== null);
		if (!matches.length) {
			return {
				status: 404,
				body: { message: `The route ${path.replace(/^\//, '')} could not be found.` },
			};
		}
		const method = req.method.toUpperCase();
		const hit = matches.find((x) => x.r.methods[method]);
		if (!hit) {
			const allowed = [...new Set(matches.flatMap((x) => Object.keys(x.r.methods)))];
			if (allowed.includes('GET')) allowed.splice(allowed.indexOf('GET') + 1, 0, 'HEAD');
			return {
				status: 405,
				body: {
					message: `The ${method} method is not supported for this route. Supported methods: ${allowed.join(', ')}.`,
				},
				headers: { allow: allowed.join(', ') },
			};
		}
		let body: unknown;
		if (method === 'POST' || method === 'PUT') {
			const parsed = parseJson(req.text);
			if (!parsed.ok) return badRequest();
			body = parsed.value;
			if (hit.r.arrayBody) {
				if (!Array.isArray(body)) return badRequest();
			} else if (body === undefined) {
				body = {};
			} else if (!isObject(body)) {
				return badRequest();
			}
		}
		const params = hit.m.slice(1).map((p) => decodeURIComponent(p));
		return hit.r.methods[method](req, params, body);
	}

	function handle(req: SimRequest): SimResponse {
		if (bearer(req) !== apiKey) return { status: 401, body: { message: 'Unauthenticated.' } };
		const response = route(req);
		if (response.status >= 200 && response.status < 300) {
			response.headers = {
				...(response.headers ?? {}),
				'x-ratelimit-limit': String(sim.rateLimit?.limit ?? DEFAULT_RATE_LIMIT),
			};
		}
		return response;
	}

	const sim = new Simulator(handle);
	sim.rateLimit = mailerLiteRateLimit();

	// --- seeding -------------------------------------------------------------------------------

	function requireShop(shopId: string): Shop {
		const shop = state.shops.get(shopId);
		if (!shop) throw new Error(`MailerLite simulator: unknown shop ${shopId}`);
		return shop;
	}

	function seedShop(data: Partial<Shop> = {}): Shop {
		const n = state.shops.size + 1;
		const ts = timestamp();
		const currency = data.currency ?? 'USD';
		const shop: Shop = {
			name: `Shop ${n}`,
			url: `https://shop-${n}.example.com`,
			enabled: true,
			enable_popups: false,
			group: null,
			created_at: ts,
			updated_at: ts,
			...data,
			id: data.id ?? state.nextId(),
			currency,
			currency_sign: data.currency_sign ?? currencySign(currency),
		};
		state.shops.set(shop.id, shop);
		return shop;
	}

	function seedCategories(shopId: string, n: number): Category[] {
		requireShop(shopId);
		const start = bucket(state.categories, shopId).size;
		return range(1, n).map((i) => createCategory(shopId, { name: `Category ${start + i}` }));
	}

	function seedProducts(shopId: string, n: number): Product[] {
		requireShop(shopId);
		const start = bucket(state.products, shopId).size;
		return range(1, n).map((i) => {
			const k = start + i;
			return createProduct(shopId, {
				name: `Product ${k}`,
				price: k * 10 + 0.99,
				url: `https://shop.example.com/products/${k}`,
				image: `https://shop.example.com/images/${k}.jpg`,
			});
		});
	}

	function seedCustomers(shopId: string, n: number): Customer[] {
		requireShop(shopId);
		const start = bucket(state.customers, shopId).size;
		return range(1, n).map((i) =>
			createCustomer(shopId, {
				email: `customer-${start + i}@example.com`,
				accepts_marketing: true,
			}),
		);
	}

	function anyProduct(shopId: string): Product {
		const first = bucket(state.products, shopId).values().next();
		return first.done ? seedProducts(shopId, 1)[0] : first.value;
	}

	function seedOrders(shopId: string, n: number): Order[] {
		requireShop(shopId);
		const product = anyProduct(shopId);
		const start = bucket(state.orders, shopId).size;
		return range(1, n).map((i) =>
			createOrder(shopId, {
				customer: { email: `buyer-${start + i}@example.com`, accepts_marketing: true },
				cart: {
					checkout_url: `https://shop.example.com/checkout/${start + i}`,
					items: [
						{ ecommerce_product_id: product.id, variant: null, quantity: 1, price: product.price },
					],
				},
				status: 'pending',
				total_price: product.price,
			}),
		);
	}

	function seedCart(shopId: string, data: SeedCartData = {}): Cart {
		requireShop(shopId);
		const email = data.email ?? `cart-${bucket(state.carts, shopId).size + 1}@example.com`;
		const customer = findCustomerByEmail(shopId, email) ?? createCustomer(shopId, { email });
		let items = data.items;
		if (!items) {
			const products = [...bucket(state.products, shopId).values()].slice(0, 2);
			if (products.length < 2) products.push(...seedProducts(shopId, 2 - products.length));
			items = products.map((p, i) => ({
				ecommerce_product_id: p.id,
				quantity: i + 1,
				price: p.price,
			}));
		}
		const product = items.some((i) => i.ecommerce_product_id === undefined)
			? anyProduct(shopId)
			: undefined;
		const rows: Json[] = items.map((item) => ({
			ecommerce_product_id: item.ecommerce_product_id ?? product?.id,
			variant: item.variant ?? null,
			quantity: item.quantity ?? 1,
			price: item.price ?? product?.price ?? 0,
		}));
		return createCart(
			shopId,
			{ checkout_url: data.checkout_url ?? null, cart_total: data.cart_total, items: rows },
			customer.id,
			data.ecommerce_order_id ?? null,
		);
	}

	return {
		sim,
		state,
		apiKey,
		seedShop,
		seedCategories,
		seedProducts,
		seedCustomers,
		seedOrders,
		seedCart,
	};
}
