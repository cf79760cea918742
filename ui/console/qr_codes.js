// 顾客点餐码: the storefront's link as a QR code to print, and a sheet of table QR codes (/order/?table=N) on A4.
// The link is absolute on the application URL when the owner set one (a phone must reach it), else on the
// address this console was opened at.
import qrcode from '/vendor/qrcode.mjs';
import { api } from './api.js';
import { t } from './i18n.js';
import { h, toast } from './dom.js';

const TABLES_KEY = 'myrestaurant.console.tables';
const maxTables = 200;
const maxTableLen = 16; // orders.table_no

// qrSvg draws text as a QR code in SVG: crisp at any print size.
function qrSvg(text, label) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet},${r + quiet}h1v1h-1z`;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const size = n + 2 * quiet;
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${size} ${size}`, class: 'qr', role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges', 'data-text': text })) svg.setAttribute(k, v);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', size); bg.setAttribute('height', size); bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d); path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

// parseTables reads "1-12", "A1-A8", "A1,A2, 包间" into table names, or throws a message to show.
function parseTables(text) {
  const out = [];
  for (const part of text.split(/[,，、\s]+/).filter(Boolean)) {
    const range = /^([^\d-]*)(\d+)-\1?(\d+)$/.exec(part);
    if (range) {
      const [, prefix, from, to] = range;
      if (Number(to) < Number(from)) throw new Error(`${t('桌号范围有误')}: ${part}`);
      for (let i = Number(from); i <= Number(to) && out.length <= maxTables; i++) out.push(`${prefix}${i}`);
    } else out.push(part);
    if (out.length > maxTables) throw new Error(t('一次最多200张桌'));
  }
  const long = out.find((n) => [...n].length > maxTableLen);
  if (long) throw new Error(`${t('桌号最长16个字符')}: ${long}`);
  return [...new Set(out)];
}

// printSheet prints node alone on A4 (see #print-sheet in app.css).
function printSheet(node) {
  let sheet = document.getElementById('print-sheet');
  if (!sheet) { sheet = h('div', { id: 'print-sheet', 'aria-hidden': 'true' }); document.body.append(sheet); }
  sheet.replaceChildren(node.cloneNode(true));
  document.body.dataset.print = 'sheet';
  window.addEventListener('afterprint', () => { delete document.body.dataset.print; }, { once: true });
  window.print();
}

export async function qrCodesView(el, { seq }) {
  const [appURL, shop] = await Promise.all([api.get('/admin/common/appUrl').catch(() => ''), api.get('/admin/shop/settings').catch(() => ({}))]);
  if (!seq()) return;
  const base = appURL || location.origin;
  const link = `${base}/order/`;
  const local = !appURL && /^(localhost|127\.|\[::1\])/.test(location.hostname);
  const shopName = shop.name || 'MyRestaurant';

  const linkCard = h('div', { class: 'qr-card qr-link', id: 'storefront-qr' },
    h('div', { class: 'qr-title' }, shopName), qrSvg(link, t('顾客点餐码')),
    h('div', { class: 'qr-caption' }, t('扫码点餐')), h('div', { class: 'qr-url' }, link));
  const tables = h('input', { id: 'tables', value: localStorage.getItem(TABLES_KEY) || '1-12', placeholder: t('如 1-12 或 A1,A2'), 'aria-label': t('桌号') });
  const err = h('span', { class: 'error', role: 'alert' });
  const sheet = h('div', { class: 'qr-sheet', id: 'table-sheet' });
  const paintTables = () => {
    err.textContent = '';
    let names;
    try { names = parseTables(tables.value); } catch (e) { err.textContent = e.message; return; }
    localStorage.setItem(TABLES_KEY, tables.value.trim());
    sheet.replaceChildren(...names.map((n) => {
      const url = `${base}/order/?table=${encodeURIComponent(n)}`;
      return h('div', { class: 'qr-card qr-table', 'data-table': n },
        h('div', { class: 'qr-table-no' }, `${t('桌号')} ${n}`), qrSvg(url, `${t('桌号')} ${n}`),
        h('div', { class: 'qr-caption' }, `${shopName} · ${t('扫码点餐')}`));
    }));
  };
  paintTables();
  el.replaceChildren(
    h('section', { class: 'panel' },
      h('h3', null, t('点餐链接')),
      h('p', { class: 'muted' }, t('顾客用手机扫码或打开链接即可点餐，无需小程序。')),
      h('div', { class: 'qr-link-row' }, linkCard, h('div', { class: 'qr-link-side' },
        h('a', { href: link, target: '_blank', rel: 'noopener', id: 'storefront-link' }, link),
        h('div', { class: 'toolbar' },
          h('button', { type: 'button', id: 'copy-link', onclick: () => navigator.clipboard?.writeText(link).then(() => toast(t('已复制')), () => toast(link)) }, t('复制链接')),
          h('button', { type: 'button', class: 'primary', id: 'print-link', onclick: () => printSheet(linkCard) }, t('打印'))),
        appURL ? null : h('p', { class: local ? 'warning' : 'muted', id: 'app-url-note' },
          t(local ? '尚未设置应用网址，此链接是本机地址，顾客的手机打不开：请在 PocketBase 后台“设置 → Application URL”填写店铺的公网地址。' : '尚未设置应用网址，链接用的是打开本页的地址；可在 PocketBase 后台“设置 → Application URL”填写店铺的公网地址。'))))),
    h('section', { class: 'panel' },
      h('h3', null, t('桌号二维码')),
      h('p', { class: 'muted' }, t('顾客扫桌上的码点餐，订单带桌号，无需地址和配送费。')),
      h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); paintTables(); } },
        h('label', { for: 'tables' }, t('桌号')), tables, h('button', { type: 'submit', id: 'make-tables' }, t('生成')),
        h('button', { type: 'button', class: 'primary', id: 'print-tables', onclick: () => { if (sheet.childElementCount) printSheet(sheet); } }, t('打印 (A4)')), err),
      sheet));
}
