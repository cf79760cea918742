// Live alerts: PocketBase realtime on alerts/*, a popup, a beep that repeats until acknowledged, a flashing title.
// The same connection follows staff/orders, which order changed to which status, for the screens that list
// orders (live.js).
import PocketBase from '/vendor/pocketbase.es.mjs';
import { AlertType } from './enums.js';
import { orderChanged } from './live.js';
import { flashTitle } from './tab_title.js';
import { notifyAlert } from './notifications.js';

// A customer's cancel is shown but does not ring.
const RINGING_TYPES = new Set([AlertType.NewOrder, AlertType.Reminder]);
const BEEP_EVERY_MS = 1500;

export class Alerts {
  // onArrival gets each alert that arrives live (not those listed again after a reload or reconnect).
  constructor({ onChange, onConnection, onArrival }) {
    this.pb = null;
    this.pending = new Map(); // id -> alert record, unacknowledged
    this.onChange = onChange;
    this.onConnection = onConnection;
    this.onArrival = onArrival;
    this.audio = null;
    this.beepTimer = null;
    this.titleTimer = null;
    this.connected = false;
  }

  get soundEnabled() { return !!this.audio && this.audio.state === 'running'; }

  // enableSound must run inside a click: browsers only let a page start audio after a user gesture.
  async enableSound() {
    if (!this.audio) this.audio = new AudioContext();
    if (this.audio.state !== 'running') await this.audio.resume();
    this.update();
  }

  async start(token) {
    this.stop();
    this.pb = new PocketBase(location.origin);
    this.pb.autoCancellation(false);
    this.pb.authStore.save(token, null);
    this.pb.realtime.onDisconnect = () => this.setConnected(false);
    try {
      let connects = 0;
      await this.pb.realtime.subscribe('PB_CONNECT', () => {
        this.setConnected(true);
        this.refresh();
        if (connects++) orderChanged(null); // back after a drop: order changes may have been missed
      });
      await this.pb.collection('alerts').subscribe('*', (e) => {
        if (e.action === 'delete' || e.record.acknowledged) this.pending.delete(e.record.id);
        else this.pending.set(e.record.id, e.record);
        if (e.action === 'create') { notifyAlert(e.record); this.onArrival?.(e.record); }
        this.update();
      });
      await this.pb.realtime.subscribe('staff/orders', (e) => orderChanged(e.record));
    } catch {
      // The SDK retries a dropped stream by itself, but not a first connection that failed.
      this.setConnected(false);
      const pb = this.pb;
      this.retryTimer = setTimeout(() => { if (this.pb === pb) this.start(token); }, 5000);
    }
  }

  stop() {
    clearTimeout(this.retryTimer);
    if (this.pb) { this.pb.realtime.unsubscribe().catch(() => {}); this.pb = null; }
    this.pending.clear();
    this.setConnected(false);
    this.update();
  }

  setConnected(v) { this.connected = v; this.onConnection?.(v); }

  // refresh lists every unacknowledged alert: nothing that arrived while disconnected is lost.
  async refresh() {
    if (!this.pb) return;
    try {
      const list = await this.pb.collection('alerts').getFullList({ filter: 'acknowledged = false', sort: 'created' });
      this.pending = new Map(list.map((a) => [a.id, a]));
      this.update();
    } catch { /* the next reconnect retries */ }
  }

  async acknowledge(id) {
    await this.pb.collection('alerts').update(id, { acknowledged: true });
    this.pending.delete(id);
    this.update();
  }

  // acknowledgeAll acknowledges every alert shown (知道了（全部）).
  async acknowledgeAll() {
    const ids = [...this.pending.keys()];
    const results = await Promise.allSettled(ids.map((id) => this.pb.collection('alerts').update(id, { acknowledged: true })));
    ids.forEach((id, i) => { if (results[i].status === 'fulfilled') this.pending.delete(id); });
    this.update();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  list() { return [...this.pending.values()]; }

  ringing() { return this.list().some((a) => RINGING_TYPES.has(a.type)); }

  update() {
    const ring = this.ringing();
    document.body.dataset.sound = ring && this.soundEnabled ? 'playing' : 'off';
    if (ring && this.soundEnabled && !this.beepTimer) {
      this.beep();
      this.beepTimer = setInterval(() => this.beep(), BEEP_EVERY_MS);
    } else if ((!ring || !this.soundEnabled) && this.beepTimer) {
      clearInterval(this.beepTimer);
      this.beepTimer = null;
    }
    if (this.list().length && !this.titleTimer) {
      let on = false;
      this.titleTimer = setInterval(() => { on = !on; flashTitle(on); }, 800);
    } else if (!this.list().length && this.titleTimer) {
      clearInterval(this.titleTimer);
      this.titleTimer = null;
      flashTitle(false);
    }
    this.onChange?.(this.list());
  }

  // beep plays two short tones made with WebAudio; no sound file is shipped.
  beep() {
    const ctx = this.audio;
    if (!ctx || ctx.state !== 'running') return;
    const now = ctx.currentTime;
    for (const [i, freq] of [[0, 880], [1, 1175]]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, now + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.3, now + i * 0.25 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.22);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.25);
      osc.stop(now + i * 0.25 + 0.24);
    }
    window.__consoleBeeps = (window.__consoleBeeps || 0) + 1;
  }
}
