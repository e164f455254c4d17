//! Reading comprehension: short passages of one article, and the sentences in them that answer each question.
//!
//! A passage is a run of consecutive paragraphs of one source, short enough to read on a phone,
//! that holds the verbatim quotes of at least [`MIN_FACTS`] facts a reading question can ask;
//! after each answer, the sentences that support it can be highlighted.

use crate::fact::{AnswerKind, Fact, FactId, Value};
use crate::question::{Question, QuestionKind};
use crate::source::{Source, SourceId};
use crate::table::{FactIdx, FactTable};
use crate::text::{fold, normalize_whitespace, sentence_ranges};
use crate::verify::states_answer;
use std::ops::Range;

/// The kinds a reading quiz asks: each is answered by words the passage holds.
pub const KINDS: [QuestionKind; 3] = [
    QuestionKind::Cloze,
    QuestionKind::MultipleChoice,
    QuestionKind::WhoSaid,
];
/// Fewest words in a passage: enough context to read for.
pub const MIN_WORDS: usize = 80;
/// Most words in a passage: about one phone screen.
pub const MAX_WORDS: usize = 250;
/// Fewest facts a passage must let a reading quiz ask.
pub const MIN_FACTS: usize = 3;

/// A run of consecutive paragraphs of one source, with what a reading quiz can ask from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    pub source: SourceId,
    /// Which of the source's paragraphs ([`Source::paragraphs`]), end exclusive.
    pub paragraphs: Range<usize>,
    /// Those paragraphs, verbatim (whitespace-normalized), joined by `\n`.
    pub text: String,
    pub words: usize,
    /// Byte ranges of its sentences in `text`, in order; none crosses a paragraph.
    pub sentences: Vec<Range<usize>>,
    /// The facts a reading question can ask from it, in table order.
    pub facts: Vec<FactId>,
    /// The errors of this report that the table records inside the passage, in text order: a
    /// passage never prints a known error without a word.
    pub errata: Vec<Erratum>,
    /// `text` with paragraph breaks read as spaces (same offsets), as quotes are matched.
    flat: String,
    /// The questions it answers: (fact, kind), in table order.
    asks: Vec<(FactIdx, QuestionKind)>,
}

/// What the generator can ask of one fact, as far as a passage is concerned: the plain input
/// [`passages`] works from, so that this module needs nothing of the generator.
#[derive(Clone, Debug)]
pub struct Askable<'a> {
    pub fact: FactIdx,
    /// Every kind of single-fact question the table can ask of it (only [`KINDS`] are used).
    pub kinds: Vec<QuestionKind>,
    /// The quotes a cloze about it can blank: (source, whitespace-normalized text).
    pub cloze_quotes: Vec<(&'a SourceId, String)>,
}

/// A piece of a paragraph, highlighted or not, for rendering a passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub marked: bool,
    /// Whether it is (part of) words the table records as this report's error.
    pub erratum: bool,
    /// On the last piece of an error: what the other reports say instead, to print beside it.
    pub correction: Option<&'a str>,
}

/// Words of a passage that the table records as a source error, and the correct reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Erratum {
    /// Byte range in the passage's `text`.
    pub range: Range<usize>,
    /// The source-error fact that records it.
    pub fact: FactId,
    /// What the other reports say instead.
    pub correct: String,
}

impl Passage {
    /// The questions it answers: (fact, kind), in table order.
    pub fn asks(&self) -> &[(FactIdx, QuestionKind)] {
        &self.asks
    }

    /// Where a (whitespace-normalized) quote first occurs in `text`, if the passage holds it.
    pub fn find(&self, quote: &str) -> Option<Range<usize>> {
        let start = self.flat.find(quote).filter(|_| !quote.is_empty())?;
        Some(start..start + quote.len())
    }

    /// Whether the passage holds this (whitespace-normalized) quote, even across a paragraph break.
    pub fn holds(&self, quote: &str) -> bool {
        self.find(quote).is_some()
    }

    /// The byte ranges of the paragraphs in `text`.
    pub fn paragraph_ranges(&self) -> Vec<Range<usize>> {
        let mut start = 0;
        self.text
            .split('\n')
            .map(|p| {
                let range = start..start + p.len();
                start = range.end + 1;
                range
            })
            .collect()
    }

