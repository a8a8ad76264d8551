// @ts-check
// A word's menu in the cloud (right click, long press, the context-menu key or Shift+F10):
// contexts, stop this word, merge with… (when the page offers the merge dialog), pin or unpin
// its colour. A small menu widget: arrow keys move, Enter chooses, Escape closes and gives the
// focus back to the word.
import { h } from '../shared.js';

/** @typedef {{key: string, label: string, run: () => void}} MenuItem */

export class WordMenu {
  /** @type {HTMLElement} */
  #menu;
  /** @type {Element | null} */
  #returnTo = null;

  /** @param {HTMLElement} host the positioned box the menu opens in */
  constructor(host) {
    this.#menu = h('div', { class: 'cloud-menu', role: 'menu', hidden: true });
    host.append(this.#menu);
    this.#menu.addEventListener('keydown', (event) => this.#key(event));
    document.addEventListener('pointerdown', (event) => {
      if (!this.#menu.hidden && !this.#menu.contains(/** @type {Node} */ (event.target))) this.close(false);
    });
  }

  get open() {
    return !this.#menu.hidden;
  }

  /**
   * @param {string} heading the word
   * @param {MenuItem[]} items
   * @param {Element} anchor the word's node
   * @param {{x: number, y: number} | null} at where the pointer was, or null for the word itself
   */
  show(heading, items, anchor, at) {
    this.#returnTo = anchor;
    const buttons = items.map((item) => {
      const button = h(
        'button',
        { type: 'button', role: 'menuitem', tabindex: '-1', dataset: { item: item.key } },
        item.label,
      );
      button.addEventListener('click', () => {
        this.close(true);
        item.run();
      });
      return button;
    });
    this.#menu.setAttribute('aria-label', heading);
    this.#menu.replaceChildren(h('div', { class: 'cloud-menu-head' }, heading), ...buttons);
    this.#menu.hidden = false;
    const host = /** @type {HTMLElement} */ (this.#menu.parentElement).getBoundingClientRect();
    const r = anchor.getBoundingClientRect();
    const x = (at?.x ?? r.left + r.width / 2) - host.left;
    const y = (at?.y ?? r.bottom) - host.top;
    this.#menu.style.left = `${Math.max(0, Math.min(x, host.width - this.#menu.offsetWidth))}px`;
    this.#menu.style.top = `${Math.max(0, y)}px`;
    buttons[0]?.focus();
  }

  /** @param {boolean} refocus give the focus back to the word */
  close(refocus) {
    if (this.#menu.hidden) return;
    this.#menu.hidden = true;
    if (refocus && this.#returnTo instanceof SVGElement) this.#returnTo.focus();
  }

  /** @param {KeyboardEvent} event */
  #key(event) {
    const items = /** @type {HTMLButtonElement[]} */ ([...this.#menu.querySelectorAll('[role=menuitem]')]);
    const at = items.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      this.close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  }
}
