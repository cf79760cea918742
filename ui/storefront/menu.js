// The menu: the shop's name and whether it is open, categories on the left, their dishes and set meals on the
// right, the flavor choice and the set meal's contents in bottom sheets, and the cart bar at the bottom.
import { api } from './api.js';
import { cart } from './cart.js';
import { h, sheet, toast, errorText, money, img } from './dom.js';
import { t } from './i18n.js';
import { shop, shopOpen, tableNo } from './shop.js';
import { topBar } from './top_bar.js';

const CATEGORY_DISHES = 1;

let categories = null; // a promise of the category list
let current = null; // selected category id
const itemsByCategory = new Map();

async function loadItems(category) {
  if (!itemsByCategory.has(category.id)) {
    const path = category.type === CATEGORY_DISHES ? '/user/dish/list' : '/user/setmeal/list';
    const list = (await api.get(path, { categoryId: category.id })) || [];
    itemsByCategory.set(category.id, list.map((it) => ({ ...it, kind: category.type === CATEGORY_DISHES ? 'dish' : 'setmeal' })));
  }
  return itemsByCategory.get(category.id);
}

// flavorsOf is a dish's flavor rows with their values parsed (the wire keeps each row's values as a JSON string).
function flavorsOf(dish) {
  return (dish.flavors || []).map((f) => {
    let values = [];
    try { values = JSON.parse(f.value); } catch { values = []; }
    return { name: f.name, values: Array.isArray(values) ? values : [] };
  }).filter((f) => f.name && f.values.length);
}

async function change(action, item) {
  try { await action(item); } catch (e) { toast(errorText(e), true); }
}

function lineOf(item) {
  return item.kind === 'setmeal' ? { setmealId: item.id } : { dishId: item.id, dishFlavor: null };
}

function stepper(n, onSub, onAdd, name) {
  return h('div', { class: 'stepper' },
    n > 0 ? h('button', { class: 'round minus', 'aria-label': `- ${name}`, onclick: onSub }, '−') : null,
    n > 0 ? h('span', { class: 'n' }, n) : null,
    h('button', { class: 'round plus', 'aria-label': `+ ${name}`, disabled: !shopOpen(), onclick: onAdd }, '+'));
}

// The original's flavor rule: one value per flavor row, the first preselected; tapping the chosen value again
// clears that row; at least one value must be chosen; the values are sent joined by commas.
function openFlavors(dish) {
  const rows = flavorsOf(dish);
  const chosen = rows.map((r) => r.values[0]);
  const body = h('div', { class: 'flavors' });
  const draw = () => {
    body.replaceChildren(...rows.map((r, i) => h('div', { class: 'flavor-row' },
      h('div', { class: 'flavor-name' }, r.name),
      h('div', { class: 'chips' }, r.values.map((v) => h('button', {
        class: chosen[i] === v ? 'chip on' : 'chip',
        'aria-pressed': chosen[i] === v ? 'true' : 'false',
        onclick: () => { chosen[i] = chosen[i] === v ? null : v; draw(); },
      }, v))))));
  };
  draw();
  const close = sheet([
    h('div', { class: 'sheet-title' }, dish.name),
    body,
    h('div', { class: 'sheet-foot' },
      h('span', { class: 'price' }, money(dish.price)),
      h('button', {
        class: 'primary', id: 'flavor-add', onclick: async () => {
          const picked = chosen.filter(Boolean);
          if (!picked.length) { toast(t('请选择规格'), true); return; }
          close();
          await change((it) => cart.add(it), { dishId: dish.id, dishFlavor: picked.join(',') });
        },
      }, t('加入购物车'))),
  ], { label: dish.name });
}

async function openDetail(item) {
  const contents = h('div', { class: 'setmeal-contents' });
  const flavored = item.kind === 'dish' && flavorsOf(item).length > 0;
  const close = sheet([
    img(item.image, 'detail-pic', 320),
    h('div', { class: 'sheet-title' }, item.name),
    item.description ? h('p', { class: 'muted' }, item.description) : null,
    contents,
    h('div', { class: 'sheet-foot' }, h('span', { class: 'price' }, money(item.price)),
      h('button', {
        class: 'primary', id: 'detail-add', disabled: !shopOpen(),
        onclick: () => { close(); if (flavored) openFlavors(item); else change((it) => cart.add(it), lineOf(item)); },
      }, flavored ? t('选规格') : t('加入购物车'))),
  ], { label: item.name });
  if (item.kind !== 'setmeal') return;
  try {
    const dishes = (await api.get(`/user/setmeal/dish/${item.id}`)) || [];
    contents.replaceChildren(h('div', { class: 'label' }, t('套餐内容')),
      ...dishes.map((d) => h('div', { class: 'setmeal-dish' }, img(d.image, 'thumb', 40), h('span', null, d.name), h('span', { class: 'muted' }, `× ${d.copies}`))));
  } catch (e) { toast(errorText(e), true); }
}

function itemCard(item) {
  const n = cart.countOf(item.kind, item.id);
  const flavored = item.kind === 'dish' && flavorsOf(item).length > 0;
  const control = flavored
    ? h('button', { class: 'choose', disabled: !shopOpen(), onclick: () => openFlavors(item) }, t('选规格'), n > 0 ? h('span', { class: 'badge' }, n) : null)
    : stepper(n, () => change((it) => cart.sub(it), lineOf(item)), () => change((it) => cart.add(it), lineOf(item)), item.name);
  return h('div', { class: 'item', 'data-item': item.name },
    h('button', { class: 'item-pic', 'aria-label': item.name, onclick: () => openDetail(item) }, img(item.image, 'pic', 84)),
    h('div', { class: 'item-body' },
      h('div', { class: 'item-name', onclick: () => openDetail(item) }, item.name),
      item.description ? h('div', { class: 'item-desc' }, item.description) : null,
      h('div', { class: 'item-foot' }, h('span', { class: 'price' }, money(item.price)), control)));
}