    /// The sentences that support `question`'s answer: every sentence that one of its quotes
    /// from this passage touches, in order. Empty for a question the passage does not hold.
    pub fn support(&self, question: &Question) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for evidence in question.quotes.iter().filter(|e| e.source == self.source) {
            if let Some(quote) = self.find(&normalize_whitespace(&evidence.quote)) {
                ranges.extend(
                    self.sentences
                        .iter()
                        .filter(|s| s.start < quote.end && quote.start < s.end)
                        .cloned(),
                );
            }
        }
        sort_ranges(&mut ranges);
        ranges
    }

    /// The sentences that support any of `questions`, in order, each once.
    pub fn support_all(&self, questions: &[Question]) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> =
            questions.iter().flat_map(|q| self.support(q)).collect();
        sort_ranges(&mut ranges);
        ranges
    }

    /// The paragraphs cut at the edges of `marks` (byte ranges into `text`, as [`Passage::support`]
    /// and [`highlights`] give) and of the passage's errata: what to wrap in `<mark>`, and where
    /// an error and its correction go. Ranges out of bounds or off a character boundary are ignored.
    pub fn segments(&self, marks: &[Range<usize>]) -> Vec<Vec<Segment<'_>>> {
        let fits = |r: &Range<usize>| {
            r.start < r.end
                && r.end <= self.text.len()
                && self.text.is_char_boundary(r.start)
                && self.text.is_char_boundary(r.end)
        };
        let marks: Vec<&Range<usize>> = marks.iter().filter(|r| fits(r)).collect();
        let errata: Vec<&Erratum> = self.errata.iter().filter(|e| fits(&e.range)).collect();
        self.paragraph_ranges()
            .into_iter()
            .map(|paragraph| {
                // Every edge inside the paragraph; each piece between two edges is uniform.
                let mut edges = vec![paragraph.start, paragraph.end];
                for range in marks.iter().copied().chain(errata.iter().map(|e| &e.range)) {
                    edges.extend([range.start, range.end]);
                }
                edges.retain(|&at| paragraph.start <= at && at <= paragraph.end);
                crate::order::sort(&mut edges);
                edges.dedup();
                // (range, marked, erratum, correction) of each piece between two edges;
                // neighbours that look alike are one piece (overlapping marks make one mark).
                let mut pieces: Vec<(Range<usize>, bool, bool, Option<&str>)> = Vec::new();
                for w in edges.windows(2) {
                    let piece = w[0]..w[1];
                    let inside = |r: &Range<usize>| r.start <= piece.start && piece.end <= r.end;
                    let marked = marks.iter().any(|r| inside(r));
                    let erratum = errata.iter().find(|e| inside(&e.range));
                    let correction = erratum
                        .filter(|e| e.range.end == piece.end)
                        .map(|e| e.correct.as_str());
                    match pieces.last_mut() {
                        Some(last)
                            if last.1 == marked
                                && last.2 == erratum.is_some()
                                && last.3.is_none() =>
                        {
                            last.0.end = piece.end;
                            last.3 = correction;
                        }
                        _ => pieces.push((piece, marked, erratum.is_some(), correction)),
                    }
                }
                pieces
                    .into_iter()
                    .map(|(range, marked, erratum, correction)| Segment {
                        text: &self.text[range],
                        marked,
                        erratum,
                        correction,
                    })
                    .collect()
            })
            .collect()
    }
}

/// The table's passages: per source in table order, in text order; the same table and
/// askable questions always give the same list.
pub fn passages(table: &FactTable, askable: &[Askable]) -> Vec<Passage> {
    let mut passages = Vec::new();
    for source in &table.sources {
        passages.extend(source_passages(table, askable, source));
    }
    passages
}

fn sort_ranges(ranges: &mut Vec<Range<usize>>) {
    crate::order::sort_by_key(ranges, |r| (r.start, r.end));
    ranges.dedup();
}

/// Paragraphs `first..=last` of a source, the span one quote occurrence covers.
type Span = (usize, usize);

