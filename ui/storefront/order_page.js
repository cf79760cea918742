// The order page follows the customer's order live: PocketBase realtime on orders/<id> (the order's own record,
// which only its customer and the staff may follow) triggers a fresh read of the order, so the page moves from
// paid to accepted, out for delivery and completed, or says that and why it was cancelled, without polling or
// reloading. It offers what the original's order page offers: pay, cancel, reminder, order again, call the shop.
import { api } from './api.js';
import { cart } from './cart.js';
import { h, toast, errorText, money, img, confirmSheet, sheet } from './dom.js';
import { t } from './i18n.js';
import { session } from './session.js';
import { shop } from './shop.js';
import { topBar } from './top_bar.js';
import { OrderStatus, PayStatus, PAYMENT_WINDOW_MS, statusTitle, payText, isPayOnDelivery, orderTimeMs } from './order_status.js';
import { payChoices, pay, nativeCode } from './pay.js';
import { orderAgain, remind } from './order_actions.js';

function steps(o) {
  const names = [isPayOnDelivery(o) ? '已下单' : '已支付', '已接单', o.tableNo ? '上菜中' : '派送中', '已完成'];
  const reached = { 2: 1, 3: 2, 4: 3, 5: 4 }[o.status] || 0;
  return h('ol', { class: 'steps' }, names.map((n, i) => h('li', { class: i < reached ? 'done' : '' }, t(n))));
}

async function qrCode(url) {
  const { default: qrcode } = await import('/vendor/qrcode.mjs');
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  const box = h('div', { class: 'qr', id: 'pay-qr' });
  box.innerHTML = qr.createSvgTag(5, 8);
  return box;
}

function cancelReason(o) {
  if (o.rejectionReason) return `${t('商家拒单')}：${o.rejectionReason}`;
  if (o.cancelReason) return `${t('原因')}：${o.cancelReason}`;
  return '';
}

function callShop() {
  const phone = shop().phone;
  if (!phone) return;
  const close = sheet([h('p', { class: 'question' }, phone), h('div', { class: 'sheet-buttons' },
    h('button', { class: 'ghost', onclick: () => close() }, t('取消')),
    h('a', { class: 'button primary', href: `tel:${phone}` }, t('拨打电话')))], { label: t('联系商家') });
}

// askToCall says what only the shop can do, and offers to call it.
function askToCall(question, label) {
  confirmSheet(question, t('拨打电话'), callShop, label);
}

