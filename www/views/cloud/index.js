// @ts-check
// The word cloud (词云): the top terms of the analysis, sized by the keyword weight a person
// picks, laid out by the Rust engine in the cloud's worker (layout.js; the page's thread never
// lays out) and drawn as SVG (render.js), in the look a person chose (toolbar.js, persisted in
// settings.cloud), coloured as chosen with a legend where the colours need one (colouring.js),
// in the person's own picture kept across a reload (mask-control.js), with a word menu
// (menu.js), the words that did not fit named, a table of the numbers, and PNG/SVG exports.
import { DEFAULT_SETTINGS } from '../../defaults.js';
import { downloadBlob, fileName, pngBlob, svgBlob } from '../../export.js';
import { numberFormat, onLangChange } from '../../i18n.js';
import { h } from '../shared.js';
import './cloud.css';
import { installedFonts, SAMPLE } from './fonts.js';
import { CloudColouring } from './colouring.js';
import { CloudLayouter, warmUp } from './layout.js';
import { MaskControl, pictureKept } from './mask-control.js';
import { WordMenu } from './menu.js';
import { cloudBox, cloudDrawn, drawCloud, observeWidth, recolorCloud } from './render.js';
import { CLOUD_FONT, cloudHeight, exportSize, fontStack } from './style.js';
import { CloudNumbers } from './table.js';
import { CloudToolbar } from './toolbar.js';
import { topWords, weightField } from './words.js';

/** @typedef {import('../shared.js').ViewContext} ViewContext */
/** @typedef {import('../shared.js').ViewState} ViewState */
/** @typedef {import('./style.js').CloudWord} CloudWord */
/** @typedef {import('../../defaults.js').CloudSettings} CloudSettings */
/** @typedef {import('./layout.js').CloudLayout} CloudLayout */

export class CloudView {
  /** @type {ViewContext} */
  #ctx;
  /** @type {{terms?: any[], network?: {nodes?: {term: string, community: number}[]}} | null} */
  #analysis = null;
  /** @type {ViewState | null} */
  #state = null;
  /** @type {CloudSettings} the look, as last set here or in the settings */
  #look = { ...DEFAULT_SETTINGS.cloud, pins: [] };
  #layouter = new CloudLayouter();
  /** @type {string | null} what was laid out last */
  #layoutKey = null;
  /** @type {string | null} the key of the layout asked of the worker and not back yet */
  #inFlight = null;
  #dirty = false;
  /** @type {{layout: CloudLayout, words: CloudWord[]} | null} */
  #drawn = null;
  #resize;
  #lastWidth = 0;
  #layouts = 0;
  /** @type {Promise<void>} the layout under way */
  #pending = Promise.resolve();
  /** @type {MaskControl} the person's picture as the shape */
  #mask;
  /** @type {CloudColouring} */
  #colouring;