/// One source, split for matching quotes against paragraphs.
struct Article<'a> {
    paragraphs: Vec<&'a str>,
    /// The paragraphs joined by spaces: the whitespace-normalized text quotes are checked against.
    flat: String,
    /// Byte offset of each paragraph in `flat`.
    starts: Vec<usize>,
}

impl<'a> Article<'a> {
    fn new(source: &'a Source) -> Article<'a> {
        let paragraphs: Vec<&str> = source.paragraphs().collect();
        let mut starts = Vec::with_capacity(paragraphs.len());
        let mut at = 0;
        for p in &paragraphs {
            starts.push(at);
            at += p.len() + 1;
        }
        Article {
            flat: paragraphs.join(" "),
            paragraphs,
            starts,
        }
    }

    fn span(&self, range: Range<usize>) -> Span {
        let paragraph = |offset: usize| self.starts.partition_point(|&s| s <= offset) - 1;
        (paragraph(range.start), paragraph(range.end - 1))
    }

    /// The paragraphs every occurrence of `needle` covers.
    fn spans(&self, needle: &str) -> Vec<Span> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.flat
            .match_indices(needle)
            .map(|(at, _)| self.span(at..at + needle.len()))
            .collect()
    }

    /// Like `spans`, ignoring ASCII case (which keeps byte offsets).
    fn spans_ignoring_case(&self, needle: &str) -> Vec<Span> {
        let (flat, needle) = (self.flat.to_ascii_lowercase(), needle.to_ascii_lowercase());
        if needle.is_empty() {
            return Vec::new();
        }
        flat.match_indices(&needle)
            .map(|(at, _)| self.span(at..at + needle.len()))
            .collect()
    }
}

/// What a run of paragraphs must hold to ask one reading question: every requirement met by one
/// of its alternatives (the paragraph spans of quotes that would do).
struct Need {
    fact: FactIdx,
    kind: QuestionKind,
    all_of: Vec<Vec<Span>>,
}

impl Need {
    fn met_in(&self, run: &Range<usize>) -> bool {
        self.all_of.iter().all(|any_of| {
            any_of
                .iter()
                .any(|&(first, last)| run.start <= first && last < run.end)
        })
    }
}

/// The reading questions a source could ask, and what each needs its passage to hold.
fn needs(table: &FactTable, askable: &[Askable], source: &Source, article: &Article) -> Vec<Need> {
    let mut needs = Vec::new();
    for ask in askable {
        let (f, fact) = (ask.fact, &table[ask.fact]);
        if fact.versions.len() != 1 {
            continue;
        }
        let quotes: Vec<String> = fact.versions[0]
            .evidence
            .iter()
            .filter(|e| e.source == source.id)
            .map(|e| normalize_whitespace(&e.quote))
            .collect();
        // Every reading kind needs a quote of this source (cloze sites are quotes too).
        if quotes.is_empty() {
            continue;
        }
        let spans_of = |keep: &dyn Fn(&str) -> bool| -> Vec<Span> {
            quotes
                .iter()
                .filter(|q| keep(q))
                .flat_map(|q| article.spans(q))
                .collect()
        };
        for &kind in ask.kinds.iter().filter(|k| KINDS.contains(k)) {
            let all_of = match kind {
                QuestionKind::MultipleChoice => {
                    vec![spans_of(&|q| states_answer(fact, fact.answer(), q))]
                }
                QuestionKind::Cloze => vec![ask
                    .cloze_quotes
                    .iter()
                    .filter(|(s, _)| **s == source.id)
                    .flat_map(|(_, q)| article.spans(q))
                    .collect()],
                // The words spoken and the name of who spoke them, both in the passage.
                QuestionKind::WhoSaid => vec![
                    spans_of(&|q| names_speaker(fact, q)),
                    fact.quotation.as_deref().map_or(Vec::new(), |words| {
                        article.spans_ignoring_case(&normalize_whitespace(words))
                    }),
                ],
                _ => continue,
            };
            if all_of.iter().all(|any_of| !any_of.is_empty()) {
                needs.push(Need {
                    fact: f,
                    kind,
                    all_of,
                });
            }
        }
    }
    needs
}

