//! Work shared out on rayon's threads with the `parallel` feature (the CLI's), done in turn
//! on the one thread without it (the wasm build has no threads). Either way the results are
//! the same: what runs at once only ever sums counts or computes independent parts.

use crate::corpus::DocView;
use rustc_hash::FxHashMap;
use std::hash::Hash;

/// Runs `a` and `b`, at once on rayon's threads with the `parallel` feature (the CLI's),
/// one after the other without it (the wasm build, which has no threads).
pub fn join<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "parallel"))]
    {
        (a(), b())
    }
}

/// `add` each of `docs` to a `T` made by `new`: at once over the documents on rayon's threads
/// with the `parallel` feature, the partial results joined by `merge`; one document after the
/// other without it. For counts (sums), the same either way.
pub fn fold_docs<T: Send>(
    docs: &[DocView],
    new: impl Fn() -> T + Sync + Send,
    add: impl Fn(&mut T, &DocView) + Sync + Send,
    #[cfg_attr(not(feature = "parallel"), allow(unused_variables))] merge: impl Fn(T, T) -> T
        + Sync
        + Send,
) -> T {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        // At most four runs of documents a thread: each partial result holds a count per word
        // of the vocabulary, so their number (memory, merging) stays bounded for thousands of
        // small documents, and four a thread still even out documents of unequal sizes.
        let run = docs.len().div_ceil(4 * rayon::current_num_threads()).max(1);
        docs.par_iter()
            .with_min_len(run)
            .fold(&new, |mut partial, doc| {
                add(&mut partial, doc);
                partial
            })
            .reduce_with(merge)
            .unwrap_or_else(new)
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut all = new();
        for doc in docs {
            add(&mut all, doc);
        }
        all
    }
}

/// Adds `from`'s counts to `into`'s (the larger map kept, the smaller added to it): the merge of
/// partial counts by key.
pub fn add_counts<K: Hash + Eq>(into: &mut FxHashMap<K, u32>, mut from: FxHashMap<K, u32>) {
    if into.len() < from.len() {
        std::mem::swap(into, &mut from);
    }
    for (key, count) in from {
        *into.entry(key).or_default() += count;
    }
}

/// Adds `from`'s counts to `into`'s, place by place (the same length: a count per word or node).
pub fn add_slices<T: Copy + std::ops::AddAssign>(into: &mut [T], from: &[T]) {
    for (a, &b) in into.iter_mut().zip(from) {
        *a += b;
    }
}
