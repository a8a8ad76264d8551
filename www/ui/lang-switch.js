// @ts-check
// The 中文 | EN button: it names the other language, and switches to it.
import { lang, onLangChange, setLang, t } from '../i18n.js';

export class LangSwitch {
  /** @param {HTMLButtonElement} button */
  constructor(button) {
    const label = () => (button.textContent = t('lang.switch'));
    button.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
    onLangChange(label);
    label();
  }
}
