// @ts-check
// Side panels on a narrow screen. On a phone the views come first; the documents list and the
// settings (the sidebar's panels on a wide screen) open over them, one at a time, from
// buttons in the header: a modal panel with a close button, closed by Escape or a tap beside
// it, that takes the focus while open (Tab stays inside) and gives it back to its button. On a
// wide screen the buttons are hidden and the panels are the sidebar, as before.
//
// Markup (index.html): a toggle `<button data-panel-toggle="ID" aria-controls="ID">` in the
// header per panel `<div id="ID" class="side-panel">` holding a `<button data-panel-close>` and
// the panel's content (named by its `aria-labelledby`), one `.panel-backdrop`, and
// `data-panel-inert` on what the open panel covers.

/** The width below which the sidebar becomes panels (the same as the CSS's @media). */
export const NARROW = '(max-width: 800px)';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Wires every `[data-panel-toggle]` under `root` to its panel. `news` (a selector inside a
 * panel) marks the panel's toggle while the panel is closed and what it selects changes, e.g.
 * a notice added to the documents list while it is out of sight. Returns {open, close}.
 * @param {{root?: ParentNode, media?: MediaQueryList, news?: string}} [options]
 */
export function setUpPanels({ root = document, media = matchMedia(NARROW), news } = {}) {
  const toggles = /** @type {HTMLButtonElement[]} */ ([...root.querySelectorAll('[data-panel-toggle]')]);
  const panelOf = (/** @type {HTMLButtonElement} */ toggle) =>
    /** @type {HTMLElement} */ (document.getElementById(/** @type {string} */ (toggle.dataset.panelToggle)));
  const backdrop = /** @type {HTMLElement | null} */ (root.querySelector('.panel-backdrop'));
  // What a modal panel makes unreachable while it is open.
  const outside = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('[data-panel-inert]')]);
  /** @type {HTMLButtonElement | null} the toggle of the open panel */
  let current = null;

  /** @param {HTMLButtonElement} toggle */
  function open(toggle) {
    if (current === toggle) return;
    if (current) close({ restoreFocus: false });
    current = toggle;
    const panel = panelOf(toggle);
    panel.dataset.open = '';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    // Named by its content's heading (documents-title, settings-title).
    const heading = panel.querySelector('[aria-labelledby]')?.getAttribute('aria-labelledby');
    if (heading) panel.setAttribute('aria-labelledby', heading);
    toggle.setAttribute('aria-expanded', 'true');
    toggle.classList.remove('has-news');
    if (backdrop) backdrop.hidden = false;
    for (const element of outside) element.inert = true;
    document.documentElement.classList.add('panel-open');
    /** @type {HTMLElement | null} */ (panel.querySelector('[data-panel-close]'))?.focus();
  }

  function close({ restoreFocus = true } = {}) {
    const toggle = current;
    if (!toggle) return;
    current = null;
    const panel = panelOf(toggle);
    delete panel.dataset.open;
    panel.removeAttribute('role');
    panel.removeAttribute('aria-modal');
    panel.removeAttribute('aria-labelledby');
    toggle.setAttribute('aria-expanded', 'false');
    if (backdrop) backdrop.hidden = true;
    for (const element of outside) element.inert = false;
    document.documentElement.classList.remove('panel-open');
    if (restoreFocus && media.matches) toggle.focus();
  }

  for (const toggle of toggles) {
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => (current === toggle ? close() : open(toggle)));
    const panel = panelOf(toggle);
    panel.querySelector('[data-panel-close]')?.addEventListener('click', () => close());
    const watched = news && panel.querySelector(news);
    if (watched) {
      new MutationObserver(() => {
        if (media.matches && current !== toggle) toggle.classList.add('has-news');
      }).observe(watched, { childList: true });
    }
  }
  backdrop?.addEventListener('click', () => close());
  // On the document: a tap on text inside the panel leaves the focus on <body>.
  document.addEventListener('keydown', (event) => {
    if (!current) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      keepFocusIn(panelOf(current), event);
    }
  });
  // Wide again: the panels are the sidebar, nothing is modal.
  media.addEventListener('change', () => {
    if (!media.matches) close({ restoreFocus: false });
  });
  return { open, close };
}

/**
 * Tab from the last focusable element of `panel` goes to the first, Shift+Tab from the first
 * to the last: the focus stays in the open panel.
 * @param {HTMLElement} panel
 * @param {KeyboardEvent} event
 */
function keepFocusIn(panel, event) {
  const focusable = /** @type {HTMLElement[]} */ ([...panel.querySelectorAll(FOCUSABLE)]).filter(
    (element) => element.getClientRects().length > 0,
  );
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!panel.contains(document.activeElement)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
