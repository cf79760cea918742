// Whether the shop is open (shown and switched in the top bar) and the shop's time zone, in which times are shown.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, toast } from './dom.js';

const shop = { open: null, zone: 'Asia/Shanghai' };

export const shopSwitch = h('button', { class: 'pill', id: 'shop-switch' });

export function paintShop() {
  shopSwitch.className = `pill ${shop.open ? 'open' : 'closed'}`;
  shopSwitch.textContent = shop.open === null ? '…' : t(shop.open ? '营业中' : '打烊中');
  shopSwitch.title = t(shop.open ? '打烊中' : '营业中');
}

shopSwitch.addEventListener('click', async () => {
  const next = shop.open ? 0 : 1;
  try {
    await api.put(`/admin/shop/${next}`, next);
    shop.open = !!next;
    paintShop();
    toast(t(next ? '店铺已营业' : '店铺已打烊'));
  } catch (e) { toast(e.message, true); }
});

// loadShopStatus reads whether the shop is open and its zone; zoneChanged runs when the zone is not the default.
export async function loadShopStatus(zoneChanged) {
  try { shop.open = (await api.get('/admin/shop/status')) === 1; } catch { shop.open = null; }
  paintShop();
  try {
    const zone = (await api.get('/admin/shop/settings')).timeZone;
    if (zone && zone !== shop.zone) { shop.zone = zone; zoneChanged(); }
  } catch { /* keep the default zone */ }
}

// shopTime shows a PocketBase UTC timestamp ("2026-01-02 03:04:05.678Z") as the compat API writes times:
// "yyyy-MM-dd HH:mm" in the shop's time zone, whatever the tablet's zone is.
export function shopTime(created) {
  const d = new Date(String(created || '').replace(' ', 'T'));
  if (Number.isNaN(d.getTime())) return '';
  const options = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format;
  try { format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: shop.zone }); } catch { format = new Intl.DateTimeFormat('en-GB', options); }
  const parts = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
