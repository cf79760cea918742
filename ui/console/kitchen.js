// The kitchen view (#/kitchen): the orders being prepared (已接单), oldest first, in large print for a tablet a
// metre away: each with its items, flavors, remark and table, and one tap to send it out (派送). It follows
// order changes live and rings for new orders like every screen of the console.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, toast } from './dom.js';
import { OrderStatus } from './enums.js';
import { onOrderChange, debounced } from './live.js';
import { oldestFirst } from './order_queue.js';
import { shortNumber } from './ticket.js';

const SHOWN = 50;
// An order's items never change, so each is read once while the view is open.
const itemsOf = new Map();

async function items(id) {
  if (!itemsOf.has(id)) itemsOf.set(id, api.get(`/admin/order/details/${id}`).then((o) => o.orderDetailList || []).catch((e) => { itemsOf.delete(id); throw e; }));
  return itemsOf.get(id);
}

function card(o, list, refresh) {
  const send = h('button', { class: 'primary ready', 'data-action': '派送', onclick: async () => {
    send.disabled = true;
    try { await api.put(`/admin/order/delivery/${o.id}`); toast(t('操作成功')); refresh(); } catch (e) { toast(e.message, true); send.disabled = false; }
  } }, t('出餐 · 派送'));
  return h('article', { class: 'ticket-card', 'data-order-id': o.id },
    h('header', null,
      h('span', { class: 'short-no', title: o.number }, `#${shortNumber(o.number)}`),
      o.tableNo ? h('span', { class: 'table-no' }, `${t('桌号')} ${o.tableNo}`) : h('span', { class: 'takeout' }, t('外卖')),
      h('span', { class: 'when' }, (o.checkoutTime || o.orderTime || '').slice(11))),
    h('ul', null, list.map((i) => h('li', null,
      h('span', { class: 'qty' }, `${i.number}×`), ' ', i.name, i.dishFlavor ? h('span', { class: 'flavor' }, i.dishFlavor) : null))),
    o.remark ? h('p', { class: 'remark' }, `${t('备注')}：${o.remark}`) : null,
    o.estimatedDeliveryTime ? h('p', { class: 'muted' }, `${t('预计送达')} ${o.estimatedDeliveryTime}`) : null,
    send);
}

export async function kitchenView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1);
  async function refresh() {
    const { records, total } = await oldestFirst(OrderStatus.Confirmed, SHOWN);
    const lists = await Promise.all(records.map((o) => items(o.id)));
    if (!seq() || gen !== el.gen) return;
    el.replaceChildren(
      h('div', { class: 'kitchen-head' }, h('span', null, `${t('待出餐')} ${total}`), h('a', { href: '#/workspace' }, t('工作台'))),
      records.length ? h('div', { class: 'kitchen' }, records.map((o, i) => card(o, lists[i], refresh))) : h('div', { class: 'empty' }, t('暂无待出餐订单')));
  }
  await refresh();
  // An accepted order joins (3); one sent out or cancelled leaves.
  const soon = debounced(() => { if (seq()) refresh().catch(() => {}); });
  const shown = () => new Set([...el.querySelectorAll('[data-order-id]')].map((c) => c.dataset.orderId));
  onOrderChange((o) => { if (!o || o.status === OrderStatus.Confirmed || shown().has(String(o.id))) soon(); });
}
