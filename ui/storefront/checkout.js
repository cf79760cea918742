// Checkout: the address (or the table), the delivery time, the cart's lines, the server's own total with its
// parts (GET /user/order/quote), remark, tableware and the way to pay; placing the order pays it at once and
// opens the order page.
import { api } from './api.js';
import { cart } from './cart.js';
import { h, sheet, toast, errorText, money, img } from './dom.js';
import { t } from './i18n.js';
import { shopOpen, tableNo } from './shop.js';
import { topBar } from './top_bar.js';
import { ASAP, slotsOn, deliveryOf, asapTime } from './delivery_slots.js';
import { payChoices, pay } from './pay.js';
import { addressLine, labelText } from './address_text.js';
import { forgetMenu } from './menu.js';
import { loadChoices, saveChoices, clearChoices, rememberTableware } from './checkout_choices.js';

const MAX_REMARK = 50;
const TABLEWARE_MAX = 10;

// The original's tableware rule: 无需餐具 → 0 (status 0); 依据餐量提供 → the number of items (status 1); N → N.
function tablewareOf(choice, items) {
  if (choice === 'byFood') return { tablewareNumber: items, tablewareStatus: 1 };
  if (choice === 'none' || choice === undefined) return { tablewareNumber: 0, tablewareStatus: 0 };
  return { tablewareNumber: Number(choice), tablewareStatus: 0 };
}
function tablewareText(choice) {
  if (choice === 'byFood') return t('依据餐量提供');
  if (choice === 'none' || choice === undefined) return t('无需餐具');
  return `${choice} ${t('份')}`;
}

function timeText(c) {
  if (!c || c.slot === ASAP) return `${t('立即派送')} · ${t('预计')} ${asapTime()} ${t('送达')}`;
  return `${c.day === 1 ? t('明天') : t('今天')} ${c.slot} ${t('送达')}`;
}

function openTimes(choices, redraw) {
  let day = choices.time && choices.time.day === 1 ? 1 : 0;
  const body = h('div', { class: 'times' });
  const draw = () => body.replaceChildren(
    h('div', { class: 'tabs' }, [0, 1].map((d) => h('button', { class: d === day ? 'on' : '', onclick: () => { day = d; draw(); } }, d ? t('明天') : t('今天')))),
    h('div', { class: 'slot-list' }, slotsOn(day).map((slot) => h('button', {
      class: 'slot', 'data-slot': slot,
      onclick: () => { choices.time = { day, slot }; saveChoices(choices); close(); redraw(); },
    }, slot === ASAP ? `${t('立即派送')}（${asapTime()}）` : slot))));
  draw();
  const close = sheet([h('div', { class: 'sheet-title' }, t('选择送达时间')), body], { label: t('选择送达时间') });
}

function openTableware(choices, redraw) {
  const options = ['byFood', 'none', ...Array.from({ length: TABLEWARE_MAX }, (_, i) => String(i + 1))];
  const close = sheet([
    h('div', { class: 'sheet-title' }, t('选择餐具数量')),
    h('p', { class: 'muted small' }, t('按政府条例要求，商家不得主动提供一次性餐具，请按需选择')),
    h('div', { class: 'chips wrap' }, options.map((o) => h('button', {
      class: (choices.tableware || 'none') === o ? 'chip on' : 'chip', 'data-tableware': o,
      onclick: () => { choices.tableware = o; saveChoices(choices); rememberTableware(o); close(); redraw(); },
    }, tablewareText(o)))),
  ], { label: t('选择餐具数量') });
}

async function findAddress(choices) {
  const list = (await api.get('/user/addressBook/list')) || [];
  return list.find((a) => String(a.id) === String(choices.addressId)) || list.find((a) => a.isDefault === 1) || null;
}

