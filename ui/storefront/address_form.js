// Adding or editing an address: name, 先生/女士, an 11-digit mobile number, the address and its label, checked
// here as the original mini-program checks them. A customer's first address becomes the default.
import { api } from './api.js';
import { h, toast, errorText, confirmSheet } from './dom.js';
import { t } from './i18n.js';
import { topBar } from './top_bar.js';
import { chooseAddress } from './checkout_choices.js';

const MOBILE = /^1[3-9]\d{9}$/;
const LABELS = [['1', '公司'], ['2', '家'], ['3', '学校']];

export async function renderAddressForm(root, { id, query }) {
  const picking = query.get('pick') === '1';
  const back = picking ? '#/addresses?pick=1' : '#/addresses';
  const editing = id !== 'new';
  let a = { consignee: '', sex: '0', phone: '', detail: '', label: '1' };
  if (editing) {
    try { a = await api.get(`/user/addressBook/${id}`); } catch (e) { toast(errorText(e), true); location.hash = back; return; }
  }
  const err = h('p', { class: 'error', role: 'alert', id: 'address-error' });
  const input = (name, props) => h('input', { id: `address-${name}`, value: a[name] || '', ...props });
  const consignee = input('consignee', { maxlength: 12, autocomplete: 'name', placeholder: t('请填写收货人的姓名') });
  const phone = input('phone', { type: 'tel', maxlength: 11, inputmode: 'numeric', autocomplete: 'tel', placeholder: t('请填写收货人手机号码') });
  const detail = input('detail', { maxlength: 100, placeholder: t('详细地址（精确到门牌号）'), autocomplete: 'street-address' });
  let sex = a.sex === '1' ? '1' : '0';
  let label = a.label || '1';
  const sexes = h('div', { class: 'chips' });
  const labels = h('div', { class: 'chips' });
  const drawChoices = () => {
    sexes.replaceChildren(...[['0', '先生'], ['1', '女士']].map(([v, text]) => h('button', { type: 'button', class: sex === v ? 'chip on' : 'chip', onclick: () => { sex = v; drawChoices(); } }, t(text))));
    labels.replaceChildren(...LABELS.map(([v, text]) => h('button', { type: 'button', class: label === v ? 'chip on' : 'chip', 'data-label': v, onclick: () => { label = v; drawChoices(); } }, t(text))));
  };
  drawChoices();

  const save = async (button) => {
    err.textContent = '';
    const body = { ...a, consignee: consignee.value.trim(), phone: phone.value.trim(), detail: detail.value.trim(), sex, label };
    if (!body.consignee) { err.textContent = t('请填写联系人'); return; }
    if (!MOBILE.test(body.phone)) { err.textContent = t('请输入正确的手机号'); return; }
    if (!body.detail) { err.textContent = t('请填写详细地址'); return; }
    button.disabled = true;
    try {
      if (editing) {
        await api.put('/user/addressBook', body);
        if (picking) chooseAddress(a.id);
      } else {
        const before = new Set(((await api.get('/user/addressBook/list')) || []).map((x) => String(x.id)));
        await api.post('/user/addressBook', body);
        const added = ((await api.get('/user/addressBook/list')) || []).find((x) => !before.has(String(x.id)));
        if (added && before.size === 0) await api.put('/user/addressBook/default', { id: added.id });
        if (added && picking) chooseAddress(added.id);
      }
    } catch (e) {
      err.textContent = errorText(e);
      button.disabled = false;
      return;
    }
    location.hash = picking ? '#/checkout' : back;
  };

  root.replaceChildren(topBar(editing ? t('编辑收货地址') : t('新增收货地址'), back),
    h('form', { class: 'page card form', onsubmit: (e) => { e.preventDefault(); save(e.submitter || e.currentTarget.querySelector('[type=submit]')); } },
      h('label', { class: 'field' }, h('span', null, t('联系人')), consignee),
      h('div', { class: 'field' }, h('span', null, ''), sexes),
      h('label', { class: 'field' }, h('span', null, t('手机号')), phone),
      h('label', { class: 'field' }, h('span', null, t('详细地址')), detail),
      h('div', { class: 'field' }, h('span', null, t('标签')), labels),
      err,
      h('button', { class: 'primary wide', type: 'submit', id: 'address-save' }, t('保存地址')),
      editing ? h('button', {
        type: 'button', class: 'ghost wide danger', id: 'address-delete',
        onclick: () => confirmSheet(t('确定删除该地址吗？'), t('删除'), async () => {
          try { await api.del('/user/addressBook', { id: a.id }); location.hash = back; } catch (e) { toast(errorText(e), true); }
        }),
      }, t('删除')) : null));
}
