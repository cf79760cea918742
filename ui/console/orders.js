// Orders: status tabs with counts and the original's columns per tab, search, detail, the actions of each state
// and the kitchen ticket. The list follows order changes live.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, dialog, toast, table, pager, money, field } from './dom.js';
import { OrderStatus, orderStatusLabels, PayStatus, payStatusLabels, PayMethod, payMethodLabels } from './enums.js';
import { printTicket } from './ticket.js';
import { onOrderChange, debounced } from './live.js';
import { nextWaiting } from './order_queue.js';

// The tabs in the original's order: the kitchen's work first, unpaid orders last. 0 is every status.
const { PendingPayment, ToBeConfirmed, Confirmed, DeliveryInProgress, Completed, Cancelled } = OrderStatus;
const tabs = [[0, '全部'], ...[ToBeConfirmed, Confirmed, DeliveryInProgress, Completed, Cancelled, PendingPayment]
  .map((s) => [s, orderStatusLabels[s]])];
const rejectReasons = ['订单量较多，暂时无法接单', '菜品已销售完，暂时无法接单', '餐厅已打烊，暂时无法接单'];
const cancelReasons = ['订单量较多，暂时无法接单', '菜品已销售完，暂时无法接单', '骑手不足无法配送', '客户电话取消'];
const channelLabels = { web: '网页', miniprogram: '小程序' };

// allowedActions is, per order status, what staff may do to an order in it, as the server's state machine says
// (GET /admin/order/actions): the console offers nothing the server would refuse. Read once per page load.
let allowedActions = null;
export async function loadAllowedActions() {
  if (!allowedActions) allowedActions = api.get('/admin/order/actions').catch((e) => { allowedActions = null; throw e; });
  return allowedActions;
}

const filter = { status: ToBeConfirmed, page: 1, pageSize: 10, number: '', phone: '', beginTime: '', endTime: '' };

// datetime-local gives 2026-01-02T10:30; the contract wants 2026-01-02 10:30:00.
const toContractTime = (v) => (v ? `${v.replace('T', ' ')}:00` : '');

// tableware is how many sets the customer asked for, or the original's "as many as the food" choice.
const tableware = (o) => (o.tablewareStatus === 1 ? t('按餐量提供') : `${o.tablewareNumber ?? 0}`);
// where is a table order's table (the contract's tableNo, absent on servers before it) or the delivery address.
const where = (o) => (o.tableNo ? h('span', { class: 'table-no' }, `${t('桌号')} ${o.tableNo}`) : o.address);
// tags mark what the counter must notice at a glance: a browser order, and money still to collect on delivery.
const tags = (o) => [
  o.channel === 'web' ? h('span', { class: 'channel' }, t(channelLabels.web)) : null,
  o.payMethod === PayMethod.PayOnDelivery && o.payStatus === PayStatus.Unpaid ? h('span', { class: 'channel collect' }, t('货到付款')) : null,
];

// The original's columns of each tab (its order list, views/orderDetails); 待付款, which it lacks, is shown as 全部.
const ALL = [0, PendingPayment, ToBeConfirmed, Confirmed, DeliveryInProgress, Completed, Cancelled];
const columns = [
  { title: '订单号', tabs: ALL, class: 'order-no', cell: (o) => [o.number, tags(o)] },
  { title: '订单菜品', tabs: [ToBeConfirmed, Confirmed, DeliveryInProgress], cell: (o) => o.orderDishes },
  { title: '订单状态', tabs: [0, PendingPayment], cell: (o) => h('span', { class: `status s${o.status}` }, t(orderStatusLabels[o.status])) },
  { title: '用户名', tabs: [0, PendingPayment, Completed, Cancelled], cell: (o) => o.consignee },
  { title: '手机号', tabs: [0, PendingPayment, Completed, Cancelled], class: 'nowrap', cell: (o) => o.phone },
  { title: '地址', tabs: ALL, class: 'address', cell: where },
  { title: '下单时间', tabs: [0, PendingPayment, Cancelled], class: 'nowrap', cell: (o) => o.orderTime },
  { title: '取消时间', tabs: [Cancelled], class: 'nowrap', cell: (o) => o.cancelTime },
  { title: '取消原因', tabs: [Cancelled], cell: (o) => o.cancelReason || o.rejectionReason },
  { title: '送达时间', tabs: [Completed], class: 'nowrap', cell: (o) => o.deliveryTime },
  { title: '预计送达时间', tabs: [ToBeConfirmed, Confirmed, DeliveryInProgress], class: 'nowrap', cell: (o) => o.estimatedDeliveryTime },
  { title: '实收金额', tabs: [0, PendingPayment, ToBeConfirmed, Completed], class: 'num', cell: (o) => money(o.amount) },
  { title: '备注', tabs: [ToBeConfirmed, Confirmed, DeliveryInProgress, Completed], cell: (o) => o.remark },
  { title: '餐具数量', tabs: [ToBeConfirmed, Confirmed, DeliveryInProgress], class: 'num', cell: tableware },
];

