// Whether the shop is open (shown and switched in the top bar) and the shop's time zone, in which times are shown.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, dialog, toast } from './dom.js';

const shop = { open: null, zone: 'Asia/Shanghai' };

export const shopSwitch = h('button', { class: 'pill', id: 'shop-switch' });

// paintShop shows the status on the switch; a closed shop also turns the whole top bar red (body.shop-closed),
// so nobody takes a quiet screen for a quiet lunch.
export function paintShop() {
  const closed = shop.open === false;
  shopSwitch.className = `pill ${shop.open ? 'open' : 'closed'}`;
  shopSwitch.textContent = shop.open === null ? '…' : t(shop.open ? '营业中' : '已打烊 · 顾客无法下单');
  shopSwitch.title = t(shop.open ? '点击打烊' : '点击开始营业');
  document.body.classList.toggle('shop-closed', closed);
}

async function setOpen(next) {
  await api.put(`/admin/shop/${next}`, next);
  shop.open = !!next;
  paintShop();
  toast(t(next ? '店铺已营业' : '店铺已打烊'));
}

// Closing refuses every new order until someone reopens, so it asks first; opening does not.
shopSwitch.addEventListener('click', () => {
  if (!shop.open) { setOpen(1).catch((e) => toast(e.message, true)); return; }
  dialog(t('确定打烊吗？'), h('p', { id: 'close-shop-warning' }, t('打烊后顾客不能下单（小程序和网页点餐都不能），直到再次开始营业。已下的订单照常处理。')),
    { okText: '确定打烊', extraClass: 'close-shop', onOk: () => setOpen(0) });
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
