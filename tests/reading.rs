//! Reading-comprehension mode against the real fact table: passages, their quizzes, and the sentences they highlight.
#![cfg(not(target_arch = "wasm32"))]

use sourced_core::text::normalize_whitespace;
use sourced_core::{FactTable, Prepared};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

fn prepared() -> &'static Prepared {
    static PREPARED: OnceLock<Prepared> = OnceLock::new();
    PREPARED
        .get_or_init(|| Prepared::new(sourced_quiz::embedded_table().expect("questions/ verifies")))
}

fn table() -> &'static FactTable {
    prepared().table()
}

/// Each article as the verifier reads it: the file on disk, whitespace-normalized.
fn files() -> &'static HashMap<String, String> {
    static FILES: OnceLock<HashMap<String, String>> = OnceLock::new();
    FILES.get_or_init(|| {
        table()
            .sources
            .iter()
            .map(|s| {
                let path = format!("{}/questions/{}", env!("CARGO_MANIFEST_DIR"), s.file);
                let text = std::fs::read_to_string(path).expect("the article is on disk");
                (s.id.0.clone(), normalize_whitespace(&text))
            })
            .collect()
    })
}

#[test]
fn the_shipped_text_is_the_article_the_quotes_are_checked_against() {
    for source in &table().sources {
        assert!(!source.text.is_empty(), "{} ships no text", source.id);
        assert_eq!(
            normalize_whitespace(&source.text),
            files()[&source.id.0],
            "{}",
            source.id
        );
        assert!(source
            .paragraphs()
            .all(|p| p == normalize_whitespace(p) && !p.is_empty()));
    }
}

#[test]
fn every_passage_is_verbatim_phone_sized_and_holds_the_quotes_of_three_facts() {
    let all = prepared().passages();
    for (i, passage) in all.iter().enumerate() {
        let source = table().source(&passage.source).expect("a known source");
        let paragraphs: Vec<&str> = source.paragraphs().collect();
        assert_eq!(
            passage.text,
            paragraphs[passage.paragraphs.clone()].join("\n"),
            "#{i}"
        );
        assert!(files()[&source.id.0].contains(&normalize_whitespace(&passage.text)));
        assert_eq!(passage.words, passage.text.split_whitespace().count());
        assert!(
            (sourced_core::reading::MIN_WORDS..=sourced_core::reading::MAX_WORDS)
                .contains(&passage.words),
            "#{i}: {} words",
            passage.words
        );
        assert!(
            passage.facts.len() >= sourced_core::reading::MIN_FACTS,
            "#{i}: {:?}",
            passage.facts
        );
        for id in &passage.facts {
            let fact = table().fact(id).expect("a known fact");
            let held: Vec<String> = fact
                .all_evidence()
                .filter(|e| e.source == passage.source)
                .map(|e| normalize_whitespace(&e.quote))
                .filter(|q| passage.holds(q))
                .collect();
            assert!(!held.is_empty(), "#{i}: no quote of {id} in the passage");
            for quote in held {
                assert!(files()[&source.id.0].contains(&quote), "{id}: {quote}");
                assert!(normalize_whitespace(&passage.text).contains(&quote));
            }
        }
        // Sentences tile the paragraphs: in order, inside one paragraph, text between them is a space.
        let mut end = 0;
        for sentence in &passage.sentences {
            let gap = &passage.text[end..sentence.start];
            assert!(
                gap.is_empty() || gap == " " || gap == "\n",
                "#{i}: gap {gap:?}"
            );
            assert!(!passage.text[sentence.clone()].contains('\n'));
            end = sentence.end;
        }
        assert_eq!(end, passage.text.len());
    }
    // Passages of one source come in text order and never overlap.
    for pair in all.windows(2) {
        if pair[0].source == pair[1].source {
            assert!(pair[0].paragraphs.end <= pair[1].paragraphs.start);
        }
    }
}

