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
    // The generator folds every question it draws: runs of ASCII that are no whitespace are
    // copied and lower-cased at once, other characters one by one. The same as joining
    // `split_whitespace` with single spaces and lower-casing each character.
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        // A plain loop, not `position` with a closure: the release profile optimizes for size
        // and would call the closure for every byte.
        let mut end = at;
        while end < bytes.len() && bytes[end] > b' ' && bytes[end] < 0x80 {
            end += 1;
        }
        let run = end - at;
        let c = match run {
            0 => text[at..].chars().next().unwrap_or(' '),
            _ => 'a',
        };
        if run == 0 && c.is_whitespace() {
            space = true;
            at += c.len_utf8();
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        if run > 0 {
            let from = out.len();
            out.extend_from_slice(&bytes[at..at + run]);
            out[from..].make_ascii_lowercase();
            at += run;
        } else {
            out.extend_from_slice(lower(c).encode_utf8(&mut [0; 4]).as_bytes());
            at += c.len_utf8();
        }
    }
    // Whole characters only were copied or encoded, so this never fails.
    String::from_utf8(out).unwrap_or_default()
}

/// `text` in lower case, by [`lower`].
pub fn lowercase(text: &str) -> String {
    // ASCII needs no decoding; other text is reserved at once (no character `lower` admits
    // grows in lower case), where collecting would grow it step by step.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().map(lower));
    out
}

/// Whether two texts are equal after `fold`, compared without allocating (the generator's hot path).
pub fn same_folded(a: &str, b: &str) -> bool {
    fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
        text.split_whitespace().enumerate().flat_map(|(i, word)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().map(lower))
        })
    }
    folded(a).eq(folded(b))
}

// Case without Unicode's tables: the browser would carry some 11 KB of them to fold a table
// that is almost all ASCII. `lower`, `upper`, `is_upper` and `is_word_char` work by arithmetic
// on the code point and are exact (the same as `char::to_lowercase`, `to_uppercase`,
// `is_uppercase` and `is_alphanumeric`) on every character `has_table_free_case` admits:
// ASCII, Latin-1, Latin Extended-A and basic Cyrillic (tests prove it for each of them). Any other
// character is caseless and no letter to them, which is exact for punctuation and symbols;
// build.rs refuses a fact table with a character for which that is not so (`case_mismatch`).

/// Whether `c` is in the blocks whose case is worked out without tables.
pub fn has_table_free_case(c: char) -> bool {
    matches!(c as u32, 0..=0x17f | 0x400..=0x45f)
}

/// `c` in lower case (Latin Extended-A's dotted İ, whose lower case is two characters, stays).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let shifted = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x410..=0x42f => u + 0x20,
        0x400..=0x40f => u + 0x50,
        0x178 => 0xff,
        // Letter-like symbols whose lower case is a Latin letter: a reader might paste one.
        0x212a => 0x6b,
        0x212b => 0xe5,
        0x1e9e => 0xdf,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// `c` in upper case, where that is one character (ß and ŉ are left as they are).
pub fn upper(c: char) -> char {
    let u = c as u32;
    let shifted = match u {
        0x61..=0x7a | 0xe0..=0xf6 | 0xf8..=0xfe | 0x430..=0x44f => u - 0x20,
        0x450..=0x45f => u - 0x50,
        0xff => 0x178,
        0x131 => 0x49,
        0x17f => 0x53,
        0xb5 => 0x39c,
        0x101..=0x12f | 0x133..=0x137 | 0x14b..=0x177 if u % 2 == 1 => u - 1,
        0x13a..=0x148 | 0x17a..=0x17e if u % 2 == 0 => u - 1,
        _ => u,
    };
    char::from_u32(shifted).unwrap_or(c)
}

/// Whether `c` is an upper-case letter.
pub fn is_upper(c: char) -> bool {
    lower(c) != c || c == '\u{130}'
}

/// Whether `c` is a letter or a digit (`char::is_alphanumeric`).
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphanumeric()
        || matches!(u, 0xaa | 0xb2 | 0xb3 | 0xb5 | 0xb9 | 0xba | 0xbc..=0xbe | 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0x17f | 0x400..=0x45f)
}

