// What the order page and the order list both offer: a reminder to the shop and ordering the same again.
import { api } from './api.js';
import { cart } from './cart.js';
import { toast, errorText } from './dom.js';
import { t } from './i18n.js';
import { forgetMenu } from './menu.js';

export async function remind(id) {
  try { await api.get(`/user/order/reminder/${id}`); toast(t('您的催单信息已发出！')); } catch (e) { toast(errorText(e), true); }
}

// orderAgain empties the cart and puts the order's items back in it, as the original does, then opens the menu;
// the server names what it left out because it is no longer sold.
export async function orderAgain(id) {
  try {
    await cart.clear();
    const env = await api.postForMessage(`/user/order/repetition/${id}`);
    if (env.msg) toast(env.msg, true);
  } catch (e) {
    toast(errorText(e), true);
  }
  forgetMenu();
  await cart.load().catch(() => {});
  location.hash = '#/';
}
