// The bar on top of every screen: back or the shop's name, whether it is open, the table, the language switch
// and the way to the customer's orders.
import { h } from './dom.js';
import { t, currentLang, setLang } from './i18n.js';
import { shop, shopOpen, tableNo } from './shop.js';

// rerender is set by the app: switching the language draws the current screen again.
export const topBarHooks = { rerender: () => {} };

export function topBar(title, back) {
  const s = shop();
  return h('header', { class: 'top' },
    back ? h('a', { class: 'back', href: back, 'aria-label': t('返回') }, '‹') : null,
    h('div', { class: 'title' },
      h('div', { class: 'shop-name' }, title || s.name || t('点餐')),
      title ? null : h('span', { class: shopOpen() ? 'pill open' : 'pill closed', id: 'shop-status' }, shopOpen() ? t('营业中') : t('已打烊'))),
    tableNo() ? h('span', { class: 'pill table', id: 'table-badge' }, `${t('桌号')} ${tableNo()}`) : null,
    h('button', {
      class: 'lang', id: 'lang-switch',
      onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); topBarHooks.rerender(); },
    }, currentLang() === 'zh' ? 'EN' : '中文'),
    back ? null : h('a', { class: 'orders-link', href: '#/orders', id: 'my-orders' }, t('我的订单')));
}
