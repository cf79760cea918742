// What the customer chose at checkout (address, time, tableware, remark, way to pay), kept for the tab so that
// it survives a trip to the address book.
const STORE = 'myrestaurant.storefront.checkout';

export function loadChoices() {
  try { return JSON.parse(sessionStorage.getItem(STORE)) || {}; } catch { return {}; }
}

export function saveChoices(c) { sessionStorage.setItem(STORE, JSON.stringify(c)); }

export function clearChoices() { sessionStorage.removeItem(STORE); }

// chooseAddress is how the address book hands back the address picked for this checkout.
export function chooseAddress(id) { saveChoices({ ...loadChoices(), addressId: id }); }
