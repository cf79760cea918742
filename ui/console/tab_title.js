// The tab title counts the orders waiting to be accepted, "(3) MyRestaurant 管理台", so a console in a
// background tab still says what waits; while alerts are unacknowledged it also flashes.
import { api } from './api.js';
import { t } from './i18n.js';
import { onEveryOrderChange, debounced } from './live.js';
import { OrderStatus } from './enums.js';

const base = document.title;
let waiting = 0;
let flashOn = false;

function paint() {
  const count = waiting ? `(${waiting}) ` : '';
  document.title = flashOn ? `【${t('待处理提醒')}】${count}${base}` : `${count}${base}`;
}

// flashTitle shows or hides the alert mark (alerts.js blinks it).
export function flashTitle(on) { flashOn = on; paint(); }

let session = 0;
async function readWaiting(mine) {
  try {
    const stats = await api.get('/admin/order/statistics');
    if (mine !== session) return;
    waiting = stats.toBeConfirmed || 0;
  } catch { /* kept until the next change */ }
  paint();
}

const rereadSoon = debounced(() => readWaiting(session));
// Only a change into or out of 待接单 moves the count: a paid order arrives (2), or leaves for 3 or 6.
onEveryOrderChange((o) => {
  if (session && (!o || [OrderStatus.ToBeConfirmed, OrderStatus.Confirmed, OrderStatus.Cancelled].includes(o.status))) rereadSoon();
});

// countWaitingOrders starts (signed in) or stops (signed out) the count.
export function countWaitingOrders(on) {
  session += 1;
  waiting = 0;
  if (!on) { session = 0; paint(); return; }
  readWaiting(session);
}
