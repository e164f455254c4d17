//! The articles a fact table quotes, and how they derive from one another.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A source's stable id, as used by every quote (`cbc-aggregator`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of text an article is, as far as the text itself tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Reporting in its own words (possibly republished elsewhere).
    Original,
    /// A translation, human or machine, of another report.
    Translation,
    /// Another outlet's report rewritten.
    Rewrite,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Original => "original report",
            SourceKind::Translation => "translation",
            SourceKind::Rewrite => "rewrite",
        }
    }
}

/// One article of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    /// Path of the article's text, relative to the fact-table directory.
    pub file: String,
    pub headline: String,
    pub outlet: String,
    pub kind: SourceKind,
    /// An outside report this one derives from (`"CBC News"`), if the text shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// A source of this table this one derives from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derives_from: Option<SourceId>,
    #[serde(default)]
    pub notes: String,
    /// Computed by the verifier: sources in one group are not independent of each other.
    #[serde(default)]
    pub independence_group: String,
    /// The article as shipped to the browser (see [`shipped_text`]); empty if not loaded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Source {
    /// The article's paragraphs, in order (none if its text was not loaded).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n').filter(|p| !p.is_empty())
    }
}

/// An article's text as the table ships it: one paragraph per non-blank line, each
/// whitespace-normalized, joined by `\n`. Whitespace-normalized, it is the text quotes are
/// checked against, so every quote is also a substring of it (with `\n` read as a space).
pub fn shipped_text(article: &str) -> String {
    article
        .lines()
        .map(crate::text::normalize_whitespace)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Computes every source's independence group: the root of its `derives_from`
/// chain, that root's `based_on` report if it names one, else the root's own id.
///
/// Returns the ids of sources whose chain loops or names an unknown source.
pub fn assign_independence_groups(sources: &mut [Source]) -> Vec<SourceId> {
    let mut broken = Vec::new();
    let groups: Vec<Option<String>> = (0..sources.len())
        .map(|start| {
            let mut current = start;
            for _ in 0..=sources.len() {
                match &sources[current].derives_from {
                    None => {
                        let root = &sources[current];
                        return Some(root.based_on.clone().unwrap_or_else(|| root.id.0.clone()));
                    }
                    Some(parent) => match sources.iter().position(|s| &s.id == parent) {
                        Some(next) => current = next,
                        None => return None,
                    },
                }
            }
            None
        })
        .collect();
    for (source, group) in sources.iter_mut().zip(groups) {
        match group {
            Some(group) => source.independence_group = group,
            None => {
                source.independence_group = source.id.0.clone();
                broken.push(source.id.clone());
            }
        }
    }
    broken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_whitespace;

    #[test]
    fn shipped_text_keeps_paragraphs_and_normalizes_to_the_article() {
        let article = "\nHeadline  here\n\n  First\tparagraph.  \n\n\nSecond one.\n";
        let shipped = shipped_text(article);
        assert_eq!(shipped, "Headline here\nFirst paragraph.\nSecond one.");
        assert_eq!(
            normalize_whitespace(&shipped),
            normalize_whitespace(article)
        );
        let source = Source {
            id: SourceId("s".into()),
            file: String::new(),
            headline: String::new(),
            outlet: String::new(),
            kind: SourceKind::Original,
            based_on: None,
            derives_from: None,
            notes: String::new(),
            independence_group: String::new(),
            text: shipped,
        };
        assert_eq!(source.paragraphs().count(), 3);
        assert_eq!(
            Source {
                text: String::new(),
                ..source
            }
            .paragraphs()
            .count(),
            0
        );
    }
}
