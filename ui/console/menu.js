// Menu: categories, dishes (flavors, image upload) and set meals (dish picker).
import { api } from './api.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { h, dialog, confirmDialog, toast, table, pager, money, field } from './dom.js';

const typeNames = { 1: '菜品分类', 2: '套餐分类' };

// run performs a change and re-renders; the back end's refusal (code 0) is shown as it is.
async function run(fn, done) {
  try { await fn(); toast(t('操作成功')); done(); } catch (e) { toast(e.message, true); }
}


function toggleButton(r, path, done, words = ['启售', '停售']) {
  const next = r.status === 1 ? 0 : 1;
  return h('button', { class: 'link', 'data-toggle': r.name || r.username,
    onclick: () => run(() => api.post(`${path}/status/${next}`, undefined, { id: r.id }), done) }, t(next ? words[0] : words[1]));
}

function validPrice(v) { return /^\d+(\.\d{1,2})?$/.test(String(v).trim()) && Number(v) > 0; }

// ---- categories

const catFilter = { page: 1, pageSize: 10, name: '', type: '' };

export async function categoriesView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const page = await api.get('/admin/category/page', catFilter);
  if (!seq() || gen !== el.gen) return;
  const again = () => categoriesView(el, { seq });
  const name = h('input', { placeholder: t('分类名称'), value: catFilter.name });
  const type = h('select', null, h('option', { value: '' }, t('全部')),
    Object.entries(typeNames).map(([v, n]) => h('option', { value: v, selected: catFilter.type === v }, t(n))));
  el.replaceChildren(h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); Object.assign(catFilter, { name: name.value.trim(), type: type.value, page: 1 }); again(); } },
    name, type, h('button', { type: 'submit' }, t('查询')), h('span', { class: 'grow' }),
    h('button', { type: 'button', class: 'primary', id: 'add-category', onclick: () => editCategory(null, again) }, `+ ${t('新增')}`)),
  table([
    { title: '分类名称', cell: (c) => c.name },
    { title: '分类类型', cell: (c) => t(typeNames[c.type]) },
    { title: '排序', cell: (c) => c.sort },
    { title: '状态', cell: (c) => h('span', { class: c.status === 1 ? 'on' : 'off' }, t(c.status === 1 ? '启用' : '禁用')) },
    { title: '操作', class: 'actions', cell: (c) => [
      h('button', { class: 'link', onclick: () => editCategory(c, again) }, t('编辑')),
      toggleButton(c, '/admin/category', again, ['启用', '禁用']),
      h('button', { class: 'link danger', onclick: () => confirmDialog(t('确定删除吗？'), async () => { await api.del('/admin/category', { id: c.id }); toast(t('操作成功')); again(); }) }, t('删除'))] },
  ], page.records || []), pager(catFilter.page, catFilter.pageSize, page.total || 0, (p) => { catFilter.page = p; again(); }));
}

function editCategory(c, done) {
  const name = h('input', { id: 'category-name', value: c?.name || '', maxlength: 32 });
  const type = h('select', { id: 'category-type', disabled: !!c }, Object.entries(typeNames).map(([v, n]) => h('option', { value: v, selected: String(c?.type) === v }, t(n))));
  const sort = h('input', { id: 'category-sort', value: c?.sort ?? 0, inputmode: 'numeric' });
  dialog(t(c ? '编辑' : '新增'), h('div', { class: 'form' }, field('分类名称', name), field('分类类型', type), field('排序', sort)), {
    onOk: async () => {
      if (!name.value.trim()) throw new Error(t('请输入名称'));
      if (!/^\d+$/.test(sort.value.trim())) throw new Error(t('请输入排序(数字)'));
      const body = { name: name.value.trim(), sort: sort.value.trim() };
      if (c) await api.put('/admin/category', { id: c.id, ...body });
      else await api.post('/admin/category', { ...body, type: Number(type.value) });
      toast(t('操作成功'));
      done();
    },
  });
}

// ---- dishes

const dishFilter = { page: 1, pageSize: 10, name: '', categoryId: '', status: '' };

