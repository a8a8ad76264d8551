// @ts-check
// The quick filter 全部 · 人物 · 地点 · 机构: the settings' `filter.pos` set to one family of
// tags (nr*, ns*, nt*: a one-letter-plus tag allows its family in the core), or to none. One
// widget, placed in the keywords and network toolbars and, through ctx.posFilter(), in the
// cloud's; each instance follows the settings in update(). With the part-of-speech model loaded
// (www/lazy-data.js) it finds the names outside the dictionary too.

import { onLangChange } from '../i18n.js';

/** @typedef {import('../shapes.js').State} State */

/** The choices, in order: their tags (null = every tag). */
export const POS_CHOICES = /** @type {const} */ ([
  ['all', null],
  ['person', ['nr']],
  ['place', ['ns']],
  ['organization', ['nt']],
]);

/**
 * Which choice `pos` is; null when it is some other list (set in the settings panel).
 * @param {readonly string[] | null | undefined} pos
 */
export function posChoice(pos) {
  if (pos == null) return 'all';
  const found = POS_CHOICES.find(
    ([, tags]) => tags && tags.length === pos.length && tags.every((t) => pos.includes(t)),
  );
  return found ? found[0] : null;
}

export class PosFilter {
  /**
   * @param {{t: (key: string) => string, setSettings: (patch: object) => unknown}} ctx
   */
  constructor(ctx) {
    this.ctx = ctx;
    this.element = document.createElement('div');
    this.element.className = 'pos-filter';
    this.element.setAttribute('role', 'group');
    this.buttons = POS_CHOICES.map(([name, tags]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.pos = name;
      button.setAttribute('aria-pressed', String(name === 'all'));
      button.addEventListener('click', () => ctx.setSettings({ filter: { pos: tags ? [...tags] : null } }));
      this.element.append(button);
      return button;
    });
    this.relabel();
    onLangChange(() => this.relabel());
  }

  /** The labels in the current language. */
  relabel() {
    this.element.setAttribute('aria-label', this.ctx.t('pos.quick'));
    for (const button of this.buttons) button.textContent = this.ctx.t(`pos.quick.${button.dataset.pos}`);
  }

  /** @param {State} state */
  update(state) {
    const choice = posChoice(state.settings.filter.pos);
    for (const button of this.buttons) button.setAttribute('aria-pressed', String(button.dataset.pos === choice));
  }
}
