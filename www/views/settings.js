// Settings: what counts as a term (filters, stop words, part of speech, minimum length and
// frequency) and the user's dictionary words. Filter changes apply at once (they only
// re-aggregate); user words re-segment, so they apply on "Apply" or when the box loses focus.
import { registerStrings } from '../i18n.js';

registerStrings({
  zh: {
    'settings.title': '设置',
    'settings.filters': '过滤',
    'settings.stopWords': '去除停用词（内置 {n} 个）',
    'settings.userStopWordsOn': '去除我的停用词',
    'settings.punctuation': '去除标点符号',
    'settings.numbers': '去除数字',
    'settings.singleChars': '去除单字词',
    'settings.minLength': '最短词长（字）',
    'settings.minFrequency': '最低词频',
    'settings.pos': '词性',
    'settings.posAll': '全部词性',
    'settings.userWords': '自定义词',
    'settings.userWordsHint': '每行一个词，例如“劳模精神”。分词时会把它当作一个词，词性为 nz。',
    'settings.userStopWords': '我的停用词',
    'settings.userStopWordsHint': '每行一个词，这些词不参与统计。',
    'settings.builtin': '查看内置停用词表',
    'settings.apply': '应用',
    'settings.networkHint': '共现单位、窗口和关联度量在“共现网络”视图中设置。',
    'pos.n': '名词',
    'pos.v': '动词',
    'pos.a': '形容词',
    'pos.d': '副词',
    'settings.posFamily': '已包含在 {tag} 中',
    'pos.nr': '人名',
    'pos.ns': '地名',
    'pos.nt': '机构名',
    'pos.nz': '其他专名',
    'pos.vn': '名动词',
    'pos.l': '习用语',
    'pos.i': '成语',
    'pos.eng': '英文',
    'pos.m': '数词',
    'pos.x': '其他',
  },
  en: {
    'settings.title': 'Settings',
    'settings.filters': 'Filters',
    'settings.stopWords': 'Drop stop words ({n} built in)',
    'settings.userStopWordsOn': 'Drop my stop words',
    'settings.punctuation': 'Drop punctuation',
    'settings.numbers': 'Drop numbers',
    'settings.singleChars': 'Drop one-character words',
    'settings.minLength': 'Minimum length (characters)',
    'settings.minFrequency': 'Minimum frequency',
    'settings.pos': 'Part of speech',
    'settings.posAll': 'All parts of speech',
    'settings.userWords': 'User words',
    'settings.userWordsHint': 'One per line, e.g. 劳模精神. Segmentation keeps each as one word, tagged nz.',
    'settings.userStopWords': 'My stop words',
    'settings.userStopWordsHint': 'One per line; these words are not counted.',
    'settings.builtin': 'Show the built-in stop list',
    'settings.apply': 'Apply',
    'settings.networkHint': 'Co-occurrence unit, window and measure are set in the Network view.',
    'pos.n': 'nouns',
    'pos.v': 'verbs',
    'pos.a': 'adjectives',
    'pos.d': 'adverbs',
    'settings.posFamily': 'Included with {tag}',
    'pos.nr': 'person names',
    'pos.ns': 'place names',
    'pos.nt': 'organisations',
    'pos.nz': 'other proper nouns',
    'pos.vn': 'verbal nouns',
    'pos.l': 'set phrases',
    'pos.i': 'idioms',
    'pos.eng': 'English',
    'pos.m': 'numerals',
    'pos.x': 'other',
  },
});

const SWITCHES = ['stopWords', 'userStopWords', 'punctuation', 'numbers', 'singleChars'];
// One-letter tags allow their whole family in the core (n = nr, ns, nt, nz, ...).
const POS_GROUPS = ['n', 'nr', 'ns', 'nt', 'nz', 'v', 'vn', 'a', 'd', 'l', 'i', 'eng', 'm', 'x'];

export class SettingsView {
  /** `actions`: setUserWords(words), setStopWords(words). */
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