// orderTable lists orders with the columns of the tab of status and each order's buttons; done runs after an
// action. Rows carry the order id, which the keyboard's selection uses.
export function orderTable(records, status, actions, done) {
  if (!records.length) return h('div', { class: 'empty' }, t('暂无数据'));
  const shown = [...columns.filter((c) => c.tabs.includes(status)), {
    title: '操作', class: 'actions',
    cell: (o) => [actionButtons(o, actions, done), h('button', { class: 'link', 'data-action': '详情', onclick: () => openOrder(o.id, done) }, t('详情'))],
  }];
  return h('table', { class: 'orders' },
    h('thead', null, h('tr', null, shown.map((c) => h('th', null, t(c.title))))),
    h('tbody', null, records.map((o) => h('tr', { 'data-order-id': o.id, 'data-order-status': o.status },
      shown.map((c) => h('td', { class: c.class }, c.cell(o)))))));
}

export async function ordersView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const rerender = () => ordersView(el, { seq });
  const number = h('input', { placeholder: t('订单号'), value: filter.number, size: 16, id: 'order-number' });
  const phone = h('input', { placeholder: t('手机号'), value: filter.phone, size: 11 });
  const begin = h('input', { type: 'datetime-local', value: filter.beginTime, 'aria-label': t('开始时间') });
  const end = h('input', { type: 'datetime-local', value: filter.endTime, 'aria-label': t('结束时间') });
  const err = h('span', { class: 'error' });
  const search = h('form', { class: 'toolbar', onsubmit: (ev) => {
    ev.preventDefault();
    if (begin.value && end.value && begin.value > end.value) { err.textContent = `${t('开始时间')} > ${t('结束时间')}`; return; }
    Object.assign(filter, { number: number.value.trim(), phone: phone.value.trim(), beginTime: begin.value, endTime: end.value, page: 1 });
    refresh();
  } }, number, phone, t('开始时间'), begin, t('结束时间'), end,
  h('button', { class: 'primary', type: 'submit' }, t('查询')),
  h('button', { type: 'button', onclick: () => { Object.assign(filter, { number: '', phone: '', beginTime: '', endTime: '', page: 1 }); rerender(); } }, t('重置')), err);
  const tabBar = h('div', { class: 'tabs', role: 'tablist' });
  const list = h('div');
  let listed = new Set();

  // refresh reads the tab again and redraws the tabs and the list, leaving the search fields as they are typed.
  async function refresh() {
    const [stats, page, actions] = await Promise.all([
      api.get('/admin/order/statistics'),
      api.get('/admin/order/conditionSearch', {
        page: filter.page, pageSize: filter.pageSize, status: filter.status || '', number: filter.number, phone: filter.phone,
        beginTime: toContractTime(filter.beginTime), endTime: toContractTime(filter.endTime),
      }),
      loadAllowedActions(),
    ]);
    if (!seq() || gen !== el.gen) return;
    const counts = { [ToBeConfirmed]: stats.toBeConfirmed, [Confirmed]: stats.confirmed, [DeliveryInProgress]: stats.deliveryInProgress };
    tabBar.replaceChildren(...tabs.map(([s, label]) => h('button', {
      class: filter.status === s ? 'active' : '', role: 'tab', 'data-status': s,
      onclick: () => { filter.status = s; filter.page = 1; refresh(); },
    }, t(label), counts[s] ? h('span', { class: 'badge' }, counts[s]) : null)));
    const rows = page.records || [];
    listed = new Set(rows.map((o) => String(o.id)));
    list.replaceChildren(orderTable(rows, filter.status, actions, refresh),
      pager(filter.page, filter.pageSize, page.total || 0, (p) => { filter.page = p; refresh(); }));
  }
  await refresh();
  if (!seq() || gen !== el.gen) return;
  el.replaceChildren(tabBar, search, list);
  // Live: any change of a listed order, or one into this tab, reads the list again (the badges with it).
  const soon = debounced(() => refresh().catch(() => {}));
  onOrderChange((o) => {
    if (gen !== el.gen) return; // a newer render of this screen listens instead
    if (!o || listed.has(String(o.id)) || !filter.status || o.status === filter.status || o.status === ToBeConfirmed) soon();
  });
}

