// The customer's cart, kept on the server (/user/shoppingCart/**) and mirrored here so every screen shows the
// same lines; the money shown before checkout is the lines' sum, checkout shows the server's own quote.
import { api } from './api.js';

let lines = [];
const listeners = new Set();

function changed() { listeners.forEach((fn) => fn(lines)); }

// keyOf is what the server matches a cart row on: the dish and its flavor, or the set meal.
function keyOf(item) {
  return item.setmealId ? { setmealId: item.setmealId } : { dishId: item.dishId, dishFlavor: item.dishFlavor || null };
}

export const cart = {
  lines: () => lines,
  count: () => lines.reduce((n, l) => n + l.number, 0),
  total: () => lines.reduce((s, l) => s + l.number * Number(l.amount), 0),
  // countOf is how many of a dish (all its flavors) or set meal are in the cart.
  countOf: (kind, id) => lines.filter((l) => (kind === 'setmeal' ? l.setmealId : l.dishId) === id).reduce((n, l) => n + l.number, 0),
  onChange(fn) { listeners.add(fn); return () => listeners.delete(fn); },
  async load() {
    lines = (await api.get('/user/shoppingCart/list')) || [];
    changed();
    return lines;
  },
  async add(item) { await api.post('/user/shoppingCart/add', keyOf(item)); return this.load(); },
  async sub(item) { await api.post('/user/shoppingCart/sub', keyOf(item)); return this.load(); },
  async clear() { await api.del('/user/shoppingCart/clean'); return this.load(); },
};