    const switches = container.querySelector('.switches');
    for (const name of SWITCHES) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" name="${name}" /> <span></span>`;
      switches.append(label);
    }
    const groups = container.querySelector('.pos-groups');
    for (const tag of POS_GROUPS) {
      const label = document.createElement('label');
      label.innerHTML = `<input type="checkbox" name="pos" value="${tag}" /> <span></span> <code>${tag}</code>`;
      groups.append(label);
    }

    container.addEventListener('change', (event) => {
      const input = event.target;
      if (SWITCHES.includes(input.name)) ctx.setSettings({ filter: { [input.name]: input.checked } });
      else if (input.name === 'minLength' || input.name === 'minFrequency') {
        const value = Math.max(1, Math.min(Number(input.max), Math.round(Number(input.value) || 1)));
        input.value = String(value);
        ctx.setSettings({ filter: { [input.name]: value } });
      } else if (input.name === 'posAll') {
        ctx.setSettings({ filter: { pos: input.checked ? null : ['n', 'v', 'a'] } });
      } else if (input.name === 'pos') {
        // Boxes ticked only because their family is (nr under n) are not sent: n covers them.
        const tags = [...groups.querySelectorAll('input:checked:not(:disabled)')].map((b) => b.value);
        ctx.setSettings({ filter: { pos: tags } });
      } else if (input.name === 'userWords' || input.name === 'stopWordList') {
        this.#apply(input.name);
      }
    });
    // Number inputs apply while typing, not only on blur (kept in range; the field is
    // corrected when it is left).
    container.addEventListener('input', (event) => {
      const input = event.target;
      if ((input.name === 'minLength' || input.name === 'minFrequency') && Number(input.value) >= 1) {
        const value = Math.min(Number(input.max), Math.round(Number(input.value)));
        ctx.setSettings({ filter: { [input.name]: value } });
      }
    });
    // Typing and then clicking 应用 also blurs the box (a change event): #apply sends a list
    // only once, so the documents are not re-segmented twice.
    container.querySelector('[name=applyUserWords]').addEventListener('click', () => this.#apply('userWords'));
    container.querySelector('[name=applyStopWords]').addEventListener('click', () => this.#apply('stopWordList'));
    container.querySelector('details.builtin').addEventListener('toggle', async (event) => {
      if (!event.target.open) return;
      const words = await ctx.builtinStopWords();
      container.querySelector('.builtin-words').textContent = words.join(' ');
    });
    ctx.builtinStopWords().then((words) => {
      this.builtinCount = words.length;
      this.#relabel();
    });
    this.#relabel();
  }

  // Per word box: the list last sent to the controller, and the list last shown in the box.
  #sent = { userWords: null, stopWordList: null };
  #shown = { userWords: null, stopWordList: null };

  #apply(name) {
    const words = lines(this.container.querySelector(`[name=${name}]`).value);
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
    c.querySelector('#settings-title').textContent = t('settings.title');
    for (const el of c.querySelectorAll('[data-key]')) el.textContent = t(el.dataset.key);
    for (const name of SWITCHES) {
      const label = t(`settings.${name === 'userStopWords' ? 'userStopWordsOn' : name}`, { n: this.builtinCount });
      c.querySelector(`[name=${name}]`).nextElementSibling.textContent = label;
    }
    for (const box of c.querySelectorAll('[name=pos]')) box.nextElementSibling.textContent = t(`pos.${box.value}`);
  }

  render(state) {
    this.state = state;
    const { t } = this.ctx;
    const c = this.container;
    const filter = state.settings.filter;
    this.#relabel();
    for (const name of SWITCHES) c.querySelector(`[name=${name}]`).checked = Boolean(filter[name]);
    setIfIdle(c.querySelector('[name=minLength]'), filter.minLength);
    setIfIdle(c.querySelector('[name=minFrequency]'), filter.minFrequency);
    c.querySelector('[name=posAll]').checked = filter.pos == null;
    for (const box of c.querySelectorAll('[name=pos]')) {
      // A one-letter tag allows its family: show nr, ns... as ticked (and fixed) under n.
      const family = box.value.length > 1 && filter.pos?.includes(box.value[0]);
      box.checked = filter.pos != null && (filter.pos.includes(box.value) || family);
      box.disabled = filter.pos == null || family;
      box.parentElement.title = family ? t('settings.posFamily', { tag: box.value[0] }) : '';
    }
    this.#showWords('userWords', state.userWords);
    this.#showWords('stopWordList', state.stopWords);
  }

  /** Shows the applied words when they change; a list the analyzer refused stays in the box
   *  to be corrected rather than being replaced by the old one. */
  #showWords(name, words) {
    const key = words.join('\n');
    this.#sent[name] = key;
    if (key === this.#shown[name]) return;
    const box = this.container.querySelector(`[name=${name}]`);
    if (document.activeElement === box) return;
    box.value = key;
    this.#shown[name] = key;
  }
}

/** Do not overwrite what a person is typing. */
function setIfIdle(input, value) {
  if (document.activeElement !== input) input.value = String(value);
}

/** The words of a box: one per line, or separated by spaces, commas, 、 or semicolons (a word
 *  cannot contain a space anyway). */
function lines(text) {
  return [...new Set(text.split(/[\s,，、;；]+/u).filter(Boolean))];
}