/// Whether a quote names a speaker fact's answer (or one of its spellings).
fn names_speaker(fact: &Fact, quote: &str) -> bool {
    let Value::Text(name) = fact.answer() else {
        return false;
    };
    let quote = fold(quote);
    std::iter::once(name)
        .chain(&fact.spellings)
        .any(|n| quote.contains(&fold(n)))
}

/// Whether a paragraph ends a sentence (so a passage may end with it).
fn ends_sentence(paragraph: &str) -> bool {
    paragraph
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '”' | '"' | '’' | ')' | '…'))
}

/// One source's passages, in text order.
fn source_passages(table: &FactTable, askable: &[Askable], source: &Source) -> Vec<Passage> {
    let mut passages = Vec::new();
    let article = Article::new(source);
    let needs = needs(table, askable, source, &article);
    let words: Vec<usize> = article
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .collect();
    let n = article.paragraphs.len();
    // Every run that may be a passage, by its first paragraph: (end, facts it can ask).
    let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (start, starts_here) in runs.iter_mut().enumerate() {
        // A passage opens with prose (or a line leading into a quotation), never a heading.
        let opener = article.paragraphs[start];
        if !(ends_sentence(opener) || opener.ends_with(':')) {
            continue;
        }
        let mut total = 0;
        for end in start + 1..=n {
            total += words[end - 1];
            if total > MAX_WORDS {
                break;
            }
            if total < MIN_WORDS || !ends_sentence(article.paragraphs[end - 1]) {
                continue;
            }
            let facts = facts_in(&needs, &(start..end)).len();
            if facts >= MIN_FACTS {
                starts_here.push((end, facts));
            }
        }
    }
    // The passages that do not overlap and ask the most facts (then are the most), earliest first.
    let mut best: Vec<((usize, usize), Option<usize>)> = vec![((0, 0), None); n + 1];
    for start in (0..n).rev() {
        let mut choice = (best[start + 1].0, None);
        for &(end, facts) in runs[start].iter().rev() {
            let (f, p) = best[end].0;
            let score = (f + facts, p + 1);
            if score >= choice.0 {
                choice = (score, Some(end));
            }
        }
        best[start] = choice;
    }
    let mut start = 0;
    while start < n {
        match best[start].1 {
            Some(end) => {
                passages.push(passage(source, &article, &needs, table, start..end));
                start = end;
            }
            None => start += 1,
        }
    }
    passages
}

/// The facts a run of paragraphs can ask about, ascending.
fn facts_in(needs: &[Need], run: &Range<usize>) -> Vec<FactIdx> {
    let mut facts: Vec<FactIdx> = needs
        .iter()
        .filter(|need| need.met_in(run))
        .map(|need| need.fact)
        .collect();
    facts.dedup();
    facts
}

fn passage(
    source: &Source,
    article: &Article,
    needs: &[Need],
    table: &FactTable,
    run: Range<usize>,
) -> Passage {
    let paragraphs = &article.paragraphs[run.clone()];
    let text = paragraphs.join("\n");
    let mut sentences = Vec::new();
    let mut at = 0;
    for paragraph in paragraphs {
        sentences.extend(sentence_ranges(paragraph).map(|s| s.start + at..s.end + at));
        at += paragraph.len() + 1;
    }
    Passage {
        source: source.id.clone(),
        words: text.split_whitespace().count(),
        sentences,
        facts: facts_in(needs, &run)
            .into_iter()
            .map(|f| table[f].id.clone())
            .collect(),
        errata: errata(table, source, &text),
        flat: text.replace('\n', " "),
        asks: needs
            .iter()
            .filter(|need| need.met_in(&run))
            .map(|need| (need.fact, need.kind))
            .collect(),
        paragraphs: run,
        text,
    }
}

