// @ts-check
// The cloud's controls: what it shows (weight, how many words), how it looks (orientation,
// shape or the person's own picture with its threshold and a live preview, palette, colour by,
// background, font and weight), 重新排列, and the exports (PNG at 1×–4× or a pixel width, SVG).
// It knows its own DOM and reports what a person did; the view decides.
import { h } from '../shared.js';
import { FONT_WEIGHTS } from './fonts.js';
import { MASK_ACCEPT, paintPreview } from './mask.js';
import { COLOR_BY, PALETTE_NAMES } from './style.js';
import { WEIGHTS } from './words.js';

// What shows that the font menu is about to open: listing the installed fonts waits for it.
const FONT_MENU_EVENTS = /** @type {const} */ (['pointerdown', 'focus', 'keydown']);

/** @typedef {import('../../defaults.js').CloudSettings} CloudSettings */
/**
 * @typedef {object} ToolbarHandlers
 * @property {(patch: Partial<CloudSettings>) => void} look
 * @property {(weight: string) => void} weight
 * @property {() => void} reshuffle
 * @property {(ask: {scale?: number, width?: number | null}) => void} png
 * @property {() => void} svg
 * @property {(file: File) => void} mask
 * @property {(threshold: number, final: boolean) => void} threshold
 * @property {() => void} clearMask
 * @property {() => void} resetLook the look and the picture back to the defaults
 */

export const COUNTS = [50, 100, 150, 200];
export const ORIENTATIONS = ['horizontal', 'mixed', 'vertical'];
export const SHAPES = [
  'ellipse',
  'circle',
  'rectangle',
  'heart',
  'star',
  'diamond',
  'triangle',
  'hexagon',
  'speechBubble',
  'cloud',
];
const PNG_SIZES = ['1', '2', '3', '4', 'width'];

/** A labelled <select> whose options are `values`; labels come later (label()). */
function select(/** @type {string} */ name, /** @type {readonly (string | number)[]} */ values) {
  const node = h('select', { name });
  for (const value of values) node.append(h('option', { value: String(value) }));
  return node;
}

