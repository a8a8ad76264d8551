// @ts-check
// One row of the document list: include box, title, file name, metadata (date with where it
// came from, source, author, groups), encoding and size, and its buttons. Rows are reused by the
// virtual list, so render() sets every part each time. User text only ever as textContent.

/** @typedef {import('../../shapes.js').DocumentInfo} DocumentInfo */
/** @typedef {import('../../shapes.js').ViewContext} ViewContext */

/**
 * The row's parts, made once per <li>.
 * @param {HTMLLIElement} li
 */
function build(li) {
  li.innerHTML = `
    <label><input type="checkbox" /><span class="doc-text">
      <span class="doc-title"></span><span class="doc-name"></span>
      <span class="doc-info"></span><span class="doc-meta"><span class="doc-encoding"></span> · <span class="doc-script"></span><span class="doc-size"></span></span>
    </span></label>
    <span class="doc-actions">
      <button type="button" class="link open" data-action="open"></button>
      <button type="button" class="link edit" data-action="edit"></button>
      <button type="button" class="link only" data-action="only"></button>
      <button type="button" class="link remove" data-action="remove">×</button>
    </span>`;
}

/** The metadata line: date (and where it came from when not the text), source, author, groups. */
export function infoParts(/** @type {DocumentInfo} */ doc, /** @type {ViewContext['t']} */ t) {
  const parts = [];
  if (doc.date) {
    const from = doc.dateSource && doc.dateSource !== 'text' ? t(`docs.dateFrom.${doc.dateSource}`) : '';
    parts.push(from ? `${doc.date}（${from}）` : doc.date);
  } else {
    parts.push(t('docs.noDate'));
  }
  if (doc.source) parts.push(doc.source);
  if (doc.author) parts.push(doc.author);
  if (doc.groups.length) parts.push(doc.groups.map((g) => `#${g}`).join(' '));
  return parts;
}

/**
 * Fills `li` for `doc`.
 * @param {HTMLLIElement} li
 * @param {DocumentInfo} doc
 * @param {{t: ViewContext['t'], nf: Intl.NumberFormat, included: boolean, duplicateTitle: string | null}} options
 */
export function renderRow(li, doc, { t, nf, included, duplicateTitle }) {
  if (!li.firstElementChild) build(li);
  li.dataset.id = String(doc.id);
  li.classList.toggle('included', included);
  li.classList.toggle('duplicate', duplicateTitle !== null);
  const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (li.querySelector(s));
  const box = /** @type {HTMLInputElement} */ (q('input'));
  box.value = String(doc.id);
  box.checked = included;
  box.title = t('docs.include');
  const title = q('.doc-title');
  title.textContent = doc.title || doc.name;
  title.title = duplicateTitle === null ? doc.name : t('duplicates.sameTitle', { title: duplicateTitle });
  q('.doc-name').textContent = doc.name;
  const info = q('.doc-info');
  info.textContent = infoParts(doc, t).join(' · ');
  const from = doc.dateSource ? t(`docs.dateSource.${doc.dateSource}`) : t('docs.noDate');
  info.title = `${info.textContent}\n${from}`;
  q('.doc-encoding').textContent = doc.encoding;
  // 繁體 documents: whether they are counted with the simplified ones yet (issue 10).
  const script = q('.doc-script');
  const traditional = doc.script === 'traditional';
  script.dataset.script = doc.script;
  script.textContent = t(traditional ? (doc.converted ? 'docs.converted' : 'docs.traditional') : 'docs.simplified');
  script.title = t(`docs.scriptTitle.${traditional ? (doc.converted ? 'converted' : 'waiting') : 'simplified'}`);
  q('.doc-size').textContent = ` · ${t('docs.size', { chars: nf.format(doc.chars), tokens: nf.format(doc.tokens) })}`;
  const open = q('button.open');
  open.textContent = t('docs.open');
  open.title = t('docs.openTitle', { name: doc.name });
  const edit = q('button.edit');
  edit.textContent = t('docs.edit');
  edit.title = t('docs.editTitle', { name: doc.name });
  const only = q('button.only');
  only.textContent = t('docs.only');
  only.title = t('docs.onlyTitle');
  const remove = q('button.remove');
  remove.title = t('docs.removeTitle', { name: doc.name });
  remove.setAttribute('aria-label', remove.title);
}