/// The errors the table records about `source` whose evidence lies in `text` (a passage): the
/// wrong words themselves where a quote holds them, else the error's first quote there.
fn errata(table: &FactTable, source: &Source, text: &str) -> Vec<Erratum> {
    let flat = text.replace('\n', " ");
    let mut errata: Vec<Erratum> = Vec::new();
    let errors = table
        .facts
        .iter()
        .filter(|f| f.kind == AnswerKind::SourceError && f.about.as_ref() == Some(&source.id));
    for error in errors {
        let wrong = error.answer().to_string();
        // Where each of its quotes lies in the passage, and the wrong words in it if it holds them.
        let found: Vec<(Range<usize>, Option<Range<usize>>)> = error.versions[0]
            .evidence
            .iter()
            .filter(|e| e.source == source.id)
            .filter_map(|evidence| {
                let quote = normalize_whitespace(&evidence.quote);
                let at = flat.find(&quote).filter(|_| !quote.is_empty())?;
                let words = quote
                    .find(&wrong)
                    .filter(|_| !wrong.is_empty())
                    .map(|offset| at + offset..at + offset + wrong.len());
                Some((at..at + quote.len(), words))
            })
            .collect();
        let ranges: Vec<Range<usize>> = if found.iter().any(|(_, words)| words.is_some()) {
            found.into_iter().filter_map(|(_, words)| words).collect()
        } else {
            found.into_iter().map(|(quote, _)| quote).take(1).collect()
        };
        for range in ranges {
            if !errata
                .iter()
                .any(|e| e.range.start < range.end && range.start < e.range.end)
            {
                errata.push(Erratum {
                    range,
                    fact: error.id.clone(),
                    correct: error.correct.clone().unwrap_or_default(),
                });
            }
        }
    }
    crate::order::sort_by_key(&mut errata, |e| e.range.start);
    errata
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(paragraph: &str) -> Vec<&str> {
        sentence_ranges(paragraph).map(|r| &paragraph[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_not_at_abbreviations() {
        assert_eq!(
            split("It rained. U.S. Secretary Rubio came on Aug. 24 to Kyiv. “Good,” he said."),
            [
                "It rained.",
                "U.S. Secretary Rubio came on Aug. 24 to Kyiv.",
                "“Good,” he said."
            ]
        );
        assert_eq!(
            split("“We count on you.” Zelensky said so! Did he? 2 more."),
            [
                "“We count on you.”",
                "Zelensky said so!",
                "Did he?",
                "2 more."
            ]
        );
        assert_eq!(split("no stop at the end"), ["no stop at the end"]);
        assert_eq!(
            split("$1.45 billion. for U.S.-sourced arms"),
            ["$1.45 billion. for U.S.-sourced arms"]
        );
    }

    fn passage_of(text: &str) -> Passage {
        Passage {
            source: SourceId("s".into()),
            paragraphs: 0..text.split('\n').count(),
            text: text.into(),
            words: text.split_whitespace().count(),
            sentences: Vec::new(),
            facts: Vec::new(),
            errata: Vec::new(),
            flat: text.replace('\n', " "),
            asks: Vec::new(),
        }
    }

    #[test]
    fn segments_cut_paragraphs_at_marks_and_ignore_bad_ranges() {
        let passage = passage_of("One. Two.\nThree “x”.");
        let shown = |marks: &[Range<usize>]| -> Vec<Vec<(String, bool)>> {
            passage
                .segments(marks)
                .into_iter()
                .map(|p| {
                    p.into_iter()
                        .map(|s| (s.text.to_string(), s.marked))
                        .collect()
                })
                .collect()
        };
        let s = |t: &str, m: bool| (t.to_string(), m);
        assert_eq!(
            shown(&[]),
            [vec![s("One. Two.", false)], vec![s("Three “x”.", false)]]
        );
        // A mark across the paragraph break is cut in two; one inside a character is ignored.
        assert_eq!(
            shown(&[5..15, 17..18, 0..99]),
            [
                vec![s("One. ", false), s("Two.", true)],
                vec![s("Three", true), s(" “x”.", false)]
            ]
        );
        assert_eq!(
            shown(&[0..4, 2..4]),
            [
                vec![s("One.", true), s(" Two.", false)],
                vec![s("Three “x”.", false)]
            ]
        );
    }

    #[test]
    fn a_quote_is_found_across_a_paragraph_break() {
        let passage = passage_of("Headline here\nSunday, August 24");
        assert_eq!(passage.find("here Sunday"), Some(9..20));
        assert!(!passage.holds(""));
        assert_eq!(passage.paragraph_ranges(), [0..13, 14..31]);
    }
}