// actionButtons are the buttons of the actions the server allows for the order's status, in this order.
// after(action) runs once an action succeeded.
function actionButtons(o, actions, after) {
  const act = (label, name, fn) => h('button', { class: 'link', 'data-action': label, onclick: async (ev) => {
    const button = ev.currentTarget;
    button.disabled = true; // a second tap in a rush must not send the step twice
    try { await fn(); toast(t('操作成功')); after(name); } catch (e) { toast(e.message, true); button.disabled = false; }
  } }, t(label));
  const withReason = (label, title, presets, send, name) => h('button', { class: 'link danger', 'data-action': label,
    onclick: () => reasonDialog(title, presets, send, () => after(name)) }, t(label));
  const buttons = {
    confirm: () => act('接单', 'confirm', () => api.put('/admin/order/confirm', { id: o.id })),
    reject: () => withReason('拒单', '拒单原因', rejectReasons, (r) => api.put('/admin/order/rejection', { id: o.id, rejectionReason: r }), 'reject'),
    delivery: () => act('派送', 'delivery', () => api.put(`/admin/order/delivery/${o.id}`)),
    complete: () => act('完成', 'complete', () => api.put(`/admin/order/complete/${o.id}`)),
    cancel: () => withReason('取消订单', '取消原因', cancelReasons, (r) => api.put('/admin/order/cancel', { id: o.id, cancelReason: r }), 'cancel'),
  };
  const allowed = new Set((actions && actions[o.status]) || []);
  return Object.keys(buttons).filter((a) => allowed.has(a)).map((a) => buttons[a]());
}

function reasonDialog(title, presets, send, done) {
  const choice = h('select', null, [...presets, '自定义'].map((r) => h('option', { value: r }, t(r) === r ? r : `${r} (${t(r)})`)));
  const custom = h('textarea', { rows: 3, placeholder: t('请填写原因'), maxlength: 200 });
  const customRow = h('div', { hidden: true }, custom);
  choice.addEventListener('change', () => { customRow.hidden = choice.value !== '自定义'; });
  dialog(t(title), h('div', { class: 'form' }, field(title, choice), h('span'), customRow), {
    extraClass: 'above-alerts',
    onOk: async () => {
      const reason = choice.value === '自定义' ? custom.value.trim() : choice.value;
      if (!reason) throw new Error(t('请填写原因'));
      await send(reason);
      toast(t('操作成功'));
      done();
    },
  });
}

// After accepting or rejecting a waiting order in its detail, the next waiting one opens (the original's
// 处理完自动跳转下一条, on unless staff turn it off; remembered on this device).
const AUTO_NEXT_KEY = 'myrestaurant.console.autoNext';
const autoNext = () => localStorage.getItem(AUTO_NEXT_KEY) !== 'off';

