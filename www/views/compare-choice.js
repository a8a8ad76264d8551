// @ts-check
// Compare's two choices (目标 and 对照) and the controls that make its sets: the documents (past
// CHOICE_LIMIT, those whose title holds what is typed in the filter beside them), the groups,
// the years, a date range (its two date inputs) and what the document panel's search and filters
// show (SHOWN_EVENT). The lists are rebuilt only when what they show changes: 5,000 <option>s
// rebuilt on every analysis blocked the page. What a person chooses is kept in the settings
// (settings.compare, `choice`), so that it survives a reload and the cloud can colour by it.
import { compareSets, findSet, keptKey, liveKey, rangeSet, shownSet } from './compare-sets.js';
import { CHOICE_LIMIT, chooseAmong, listKey } from './doc-choice.js';
import { SHOWN_EVENT } from './documents/filter.js';
import { formatNumber, h } from './shared.js';

/** @typedef {import('../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('./compare-sets.js').CompareSet} CompareSet */
/** @typedef {import('./shared.js').ViewContext['t']} Translate */
/** @typedef {'target' | 'reference' | 'range' | 'shown'} ChoiceChange */
/** @typedef {import('../defaults.js').CompareSettings} CompareSettings */

const SET_KINDS = /** @type {const} */ (['group', 'year', 'range', 'shown']);

export class CompareChoice {
  /** The key of the set compared (a document's id, "group:…", "year:…", "range", "shown"), kept
   *  while it is there. @type {string | null} */
  target = null;
  /** What it is compared with: null for the rest, else a set's key. @type {string | null} */
  reference = null;
  /** @type {CompareSet[]} */
  sets = [];
  /** @type {Translate} */
  #t;
  /** @type {import('./compare-sets.js').DocumentKey} */
  #documentKey;
  /** @type {DocumentInfo[]} */
  #documents = [];
  /** @type {DocumentInfo[]} */
  #included = [];
  /** The documents the panel's search and filters show. @type {number[]} */
  #shownIds = [];
  /** What the two lists show. */
  #listsKey = '';
  /** Whether the person chose the target; until then it is the first document (the range and the
   *  panel's set always exist, and must not stay chosen from before the documents came). */
  #chosen = false;
  /** The choice as the settings keep it, last restored or chosen. @type {CompareSettings} */
  #kept = { target: null, reference: null, from: '', to: '' };
  /** What was kept is no longer there (its documents removed or left out): the default shows. */
  stale = false;

