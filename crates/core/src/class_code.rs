//! Class codes: a quiz spec in 8 symbols a teacher can read aloud, with a check symbol that catches typos.
//!
//! Alphabet: the 32 symbols `23456789ABCDEFGHJKLMNPQRSTUVWXYZ` (no 0/O, no 1/I/l), 5 bits each.
//! Seven symbols carry 35 bits of payload, most significant first; the eighth is a Damm check
//! symbol over GF(32), which catches every single wrong symbol and every swap of two
//! neighbouring symbols.
//!
//! Payload, from the top bit down:
//! - 1 bit form: 0 = every topic and kind, 1 = a chosen subset;
//! - 2 bits count (index into `LENGTHS`: 5, 10, 15, 20), 2 bits difficulty (mixed, easy, medium, hard);
//! - form 0: 30 bits seed (any seed below 2^30, which covers every seed the browser draws);
//! - form 1: 8 bits kinds (over `QuestionKind::ALL`), 14 bits topics (over the table's topics in
//!   table order), 8 bits seed (below 256).
//!
//! The payload is mixed (multiplied by an odd constant and XORed, a bijection on 35 bits)
//! before it becomes symbols, so that neighbouring quiz numbers get unrelated-looking codes.
//!
//! Topics are numbered by the table, so a code belongs to the fact table it was made with.

use crate::config::LENGTHS;
use crate::fact::Topic;
use crate::generate::QuizSpec;
use crate::question::{Difficulty, QuestionKind};
use std::fmt;

/// Symbols in a code.
pub const LENGTH: usize = 8;
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const MAX_TOPICS: usize = 14;
const FULL_SEED_BITS: u32 = 30;
const SUBSET_SEED_BITS: u32 = 8;
const PAYLOAD_MASK: u64 = (1 << 35) - 1;
const MIX_FACTOR: u64 = 0x5_DEEC_E66D;
const MIX_XOR: u64 = 0x2_A5A5_A5A5;

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
    /// A character codes never contain, at this 1-based position.
    Symbol { symbol: char, position: usize },
    /// The check symbol does not match: a typo.
    Typo,
    /// The code names a topic this table does not have (it was made for another table).
    UnknownTopic,
    /// Class codes hold quizzes of 5, 10, 15 or 20 questions.
    Count { count: usize },
    /// The seed is too large to fit with these choices.
    Seed { seed: u64, limit: u64 },
    /// The table has more topics than a code can name one by one.
    TooManyTopics { topics: usize },
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
            ClassCodeError::Symbol { symbol, position } => write!(
                f,
                "character {position}, “{symbol}”, is not a letter or digit"
            ),
            ClassCodeError::Typo => f.write_str(
                "this code has a typo: compare it with the one your teacher gave, letter by letter",
            ),
            ClassCodeError::UnknownTopic => f.write_str(
                "this code was made for a different set of facts than this quiz has",
            ),
            ClassCodeError::Count { count } => write!(
                f,
                "class codes hold quizzes of 5, 10, 15 or 20 questions, not {count}"
            ),
            ClassCodeError::Seed { seed, limit } => write!(
                f,
                "with these choices the quiz number must be below {limit}, and {seed} is not"
            ),
            ClassCodeError::TooManyTopics { topics } => write!(
                f,
                "this table has {topics} topics; a class code can name at most {MAX_TOPICS} one by one"
            ),
        }
    }
}

impl std::error::Error for ClassCodeError {}

/// The spec as a code stores it: topics and kinds in table and `ALL` order, without repeats,
/// and "all of them" written as none (both mean every one, and generate the same quiz).
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

/// The class code for `spec` (in its canonical form), for a table with these topics.
pub fn encode(spec: &QuizSpec, topics: &[Topic]) -> Result<String, ClassCodeError> {
    let spec = canonical(spec.clone(), topics);
    let count = LENGTHS
        .iter()
        .position(|&n| n == spec.count)
        .ok_or(ClassCodeError::Count { count: spec.count })? as u64;
    let difficulty = spec
        .difficulty
        .map_or(0, |d| Difficulty::ALL.iter().position(|&x| x == d).unwrap_or(0) + 1)
        as u64;
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
        if topics.len() > MAX_TOPICS {
            return Err(ClassCodeError::TooManyTopics {
                topics: topics.len(),
            });
        }
        let kinds = bits(QuestionKind::ALL.iter().map(|k| spec.kinds.contains(k)));
        // Topic i is bit 13 - i, whatever the table's size.
        let chosen = bits(topics.iter().map(|t| spec.topics.contains(t)))
            << (MAX_TOPICS - topics.len());
        (1 << 34) | (head << 30) | (kinds << 22) | (chosen << 8) | spec.seed
    };
    let mixed = mix(payload);
    let mut symbols: Vec<u8> = (0..LENGTH - 1)
        .rev()
        .map(|i| ((mixed >> (5 * i)) & 31) as u8)
        .collect();
    symbols.push(check_symbol(&symbols));
    Ok(symbols.iter().map(|&v| ALPHABET[v as usize] as char).collect())
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
        let named = topics.len().min(MAX_TOPICS);
        if chosen & ((1 << (MAX_TOPICS - named)) - 1) != 0 {
            return Err(ClassCodeError::UnknownTopic);
        }
        spec.topics = topics[..named]
            .iter()
            .enumerate()
            .filter(|(i, _)| chosen >> (MAX_TOPICS - 1 - i) & 1 == 1)
            .map(|(_, t)| t.clone())
            .collect();
    } else {
        spec.seed = payload & ((1 << FULL_SEED_BITS) - 1);
    }
    Ok(spec)
}

