// The console around the screens: the top bar (shop switch, live connection, sound, language, who is signed in)
// and the menu of screens.
import { session } from './session.js';
import { t } from './i18n.js';
import { h } from './dom.js';
import { changePassword } from './staff.js';
import { langSwitch } from './lang_switch.js';
import { shopSwitch, paintShop } from './shop_status.js';
import { nav, renderView } from './views.js';
import { busyControl } from './busy_mode.js';
import { notificationControl } from './notifications.js';
import { keyboardHelpButton } from './keyboard.js';

let connected = false;
const live = h('span', { class: 'live', id: 'live-status', role: 'status' });

function paintLive() {
  live.className = `live ${connected ? 'up' : 'down'}`;
  live.textContent = t(connected ? '实时连接正常' : '实时连接已断开');
}

// showConnection shows whether the live alerts stream is connected.
export function showConnection(up) {
  connected = up;
  paintLive();
}

function soundControl(alerts, rerender) {
  if (alerts.soundEnabled) return h('span', { class: 'sound-on', id: 'sound-on' }, t('提示音已开启'));
  return h('button', {
    class: 'sound', id: 'enable-sound',
    onclick: async () => { await alerts.enableSound(); rerender(); },
  }, t('启用提示音'));
}

// renderShell draws the console into root and the screen the route names into it.
export function renderShell(root, { alerts, rerender, passwordChanged, logout }) {
  const s = session.get();
  paintLive();
  paintShop();
  root.replaceChildren(h('div', { class: 'shell' },
    h('header', { class: 'topbar' },
      h('span', { class: 'brand' }, `MyRestaurant ${t('管理台')}`),
      shopSwitch, busyControl(), live, soundControl(alerts, rerender), notificationControl(rerender), keyboardHelpButton, langSwitch(rerender),
      h('span', { class: 'who' }, s.name || s.userName),
      h('span', { class: 'muted', id: 'role' }, t(session.isManager() ? '店长' : '店员')),
      h('button', { id: 'change-password', onclick: () => changePassword(passwordChanged) }, t('修改密码')),
      h('button', { id: 'logout', onclick: logout }, t('退出'))),
    nav(),
    h('main')));
  renderView();
}
