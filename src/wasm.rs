//! The WebAssembly face of the core: the only file that knows wasm-bindgen and js-sys.
//! Results cross as plain objects (camelCase); errors as JS `Error`s carrying the
//! message a user reads. Tokens stay in wasm memory.

use crate::{AnalysisOptions, KeynessOptions, KwicOptions};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The analyzer the page's worker owns.
#[wasm_bindgen]
pub struct Analyzer {
    inner: crate::Analyzer,
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // json_compatible: u64 counts become numbers, not BigInts; maps become objects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn from_js<T: DeserializeOwned + Default>(value: JsValue) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("选项无效：{e} / Invalid options: {e}")))
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
    /// A damaged file throws an Error that says so.
    #[wasm_bindgen(constructor)]
    pub fn new(wxd: &[u8]) -> Result<Analyzer, JsError> {
        Ok(Analyzer {
            inner: crate::Analyzer::with_dictionary(wxd)?,
        })
    }

    /// Add a file's bytes: `progress(fraction)` is called while a long file is segmented.
    #[wasm_bindgen(js_name = addDocument)]
    pub fn add_document(
        &mut self,
        name: &str,
        bytes: &[u8],
        progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsError> {
        let info = self
            .inner
            .add_document(name, bytes, &mut progress_callback(progress))?;
        to_js(&info)
    }

    /// Add pasted text.
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(
        &mut self,
        name: &str,
        text: &str,
        progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsError> {
        let info = self
            .inner
            .add_text(name, text, &mut progress_callback(progress))?;
        to_js(&info)
    }

    #[wasm_bindgen(js_name = removeDocument)]
    pub fn remove_document(&mut self, id: u32) -> bool {
        self.inner.remove_document(id)
    }

    pub fn documents(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.documents())
    }

    /// Replace the user words; returns how many documents were re-segmented.
    #[wasm_bindgen(js_name = setUserWords)]
    pub fn set_user_words(&mut self, words: Vec<String>) -> Result<u32, JsError> {
        Ok(self.inner.set_user_words(&words)? as u32)
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

    pub fn analyze(&self, options: JsValue) -> Result<JsValue, JsError> {
        let options: AnalysisOptions = from_js(options)?;
        to_js(&self.inner.analyze(&options)?)
    }

    pub fn kwic(&self, term: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options: KwicOptions = from_js(options)?;
        to_js(&self.inner.kwic(term, &options)?)
    }

    pub fn keyness(&self, target: Vec<u32>, options: JsValue) -> Result<JsValue, JsError> {
        let options: KeynessOptions = from_js(options)?;
        to_js(&self.inner.keyness(&target, &options)?)
    }

    pub fn segment(&self, id: u32) -> Result<JsValue, JsError> {
        to_js(&self.inner.segment(id)?)
    }

    /// Test builds only: panic, as a bug would, to prove the page recovers.
    #[cfg(feature = "test-hooks")]
    #[wasm_bindgen(js_name = panicForTest)]
    pub fn panic_for_test(&self) {
        panic!("deliberate failure (test hook)");
    }
}
