//! One stable sort for the whole core, compiled once: each `sort_by_key` of the standard library is compiled again for every element type and key, about 3 KB of the reader's bundle apiece.

/// The order that sorts `len` items stably by `less` (strictly less): a bottom-up merge sort of
/// their indices. It is not generic, so every sort in the core shares this one copy.
fn stable_order(len: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // From the right run only when strictly less: equal items keep their order.
                let from_right = right < end && (left == middle || less(order[right], order[left]));
                if from_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` so that `less` holds of no later item against an earlier one, keeping equal
/// items in the order they had: the order `slice::sort_by` gives.
pub fn sort_by<T>(items: &mut Vec<T>, less: impl Fn(&T, &T) -> bool) {
    let order = stable_order(items.len(), &|a, b| less(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by `key`, keeping equal items in their order: what `slice::sort_by_key` gives.
/// Each item's key is worked out once, not at every comparison.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(items.len(), &|a, b| keys[a] < keys[b]);
    permute(items, order);
}

/// Puts `items` in `order` (a permutation of their indices).
fn permute<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` in ascending order (the same result as `slice::sort` and `sort_unstable`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length up to 40 and many orders, against the standard library's stable sort.
    #[test]
    fn sorts_as_the_standard_library_does_and_keeps_ties_in_order() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..=40 {
            for _ in 0..25 {
                let items: Vec<(u8, usize)> = (0..len)
                    .map(|i| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        ((state % 5) as u8, i)
                    })
                    .collect();
                let mut ours = items.clone();
                sort_by_key(&mut ours, |&(k, _)| k);
                let mut std = items.clone();
                std.sort_by_key(|&(k, _)| k);
                assert_eq!(ours, std, "{items:?}");
                let mut ours = items.clone();
                sort(&mut ours);
                let mut std = items;
                std.sort_unstable();
                assert_eq!(ours, std);
            }
        }
    }
}