/// The first character of `text` whose case the table-free functions above would get wrong, if
/// any: what build.rs checks of every text it embeds.
pub fn case_mismatch(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        let mut lowers = c.to_lowercase();
        let mut uppers = c.to_uppercase();
        let one = |it: &mut dyn Iterator<Item = char>| match (it.next(), it.next()) {
            (Some(x), None) => Some(x),
            _ => None,
        };
        let exact_lower = one(&mut lowers) == Some(lower(c));
        let exact_upper = one(&mut uppers).map_or(upper(c) == c, |u| u == upper(c));
        !(exact_lower
            && exact_upper
            && c.is_uppercase() == is_upper(c)
            && c.is_alphanumeric() == is_word_char(c))
    })
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
    chars.next().map_or(String::new(), |c| {
        std::iter::once(upper(c)).chain(chars).collect()
    })
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
            is_upper(next) || next.is_ascii_digit() || matches!(next, '“' | '"' | '‘' | '(');
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
        .trim_start_matches(|c: char| !is_word_char(c));
    word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(is_upper))
        || ABBREVIATIONS.contains(&lowercase(word).as_str())
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
    let (open, close) = if inline {
        ('‘', '’')
    } else {
        ('“', '”')
    };
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
        assert_eq!(
            set(opened, QuoteSetting::Block),
            "Carney stated: “|We will allocate| more.”"
        );
        assert_eq!(
            set(opened, QuoteSetting::Inline),
            "Carney stated: ‘|We will allocate| more.’"
        );
        let closed = ["", "The dialogue is the path forward.”", ""];
        assert_eq!(
            set(closed, QuoteSetting::Block),
            "“|The dialogue is the path forward.”|"
        );
        assert_eq!(
            set(closed, QuoteSetting::Inline),
            "‘|The dialogue is the path forward.’|"
        );
    }

    #[test]
    fn whole_quotations_only_change_marks_inline() {
        let whole = [
            "He was invited as a",
            "\"special guest,\"",
            " officials said “today”.",
        ];
        assert_eq!(set(whole, QuoteSetting::Block), whole.join("|"));
        assert_eq!(
            set(whole, QuoteSetting::Inline),
            "He was invited as a|'special guest,'| officials said ‘today’."
        );
        assert_eq!(
            set(["", "No marks at all.", ""], QuoteSetting::Inline),
            "|No marks at all.|"
        );
    }

    #[test]
    fn table_free_case_is_exact_on_its_blocks() {
        let wrong: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| has_table_free_case(c))
            .filter(|&c| case_mismatch(&c.to_string()).is_some())
            .collect();
        // Its lower case is two characters (i and a combining dot): build.rs refuses it.
        assert_eq!(wrong, ['\u{130}']);
    }

    #[test]
    fn whatever_a_reader_types_folds_as_unicode_onto_those_blocks() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut lowers = c.to_lowercase();
            if let (Some(l), None) = (lowers.next(), lowers.next()) {
                if has_table_free_case(l) {
                    assert_eq!(lower(c), l, "{c:?} (U+{:04X})", c as u32);
                }
            }
        }
    }

    #[test]
    fn fold_is_split_whitespace_joined_and_lower_cased() {
        for text in [
            "",
            "  ",
            " a ",
            "Kyiv\u{a0}\u{2003}KYIV\t\n\u{b}x",
            "ÀÉ  Ж\r\nend ",
            "one",
        ] {
            let joined: Vec<String> = text.split_whitespace().map(lowercase).collect();
            assert_eq!(fold(text), joined.join(" "), "{text:?}");
        }
    }

    #[test]
    fn punctuation_of_other_blocks_is_caseless_and_no_letter() {
        assert_eq!(case_mismatch("Kyiv — “Carney’s” visit… 2 × 3 → ≈ –"), None);
        assert_eq!(case_mismatch("Київ ЗСУ"), None);
        assert_eq!(case_mismatch("Αθήνα"), Some('Α'));
        assert_eq!(fold("  ÉCOLE  Київ\nSTRAẞE "), "école київ straße");
        assert_eq!(capitalised("ärzte"), "Ärzte");
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
