// @ts-check
// A person's own picture as the cloud's shape: a PNG, JPEG or SVG file read in the page (never
// sent anywhere) into RGBA pixels, at most MAX_SIDE px a side; the engine decides which pixels
// are the area (dark or opaque ones, at a threshold) in the worker.

const MAX_SIDE = 800;
/** The largest picture kept across a reload (and read at all): a poster's silhouette is far less. */
export const MAX_MASK_BYTES = 5 * 1024 * 1024;
export const MASK_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];
export const MASK_ACCEPT = '.png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml';

/** @typedef {{width: number, height: number, pixels: Uint8ClampedArray, name: string}} MaskPicture */

/** An error with the page's code (errors.js renders `error.mask_unreadable`). @param {string} name */
const unreadable = (name) =>
  Object.assign(new Error(`cannot read the picture ${name}`), { code: 'mask_unreadable', params: { name } });

/** The picture is over MAX_MASK_BYTES (errors.js renders `error.mask_too_large`). @param {string} name @param {number} bytes */
export const tooLarge = (name, bytes) =>
  Object.assign(new Error(`the picture ${name} is too large`), {
    code: 'mask_too_large',
    params: { name, mb: (bytes / 1048576).toFixed(1), max: MAX_MASK_BYTES / 1048576 },
  });

/** @param {File} file */
async function decode(file) {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    // An SVG without width and height has no natural size: draw it at the largest.
    const width = image.naturalWidth || MAX_SIDE;
    const height = image.naturalHeight || MAX_SIDE;
    return { image, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The picture's pixels, scaled down to MAX_SIDE on its longer side (never up).
 * @param {File} file
 * @returns {Promise<MaskPicture>}
 */
export async function readMaskPicture(file) {
  const isSvg = file.type === 'image/svg+xml' || /\.svg$/i.test(file.name);
  if (!isSvg && !MASK_TYPES.includes(file.type) && !/\.(png|jpe?g)$/i.test(file.name)) throw unreadable(file.name);
  let decoded;
  try {
    decoded = await decode(file);
  } catch {
    throw unreadable(file.name);
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(decoded.width, decoded.height));
  const width = Math.max(1, Math.round(decoded.width * scale));
  const height = Math.max(1, Math.round(decoded.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d', { willReadFrequently: true }));
  context.drawImage(decoded.image, 0, 0, width, height);
  return { width, height, pixels: context.getImageData(0, 0, width, height).data, name: file.name };
}

/**
 * Paints a mask preview (255 inside) onto `canvas`: the area dark, the rest light.
 * @param {HTMLCanvasElement} canvas
 * @param {{width: number, height: number, pixels: Uint8Array}} mask
 */
export function paintPreview(canvas, mask) {
  canvas.width = mask.width;
  canvas.height = mask.height;
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const image = context.createImageData(mask.width, mask.height);
  for (let i = 0; i < mask.pixels.length; i++) {
    const inside = mask.pixels[i] > 0;
    image.data.set(inside ? [179, 38, 30, 255] : [240, 240, 240, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}
