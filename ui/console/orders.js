// Orders: status tabs with counts, search, detail, the actions of each state and the kitchen ticket.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, dialog, toast, table, pager, money, field } from './dom.js';
import { OrderStatus, orderStatusLabels } from './enums.js';
import { printTicket } from './ticket.js';

// The tabs in the original's order: the kitchen's work first, unpaid orders last. 0 is every status.
const { PendingPayment, ToBeConfirmed, Confirmed, DeliveryInProgress, Completed, Cancelled } = OrderStatus;
const tabs = [[0, '全部'], ...[ToBeConfirmed, Confirmed, DeliveryInProgress, Completed, Cancelled, PendingPayment]
  .map((s) => [s, orderStatusLabels[s]])];
const rejectReasons = ['订单量较多，暂时无法接单', '菜品已销售完，暂时无法接单', '餐厅已打烊，暂时无法接单'];
const cancelReasons = ['订单量较多，暂时无法接单', '菜品已销售完，暂时无法接单', '骑手不足无法配送', '客户电话取消'];

// allowedActions is, per order status, what staff may do to an order in it, as the server's state machine says
// (GET /admin/order/actions): the console offers nothing the server would refuse. Read once per page load.
let allowedActions = null;
async function loadAllowedActions() {
  if (!allowedActions) allowedActions = api.get('/admin/order/actions').catch((e) => { allowedActions = null; throw e; });
  return allowedActions;
}

const filter = { status: ToBeConfirmed, page: 1, pageSize: 10, number: '', phone: '', beginTime: '', endTime: '' };

// datetime-local gives 2026-01-02T10:30; the contract wants 2026-01-02 10:30:00.
const toContractTime = (v) => (v ? `${v.replace('T', ' ')}:00` : '');

export async function ordersView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
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
  const rerender = () => ordersView(el, { seq });
  const tabBar = h('div', { class: 'tabs', role: 'tablist' }, tabs.map(([s, label]) => h('button', {
    class: filter.status === s ? 'active' : '', role: 'tab', 'data-status': s,
    onclick: () => { filter.status = s; filter.page = 1; rerender(); },
  }, t(label), counts[s] ? h('span', { class: 'badge' }, counts[s]) : null)));

  const number = h('input', { placeholder: t('订单号'), value: filter.number, size: 14, id: 'order-number' });
  const phone = h('input', { placeholder: t('手机号'), value: filter.phone, size: 11 });
  const begin = h('input', { type: 'datetime-local', value: filter.beginTime, 'aria-label': t('开始时间') });
  const end = h('input', { type: 'datetime-local', value: filter.endTime, 'aria-label': t('结束时间') });
  const err = h('span', { class: 'error' });
  const search = h('form', { class: 'toolbar', onsubmit: (ev) => {
    ev.preventDefault();
    if (begin.value && end.value && begin.value > end.value) { err.textContent = `${t('开始时间')} > ${t('结束时间')}`; return; }
    Object.assign(filter, { number: number.value.trim(), phone: phone.value.trim(), beginTime: begin.value, endTime: end.value, page: 1 });
    rerender();
  } }, number, phone, t('开始时间'), begin, t('结束时间'), end,
  h('button', { class: 'primary', type: 'submit' }, t('查询')),
  h('button', { type: 'button', onclick: () => { Object.assign(filter, { number: '', phone: '', beginTime: '', endTime: '', page: 1 }); rerender(); } }, t('重置')), err);

  const rows = page.records || [];
  el.replaceChildren(tabBar, search, table([
    { title: '订单号', cell: (o) => o.number },
    { title: '菜品', cell: (o) => o.orderDishes },
    { title: '地址', cell: (o) => o.address },
    { title: '收货人', cell: (o) => `${o.consignee || ''} ${o.phone || ''}` },
    { title: '下单时间', cell: (o) => o.orderTime },
    { title: '实收金额', class: 'num', cell: (o) => money(o.amount) },
    { title: '状态', cell: (o) => h('span', { class: `status s${o.status}` }, t(orderStatusLabels[o.status])) },
    { title: '操作', class: 'actions', cell: (o) => [h('button', { class: 'link', onclick: () => openOrder(o.id, rerender) }, t('详情')), actionButtons(o, actions, rerender)] },
  ], rows), pager(filter.page, filter.pageSize, page.total || 0, (p) => { filter.page = p; rerender(); }));
}

