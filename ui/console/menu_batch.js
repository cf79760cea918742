// Batch actions on the dish and set meal lists, as the original offers them: a checkbox per row and a bar that
// starts, stops or deletes the checked items. Status goes in one request (the status route takes id=1,2,3 and
// changes all or none); delete takes ids=1,2,3 like the original.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, confirmDialog, toast } from './dom.js';
import { SaleStatus } from './enums.js';

// batchSelection returns the checkbox column for table() and the bar that acts on the checked rows.
// noun is '菜品' or '套餐'; deleting is offered to managers only.
export function batchSelection({ path, noun, manager, done }) {
  const checked = new Set();
  const boxes = [];
  const count = h('span', { class: 'muted', id: 'batch-count' });
  const all = h('input', { type: 'checkbox', class: 'batch-all', 'aria-label': t('全选') });
  const act = (label, id, cls, question, send) => h('button', { type: 'button', id, class: cls, disabled: true,
    onclick: () => confirmDialog(`${t(question)} (${checked.size} ${t(noun)})`, async () => { await send([...checked].join(',')); toast(t('操作成功')); done(); }) }, t(label));
  const buttons = [
    act('批量启售', 'batch-start', '', '确认启售所选商品？', (ids) => api.post(`${path}/status/${SaleStatus.OnSale}`, undefined, { id: ids })),
    act('批量停售', 'batch-stop', '', '确认停售所选商品？', (ids) => api.post(`${path}/status/${SaleStatus.OffSale}`, undefined, { id: ids })),
    manager ? act('批量删除', 'batch-delete', 'danger', '确认删除所选商品？起售中的不能删除。', (ids) => api.del(path, { ids })) : null,
  ].filter(Boolean);
  const paint = () => {
    count.textContent = `${t('已选')} ${checked.size}`;
    buttons.forEach((b) => { b.disabled = checked.size === 0; });
    all.checked = boxes.length > 0 && checked.size === boxes.length;
  };
  all.addEventListener('change', () => {
    const on = all.checked; // each box's change repaints all
    boxes.forEach((b) => { b.checked = on; b.dispatchEvent(new Event('change')); });
  });
  paint();
  return {
    column: { title: h('label', { class: 'check-cell' }, all), class: 'check', cell: (r) => {
      const box = h('input', { type: 'checkbox', class: 'batch-one', 'data-name': r.name, 'aria-label': r.name });
      box.addEventListener('change', () => { if (box.checked) checked.add(String(r.id)); else checked.delete(String(r.id)); paint(); });
      boxes.push(box);
      return h('label', { class: 'check-cell' }, box);
    } },
    bar: h('div', { class: 'toolbar batch-bar' }, count, buttons),
  };
}