export class CloudToolbar {
  /** @param {(key: string, vars?: object) => string} t @param {ToolbarHandlers} on */
  constructor(t, on) {
    this.t = t;
    this.weight = select('weight', WEIGHTS);
    this.count = select('count', COUNTS);
    this.orientation = select('orientation', ORIENTATIONS);
    this.shape = select('shape', [...SHAPES, 'custom']);
    this.palette = select('palette', PALETTE_NAMES);
    this.colorBy = select('colorBy', COLOR_BY);
    this.font = select('font', ['']);
    this.fontWeight = select('fontWeight', FONT_WEIGHTS);
    this.background = h('input', { type: 'color', name: 'background', value: '#ffffff' });
    this.transparent = h('input', { type: 'checkbox', name: 'transparent' });
    this.reshuffle = h('button', { type: 'button', dataset: { action: 'reshuffle' } });
    this.pngSize = select('pngSize', PNG_SIZES);
    this.pngSize.value = '2';
    this.pngWidth = h('input', {
      type: 'number',
      name: 'pngWidth',
      min: '100',
      max: '16000',
      step: '10',
      value: '3000',
      hidden: true,
    });
    this.pngButton = h('button', { type: 'button', dataset: { action: 'export-png' } });
    this.svgButton = h('button', { type: 'button', dataset: { action: 'export-svg' } });

    this.maskInput = h('input', {
      type: 'file',
      accept: MASK_ACCEPT,
      name: 'mask',
      class: 'visually-hidden',
      tabindex: '-1',
    });
    this.maskButton = h('button', { type: 'button', dataset: { action: 'pick-mask' } });
    this.maskClear = h('button', { type: 'button', dataset: { action: 'clear-mask' }, hidden: true });
    this.resetLook = h('button', { type: 'button', dataset: { action: 'reset-look' } });
    this.threshold = h('input', { type: 'range', name: 'threshold', min: '1', max: '255', step: '1', value: '128' });
    this.preview = h('canvas', { class: 'cloud-mask-preview', width: '1', height: '1' });
    this.maskError = h('p', { class: 'cloud-mask-error', role: 'alert', hidden: true });
    this.maskName = h('span', { class: 'cloud-mask-name' });

    /** @type {Record<string, HTMLElement>} */
    this.labels = {};
    const field = (/** @type {string} */ key, /** @type {HTMLElement} */ control) =>
      h('label', { class: 'field' }, (this.labels[key] = h('span')), control);

    this.element = h(
      'div',
      { class: 'cloud-toolbar' },
      field('weight', this.weight),
      field('count', this.count),
      this.reshuffle,
      h('span', { class: 'cloud-spacer' }),
      field('pngSize', this.pngSize),
      this.pngWidth,
      this.pngButton,
      this.svgButton,
    );
    this.maskRow = h(
      'div',
      { class: 'cloud-mask', hidden: true },
      this.preview,
      h('div', {}, this.maskName, field('threshold', this.threshold), this.maskError),
    );
    this.styleSummary = h('summary');
    const style = h(
      'div',
      { class: 'cloud-style' },
      field('orientation', this.orientation),
      field('shape', this.shape),
      field('palette', this.palette),
      field('colorBy', this.colorBy),
      field('background', this.background),
      h('label', { class: 'field' }, this.transparent, (this.labels.transparent = h('span'))),
      field('font', this.font),
      field('fontWeight', this.fontWeight),
      this.maskButton,
      this.maskInput,
      this.maskClear,
      this.resetLook,
    );
    // The look, folded away on a narrow screen (the cloud comes first there), open on a wide one.
    this.styleRow = h(
      'details',
      { class: 'cloud-look', open: globalThis.matchMedia?.('(min-width: 801px)').matches ?? true },
      this.styleSummary,
      style,
      this.maskRow,
    );

    this.weight.addEventListener('change', () => on.weight(this.weight.value));
    this.count.addEventListener('change', () => on.look({ count: Number(this.count.value) }));
    this.orientation.addEventListener('change', () =>
      on.look({ orientation: /** @type {any} */ (this.orientation.value) }),
    );
    this.shape.addEventListener('change', () => {
      const shape = this.shape.value;
      if (shape === 'custom') return this.maskInput.click();
      on.clearMask();
      on.look({ shape: /** @type {any} */ (shape) });
    });
    this.palette.addEventListener('change', () => on.look({ palette: /** @type {any} */ (this.palette.value) }));
    this.colorBy.addEventListener('change', () => on.look({ colorBy: /** @type {any} */ (this.colorBy.value) }));
    this.background.addEventListener('change', () => on.look({ background: this.background.value }));
    this.transparent.addEventListener('change', () =>
      on.look({ background: this.transparent.checked ? 'transparent' : this.background.value }),
    );
    this.font.addEventListener('change', () => on.look({ font: this.font.value }));
    this.fontWeight.addEventListener('change', () => on.look({ weight: Number(this.fontWeight.value) }));
    this.reshuffle.addEventListener('click', () => on.reshuffle());
    this.pngSize.addEventListener('change', () => (this.pngWidth.hidden = this.pngSize.value !== 'width'));
    this.pngButton.addEventListener('click', () =>
      on.png(
        this.pngSize.value === 'width'
          ? { width: Math.round(Number(this.pngWidth.value)) || 3000 }
          : { scale: Number(this.pngSize.value) },
      ),
    );
    this.svgButton.addEventListener('click', () => on.svg());
    this.maskButton.addEventListener('click', () => this.maskInput.click());
    this.maskInput.addEventListener('change', () => {
      const file = this.maskInput.files?.[0];
      this.maskInput.value = '';
      if (file) on.mask(file);
    });
    this.maskClear.addEventListener('click', () => on.clearMask());
    this.resetLook.addEventListener('click', () => on.resetLook());
    this.threshold.addEventListener('input', () => on.threshold(Number(this.threshold.value), false));
    this.threshold.addEventListener('change', () => on.threshold(Number(this.threshold.value), true));
    // A picture dropped on the mask row or its button (the page's own drop zone takes text files).
    for (const zone of [this.maskRow, this.maskButton]) {
      zone.addEventListener('dragover', (event) => {
        event.preventDefault();
        event.stopPropagation();
      });
      zone.addEventListener('drop', (event) => {
        event.preventDefault();
        event.stopPropagation();
        const file = /** @type {DragEvent} */ (event).dataTransfer?.files?.[0];
        if (file) on.mask(file);
      });
    }
  }

