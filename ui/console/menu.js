// Menu: categories, dishes (flavors, picture) and set meals (dish picker), with batch actions on the lists.
import { api } from './api.js';
import { session } from './session.js';
import { t } from './i18n.js';
import { h, dialog, confirmDialog, toast, table, pager, money, field } from './dom.js';
import { CategoryType, categoryTypeLabels, SaleStatus } from './enums.js';
import { pictureField } from './picture_field.js';
import { batchSelection } from './menu_batch.js';

const onSale = (r) => r.status === SaleStatus.OnSale;

// run performs a change and re-renders; the back end's refusal (code 0) is shown as it is.
async function run(fn, done) {
  try { await fn(); toast(t('操作成功')); done(); } catch (e) { toast(e.message, true); }
}

function toggleButton(r, path, done, words = ['启售', '停售']) {
  const next = onSale(r) ? SaleStatus.OffSale : SaleStatus.OnSale;
  return h('button', { class: 'link', 'data-toggle': r.name || r.username,
    onclick: () => run(() => api.post(`${path}/status/${next}`, undefined, { id: r.id }), done) }, t(next === SaleStatus.OnSale ? words[0] : words[1]));
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
    Object.entries(categoryTypeLabels).map(([v, n]) => h('option', { value: v, selected: catFilter.type === v }, t(n))));
  el.replaceChildren(h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); Object.assign(catFilter, { name: name.value.trim(), type: type.value, page: 1 }); again(); } },
    name, type, h('button', { type: 'submit' }, t('查询')), h('span', { class: 'grow' }),
    h('button', { type: 'button', class: 'primary', id: 'add-category', onclick: () => editCategory(null, again) }, `+ ${t('新增')}`)),
  table([
    { title: '分类名称', cell: (c) => c.name },
    { title: '分类类型', cell: (c) => t(categoryTypeLabels[c.type]) },
    { title: '排序', cell: (c) => c.sort },
    { title: '状态', cell: (c) => h('span', { class: onSale(c) ? 'on' : 'off' }, t(onSale(c) ? '启用' : '禁用')) },
    { title: '操作', class: 'actions', cell: (c) => [
      h('button', { class: 'link', onclick: () => editCategory(c, again) }, t('编辑')),
      toggleButton(c, '/admin/category', again, ['启用', '禁用']),
      h('button', { class: 'link danger', onclick: () => confirmDialog(t('确定删除吗？'), async () => { await api.del('/admin/category', { id: c.id }); toast(t('操作成功')); again(); }) }, t('删除'))] },
  ], page.records || []), pager(catFilter.page, catFilter.pageSize, page.total || 0, (p) => { catFilter.page = p; again(); }));
}

function editCategory(c, done) {
  const name = h('input', { id: 'category-name', value: c?.name || '', maxlength: 32 });
  const type = h('select', { id: 'category-type', disabled: !!c }, Object.entries(categoryTypeLabels).map(([v, n]) => h('option', { value: v, selected: String(c?.type) === v }, t(n))));
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
  const [page, cats] = await Promise.all([api.get('/admin/dish/page', dishFilter), api.get('/admin/category/list', { type: CategoryType.DishCategory })]);
  if (!seq() || gen !== el.gen) return;
  const again = () => dishesView(el, { seq });
  itemList(el, { page, cats, filter: dishFilter, again, path: '/admin/dish', noun: '菜品', addId: 'add-dish',
    edit: (d) => editDish(d, again), titles: ['菜品名称', '菜品分类'] });
}

// thumb is an item's picture in a list, or a grey box saying there is none (or that it cannot be loaded).
function thumb(r) {
  const none = () => h('span', { class: 'thumb no-picture' }, t('无图'));
  return r.image ? h('img', { class: 'thumb', src: r.image, alt: r.name, loading: 'lazy', onerror: (e) => e.target.replaceWith(none()) }) : none();
}