/// The code as typed, in capitals without spaces or hyphens, if it has the right symbols.
pub fn normalize(typed: &str) -> Option<String> {
    let values = symbol_values(typed).ok()?;
    Some(values.iter().map(|&v| ALPHABET[v as usize] as char).collect())
}

/// The code in two groups of four, for reading aloud (`K7MQ P4XA`); typing it back either way works.
pub fn display(code: &str) -> String {
    match code.get(..4) {
        Some(head) if code.len() == LENGTH => format!("{head} {}", &code[4..]),
        _ => code.to_string(),
    }
}

/// Each symbol's value; spaces and hyphens are skipped, case is ignored.
fn symbol_values(typed: &str) -> Result<Vec<u8>, ClassCodeError> {
    let kept: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    for (i, c) in kept.iter().enumerate() {
        let upper = c.to_ascii_uppercase();
        if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) {
            return Err(ClassCodeError::Symbol {
                symbol: *c,
                position: i + 1,
            });
        }
    }
    if kept.len() != LENGTH {
        return Err(ClassCodeError::Length { typed: kept.len() });
    }
    Ok(kept
        .iter()
        .map(|c| {
            let upper = c.to_ascii_uppercase() as u8;
            ALPHABET.iter().position(|&a| a == upper).unwrap_or(0) as u8
        })
        .collect())
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

/// Damm's check over the quasigroup x∘y = 2x + y in GF(32): totally anti-symmetric because
/// 2 ≠ 1, so a neighbour swap changes the result, and a bijection in each argument, so a
/// single wrong symbol does too. A valid code folds to 0.
fn damm(values: &[u8]) -> u8 {
    values.iter().fold(0, |interim, &v| times_two(interim) ^ v)
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
            "visit", "aid", "agreements", "security", "coalition", "united-states", "nato",
            "russia", "history", "energy", "sanctions", "related", "quotes", "reporting",
        ]
        .map(|t| Topic(t.into()))
        .to_vec()
    }

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

    proptest! {
        #![proptest_config(ProptestConfig { cases: 5_000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn every_encodable_spec_round_trips(spec in spec_strategy()) {
            let code = encode(&spec, &topics()).unwrap();
            prop_assert_eq!(code.len(), LENGTH);
            prop_assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
            let decoded = decode(&code, &topics()).unwrap();
            prop_assert_eq!(&decoded, &canonical(spec.clone(), &topics()));
            prop_assert_eq!(encode(&decoded, &topics()).unwrap(), code.clone());
            // Lower case, spaces and hyphens are the same code.
            let typed = display(&code).to_lowercase().replacen(' ', " - ", 1);
            prop_assert_eq!(decode(&typed, &topics()).unwrap(), decoded);
        }

        #[test]
        fn any_text_decodes_or_explains_without_panicking(text in ".{0,20}") {
            let _ = decode(&text, &topics()).map_err(|e| e.to_string());
            let _ = normalize(&text);
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
    }

    #[test]
    fn bad_codes_say_what_is_wrong_and_where() {
        let message = |code: &str| decode(code, &topics()).unwrap_err().to_string();
        assert_eq!(
            message("K7MQ"),
            "a class code has 8 letters and digits, and this one has 4"
        );
        assert_eq!(
            message("K7MQ P4X0"),
            "character 8, “0”, is never used in class codes (they have no 0, O, 1 or I)"
        );
        assert_eq!(
            message("K7MQ!P4X"),
            "character 5, “!”, is not a letter or digit"
        );
        assert!(message("é").contains("“é”"));
    }

    #[test]
    fn specs_a_code_cannot_hold_are_refused_with_the_reason() {
        let all = topics();
        assert_eq!(
            encode(&QuizSpec::new(1, 7), &all),
            Err(ClassCodeError::Count { count: 7 })
        );
        let mut subset = QuizSpec::new(300, 10);
        subset.topics = vec![Topic("aid".into())];
        assert_eq!(
            encode(&subset, &all).unwrap_err().to_string(),
            "with these choices the quiz number must be below 256, and 300 is not"
        );
        assert!(encode(&QuizSpec::new(1 << 30, 10), &all).is_err());
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
    fn a_code_for_a_larger_table_is_refused_by_a_smaller_one() {
        let mut spec = QuizSpec::new(3, 5);
        spec.topics = vec![Topic("reporting".into())];
        let code = encode(&spec, &topics()).unwrap();
        assert_eq!(
            decode(&code, &topics()[..3]),
            Err(ClassCodeError::UnknownTopic)
        );
    }
}
