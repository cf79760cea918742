// The delivery times the original mini-program offers at checkout (pages/order: popright, getDateDate,
// dateChange, dateFormat, presentFormat): half-hour slots from 09:00 to 23:00; today those still ahead, less
// the next two, after 立即派送 (as soon as possible, sent as now + 1 hour with deliveryStatus 1); tomorrow all of
// them. Times are the phone's, as in the original.
const SLOTS = [];
for (let m = 9 * 60; m <= 23 * 60; m += 30) SLOTS.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

export const ASAP = 'asap';

function minutesOf(slot) { const [hh, mm] = slot.split(':').map(Number); return hh * 60 + mm; }

// slotsOn lists the choices of day 0 (today) or 1 (tomorrow) at the time now.
export function slotsOn(day, now = new Date()) {
  if (day === 1) return SLOTS.slice();
  const nowMinutes = now.getHours() * 60 + now.getMinutes() + now.getSeconds() / 60;
  return [ASAP, ...SLOTS.filter((s) => minutesOf(s) > nowMinutes).slice(2)];
}

const pad = (n) => String(n).padStart(2, '0');
const dateOf = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

// deliveryOf is what submit sends for a choice: estimatedDeliveryTime (yyyy-MM-dd HH:mm:ss) and deliveryStatus.
export function deliveryOf(choice, now = new Date()) {
  if (!choice || choice.slot === ASAP) {
    const at = new Date(now.getTime() + 3600_000);
    return { estimatedDeliveryTime: `${dateOf(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`, deliveryStatus: 1 };
  }
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + (choice.day === 1 ? 1 : 0));
  return { estimatedDeliveryTime: `${dateOf(day)} ${choice.slot}:00`, deliveryStatus: 0 };
}

// asapTime is the HH:mm shown for 立即派送: an hour from now.
export function asapTime(now = new Date()) {
  const at = new Date(now.getTime() + 3600_000);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
