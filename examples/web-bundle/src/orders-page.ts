import { formatDate } from './format-date.js';

/** The orders page of a small web app: one route chunk. */
export function renderOrders(orders: ReadonlyArray<{ id: number; placedAt: Date; total: number }>): string {
  const rows = orders.map((order) => `<tr><td>#${order.id}</td><td>${formatDate(order.placedAt)}</td><td>${order.total.toFixed(2)}</td></tr>`);
  return `<table class="orders">${rows.join('')}</table>`;
}
