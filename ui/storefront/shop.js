// The shop as customers see it (GET /user/shop/info) and the table this storefront was opened for.
import { api } from './api.js';

let info = null;

export async function loadShop() {
  info = await api.get('/user/shop/info');
  return info;
}

export function shop() { return info || {}; }

export function shopOpen() { return !!info && Number(info.status) === 1; }

// tableNo is the table of a dine-in link (/order/?table=12), or '' for delivery: letters, digits, - and _, at
// most 16, as the server takes them; anything else in the link is ignored rather than sent.
export function tableNo() {
  const v = (new URLSearchParams(location.search).get('table') || '').trim();
  return /^[\p{L}\p{N}_-]{1,16}$/u.test(v) ? v : '';
}
