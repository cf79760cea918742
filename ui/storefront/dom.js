// Small DOM helpers of the storefront: toasts, bottom sheets, pictures and prices (and h, shared with the console).
import { t } from './i18n.js';
import { h } from '/shared/element.js';

export { h };

export function toast(msg, bad = false) {
  document.querySelectorAll('.toast').forEach((el) => el.remove());
  const el = h('div', { class: bad ? 'toast bad' : 'toast', role: 'status' }, msg);
  document.body.append(el);
  setTimeout(() => el.remove(), bad ? 3000 : 2000);
}

// errorText is what a failed request tells the customer.
export function errorText(e) {
  return e && e.message === 'network' ? t('网络不给力，请稍后重试') : (e && e.message) || t('操作失败');
}

// sheet slides content up from the bottom; tapping outside closes it. It returns its close function.
export function sheet(content, { label = '', onClose } = {}) {
  const close = () => { overlay.remove(); if (onClose) onClose(); };
  const overlay = h('div', { class: 'overlay', onclick: (e) => { if (e.target === overlay) close(); } },
    h('div', { class: 'sheet', role: 'dialog', 'aria-label': label }, content));
  document.body.append(overlay);
  return close;
}

// confirmSheet asks a yes/no question; action runs on yes.
export function confirmSheet(question, yes, action, label = question) {
  const close = sheet([
    h('p', { class: 'question' }, question),
    h('div', { class: 'sheet-buttons' },
      h('button', { class: 'ghost', onclick: () => close() }, t('先等等')),
      h('button', { class: 'primary', 'data-yes': '', onclick: () => { close(); action(); } }, yes)),
  ], { label });
}

export function money(v) { return `¥${Number(v || 0).toFixed(2)}`; }

// img is a picture that loads only when scrolled near, with its box reserved so the page does not jump.
export function img(src, cls, size) {
  return h('img', { class: cls, src: src || undefined, alt: '', loading: 'lazy', decoding: 'async', width: size, height: size });
}
