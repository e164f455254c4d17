//! Exports a quiz for learning-management systems (Moodle XML, a QTI 3.0 package, a Common Cartridge 1.1): pure, so the CLI and the teacher page give the same bytes.
//!
//! Every writer takes the questions exactly as [`sourced_core::generate`] makes them and
//! carries what each has: the prompt, the options or blank, the key (every accepted spelling,
//! the tolerance the widget grades by, the pairs, the order), the explanation, the status, and
//! every quote in its whole sentence with its outlet and headline, plus the context quotes.
//! What a format cannot hold is said in [`Export::notes`] (and in the README).

mod cartridge;
mod moodle;
mod qti3;
mod xml;
mod zip;

pub use zip::crc32;

use sourced_core::text::{lowercase, QuoteSetting};
use sourced_core::{Evidence, FactTable, Question, Quiz, Status};
use xml::escape;

/// The three formats `sourced export --format` and the teacher page offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Moodle XML: one file, every kind as a native Moodle question type.
    MoodleXml,
    /// IMS Common Cartridge 1.1 with QTI 1.2 (Canvas, Brightspace, Moodle): a zip.
    CommonCartridge,
    /// IMS QTI 3.0 content package (items, a test and `imsmanifest.xml`): a zip.
    Qti3,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::MoodleXml, Format::CommonCartridge, Format::Qti3];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::MoodleXml => "moodle-xml",
            Format::CommonCartridge => "common-cartridge",
            Format::Qti3 => "qti3",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Whether the export is a zip package (which cannot go to a terminal).
    pub fn is_package(self) -> bool {
        !matches!(self, Format::MoodleXml)
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::MoodleXml => "application/xml",
            Format::CommonCartridge => "application/vnd.ims.imsccv1p1",
            Format::Qti3 => "application/zip",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::MoodleXml => "xml",
            Format::CommonCartridge => "imscc",
            Format::Qti3 => "zip",
        }
    }
}

/// What a quiz is called in the learning-management system, and the file it is saved as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizName {
    /// `class code ABCD-EFGH` or `seed=42&count=10&kinds=cloze`.
    pub label: String,
    /// For file names and identifiers: `ABCDEFGH` or `seed-42-count-10-kinds-cloze`.
    pub slug: String,
}

impl QuizName {
    /// Named after the class code when there is one (what the teacher shares), otherwise
    /// after the settings that reproduce the quiz.
    pub fn of(quiz: &Quiz, class_code: Option<&str>) -> QuizName {
        match class_code {
            Some(code) => QuizName {
                label: format!("class code {}", sourced_core::class_code::display(code)),
                slug: code.to_string(),
            },
            None => {
                let query = quiz.spec.query();
                let slug = query
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect();
                QuizName { label: query, slug }
            }
        }
    }
}

impl QuizName {
    /// `Sourced Quiz, class code ABCD-EFGH`: the quiz's title in a system's list.
    pub fn title(&self) -> String {
        format!("Sourced Quiz, {}", self.label)
    }
}

/// An export: its bytes, the file name to save them as, and what the format changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub mime: &'static str,
    /// One line per question the format could not carry as it is (converted, or left out).
    pub notes: Vec<String>,
}

/// `quiz` in `format`. `table` gives each quote's outlet and headline.
pub fn export(table: &FactTable, quiz: &Quiz, name: &QuizName, format: Format) -> Export {
    let (bytes, notes) = match format {
        Format::MoodleXml => (moodle::write(table, quiz, name).into_bytes(), Vec::new()),
        Format::CommonCartridge => cartridge::write(table, quiz, name),
        Format::Qti3 => (qti3::write(table, quiz, name), Vec::new()),
    };
    Export {
        bytes,
        file_name: format!("sourced-quiz-{}.{}", name.slug, format.extension()),
        mime: format.mime(),
        notes,
    }
}

/// How a status reads to a teacher: the widget's own words, and what they mean.
fn status_line(status: Status) -> &'static str {
    match status {
        Status::Corroborated => "Confirmed by independent reports.",
        Status::SingleSource => "Reported by one source only.",
        Status::Conflicting => "The reports disagree: every version is quoted below.",
    }
}

