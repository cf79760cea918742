// Browser notifications for a console in a background tab or on a dimmed tablet, besides the sound. The
// permission is asked only when staff press the button, never by itself (browsers also refuse to ask unprompted).
import { t } from './i18n.js';
import { h } from './dom.js';
import { AlertType, alertTypeLabels } from './enums.js';

const supported = () => typeof Notification !== 'undefined';

// notificationControl is the top bar's button while the permission is not decided yet, a note once granted.
export function notificationControl(rerender) {
  if (!supported() || Notification.permission === 'denied') return null;
  if (Notification.permission === 'granted') return h('span', { class: 'sound-on', id: 'notify-on' }, t('通知已开启'));
  return h('button', {
    class: 'sound', id: 'enable-notifications', title: t('后台标签页或熄屏时也用系统通知提醒'),
    onclick: async () => { await Notification.requestPermission(); rerender(); },
  }, t('启用通知'));
}

// notifyAlert shows a new alert as a notification when nobody looks at the console (a hidden tab, another window
// in front, a dimmed screen): clicking it brings the console forward.
export function notifyAlert(a) {
  if (!supported() || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const n = new Notification(t(alertTypeLabels[a.type] || alertTypeLabels[AlertType.NewOrder]), { body: a.content, tag: a.id });
  n.onclick = () => { window.focus(); n.close(); };
}
