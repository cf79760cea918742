// The picture of a dish or set meal in its form: the current picture, and a newly chosen file shown at once
// from the browser's copy; the file is uploaded only when the form is saved, so a cancelled form stores nothing.
import { api } from './api.js';
import { t } from './i18n.js';
import { h } from './dom.js';

const maxBytes = 2 * 1024 * 1024; // the server's limit (modules/media)

export function pictureField(initial) {
  let url = initial || '';
  let chosen = null; // a File not uploaded yet
  let shown = '';    // the object URL of chosen, revoked when replaced
  const preview = h('img', { class: 'thumb picture-preview', alt: t('图片预览'), src: url || undefined, hidden: !url });
  const none = h('span', { class: 'picture-none muted', hidden: !!url }, t('暂无图片'));
  const file = h('input', { type: 'file', accept: '.jpg,.jpeg,.png,image/jpeg,image/png', id: 'image-file' });
  const note = h('span', { class: 'muted', id: 'picture-note' });
  const msg = h('span', { class: 'error' });
  file.addEventListener('change', () => {
    msg.textContent = '';
    const f = file.files[0];
    if (!f) return;
    if (!/\.(jpe?g|png)$/i.test(f.name) || f.size > maxBytes) { msg.textContent = t('图片格式仅支持 jpg/jpeg/png，且不超过2MB'); file.value = ''; return; }
    if (shown) URL.revokeObjectURL(shown);
    chosen = f;
    shown = URL.createObjectURL(f);
    preview.src = shown;
    preview.hidden = false;
    none.hidden = true;
    note.textContent = t('保存后生效');
  });
  return {
    el: h('div', { class: 'row picture' }, preview, none, h('div', { class: 'picture-pick' }, file, note, msg)),
    // value uploads the chosen file (once) and returns the picture's URL, '' when there is none.
    value: async () => {
      if (chosen) {
        url = await api.upload('/admin/common/upload', chosen);
        chosen = null;
        note.textContent = '';
      }
      return url;
    },
  };
}
