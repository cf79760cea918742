// The customer's orders, newest first, with the original's tabs (all, unpaid, cancelled), ten at a time; each
// card opens the order page and offers order again, pay and reminder as the original's list does.
import { api } from './api.js';
import { h, errorText, money, img } from './dom.js';
import { t } from './i18n.js';
import { topBar } from './top_bar.js';
import { OrderStatus, statusWord } from './order_status.js';
import { orderAgain, remind } from './order_actions.js';

const TABS = [['', '全部订单'], [String(OrderStatus.PendingPayment), '待付款'], [String(OrderStatus.Cancelled), '已取消']];
const PAGE_SIZE = 10;

function card(o) {
  const items = o.orderDetailList || [];
  const count = items.reduce((n, d) => n + d.number, 0);
  const payable = o.status === OrderStatus.PendingPayment; // past the payment window the server has cancelled it
  const open = () => { location.hash = `#/order/${o.id}`; };
  return h('section', { class: 'card history-card', 'data-order': o.number },
    h('div', { class: 'row', onclick: open }, h('span', { class: 'muted small' }, o.orderTime),
      o.tableNo ? h('span', { class: 'pill table' }, `${t('桌号')} ${o.tableNo}`) : null,
      h('span', { class: `word s${o.status}` }, statusWord(o))),
    h('div', { class: 'row', onclick: open },
      h('div', { class: 'thumbs' }, items.slice(0, 4).map((d) => h('div', { class: 'thumb-item' }, img(d.image, 'thumb', 48), h('div', { class: 'small' }, d.name)))),
      h('div', { class: 'sum' }, h('div', { class: 'price' }, money(o.amount)), h('div', { class: 'muted small' }, `${t('共')}${count}${t('件')}`))),
    h('div', { class: 'actions' },
      h('button', { onclick: () => orderAgain(o.id) }, t('再来一单')),
      payable ? h('button', { class: 'primary', onclick: open }, t('去支付')) : null,
      o.status === OrderStatus.ToBeConfirmed ? h('button', { onclick: () => remind(o.id) }, t('催单')) : null));
}

export async function renderHistory(root, { query }) {
  const status = query.get('status') || '';
  const list = h('div', { class: 'history-list' }, h('p', { class: 'loading' }, t('加载中')));
  const more = h('div', { class: 'more' });
  root.replaceChildren(topBar(t('我的订单'), '#/'),
    h('div', { class: 'tabs sticky' }, TABS.map(([s, name]) => h('a', { class: s === status ? 'on' : '', href: `#/orders${s ? `?status=${s}` : ''}`, 'data-tab': s || 'all' }, t(name)))),
    h('div', { class: 'page' }, list, more, h('a', { class: 'button ghost wide', href: '#/addresses', id: 'address-book' }, t('地址管理'))));
  let page = 1;
  let shown = [];
  const load = async () => {
    try {
      const r = await api.get('/user/order/historyOrders', { page, pageSize: PAGE_SIZE, status });
      shown = shown.concat(r.records || []);
      list.replaceChildren(...(shown.length ? shown.map(card) : [h('p', { class: 'muted empty' }, t('还没有订单'))]));
      more.replaceChildren(shown.length < Number(r.total)
        ? h('button', { class: 'ghost wide', onclick: () => { page += 1; load(); } }, t('加载更多'))
        : shown.length ? h('p', { class: 'muted small center' }, t('没有更多了')) : '');
    } catch (e) {
      list.replaceChildren(h('p', { class: 'error' }, errorText(e)));
    }
  };
  await load();
}
