//! Class codes: a quiz spec in 8 symbols a teacher can read aloud, with a check symbol that catches typos.
//!
//! Alphabet: the 32 symbols `23456789ABCDEFGHJKLMNPQRSTUVWXYZ` (no 0/O, no 1/I/l), 5 bits each.
//! Reading ignores case, spaces and hyphens (or dashes), so `k7mq-p4xa` is `K7MQP4XA`.
//! Seven symbols carry 35 bits of payload, most significant first; the eighth is a Damm check
//! symbol over GF(32), which catches every single wrong symbol and every swap of two
//! neighbouring symbols (`damm` says why; the tests check it exhaustively).
//!
//! Payload, from the top bit down:
//! - 1 bit form: 0 = every topic and kind, 1 = a chosen subset;
//! - 2 bits count (index into `LENGTHS`: 5, 10, 15, 20), 2 bits difficulty (mixed, easy, medium, hard);
//! - form 0: 30 bits seed (any seed below 2^30, which covers every seed the browser draws);
//! - form 1: 8 bits kinds (over `QuestionKind::ALL`, the first kind highest), 14 bits topics
//!   (over the table's topics in table order, the first topic highest; 0 = every topic),
//!   8 bits seed (below 256).
//!
//! Each spec has exactly one code: the spec is first made canonical (topics and kinds in table
//! and `ALL` order, no repeats, "all of them" written as none), and a code whose payload is not
//! canonical (every kind's bit set, every topic's bit set, or form 1 with neither chosen) is
//! refused as a typo, like a code whose check fails.
//!
//! The payload is mixed (multiplied by an odd constant and XORed, a bijection on 35 bits)
//! before it becomes symbols, so that neighbouring quiz numbers get unrelated-looking codes.
//!
//! Topics are numbered by the table, so a code belongs to the fact table it was made with.
//! A table with more than 14 topics can still have codes for every topic (any kinds), not for a few.

use crate::fact::Topic;
use crate::question::{Difficulty, QuestionKind};
use crate::spec::{QuizSpec, LENGTHS};
use std::fmt;

/// Symbols in a code.
pub const LENGTH: usize = 8;
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const MAX_TOPICS: usize = 14;
const KIND_BITS: u32 = 8;
const FULL_SEED_BITS: u32 = 30;
const SUBSET_SEED_BITS: u32 = 8;
const PAYLOAD_BITS: u32 = 35;
const PAYLOAD_MASK: u64 = (1 << PAYLOAD_BITS) - 1;
const MIX_FACTOR: u64 = 0x5_DEEC_E66D;
const MIX_XOR: u64 = 0x2_A5A5_A5A5;

// The layout gives count and difficulty 2 bits each and kinds one bit each: a fifth length, a
// fourth difficulty or a ninth kind needs a new layout (and makes every old code mean another quiz).
const _: () = assert!(LENGTHS.len() == 4);
const _: () = assert!(Difficulty::ALL.len() == 3);
const _: () = assert!(QuestionKind::ALL.len() == KIND_BITS as usize);
const _: () = assert!(1 + 2 + 2 + KIND_BITS + MAX_TOPICS as u32 + SUBSET_SEED_BITS == PAYLOAD_BITS);
const _: () = assert!(1 + 2 + 2 + FULL_SEED_BITS == PAYLOAD_BITS);
const _: () = assert!(PAYLOAD_BITS as usize == 5 * (LENGTH - 1));

/// A bijection on 35-bit numbers.
fn mix(payload: u64) -> u64 {
    (payload.wrapping_mul(MIX_FACTOR) & PAYLOAD_MASK) ^ MIX_XOR
}

/// The inverse of [`mix`]: the factor is odd, so it has an inverse modulo 2^35 (Newton's iteration).
fn unmix(mixed: u64) -> u64 {
    let mut inverse = MIX_FACTOR;
    for _ in 0..6 {
        inverse = inverse.wrapping_mul(2u64.wrapping_sub(MIX_FACTOR.wrapping_mul(inverse)));
    }
    ((mixed ^ MIX_XOR).wrapping_mul(inverse)) & PAYLOAD_MASK
}

