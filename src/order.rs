//! A stable sort that is small in code. The standard library's sorts are fast but each one
//! instantiated for another element type or comparator adds 3-14 KB to the .wasm, and the page
//! has a download budget; the aggregates that order a few thousand items use this one instead.

/// Sort `items` stably by `less` (a bottom-up merge sort: n log n, one buffer).
pub fn sort_by(items: &mut Vec<u32>, less: &dyn Fn(u32, u32) -> bool) {
    let n = items.len();
    let mut merged = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        merged.clear();
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut a, mut b) = (start, middle);
            while a < middle && b < end {
                // Take from the right run only when strictly less: equal items keep their order.
                if less(items[b], items[a]) {
                    merged.push(items[b]);
                    b += 1;
                } else {
                    merged.push(items[a]);
                    a += 1;
                }
            }
            merged.extend_from_slice(&items[a..middle]);
            merged.extend_from_slice(&items[b..end]);
            start = end;
        }
        std::mem::swap(items, &mut merged);
        width *= 2;
    }
}

/// `0..n` ordered stably by `less`.
pub fn order(n: usize, less: &dyn Fn(u32, u32) -> bool) -> Vec<u32> {
    let mut items: Vec<u32> = (0..n as u32).collect();
    sort_by(&mut items, less);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let keys = [5, 3, 5, 1, 3, 9, 0, 5, 2, 8, 1];
        let got = order(keys.len(), &|a, b| keys[a as usize] < keys[b as usize]);
        let mut expected: Vec<u32> = (0..keys.len() as u32).collect();
        expected.sort_by_key(|&i| keys[i as usize]);
        assert_eq!(got, expected);
        assert_eq!(order(0, &|a, b| a < b), Vec::<u32>::new());
        assert_eq!(order(1, &|a, b| a < b), [0]);
    }
}