  /** @param {HTMLElement} container @param {ViewContext} ctx */
  constructor(container, ctx) {
    this.container = container;
    this.#ctx = ctx;
    container.classList.add('cloud-view');
    warmUp();

    this.toolbar = new CloudToolbar(ctx.t, {
      look: (patch) => this.#setLook(patch),
      weight: (weight) => ctx.setSettings({ keywordWeight: weight }),
      reshuffle: () => this.#setLook({ seed: (this.#look.seed + 0x9e3779b9) >>> 0 }),
      png: (ask) => this.#export('png', ask),
      svg: () => this.#export('svg', {}),
      mask: (file) => this.#mask.load(file, this.#look.threshold),
      threshold: (value, final) => (final ? this.#setLook({ threshold: value }) : this.#mask.preview(value)),
      clearMask: () => this.#mask.clear(),
      resetLook: () => {
        this.#mask.clear();
        this.#setLook({ ...DEFAULT_SETTINGS.cloud, pins: [] });
      },
    });
    // Measuring which fonts are installed took ~95 ms of the page's thread in a cold start-up
    // (every candidate matched and shaped twice), before the first cloud: it waits for the menu.
    this.toolbar.whenFontsWanted(() => this.toolbar.setFonts(this.#fonts()));
    // 全部 · 人物 · 地点 · 机构 (www/ui/pos-filter.js): the settings' filter.pos, as in the
    // keywords and network toolbars; with the look (样式), which a narrow screen folds away so
    // that the cloud stays on the first screen.
    this.posFilter = ctx.posFilter();
    this.toolbar.styleRow.querySelector('.cloud-style')?.prepend(this.posFilter.element);

    this.note = h('p', { class: 'cloud-note', role: 'status', hidden: true });
    const { box, svg } = cloudBox();
    this.box = box;
    this.svg = svg;
    this.menu = new WordMenu(box);

    this.numbers = new CloudNumbers(ctx);
    this.#mask = new MaskControl(ctx, this.toolbar, box, () => this.#render());
    this.#colouring = new CloudColouring(ctx, () => this.#recolor());

    container.append(
      this.toolbar.element,
      this.toolbar.styleRow,
      this.#colouring.element,
      this.note,
      this.box,
      this.numbers.element,
    );
    this.#resize = observeWidth(this.box, () => this.#render());
    this.#label();
    onLangChange(() => {
      this.#label();
      this.#layoutKey = null; // tooltips and the table are in the old language
      this.#render();
    });
  }

  /** @param {{terms?: any[]}} analysis @param {ViewState} state */
  update(analysis, state) {
    this.#analysis = analysis;
    this.#state = state;
    this.#colouring.analysed();
    if (state) this.posFilter.update(state);
    const look = state?.settings?.cloud;
    if (look) {
      // The first time the stored look is known: the picture kept with it comes back.
      if (!this.#restoreAsked) this.#restore(look.threshold);
      this.#look = { ...look };
    }
    this.#render();
  }

  #restoreAsked = false;
  #holding = false; // nothing is laid out while the picture kept by the last visit comes back

  /** The kept picture back; when there is one, the cloud waits for it. @param {number} threshold */
  #restore(threshold) {
    this.#restoreAsked = true;
    const restored = this.#mask.restore(threshold);
    if (!pictureKept()) return;
    this.#holding = true;
    const hold = restored
      .catch(() => {})
      .then(() => {
        this.#holding = false;
        this.#render();
        return this.#pending === hold ? undefined : this.#pending;
      });
    this.#pending = hold;
  }

  /** Resolves once the cloud asked for last is drawn (or failed, or was overtaken). */
  settled() {
    return this.#pending;
  }

  show() {
    if (this.#dirty || this.box.clientWidth !== this.#lastWidth) this.#render();
    else this.#recolor(); // the sets chosen in Compare (the colour by keyness) may have changed
  }

  // The section, not the box: the box itself is hidden while there are no words.
  get #visible() {
    return this.container.clientWidth > 0;
  }

  #label() {
    const t = this.#ctx.t;
    this.toolbar.label();
    this.svg.setAttribute('aria-label', t('cloud.aria'));
    this.numbers.label();
  }

  /** The installed CJK fonts, by measuring (www/views/cloud/fonts.js). */
  #fonts() {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return [];
    return installedFonts((font) => {
      context.font = font;
      return context.measureText(SAMPLE).width;
    });
  }

  /** @param {Partial<CloudSettings>} patch */
  #setLook(patch) {
    this.#look = { ...this.#look, ...patch };
    this.#render();
    this.#ctx.setSettings({ cloud: patch });
  }

