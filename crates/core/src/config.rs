//! Widget configuration from URL parameters or `data-` attributes: parsed and checked, every bad value reported.

use crate::fact::Topic;
use crate::generate::QuizSpec;
use crate::question::{Difficulty, QuestionKind};
use std::fmt;

/// The quiz lengths offered on the start screen; any count from 1 to `MAX_COUNT` is accepted from a URL.
pub const LENGTHS: [usize; 4] = [5, 10, 15, 20];
pub const MAX_COUNT: usize = 50;
pub const DEFAULT_COUNT: usize = 10;

/// What a page asked for. Unset fields keep the start screen's defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub seed: Option<u64>,
    pub count: Option<usize>,
    pub topics: Vec<Topic>,
    pub kinds: Vec<QuestionKind>,
    pub difficulty: Option<Difficulty>,
    pub autostart: bool,
}

/// A configuration value that could not be used, naming the key and what it accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub value: String,
    pub allowed: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}={}` is not valid: {} expects {}",
            self.key, self.value, self.key, self.allowed
        )
    }
}

/// Parses `key=value` pairs (URL query or `data-` attributes) against the table's topics.
///
/// Returns what could be used, every invalid value, and the unknown keys.
pub fn parse_config<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    topics: &[Topic],
) -> (Config, Vec<ConfigError>, Vec<String>) {
    let mut config = Config::default();
    let mut errors = Vec::new();
    let mut unknown = Vec::new();
    for (key, value) in pairs {
        let mut fail = |allowed: String| {
            errors.push(ConfigError {
                key: key.to_string(),
                value: value.to_string(),
                allowed,
            })
        };
        match key {
            "seed" => match value.trim().parse::<u64>() {
                Ok(seed) => config.seed = Some(seed),
                Err(_) => fail(format!("a whole number from 0 to {}", u64::MAX)),
            },
            "count" => match value.trim().parse::<usize>() {
                Ok(count) if (1..=MAX_COUNT).contains(&count) => config.count = Some(count),
                _ => fail(format!("a number of questions from 1 to {MAX_COUNT}")),
            },
            "topics" => {
                for name in list(value) {
                    match topics.iter().find(|t| t.0 == name) {
                        Some(topic) => config.topics.push(topic.clone()),
                        None => fail(format!(
                            "topics from: {}",
                            topics
                                .iter()
                                .map(|t| t.0.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                }
            }
            "kinds" => {
                for name in list(value) {
                    match QuestionKind::from_name(name) {
                        Some(kind) => config.kinds.push(kind),
                        None => fail(format!(
                            "kinds from: {}",
                            QuestionKind::ALL
                                .iter()
                                .map(|k| k.name())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                    }
                }
            }
            "difficulty" => match Difficulty::from_name(value.trim()) {
                Some(difficulty) => config.difficulty = Some(difficulty),
                None => fail("easy, medium or hard".into()),
            },
            "autostart" => match value.trim() {
                "" | "1" | "true" | "on" | "yes" => config.autostart = true,
                "0" | "false" | "off" | "no" => config.autostart = false,
                _ => fail("true or false".into()),
            },
            other => unknown.push(other.to_string()),
        }
    }
    (config, errors, unknown)
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl Config {
    /// The quiz this configuration asks for, with `fallback_seed` when it names none.
    pub fn spec(&self, fallback_seed: u64) -> QuizSpec {
        QuizSpec {
            seed: self.seed.unwrap_or(fallback_seed),
            count: self.count.unwrap_or(DEFAULT_COUNT),
            topics: self.topics.clone(),
            kinds: self.kinds.clone(),
            difficulty: self.difficulty,
        }
    }
}

/// The URL query that reproduces a quiz exactly (`seed=42&count=10&…`).
pub fn spec_query(spec: &QuizSpec) -> String {
    let mut query = format!("seed={}&count={}", spec.seed, spec.count);
    if !spec.topics.is_empty() {
        let topics: Vec<&str> = spec.topics.iter().map(|t| t.0.as_str()).collect();
        query.push_str(&format!("&topics={}", topics.join(",")));
    }
    if !spec.kinds.is_empty() {
        let kinds: Vec<&str> = spec.kinds.iter().map(|k| k.name()).collect();
        query.push_str(&format!("&kinds={}", kinds.join(",")));
    }
    if let Some(difficulty) = spec.difficulty {
        query.push_str(&format!("&difficulty={}", difficulty.name()));
    }
    query.push_str("&autostart=1");
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Vec<Topic> {
        vec![Topic("aid".into()), Topic("visit".into())]
    }

    #[test]
    fn good_values_are_read() {
        let (config, errors, unknown) = parse_config(
            [
                ("seed", "42"),
                ("count", "5"),
                ("topics", "aid, visit"),
                ("kinds", "cloze"),
                ("difficulty", "hard"),
                ("autostart", "1"),
            ],
            &topics(),
        );
        assert!(
            errors.is_empty() && unknown.is_empty(),
            "{errors:?} {unknown:?}"
        );
        assert_eq!(config.seed, Some(42));
        assert_eq!(config.count, Some(5));
        assert_eq!(config.topics.len(), 2);
        assert_eq!(config.kinds, [QuestionKind::Cloze]);
        assert_eq!(config.difficulty, Some(Difficulty::Hard));
        assert!(config.autostart);
    }

    #[test]
    fn bad_values_name_the_key_and_what_it_allows() {
        let (config, errors, unknown) = parse_config(
            [
                ("count", "0"),
                ("difficulty", "extreme"),
                ("colour", "red"),
                ("seed", "-1"),
            ],
            &topics(),
        );
        assert_eq!(config, Config::default());
        assert_eq!(unknown, ["colour"]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages[0],
            "`count=0` is not valid: count expects a number of questions from 1 to 50"
        );
        assert_eq!(
            messages[1],
            "`difficulty=extreme` is not valid: difficulty expects easy, medium or hard"
        );
        assert!(messages[2].starts_with("`seed=-1` is not valid: seed expects a whole number"));
    }

    #[test]
    fn a_spec_round_trips_through_its_query() {
        let spec = QuizSpec {
            seed: 7,
            count: 15,
            topics: vec![Topic("aid".into())],
            kinds: vec![QuestionKind::Matching, QuestionKind::Numeric],
            difficulty: Some(Difficulty::Medium),
        };
        let query = spec_query(&spec);
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        let (config, errors, _) = parse_config(pairs, &topics());
        assert!(errors.is_empty());
        assert_eq!(config.spec(0), spec);
    }
}
