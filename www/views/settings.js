// @ts-check
// Settings: what counts as a term (filters, stop words, part of speech, minimum length and
// frequency) and the user's dictionary words. Filter changes apply at once (they only
// re-aggregate); user words re-segment, so they apply on "Apply" or when the box loses focus.
import './settings.css';

/** @typedef {import('../shapes.js').State} State */
/** @typedef {import('../shapes.js').ViewContext} ViewContext */
/** @typedef {{setUserWords: (words: string[]) => void, setStopWords: (words: string[]) => void}} SettingsActions */
/** @typedef {'userWords' | 'stopWordList'} WordBox */

const SWITCHES = ['stopWords', 'userStopWords', 'punctuation', 'numbers', 'singleChars'];
// One-letter tags allow their whole family in the core (n = nr, ns, nt, nz, ...).
const POS_GROUPS = ['n', 'nr', 'ns', 'nt', 'nz', 'v', 'vn', 'a', 'd', 'l', 'i', 'eng', 'm', 'x'];

export class SettingsView {
  /** @type {State | null} */
  state = null;

  /** @param {HTMLElement} container @param {ViewContext} ctx @param {SettingsActions} actions */
  constructor(container, ctx, actions) {
    this.ctx = ctx;
    this.actions = actions;
    this.container = container;
    this.builtinCount = 0;
    container.innerHTML = `
      <h2 id="settings-title"></h2>
      <details open class="filters">
        <summary data-key="settings.filters"></summary>
        <div class="switches"></div>
        <label class="number"><span data-key="settings.minLength"></span> <input type="number" name="minLength" min="1" max="20" /></label>
        <label class="number"><span data-key="settings.minFrequency"></span> <input type="number" name="minFrequency" min="1" max="1000" /></label>
        <fieldset class="pos">
          <legend data-key="settings.pos"></legend>
          <label><input type="checkbox" name="posAll" /> <span data-key="settings.posAll"></span></label>
          <div class="pos-groups"></div>
        </fieldset>
      </details>
      <details class="user-words">
        <summary data-key="settings.userWords"></summary>
        <p class="hint" data-key="settings.userWordsHint"></p>
        <textarea name="userWords" rows="4" spellcheck="false"></textarea>
        <button type="button" name="applyUserWords" data-key="settings.apply"></button>
      </details>
      <details class="stop-words">
        <summary data-key="settings.userStopWords"></summary>
        <p class="hint" data-key="settings.userStopWordsHint"></p>
        <textarea name="stopWordList" rows="4" spellcheck="false"></textarea>
        <button type="button" name="applyStopWords" data-key="settings.apply"></button>
        <details class="builtin">
          <summary data-key="settings.builtin"></summary>
          <p class="builtin-words"></p>
        </details>
      </details>
      <p class="hint" data-key="settings.networkHint"></p>`;

    const switches = this.#find('.switches');
    for (const name of SWITCHES) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" name="${name}" /> <span></span>`;
      switches.append(label);
    }
    const groups = this.#find('.pos-groups');
    for (const tag of POS_GROUPS) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" name="pos" value="${tag}" /> <span></span> <code>${tag}</code>`;
      groups.append(label);
    }

    container.addEventListener('change', (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if (SWITCHES.includes(input.name)) ctx.setSettings({ filter: { [input.name]: input.checked } });
      else if (input.name === 'minLength' || input.name === 'minFrequency') {
        const value = Math.max(1, Math.min(Number(input.max), Math.round(Number(input.value) || 1)));
        input.value = String(value);
        ctx.setSettings({ filter: { [input.name]: value } });
      } else if (input.name === 'posAll') {
        ctx.setSettings({ filter: { pos: input.checked ? null : ['n', 'v', 'a'] } });
      } else if (input.name === 'pos') {
        // Boxes ticked only because their family is (nr under n) are not sent: n covers them.
        const boxes = /** @type {NodeListOf<HTMLInputElement>} */ (
          groups.querySelectorAll('input:checked:not(:disabled)')
        );
        const tags = [...boxes].map((b) => b.value);
        ctx.setSettings({ filter: { pos: tags } });
      } else if (input.name === 'userWords' || input.name === 'stopWordList') {
        this.#apply(input.name);
      }
    });
    // Number inputs apply while typing, not only on blur (kept in range; the field is
    // corrected when it is left).
    container.addEventListener('input', (event) => {
      const input = /** @type {HTMLInputElement} */ (event.target);
      if ((input.name === 'minLength' || input.name === 'minFrequency') && Number(input.value) >= 1) {
        const value = Math.min(Number(input.max), Math.round(Number(input.value)));
        ctx.setSettings({ filter: { [input.name]: value } });
      }
    });
    // Typing and then clicking 应用 also blurs the box (a change event): #apply sends a list
    // only once, so the documents are not re-segmented twice.
    this.#find('[name=applyUserWords]').addEventListener('click', () => this.#apply('userWords'));
    this.#find('[name=applyStopWords]').addEventListener('click', () => this.#apply('stopWordList'));
    this.#find('details.builtin').addEventListener('toggle', async (event) => {
      if (!(/** @type {HTMLDetailsElement} */ (event.target).open)) return;
      const words = await ctx.builtinStopWords();
      this.#find('.builtin-words').textContent = words.join(' ');
    });
    ctx.builtinStopWords().then((words) => {
      this.builtinCount = words.length;
      this.#relabel();
    });
    this.#relabel();
  }

  // Per word box: the list last sent to the controller, and the list last shown in the box.
  /** @type {Record<WordBox, string | null>} */
  #sent = { userWords: null, stopWordList: null };
  /** @type {Record<WordBox, string | null>} */
  #shown = { userWords: null, stopWordList: null };

  /** @param {string} selector @returns {HTMLElement} */
  #find(selector) {
    return /** @type {HTMLElement} */ (this.container.querySelector(selector));
  }

  /** @param {string} name @returns {HTMLInputElement} */
  #input(name) {
    return /** @type {HTMLInputElement} */ (this.container.querySelector(`[name=${name}]`));
  }

  /** @param {WordBox} name */
  #apply(name) {
    const words = lines(this.#input(name).value);
    const key = words.join('\n');
    if (key === this.#sent[name]) return;
    this.#sent[name] = key;
    if (name === 'userWords') this.actions.setUserWords(words);
    else this.actions.setStopWords(words);
  }

  /** The labels alone: also drawn before the first state arrives (or if start-up fails). */
  #relabel() {
    const { t } = this.ctx;
    const c = this.container;
    this.#find('#settings-title').textContent = t('settings.title');
    for (const el of c.querySelectorAll('[data-key]'))
      el.textContent = t(/** @type {HTMLElement} */ (el).dataset.key ?? '');
    for (const name of SWITCHES) {
      const label = t(`settings.${name === 'userStopWords' ? 'userStopWordsOn' : name}`, { n: this.builtinCount });
      /** @type {Element} */ (this.#input(name).nextElementSibling).textContent = label;
    }
    for (const box of this.#posBoxes())
      /** @type {Element} */ (box.nextElementSibling).textContent = t(`pos.${box.value}`);
  }

  /** @returns {HTMLInputElement[]} */
  #posBoxes() {
    return [.../** @type {NodeListOf<HTMLInputElement>} */ (this.container.querySelectorAll('[name=pos]'))];
  }

  /** @param {State} state */
  render(state) {
    this.state = state;
    const { t } = this.ctx;
    const filter = state.settings.filter;
    this.#relabel();
    for (const name of SWITCHES) this.#input(name).checked = Boolean(/** @type {any} */ (filter)[name]);
    setIfIdle(this.#input('minLength'), filter.minLength);
    setIfIdle(this.#input('minFrequency'), filter.minFrequency);
    this.#input('posAll').checked = filter.pos == null;
    for (const box of this.#posBoxes()) {
      // A one-letter tag allows its family: show nr, ns... as ticked (and fixed) under n.
      const family = box.value.length > 1 && Boolean(filter.pos?.includes(box.value[0]));
      box.checked = filter.pos != null && (filter.pos.includes(box.value) || family);
      box.disabled = filter.pos == null || family;
      /** @type {HTMLElement} */ (box.parentElement).title = family
        ? t('settings.posFamily', { tag: box.value[0] })
        : '';
    }
    this.#showWords('userWords', state.userWords);
    this.#showWords('stopWordList', state.stopWords);
  }

  /** Shows the applied words when they change; a list the analyzer refused stays in the box
   *  to be corrected rather than being replaced by the old one. */
  /** @param {WordBox} name @param {string[]} words */
  #showWords(name, words) {
    const key = words.join('\n');
    this.#sent[name] = key;
    if (key === this.#shown[name]) return;
    const box = this.#input(name);
    if (document.activeElement === box) return;
    box.value = key;
    this.#shown[name] = key;
  }
}

/** Do not overwrite what a person is typing. @param {HTMLInputElement} input @param {unknown} value */
function setIfIdle(input, value) {
  if (document.activeElement !== input) input.value = String(value);
}

/** The words of a box: one per line, or separated by spaces, commas, 、 or semicolons (a word
 *  cannot contain a space anyway). */
function lines(/** @type {string} */ text) {
  return [...new Set(text.split(/[\s,，、;；]+/u).filter(Boolean))];
}
