// Workspace (today's figures) and reports (date presets, charts, Excel export).
import uPlot from '/vendor/uPlot.esm.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { h, toast, money } from './dom.js';
import { waitingOrders } from './workspace_orders.js';
import { onOrderChange, debounced } from './live.js';
import { OrderStatus } from './enums.js';

// optional returns null when the route is not there yet, so the screen shows an empty state instead of an error.
async function optional(p) {
  try { return await p; } catch (e) { if (e.status === 404) return null; throw e; }
}

function card(label, value) { return h('div', { class: 'card' }, h('div', { class: 'label' }, t(label)), h('div', { class: 'value' }, value)); }
const pct = (v) => `${(Number(v || 0) * 100).toFixed(1)}%`;

export async function workspaceView(el, { seq }) {
  const figures = h('div', { id: 'workspace-figures' });
  async function fill() {
    const [biz, orders, dishes, meals] = await Promise.all(['businessData', 'overviewOrders', 'overviewDishes', 'overviewSetmeals']
      .map((p) => optional(api.get(`/admin/workspace/${p}`))));
    if (!seq()) return;
    if (!biz && !orders) { figures.replaceChildren(h('div', { class: 'empty' }, t('暂未提供'))); return; }
    const overview = (title, o) => o && [h('h3', null, t(title)), h('div', { class: 'cards' }, card('已启售', o.sold), card('已停售', o.discontinued))];
    figures.replaceChildren(
      ...(biz ? [h('h3', null, t('今日数据')), h('div', { class: 'cards' },
        card('营业额', money(biz.turnover)), card('有效订单', biz.validOrderCount), card('订单完成率', pct(biz.orderCompletionRate)),
        card('平均客单价', money(biz.unitPrice)), card('新增用户', biz.newUsers))] : []),
      ...(orders ? [h('h3', null, t('订单总览')), h('div', { class: 'cards' },
        card('待接单', orders.waitingOrders), card('待派送', orders.deliveredOrders), card('已完成', orders.completedOrders),
        card('已取消', orders.cancelledOrders), card('全部订单', orders.allOrders))] : []),
      h('div', null, overview('菜品总览', dishes)), h('div', null, overview('套餐总览', meals)));
  }
  await fill();
  if (!seq()) return;
  el.append(waitingOrders(seq), figures);
  // The day's figures move with every paid order and every step of one: read again after a burst of changes.
  const soon = debounced(() => { if (seq()) fill().catch(() => {}); }, 500);
  onOrderChange((o) => { if (!o || o.status !== OrderStatus.PendingPayment) soon(); });
}