export async function renderCheckout(root) {
  const table = tableNo();
  const choices = loadChoices();
  const payments = payChoices();
  if (!payments.some((p) => p.method === choices.payMethod)) choices.payMethod = payments.length ? payments[0].method : 0;
  let address = null;
  let quote = null;
  let quoteError = '';
  let placing = false;

  const page = h('div', { class: 'page checkout' });
  root.replaceChildren(topBar(t('提交订单'), '#/'), page);

  const [addr, q] = await Promise.allSettled([
    table ? Promise.resolve(null) : findAddress(choices),
    api.get('/user/order/quote', { tableNo: table }),
    cart.load(),
  ]);
  const stopped = cart.takeVanished();
  if (stopped.length) forgetMenu();
  if (addr.status === 'fulfilled') address = addr.value;
  if (q.status === 'fulfilled') quote = q.value; else quoteError = errorText(q.reason);

  const place = async (button) => {
    if (placing) return;
    if (!table && !address) { toast(t('请选择收货地址'), true); return; }
    const remark = page.querySelector('#remark').value.trim();
    const body = {
      payMethod: choices.payMethod, remark,
      ...tablewareOf(choices.tableware, cart.count()),
      packAmount: quote.packAmount, amount: quote.amount,
    };
    if (table) Object.assign(body, { tableNo: table, deliveryStatus: 1 });
    else Object.assign(body, { addressBookId: address.id, ...deliveryOf(choices.time) });
    placing = true;
    button.disabled = true;
    let order;
    try {
      order = await api.post('/user/order/submit', body);
    } catch (e) {
      placing = false;
      button.disabled = false;
      toast(errorText(e), true);
      renderCheckout(root); // the cart or the prices changed: show the server's view again
      return;
    }
    clearChoices();
    cart.ordered();
    forgetMenu();
    try { await pay(order.orderNumber, choices.payMethod); } catch (e) { toast(errorText(e), true); }
    location.hash = `#/order/${order.id}`;
  };

  const draw = () => {
    const lines = cart.lines();
    page.replaceChildren(...[
      table
        ? h('section', { class: 'card where', id: 'table-card' }, h('div', { class: 'big' }, `${t('堂食')} · ${t('桌号')} ${table}`),
          h('div', { class: 'muted small' }, t('堂食订单，无需地址与配送费')))
        : h('section', { class: 'card where' },
          h('a', { class: 'address-pick', id: 'address-pick', href: '#/addresses?pick=1' },
            address
              ? h('div', null, h('div', { class: 'big' }, h('span', { class: `tag tag${address.label}` }, labelText(address.label)), addressLine(address)),
                h('div', { class: 'muted' }, `${address.consignee} ${address.sex === '1' ? t('女士') : t('先生')} ${address.phone}`))
              : h('div', { class: 'big placeholder' }, t('请选择收货地址')),
            h('span', { class: 'chev' }, '›')),
          h('button', { class: 'row-button', id: 'time-pick', onclick: () => openTimes(choices, draw) },
            h('span', null, t('送达时间')), h('span', { class: 'accent' }, timeText(choices.time)), h('span', { class: 'chev' }, '›'))),
      stopped.length ? h('p', { class: 'problem', role: 'alert', id: 'cart-notice' }, `${t('以下商品已停售，已从购物车移除')}：${stopped.join('、')}`) : null,
      h('section', { class: 'card' },
        lines.map((l) => h('div', { class: 'order-line' }, img(l.image, 'thumb', 48),
          h('div', { class: 'grow' }, h('div', null, l.name), l.dishFlavor ? h('div', { class: 'muted small' }, l.dishFlavor) : null),
          h('span', { class: 'muted' }, `× ${l.number}`), h('span', { class: 'price' }, money(l.number * Number(l.amount))))),
        quote ? h('div', { class: 'amounts', id: 'quote' },
          h('div', null, h('span', null, t('菜品')), h('span', null, money(quote.dishAmount))),
          h('div', null, h('span', null, t('打包费')), h('span', null, money(quote.packingFee))),
          table ? null : h('div', null, h('span', null, t('配送费')), h('span', null, money(quote.deliveryFee))),
          h('div', { class: 'total' }, h('span', null, t('合计')), h('span', { id: 'quote-amount' }, money(quote.amount)))) : null,
        quoteError ? h('div', { class: 'problem', role: 'alert', id: 'quote-error' }, h('p', null, quoteError),
          h('a', { class: 'button', href: '#/', id: 'edit-cart' }, t('修改购物车'))) : null),
      h('section', { class: 'card' },
        h('label', { class: 'field' }, h('span', null, t('备注')),
          h('textarea', { id: 'remark', maxlength: MAX_REMARK, rows: 2, placeholder: t('无接触配送，将商品挂家门口或放前台，地址封闭管理时请电话联系') }),
          h('span', { class: 'counter muted small', id: 'remark-count' })),
        h('button', { class: 'row-button', id: 'tableware-pick', onclick: () => openTableware(choices, draw) },
          h('span', null, t('餐具数量')), h('span', null, tablewareText(choices.tableware)), h('span', { class: 'chev' }, '›'))),
      h('section', { class: 'card' }, h('div', { class: 'label' }, t('支付方式')),
        payments.length
          ? payments.map((p) => h('label', { class: 'radio' },
            h('input', { type: 'radio', name: 'pay', value: String(p.method), checked: p.method === choices.payMethod,
              onchange: () => { choices.payMethod = p.method; saveChoices(choices); } }), h('span', null, p.label)))
          : h('p', { class: 'problem' }, t('暂未开通在线支付，请联系商家'))),
      h('footer', { class: 'submitbar' },
        h('div', null, h('span', { class: 'muted' }, `${t('合计')} `), h('strong', { class: 'price big' }, quote ? money(quote.amount) : '—')),
        h('button', {
          class: 'primary', id: 'place-order', disabled: !quote || !payments.length || !shopOpen() || !lines.length,
          onclick: (e) => place(e.currentTarget),
        }, shopOpen() ? t('提交订单') : t('已打烊'))),
    ].filter(Boolean));
    const remark = page.querySelector('#remark');
    const counter = page.querySelector('#remark-count');
    const count = () => { counter.textContent = `${remark.value.length}/${MAX_REMARK}`; };
    remark.value = choices.remark || '';
    count();
    remark.addEventListener('input', () => { choices.remark = remark.value; saveChoices(choices); count(); });
  };
  draw();
}