#[test]
fn every_article_offers_passages() {
    let mut per_source: BTreeMap<&str, usize> = BTreeMap::new();
    for passage in prepared().passages() {
        *per_source.entry(&passage.source.0).or_default() += 1;
    }
    for source in &table().sources {
        assert!(
            per_source
                .get(source.id.0.as_str())
                .is_some_and(|&n| n >= 1),
            "{}",
            source.id
        );
    }
}

#[test]
fn the_same_table_gives_the_same_passages_and_a_table_without_texts_none() {
    let fresh = sourced_quiz::embedded_table().unwrap();
    assert_eq!(Prepared::new(fresh).passages(), prepared().passages());
    let bare = FactTable {
        sources: table()
            .sources
            .iter()
            .map(|s| sourced_core::Source {
                text: String::new(),
                ..s.clone()
            })
            .collect(),
        facts: table().facts.clone(),
    };
    // The reader's bundle ships exactly this: the whole table but the articles' texts.
    assert_eq!(sourced_quiz::embedded_reader_table().unwrap(), bare);
    assert!(table().sources.iter().all(|s| !s.text.is_empty()));
    assert!(Prepared::new(bare.clone()).passages().is_empty());
    // Prepared without the passage code: no passages even with the texts, and the same quizzes.
    let without = Prepared::without_passages(table().clone());
    assert!(without.passages().is_empty());
    for seed in 0..20 {
        let spec = sourced_core::QuizSpec::new(seed, 10);
        assert_eq!(
            sourced_core::generate(&without, &spec),
            sourced_core::generate(prepared(), &spec),
            "seed {seed}"
        );
    }
}

#[test]
fn a_passage_renders_as_its_paragraphs_with_marked_sentences() {
    let passage = &prepared().passages()[0];
    let marks = [
        passage.sentences[0].clone(),
        passage.sentences[passage.sentences.len() - 1].clone(),
    ];
    let segments = passage.segments(&marks);
    assert_eq!(segments.len(), passage.paragraphs.len());
    let marked: Vec<&str> = segments
        .iter()
        .flatten()
        .filter(|s| s.marked)
        .map(|s| s.text)
        .collect();
    let expected: Vec<&str> = marks.iter().map(|r| &passage.text[r.clone()]).collect();
    assert_eq!(marked, expected);
    let whole: Vec<String> = segments
        .iter()
        .map(|p| p.iter().map(|s| s.text).collect::<String>())
        .collect();
    assert_eq!(whole.join("\n"), passage.text);
}

#[test]
fn highlights_grow_with_each_checked_answer_and_mark_its_supporting_sentences() {
    use sourced_core::{Action, QuizSpec, Response, Session};
    let passage_index = prepared()
        .passages()
        .iter()
        .position(|p| p.facts.len() >= 4)
        .expect("a passage with four facts");
    let passage = &prepared().passages()[passage_index];
    let spec = QuizSpec {
        passage: Some(passage_index),
        ..QuizSpec::new(5, 10)
    };
    let mut session = Session::new(prepared(), spec);
    assert!(
        session.highlights(prepared()).is_empty(),
        "nothing before the first check"
    );
    let mut seen = Vec::new();
    while let Some(question) = session.current().cloned() {
        let before = session.highlights(prepared());
        session.apply(Action::Check {
            response: Response::Choice(0),
            elapsed_ms: 1000,
        });
        let after = session.highlights(prepared());
        let support = passage.support(&question);
        assert!(!support.is_empty());
        for sentence in &support {
            assert!(
                after.contains(sentence),
                "{:?} not marked after its question",
                &passage.text[sentence.clone()]
            );
            assert!(
                passage.sentences.contains(sentence),
                "marks are whole sentences"
            );
        }
        assert!(before.iter().all(|r| after.contains(r)), "a mark went away");
        seen.extend(support);
        session.apply(Action::Next);
    }
    seen.sort_by_key(|r| (r.start, r.end));
    seen.dedup();
    assert_eq!(session.highlights(prepared()), seen);
    // A quiz without a passage marks nothing.
    let plain = Session::new(prepared(), QuizSpec::new(5, 3));
    assert!(plain.highlights(prepared()).is_empty());
}

