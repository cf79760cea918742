// The browser's customer account: a random device key made here and kept in localStorage signs in to the same
// customer every time (POST /user/user/browser-login), so a customer needs no WeChat and no password. Clearing
// the browser's data starts a new customer.
const KEY_STORE = 'myrestaurant.storefront.device';
const TOKEN_STORE = 'myrestaurant.storefront.token';

function newDeviceKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function deviceKey() {
  let key = localStorage.getItem(KEY_STORE);
  if (!key) {
    key = newDeviceKey();
    localStorage.setItem(KEY_STORE, key);
  }
  return key;
}

let signingIn = null;

export const session = {
  token: () => localStorage.getItem(TOKEN_STORE) || '',
  // signIn gets a fresh token for this browser's key; concurrent callers share one request.
  signIn() {
    if (!signingIn) {
      signingIn = (async () => {
        const res = await fetch('/user/user/browser-login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ deviceKey: deviceKey() }),
        });
        let env = null;
        try { env = await res.json(); } catch { /* answered below */ }
        if (!env || env.code !== 1 || !env.data || !env.data.token) {
          throw new Error((env && env.msg) || `HTTP ${res.status}`);
        }
        localStorage.setItem(TOKEN_STORE, env.data.token);
        return env.data.token;
      })().finally(() => { signingIn = null; });
    }
    return signingIn;
  },
};
