// @ts-check
// The tab bar over the views: one button per view (data-tab="NAME"), each showing its
// <section id="view-NAME">; arrow keys move between tabs, as in every tab list.

export class Tabs {
  #nav;
  #onShow;

  /**
   * @param {HTMLElement} nav the tab list
   * @param {(name: string) => void} onShow called when a view becomes visible
   */
  constructor(nav, onShow) {
    this.#nav = nav;
    this.#onShow = onShow;
    nav.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-tab]'));
      if (button?.dataset.tab) this.select(button.dataset.tab);
    });
    nav.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      const buttons = this.#buttons();
      const at = buttons.indexOf(/** @type {HTMLElement} */ (document.activeElement));
      const next = buttons[(at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
      next.focus();
      this.select(next.dataset.tab ?? '');
    });
  }

  /** @returns {HTMLElement[]} */
  #buttons() {
    return [...this.#nav.querySelectorAll('[data-tab]')].map((b) => /** @type {HTMLElement} */ (b));
  }

  /** Shows view `name` and hides the others. @param {string} name */
  select(name) {
    for (const button of this.#buttons()) {
      const active = button.dataset.tab === name;
      button.setAttribute('aria-selected', String(active));
      button.tabIndex = active ? 0 : -1;
      const section = document.getElementById(`view-${button.dataset.tab}`);
      if (!section || section.hidden === !active) continue;
      section.hidden = !active;
      if (active) this.#onShow(name);
    }
  }
}
