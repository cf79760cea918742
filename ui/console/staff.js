// Employees, the shop settings and changing one's own password.
import { api } from './api.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { h, dialog, toast, table, pager, field } from './dom.js';

const empFilter = { page: 1, pageSize: 10, name: '' };

export async function employeesView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const page = await api.get('/admin/employee/page', empFilter);
  if (!seq() || gen !== el.gen) return;
  const again = () => employeesView(el, { seq });
  const name = h('input', { placeholder: t('员工姓名'), value: empFilter.name });
  el.replaceChildren(h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); Object.assign(empFilter, { name: name.value.trim(), page: 1 }); again(); } },
    name, h('button', { type: 'submit' }, t('查询')), h('span', { class: 'grow' }),
    h('button', { type: 'button', class: 'primary', id: 'add-employee', onclick: () => editEmployee(null, again) }, `+ ${t('新增')}`)),
  table([
    { title: '员工姓名', cell: (e) => e.name },
    { title: '账号', cell: (e) => e.username },
    { title: '手机号', cell: (e) => e.phone },
    { title: '角色', cell: (e) => t(e.role === 'manager' ? '店长' : '店员') },
    { title: '账号状态', cell: (e) => h('span', { class: e.status === 1 ? 'on' : 'off' }, t(e.status === 1 ? '正常' : '已禁用')) },
    { title: '操作', class: 'actions', cell: (e) => [
      // admin is edited only by itself and never locked; nobody locks themselves (the server refuses both).
      isAdmin(e) && !isMe(e) ? null : h('button', { class: 'link', 'data-edit': e.username, onclick: async () => { try { editEmployee(await api.get(`/admin/employee/${e.id}`), again); } catch (err) { toast(err.message, true); } } }, t('编辑')),
      isAdmin(e) || isMe(e) ? null : h('button', { class: 'link', 'data-lock': e.username, onclick: async () => {
        try { await api.post(`/admin/employee/status/${e.status === 1 ? 0 : 1}`, undefined, { id: e.id }); toast(t('操作成功')); again(); } catch (err) { toast(err.message, true); }
      } }, t(e.status === 1 ? '禁用' : '启用'))] },
  ], page.records || []), pager(empFilter.page, empFilter.pageSize, page.total || 0, (p) => { empFilter.page = p; again(); }));
}

const isAdmin = (e) => e.username === 'admin';
const isMe = (e) => String(e.id) === String(session.get()?.id);

function editEmployee(e, done) {
  const username = h('input', { value: e?.username || '', maxlength: 32, id: 'employee-username' });
  const name = h('input', { value: e?.name || '', maxlength: 32, id: 'employee-name' });
  const phone = h('input', { value: e?.phone || '', inputmode: 'numeric', maxlength: 11, id: 'employee-phone' });
  const sex = h('select', null, h('option', { value: '1', selected: String(e?.sex) !== '0' }, t('男')), h('option', { value: '0', selected: String(e?.sex) === '0' }, t('女')));
  const idNumber = h('input', { value: e?.idNumber || '', maxlength: 18, id: 'employee-id-number' });
  // admin stays a manager, and nobody demotes themselves: the role is fixed for both.
  const role = h('select', { id: 'employee-role', disabled: !!e && (isAdmin(e) || isMe(e)) },
    h('option', { value: 'staff', selected: e?.role !== 'manager' }, t('店员')), h('option', { value: 'manager', selected: e?.role === 'manager' }, t('店长')));
  dialog(t(e ? '编辑' : '新增'), h('div', null, h('div', { class: 'form' },
    field('账号', username), field('员工姓名', name), field('手机号', phone), field('性别', sex), field('身份证号', idNumber), field('角色', role)),
  e ? null : h('p', { class: 'muted' }, t('新员工初始密码为 123456'))), {
    onOk: async () => {
      if (!username.value.trim() || !name.value.trim()) throw new Error(t('请输入名称'));
      if (!/^1\d{10}$/.test(phone.value.trim())) throw new Error(t('手机号需为11位数字'));
      if (!/^\d{17}[\dXx]$/.test(idNumber.value.trim())) throw new Error(t('身份证号需为18位'));
      const body = { username: username.value.trim(), name: name.value.trim(), phone: phone.value.trim(), sex: sex.value, idNumber: idNumber.value.trim(), role: role.value };
      if (e) await api.put('/admin/employee', { ...body, id: e.id });
      else await api.post('/admin/employee', body);
      toast(t('操作成功'));
      done();
    },
  });
}

// passwordForm is the current / new / repeat form; save() checks it and changes the password, throwing the
// message to show. initial pre-fills the initial password an employee added by a colleague starts with.
export function passwordForm({ initial = false } = {}) {
  const oldP = h('input', { type: 'password', autocomplete: 'current-password', id: 'password-old' });
  const newP = h('input', { type: 'password', autocomplete: 'new-password', id: 'password-new' });
  const again = h('input', { type: 'password', autocomplete: 'new-password', id: 'password-again' });
  if (initial) oldP.value = '123456';
  const el = h('div', { class: 'form', id: 'password-form' }, field('原密码', oldP), field('新密码', newP), field('确认新密码', again));
  const save = async () => {
    if (newP.value.length < 6) throw new Error(t('密码至少6位'));
    if (newP.value !== again.value) throw new Error(t('两次输入的密码不一致'));
    await api.put('/admin/employee/editPassword', { oldPassword: oldP.value, newPassword: newP.value });
  };
  return { el, save };
}

// changePassword asks for the current and a new password in a dialog; done runs after the change.
export function changePassword(done) {
  const form = passwordForm();
  dialog(t('修改密码'), form.el, { onOk: async () => { await form.save(); toast(t('操作成功')); done?.(); } });
}

export async function shopView(el) {
  const s = await api.get('/admin/shop/settings');
  const name = h('input', { value: s.name || '', maxlength: 64, id: 'shop-name' });
  const phone = h('input', { value: s.phone || '', maxlength: 20 });
  const address = h('input', { value: s.address || '', maxlength: 200 });
  const delivery = h('input', { value: s.deliveryFee ?? 6, inputmode: 'decimal', id: 'shop-delivery' });
  const packing = h('input', { value: s.packingFee ?? 1, inputmode: 'decimal' });
  const zone = h('input', { value: s.timeZone || 'Asia/Shanghai', placeholder: t('请输入时区，如 Asia/Shanghai') });
  const err = h('div', { class: 'error', role: 'alert', id: 'shop-error' });
  el.append(h('form', { class: 'card', style: 'max-width:40rem', onsubmit: async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    const fee = (v) => /^\d+(\.\d{1,2})?$/.test(v.trim());
    if (!name.value.trim()) { err.textContent = t('请输入名称'); return; }
    if (!fee(delivery.value) || !fee(packing.value)) { err.textContent = t('金额需为非负数'); return; }
    if (!zone.value.trim()) { err.textContent = t('请输入时区，如 Asia/Shanghai'); return; }
    try {
      await api.put('/admin/shop/settings', { name: name.value.trim(), phone: phone.value.trim(), address: address.value.trim(),
        deliveryFee: delivery.value.trim(), packingFee: packing.value.trim(), timeZone: zone.value.trim() });
      toast(t('操作成功'));
    } catch (e) { err.textContent = e.message; }
  } }, h('div', { class: 'form' }, field('店铺名称', name), field('联系电话', phone), field('店铺地址', address),
    field('配送费(元)', delivery), field('打包费(元/件)', packing), field('时区', zone)), err,
  h('div', { class: 'buttons', style: 'display:flex;justify-content:flex-end' }, h('button', { class: 'primary', type: 'submit' }, t('保存')))));
}