// Report days are the shop's days (the server cuts them in the shop's time zone), whatever zone the tablet is in.
const todayIn = (zone) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
const shift = (day, n) => { const d = new Date(`${day}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const weekday = (day) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const presets = {
  '昨日': (today) => [shift(today, -1), shift(today, -1)],
  '近7日': (today) => [shift(today, -7), shift(today, -1)],
  '近30日': (today) => [shift(today, -30), shift(today, -1)],
  '本周': (today) => [shift(today, -weekday(today)), today],
  '本月': (today) => [`${today.slice(0, 8)}01`, today],
};
let preset = '近7日';

const split = (s) => (s ? String(s).split(',') : []);
const nums = (s) => split(s).map(Number);
const colors = ['#e6a23c', '#1a73c9', '#2e9d5b'];

// dayTicks are the indexes of the days that get an x-axis label: every day while labels fit, else every
// step-th day counted back from the last, so the latest day is always labelled and none repeats.
const labelWidth = 48; // px a "MM-DD" label needs, with room around it
function dayTicks(days, plotWidth) {
  const step = Math.max(1, Math.ceil((days * labelWidth) / Math.max(plotWidth, labelWidth)));
  const ticks = [];
  for (let i = days - 1; i >= 0; i -= step) ticks.unshift(i);
  return ticks;
}

// lineChart draws one line per series over the report's days. The x scale is the day's index, not time: a time
// axis picks its own steps (hours on one day, a date repeated per few hours on a week), which reads wrong.
function lineChart(target, title, dates, series) {
  const box = h('div', { class: 'chart' }, h('h4', null, t(title)));
  target.append(box);
  if (!dates.length) { box.append(h('div', { class: 'empty' }, t('暂无数据'))); return; }
  const xs = dates.map((_, i) => i);
  const width = Math.max(300, box.clientWidth - 24);
  new uPlot({
    width, height: 220,
    series: [{ label: t('日期'), value: (u, i) => (i == null ? '' : dates[i]) },
      ...series.map(([label], i) => ({ label: t(label), stroke: colors[i], width: 2, points: { show: true } }))],
    axes: [{
      splits: (u) => dayTicks(dates.length, u.bbox.width / devicePixelRatio),
      // The labels drawn are kept on the chart too, where tests and screen readers can read them.
      values: (u, ticks) => { const labels = ticks.map((i) => dates[i]?.slice(5) ?? ''); box.dataset.xLabels = labels.join(' '); return labels; },
    }, {}],
    scales: { x: { time: false, range: () => [-0.5, dates.length - 0.5] } },
  }, [xs, ...series.map(([, ys]) => ys)], box);
}

export async function reportsView(el, { seq }) {
  const gen = (el.gen = (el.gen || 0) + 1); // a newer render of this screen wins over a slower older one
  const shop = await api.get('/admin/shop/settings').catch(() => ({}));
  const [begin, end] = presets[preset](todayIn(shop.timeZone || 'Asia/Shanghai'));
  const q = { begin, end };
  const [turn, users, orders, top] = await Promise.all(['turnoverStatistics', 'userStatistics', 'ordersStatistics', 'top10']
    .map((p) => optional(api.get(`/admin/report/${p}`, q))));
  if (!seq() || gen !== el.gen) return;
  const again = () => reportsView(el, { seq });
  el.replaceChildren(h('div', { class: 'tabs' }, Object.keys(presets).map((p) => h('button', { class: p === preset ? 'active' : '', onclick: () => { preset = p; again(); } }, t(p))),
    h('span', { class: 'muted', style: 'align-self:center;margin:0 .6rem' }, `${q.begin} ~ ${q.end}`),
    h('button', { id: 'export', onclick: () => exportExcel() }, t('导出数据'))));
  if (!turn && !users && !orders && !top) { el.append(h('div', { class: 'empty' }, t('暂未提供'))); return; }
  const charts = h('div', { class: 'charts' });
  el.append(charts);
  if (turn) {
    lineChart(charts, '营业额统计', split(turn.dateList), [['营业额', nums(turn.turnoverList)]]);
    const total = nums(turn.turnoverList).reduce((a, v) => a + v, 0);
    charts.lastChild.append(h('div', { class: 'muted', id: 'turnover-total' }, `${t('营业额合计')} ${money(total)}`));
  }
  if (users) lineChart(charts, '用户统计', split(users.dateList), [['用户总量', nums(users.totalUserList)], ['新增用户', nums(users.newUserList)]]);
  if (orders) {
    lineChart(charts, '订单统计', split(orders.dateList), [['订单数', nums(orders.orderCountList)], ['有效订单', nums(orders.validOrderCountList)]]);
    charts.lastChild.append(h('div', { class: 'muted' }, `${t('订单总数')} ${orders.totalOrderCount} · ${t('有效订单')} ${orders.validOrderCount} · ${t('订单完成率')} ${pct(orders.orderCompletionRate)}`));
  }
  if (top) {
    const names = split(top.nameList);
    const counts = nums(top.numberList);
    const max = Math.max(1, ...counts);
    charts.append(h('div', { class: 'chart' }, h('h4', null, t('销量排名TOP10')), names.length
      ? h('div', { class: 'bars' }, names.map((n, i) => h('div', null, h('span', { class: 'name', title: n }, n),
        h('span', { class: 'bar', style: `width:${Math.round((counts[i] / max) * 240)}px` }), counts[i])))
      : h('div', { class: 'empty' }, t('暂无数据'))));
  }
}

// exportExcel downloads the xlsx with the token header, which a plain link could not send.
async function exportExcel() {
  try {
    const blob = await api.blob('/admin/report/export');
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: '运营数据统计报表.xlsx' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  } catch (e) { toast(e.status === 404 ? t('暂未提供') : e.message, true); }
}