export async function dishesView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const [page, cats] = await Promise.all([api.get('/admin/dish/page', dishFilter), api.get('/admin/category/list', { type: 1 })]);
  if (!seq() || gen !== el.gen) return;
  const again = () => dishesView(el, { seq });
  // Staff only put dishes on and off sale; adding, editing and deleting are the managers'.
  const manager = session.isManager();
  el.replaceChildren(menuToolbar(dishFilter, cats, again, manager ? h('button', { type: 'button', class: 'primary', id: 'add-dish', onclick: () => editDish(null, again) }, `+ ${t('新增')}`) : null),
    table([
      { title: '图片', cell: (d) => (d.image ? h('img', { class: 'thumb', src: d.image, alt: '' }) : '') },
      { title: '菜品名称', cell: (d) => d.name },
      { title: '菜品分类', cell: (d) => d.categoryName || '' },
      { title: '价格', class: 'num', cell: (d) => money(d.price) },
      { title: '状态', cell: (d) => h('span', { class: d.status === 1 ? 'on' : 'off' }, t(d.status === 1 ? '已启售' : '已停售')) },
      { title: '操作', class: 'actions', cell: (d) => [
        manager ? h('button', { class: 'link', 'data-edit': d.name, onclick: async () => { try { editDish(await api.get(`/admin/dish/${d.id}`), again); } catch (e) { toast(e.message, true); } } }, t('编辑')) : null,
        toggleButton(d, '/admin/dish', again),
        manager ? h('button', { class: 'link danger', onclick: () => confirmDialog(t('确定删除吗？'), async () => { await api.del('/admin/dish', { ids: d.id }); toast(t('操作成功')); again(); }) }, t('删除')) : null] },
    ], page.records || []), pager(dishFilter.page, dishFilter.pageSize, page.total || 0, (p) => { dishFilter.page = p; again(); }));
}

function menuToolbar(f, cats, again, addButton) {
  const name = h('input', { placeholder: t('请输入名称'), value: f.name, 'aria-label': t('搜索') });
  const cat = h('select', { 'aria-label': t('分类') }, h('option', { value: '' }, `${t('分类')}: ${t('全部')}`), cats.map((c) => h('option', { value: c.id, selected: String(f.categoryId) === String(c.id) }, c.name)));
  const status = h('select', { 'aria-label': t('状态') }, h('option', { value: '' }, `${t('状态')}: ${t('全部')}`), h('option', { value: '1', selected: f.status === '1' }, t('已启售')), h('option', { value: '0', selected: f.status === '0' }, t('已停售')));
  return h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); Object.assign(f, { name: name.value.trim(), categoryId: cat.value, status: status.value, page: 1 }); again(); } },
    name, cat, status, h('button', { type: 'submit' }, t('查询')), h('span', { class: 'grow' }), addButton);
}

function imageField(initial) {
  let url = initial || '';
  const preview = h('img', { class: 'thumb', alt: '', src: url || undefined, hidden: !url });
  const file = h('input', { type: 'file', accept: '.jpg,.jpeg,.png,image/jpeg,image/png', id: 'image-file' });
  const msg = h('span', { class: 'error' });
  file.addEventListener('change', async () => {
    msg.textContent = '';
    const f = file.files[0];
    if (!f) return;
    if (!/\.(jpe?g|png)$/i.test(f.name) || f.size > 2 * 1024 * 1024) { msg.textContent = t('图片格式仅支持 jpg/jpeg/png，且不超过2MB'); return; }
    try {
      url = await api.upload('/admin/common/upload', f);
      preview.src = url;
      preview.hidden = false;
    } catch (e) { msg.textContent = e.message; }
  });
  return { el: h('div', { class: 'row' }, preview, file, msg), value: () => url };
}

