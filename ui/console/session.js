// The signed-in employee, kept in localStorage so a reload stays signed in.
const SESSION_KEY = 'myrestaurant.console.session';

export const session = {
  get() {
    try { return JSON.parse(localStorage.getItem(SESSION_KEY)) || null; } catch { return null; }
  },
  set(s) { localStorage.setItem(SESSION_KEY, JSON.stringify(s)); },
  clear() { localStorage.removeItem(SESSION_KEY); },
  token() { return this.get()?.token || ''; },
  // The server decides; these only hide what it would refuse. A session without a role is treated as staff.
  isManager() { return this.get()?.role === 'manager'; },
};
