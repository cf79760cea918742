// Order states as a customer reads them (the original mini-program's words), and the way to pay of an order.
// The status numbers are the console's (its enums.js is checked against the server's Go constants).
import { OrderStatus } from '/console/enums.js';
import { t } from './i18n.js';

export { OrderStatus };
// Pay statuses of modules/order/states.go.
export const PayStatus = { Unpaid: 0, Paid: 1, Refunded: 2 };
const PAY_ON_DELIVERY = 3;

// The server cancels an unpaid order after this long (order.PaymentWindow).
export const PAYMENT_WINDOW_MS = 15 * 60 * 1000;

export function isPayOnDelivery(o) { return Number(o.payMethod) === PAY_ON_DELIVERY; }

// statusTitle is the order page's headline.
export function statusTitle(o) {
  switch (o.status) {
    case OrderStatus.PendingPayment: return t('等待支付');
    case OrderStatus.ToBeConfirmed: return t('等待商家接单');
    case OrderStatus.Confirmed: return t('商家已接单');
    case OrderStatus.DeliveryInProgress: return o.tableNo ? t('正在上菜') : t('订单派送中');
    case OrderStatus.Completed: return t('订单已完成');
    case OrderStatus.Cancelled: return t('订单已取消');
    default: return t('未知状态');
  }
}

// statusWord is the short word of the order list.
export function statusWord(o) {
  return {
    [OrderStatus.PendingPayment]: t('待付款'),
    [OrderStatus.ToBeConfirmed]: t('等待商家接单'),
    [OrderStatus.Confirmed]: t('已接单'),
    [OrderStatus.DeliveryInProgress]: o.tableNo ? t('上菜中') : t('派送中'),
    [OrderStatus.Completed]: t('已完成'),
    [OrderStatus.Cancelled]: t('已取消'),
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
