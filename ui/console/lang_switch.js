// The button that switches the console between Chinese and English, on the login screens and in the top bar.
import { t, setLang, currentLang } from './i18n.js';
import { h } from './dom.js';

// langSwitch calls rerender after switching: every screen draws its texts through t() when drawn.
export function langSwitch(rerender) {
  return h('button', {
    class: 'lang-switch',
    onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); rerender(); },
  }, currentLang() === 'zh' ? 'English' : '中文');
}