/// Why a code cannot be read, or a spec cannot be made into one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassCodeError {
    /// Not 8 symbols once spaces and hyphens are dropped.
    Length { typed: usize },
    /// A character codes never contain, at this 1-based position (spaces and hyphens not counted).
    Symbol { symbol: char, position: usize },
    /// The check symbol does not match, or the code is one no spec makes: a typo.
    Typo,
    /// The code names a topic this table does not have (it was made for another table).
    UnknownTopic,
    /// The spec names a topic this table does not have.
    TopicNotInTable { topic: Topic },
    /// Class codes hold quizzes of 5, 10, 15 or 20 questions.
    Count { count: usize },
    /// The seed is too large to fit with these choices: it must be below `limit`.
    Seed { seed: u64, limit: u64 },
    /// The table has more topics than a code can name one by one.
    TooManyTopics { topics: usize },
    /// Reading quizzes are shared by link: a code has no room for the passage.
    Passage,
}

impl fmt::Display for ClassCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClassCodeError::Length { typed } => write!(
                f,
                "a class code has {LENGTH} letters and digits, and this one has {typed}"
            ),
            ClassCodeError::Symbol { symbol, position } if symbol.is_ascii_alphanumeric() => write!(
                f,
                "character {position}, “{symbol}”, is never used in class codes (they have no 0, O, 1 or I)"
            ),
            ClassCodeError::Symbol { symbol, position } if symbol.is_control() => write!(
                f,
                "character {position}, U+{:04X}, is not a letter or digit",
                u32::from(*symbol)
            ),
            ClassCodeError::Symbol { symbol, position } => write!(
                f,
                "character {position}, “{symbol}”, is not a letter or digit"
            ),
            ClassCodeError::Passage => f.write_str(
                "a class code cannot hold a reading passage: share the reading quiz's link instead",
            ),
            ClassCodeError::Typo => f.write_str(
                "this code has a typo: compare it with the one your teacher gave, letter by letter",
            ),
            ClassCodeError::UnknownTopic => f.write_str(
                "this code was made for a different set of facts than this quiz has",
            ),
            ClassCodeError::TopicNotInTable { topic } => write!(
                f,
                "this quiz has no topic “{}”, so a class code cannot choose it",
                topic.0
            ),
            ClassCodeError::Count { count } => write!(
                f,
                "class codes hold quizzes of {}, {}, {} or {} questions, not {count}",
                LENGTHS[0], LENGTHS[1], LENGTHS[2], LENGTHS[3]
            ),
            ClassCodeError::Seed { seed, limit } if *limit == 1 << FULL_SEED_BITS => write!(
                f,
                "a class code holds quiz numbers from 0 to {}, and {seed} is larger",
                limit - 1
            ),
            ClassCodeError::Seed { seed, limit } => write!(
                f,
                "with only some topics or kinds chosen, a class code holds quiz numbers from 0 to {}, and {seed} is larger",
                limit.saturating_sub(1)
            ),
            ClassCodeError::TooManyTopics { topics } => write!(
                f,
                "a class code can choose topics only from a table of at most {MAX_TOPICS}, and this one has {topics}: choose every topic instead"
            ),
        }
    }
}

impl std::error::Error for ClassCodeError {}

/// The spec as a code stores it: topics and kinds in table and `ALL` order, without repeats,
/// and "all of them" written as none (both mean every one, and generate the same quiz).
/// Topics the table lacks are dropped ([`encode`] refuses them instead).
pub fn canonical(mut spec: QuizSpec, topics: &[Topic]) -> QuizSpec {
    spec.topics = topics
        .iter()
        .filter(|t| spec.topics.contains(t))
        .cloned()
        .collect();
    if spec.topics.len() == topics.len() {
        spec.topics.clear();
    }
    spec.kinds = QuestionKind::ALL
        .into_iter()
        .filter(|k| spec.kinds.contains(k))
        .collect();
    if spec.kinds.len() == QuestionKind::ALL.len() {
        spec.kinds.clear();
    }
    spec
}