  /**
   * @param {Document} doc the page, whose document panel sends SHOWN_EVENT
   * @param {Translate} t
   * @param {(change: ChoiceChange) => void} onChange
   * @param {import('./compare-sets.js').DocumentKey} documentKey how the settings name a document
   */
  constructor(doc, t, onChange, documentKey) {
    this.#t = t;
    this.#documentKey = documentKey;
    this.targetLabel = h('span');
    this.targetSelect = h('select', { name: 'target' });
    this.targetSelect.addEventListener('change', () => {
      this.target = this.targetSelect.value;
      this.#chosen = true;
      this.#kept = this.choice;
      onChange('target');
    });
    this.referenceLabel = h('span');
    this.referenceSelect = h('select', { name: 'reference' });
    this.referenceSelect.addEventListener('change', () => {
      this.reference = this.referenceSelect.value || null;
      this.#kept = this.choice;
      onChange('reference');
    });
    this.documentFilter = h('input', { type: 'search', class: 'compare-doc-filter', hidden: true });
    this.documentFilter.addEventListener('input', () => this.#fill());
    this.rangeLabel = h('span');
    this.rangeFrom = h('input', { type: 'date', name: 'range-from' });
    this.rangeTo = h('input', { type: 'date', name: 'range-to' });
    for (const input of [this.rangeFrom, this.rangeTo])
      input.addEventListener('change', () => {
        this.#kept = this.choice;
        this.#fill();
        onChange('range');
      });
    doc.addEventListener(SHOWN_EVENT, (event) => {
      this.#shownIds = /** @type {CustomEvent<{ids: number[]}>} */ (event).detail.ids;
      this.#fill();
      onChange('shown');
    });
    /** The toolbar's part. */
    this.elements = [
      h('label', {}, this.targetLabel, this.targetSelect),
      h('label', {}, this.referenceLabel, this.referenceSelect),
      this.documentFilter,
      h('span', { class: 'compare-range' }, this.rangeLabel, this.rangeFrom, '–', this.rangeTo),
    ];
    this.relabel();
  }

  relabel() {
    const t = this.#t;
    this.targetLabel.textContent = t('compare.target');
    this.referenceLabel.textContent = t('compare.reference');
    this.documentFilter.placeholder = t('choice.filter');
    this.documentFilter.setAttribute('aria-label', t('choice.filter'));
    this.rangeLabel.textContent = t('compare.sets.range');
    this.rangeFrom.setAttribute('aria-label', t('compare.rangeFrom'));
    this.rangeTo.setAttribute('aria-label', t('compare.rangeTo'));
    this.#listsKey = '';
    this.#fill();
  }

  /**
   * New documents, a new selection, or the choice the settings keep (a reload, a workspace).
   * @param {DocumentInfo[]} documents @param {DocumentInfo[]} included @param {CompareSettings} [kept]
   */
  update(documents, included, kept) {
    this.#documents = documents;
    this.#included = included;
    if (kept && JSON.stringify(kept) !== JSON.stringify(this.#kept)) {
      this.#kept = { ...kept };
      this.target = liveKey(kept.target, documents, this.#documentKey);
      this.#chosen = kept.target != null;
      this.reference = liveKey(kept.reference, documents, this.#documentKey);
      this.rangeFrom.value = kept.from;
      this.rangeTo.value = kept.to;
    }
    this.#fill();
  }

  /** The choice as the settings keep it: the target only once a person chose it. @returns {CompareSettings} */
  get choice() {
    return {
      target: this.#chosen ? keptKey(this.target, this.#documentKey) : null,
      reference: keptKey(this.reference, this.#documentKey),
      from: this.rangeFrom.value,
      to: this.rangeTo.value,
    };
  }

  /** The set of `key`, if it is there. */
  find(/** @type {string | null} */ key) {
    return findSet(this.sets, key);
  }

  /** Lists the documents (only included ones can be chosen, the first of them by default), then
   *  the other sets; the reference: the rest, or any of them. */
  #fill() {
    const t = this.#t;
    const docs = this.#documents;
    const included = this.#included;
    const isIn = new Set(included.map((d) => d.id));
    const from = this.rangeFrom.value;
    const to = this.rangeTo.value;
    const n = (/** @type {number} */ count) => formatNumber(count);
    this.sets = [
      ...compareSets(included),
      rangeSet(included, from, to, (count) => t('compare.range', { from: from || '…', to: to || '…', n: n(count) })),
      shownSet(included, this.#shownIds, (count) => t('compare.filtered', { n: n(count) })),
    ];
    const kept = this.#kept;
    const gone = (/** @type {string | null} */ key) => key != null && !this.find(liveKey(key, docs, this.#documentKey));
    this.stale = gone(kept.target) || gone(kept.reference);
    if (!this.#chosen || !this.find(this.target)) this.target = this.sets[0]?.key ?? null;
    if (!this.find(this.reference)) this.reference = null;
    this.documentFilter.hidden = docs.length <= CHOICE_LIMIT;
    const query = this.documentFilter.hidden ? '' : this.documentFilter.value;
    const asId = (/** @type {string | null} */ key) => (key && /^\d+$/.test(key) ? Number(key) : null);
    const targets = chooseAmong(docs, query, asId(this.target));
    const references = chooseAmong(included, query, asId(this.reference));
    const key = [
      listKey(targets.shown, isIn, `${targets.hidden}`),
      listKey(references.shown, null, `${references.hidden}`),
      ...this.sets.filter((s) => s.kind !== 'document').map((s) => `${s.key}=${s.label}`),
    ].join('|');
    if (key !== this.#listsKey) {
      this.#listsKey = key;
      this.#rebuild(targets, references, isIn);
    }
    if (this.target != null) this.targetSelect.value = this.target;
    this.targetSelect.disabled = included.length < 2;
    this.referenceSelect.value = this.reference ?? '';
    this.referenceSelect.disabled = included.length < 2;
  }

  /**
   * @param {{shown: DocumentInfo[], hidden: number}} targets
   * @param {{shown: DocumentInfo[], hidden: number}} references
   * @param {Set<number>} isIn the included documents' ids
   */
  #rebuild(targets, references, isIn) {
    const t = this.#t;
    const title = (/** @type {DocumentInfo} */ d) => d.title || d.name;
    const excluded = t('compare.excluded');
    const more = (/** @type {number} */ n) =>
      n > 0 ? [h('option', { value: '-', disabled: true }, t('choice.more', { n: formatNumber(n) }))] : [];
    const documents = targets.shown.map((d) =>
      h(
        'option',
        { value: String(d.id), disabled: !isIn.has(d.id), title: d.name },
        isIn.has(d.id) ? title(d) : title(d) + excluded,
      ),
    );
    const groups = () =>
      SET_KINDS.flatMap((kind) => {
        const sets = this.sets.filter((s) => s.kind === kind);
        return sets.length
          ? [
              h(
                'optgroup',
                { label: t(`compare.sets.${kind}`) },
                ...sets.map((s) => h('option', { value: s.key }, s.label)),
              ),
            ]
          : [];
      });
    this.targetSelect.replaceChildren(...documents, ...more(targets.hidden), ...groups());
    this.referenceSelect.replaceChildren(
      h('option', { value: '' }, t('compare.rest')),
      h(
        'optgroup',
        { label: t('compare.sets.document') },
        ...references.shown.map((d) => h('option', { value: String(d.id) }, title(d))),
        ...more(references.hidden),
      ),
      ...groups(),
    );
  }
}
