// The popup of unacknowledged alerts over every screen: each can be acknowledged or opened as its order, or all
// acknowledged at once. While another dialog is open (an order opened from here, a form) the popup shrinks to a
// corner (app.css), and acknowledging never closes that dialog: the screens follow order changes by themselves.
import { session } from './session.js';
import { t } from './i18n.js';
import { h, toast } from './dom.js';
import { AlertType, alertTypeLabels } from './enums.js';
import { openOrder } from './orders.js';
import { shopTime } from './shop_status.js';

let overlay = null;

export function closeAlerts() {
  overlay?.remove();
  overlay = null;
}

// showAlerts replaces the popup with one listing list; rerender runs after sound is enabled from its hint.
export function showAlerts(list, alerts, rerender) {
  closeAlerts();
  if (!list.length || !session.get()) return;
  const items = list.map((a) => h('div', { class: 'alert-item', 'data-alert': a.id },
    h('div', { class: 'what' }, h('strong', null, t(alertTypeLabels[a.type] || alertTypeLabels[AlertType.NewOrder])), ' ', a.content,
      h('div', { class: 'muted', 'data-time': '' }, shopTime(a.created))),
    a.order ? h('button', { 'data-open-order': a.order, onclick: async (ev) => {
      // viewing the order acknowledges its alert (it has been seen); the order opens above the popup.
      ev.target.disabled = true;
      try { await alerts.acknowledge(a.id); openOrder(a.order); } catch (e) { toast(e.message, true); ev.target.disabled = false; }
    } }, t('查看订单')) : null,
    h('button', { class: 'primary', 'data-ack': a.id, onclick: async (ev) => {
      ev.target.disabled = true;
      try { await alerts.acknowledge(a.id); } catch (e) { toast(e.message, true); ev.target.disabled = false; }
    } }, t('知道了'))));
  const hint = alerts.soundEnabled ? null : h('div', { class: 'sound-hint' }, t('点击启用提示音，才能播放新订单提醒'), ' ',
    h('button', { class: 'sound', onclick: async () => { await alerts.enableSound(); rerender(); } }, t('启用提示音')));
  const ackAll = list.length > 1 ? h('button', { id: 'ack-all', onclick: async (ev) => {
    ev.target.disabled = true;
    try { await alerts.acknowledgeAll(); } catch (e) { toast(e.message, true); ev.target.disabled = false; }
  } }, t('知道了（全部）')) : null;
  overlay = h('div', { class: 'overlay alerts', id: 'alerts-popup' },
    h('div', { class: 'dialog', role: 'alertdialog' },
      h('div', { class: 'alerts-head' }, h('h3', null, `${t('待处理提醒')} (${list.length})`), ackAll), hint, items));
  document.body.append(overlay);
}
