// Tiny DOM helpers: element building, dialogs, toasts and a paged table.
import { t } from './i18n.js';
import { h } from '/shared/element.js';

export { h };

export function toast(msg, bad = false) {
  const el = h('div', { class: bad ? 'toast bad' : 'toast', role: 'status' }, msg);
  document.querySelectorAll('.toast').forEach((old) => old.remove()); // the newest says what is true now
  document.body.append(el);
  setTimeout(() => el.remove(), bad ? 4000 : 2000);
}

// dialog shows body with OK/Cancel. onOk may throw: its message is shown in the dialog, which stays open.
// more are buttons shown between Cancel and OK.
export function dialog(title, body, { onOk, okText = '确定', extraClass = '', buttons, more } = {}) {
  const err = h('div', { class: 'error', role: 'alert' });
  const close = () => overlay.remove();
  const ok = h('button', { class: 'primary', 'data-ok': '' }, t(okText));
  ok.addEventListener('click', async () => {
    err.textContent = '';
    ok.disabled = true;
    try {
      if (onOk) await onOk();
      close();
    } catch (e) {
      err.textContent = e.message === 'network' ? t('网络错误') : e.message;
    } finally {
      ok.disabled = false;
    }
  });
  const overlay = h('div', { class: `overlay ${extraClass}` },
    h('div', { class: 'dialog', role: 'dialog', 'aria-label': title },
      h('h3', null, title), body, err,
      h('div', { class: 'buttons' }, buttons || [h('button', { onclick: close }, t('取消')), more, onOk ? ok : null])));
  document.body.append(overlay);
  overlay.querySelector('input,select,textarea')?.focus();
  return { close, err };
}

export function confirmDialog(question, action) {
  dialog(t('确定'), h('p', null, question), { onOk: action });
}

export function field(label, input) { return [h('label', null, t(label)), input]; }

export function table(columns, rows) {
  if (!rows.length) return h('div', { class: 'empty' }, t('暂无数据'));
  return h('table', null,
    h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.class }, c.title instanceof Node ? c.title : t(c.title))))),
    h('tbody', null, rows.map((r) => h('tr', null, columns.map((c) => h('td', { class: c.class }, c.cell(r)))))));
}

export function pager(page, pageSize, total, go) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h('div', { class: 'pager' },
    h('span', { class: 'muted' }, `${t('共')} ${total}`),
    h('button', { disabled: page <= 1, onclick: () => go(page - 1) }, t('上一页')),
    h('span', null, `${page} / ${pages}`),
    h('button', { disabled: page >= pages, onclick: () => go(page + 1) }, t('下一页')));
}

export function money(v) { return `¥${Number(v || 0).toFixed(2)}`; }
