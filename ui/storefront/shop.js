// The shop as customers see it (GET /user/shop/info) and the table this storefront was opened for.
import { api } from './api.js';

let info = null;

export async function loadShop() {
  info = await api.get('/user/shop/info');
  return info;
}

export function shop() { return info || {}; }

export function shopOpen() { return !!info && Number(info.status) === 1; }

// tableNo is the table of a dine-in link (/order/?table=12), or '' for delivery. The server's column holds 16
// characters; anything else in the link is ignored rather than sent.
export function tableNo() {
  const v = new URLSearchParams(location.search).get('table') || '';
  return /^[A-Za-z0-9-]{1,16}$/.test(v) ? v : '';
}
