// Busy mode, switched in the top bar: the server accepts paid orders at once (still raising their alert, so the
// consoles ring), and the console chosen to print prints each one's ticket by itself. Only one console should
// print, so printing is a choice of this device; switching busy mode on here makes this the printing console.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, toast } from './dom.js';
import { AlertType, OrderStatus } from './enums.js';
import { printTicket } from './ticket.js';

const PRINTS_KEY = 'myrestaurant.console.printsBusyTickets';
const state = { busy: false };
const printed = new Set(); // alert ids printed this session: an alert arrives once, but be sure

const prints = () => localStorage.getItem(PRINTS_KEY) === 'on';

const control = h('span', { class: 'busy-control' });

// busyControl is the top bar's switch, drawn again with the bar (e.g. in the other language).
export function busyControl() {
  paint();
  return control;
}

function paint() {
  const toggle = h('button', { class: `pill ${state.busy ? 'busy' : 'calm'}`, id: 'busy-switch', title: t('忙时自动接单并打印小票'), onclick: async () => {
    const next = state.busy ? 0 : 1;
    try {
      await api.put(`/admin/shop/busyMode/${next}`);
      state.busy = !!next;
      if (state.busy) localStorage.setItem(PRINTS_KEY, 'on');
      paint();
      toast(t(state.busy ? '忙时模式已开启：付款订单自动接单' : '忙时模式已关闭'));
    } catch (e) { toast(e.message, true); }
  } }, t(state.busy ? '忙时模式：开' : '忙时模式：关'));
  const printHere = state.busy ? h('label', { class: 'prints-here' }, h('input', { type: 'checkbox', id: 'busy-prints', checked: prints(),
    onchange: (ev) => localStorage.setItem(PRINTS_KEY, ev.target.checked ? 'on' : 'off') }), t('本机打印')) : null;
  control.replaceChildren(...[toggle, printHere].filter(Boolean));
}

// loadBusyMode reads whether busy mode is on (at sign-in).
export async function loadBusyMode() {
  try { state.busy = !!(await api.get('/admin/shop/settings')).busyMode; } catch { /* shown as off */ }
  paint();
}

// printIfAccepted prints the ticket of a new order that busy mode accepted, on the printing console.
export async function printIfAccepted(alert) {
  if (alert.type !== AlertType.NewOrder || !alert.order || !prints() || printed.has(alert.id)) return;
  printed.add(alert.id);
  try {
    const o = await api.get(`/admin/order/details/${alert.order}`);
    if (o.status === OrderStatus.Confirmed) { state.busy = true; paint(); printTicket(o); }
  } catch (e) { toast(e.message, true); }
}
