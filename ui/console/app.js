// The staff console: login, shell, live alerts and routing. Each screen lives in its own module.
import { api, session, hooks } from './api.js';
import { t, setLang, currentLang } from './i18n.js';
import { h, dialog, toast, field } from './dom.js';
import { Alerts } from './alerts.js';
import { ordersView, openOrder } from './orders.js';
import { categoriesView, dishesView, setmealsView } from './menu.js';
import { employeesView, shopView, changePassword, passwordForm } from './staff.js';
import { workspaceView, reportsView } from './reports.js';

// The third entry marks the screens only managers use; staff do not see them (the server refuses them anyway).
const views = {
  workspace: ['工作台', workspaceView],
  orders: ['订单管理', ordersView],
  categories: ['分类管理', categoriesView, 'manager'],
  dishes: ['菜品管理', dishesView],
  setmeals: ['套餐管理', setmealsView],
  employees: ['员工管理', employeesView, 'manager'],
  shop: ['店铺设置', shopView, 'manager'],
  reports: ['数据统计', reportsView, 'manager'],
};

const allowedViews = () => Object.entries(views).filter(([, v]) => v[2] !== 'manager' || session.isManager());

const state = { shopOpen: null, shopZone: 'Asia/Shanghai', connected: false, alertsOverlay: null };
const root = document.getElementById('app');

const alerts = new Alerts({
  onChange: (list) => showAlerts(list),
  onConnection: (up) => { state.connected = up; paintLive(); },
});

hooks.onUnauthorized = () => {
  if (!session.get()) return;
  session.clear();
  alerts.stop();
  render();
};

function currentView() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  return allowedViews().some(([k]) => k === name) ? name : 'orders';
}

function langSwitch() {
  return h('button', {
    class: 'lang-switch',
    onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); render(); },
  }, currentLang() === 'zh' ? 'English' : '中文');
}

function renderLogin(notice = '') {
  const user = h('input', { id: 'login-username', autocomplete: 'username', value: 'admin' });
  const pass = h('input', { id: 'login-password', type: 'password', autocomplete: 'current-password' });
  const err = h('div', { class: 'error', role: 'alert', id: 'login-error' });
  const submit = async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (!user.value.trim()) { err.textContent = t('请输入账号'); return; }
    if (pass.value.length < 6) { err.textContent = t('密码至少6位'); return; }
    try {
      const d = await api.post('/admin/employee/login', { username: user.value.trim(), password: pass.value });
      session.set({ token: d.token, id: d.id, userName: d.userName, name: d.name, role: d.role, mustChangePassword: d.mustChangePassword });
      render();
    } catch (e) {
      err.textContent = e.message === 'network' ? t('网络错误') : e.message;
    }
  };
  root.replaceChildren(h('form', { class: 'login', onsubmit: submit },
    h('div', { class: 'lang' }, langSwitch()),
    h('h1', null, `MyRestaurant ${t('管理台')}`),
    notice ? h('p', { class: 'notice', id: 'login-notice', role: 'status' }, notice) : null,
    h('label', { for: 'login-username' }, t('账号')), user,
    h('label', { for: 'login-password' }, t('密码')), pass,
    err,
    h('button', { class: 'primary', type: 'submit', id: 'login-submit' }, t('登录'))));
  (user.value ? pass : user).focus();
}

// renderInitialPassword is all an employee still on the initial password sees: the server refuses everything
// else until the password is changed (the login answer says so).
function renderInitialPassword() {
  const form = passwordForm({ initial: true });
  const err = h('div', { class: 'error', role: 'alert', id: 'initial-password-error' });
  root.replaceChildren(h('form', { class: 'login', id: 'initial-password', onsubmit: async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    try { await form.save(); passwordChanged(); } catch (e) { err.textContent = e.message === 'network' ? t('网络错误') : e.message; }
  } },
  h('div', { class: 'lang' }, langSwitch()),
  h('h1', null, t('请修改初始密码')),
  h('p', { class: 'muted' }, t('首次登录须修改初始密码，修改后才能使用其他功能。')),
  form.el, err,
  h('button', { class: 'primary', type: 'submit', id: 'initial-password-submit' }, t('保存')),
  h('button', { type: 'button', class: 'secondary', id: 'initial-password-logout', onclick: logout }, t('退出'))));
}

// A new password ends every session of the account (the server renews its token key): sign in again.
function passwordChanged() {
  session.clear();
  alerts.stop();
  started = '';
  renderLogin(t('密码已修改，请用新密码登录'));
}

const live = h('span', { class: 'live', id: 'live-status', role: 'status' });
function paintLive() {
  live.className = `live ${state.connected ? 'up' : 'down'}`;
  live.textContent = t(state.connected ? '实时连接正常' : '实时连接已断开');
}

function soundControl() {
  if (alerts.soundEnabled) return h('span', { class: 'sound-on', id: 'sound-on' }, t('提示音已开启'));
  return h('button', {
    class: 'sound', id: 'enable-sound',
    onclick: async () => { await alerts.enableSound(); render(); },
  }, t('启用提示音'));
}

