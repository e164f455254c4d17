//! Text helpers shared by the verifier and the generator: whitespace normalization and matching.

/// Collapses every run of whitespace to one space and trims the ends.
///
/// This is the only normalization a quote is allowed: see `questions/README.md`.
pub fn normalize_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lower-cases and collapses whitespace, for case-insensitive "does the quote say it" checks.
pub fn fold(text: &str) -> String {
    normalize_whitespace(text).to_lowercase()
}

/// Whether two texts are equal after `fold`, compared without allocating (the generator's hot path).
pub fn same_folded(a: &str, b: &str) -> bool {
    fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
        text.split_whitespace().enumerate().flat_map(|(i, word)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase))
        })
    }
    folded(a).eq(folded(b))
}

/// The length, in characters, of the longest prefix of `needle` found anywhere in `haystack`.
///
/// Used to point at the first character where a misquoted passage departs from its source.
pub fn longest_matching_prefix(haystack: &str, needle: &str) -> usize {
    let boundaries: Vec<usize> = needle
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(needle.len()))
        .collect();
    // Binary search on the prefix length: a prefix that matches implies all shorter ones do.
    let (mut low, mut high) = (0, boundaries.len() - 1);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if haystack.contains(&needle[..boundaries[mid]]) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(normalize_whitespace("  a\n\n b\t c "), "a b c");
    }

    #[test]
    fn same_folded_ignores_case_and_whitespace_runs() {
        assert!(same_folded("Sophia  Square", "sophia square"));
        assert!(same_folded(" Kyiv\n", "KYIV"));
        assert!(!same_folded("Kyiv", "Kiev"));
    }

    #[test]
    fn longest_prefix_points_at_the_first_difference() {
        assert_eq!(
            longest_matching_prefix("the quick brown fox", "quick brawn"),
            8
        );
        assert_eq!(longest_matching_prefix("abc", "abc"), 3);
        assert_eq!(longest_matching_prefix("abc", "xyz"), 0);
    }
}
