import type { IDataObject } from 'n8n-workflow';

import shopifyCancelled from '../fixtures/shopify/cancelled-eur.json';
import shopifyGuestDiscount from '../fixtures/shopify/guest-discount-usd.json';
import shopifyJpy from '../fixtures/shopify/jpy-digital-no-address.json';
import shopifyPresentmentSek from '../fixtures/shopify/presentment-sek-company.json';
import shopifyRefunded from '../fixtures/shopify/refunded-gbp.json';
import shopifyStandard from '../fixtures/shopify/standard-eur.json';
import wooCancelled from '../fixtures/woocommerce/cancelled-eur.json';
import wooSek from '../fixtures/woocommerce/completed-sek-company.json';
import wooGuestCoupon from '../fixtures/woocommerce/guest-coupon-usd.json';
import wooJpy from '../fixtures/woocommerce/jpy-virtual-on-hold.json';
import wooProcessing from '../fixtures/woocommerce/processing-eur.json';
import wooRefunded from '../fixtures/woocommerce/refunded-gbp.json';

/** Shopify orders as the Shopify Trigger outputs them (`orders/*` webhooks, REST order resource). */
export const SHOPIFY = {
	standard: shopifyStandard,
	guestDiscount: shopifyGuestDiscount,
	presentmentSek: shopifyPresentmentSek,
	jpy: shopifyJpy,
	refunded: shopifyRefunded,
	cancelled: shopifyCancelled,
} as unknown as Record<ShopifyFixture, IDataObject>;
export type ShopifyFixture = 'standard' | 'guestDiscount' | 'presentmentSek' | 'jpy' | 'refunded' | 'cancelled';

/** WooCommerce REST v3 orders, as its webhooks and the WooCommerce Trigger deliver them. */
export const WOO = {
	processing: wooProcessing,
	guestCoupon: wooGuestCoupon,
	sek: wooSek,
	jpy: wooJpy,
	refunded: wooRefunded,
	cancelled: wooCancelled,
} as unknown as Record<WooFixture, IDataObject>;
export type WooFixture = 'processing' | 'guestCoupon' | 'sek' | 'jpy' | 'refunded' | 'cancelled';

export const SHOPIFY_NAMES = Object.keys(SHOPIFY) as ShopifyFixture[];
export const WOO_NAMES = Object.keys(WOO) as WooFixture[];
