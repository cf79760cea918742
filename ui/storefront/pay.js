// Paying an order (PUT /user/order/payment): WeChat Pay (the demo's mock pays at once; WeChat Pay's Native mode
// answers a code to scan, kept here for the order page to show) or pay on delivery / at the counter.
import { api } from './api.js';
import { t } from './i18n.js';
import { shop, tableNo } from './shop.js';

const PayMethod = { WeChat: 1, OnDelivery: 3 };

// payChoices are the ways the shop takes money, in the order offered.
export function payChoices() {
  const s = shop();
  const list = [];
  if (s.onlinePay) list.push({ method: PayMethod.WeChat, label: s.onlinePay === 'mock' ? t('模拟支付（演示）') : t('微信支付') });
  if (s.payOnDelivery) list.push({ method: PayMethod.OnDelivery, label: tableNo() ? t('到店付款') : t('货到付款') });
  return list;
}

const codeKey = (number) => `myrestaurant.storefront.code.${number}`;

export async function pay(orderNumber, payMethod) {
  const data = await api.put('/user/order/payment', { orderNumber, payMethod });
  if (data && data.codeUrl) sessionStorage.setItem(codeKey(orderNumber), data.codeUrl);
  return data;
}

// nativeCode is the WeChat Pay code to scan for an unpaid order, if one was asked for in this tab.
export function nativeCode(orderNumber) { return sessionStorage.getItem(codeKey(orderNumber)) || ''; }