  #fontStack() {
    return this.#look.font ? fontStack(this.#look.font) : CLOUD_FONT;
  }

  /** The engine's options for a box of this size. @param {number} width @param {number} height */
  #options(width, height) {
    const look = this.#look;
    return {
      width,
      height,
      shape: look.shape,
      orientation: look.orientation,
      seed: look.seed,
      font: { family: this.#fontStack(), weight: look.weight },
      ...(this.#mask.picture
        ? {
            mask: {
              width: this.#mask.picture.width,
              height: this.#mask.picture.height,
              pixels: this.#mask.picture.pixels,
              threshold: look.threshold,
            },
          }
        : {}),
    };
  }

  #render() {
    this.toolbar.render(this.#look, weightField(this.#state?.settings?.keywordWeight), {
      colorBy: this.#colouring.offer(this.#analysis),
      mask: this.#mask.picture?.name ?? null,
    });
    // Hidden: remember to draw when shown (update() must stay cheap then).
    if (!this.#visible) {
      // Hidden: lay out when shown; what was drawn is out of date, so it is not shown then.
      if (!this.#dirty) {
        this.#dirty = true;
        this.#layouter.cancel();
        this.#inFlight = null;
        this.svg.replaceChildren();
        this.#drawn = null;
        this.#layoutKey = null;
        this.box.dataset.state = 'stale';
      }
      return;
    }
    this.#dirty = false;
    if (this.#holding) {
      this.box.dataset.state = 'laying-out'; // the kept picture first (#restore)
      return;
    }
    const field = weightField(this.#state?.settings?.keywordWeight);
    const words = topWords(this.#analysis?.terms ?? [], field, this.#look.count, (term) => this.#ctx.displayTerm(term));
    this.box.hidden = words.length === 0;
    this.box.classList.toggle('cloud-transparent', this.#look.background === 'transparent');
    const width = this.box.clientWidth;
    const height = cloudHeight(width);
    this.#lastWidth = width;
    this.#resize.rendered(width);
    this.toolbar.setEmpty(words.length === 0);
    if (words.length === 0) {
      this.svg.replaceChildren();
      this.#layouter.cancel(); // a cloud asked for before is not drawn over this
      this.#inFlight = null;
      this.box.dataset.state = 'drawn'; // nothing to lay out: what is shown is final
      this.#drawn = null;
      this.#layoutKey = null;
      this.#showNote(this.#ctx.t('cloud.empty'));
      this.numbers.fill(words, field, new Set());
      return;
    }
    const options = this.#options(width, height);
    const { mask, ...rest } = options;
    const key = JSON.stringify([
      field,
      rest,
      mask ? [this.#mask.picture?.name, mask.threshold] : null,
      words.map((w) => [w.text, w.weight, w.count]),
    ]);
    // The same cloud is being laid out already (the live analysis of a pristine start is the
    // snapshot's): that layout is drawn when it comes, with the colours of the moment.
    if (key === this.#inFlight) return;
    if (key === this.#layoutKey && this.#drawn) {
      // Only the colours or the background changed: the same elements, new fills.
      if (!recolorCloud(this.svg, this.#colors(this.#drawn.words), this.#look.background)) {
        this.#draw(this.#drawn.layout, this.#drawn.words, field);
      }
      return;
    }
    this.#layoutKey = key;
    this.#inFlight = key;
    this.box.dataset.state = 'laying-out';
    const engineWords = words.map((w) => ({ text: w.text, weight: w.weight }));
    this.#pending = this.#layouter.run(engineWords, options).then(
      (layout) => {
        if (this.#inFlight === key) this.#inFlight = null;
        if (!layout) return; // a newer layout was asked for
        this.#layouts++;
        return this.#draw(layout, words, field);
      },
      (err) => {
        if (this.#inFlight === key) this.#inFlight = null;
        if (key !== this.#layoutKey) return;
        this.#layoutKey = null;
        this.box.dataset.state = 'failed';
        this.#showNote(this.#ctx.errorText(err));
      },
    );
  }

  /** @param {CloudLayout} layout @param {CloudWord[]} words @param {string} field */
  #draw(layout, words, field) {
    const t = this.#ctx.t;
    this.#drawn = { layout, words };
    const colors = this.#colors(words);
    const weightName = t(`cloud.weight.${field}`);
    const nf = numberFormat(); // one formatter for every word (making one is not free)
    const drawing = drawCloud(this.svg, layout, words, {
      colors,
      font: this.#fontStack(),
      weight: this.#look.weight,
      background: this.#look.background,
      onWordClick: (word) => this.#ctx.showContexts(word.term ?? word.text),
      // The colour it has now (a recolouring does not draw the words again).
      onWordMenu: (word, node, at) =>
        this.#openMenu(word, node.getAttribute('fill') ?? colors[words.indexOf(word)], node, at),
      label: (w) =>
        field === 'freq'
          ? t('cloud.tipFreq', { count: nf.format(w.count) })
          : `${t('cloud.tipFreq', { count: nf.format(w.count) })} · ${weightName} ${this.numbers.formatWeight(w.weight, field)}`,
    });
    const unplaced = layout.unplaced.map((u) => u.text);
    this.#showNote(unplaced.length ? t('cloud.unplaced', { n: unplaced.length, words: unplaced.join('、') }) : '');
    this.numbers.fill(words, field, new Set(unplaced));
    // Drawn a frame at a time (render.js): the state says when every word is in.
    return drawing.then((complete) => {
      // Not drawn while a newer layout is coming (a picture kept from the last visit, restored
      // while the cloud without it was still being drawn): the state says what will be shown.
      if (!complete || this.#inFlight !== null) return;
      this.box.dataset.state = 'drawn';
      this.container.dataset.layouts = String(this.#layouts);
    });
  }

  /** Each word's colour, as the look and the data say. @param {CloudWord[]} words */
  #colors(words) {
    return this.#colouring.colors(words, this.#look, this.#analysis, this.#state);
  }

  /** The colour data came: the words drawn take their colours. */
  #recolor() {
    const drawn = this.#drawn;
    if (!drawn || !this.#visible) return;
    recolorCloud(this.svg, this.#colors(drawn.words), this.#look.background);
  }

  /** @param {string} text */
  #showNote(text) {
    this.note.textContent = text;
    this.note.hidden = !text;
  }

  /** @param {CloudWord} word @param {string} color @param {Element} node @param {{x: number, y: number} | null} at */
  #openMenu(word, color, node, at) {
    const t = this.#ctx.t;
    const term = word.term ?? word.text; // `text` is how it is shown (简体 / 繁體)
    const pinned = this.#look.pins.some(([pinnedTerm]) => pinnedTerm === term);
    const openMerge = this.#ctx.openMerge;
    this.menu.show(
      word.text,
      [
        { key: 'contexts', label: t('cloud.menu.contexts'), run: () => this.#ctx.showContexts(term) },
        { key: 'stop', label: t('cloud.menu.stop'), run: () => this.#ctx.addStopWords([term]) },
        ...(typeof openMerge === 'function'
          ? [{ key: 'merge', label: t('cloud.menu.merge'), run: () => openMerge(term) }]
          : []),
        pinned
          ? {
              key: 'unpin',
              label: t('cloud.menu.unpin'),
              run: () => this.#setLook({ pins: this.#look.pins.filter(([pinnedTerm]) => pinnedTerm !== term) }),
            }
          : {
              key: 'pin',
              label: t('cloud.menu.pin'),
              run: () => {
                /** @type {[string, string]} */
                const pin = [term, color];
                this.#setLook({ pins: [...this.#look.pins, pin].slice(-500) });
              },
            },
      ],
      node,
      at,
    );
  }

  /** @param {'png' | 'svg'} kind @param {{scale?: number, width?: number | null}} ask */
  async #export(kind, ask) {
    await cloudDrawn(this.svg); // never half a cloud
    const drawn = this.#drawn;
    if (!drawn) return;
    try {
      const field = weightField(this.#state?.settings?.keywordWeight);
      const name = fileName(`wordcloud-${field}`, kind);
      if (kind === 'svg') return downloadBlob(name, svgBlob(this.svg));
      const box = { width: drawn.layout.width, height: drawn.layout.height };
      const size = exportSize(box, ask);
      downloadBlob(name, await pngBlob(this.svg, size.factor, box));
    } catch (/** @type {any} */ err) {
      this.#ctx.notify(this.#ctx.t('cloud.exportFailed', { message: this.#ctx.errorText(err) }), 'error');
    }
  }
}
