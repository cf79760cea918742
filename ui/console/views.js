// The screens of the console and the route (#/name) that shows one; each screen lives in its own module.
import { session } from './session.js';
import { t } from './i18n.js';
import { h } from './dom.js';
import { ordersView } from './orders.js';
import { categoriesView, dishesView, setmealsView } from './menu.js';
import { employeesView, shopView } from './staff.js';
import { workspaceView, reportsView } from './reports.js';
import { qrCodesView } from './qr_codes.js';
import { kitchenView } from './kitchen.js';
import { forgetScreenListeners } from './live.js';

// The third entry marks the screens only managers use; staff do not see them (the server refuses them anyway).
const views = {
  workspace: ['工作台', workspaceView],
  orders: ['订单管理', ordersView],
  kitchen: ['厨房', kitchenView],
  categories: ['分类管理', categoriesView, 'manager'],
  dishes: ['菜品管理', dishesView],
  setmeals: ['套餐管理', setmealsView],
  employees: ['员工管理', employeesView, 'manager'],
  shop: ['店铺设置', shopView, 'manager'],
  reports: ['数据统计', reportsView, 'manager'],
  qrcodes: ['顾客点餐码', qrCodesView, 'manager'],
};

const allowedViews = () => Object.entries(views).filter(([, v]) => v[2] !== 'manager' || session.isManager());

function currentView() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return allowedViews().some(([k]) => k === name) ? name : 'orders';
}

// nav is the menu of the screens this employee may use.
export function nav() {
  return h('nav', null, allowedViews().map(([k, [label]]) => h('a', { href: `#/${k}`, 'data-view': k }, t(label))));
}

let viewSeq = 0;
// renderView draws the screen the route names into <main>; a slower earlier render does not overwrite it.
export async function renderView() {
  const main = document.querySelector('main');
  if (!main) return;
  const name = currentView();
  // a dialog belongs to the screen that opened it
  document.querySelectorAll('.overlay:not(.alerts)').forEach((o) => o.remove());
  forgetScreenListeners(); // live order changes go to the screen shown only
  document.body.dataset.view = name; // the kitchen view is drawn large (app.css)
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === name));
  const seq = ++viewSeq;
  const el = h('div', { 'data-view': name });
  main.replaceChildren(h('h2', null, t(views[name][0])), el);
  try {
    await views[name][1](el, { seq: () => seq === viewSeq });
  } catch (e) {
    if (e.status !== 401) el.append(h('div', { class: 'error', role: 'alert' }, e.message === 'network' ? t('网络错误') : e.message));
  }
}

