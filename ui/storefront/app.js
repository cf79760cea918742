// The storefront starts here: it signs the browser in as its customer, reads the shop and the cart, and draws
// the screen the address's hash names. Each screen may return a function that stops what it started (a live
// subscription), run when another screen is drawn.
import { cart } from './cart.js';
import { h, errorText } from './dom.js';
import { t, setLang, currentLang } from './i18n.js';
import { loadShop, shop } from './shop.js';
import { renderMenu, loadCategories } from './menu.js';
import { topBarHooks } from './top_bar.js';

const root = document.getElementById('app');

// Screens other than the menu load when first opened, so the first load carries only the menu.
const routes = [
  [/^\/?$/, () => ({ render: renderMenu })],
  [/^\/checkout$/, () => import('./checkout.js').then((m) => ({ render: m.renderCheckout }))],
  [/^\/addresses$/, () => import('./addresses.js').then((m) => ({ render: m.renderAddresses }))],
  [/^\/address\/(new|\d+)$/, () => import('./address_form.js').then((m) => ({ render: m.renderAddressForm }))],
  [/^\/orders$/, () => import('./history.js').then((m) => ({ render: m.renderHistory }))],
  [/^\/order\/(\d+)$/, () => import('./order_page.js').then((m) => ({ render: m.renderOrder }))],
];

let stop = null;
let drawing = 0;

async function draw() {
  const ticket = ++drawing;
  if (stop) { try { stop(); } catch { /* the screen is gone anyway */ } stop = null; }
  document.querySelectorAll('.overlay').forEach((o) => o.remove());
  const [path, query] = location.hash.replace(/^#/, '').split('?');
  const route = routes.find(([re]) => re.test(path)) || routes[0];
  const args = path.match(route[0]) || [];
  try {
    const screen = await route[1]();
    if (ticket !== drawing) return;
    const cleanup = await screen.render(root, { id: args[1], query: new URLSearchParams(query || '') });
    if (ticket !== drawing) { if (typeof cleanup === 'function') cleanup(); return; }
    stop = typeof cleanup === 'function' ? cleanup : null;
  } catch (e) {
    root.replaceChildren(h('p', { class: 'error' }, errorText(e)));
  }
  window.scrollTo(0, 0);
}

async function start() {
  setLang(currentLang());
  topBarHooks.rerender = draw;
  try {
    await Promise.all([loadShop(), cart.load(), loadCategories()]);
  } catch (e) {
    root.replaceChildren(h('div', { class: 'fatal' }, h('p', { class: 'error' }, errorText(e)),
      h('button', { class: 'primary', onclick: () => location.reload() }, t('重试'))));
    return;
  }
  document.title = shop().name || t('点餐');
  window.addEventListener('hashchange', draw);
  draw();
}

start();