/// Seeds a code can hold for this spec's choices: below 2^30 for every topic and kind, below 256 for a subset.
pub fn seed_limit(spec: &QuizSpec, topics: &[Topic]) -> u64 {
    let spec = canonical(spec.clone(), topics);
    if spec.topics.is_empty() && spec.kinds.is_empty() {
        1 << FULL_SEED_BITS
    } else {
        1 << SUBSET_SEED_BITS
    }
}

/// Whether `spec` has a class code with this table (what [`encode`] would refuse, and why, it says).
pub fn fits(spec: &QuizSpec, topics: &[Topic]) -> bool {
    encode(spec, topics).is_ok()
}

/// The class code for `spec` (in its canonical form), for a table with these topics.
pub fn encode(spec: &QuizSpec, topics: &[Topic]) -> Result<String, ClassCodeError> {
    if spec.passage.is_some() {
        return Err(ClassCodeError::Passage);
    }
    if let Some(topic) = spec.topics.iter().find(|t| !topics.contains(t)) {
        return Err(ClassCodeError::TopicNotInTable {
            topic: topic.clone(),
        });
    }
    let spec = canonical(spec.clone(), topics);
    let count = LENGTHS
        .iter()
        .position(|&n| n == spec.count)
        .ok_or(ClassCodeError::Count { count: spec.count })? as u64;
    let difficulty = spec.difficulty.map_or(0, |d| {
        Difficulty::ALL.iter().position(|&x| x == d).unwrap_or(0) + 1
    }) as u64;
    if !spec.topics.is_empty() && topics.len() > MAX_TOPICS {
        return Err(ClassCodeError::TooManyTopics {
            topics: topics.len(),
        });
    }
    let limit = seed_limit(&spec, topics);
    if spec.seed >= limit {
        return Err(ClassCodeError::Seed {
            seed: spec.seed,
            limit,
        });
    }
    let head = (count << 2) | difficulty;
    let payload = if spec.topics.is_empty() && spec.kinds.is_empty() {
        (head << FULL_SEED_BITS) | spec.seed
    } else {
        let kinds = bits(QuestionKind::ALL.iter().map(|k| spec.kinds.contains(k)));
        // Topic i is bit 13 - i, whatever the table's size; no topic chosen means every one.
        let chosen = if spec.topics.is_empty() {
            0
        } else {
            bits(topics.iter().map(|t| spec.topics.contains(t))) << (MAX_TOPICS - topics.len())
        };
        (1 << 34) | (head << 30) | (kinds << 22) | (chosen << 8) | spec.seed
    };
    Ok(code_of_payload(payload))
}

/// The spec a code stands for, with the table's topics; never a different quiz for a mistyped code.
pub fn decode(code: &str, topics: &[Topic]) -> Result<QuizSpec, ClassCodeError> {
    let values = symbol_values(code)?;
    if damm(&values) != 0 {
        return Err(ClassCodeError::Typo);
    }
    let payload = unmix(
        values[..LENGTH - 1]
            .iter()
            .fold(0u64, |acc, &v| (acc << 5) | u64::from(v)),
    );
    let subset = payload >> 34 == 1;
    let head = (payload >> 30) & 0b1111;
    let count = LENGTHS[(head >> 2) as usize];
    let difficulty = match head & 0b11 {
        0 => None,
        d => Some(Difficulty::ALL[d as usize - 1]),
    };
    let mut spec = QuizSpec::new(0, count);
    spec.difficulty = difficulty;
    if subset {
        let kinds = (payload >> 22) & 0xff;
        let chosen = (payload >> 8) & 0x3fff;
        spec.seed = payload & 0xff;
        spec.kinds = QuestionKind::ALL
            .into_iter()
            .enumerate()
            .filter(|(i, _)| kinds >> (7 - i) & 1 == 1)
            .map(|(_, k)| k)
            .collect();
        if chosen != 0 {
            // A larger table never makes codes that choose topics; a smaller one lacks the low bits.
            let named = topics.len();
            if named > MAX_TOPICS || chosen & ((1 << (MAX_TOPICS - named)) - 1) != 0 {
                return Err(ClassCodeError::UnknownTopic);
            }
            spec.topics = topics
                .iter()
                .enumerate()
                .filter(|(i, _)| chosen >> (MAX_TOPICS - 1 - i) & 1 == 1)
                .map(|(_, t)| t.clone())
                .collect();
        }
    } else {
        spec.seed = payload & ((1 << FULL_SEED_BITS) - 1);
    }
    // Only canonical payloads are codes: "every kind" written bit by bit, say, is a second code
    // for a quiz that has one already, so it can only come from more than one typo.
    match encode(&spec, topics) {
        Ok(again) if again == spell(&values) => Ok(spec),
        _ => Err(ClassCodeError::Typo),
    }
}