// itemList draws the dish or set meal list: search, batch bar, rows with picture, and the pager.
function itemList(el, { page, cats, filter, again, path, noun, addId, edit, titles }) {
  // Staff only put items on and off sale; adding, editing and deleting are the managers'.
  const manager = session.isManager();
  const batch = batchSelection({ path, noun, manager, done: again });
  const open = async (r) => { try { edit(await api.get(`${path}/${r.id}`)); } catch (e) { toast(e.message, true); } };
  el.replaceChildren(menuToolbar(filter, cats, again, manager ? h('button', { type: 'button', class: 'primary', id: addId, onclick: () => edit(null) }, `+ ${t('新增')}`) : null),
    batch.bar,
    table([
      batch.column,
      { title: '图片', class: 'picture-cell', cell: thumb },
      { title: titles[0], cell: (r) => r.name },
      { title: titles[1], cell: (r) => r.categoryName || '' },
      { title: '价格', class: 'num', cell: (r) => money(r.price) },
      { title: '状态', cell: (r) => h('span', { class: onSale(r) ? 'on' : 'off' }, t(onSale(r) ? '已启售' : '已停售')) },
      { title: '操作', class: 'actions', cell: (r) => [
        manager ? h('button', { class: 'link', 'data-edit': r.name, onclick: () => open(r) }, t('编辑')) : null,
        toggleButton(r, path, again),
        manager ? h('button', { class: 'link danger', onclick: () => confirmDialog(t('确定删除吗？'), async () => { await api.del(path, { ids: r.id }); toast(t('操作成功')); again(); }) }, t('删除')) : null] },
    ], page.records || []), pager(filter.page, filter.pageSize, page.total || 0, (p) => { filter.page = p; again(); }));
}

function menuToolbar(f, cats, again, addButton) {
  const name = h('input', { placeholder: t('请输入名称'), value: f.name, 'aria-label': t('搜索') });
  const cat = h('select', { 'aria-label': t('分类') }, h('option', { value: '' }, `${t('分类')}: ${t('全部')}`), cats.map((c) => h('option', { value: c.id, selected: String(f.categoryId) === String(c.id) }, c.name)));
  const status = h('select', { 'aria-label': t('状态') }, h('option', { value: '' }, `${t('状态')}: ${t('全部')}`), [[SaleStatus.OnSale, '已启售'], [SaleStatus.OffSale, '已停售']].map(([v, label]) => h('option', { value: String(v), selected: f.status === String(v) }, t(label))));
  return h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); Object.assign(f, { name: name.value.trim(), categoryId: cat.value, status: status.value, page: 1 }); again(); } },
    name, cat, status, h('button', { type: 'submit' }, t('查询')), h('span', { class: 'grow' }), addButton);
}

// saveAndAddButton is the original's "保存并继续添加": it saves a new item and opens an empty form for the next.
// Unlike the original it keeps the category, since a menu is mostly entered category by category.
function saveAndAddButton(save, reopen) {
  let d;
  const b = h('button', { type: 'button', id: 'save-and-add', onclick: async () => {
    d.err.textContent = '';
    b.disabled = true;
    try {
      const categoryId = await save();
      toast(t('操作成功'));
      d.close();
      reopen(categoryId);
    } catch (e) {
      d.err.textContent = e.message === 'network' ? t('网络错误') : e.message;
    } finally { b.disabled = false; }
  } }, t('保存并继续添加'));
  return { button: b, bind: (dialogHandle) => { d = dialogHandle; } };
}

// categorySelect lists the categories of one type; selected is the id to preselect.
function categorySelect(id, type, selected) {
  const cat = h('select', { id }, h('option', { value: '' }, t('请选择分类')));
  api.get('/admin/category/list', { type }).then((list) => list.forEach((c) => cat.append(h('option', { value: c.id, selected: String(selected) === String(c.id) }, c.name)))).catch(() => {});
  return cat;
}

