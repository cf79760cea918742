// The workspace's orders waiting at the counter, as the original's workspace lists them: 待接单 and 待派送 in two
// tabs with their buttons, oldest first, following order changes live.
import { api } from './api.js';
import { t } from './i18n.js';
import { h } from './dom.js';
import { OrderStatus, orderStatusLabels } from './enums.js';
import { onOrderChange, debounced } from './live.js';
import { oldestFirst } from './order_queue.js';
import { orderTable, loadAllowedActions } from './orders.js';

const { ToBeConfirmed, Confirmed } = OrderStatus;
const SHOWN = 50;
let status = ToBeConfirmed; // the tab, kept while the console is open

// waitingOrders returns the section at once and fills it; seq() is false once another screen is shown.
export function waitingOrders(seq) {
  const box = h('section', { class: 'waiting', id: 'waiting-orders' });
  let listed = new Set();
  async function refresh() {
    const [stats, page, actions] = await Promise.all([api.get('/admin/order/statistics'), oldestFirst(status, SHOWN), loadAllowedActions()]);
    if (!seq()) return;
    const counts = { [ToBeConfirmed]: stats.toBeConfirmed, [Confirmed]: stats.confirmed };
    listed = new Set(page.records.map((o) => String(o.id)));
    box.replaceChildren(
      h('div', { class: 'tabs', role: 'tablist' }, [ToBeConfirmed, Confirmed].map((s) => h('button', {
        class: s === status ? 'active' : '', role: 'tab', 'data-waiting': s,
        onclick: () => { status = s; refresh(); },
      }, t(orderStatusLabels[s]), counts[s] ? h('span', { class: 'badge' }, counts[s]) : null))),
      orderTable(page.records, status, actions, refresh),
      ...(page.total > SHOWN ? [h('a', { href: '#/orders', class: 'more' }, `${t('共')} ${page.total} · ${t('订单管理')}`)] : []));
  }
  refresh().catch((e) => box.replaceChildren(h('div', { class: 'error', role: 'alert' }, e.message)));
  // A paid order arrives (2), is accepted (3), or leaves either list (4, 6): read the tab again.
  const soon = debounced(() => { if (seq()) refresh().catch(() => {}); });
  onOrderChange((o) => { if (!o || o.status === ToBeConfirmed || o.status === Confirmed || listed.has(String(o.id))) soon(); });
  return box;
}