/// The code as typed, in capitals without spaces or hyphens, if it has the right symbols.
pub fn normalize(typed: &str) -> Option<String> {
    symbol_values(typed).ok().map(|values| spell(&values))
}

/// The code in two groups of four, for reading aloud (`K7MQ P4XA`); typing it back either way works.
pub fn display(code: &str) -> String {
    match code.get(..4) {
        Some(head) if code.len() == LENGTH => format!("{head} {}", &code[4..]),
        _ => code.to_string(),
    }
}

/// Whether `c` only groups a code for reading: a space, or a hyphen or dash (word processors turn `-` into `–`).
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

/// The 7 payload symbols and the check symbol, as text.
fn code_of_payload(payload: u64) -> String {
    let mixed = mix(payload);
    let mut values: Vec<u8> = (0..LENGTH - 1)
        .rev()
        .map(|i| ((mixed >> (5 * i)) & 31) as u8)
        .collect();
    values.push(check_symbol(&values));
    spell(&values)
}

/// The symbols with these values.
fn spell(values: &[u8]) -> String {
    values
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect()
}

/// Each symbol's value; separators are skipped, case is ignored.
fn symbol_values(typed: &str) -> Result<Vec<u8>, ClassCodeError> {
    let mut values = Vec::with_capacity(LENGTH);
    for c in typed.chars().filter(|&c| !is_separator(c)) {
        let value = u8::try_from(c.to_ascii_uppercase())
            .ok()
            .and_then(|upper| ALPHABET.iter().position(|&a| a == upper));
        match value {
            Some(value) => values.push(value as u8),
            None => {
                return Err(ClassCodeError::Symbol {
                    symbol: c,
                    position: values.len() + 1,
                })
            }
        }
    }
    if values.len() != LENGTH {
        return Err(ClassCodeError::Length {
            typed: values.len(),
        });
    }
    Ok(values)
}

/// Packs flags into bits, the first flag highest.
fn bits(flags: impl Iterator<Item = bool>) -> u64 {
    flags.fold(0, |acc, on| (acc << 1) | u64::from(on))
}

/// Multiplication by 2 in GF(32) with the polynomial x^5 + x^2 + 1.
fn times_two(v: u8) -> u8 {
    let shifted = v << 1;
    if shifted & 32 != 0 {
        (shifted ^ 0b100101) & 31
    } else {
        shifted
    }
}

/// One step of the check: the quasigroup x∘y = 2x + y in GF(32).
fn step(interim: u8, symbol: u8) -> u8 {
    times_two(interim) ^ symbol
}

/// Damm's check over x∘y = 2x + y: a valid code folds to 0.
///
/// Why it catches every single wrong symbol and every neighbour swap: each step is a
/// bijection in the symbol (so one wrong symbol changes that step's result) and in the interim
/// value (so a changed result stays changed to the end); and swapping neighbours x ≠ y changes
/// the result of the pair, since (c∘x)∘y = 4c + 2x + y and (c∘y)∘x = 4c + 2y + x differ by
/// 3(x + y), which is not 0 in GF(32) unless x = y.
fn damm(values: &[u8]) -> u8 {
    values.iter().fold(0, |interim, &v| step(interim, v))
}