// editDish opens the dish form: d is the dish to edit, or null for a new one in categoryId (if given).
function editDish(d, done, categoryId) {
  const name = h('input', { id: 'dish-name', value: d?.name || '', maxlength: 32 });
  const cat = categorySelect('dish-category', CategoryType.DishCategory, d ? d.categoryId : categoryId);
  const price = h('input', { id: 'dish-price', value: d?.price ?? '', inputmode: 'decimal' });
  const image = pictureField(d?.image);
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
  const save = async () => {
    if (!name.value.trim()) throw new Error(t('请输入名称'));
    if (!cat.value) throw new Error(t('请选择分类'));
    if (!validPrice(price.value)) throw new Error(t('请输入正确的价格'));
    const fl = [...flavors.querySelectorAll('.flavor')].map((r) => ({
      name: r.querySelector('.flavor-name').value.trim(),
      value: JSON.stringify(r.querySelector('.flavor-values').value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)),
    }));
    if (fl.some((f) => !f.name || f.value === '[]')) throw new Error(`${t('口味')}: ${t('请输入名称')}`);
    const body = { name: name.value.trim(), categoryId: cat.value, price: price.value.trim(), image: await image.value(), description: desc.value.trim(), flavors: fl };
    if (d) await api.put('/admin/dish', { ...body, id: d.id });
    else await api.post('/admin/dish', { ...body, status: SaleStatus.OffSale });
    return cat.value;
  };
  const another = d ? null : saveAndAddButton(save, (c) => { done(); editDish(null, done, c); });
  const handle = dialog(t(d ? '编辑' : '新增'), h('div', { class: 'form' },
    field('菜品名称', name), field('菜品分类', cat), field('价格', price), field('图片', image.el),
    field('口味', h('div', null, flavors, h('button', { type: 'button', id: 'add-flavor', onclick: () => addFlavor() }, `+ ${t('添加口味')}`))),
    field('描述', desc)), {
    more: another?.button,
    onOk: async () => { await save(); toast(t('操作成功')); done(); },
  });
  another?.bind(handle);
}

// ---- set meals

const mealFilter = { page: 1, pageSize: 10, name: '', categoryId: '', status: '' };

export async function setmealsView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const [page, cats] = await Promise.all([api.get('/admin/setmeal/page', mealFilter), api.get('/admin/category/list', { type: CategoryType.SetmealCategory })]);
  if (!seq() || gen !== el.gen) return;
  const again = () => setmealsView(el, { seq });
  itemList(el, { page, cats, filter: mealFilter, again, path: '/admin/setmeal', noun: '套餐', addId: 'add-setmeal',
    edit: (s) => editSetmeal(s, again), titles: ['套餐名称', '套餐分类'] });
}

// editSetmeal opens the set meal form: s is the set meal to edit, or null for a new one in categoryId (if given).
function editSetmeal(s, done, categoryId) {
  const name = h('input', { id: 'setmeal-name', value: s?.name || '', maxlength: 32 });
  const cat = categorySelect('setmeal-category', CategoryType.SetmealCategory, s ? s.categoryId : categoryId);
  const price = h('input', { id: 'setmeal-price', value: s?.price ?? '', inputmode: 'decimal' });
  const image = pictureField(s?.image);
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
  const save = async () => {
    if (!name.value.trim()) throw new Error(t('请输入名称'));
    if (!cat.value) throw new Error(t('请选择分类'));
    if (!validPrice(price.value)) throw new Error(t('请输入正确的价格'));
    if (!chosen.size) throw new Error(t('请至少添加一个菜品'));
    const picture = await image.value();
    if (!picture) throw new Error(t('请上传图片'));
    const body = { name: name.value.trim(), categoryId: cat.value, price: price.value.trim(), image: picture, description: desc.value.trim(),
      setmealDishes: [...chosen.values()].map((d) => ({ dishId: d.dishId, name: d.name, price: d.price, copies: d.copies || 1 })) };
    if (s) await api.put('/admin/setmeal', { ...body, id: s.id });
    else await api.post('/admin/setmeal', { ...body, status: SaleStatus.OffSale });
    return cat.value;
  };
  const another = s ? null : saveAndAddButton(save, (c) => { done(); editSetmeal(null, done, c); });
  const handle = dialog(t(s ? '编辑' : '新增'), h('div', { class: 'form' },
    field('套餐名称', name), field('套餐分类', cat), field('价格', price), field('图片', image.el),
    field('套餐菜品', h('div', null, chosenEl, h('div', { class: 'row' }, kw, h('button', { type: 'button', id: 'dish-search-button', onclick: find }, t('搜索'))), results)),
    field('描述', desc)), {
    more: another?.button,
    onOk: async () => { await save(); toast(t('操作成功')); done(); },
  });
  another?.bind(handle);
}
