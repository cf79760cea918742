// How an address reads: its label (the original's 1 公司, 2 家, 3 学校, else 其他) and its lines.
import { t } from './i18n.js';

export function labelText(label) {
  return { 1: t('公司'), 2: t('家'), 3: t('学校') }[label] || t('其他');
}

export function addressLine(a) {
  return [a.provinceName, a.cityName, a.districtName, a.detail].filter(Boolean).join('');
}
