// The screens before the console: signing in, and the forced change of an initial password.
import { api } from './api.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { h } from './dom.js';
import { passwordForm } from './staff.js';
import { langSwitch } from './lang_switch.js';

// renderLogin draws the login form into root; signedIn runs once the session is stored (and after a language switch).
export function renderLogin(root, signedIn, notice = '') {
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
      signedIn();
    } catch (e) {
      err.textContent = e.message === 'network' ? t('网络错误') : e.message;
    }
  };
  root.replaceChildren(h('form', { class: 'login', onsubmit: submit },
    h('div', { class: 'lang' }, langSwitch(signedIn)),
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
export function renderInitialPassword(root, { passwordChanged, logout, rerender }) {
  const form = passwordForm({ initial: true });
  const err = h('div', { class: 'error', role: 'alert', id: 'initial-password-error' });
  root.replaceChildren(h('form', { class: 'login', id: 'initial-password', onsubmit: async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    try { await form.save(); passwordChanged(); } catch (e) { err.textContent = e.message === 'network' ? t('网络错误') : e.message; }
  } },
  h('div', { class: 'lang' }, langSwitch(rerender)),
  h('h1', null, t('请修改初始密码')),
  h('p', { class: 'muted' }, t('首次登录须修改初始密码，修改后才能使用其他功能。')),
  form.el, err,
  h('button', { class: 'primary', type: 'submit', id: 'initial-password-submit' }, t('保存')),
  h('button', { type: 'button', class: 'secondary', id: 'initial-password-logout', onclick: logout }, t('退出'))));
}
