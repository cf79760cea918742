// The kitchen ticket: what the kitchen and the rider need, printed on 80 mm roll paper (see #ticket in app.css).
import { t } from './i18n.js';
import { h, money } from './dom.js';
import { payMethodLabels, payStatusLabels, PayStatus } from './enums.js';

// shortNumber is what the kitchen calls an order: an order number is epoch milliseconds and a three-digit
// sequence (mostly 000), so its last four digits repeat; the four before the sequence tell orders apart, and a
// sequence other than 000 is added.
export function shortNumber(number) {
  const n = String(number);
  if (n.length < 8) return n;
  const seq = Number(n.slice(-3));
  return `${n.slice(-7, -3)}${seq ? `·${seq}` : ''}`;
}

const cents = (v) => Math.round(Number(v || 0) * 100);

// ticketMoney splits an order's total into its parts: the items, packing and the delivery fee (the server's
// deliveryFee, an addition to the contract's order).
function ticketMoney(o) {
  const items = (o.orderDetailList || []).reduce((sum, i) => sum + cents(i.amount) * Number(i.number || 0), 0);
  const pack = cents(o.packAmount);
  const total = cents(o.amount);
  const delivery = cents(o.deliveryFee);
  return { items: items / 100, pack: pack / 100, delivery: delivery / 100, total: total / 100 };
}

// payLine says how the order is paid; an order paid on delivery tells the rider or counter to collect.
function payLine(o) {
  const method = payMethodLabels[o.payMethod] || '-';
  return `${t(method)} · ${t(payStatusLabels[o.payStatus] || payStatusLabels[PayStatus.Unpaid])}`;
}

const row = (label, value, cls) => h('div', { class: `line ${cls || ''}` }, h('span', null, t(label)), h('span', null, value));

// fitPage makes the ticket's page as long as the ticket (app.css lays it out at its print width off screen):
// one page, and no blank paper fed from a roll.
function fitPage(ticket) {
  const marginsMM = 6 + 2; // the page's 3 mm margins and a little room
  const heightMM = Math.ceil((ticket.getBoundingClientRect().height * 25.4) / 96) + marginsMM;
  let style = document.getElementById('ticket-page');
  if (!style) { style = h('style', { id: 'ticket-page' }); document.head.append(style); }
  style.textContent = `@page ticket { size: 80mm ${Math.max(heightMM, 60)}mm; margin: 3mm; }`;
}

// printTicket fills the print-only ticket and opens the browser's print dialog.
export function printTicket(o) {
  const m = ticketMoney(o);
  const ticket = document.getElementById('ticket');
  ticket.replaceChildren(...[
    h('h1', null, 'MyRestaurant'),
    h('div', { class: 'big' }, o.tableNo ? `${t('桌号')} ${o.tableNo}` : `#${shortNumber(o.number)}`),
    row('订单号', o.number),
    row('下单时间', o.orderTime || ''),
    o.tableNo ? null : row('预计送达', o.estimatedDeliveryTime || t('尽快送达')),
    row('支付', payLine(o)),
    h('table', null, (o.orderDetailList || []).map((i) => h('tr', null,
      h('td', { class: 'item' }, i.name, i.dishFlavor ? h('div', { class: 'flavor' }, `(${i.dishFlavor})`) : null),
      h('td', { class: 'qty' }, `×${i.number}`),
      h('td', { class: 'amount' }, money(cents(i.amount) * Number(i.number || 0) / 100))))),
    h('div', { class: 'remark' }, `${t('备注')}: ${o.remark || t('无')}`),
    row('餐具', o.tablewareStatus === 1 ? t('按餐量提供') : `${o.tablewareNumber ?? 0} ${t('份')}`),
    row('菜品小计', money(m.items)),
    row('打包费', money(m.pack)),
    o.tableNo ? null : row('配送费', money(m.delivery)),
    row('合计', money(m.total), 'total'),
    o.tableNo ? null : [
      h('div', { class: 'who' }, `${o.consignee || ''} ${o.phone || ''}`),
      h('div', { class: 'where' }, o.address || '')],
  ].flat().filter(Boolean));
  fitPage(ticket);
  window.print();
}