#[test]
fn a_passage_marks_every_error_the_table_records_in_it_with_the_correct_reading() {
    use sourced_core::AnswerKind;
    let mut marked = 0;
    for passage in prepared().passages() {
        let flat = passage.text.replace('\n', " ");
        let errors = table().facts.iter().filter(|f| {
            f.kind == AnswerKind::SourceError
                && f.about.as_ref() == Some(&passage.source)
                && f.versions[0]
                    .evidence
                    .iter()
                    .any(|e| e.source == passage.source && flat.contains(&e.quote))
        });
        for error in errors {
            let erratum = passage
                .errata
                .iter()
                .find(|e| e.fact == error.id)
                .unwrap_or_else(|| {
                    panic!(
                        "passage of {} prints `{}` unmarked",
                        passage.source, error.id.0
                    )
                });
            let struck_words = &passage.text[erratum.range.clone()].replace('\n', " ");
            assert!(
                *struck_words == error.answer().to_string()
                    || error.versions[0]
                        .evidence
                        .iter()
                        .any(|e| e.quote == *struck_words),
                "{}: `{struck_words}` is neither the wrong words nor a quote of them",
                error.id.0
            );
            assert_eq!(Some(erratum.correct.as_str()), error.correct.as_deref());
            // Rendered: the wrong words struck, the correction once, right after them.
            let segments = passage.segments(&passage.sentences);
            let corrections: Vec<&str> = segments
                .iter()
                .flatten()
                .filter_map(|s| s.correction)
                .collect();
            assert_eq!(
                corrections
                    .iter()
                    .filter(|c| **c == erratum.correct)
                    .count(),
                passage
                    .errata
                    .iter()
                    .filter(|e| e.correct == erratum.correct)
                    .count()
            );
            let struck: String = segments
                .iter()
                .flatten()
                .filter(|s| s.erratum)
                .map(|s| s.text)
                .collect();
            assert!(struck.contains(&passage.text[erratum.range.clone()]));
            marked += 1;
        }
        let whole: Vec<String> = passage
            .segments(&passage.sentences)
            .iter()
            .map(|p| p.iter().map(|s| s.text).collect::<String>())
            .collect();
        assert_eq!(whole.join("\n"), passage.text);
    }
    assert!(marked >= 5, "only {marked} errors are marked in passages");
}

/// A reading quiz names the answer as its passage writes it: a student who read "Sofiyska
/// Square" finds Sofiyska Square among the options, not the table's "Sophia Square".
#[test]
fn a_reading_quiz_shows_the_answer_in_its_passages_spelling() {
    use sourced_core::text::fold;
    use sourced_core::{generate, Body, QuizSpec};
    let mut checked = 0;
    for (index, passage) in prepared().passages().iter().enumerate() {
        let text = fold(&passage.text);
        for seed in 0..8 {
            let spec = QuizSpec {
                passage: Some(index),
                ..QuizSpec::new(seed, 10)
            };
            for question in generate(prepared(), &spec).questions {
                let fact = table()
                    .facts
                    .iter()
                    .find(|f| f.id == question.fact_ids[0])
                    .expect("its fact");
                let answer = fact.answer().to_string();
                let written = fact.spellings.iter().find(|s| {
                    s.split_whitespace().count() == answer.split_whitespace().count()
                        && !fold(&answer).contains(&fold(s))
                        && text.contains(&fold(s))
                });
                let (Some(written), false) = (written, text.contains(&fold(&answer))) else {
                    continue;
                };
                // Options of names (a true/false's are True and False).
                if let Body::Choice { options, correct } = &question.body {
                    if options.len() > 2 {
                        checked += 1;
                        assert_eq!(&options[*correct], written, "{}", question.prompt);
                        assert_eq!(&question.answer_text, written, "{}", question.prompt);
                    }
                }
            }
        }
    }
    assert!(
        checked > 0,
        "no reading question about a fact its passage spells another way"
    );
}
