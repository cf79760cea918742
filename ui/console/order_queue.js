// Orders of one status, oldest first: the order in which a counter and a kitchen work through them. The staff
// search lists newest first, so the oldest are on its last page.
import { api } from './api.js';
import { OrderStatus } from './enums.js';

const search = (query) => api.get('/admin/order/conditionSearch', query);

// oldestFirst returns up to limit orders of the status, the oldest first, and how many there are in all.
export async function oldestFirst(status, limit = 50) {
  const first = await search({ page: 1, pageSize: limit, status });
  let records = first.records || [];
  const total = first.total || 0;
  if (total > limit) {
    // The oldest are at the end: the last page and the one before it hold them (pages are of the same size).
    const lastPage = Math.ceil(total / limit);
    const [before, last] = await Promise.all([lastPage - 1, lastPage].map((page) => search({ page, pageSize: limit, status })));
    records = [...(before.records || []), ...(last.records || [])].slice(-limit);
  }
  return { total, records: records.slice().reverse() };
}

// nextWaiting is the oldest order waiting to be accepted, other than the one just handled, or null.
export async function nextWaiting(handledId) {
  const { records } = await oldestFirst(OrderStatus.ToBeConfirmed, 20);
  return records.find((o) => String(o.id) !== String(handledId)) || null;
}
