// The counter's keyboard: accept, reject, deliver, open and move through orders without the mouse. The keys
// press the same buttons a click would (so the server's rules and the screens' messages are the same), on the
// topmost thing shown: an open order, else the selected row of the list. `?` shows them all.
import { t } from './i18n.js';
import { h, toast } from './dom.js';
import { session } from './session.js';
import { openOrder } from './orders.js';
import { nextWaiting } from './order_queue.js';

const keys = [
  ['n', '打开下一个待接单订单'],
  ['↑ ↓', '在列表中选择订单'],
  ['Enter', '查看所选订单'],
  ['a', '接单'],
  ['r', '拒单'],
  ['d', '派送'],
  ['p', '打印小票'],
  ['k', '知道了（第一条提醒）'],
  ['K', '知道了（全部）'],
  ['o', '查看第一条提醒的订单'],
  ['Esc', '关闭对话框'],
  ['?', '快捷键帮助'],
];

let selected = ''; // order id of the selected row, kept while lists are redrawn

const rows = () => [...document.querySelectorAll('main tr[data-order-id], main article[data-order-id]')];
const topDialog = () => [...document.querySelectorAll('.overlay:not(.alerts)')].pop() || null;

function paintSelection() {
  for (const r of rows()) r.classList.toggle('selected', r.dataset.orderId === selected);
}
// Lists redraw on every live change; the selection is painted again on the new rows.
new MutationObserver(() => { if (selected) paintSelection(); }).observe(document.body, { childList: true, subtree: true });

function move(step) {
  const list = rows();
  if (!list.length) return;
  const at = list.findIndex((r) => r.dataset.orderId === selected);
  const next = list[Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  selected = next.dataset.orderId;
  paintSelection();
  next.scrollIntoView({ block: 'nearest' });
}

// press clicks the button of the action in the open order, else in the selected row; false when there is none.
function press(action) {
  const dialog = topDialog();
  const scope = dialog ? dialog.querySelector('#order-detail') : rows().find((r) => r.dataset.orderId === selected);
  const button = scope?.querySelector(`[data-action="${action}"]`);
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

function help() {
  const open = document.getElementById('keyboard-help');
  if (open) { open.remove(); return; }
  const close = () => overlay.remove();
  const overlay = h('div', { class: 'overlay above-alerts', id: 'keyboard-help', onclick: (ev) => { if (ev.target === overlay) close(); } },
    h('div', { class: 'dialog', role: 'dialog', 'aria-label': t('快捷键') },
      h('h3', null, t('快捷键')),
      h('dl', { class: 'keys' }, keys.map(([k, what]) => [h('dt', null, h('kbd', null, k)), h('dd', null, t(what))])),
      h('div', { class: 'buttons' }, h('button', { onclick: close }, t('关闭')))));
  document.body.append(overlay);
}

// keyboardHelpButton opens the list of keys from the top bar, for those who do not know to press `?`.
export const keyboardHelpButton = h('button', { class: 'help-key', id: 'keyboard-help-button', title: t('快捷键'), onclick: () => help() }, '?');

async function openNextWaiting() {
  try {
    const next = await nextWaiting('');
    if (next) openOrder(next.id); else toast(t('没有待接单的订单'));
  } catch (e) { toast(e.message, true); }
}

// Keys typed into a text field are text; a focused checkbox or button does not take letters.
const typing = (el) => el && (el.isContentEditable || ['TEXTAREA', 'SELECT'].includes(el.tagName)
  || (el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(el.type)));

document.addEventListener('keydown', (ev) => {
  if (!session.get() || !document.querySelector('nav') || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === 'Escape') {
    const dialog = topDialog();
    if (dialog) { dialog.remove(); ev.preventDefault(); }
    return;
  }
  if (typing(ev.target)) return;
  const popup = document.getElementById('alerts-popup');
  const acts = { a: '接单', r: '拒单', d: '派送', p: '打印小票' };
  let done = true;
  if (ev.key === '?') help();
  else if (ev.key === 'n') openNextWaiting();
  else if (ev.key === 'ArrowDown' && !topDialog()) move(1);
  else if (ev.key === 'ArrowUp' && !topDialog()) move(-1);
  else if (ev.key === 'Enter' && !topDialog() && selected) done = press('详情');
  else if (acts[ev.key]) done = press(acts[ev.key]);
  else if (ev.key === 'k' && popup) popup.querySelector('[data-ack]')?.click();
  else if (ev.key === 'K' && popup) (popup.querySelector('#ack-all') || popup.querySelector('[data-ack]'))?.click();
  else if (ev.key === 'o' && popup) popup.querySelector('[data-open-order]')?.click();
  else done = false;
  if (done) ev.preventDefault();
});