function editDish(d, done) {
  const cats = api.get('/admin/category/list', { type: 1 });
  const name = h('input', { id: 'dish-name', value: d?.name || '', maxlength: 32 });
  const cat = h('select', { id: 'dish-category' }, h('option', { value: '' }, t('请选择分类')));
  cats.then((list) => list.forEach((c) => cat.append(h('option', { value: c.id, selected: String(d?.categoryId) === String(c.id) }, c.name)))).catch(() => {});
  const price = h('input', { id: 'dish-price', value: d?.price ?? '', inputmode: 'decimal' });
  const image = imageField(d?.image);
  const desc = h('textarea', { rows: 2, maxlength: 200 }, d?.description || '');
  const flavors = h('div', { id: 'dish-flavors' });
  const addFlavor = (fl) => {
    const fname = h('input', { class: 'flavor-name', placeholder: t('口味名称'), value: fl?.name || '', size: 8 });
    let values = '';
    try { values = fl ? JSON.parse(fl.value).join(',') : ''; } catch { values = fl?.value || ''; }
    const fval = h('input', { class: 'flavor-values', placeholder: t('口味选项(逗号分隔)'), value: values });
    const row = h('div', { class: 'row flavor' }, fname, fval, h('button', { type: 'button', class: 'link danger', onclick: () => row.remove() }, t('删除')));
    flavors.append(row);
  };
  (d?.flavors || []).forEach(addFlavor);
  dialog(t(d ? '编辑' : '新增'), h('div', { class: 'form' },
    field('菜品名称', name), field('菜品分类', cat), field('价格', price), field('图片', image.el),
    field('口味', h('div', null, flavors, h('button', { type: 'button', id: 'add-flavor', onclick: () => addFlavor() }, `+ ${t('添加口味')}`))),
    field('描述', desc)), {
    onOk: async () => {
      if (!name.value.trim()) throw new Error(t('请输入名称'));
      if (!cat.value) throw new Error(t('请选择分类'));
      if (!validPrice(price.value)) throw new Error(t('请输入正确的价格'));
      const fl = [...flavors.querySelectorAll('.flavor')].map((r) => ({
        name: r.querySelector('.flavor-name').value.trim(),
        value: JSON.stringify(r.querySelector('.flavor-values').value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)),
      }));
      if (fl.some((f) => !f.name || f.value === '[]')) throw new Error(`${t('口味')}: ${t('请输入名称')}`);
      const body = { name: name.value.trim(), categoryId: cat.value, price: price.value.trim(), image: image.value(), description: desc.value.trim(), flavors: fl };
      if (d) await api.put('/admin/dish', { ...body, id: d.id });
      else await api.post('/admin/dish', { ...body, status: 0 });
      toast(t('操作成功'));
      done();
    },
  });
}

// ---- set meals

const mealFilter = { page: 1, pageSize: 10, name: '', categoryId: '', status: '' };

export async function setmealsView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const [page, cats] = await Promise.all([api.get('/admin/setmeal/page', mealFilter), api.get('/admin/category/list', { type: 2 })]);
  if (!seq() || gen !== el.gen) return;
  const again = () => setmealsView(el, { seq });
  const manager = session.isManager();
  el.replaceChildren(menuToolbar(mealFilter, cats, again, manager ? h('button', { type: 'button', class: 'primary', id: 'add-setmeal', onclick: () => editSetmeal(null, again) }, `+ ${t('新增')}`) : null),
    table([
      { title: '图片', cell: (s) => (s.image ? h('img', { class: 'thumb', src: s.image, alt: '' }) : '') },
      { title: '套餐名称', cell: (s) => s.name },
      { title: '套餐分类', cell: (s) => s.categoryName || '' },
      { title: '价格', class: 'num', cell: (s) => money(s.price) },
      { title: '状态', cell: (s) => h('span', { class: s.status === 1 ? 'on' : 'off' }, t(s.status === 1 ? '已启售' : '已停售')) },
      { title: '操作', class: 'actions', cell: (s) => [
        manager ? h('button', { class: 'link', 'data-edit': s.name, onclick: async () => { try { editSetmeal(await api.get(`/admin/setmeal/${s.id}`), again); } catch (e) { toast(e.message, true); } } }, t('编辑')) : null,
        toggleButton(s, '/admin/setmeal', again),
        manager ? h('button', { class: 'link danger', onclick: () => confirmDialog(t('确定删除吗？'), async () => { await api.del('/admin/setmeal', { ids: s.id }); toast(t('操作成功')); again(); }) }, t('删除')) : null] },
    ], page.records || []), pager(mealFilter.page, mealFilter.pageSize, page.total || 0, (p) => { mealFilter.page = p; again(); }));
}

