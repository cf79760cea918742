// The address book: every address with its label, the default one marked, edit and delete; opened from
// checkout (?pick=1) a tap chooses the address for the order.
import { api } from './api.js';
import { h, toast, errorText, confirmSheet } from './dom.js';
import { t } from './i18n.js';
import { topBar } from './top_bar.js';
import { addressLine, labelText } from './address_text.js';
import { chooseAddress } from './checkout_choices.js';

export async function renderAddresses(root, { query }) {
  const picking = query.get('pick') === '1';
  const list = h('div', { class: 'page addresses' }, h('p', { class: 'loading' }, t('加载中')));
  root.replaceChildren(topBar(t('地址管理'), picking ? '#/checkout' : '#/orders'), list,
    h('footer', { class: 'submitbar' }, h('a', { class: 'button primary wide', id: 'address-add', href: `#/address/new${picking ? '?pick=1' : ''}` }, `+ ${t('新增收货地址')}`)));
  const draw = async () => {
    let rows;
    try { rows = (await api.get('/user/addressBook/list')) || []; } catch (e) { list.replaceChildren(h('p', { class: 'error' }, errorText(e))); return; }
    if (!rows.length) { list.replaceChildren(h('p', { class: 'muted empty' }, t('还没有收货地址'))); return; }
    list.replaceChildren(...rows.map((a) => h('section', { class: 'card address', 'data-address': a.detail },
      h('div', {
        class: picking ? 'address-body pickable' : 'address-body',
        onclick: picking ? () => { chooseAddress(a.id); location.hash = '#/checkout'; } : null,
      },
      h('div', { class: 'big' }, h('span', { class: `tag tag${a.label}` }, labelText(a.label)), addressLine(a)),
      h('div', { class: 'muted' }, `${a.consignee} ${a.sex === '1' ? t('女士') : t('先生')} ${a.phone}`)),
      h('div', { class: 'address-actions' },
        h('label', { class: 'radio' }, h('input', {
          type: 'radio', name: 'default', checked: a.isDefault === 1, 'data-default': '',
          onchange: async () => {
            try { await api.put('/user/addressBook/default', { id: a.id }); } catch (e) { toast(errorText(e), true); }
            draw();
          },
        }), h('span', null, a.isDefault === 1 ? t('默认') : t('设为默认地址'))),
        h('span', { class: 'grow' }),
        h('a', { class: 'link', href: `#/address/${a.id}${picking ? '?pick=1' : ''}`, 'data-edit': '' }, t('编辑')),
        h('button', {
          class: 'link danger', 'data-delete': '',
          onclick: () => confirmSheet(t('确定删除该地址吗？'), t('删除'), async () => {
            try { await api.del('/user/addressBook', { id: a.id }); } catch (e) { toast(errorText(e), true); }
            draw();
          }),
        }, t('删除'))))));
  };
  await draw();
}
