// The customer's cart, kept on the server (/user/shoppingCart/**) and mirrored here so every screen shows the
// same lines; the money shown before checkout is the lines' sum, checkout shows the server's own quote.
// The server takes an item out of every cart when the shop stops selling it; the lines that went that way (not by
// the customer's hand) are kept here until a screen tells the customer.
import { api } from './api.js';

let lines = [];
let vanished = [];
const listeners = new Set();

function changed() { listeners.forEach((fn) => fn(lines)); }

// keyOf is what the server matches a cart row on: the dish and its flavor, or the set meal.
function keyOf(item) {
  return item.setmealId ? { setmealId: item.setmealId } : { dishId: item.dishId, dishFlavor: item.dishFlavor || null };
}
function keyText(item) { return item.setmealId ? `s${item.setmealId}` : `d${item.dishId}|${item.dishFlavor || ''}`; }

async function reload(expectGone = []) {
  const before = lines;
  lines = (await api.get('/user/shoppingCart/list')) || [];
  const now = new Set(lines.map(keyText));
  const expected = new Set(expectGone);
  const gone = before.filter((l) => !now.has(keyText(l)) && !expected.has(keyText(l))).map((l) => l.name);
  vanished = [...new Set([...vanished, ...gone])];
  changed();
  return lines;
}

export const cart = {
  lines: () => lines,
  count: () => lines.reduce((n, l) => n + l.number, 0),
  total: () => lines.reduce((s, l) => s + l.number * Number(l.amount), 0),
  // countOf is how many of a dish (all its flavors) or set meal are in the cart.
  countOf: (kind, id) => lines.filter((l) => (kind === 'setmeal' ? l.setmealId : l.dishId) === id).reduce((n, l) => n + l.number, 0),
  onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  // takeVanished returns the names of the items the shop stopped selling since last asked, once.
  takeVanished() { const v = vanished; vanished = []; return v; },
  load: () => reload(),
  async add(item) { await api.post('/user/shoppingCart/add', keyOf(item)); return reload(); },
  async sub(item) { await api.post('/user/shoppingCart/sub', keyOf(item)); return reload([keyText(item)]); },
  async clear() { await api.del('/user/shoppingCart/clean'); return reload(lines.map(keyText)); },
  // ordered empties the mirror after an order took the cart's lines.
  ordered() { lines = []; changed(); },
};