export async function renderOrder(root, { id }) {
  const head = h('section', { class: 'card status-card' });
  const body = h('div');
  const live = h('div', { class: 'live muted small', id: 'live' });
  root.replaceChildren(topBar(t('订单详情'), '#/orders'), h('div', { class: 'page order' }, live, head, body));
  let order = null;
  let timer = 0;
  let stopped = false;

  const payNow = async () => {
    const choices = payChoices();
    if (!choices.length) { toast(t('暂未开通在线支付，请联系商家'), true); return; }
    const go = async (method) => {
      try { await pay(order.number, method); } catch (e) { toast(errorText(e), true); }
      refresh();
    };
    if (choices.length === 1) { go(choices[0].method); return; }
    const close = sheet([h('div', { class: 'sheet-title' }, t('支付方式')),
      ...choices.map((c) => h('button', { class: 'primary wide', 'data-pay': String(c.method), onclick: () => { close(); go(c.method); } }, c.label))],
    { label: t('支付方式') });
  };

  // As the original: a refund of a completed order is the shop's to agree, by phone.
  const askRefund = () => askToCall(t('请联系商家进行退款！'), t('申请退款'));

  const cancel = () => {
    if (order.status !== OrderStatus.PendingPayment && order.status !== OrderStatus.ToBeConfirmed) {
      askToCall(t('请联系商家进行取消！'), t('取消订单'));
      return;
    }
    confirmSheet(t('确定取消订单吗？'), t('取消订单'), async () => {
      try { await api.put(`/user/order/cancel/${order.id}`); toast(t('您的订单已取消！')); } catch (e) { toast(errorText(e), true); }
      refresh();
    });
  };

  const drawHead = () => {
    clearInterval(timer);
    const o = order;
    const note = h('p', { class: 'status-note', id: 'status-note' });
    if (o.status === OrderStatus.PendingPayment) {
      // The order time is the shop's wall clock: on a phone in another zone the countdown would be wrong, so it
      // is shown only when it makes sense; the server cancels at the deadline either way.
      const tick = () => {
        const left = PAYMENT_WINDOW_MS - (Date.now() - orderTimeMs(o.orderTime));
        const m = Math.floor(left / 60000);
        const s = Math.floor((left % 60000) / 1000);
        const clock = left >= 0 && left <= PAYMENT_WINDOW_MS ? ` ${t('剩余')} ${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : '';
        note.textContent = `${t('请在15分钟内完成支付，超时将自动取消。')}${clock}`;
      };
      tick();
      timer = setInterval(tick, 1000);
    } else if (o.status === OrderStatus.Cancelled) {
      const refund = { [PayStatus.Refunded]: t('款项已原路退回'), [PayStatus.Paid]: t('款项将原路退回') }[o.payStatus];
      note.textContent = [cancelReason(o), refund].filter(Boolean).join(' · ');
    } else if (isPayOnDelivery(o) && o.payStatus !== PayStatus.Paid && o.status <= OrderStatus.DeliveryInProgress) {
      note.textContent = `${o.tableNo ? t('请到前台付款') : t('请在收货时付款')} ${money(o.amount)}`;
    } else if (o.tableNo && o.status === OrderStatus.ToBeConfirmed) {
      note.textContent = t('已收到，餐做好后送到桌上');
    }
    const cancelled = o.status === OrderStatus.Cancelled;
    head.className = `card status-card s${o.status}`;
    head.replaceChildren(...[
      h('h2', { id: 'order-status', 'data-status': String(o.status) }, statusTitle(o)),
      note,
      cancelled ? null : steps(o),
      h('div', { class: 'pay-slot' }),
      h('div', { class: 'actions' },
        o.status === OrderStatus.PendingPayment ? h('button', { class: 'primary', id: 'pay-now', onclick: payNow }, t('立即支付')) : null,
        o.status === OrderStatus.ToBeConfirmed ? h('button', { id: 'remind', onclick: () => remind(o.id) }, t('催单')) : null,
        o.status >= OrderStatus.PendingPayment && o.status <= OrderStatus.DeliveryInProgress ? h('button', { id: 'cancel-order', onclick: cancel }, t('取消订单')) : null,
        o.status === OrderStatus.Completed ? h('button', { onclick: askRefund }, t('申请退款')) : null,
        h('button', { id: 'order-again', onclick: () => orderAgain(o.id) }, t('再来一单')),
        shop().phone ? h('button', { class: 'ghost', onclick: callShop }, t('联系商家')) : null),
    ].filter(Boolean));
    const code = o.status === OrderStatus.PendingPayment ? nativeCode(o.number) : '';
    if (code) {
      qrCode(code).then((qr) => head.querySelector('.pay-slot')?.replaceChildren(qr,
        h('p', { class: 'muted small' }, `${t('请用微信扫码支付')} · ${t('支付完成后本页自动更新')}`))).catch(() => {});
    }
  };

  const drawBody = () => {
    const o = order;
    const items = o.orderDetailList || [];
    const food = items.reduce((s, d) => s + d.number * Number(d.amount), 0);
    const fee = Math.max(0, Number(o.amount) - food - Number(o.packAmount || 0));
    const info = (label, value) => (value === '' || value === null || value === undefined ? null : h('div', { class: 'info' }, h('span', { class: 'muted' }, t(label)), h('span', null, value)));
    body.replaceChildren(
      h('section', { class: 'card' },
        h('div', { class: 'label' }, shop().name || ''),
        items.map((d) => h('div', { class: 'order-line' }, img(d.image, 'thumb', 48),
          h('div', { class: 'grow' }, h('div', null, d.name), d.dishFlavor ? h('div', { class: 'muted small' }, d.dishFlavor) : null),
          h('span', { class: 'muted' }, `× ${d.number}`), h('span', { class: 'price' }, money(d.number * Number(d.amount))))),
        h('div', { class: 'amounts' },
          h('div', null, h('span', null, t('打包费')), h('span', null, money(o.packAmount))),
          o.tableNo ? null : h('div', null, h('span', null, t('配送费')), h('span', null, money(fee))),
          h('div', { class: 'total' }, h('span', null, t('合计')), h('span', { id: 'order-amount' }, money(o.amount))))),
      h('section', { class: 'card' },
        o.tableNo ? info('桌号', o.tableNo) : info('期望时间', o.deliveryStatus === 1 ? t('立即派送') : o.estimatedDeliveryTime),
        o.tableNo ? null : info('配送地址', `${o.consignee || ''} ${o.phone || ''} ${o.address || ''}`.trim()),
        info('订单号码', o.number), info('下单时间', o.orderTime), info('支付方式', h('span', { id: 'pay-method' }, payText(o))),
        info('餐具数量', o.tablewareStatus === 1 ? t('依据餐量提供') : o.tablewareNumber ? `${o.tablewareNumber} ${t('份')}` : t('无需餐具')),
        info('备注', o.remark || '')));
  };

  const refresh = async () => {
    try {
      const o = await api.get(`/user/order/orderDetail/${id}`);
      if (stopped) return;
      order = o;
      drawHead();
      drawBody();
    } catch (e) {
      if (!order) head.replaceChildren(h('p', { class: 'error' }, errorText(e)));
      else toast(errorText(e), true);
    }
  };
  await refresh();

  // Live: the SDK is loaded only here, so the menu's first load does not carry it.
  let pb = null;
  let retry = 0;
  const down = () => { live.textContent = t('连接中断，正在重连'); live.className = 'live down small'; };
  const follow = async () => {
    const { default: PocketBase } = await import('/vendor/pocketbase.es.mjs');
    if (stopped) return;
    if (pb) pb.realtime.unsubscribe().catch(() => {});
    pb = new PocketBase(location.origin);
    pb.autoCancellation(false);
    pb.authStore.save(session.token(), null);
    pb.realtime.onDisconnect = down;
    // PB_CONNECT comes on every (re)connection: read the order again then, in case a change came in between.
    await pb.realtime.subscribe('PB_CONNECT', () => { live.textContent = `● ${t('实时更新')}`; live.className = 'live up small'; refresh(); });
    await pb.collection('orders').subscribe(String(id), () => refresh());
  };
  // The SDK reconnects a dropped stream by itself, but not a first connection that failed.
  const start = () => follow().catch(() => { down(); if (!stopped) retry = setTimeout(start, 5000); });
  start();

  return () => {
    stopped = true;
    clearInterval(timer);
    clearTimeout(retry);
    if (pb) pb.realtime.unsubscribe().catch(() => {});
    cart.load().catch(() => {});
  };
}
