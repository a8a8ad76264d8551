//! The WebAssembly face of the core: the only file that knows wasm-bindgen and js-sys.
//! Results cross as plain objects (camelCase). Failures are JS `Error`s whose `message` is
//! the sentence a user reads and whose own properties `code` and `params` say what went
//! wrong, for the page to render in its language. Tokens stay in wasm memory.

use crate::{
    AnalysisOptions, DispersionOptions, FileOrigin, KeynessOptions, KwicOptions, MetadataPatch,
    PassageOptions, ReuseOptions, SuggestOptions, TrendOptions, Variant, DEFAULT_MIN_CHARS,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The analyzer the page's worker owns.
#[wasm_bindgen]
pub struct Analyzer {
    inner: crate::Analyzer,
}

/// What every export returns: a failure is the JS `Error` that [`js_error`] makes.
type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` for a core error: `message` = the `Display` text, plus own properties `code`
/// (string) and `params` (plain object of strings and numbers) from [`crate::Error::payload`].
fn js_error(error: crate::Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    // The payload serialises as {code, params}; both are copied onto the Error.
    if let Ok(payload) = error.payload().serialize(&serializer()) {
        for key in ["code", "params"] {
            let key = JsValue::from_str(key);
            if let Ok(value) = js_sys::Reflect::get(&payload, &key) {
                let _ = js_sys::Reflect::set(&js, &key, &value);
            }
        }
    }
    js.into()
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    // json_compatible: u64 counts become numbers, not BigInts; maps become objects.
    serde_wasm_bindgen::Serializer::json_compatible()
}

fn to_js<T: Serialize>(value: &T) -> JsResult<JsValue> {
    // A result that cannot be serialised is a bug, not a user's mistake: no code.
    value
        .serialize(&serializer())
        .map_err(|e| JsError::new(&e.to_string()).into())
}

/// Options from JS; `undefined` or `null` means the defaults. An object serde cannot read
/// (a wrong type, an unknown field) is `bad_options`.
fn from_js<T: DeserializeOwned + Default>(value: JsValue) -> JsResult<T> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(crate::Error::BadOptions {
            reason: e.to_string(),
        })
    })
}

fn progress_callback(progress: Option<js_sys::Function>) -> impl FnMut(f64) {
    move |fraction| {
        if let Some(f) = &progress {
            // A failing progress listener must not abort the document.
            let _ = f.call1(&JsValue::NULL, &JsValue::from_f64(fraction));
        }
    }
}

#[wasm_bindgen]
impl Analyzer {
    /// `new Analyzer(wxdBytes)`: the bytes of `wenxi.wxd` (the dictionary the build generates,
    /// next to the .wasm). Builds jieba's dictionary (the costly step); create one per worker.
    /// A damaged file throws an Error that says so (`bad_dictionary`).
    #[wasm_bindgen(constructor)]
    pub fn new(wxd: &[u8]) -> JsResult<Analyzer> {
        Ok(Analyzer {
            inner: crate::Analyzer::with_dictionary(wxd).map_err(js_error)?,
        })
    }

    /// Add a file's bytes: `progress(fraction)` is called while a long file is segmented.
    #[wasm_bindgen(js_name = addDocument)]
    pub fn add_document(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        progress: Option<js_sys::Function>,
    ) -> JsResult<JsValue> {
        // Owned (the glue's copy of the bytes either way): freed once decoded.
        let info = self
            .inner
            .add_owned_file(
                name,
                bytes,
                &FileOrigin::default(),
                &mut progress_callback(progress),
            )
            .map_err(js_error)?;
        to_js(&info)
    }

    /// Add a file with where it came from (`{path, modified, utcOffsetMinutes}`, all optional):
    /// the folders of `path` are its group, its file name and `modified` dates of last resort.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(
        &mut self,
        name: &str,
        bytes: Vec<u8>,
        origin: JsValue,
        progress: Option<js_sys::Function>,
    ) -> JsResult<JsValue> {
        let origin: FileOrigin = from_js(origin)?;
        let info = self
            .inner
            .add_owned_file(name, bytes, &origin, &mut progress_callback(progress))
            .map_err(js_error)?;
        to_js(&info)
    }

    /// Decode, clean and segment a file without adding it: the prepared document as bytes
    /// (a `Uint8Array`, copied out of wasm memory; layout in `src/corpus/stored.rs`), for
    /// [`Analyzer::add_prepared`] here or in another worker, now or on a later visit.
    /// `progress(fraction)` is called while a long file is segmented, as for `addFile`.
    #[wasm_bindgen(js_name = prepareFile)]
    pub fn prepare_file(
        &self,
        name: &str,
        bytes: &[u8],
        origin: JsValue,
        progress: Option<js_sys::Function>,
    ) -> JsResult<Vec<u8>> {
        let origin: FileOrigin = from_js(origin)?;
        self.inner
            .prepare_file_bytes(name, bytes, &origin, &mut progress_callback(progress))
            .map_err(js_error)
    }

    /// `{fits, needs}`: whether `addPrepared(prepared)` would take the document as it is, and
    /// which lazy data (`"posseg"`, `"script"`) it was segmented with that is not loaded yet
    /// (load it, and it may fit). Reads only the start of the bytes; foreign ones throw
    /// `bad_data_file`.
    #[wasm_bindgen(js_name = checkPrepared)]
    pub fn check_prepared(&self, prepared: &[u8]) -> JsResult<JsValue> {
        to_js(&self.inner.check_prepared(prepared).map_err(js_error)?)
    }

    /// Add a document [`Analyzer::prepare_file`] prepared: the same summary as `addFile`.
    /// Damaged, short or foreign bytes throw `bad_data_file` (`file` = "prepared document")
    /// and add nothing; a document prepared under another segmentation key is segmented
    /// again from its text.
    #[wasm_bindgen(js_name = addPrepared)]
    pub fn add_prepared(&mut self, prepared: &[u8]) -> JsResult<JsValue> {
        let info = self.inner.add_prepared_bytes(prepared).map_err(js_error)?;
        to_js(&info)
    }

    /// How documents are segmented now (engine, dictionary, user words, posseg's model, the
    /// script tables), as a string: a prepared document made under another key is segmented
    /// again when added.
    #[wasm_bindgen(js_name = segmentationKey)]
    pub fn segmentation_key(&self) -> String {
        self.inner.segmentation_key().to_string()
    }

    /// Builds jieba now if it is not built yet (it is otherwise built when a text is first
    /// cut): the worker calls it once its first analysis is answered.
    #[wasm_bindgen(js_name = buildSegmenter)]
    pub fn build_segmenter(&self) {
        self.inner.build_segmenter();
    }

    /// A digest of everything an analysis is computed from besides its options (documents,
    /// vocabulary, segmentation, stop words): the same digest and options, the same analysis
    /// (within one build of the .wasm). 32 hex digits.
    #[wasm_bindgen(js_name = analysisDigest)]
    pub fn analysis_digest(&self) -> String {
        self.inner.analysis_digest()
    }

    /// Add pasted text.
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: Option<js_sys::Function>,
    ) -> JsResult<JsValue> {
        let info = self
            .inner
            .add_text(name, text, &mut progress_callback(progress))
            .map_err(js_error)?;
        to_js(&info)
    }

    #[wasm_bindgen(js_name = removeDocument)]
    pub fn remove_document(&mut self, id: u32) -> bool {
        self.inner.remove_document(id)
    }

    pub fn documents(&self) -> JsResult<JsValue> {
        to_js(&self.inner.documents())
    }

    /// Change the metadata of documents `ids` (null = all) with a `MetadataPatch`; returns the
    /// documents changed.
    #[wasm_bindgen(js_name = updateDocuments)]
    pub fn update_documents(&mut self, ids: JsValue, patch: JsValue) -> JsResult<JsValue> {
        let ids: Option<Vec<u32>> = from_js(ids)?;
        let patch: MetadataPatch = from_js(patch)?;
        to_js(
            &self
                .inner
                .update_documents(ids.as_deref(), &patch)
                .map_err(js_error)?,
        )
    }

    /// The cleaned text that every offset counts in (characters).
    #[wasm_bindgen(js_name = documentText)]
    pub fn document_text(&self, id: u32) -> JsResult<String> {
        Ok(self.inner.document_text(id).map_err(js_error)?.to_string())
    }

    /// The lines of a document set aside as page furniture.
    pub fn furniture(&self, id: u32) -> JsResult<JsValue> {
        to_js(&self.inner.furniture(id).map_err(js_error)?)
    }

    /// 重复段落只计一次: count every reused passage (of at least `minChars`, default 50) once.
    #[wasm_bindgen(js_name = setCountOnce)]
    pub fn set_count_once(&mut self, on: bool, min_chars: Option<u32>) -> JsResult<()> {
        self.inner
            .set_count_once(on, min_chars.unwrap_or(DEFAULT_MIN_CHARS))
            .map_err(js_error)
    }

    /// Replace the user words; returns how many documents were re-segmented.
    #[wasm_bindgen(js_name = setUserWords)]
    pub fn set_user_words(&mut self, words: Vec<String>) -> JsResult<u32> {
        Ok(self.inner.set_user_words(&words).map_err(js_error)? as u32)
    }

    #[wasm_bindgen(js_name = userWords)]
    pub fn user_words(&self) -> Vec<String> {
        self.inner.user_words()
    }

    #[wasm_bindgen(js_name = setStopWords)]
    pub fn set_stop_words(&mut self, words: Vec<String>) {
        self.inner.set_stop_words(&words);
    }

    #[wasm_bindgen(js_name = stopWords)]
    pub fn stop_words(&self) -> Vec<String> {
        self.inner.stop_words()
    }

    #[wasm_bindgen(js_name = builtinStopWords)]
    pub fn builtin_stop_words(&self) -> Vec<String> {
        crate::Analyzer::builtin_stop_words()
    }

    pub fn analyze(&self, options: JsValue) -> JsResult<JsValue> {
        let options: AnalysisOptions = from_js(options)?;
        to_js(&self.inner.analyze(&options).map_err(js_error)?)
    }

    pub fn kwic(&self, term: &str, options: JsValue) -> JsResult<JsValue> {
        let options: KwicOptions = from_js(options)?;
        to_js(&self.inner.kwic(term, &options).map_err(js_error)?)
    }

    pub fn keyness(&self, target: Vec<u32>, options: JsValue) -> JsResult<JsValue> {
        let options: KeynessOptions = from_js(options)?;
        to_js(&self.inner.keyness(&target, &options).map_err(js_error)?)
    }

    /// What the cloud colours `terms` by (document group, keyness): `ColourData`.
    #[wasm_bindgen(js_name = colourData)]
    pub fn colour_data(&self, terms: Vec<String>, options: JsValue) -> JsResult<JsValue> {
        let options: crate::ColourDataOptions = from_js(options)?;
        to_js(&self.inner.colour_data(&terms, &options).map_err(js_error)?)
    }

    pub fn trends(&self, terms: Vec<String>, options: JsValue) -> JsResult<JsValue> {
        let options: TrendOptions = from_js(options)?;
        to_js(&self.inner.trends(&terms, &options).map_err(js_error)?)
    }

    pub fn dispersion(&self, term: &str, options: JsValue) -> JsResult<JsValue> {
        let options: DispersionOptions = from_js(options)?;
        to_js(&self.inner.dispersion(term, &options).map_err(js_error)?)
    }

    pub fn reuse(&self, options: JsValue) -> JsResult<JsValue> {
        let options: ReuseOptions = from_js(options)?;
        to_js(&self.inner.reuse(&options).map_err(js_error)?)
    }

    #[wasm_bindgen(js_name = reusePassages)]
    pub fn reuse_passages(&self, a: u32, b: u32, options: JsValue) -> JsResult<JsValue> {
        let options: PassageOptions = from_js(options)?;
        to_js(
            &self
                .inner
                .reuse_passages(a, b, &options)
                .map_err(js_error)?,
        )
    }

    pub fn segment(&self, id: u32) -> JsResult<JsValue> {
        to_js(&self.inner.segment(id).map_err(js_error)?)
    }

    /// Load the script tables (the bytes of `wenxi.wxs`, fetched when `needsScriptData()`
    /// first says so): traditional documents are counted in simplified form from now on, those
    /// added so far re-segmented. Returns how many. A damaged file throws `bad_data_file`.
    #[wasm_bindgen(js_name = setScriptData)]
    pub fn set_script_data(&mut self, wxs: &[u8]) -> JsResult<u32> {
        Ok(self.inner.set_script_data(wxs).map_err(js_error)? as u32)
    }

    /// Whether a traditional document waits for the script tables.
    #[wasm_bindgen(js_name = needsScriptData)]
    pub fn needs_script_data(&self) -> bool {
        self.inner.needs_script_data()
    }

    /// Load the part-of-speech model (the bytes of `wenxi.wxp`): every document is
    /// re-segmented with posseg's tags. Returns how many. A damaged file throws `bad_data_file`.
    #[wasm_bindgen(js_name = setPossegModel)]
    pub fn set_posseg_model(&mut self, wxp: &[u8]) -> JsResult<u32> {
        Ok(self.inner.set_posseg_model(wxp).map_err(js_error)? as u32)
    }

    /// Load jieba's IDF table (the bytes of `wenxi.wxi`, made for this dictionary): until then
    /// every keyword's `tfidf` is `null` and `analyze().idfLoaded` false. Nothing is segmented
    /// again. A damaged file, or one for another dictionary, throws `bad_data_file`.
    #[wasm_bindgen(js_name = loadIdf)]
    pub fn load_idf(&mut self, wxi: &[u8]) -> JsResult<()> {
        self.inner.load_idf(wxi).map_err(js_error)
    }

    #[wasm_bindgen(js_name = hasIdf)]
    pub fn has_idf(&self) -> bool {
        self.inner.has_idf()
    }

    #[wasm_bindgen(js_name = hasPossegModel)]
    pub fn has_posseg_model(&self) -> bool {
        self.inner.has_posseg_model()
    }

    /// `{simplified, traditional, variant}`: documents per script, and the traditional forms
    /// most traditional documents use (the 简体 / 繁體 switch's default).
    pub fn scripts(&self) -> JsResult<JsValue> {
        to_js(&self.inner.scripts())
    }

    /// `terms` (string[]) as traditional text shows them; `variant`: 'standard' | 'taiwan' |
    /// 'hongKong' | undefined (what most traditional documents use). `null` until the script
    /// tables are loaded.
    #[wasm_bindgen(js_name = traditionalForms)]
    pub fn traditional_forms(&self, terms: Vec<String>, variant: JsValue) -> JsResult<JsValue> {
        let variant: Option<Variant> = if variant.is_undefined() || variant.is_null() {
            None
        } else {
            Some(from_js(variant)?)
        };
        to_js(&self.inner.traditional_forms(&terms, variant))
    }

    /// `terms` (string[]) as the corpus counts them: a term typed in traditional script is its
    /// simplified form once traditional documents are counted in simplified (the merge dialog's
    /// typed forms; kwic, trends and dispersion do this themselves).
    #[wasm_bindgen(js_name = countedForms)]
    pub fn counted_forms(&self, terms: Vec<String>) -> Vec<String> {
        self.inner.counted_forms(&terms)
    }

    /// Suggested stop words of a selection: `analysis` as for `analyze` (documents, filter,
    /// merges), `options` `{minFrequency, maxDp, limit}`.
    #[wasm_bindgen(js_name = suggestStopWords)]
    pub fn suggest_stop_words(&self, analysis: JsValue, options: JsValue) -> JsResult<JsValue> {
        let analysis: AnalysisOptions = from_js(analysis)?;
        let options: SuggestOptions = from_js(options)?;
        to_js(&self.inner.suggest_stop_words(&analysis, &options))
    }

    /// Test builds only: panic, as a bug would, to prove the page recovers.
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = panicForTest)]
    pub fn panic_for_test(&self) {
        panic!("deliberate failure (test hook)");
    }
}

// ---- The word cloud's layout --------------------------------------------------------------
//
// Needs no Analyzer and no dictionary: the page runs it in a worker of its own (its own small
// instance of this .wasm), so that a layout never waits behind an analysis. Glyphs are drawn
// with an OffscreenCanvas 2D context, which workers have.

use crate::{
    BoxRasterizer, CloudEngine, CloudOptions, CloudWord, FontSpec, Glyphs, Ink, Rasterizer,
    RunMetrics, Shape,
};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{OffscreenCanvas, OffscreenCanvasRenderingContext2d};

/// Measures and draws runs of text on an OffscreenCanvas, one bit per pixel of ink.
struct CanvasRasterizer {
    canvas: OffscreenCanvas,
    context: OffscreenCanvasRenderingContext2d,
    /// The CSS font last set (setting it is not free, and most runs share it).
    font: String,
    /// Runs measured, by font and text: the engine measures a run, then draws it, and a
    /// canvas measures slowly (tens of µs).
    measured: std::collections::HashMap<(String, String), web_sys::TextMetrics>,
}

fn canvas_error(reason: JsValue) -> crate::Error {
    crate::Error::Rasterizer {
        reason: reason
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| reason.as_string())
            .unwrap_or_else(|| "OffscreenCanvas".into()),
    }
}

impl CanvasRasterizer {
    fn new() -> crate::Result<CanvasRasterizer> {
        let canvas = OffscreenCanvas::new(256, 256).map_err(canvas_error)?;
        let options = js_sys::Object::new();
        // Kept in memory rather than on a GPU: every glyph is read back.
        js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE)
            .map_err(canvas_error)?;
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .map_err(canvas_error)?
            .ok_or_else(|| canvas_error("no 2d context".into()))?
            .dyn_into::<OffscreenCanvasRenderingContext2d>()
            .map_err(|_| canvas_error("not a 2d context".into()))?;
        Ok(CanvasRasterizer {
            canvas,
            context,
            font: String::new(),
            measured: std::collections::HashMap::new(),
        })
    }

    fn use_font(&mut self, font: &FontSpec, size: f64) -> crate::Result<()> {
        let css = font.css(size);
        if css != self.font {
            // A font the canvas cannot parse is ignored without a word: set a known one
            // first, so that a refusal shows.
            self.context.set_font("1px serif");
            self.context.set_font(&css);
            if self.context.font() == "1px serif" {
                return Err(crate::Error::BadOption {
                    option: "font.family",
                    value: font.family.clone(),
                });
            }
            self.font = css;
        }
        Ok(())
    }

    /// A run's metrics at [`MEASURED_AT`] px (they scale with the size): measured once per
    /// run and font, as a canvas measures slowly (tens of µs a run).
    fn text_metrics(&mut self, run: &str, font: &FontSpec) -> crate::Result<web_sys::TextMetrics> {
        let key = (font.css(MEASURED_AT), run.to_string());
        if let Some(m) = self.measured.get(&key) {
            return Ok(m.clone());
        }
        self.use_font(font, MEASURED_AT)?;
        let m = self.context.measure_text(run).map_err(canvas_error)?;
        if self.measured.len() > 20_000 {
            self.measured.clear();
        }
        self.measured.insert(key, m.clone());
        Ok(m)
    }
}

/// The size runs are measured at, px.
const MEASURED_AT: f64 = 64.0;
/// The sheet many runs are drawn on at once: at most this wide and tall, px.
const SHEET_SIDE: u32 = 2048;
/// Free pixels between runs on a sheet.
const SHEET_GAP: u32 = 2;
/// Runs asked for at this size or larger, px, are drawn at half of it and their ink scaled up
/// (conservatively, [`Ink::scaled`]): a quarter of the pixels to draw and read back, for a
/// collision mask at most a pixel bolder. Where the words go is still exact.
const COARSE_FROM: f64 = 32.0;

/// The size a run asked for at `size` is drawn at.
fn coarse_size(size: f64) -> f64 {
    if size >= COARSE_FROM {
        (size / 2.0).round()
    } else {
        size
    }
}

/// A run on a sheet: its index in the runs asked for, its ink box, its corner on the sheet.
type SheetRun = (usize, (i32, i32, u32, u32), (u32, u32));

impl CanvasRasterizer {
    /// A run's ink box from the pen at `size` (left, top, width, height), scaled from where it
    /// was measured, two pixels wider each way for antialiasing and rounding.
    fn ink_box(
        &mut self,
        run: &str,
        font: &FontSpec,
        size: f64,
    ) -> crate::Result<(i32, i32, u32, u32)> {
        let m = self.text_metrics(run, font)?;
        let f = size / MEASURED_AT;
        let left = (-m.actual_bounding_box_left() * f).floor() as i32 - 2;
        let right = (m.actual_bounding_box_right() * f).ceil() as i32 + 2;
        let top = (-m.actual_bounding_box_ascent() * f).floor() as i32 - 2;
        let bottom = (m.actual_bounding_box_descent() * f).ceil() as i32 + 2;
        Ok((
            left,
            top,
            (right - left).max(1) as u32,
            (bottom - top).max(1) as u32,
        ))
    }

    /// Draws `runs` (index into `all`, its box, its corner on the sheet) on one sheet `w` × `h`
    /// and reads it back once.
    fn draw_sheet(
        &mut self,
        all: &[(String, f64)],
        runs: &[SheetRun],
        (w, h): (u32, u32),
        font: &FontSpec,
        out: &mut [Option<Ink>],
    ) -> crate::Result<()> {
        // Resizing clears the sheet and resets the context: the font must be set again.
        if self.canvas.width() != w || self.canvas.height() != h {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
            self.font.clear();
        } else {
            self.context
                .clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        }
        for &(i, (left, top, ..), (x, y)) in runs {
            self.use_font(font, all[i].1)?;
            self.context
                .fill_text(
                    &all[i].0,
                    f64::from(x as i32 - left),
                    f64::from(y as i32 - top),
                )
                .map_err(canvas_error)?;
        }
        let pixels = self
            .context
            .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
            .map_err(canvas_error)?
            .data();
        for &(i, (left, top, bw, bh), (x, y)) in runs {
            let mut alpha = Vec::with_capacity((bw * bh) as usize);
            for row in y..y + bh {
                let start = ((row * w + x) * 4) as usize;
                alpha.extend(
                    pixels.0[start..start + (bw * 4) as usize]
                        .chunks_exact(4)
                        .map(|p| p[3]),
                );
            }
            out[i] = Some(Ink {
                left,
                top,
                bits: crate::Bitmap::from_alpha(bw, bh, &alpha, 1),
            });
        }
        Ok(())
    }
}

impl Rasterizer for CanvasRasterizer {
    fn measure(&mut self, run: &str, font: &FontSpec, size: f64) -> crate::Result<RunMetrics> {
        let m = self.text_metrics(run, font)?;
        // The em box split as the font's own ascent and descent are (what Chrome calls
        // emHeightAscent/Descent): ascent + descent = the size.
        let (a, d) = (m.font_bounding_box_ascent(), m.font_bounding_box_descent());
        let ascent = if a + d > 0.0 {
            size * a / (a + d)
        } else {
            size * 0.88
        };
        Ok(RunMetrics {
            advance: m.width() * size / MEASURED_AT,
            ascent,
            descent: size - ascent,
        })
    }

    fn rasterize(&mut self, run: &str, font: &FontSpec, size: f64) -> crate::Result<Ink> {
        let (left, top, w, h) = self.ink_box(run, font, size)?;
        self.use_font(font, size)?;
        if w > self.canvas.width() || h > self.canvas.height() {
            // Resizing resets the context: the font must be set again.
            self.canvas.set_width(w.max(self.canvas.width()));
            self.canvas.set_height(h.max(self.canvas.height()));
            self.font.clear();
            self.use_font(font, size)?;
        }
        self.context
            .clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        self.context
            .fill_text(run, f64::from(-left), f64::from(-top))
            .map_err(canvas_error)?;
        let pixels = self
            .context
            .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
            .map_err(canvas_error)?
            .data();
        let alpha: Vec<u8> = pixels.0.chunks_exact(4).map(|p| p[3]).collect();
        Ok(Ink {
            left,
            top,
            bits: crate::Bitmap::from_alpha(w, h, &alpha, 1),
        })
    }

    /// Big runs drawn at half size ([`coarse_size`]), then scaled to the size asked for.
    fn rasterize_all(&mut self, all: &[(String, f64)], font: &FontSpec) -> crate::Result<Vec<Ink>> {
        let coarse: Vec<(String, f64)> = all
            .iter()
            .map(|(run, size)| (run.clone(), coarse_size(*size)))
            .collect();
        let inks = self.rasterize_sheets(&coarse, font)?;
        Ok(inks
            .into_iter()
            .zip(all.iter().zip(&coarse))
            .map(|(ink, ((_, asked), (_, drawn)))| {
                if asked == drawn {
                    ink
                } else {
                    ink.scaled(asked / drawn)
                }
            })
            .collect())
    }
}

impl CanvasRasterizer {
    /// Shelves of runs on sheets of [`SHEET_SIDE`], runs of a size together (the font is set
    /// once a size), one read-back a sheet. A run too big for a sheet is drawn alone.
    fn rasterize_sheets(
        &mut self,
        all: &[(String, f64)],
        font: &FontSpec,
    ) -> crate::Result<Vec<Ink>> {
        let mut out: Vec<Option<Ink>> = vec![None; all.len()];
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by(|&a, &b| all[a].1.total_cmp(&all[b].1).then(a.cmp(&b)));
        let mut sheet = Vec::new();
        let (mut x, mut y, mut shelf, mut width) = (0u32, 0u32, 0u32, 0u32);
        for i in order {
            let b = self.ink_box(&all[i].0, font, all[i].1)?;
            let (bw, bh) = (b.2, b.3);
            if bw > SHEET_SIDE || bh > SHEET_SIDE {
                out[i] = Some(self.rasterize(&all[i].0, font, all[i].1)?);
                continue;
            }
            if x + bw > SHEET_SIDE {
                (x, y, shelf) = (0, y + shelf + SHEET_GAP, 0);
            }
            if y + bh > SHEET_SIDE {
                self.draw_sheet(all, &sheet, (width, y), font, &mut out)?;
                sheet.clear();
                (x, y, shelf, width) = (0, 0, 0, 0);
            }
            sheet.push((i, b, (x, y)));
            (x, shelf, width) = (x + bw + SHEET_GAP, shelf.max(bh), width.max(x + bw));
        }
        if !sheet.is_empty() {
            self.draw_sheet(all, &sheet, (width, y + shelf), font, &mut out)?;
        }
        Ok(out
            .into_iter()
            .map(|ink| ink.expect("every run drawn"))
            .collect())
    }
}

thread_local! {
    static CANVAS_ENGINE: RefCell<Option<CloudEngine<CanvasRasterizer>>> = const { RefCell::new(None) };
    static BOX_ENGINE: RefCell<CloudEngine<BoxRasterizer>> = RefCell::new(CloudEngine::new(BoxRasterizer));
}

/// serde-wasm-bindgen reads bytes from a Uint8Array; ImageData gives a Uint8ClampedArray.
fn mask_pixels_as_bytes(options: &JsValue) -> JsResult<()> {
    let Ok(mask) = js_sys::Reflect::get(options, &"mask".into()) else {
        return Ok(());
    };
    if !mask.is_object() {
        return Ok(());
    }
    let pixels = js_sys::Reflect::get(&mask, &"pixels".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(clamped) = pixels.dyn_ref::<js_sys::Uint8ClampedArray>() {
        let bytes = js_sys::Uint8Array::new_with_byte_offset_and_length(
            &clamped.buffer(),
            clamped.byte_offset(),
            clamped.length(),
        );
        // A copy of the options object: the caller's stays as it was.
        let copy = js_sys::Object::assign(&js_sys::Object::new(), &mask.into());
        js_sys::Reflect::set(&copy, &"pixels".into(), &bytes)
            .and_then(|_| js_sys::Reflect::set(options, &"mask".into(), &copy))?;
    }
    Ok(())
}

fn cloud_options(options: JsValue) -> JsResult<CloudOptions> {
    if options.is_object() {
        // Never change the caller's object.
        let copy: JsValue = js_sys::Object::assign(&js_sys::Object::new(), &options.into()).into();
        mask_pixels_as_bytes(&copy)?;
        return from_js(copy);
    }
    from_js(options)
}

/// `layoutCloud(words, options)`: `words` [{text, weight}], `options` as docs/API.md; returns
/// the layout (where each word and each of its pieces goes, and which words did not fit).
#[wasm_bindgen(js_name = layoutCloud)]
pub fn layout_cloud(words: JsValue, options: JsValue) -> JsResult<JsValue> {
    let words: Vec<CloudWord> = from_js(words)?;
    let options = cloud_options(options)?;
    let layout = match options.glyphs {
        Glyphs::Boxes => BOX_ENGINE.with(|engine| engine.borrow_mut().layout(&words, &options)),
        Glyphs::Canvas => CANVAS_ENGINE.with(|cell| -> crate::Result<_> {
            let mut cell = cell.borrow_mut();
            if cell.is_none() {
                *cell = Some(CloudEngine::new(CanvasRasterizer::new()?));
            }
            cell.as_mut().expect("just made").layout(&words, &options)
        }),
    }
    .map_err(js_error)?;
    to_js(&layout)
}

/// The allowed area a layout with these options would use (`options.width`, `height`,
/// `shape` or `mask`), for a preview: `{width, height, area, pixels}`, `pixels` one byte per
/// pixel, row by row, 255 inside the area and 0 outside.
#[wasm_bindgen(js_name = cloudMask)]
pub fn cloud_mask(options: JsValue) -> JsResult<JsValue> {
    let mask = cloud_options(options)?.area().map_err(js_error)?;
    let (w, h) = (mask.allowed.width(), mask.allowed.height());
    let mut pixels = vec![0u8; (w * h) as usize];
    for (x, y) in mask.allowed.ones() {
        pixels[(y * w + x) as usize] = 255;
    }
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&out, &key.into(), value);
    set("width", &w.into())
        .and_then(|_| set("height", &h.into()))
        .and_then(|_| set("area", &(mask.area as f64).into()))
        .and_then(|_| {
            set(
                "pixels",
                &js_sys::Uint8Array::from(pixels.as_slice()).into(),
            )
        })
        .map_err(|_| JsError::new("cannot build the mask object"))?;
    Ok(out.into())
}

/// The built-in shapes' names, in the order a menu shows them.
#[wasm_bindgen(js_name = cloudShapes)]
pub fn cloud_shapes() -> Vec<String> {
    Shape::ALL.iter().map(|s| s.name().to_string()).collect()
}
