// What the customer chose at checkout (address, time, tableware, remark, way to pay), kept for the tab so that
// it survives a trip to the address book.
const STORE = 'myrestaurant.storefront.checkout';

// The tableware chosen last is offered first next time, as the original's 后续订单餐具设置.
const TABLEWARE_STORE = 'myrestaurant.storefront.tableware';

export function loadChoices() {
  let c = {};
  try { c = JSON.parse(sessionStorage.getItem(STORE)) || {}; } catch { c = {}; }
  if (c.tableware === undefined) c.tableware = localStorage.getItem(TABLEWARE_STORE) || undefined;
  return c;
}

export function rememberTableware(choice) { localStorage.setItem(TABLEWARE_STORE, choice); }

export function saveChoices(c) { sessionStorage.setItem(STORE, JSON.stringify(c)); }

export function clearChoices() { sessionStorage.removeItem(STORE); }

// chooseAddress is how the address book hands back the address picked for this checkout.
export function chooseAddress(id) { saveChoices({ ...loadChoices(), addressId: id }); }