// actionButtons are the buttons of the actions the server allows for the order's status, in this order.
function actionButtons(o, actions, done) {
  const act = (label, fn, cls = 'link') => h('button', { class: cls, 'data-action': label, onclick: async () => {
    try { if (await fn() !== false) { toast(t('操作成功')); done(); } } catch (e) { toast(e.message, true); }
  } }, t(label));
  const buttons = {
    confirm: () => act('接单', () => api.put('/admin/order/confirm', { id: o.id })),
    reject: () => h('button', { class: 'link danger', 'data-action': '拒单', onclick: () => reasonDialog('拒单原因', rejectReasons, (r) => api.put('/admin/order/rejection', { id: o.id, rejectionReason: r }), done) }, t('拒单')),
    delivery: () => act('派送', () => api.put(`/admin/order/delivery/${o.id}`)),
    complete: () => act('完成', () => api.put(`/admin/order/complete/${o.id}`)),
    cancel: () => h('button', { class: 'link danger', 'data-action': '取消订单', onclick: () => reasonDialog('取消原因', cancelReasons, (r) => api.put('/admin/order/cancel', { id: o.id, cancelReason: r }), done) }, t('取消订单')),
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
    onOk: async () => {
      const reason = choice.value === '自定义' ? custom.value.trim() : choice.value;
      if (!reason) throw new Error(t('请填写原因'));
      await send(reason);
      toast(t('操作成功'));
      done();
    },
  });
}

export async function openOrder(id, done) {
  let o;
  let actions;
  try { [o, actions] = await Promise.all([api.get(`/admin/order/details/${id}`), loadAllowedActions()]); } catch (e) { toast(e.message, true); return; }
  const items = o.orderDetailList || [];
  let d;
  const after = () => { d.close(); done?.(); };
  const body = h('div', { id: 'order-detail' },
    h('dl', { class: 'kv' },
      h('dt', null, t('订单号')), h('dd', null, o.number),
      h('dt', null, t('状态')), h('dd', null, h('span', { class: `status s${o.status}` }, t(orderStatusLabels[o.status]))),
      h('dt', null, t('下单时间')), h('dd', null, o.orderTime),
      h('dt', null, t('收货人')), h('dd', null, `${o.consignee || ''} ${o.phone || ''}`),
      h('dt', null, t('地址')), h('dd', null, o.address),
      h('dt', null, t('预计送达')), h('dd', null, o.estimatedDeliveryTime || '-'),
      h('dt', null, t('备注')), h('dd', null, o.remark || t('无')),
      o.cancelReason ? [h('dt', null, t('取消原因')), h('dd', null, o.cancelReason)] : null,
      o.rejectionReason ? [h('dt', null, t('拒单原因')), h('dd', null, o.rejectionReason)] : null),
    table([
      { title: '菜品', cell: (i) => `${i.name}${i.dishFlavor ? ` (${i.dishFlavor})` : ''}` },
      { title: '份数', class: 'num', cell: (i) => `×${i.number}` },
      { title: '价格', class: 'num', cell: (i) => money(i.amount) },
    ], items),
    h('p', null, `${t('打包费')} ${money(o.packAmount)} · ${t('合计')} `, h('strong', null, money(o.amount))),
    h('div', { class: 'toolbar' }, actionButtons(o, actions, after), h('button', { onclick: () => printTicket(o) }, t('打印小票'))));
  d = dialog(t('订单详情'), body, { buttons: [h('button', { onclick: () => d.close() }, t('关闭'))] });
}
