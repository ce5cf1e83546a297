/** Statement shapes as perfgate prints them: placeholders as `?`, keywords upper-cased. */
export const ORDERS_SHAPE = 'SELECT id, customer FROM orders ORDER BY id';
export const PRODUCTS_SHAPE = 'SELECT id, sku, name FROM products ORDER BY id';
export const ITEMS_BY_ORDER_SHAPE = 'SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE order_id = ? ORDER BY id';
export const ITEMS_BY_SKU_SHAPE = 'SELECT id, order_id, product_id, sku, quantity FROM order_items WHERE sku = ? ORDER BY id';
export const PRODUCT_BY_ID_SHAPE = 'SELECT id, sku, name FROM products WHERE id = ?';
export const ORDER_BY_ID_SHAPE = 'SELECT id, customer FROM orders WHERE id = ?';
