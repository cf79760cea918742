// Order changes as they happen, from the realtime topic staff/orders (alerts.js holds the connection), to the
// screens and the tab title that show orders. A listener gets the changed order's {id, status}, or null after a
// reconnect, when changes may have been missed and everything shown should be read again.
const always = new Set();
const whileShown = new Set();

// onOrderChange listens until the screen changes (renderView calls forgetScreenListeners).
export function onOrderChange(fn) { whileShown.add(fn); }

// onEveryOrderChange listens for the whole session.
export function onEveryOrderChange(fn) { always.add(fn); }

export function forgetScreenListeners() { whileShown.clear(); }

export function orderChanged(record) {
  for (const fn of [...always, ...whileShown]) {
    try { fn(record); } catch (e) { console.warn(e); } // one screen's bug must not stop the others
  }
}

// debounced runs fn once, wait ms after the last of a burst of calls: a rush of changes is one reread.
export function debounced(fn, wait = 250) {
  let timer = null;
  return () => { clearTimeout(timer); timer = setTimeout(fn, wait); };
}