/// The symbol that makes the whole code fold to 0.
fn check_symbol(values: &[u8]) -> u8 {
    times_two(damm(values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn topics() -> Vec<Topic> {
        [
            "visit",
            "aid",
            "agreements",
            "security",
            "coalition",
            "united-states",
            "nato",
            "russia",
            "history",
            "energy",
            "sanctions",
            "related",
            "quotes",
            "reporting",
        ]
        .map(|t| Topic(t.into()))
        .to_vec()
    }

    fn message(code: &str) -> String {
        decode(code, &topics()).unwrap_err().to_string()
    }

    /// Any spec a code can hold, with topics listed backwards so that canonical order matters.
    fn spec_strategy() -> impl Strategy<Value = QuizSpec> {
        (
            0..LENGTHS.len(),
            0..4usize,
            proptest::collection::vec(any::<bool>(), 14),
            proptest::collection::vec(any::<bool>(), 8),
            any::<u64>(),
        )
            .prop_map(|(count, difficulty, topic_flags, kind_flags, seed)| {
                let all = topics();
                let mut spec = QuizSpec::new(0, LENGTHS[count]);
                spec.difficulty = difficulty.checked_sub(1).map(|d| Difficulty::ALL[d]);
                spec.topics = all
                    .iter()
                    .zip(&topic_flags)
                    .filter(|(_, &on)| on)
                    .map(|(t, _)| t.clone())
                    .rev()
                    .collect();
                spec.kinds = QuestionKind::ALL
                    .into_iter()
                    .zip(kind_flags)
                    .filter(|(_, on)| *on)
                    .map(|(k, _)| k)
                    .collect();
                spec.seed = seed % seed_limit(&spec, &all);
                spec
            })
    }

    /// A code that passes the check, from any 7 symbols: most payloads are codes, some are not.
    fn checked(values: &[u8]) -> String {
        let mut values = values.to_vec();
        values.push(check_symbol(&values));
        spell(&values)
    }

    /// A form-1 payload with these parts, as a checked code.
    fn subset_code(kinds: u64, chosen: u64, seed: u64) -> String {
        code_of_payload((1 << 34) | (1 << 32) | (kinds << 22) | (chosen << 8) | seed)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_encodable_spec_round_trips(spec in spec_strategy()) {
            let code = encode(&spec, &topics()).unwrap();
            prop_assert!(fits(&spec, &topics()));
            prop_assert_eq!(code.len(), LENGTH);
            prop_assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
            let decoded = decode(&code, &topics()).unwrap();
            prop_assert_eq!(&decoded, &canonical(spec.clone(), &topics()));
            prop_assert_eq!(encode(&decoded, &topics()).unwrap(), code.clone());
            // Lower case, spaces, hyphens and dashes are the same code.
            let typed = display(&code).to_lowercase().replacen(' ', " - ", 1);
            prop_assert_eq!(decode(&typed, &topics()).unwrap(), decoded.clone());
            prop_assert_eq!(decode(&format!(" {}–{} ", &code[..4], &code[4..]), &topics()).unwrap(), decoded);
        }

        #[test]
        fn every_code_that_decodes_re_encodes_to_itself(values in proptest::collection::vec(0..32u8, 7)) {
            let code = checked(&values);
            for table in [&topics()[..], &topics()[..3], &[]] {
                match decode(&code, table) {
                    Ok(spec) => {
                        prop_assert_eq!(&canonical(spec.clone(), table), &spec);
                        prop_assert_eq!(encode(&spec, table), Ok(code.clone()));
                    }
                    Err(error) => prop_assert!(
                        matches!(error, ClassCodeError::Typo | ClassCodeError::UnknownTopic),
                        "{}: {:?}", code, error
                    ),
                }
            }
        }

        #[test]
        fn any_text_decodes_or_explains_without_panicking(text in "\\PC{0,20}|[2-9A-Za-z \\-]{0,12}") {
            let _ = decode(&text, &topics()).map_err(|e| e.to_string());
            let _ = normalize(&text);
            let _ = display(&text);
        }

        #[test]
        fn any_spec_encodes_or_explains_without_panicking(
            seed in any::<u64>(),
            count in any::<usize>(),
            picks in proptest::collection::vec(0..20usize, 0..20),
            table_size in 0..20usize,
        ) {
            let names: Vec<Topic> = (0..20).map(|i| Topic(format!("t{i}"))).collect();
            let table = &names[..table_size];
            let mut spec = QuizSpec::new(seed, count);
            spec.topics = picks.iter().map(|&i| names[i].clone()).collect();
            spec.kinds = picks.iter().map(|&i| QuestionKind::ALL[i % 8]).collect();
            match encode(&spec, table) {
                Ok(code) => prop_assert_eq!(decode(&code, table), Ok(canonical(spec, table))),
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }

        #[test]
        fn every_single_typo_and_neighbour_swap_is_caught(spec in spec_strategy()) {
            let code: Vec<u8> = encode(&spec, &topics()).unwrap().into_bytes();
            for i in 0..LENGTH {
                for &symbol in ALPHABET.iter().filter(|&&s| s != code[i]) {
                    let mut typo = code.clone();
                    typo[i] = symbol;
                    let typo = String::from_utf8(typo).unwrap();
                    prop_assert_eq!(decode(&typo, &topics()), Err(ClassCodeError::Typo), "{}", typo);
                }
                if i + 1 < LENGTH && code[i] != code[i + 1] {
                    let mut swapped = code.clone();
                    swapped.swap(i, i + 1);
                    let swapped = String::from_utf8(swapped).unwrap();
                    prop_assert_eq!(decode(&swapped, &topics()), Err(ClassCodeError::Typo), "{}", swapped);
                }
            }
        }
    }

    /// The reason the check works for every code, not only the sampled ones, checked over all of GF(32).
    #[test]
    fn the_check_step_is_a_bijection_each_way_and_tells_neighbours_apart() {
        for a in 0..32u8 {
            let by_symbol: std::collections::BTreeSet<u8> = (0..32).map(|v| step(a, v)).collect();
            let by_interim: std::collections::BTreeSet<u8> = (0..32).map(|c| step(c, a)).collect();
            assert_eq!((by_symbol.len(), by_interim.len()), (32, 32), "{a}");
            for x in 0..32u8 {
                for y in (0..32u8).filter(|&y| y != x) {
                    assert_ne!(step(step(a, x), y), step(step(a, y), x), "{a} {x} {y}");
                }
            }
        }
    }

    #[test]
    fn mixing_is_a_bijection_and_neighbours_look_unrelated() {
        for payload in (0..PAYLOAD_MASK).step_by(7_919_993).chain([PAYLOAD_MASK]) {
            assert_eq!(unmix(mix(payload)), payload);
        }
        let a = encode(&QuizSpec::new(42, 10), &topics()).unwrap();
        let b = encode(&QuizSpec::new(43, 10), &topics()).unwrap();
        let same = a.chars().zip(b.chars()).filter(|(x, y)| x == y).count();
        assert!(same <= 3, "{a} and {b}");
    }

    #[test]
    fn a_random_browser_seed_fits_a_code_for_the_whole_table() {
        let spec = QuizSpec::new(999_999_999, 10);
        let code = encode(&spec, &topics()).unwrap();
        assert_eq!(decode(&code, &topics()).unwrap(), spec);
        let largest = QuizSpec::new((1 << 30) - 1, 20);
        assert_eq!(
            decode(&encode(&largest, &topics()).unwrap(), &topics()).unwrap(),
            largest
        );
    }

    #[test]
    fn bad_codes_say_what_is_wrong_and_where() {
        assert_eq!(
            message("K7MQ"),
            "a class code has 8 letters and digits, and this one has 4"
        );
        assert_eq!(
            message(""),
            "a class code has 8 letters and digits, and this one has 0"
        );
        assert_eq!(
            message("K7MQ P4X0"),
            "character 8, “0”, is never used in class codes (they have no 0, O, 1 or I)"
        );
        assert_eq!(
            message("k7mq-p4xo"),
            "character 8, “o”, is never used in class codes (they have no 0, O, 1 or I)"
        );
        assert_eq!(
            message("K7MQ!P4X"),
            "character 5, “!”, is not a letter or digit"
        );
        assert_eq!(
            message("K7\u{7}MQ"),
            "character 3, U+0007, is not a letter or digit"
        );
        assert!(message("é").contains("“é”"));
        let code = encode(&QuizSpec::new(7, 10), &topics()).unwrap();
        let typo = format!(
            "{}{}",
            &code[..7],
            if code.ends_with('Z') { 'Y' } else { 'Z' }
        );
        assert_eq!(
            message(&typo),
            "this code has a typo: compare it with the one your teacher gave, letter by letter"
        );
    }

    #[test]
    fn specs_a_code_cannot_hold_are_refused_with_the_reason() {
        let all = topics();
        let refusal = |spec: &QuizSpec, table: &[Topic]| {
            assert!(!fits(spec, table));
            encode(spec, table).unwrap_err().to_string()
        };
        assert_eq!(
            refusal(&QuizSpec::new(1, 7), &all),
            "class codes hold quizzes of 5, 10, 15 or 20 questions, not 7"
        );
        let mut subset = QuizSpec::new(300, 10);
        subset.topics = vec![Topic("aid".into())];
        assert_eq!(
            refusal(&subset, &all),
            "with only some topics or kinds chosen, a class code holds quiz numbers from 0 to 255, and 300 is larger"
        );
        assert_eq!(
            refusal(&QuizSpec::new(1 << 30, 10), &all),
            "a class code holds quiz numbers from 0 to 1073741823, and 1073741824 is larger"
        );
        subset.seed = 3;
        subset.topics.push(Topic("moon-landing".into()));
        assert_eq!(
            refusal(&subset, &all),
            "this quiz has no topic “moon-landing”, so a class code cannot choose it"
        );
        let mut big = all.clone();
        big.push(Topic("weather".into()));
        subset.topics = vec![Topic("aid".into())];
        assert_eq!(
            refusal(&subset, &big),
            "a class code can choose topics only from a table of at most 14, and this one has 15: choose every topic instead"
        );
    }

    #[test]
    fn a_table_with_few_topics_round_trips_too() {
        let few = &topics()[..3];
        let mut spec = QuizSpec::new(200, 20);
        spec.topics = vec![few[2].clone()];
        let code = encode(&spec, few).unwrap();
        assert_eq!(decode(&code, few).unwrap(), spec);
    }

    #[test]
    fn a_table_with_many_topics_has_codes_for_every_topic_and_any_kinds() {
        let mut big = topics();
        big.push(Topic("weather".into()));
        let mut spec = QuizSpec::new(99, 15);
        spec.kinds = vec![QuestionKind::Cloze, QuestionKind::SourceCheck];
        assert_eq!(decode(&encode(&spec, &big).unwrap(), &big).unwrap(), spec);
        spec.topics = big.clone();
        assert_eq!(
            decode(&encode(&spec, &big).unwrap(), &big).unwrap(),
            canonical(spec, &big)
        );
    }

    #[test]
    fn a_code_for_another_table_is_refused() {
        let mut spec = QuizSpec::new(3, 5);
        spec.topics = vec![Topic("reporting".into())];
        let code = encode(&spec, &topics()).unwrap();
        assert_eq!(
            decode(&code, &topics()[..3]),
            Err(ClassCodeError::UnknownTopic)
        );
        let mut big = topics();
        big.push(Topic("weather".into()));
        assert_eq!(decode(&code, &big), Err(ClassCodeError::UnknownTopic));
        assert_eq!(
            decode(&code, &[]).unwrap_err().to_string(),
            "this code was made for a different set of facts than this quiz has"
        );
    }

    /// Codes no spec makes (a second spelling of a quiz that has its code) are refused as typos.
    #[test]
    fn a_code_that_passes_the_check_but_is_not_canonical_is_a_typo() {
        let every_kind = subset_code(0xff, 0b100, 5);
        let every_topic = subset_code(0b1, 0x3fff, 5);
        let neither = subset_code(0, 0, 5);
        for code in [every_kind, every_topic, neither] {
            assert_eq!(damm(&symbol_values(&code).unwrap()), 0);
            assert_eq!(
                decode(&code, &topics()),
                Err(ClassCodeError::Typo),
                "{code}"
            );
        }
        // The same payloads, canonical, are codes.
        assert!(decode(&subset_code(0b1, 0x3ffe, 5), &topics()).is_ok());
        assert!(decode(&subset_code(0xfe, 0, 5), &topics()).is_ok());
    }
}