const row = (label, value) => (value === undefined || value === null || value === '' ? null : [h('dt', null, t(label)), h('dd', null, value)]);
const payMethod = (o) => t(payMethodLabels[o.payMethod] || payMethodLabels[PayMethod.PayWeChat]);
const payStatus = (o) => t(payStatusLabels[o.payStatus] ?? payStatusLabels[PayStatus.Unpaid]);

// openOrder shows the order with its items, fees and payment above everything else on screen (the alert popup
// too), with the buttons of its state; done runs after an action, e.g. to read a list again.
export async function openOrder(id, done) {
  let o;
  let actions;
  try { [o, actions] = await Promise.all([api.get(`/admin/order/details/${id}`), loadAllowedActions()]); } catch (e) { toast(e.message, true); return; }
  const items = o.orderDetailList || [];
  const itemsTotal = items.reduce((sum, i) => sum + Math.round(Number(i.amount || 0) * 100) * i.number, 0) / 100;
  const waiting = o.status === ToBeConfirmed;
  let d;
  const after = async (action) => {
    d.close();
    done?.();
    if (waiting && autoNext() && (action === 'confirm' || action === 'reject')) {
      const next = await nextWaiting(o.id).catch(() => null);
      if (next) openOrder(next.id, done);
    }
  };
  const next = h('label', { class: 'auto-next' }, h('input', { type: 'checkbox', checked: autoNext(), id: 'auto-next',
    onchange: (ev) => localStorage.setItem(AUTO_NEXT_KEY, ev.target.checked ? 'on' : 'off') }), ' ', t('处理完自动跳转下一条'));
  const cancelled = o.status === Cancelled;
  const body = h('div', { id: 'order-detail', 'data-order-id': o.id, 'data-order-status': o.status },
    h('dl', { class: 'kv' },
      row('订单号', h('span', { class: 'order-no' }, o.number)),
      row('状态', h('span', { class: `status s${o.status}` }, t(orderStatusLabels[o.status]))),
      row('下单时间', o.orderTime),
      row('渠道', o.channel ? t(channelLabels[o.channel] || o.channel) : null),
      row('桌号', o.tableNo || null),
      row('收货人', `${o.consignee || ''} ${o.phone || ''}`.trim()),
      o.tableNo ? null : row('地址', o.address),
      o.status === Completed ? row('送达时间', o.deliveryTime) : row('预计送达', o.estimatedDeliveryTime || (o.tableNo ? null : '-')),
      row('餐具数量', tableware(o)),
      row('备注', o.remark || t('无')),
      cancelled ? row('取消时间', o.cancelTime) : null,
      row('取消原因', o.cancelReason),
      row('拒单原因', o.rejectionReason),
      row('支付方式', `${payMethod(o)} · ${payStatus(o)}`),
      row('支付时间', o.checkoutTime)),
    table([
      { title: '菜品', cell: (i) => `${i.name}${i.dishFlavor ? ` (${i.dishFlavor})` : ''}` },
      { title: '份数', class: 'num', cell: (i) => `×${i.number}` },
      { title: '单价', class: 'num', cell: (i) => money(i.amount) },
      { title: '小计', class: 'num', cell: (i) => money(Number(i.amount) * i.number) },
    ], items),
    h('dl', { class: 'totals' },
      h('dt', null, t('菜品小计')), h('dd', { 'data-money': 'items' }, money(itemsTotal)),
      h('dt', null, t('打包费')), h('dd', { 'data-money': 'pack' }, money(o.packAmount)),
      h('dt', null, t('配送费')), h('dd', { 'data-money': 'delivery' }, money(o.deliveryFee)),
      h('dt', { class: 'sum' }, t('合计')), h('dd', { class: 'sum', 'data-money': 'total' }, money(o.amount))),
    h('div', { class: 'toolbar' }, actionButtons(o, actions, after), h('button', { 'data-action': '打印小票', onclick: () => printTicket(o) }, t('打印小票')),
      waiting ? next : null));
  d = dialog(t('订单详情'), body, { extraClass: 'above-alerts order-overlay', buttons: [h('button', { onclick: () => d.close() }, t('关闭'))] });
}