/// How quoted words are marked in their sentence: `mark` in HTML, `strong` where the format's
/// content model (QTI 3's XHTML subset) has no `mark`.
#[derive(Clone, Copy)]
enum Marker {
    Mark,
    Strong,
}

/// One quote as HTML: its whole sentence with the quoted words marked, then the outlet and
/// the headline of the report it comes from.
fn quote_html(table: &FactTable, evidence: &Evidence, marker: Marker) -> String {
    let tag = match marker {
        Marker::Mark => "mark",
        Marker::Strong => "strong",
    };
    let source = table.source(&evidence.source);
    let outlet = source.map_or(evidence.source.0.as_str(), |s| s.outlet.as_str());
    let [lead, quote, tail] = evidence.shown(QuoteSetting::Block);
    let sentence = if evidence.lead.is_empty() && evidence.tail.is_empty() {
        escape(&format!("{lead}{quote}{tail}"))
    } else {
        format!(
            "{}<{tag}>{}</{tag}>{}",
            escape(&lead),
            escape(&quote),
            escape(&tail)
        )
    };
    let headline = match source.map(|s| s.headline.as_str()) {
        Some(headline) if !headline.is_empty() => format!(", “{}”", escape(headline)),
        _ => String::new(),
    };
    format!(
        "<li><blockquote><p>{sentence}</p></blockquote><p>— {}{headline}</p></li>",
        escape(outlet)
    )
}

/// Everything the widget shows after an answer, as HTML: the answer, the explanation, the
/// status, every quote that states the answer and, apart, the quotes that only set the scene.
fn feedback_html(table: &FactTable, question: &Question, marker: Marker) -> String {
    let mut html = format!(
        "<p><strong>The answer:</strong> {}</p><p>{}</p><p><strong>How well it is sourced:</strong> {}</p>",
        escape(&question.answer_text),
        escape(&question.explanation),
        status_line(question.status)
    );
    if !question.quotes.is_empty() {
        html.push_str("<p><strong>What the reports say:</strong></p><ul>");
        for evidence in &question.quotes {
            html.push_str(&quote_html(table, evidence, marker));
        }
        html.push_str("</ul>");
    }
    if !question.context.is_empty() {
        html.push_str("<p><strong>");
        html.push_str(crate::strings::CONTEXT_QUOTES);
        html.push_str(":</strong></p><ul>");
        for evidence in &question.context {
            html.push_str(&quote_html(table, evidence, marker));
        }
        html.push_str("</ul>");
    }
    html
}

/// Labels a system can filter by: the kind, the topic, the status and every fact id.
fn tags(question: &Question) -> Vec<String> {
    let mut tags = vec![
        format!("kind:{}", question.kind.name()),
        format!("topic:{}", question.topic.0),
        format!("status:{}", question.status.name()),
    ];
    tags.extend(question.fact_ids.iter().map(|id| format!("fact:{}", id.0)));
    tags
}

/// A short name for question `number` (from 1): the kind and the prompt's first words.
fn question_name(number: usize, question: &Question) -> String {
    const WORDS: usize = 12;
    let words: Vec<&str> = question.prompt.split_whitespace().collect();
    let mut prompt = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        prompt.push('…');
    }
    format!("{number:02} {}: {prompt}", question.kind.name())
}

/// The accepted answers of a cloze as a system that compares strings needs them: every
/// spelling the generator accepts, then the forms the widget's folding would also accept
/// (`$680 million` → `680 million`), without repeats (compared case-insensitively).
fn accepted_spellings(accepted: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let fresh = |out: &Vec<String>, s: &str| {
        !s.is_empty() && !out.iter().any(|o| lowercase(o) == lowercase(s))
    };
    for answer in accepted {
        if fresh(&out, answer) {
            out.push(answer.clone());
        }
    }
    for answer in accepted {
        let folded = sourced_core::question::normalize_answer(answer);
        if fresh(&out, &folded) {
            out.push(folded);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_named_as_the_cli_takes_them() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("qti2"), None);
    }

    #[test]
    fn cloze_keys_keep_every_spelling_then_the_folded_forms() {
        let accepted = [
            "$680 million".to_string(),
            "680 Million".into(),
            "Samara".into(),
        ];
        assert_eq!(
            accepted_spellings(&accepted),
            ["$680 million", "680 Million", "Samara"]
        );
    }
}