function editSetmeal(s, done) {
  const name = h('input', { id: 'setmeal-name', value: s?.name || '', maxlength: 32 });
  const cat = h('select', { id: 'setmeal-category' }, h('option', { value: '' }, t('请选择分类')));
  api.get('/admin/category/list', { type: 2 }).then((list) => list.forEach((c) => cat.append(h('option', { value: c.id, selected: String(s?.categoryId) === String(c.id) }, c.name)))).catch(() => {});
  const price = h('input', { id: 'setmeal-price', value: s?.price ?? '', inputmode: 'decimal' });
  const image = imageField(s?.image);
  const desc = h('textarea', { rows: 2, maxlength: 200 }, s?.description || '');
  const chosen = new Map((s?.setmealDishes || []).map((d) => [String(d.dishId), { ...d }]));
  const chosenEl = h('div');
  const paintChosen = () => chosenEl.replaceChildren(...[...chosen.values()].map((d) => {
    const copies = h('input', { type: 'number', min: 1, value: d.copies || 1, style: 'width:4.5rem' });
    copies.addEventListener('change', () => { d.copies = Math.max(1, Number(copies.value) || 1); });
    return h('div', { class: 'row' }, h('span', { style: 'flex:1' }, `${d.name} ${money(d.price)}`), t('份数'), copies,
      h('button', { type: 'button', class: 'link danger', onclick: () => { chosen.delete(String(d.dishId)); paintChosen(); } }, t('删除')));
  }));
  paintChosen();
  const kw = h('input', { id: 'dish-search', placeholder: t('菜品名称搜索'), size: 12 });
  const results = h('div', { id: 'dish-results' });
  const find = async () => {
    try {
      const list = await api.get('/admin/dish/list', { name: kw.value.trim() });
      results.replaceChildren(...list.map((d) => h('button', { type: 'button', class: 'link', onclick: () => {
        if (!chosen.has(String(d.id))) chosen.set(String(d.id), { dishId: d.id, name: d.name, price: d.price, copies: 1 });
        paintChosen();
      } }, `+ ${d.name}`)));
      if (!list.length) results.replaceChildren(h('span', { class: 'muted' }, t('暂无数据')));
    } catch (e) { results.replaceChildren(h('span', { class: 'error' }, e.message)); }
  };
  find();
  dialog(t(s ? '编辑' : '新增'), h('div', { class: 'form' },
    field('套餐名称', name), field('套餐分类', cat), field('价格', price), field('图片', image.el),
    field('套餐菜品', h('div', null, chosenEl, h('div', { class: 'row' }, kw, h('button', { type: 'button', id: 'dish-search-button', onclick: find }, t('搜索'))), results)),
    field('描述', desc)), {
    onOk: async () => {
      if (!name.value.trim()) throw new Error(t('请输入名称'));
      if (!cat.value) throw new Error(t('请选择分类'));
      if (!validPrice(price.value)) throw new Error(t('请输入正确的价格'));
      if (!chosen.size) throw new Error(t('请至少添加一个菜品'));
      if (!image.value()) throw new Error(t('请上传图片'));
      const body = { name: name.value.trim(), categoryId: cat.value, price: price.value.trim(), image: image.value(), description: desc.value.trim(),
        setmealDishes: [...chosen.values()].map((d) => ({ dishId: d.dishId, name: d.name, price: d.price, copies: d.copies || 1 })) };
      if (s) await api.put('/admin/setmeal', { ...body, id: s.id });
      else await api.post('/admin/setmeal', { ...body, status: 0 });
      toast(t('操作成功'));
      done();
    },
  });
}
