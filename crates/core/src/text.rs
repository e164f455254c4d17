//! Text helpers shared by the verifier and the generator: whitespace normalization and matching.

use std::ops::Range;

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

/// Abbreviations whose full stop does not end a sentence before a capital or a digit.
/// `text` with its first letter in upper case, for a name or phrase that starts a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

const ABBREVIATIONS: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "jr", "sr", "no", "vs", "alta",
    "ont", "que", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// The sentences of one paragraph, as byte ranges without the space between them.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotation mark or bracket) followed by a
/// space and a capital, digit or opening quotation mark; not after an abbreviation or initial
/// (`U.S. Secretary`, `Aug. 24`).
pub fn sentence_ranges(paragraph: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut ranges = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let (at, c) = chars[i];
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')') {
            j += 1;
        }
        let Some(&(space, ' ')) = chars.get(j) else {
            continue;
        };
        let Some(&(next_at, next)) = chars.get(j + 1) else {
            continue;
        };
        let opens =
            next.is_uppercase() || next.is_ascii_digit() || matches!(next, '“' | '"' | '‘' | '(');
        if !opens || (c == '.' && abbreviation(&paragraph[start..at])) {
            continue;
        }
        ranges.push(start..space);
        start = next_at;
    }
    if start < paragraph.len() {
        ranges.push(start..paragraph.len());
    }
    ranges.into_iter()
}

/// Whether the word before a full stop is an abbreviation or an initial (`U.S`, `J`, `Aug`).
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Where a quote cut out of its article is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteSetting {
    /// On its own (a block quote): the article's marks stay as they are, made whole.
    Block,
    /// Inside the page's own double quotation marks: the article's become single ones.
    Inline,
}

/// A quote's parts (lead, quoted words, tail) with the article's quotation marks made whole.
///
/// A sentence cut out of a longer quotation starts or ends inside it, so one of its marks is
/// missing: the missing opening mark goes before the lead, the missing closing mark after the
/// tail. Inline, the article's double marks become single ones (“Carney said: ‘We will …’”), as
/// a quotation inside a quotation is printed. Straight marks (`"`) pair up in order. Only the
/// marks change: the words stay verbatim, and each part keeps its place, so the quoted words
/// can still be marked.
pub fn set_quote(parts: [&str; 3], setting: QuoteSetting) -> [String; 3] {
    let inline = setting == QuoteSetting::Inline;
    let (mut depth, mut missing_open, mut straight_open) = (0usize, 0usize, false);
    let mut out = parts.map(|part| {
        part.chars()
            .map(|c| {
                let opening = match c {
                    '“' => true,
                    '”' => false,
                    '"' => {
                        straight_open = !straight_open;
                        straight_open
                    }
                    other => return other,
                };
                if opening {
                    depth += 1;
                } else if depth == 0 {
                    missing_open += 1;
                } else {
                    depth -= 1;
                }
                match (inline, c, opening) {
                    (true, '"', _) => '\'',
                    (true, _, true) => '‘',
                    (true, _, false) => '’',
                    _ => c,
                }
            })
            .collect::<String>()
    });
    let (open, close) = if inline { ('‘', '’') } else { ('“', '”') };
    out[0].insert_str(0, &open.to_string().repeat(missing_open));
    out[2].push_str(&close.to_string().repeat(depth));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(parts: [&str; 3], setting: QuoteSetting) -> String {
        set_quote(parts, setting).join("|")
    }

    #[test]
    fn a_sentence_cut_out_of_a_quotation_gets_the_mark_it_lacks() {
        let opened = ["Carney stated: “", "We will allocate", " more."];
        assert_eq!(set(opened, QuoteSetting::Block), "Carney stated: “|We will allocate| more.”");
        assert_eq!(set(opened, QuoteSetting::Inline), "Carney stated: ‘|We will allocate| more.’");
        let closed = ["", "The dialogue is the path forward.”", ""];
        assert_eq!(set(closed, QuoteSetting::Block), "“|The dialogue is the path forward.”|");
        assert_eq!(set(closed, QuoteSetting::Inline), "‘|The dialogue is the path forward.’|");
    }

    #[test]
    fn whole_quotations_only_change_marks_inline() {
        let whole = ["He was invited as a", "\"special guest,\"", " officials said “today”."];
        assert_eq!(set(whole, QuoteSetting::Block), whole.join("|"));
        assert_eq!(
            set(whole, QuoteSetting::Inline),
            "He was invited as a|'special guest,'| officials said ‘today’."
        );
        assert_eq!(set(["", "No marks at all.", ""], QuoteSetting::Inline), "|No marks at all.|");
    }

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
