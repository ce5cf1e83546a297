export interface Order {
  id: number;
  customer: string;
}

export interface OrderItem {
  id: number;
  order_id: number;
  product_id: number;
  sku: string;
  quantity: number;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
}

export type OrderWithItems = Order & { items: OrderItem[] };
