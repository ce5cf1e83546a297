/** The statements the scenarios share, so each scenario's lines show only how it calls them. */
export const ORDERS = 'SELECT id, customer FROM orders ORDER BY id';
export const ORDER_BY_ID = 'SELECT id, customer FROM orders WHERE id = $1';
export const PRODUCTS = 'SELECT id, sku, name FROM products ORDER BY id';
export const PRODUCT_BY_ID = 'SELECT id, sku, name FROM products WHERE id = $1';
export const ITEMS_BY_ORDER = 'SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = $1 ORDER BY id';
export const ITEMS_BY_SKU = 'SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE sku = $1 ORDER BY id';
export const ITEMS_FOR_ORDERS = 'SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ANY($1) ORDER BY id';
export const ORDERS_PAGE_BY_OFFSET = 'SELECT id, customer FROM orders ORDER BY id LIMIT $1 OFFSET $2';
export const ORDERS_PAGE_AFTER_ID = 'SELECT id, customer FROM orders WHERE id > $1 ORDER BY id LIMIT $2';
export const NEXT_ORDER_OF_CUSTOMER = 'SELECT id, customer FROM orders WHERE customer = $1 AND id > $2 ORDER BY id LIMIT 1';