const shopPill = h('button', { class: 'pill', id: 'shop-switch' });
function paintShop() {
  shopPill.className = `pill ${state.shopOpen ? 'open' : 'closed'}`;
  shopPill.textContent = state.shopOpen === null ? '…' : t(state.shopOpen ? '营业中' : '打烊中');
  shopPill.title = t(state.shopOpen ? '打烊中' : '营业中');
}
shopPill.addEventListener('click', async () => {
  const next = state.shopOpen ? 0 : 1;
  try {
    await api.put(`/admin/shop/${next}`, next);
    state.shopOpen = !!next;
    paintShop();
    toast(t(next ? '店铺已营业' : '店铺已打烊'));
  } catch (e) { toast(e.message, true); }
});

async function loadShopStatus() {
  try { state.shopOpen = (await api.get('/admin/shop/status')) === 1; } catch { state.shopOpen = null; }
  paintShop();
  try {
    const zone = (await api.get('/admin/shop/settings')).timeZone;
    if (zone && zone !== state.shopZone) { state.shopZone = zone; showAlerts(alerts.list()); }
  } catch { /* keep the default zone */ }
}

export function refreshView() { renderView(); }

let viewSeq = 0;
async function renderView() {
  const main = document.querySelector('main');
  if (!main) return;
  const name = currentView();
  // a dialog belongs to the screen that opened it
  document.querySelectorAll('.overlay:not(.alerts)').forEach((o) => o.remove());
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

function renderShell() {
  const s = session.get();
  paintLive();
  paintShop();
  root.replaceChildren(h('div', { class: 'shell' },
    h('header', { class: 'topbar' },
      h('span', { class: 'brand' }, `MyRestaurant ${t('管理台')}`),
      shopPill, live, soundControl(), langSwitch(),
      h('span', { class: 'who' }, s.name || s.userName),
      h('span', { class: 'muted', id: 'role' }, t(session.isManager() ? '店长' : '店员')),
      h('button', { id: 'change-password', onclick: () => changePassword(passwordChanged) }, t('修改密码')),
      h('button', { id: 'logout', onclick: logout }, t('退出'))),
    h('nav', null, allowedViews().map(([k, [label]]) => h('a', { href: `#/${k}`, 'data-view': k }, t(label)))),
    h('main')));
  renderView();
}

async function logout() {
  try { await api.post('/admin/employee/logout'); } catch { /* logging out works offline too */ }
  session.clear();
  alerts.stop();
  render();
}

let started = '';
function render() {
  const s = session.get();
  if (!s) { started = ''; state.alertsOverlay?.remove(); state.alertsOverlay = null; renderLogin(); return; }
  if (s.mustChangePassword) { renderInitialPassword(); return; }
  renderShell();
  if (started !== s.token) {
    started = s.token;
    loadShopStatus();
    alerts.start(s.token);
  }
  showAlerts(alerts.list());
}

// shopTime shows a PocketBase UTC timestamp ("2026-01-02 03:04:05.678Z") as the compat API writes times:
// "yyyy-MM-dd HH:mm" in the shop's time zone, whatever the tablet's zone is.
function shopTime(created) {
  const d = new Date(String(created || '').replace(' ', 'T'));
  if (Number.isNaN(d.getTime())) return '';
  const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format;
  try { format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: state.shopZone }); } catch { format = new Intl.DateTimeFormat('en-GB', options); }
  const parts = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const typeNames = { 1: '新订单', 2: '催单', 3: '用户取消订单' };

function showAlerts(list) {
  state.alertsOverlay?.remove();
  state.alertsOverlay = null;
  if (!list.length || !session.get()) return;
  const items = list.map((a) => h('div', { class: 'alert-item', 'data-alert': a.id },
    h('div', { class: 'what' }, h('strong', null, t(typeNames[a.type] || '新订单')), ' ', a.content,
      h('div', { class: 'muted', 'data-time': '' }, shopTime(a.created))),
    a.order ? h('button', { onclick: async (ev) => {
      // viewing the order is acknowledging the alert: the popup would otherwise cover the order.
      ev.target.disabled = true;
      try { await alerts.acknowledge(a.id); openOrder(a.order, refreshIfOrders); } catch (e) { toast(e.message, true); ev.target.disabled = false; }
    } }, t('查看订单')) : null,
    h('button', { class: 'primary', 'data-ack': a.id, onclick: async (ev) => {
      ev.target.disabled = true;
      try { await alerts.acknowledge(a.id); refreshIfOrders(); } catch (e) { toast(e.message, true); ev.target.disabled = false; }
    } }, t('知道了'))));
  const hint = alerts.soundEnabled ? null : h('div', { class: 'sound-hint' }, t('点击启用提示音，才能播放新订单提醒'), ' ',
    h('button', { class: 'sound', onclick: async () => { await alerts.enableSound(); render(); } }, t('启用提示音')));
  state.alertsOverlay = h('div', { class: 'overlay alerts', id: 'alerts-popup' },
    h('div', { class: 'dialog', role: 'alertdialog' }, h('h3', null, `${t('待处理提醒')} (${list.length})`), hint, items));
  document.body.append(state.alertsOverlay);
}

function refreshIfOrders() { if (currentView() === 'orders' || currentView() === 'workspace') renderView(); }

window.addEventListener('hashchange', () => { if (session.get()) renderView(); });
render();
export { field, dialog };
