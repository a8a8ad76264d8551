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
        bytes: &[u8],
        progress: Option<js_sys::Function>,
    ) -> JsResult<JsValue> {
        let info = self
            .inner
            .add_document(name, bytes, &mut progress_callback(progress))
            .map_err(js_error)?;
        to_js(&info)
    }

    /// Add a file with where it came from (`{path, modified, utcOffsetMinutes}`, all optional):
    /// the folders of `path` are its group, its file name and `modified` dates of last resort.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(
        &mut self,
        name: &str,
        bytes: &[u8],
        origin: JsValue,
        progress: Option<js_sys::Function>,
    ) -> JsResult<JsValue> {
        let origin: FileOrigin = from_js(origin)?;
        let info = self
            .inner
            .add_file(name, bytes, &origin, &mut progress_callback(progress))
            .map_err(js_error)?;
        to_js(&info)
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