function cartSheet() {
  const list = h('div', { class: 'cart-lines' });
  const draw = () => {
    if (!cart.lines().length) { close(); return; }
    list.replaceChildren(...cart.lines().map((l) => h('div', { class: 'cart-line', 'data-line': l.name },
      img(l.image, 'thumb', 48),
      h('div', { class: 'cart-line-body' }, h('div', null, l.name), l.dishFlavor ? h('div', { class: 'muted' }, l.dishFlavor) : null,
        h('div', { class: 'price' }, money(l.amount))),
      stepper(l.number, () => change((it) => cart.sub(it), l), () => change((it) => cart.add(it), l), l.name))));
  };
  const off = cart.onChange(draw);
  const close = sheet([
    h('div', { class: 'sheet-title row' }, h('span', null, t('购物车')),
      h('button', { class: 'link', id: 'cart-clear', onclick: () => change(() => cart.clear()) }, t('清空'))),
    list,
  ], { label: t('购物车'), onClose: () => off() });
  draw();
}

// cartIcon is drawn, not an emoji: phones without a colour emoji font would show a box.
function cartIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  svg.innerHTML = '<path fill="#ffc200" d="M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.2 4H2V2h4.8l.9 2H21l-3.4 8.6a2 2 0 0 1-1.9 1.4H8.1l-.9 1.8V16H19v2H6a1 1 0 0 1-.9-1.5l1.4-2.7L5.2 4z"/>';
  return svg;
}

function cartBar() {
  const count = cart.count();
  const open = shopOpen();
  return h('footer', { class: 'cartbar' },
    h('button', { class: 'cart-icon', id: 'cart-open', 'aria-label': t('购物车'), disabled: !count, onclick: cartSheet },
      cartIcon(), count ? h('span', { class: 'badge', id: 'cart-count' }, count) : null),
    h('div', { class: 'cart-total' }, count ? money(cart.total()) : h('span', { class: 'muted' }, t('购物车是空的')),
      count && !tableNo() ? h('div', { class: 'muted small' }, `${t('配送费')} ${money(shop().deliveryFee)}`) : null),
    h('button', {
      class: 'primary checkout', id: 'go-checkout', disabled: !count || !open,
      onclick: () => { document.querySelector('.overlay')?.remove(); location.hash = '#/checkout'; },
    }, open ? t('去结算') : t('已打烊')));
}

export async function renderMenu(root) {
  const dishes = h('section', { class: 'dishes' }, h('p', { class: 'loading' }, t('加载中')));
  const cats = h('nav', { class: 'cats' });
  const bar = h('div', { class: 'cartbar-slot' });
  const s = shop();
  root.replaceChildren(...[
    topBar(),
    shopOpen() ? null : h('div', { class: 'closed-banner', role: 'alert', id: 'shop-closed' },
      h('strong', null, t('本店已打烊')), h('span', null, t('暂不接单，营业后再来吧'))),
    tableNo() || !s.deliveryFee ? null : h('div', { class: 'shop-meta muted small' },
      `${t('配送费')} ${money(s.deliveryFee)} · ${t('打包费')} ${money(s.packingFee)}${t('/份')}`),
    h('main', { class: 'menu' }, cats, dishes),
    bar].filter(Boolean));
  const drawBar = () => bar.replaceChildren(cartBar());
  let shown = [];
  const drawItems = () => dishes.replaceChildren(...(shown.length ? shown.map(itemCard) : [h('p', { class: 'muted empty' }, '—')]));
  const off = cart.onChange(() => {
    const stopped = cart.takeVanished();
    if (stopped.length) toast(`${t('以下商品已停售，已从购物车移除')}：${stopped.join('、')}`, true);
    drawBar();
    drawItems();
  });
  const pick = async (c) => {
    current = c.id;
    cats.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b.dataset.id === String(c.id)));
    try {
      const list = await loadItems(c);
      if (current === c.id) { shown = list; drawItems(); dishes.scrollTop = 0; }
    } catch (e) { dishes.replaceChildren(h('p', { class: 'error' }, errorText(e))); }
  };
  drawBar();
  try {
    const list = await loadCategories();
    cats.replaceChildren(...list.map((c) => h('button', { 'data-id': String(c.id), onclick: () => pick(c) }, c.name)));
    const first = list.find((c) => c.id === current) || list[0];
    if (first) await pick(first);
    else dishes.replaceChildren(h('p', { class: 'muted empty' }, '—'));
  } catch (e) {
    dishes.replaceChildren(h('p', { class: 'error' }, errorText(e)));
  }
  return off;
}

// loadCategories reads the categories once; the app starts it with the shop and the cart, to save a round trip.
export function loadCategories() {
  if (!categories) {
    categories = api.get('/user/category/list').then((list) => list || []);
    categories.catch(() => { categories = null; });
  }
  return categories;
}

// forgetMenu drops the cached menu, so that the next visit reads prices and sale states anew.
export function forgetMenu() { categories = null; itemsByCategory.clear(); }