  /** Every label in the current language. */
  label() {
    const t = this.t;
    for (const [key, node] of Object.entries(this.labels)) node.textContent = t(`cloud.${key}`);
    const options = (/** @type {HTMLSelectElement} */ node, /** @type {string} */ prefix) => {
      for (const option of node.options) option.textContent = t(`${prefix}.${option.value}`);
    };
    options(this.weight, 'cloud.weight');
    for (const option of this.count.options) option.textContent = option.value;
    options(this.orientation, 'cloud.orientation');
    options(this.shape, 'cloud.shape');
    options(this.palette, 'cloud.palette');
    options(this.colorBy, 'cloud.colorBy');
    options(this.fontWeight, 'cloud.fontWeight');
    options(this.pngSize, 'cloud.pngSize');
    for (const option of this.font.options) option.textContent = option.value || t('cloud.font.default');
    this.pngWidth.setAttribute('aria-label', t('cloud.pngWidth'));
    this.styleSummary.textContent = t('cloud.style');
    this.reshuffle.textContent = t('cloud.reshuffle');
    this.pngButton.textContent = t('cloud.exportPng');
    this.svgButton.textContent = t('cloud.exportSvg');
    this.maskButton.textContent = t('cloud.maskPick');
    this.maskClear.textContent = t('cloud.maskClear');
    this.resetLook.textContent = t('cloud.resetLook');
  }

  /** The fonts a person can choose ('' is the default stack; the one chosen stays, installed
   *  or not). @param {string[]} families */
  setFonts(families) {
    const current = this.font.value;
    const listed = current && !families.includes(current) ? [...families, current] : families;
    this.font.replaceChildren(
      ...['', ...listed].map((f) => h('option', { value: f }, f || this.t('cloud.font.default'))),
    );
    this.font.value = current;
  }

  /** Calls `list()` once, when the font menu is first wanted (pointed at, focused, typed in). */
  whenFontsWanted(/** @type {() => void} */ list) {
    const wanted = () => {
      for (const type of FONT_MENU_EVENTS) this.font.removeEventListener(type, wanted);
      list();
    };
    for (const type of FONT_MENU_EVENTS) this.font.addEventListener(type, wanted);
  }

  /**
   * Shows `look` and what the data offers.
   * @param {CloudSettings} look
   * @param {string} weight
   * @param {{colorBy: readonly string[], mask: string | null}} offer
   */
  render(look, weight, offer) {
    this.weight.value = weight;
    this.count.value = String(look.count);
    this.orientation.value = look.orientation;
    this.shape.value = offer.mask ? 'custom' : look.shape;
    this.palette.value = look.palette;
    for (const option of this.colorBy.options) option.hidden = !offer.colorBy.includes(option.value);
    this.colorBy.value = offer.colorBy.includes(look.colorBy) ? look.colorBy : 'rank';
    this.transparent.checked = look.background === 'transparent';
    if (look.background !== 'transparent') this.background.value = look.background;
    this.background.disabled = look.background === 'transparent';
    // A font chosen on another computer that this one lacks: still shown, so it can be seen.
    if (look.font && ![...this.font.options].some((o) => o.value === look.font))
      this.font.append(h('option', { value: look.font }, look.font));
    this.font.value = look.font;
    this.fontWeight.value = String(look.weight);
    this.threshold.value = String(look.threshold);
    this.maskRow.hidden = !offer.mask;
    this.maskClear.hidden = !offer.mask;
    this.maskName.textContent = offer.mask ?? '';
  }

  /** @param {boolean} empty nothing to export */
  setEmpty(empty) {
    this.pngButton.disabled = empty;
    this.svgButton.disabled = empty;
    this.reshuffle.disabled = empty;
  }

  /** The mask's preview, or the reason there is none. @param {{width: number, height: number, pixels: Uint8Array} | null} mask @param {string} [error] */
  setPreview(mask, error) {
    if (mask) paintPreview(this.preview, mask);
    this.preview.hidden = !mask;
    this.maskError.hidden = !error;
    this.maskError.textContent = error ?? '';
  }
}
