// The staff console starts here: the stored session decides what is drawn (login, initial password or the
// console), and a session's start and end start and stop the live alerts.
import { api, hooks } from './api.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { Alerts } from './alerts.js';
import { renderLogin, renderInitialPassword } from './login.js';
import { renderShell, showConnection } from './shell.js';
import { renderView } from './views.js';
import { loadShopStatus } from './shop_status.js';
import { showAlerts, closeAlerts } from './alert_popup.js';
import { countWaitingOrders } from './tab_title.js';
import { loadBusyMode, printIfAccepted } from './busy_mode.js';

const root = document.getElementById('app');

const alerts = new Alerts({
  onChange: (list) => showAlerts(list, alerts, render),
  onConnection: showConnection,
  onArrival: printIfAccepted,
});

// stopLive ends what a session started: the live alerts and the tab title's count.
function stopLive() {
  alerts.stop();
  countWaitingOrders(false);
}

hooks.onUnauthorized = () => {
  if (!session.get()) return;
  session.clear();
  stopLive();
  render();
};

// A new password ends every session of the account (the server renews its token key): sign in again.
function passwordChanged() {
  session.clear();
  stopLive();
  started = '';
  renderLogin(root, render, t('密码已修改，请用新密码登录'));
}

async function logout() {
  try { await api.post('/admin/employee/logout'); } catch { /* logging out works offline too */ }
  session.clear();
  stopLive();
  render();
}

// started is the token the live alerts and the shop status were loaded for.
let started = '';
function render() {
  const s = session.get();
  if (!s) { started = ''; closeAlerts(); renderLogin(root, render); return; }
  if (s.mustChangePassword) { renderInitialPassword(root, { passwordChanged, logout, rerender: render }); return; }
  renderShell(root, { alerts, rerender: render, passwordChanged, logout });
  if (started !== s.token) {
    started = s.token;
    loadShopStatus(() => showAlerts(alerts.list(), alerts, render));
    loadBusyMode();
    alerts.start(s.token);
    countWaitingOrders(true);
  }
  showAlerts(alerts.list(), alerts, render);
}

window.addEventListener('hashchange', () => { if (session.get()) renderView(); });
render();
