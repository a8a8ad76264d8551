// @ts-check
// Downloads made in the page: CSV for spreadsheets, SVG and PNG for charts, anything as a Blob.
// Nothing is uploaded: every file is built here and handed to the browser's download.
import { codedError } from './protocol.js';

/** Offer `blob` as a download called `filename`. @param {string} filename @param {Blob} blob */
export function downloadBlob(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A cell a spreadsheet will not run: a formula (a leading =, +, -, at sign, tab or CR) gets a leading '. */
export function csvCell(/** @type {unknown} */ value) {
  let text = value == null ? '' : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as UTF-8 with a byte-order mark, so Excel opens Chinese correctly.
 * @param {unknown[]} header
 * @param {unknown[][]} rows
 */
export function csvBlob(header, rows) {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/**
 * A standalone SVG file of `svg` (an <svg> element), with its size and a white background, but
 * for a drawing that says its own (`data-background`: the cloud draws its colour, or none).
 * `fileSize`: the file's width and height in pixels instead of the drawing's (a PNG is
 * rasterised at its own size, so it stays sharp; the drawing fills it exactly).
 * @param {SVGSVGElement} svg
 * @param {{width: number, height: number}} [fileSize]
 */
export function svgText(svg, fileSize) {
  const clone = /** @type {SVGSVGElement} */ (svg.cloneNode(true));
  const { width, height } = svgSize(svg);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttribute('width', String(fileSize?.width ?? width));
  clone.setAttribute('height', String(fileSize?.height ?? height));
  if (fileSize) clone.setAttribute('preserveAspectRatio', 'none');
  if (svg.dataset.background === undefined) {
    const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', '#ffffff');
    clone.insertBefore(background, clone.firstChild);
  }
  // Inline the font so the file looks the same elsewhere.
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export const svgBlob = (/** @type {SVGSVGElement} */ svg) =>
  new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' });

/**
 * A PNG of `svg` at `scale` × its CSS size (2 by default, sharp on high-DPI screens), or ×
 * `size` when given (the drawing's own size, for a PNG of an exact pixel width).
 * @param {SVGSVGElement} svg
 * @param {number} [scale]
 * @param {{width: number, height: number}} [size]
 * @returns {Promise<Blob>}
 */
export async function pngBlob(svg, scale = 2, size = svgSize(svg)) {
  // The file's own size is the PNG's: drawn 1:1, never a bitmap scaled (blurred) afterwards.
  const pixels = { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
  const url = URL.createObjectURL(new Blob([svgText(svg, pixels)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(codedError('png_failed', {}, 'PNG export failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function svgSize(/** @type {SVGSVGElement} */ svg) {
  const box = svg.viewBox?.baseVal;
  const rect = svg.getBoundingClientRect();
  const width = rect.width || box?.width || Number(svg.getAttribute('width')) || 800;
  const height = rect.height || box?.height || Number(svg.getAttribute('height')) || 600;
  return { width, height };
}

/** A file name safe on every system, from a base and an extension. */
export function fileName(/** @type {string} */ base, /** @type {string} */ extension) {
  const stamp = new Date().toISOString().slice(0, 10);
  return `wenxi-${base}-${stamp}.${extension}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
