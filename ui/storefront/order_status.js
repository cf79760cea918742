// Order states as a customer reads them (the original mini-program's words), and the way to pay of an order.
import { t } from './i18n.js';

export const OrderStatus = { Unpaid: 1, ToConfirm: 2, Confirmed: 3, Delivering: 4, Completed: 5, Cancelled: 6, Refunded: 7 };
export const PayStatus = { Unpaid: 0, Paid: 1, Refunded: 2 };
const PAY_ON_DELIVERY = 3;

// The server cancels an unpaid order after this long (order.PaymentWindow).
export const PAYMENT_WINDOW_MS = 15 * 60 * 1000;

export function isPayOnDelivery(o) { return Number(o.payMethod) === PAY_ON_DELIVERY; }

// statusTitle is the order page's headline.
export function statusTitle(o) {
  switch (o.status) {
    case OrderStatus.Unpaid: return t('等待支付');
    case OrderStatus.ToConfirm: return t('等待商家接单');
    case OrderStatus.Confirmed: return t('商家已接单');
    case OrderStatus.Delivering: return o.tableNo ? t('正在上菜') : t('订单派送中');
    case OrderStatus.Completed: return t('订单已完成');
    case OrderStatus.Cancelled: return t('订单已取消');
    case OrderStatus.Refunded: return t('已退款');
    default: return t('未知状态');
  }
}

// statusWord is the short word of the order list.
export function statusWord(o) {
  return {
    1: t('待付款'), 2: t('等待商家接单'), 3: t('已接单'), 4: o.tableNo ? t('上菜中') : t('派送中'), 5: t('已完成'), 6: t('已取消'), 7: t('已退款'),
  }[o.status] || t('未知状态');
}

// payText says how the order is paid, e.g. 货到付款 · 未支付.
export function payText(o) {
  if (isPayOnDelivery(o)) {
    const how = o.tableNo ? t('到店付款') : t('货到付款');
    return o.payStatus === PayStatus.Paid ? `${how} · ${t('已支付')}` : `${how} · ${t('未支付')}`;
  }
  return t('微信支付');
}

// orderTimeMs reads the compat API's time (yyyy-MM-dd HH:mm[:ss], shop time) as the phone's local time.
export function orderTimeMs(s) { return Date.parse(String(s || '').replace(' ', 'T')); }
