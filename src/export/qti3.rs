//! QTI 3.0 content package: one `qti-assessment-item` per question, a `qti-assessment-test` in the quiz's order, and `imsmanifest.xml`.
//!
//! | kind | interaction | scored |
//! |---|---|---|
//! | multiple choice, true/false, who said it, source check | `qti-choice-interaction` | the key |
//! | cloze | `qti-text-entry-interaction` in the quote's sentence | any accepted spelling, case ignored |
//! | numeric | `qti-text-entry-interaction`, float | within `[answer − tolerance, answer + tolerance]` |
//! | matching | `qti-match-interaction` | every pair right |
//! | ordering | `qti-order-interaction` | the whole order right |
//!
//! Scoring is all or nothing, as in the widget (SCORE 1 or 0), written as explicit response
//! processing rather than a template URL, so that a player needs nothing from the network.
//! After an attempt, a `qti-modal-feedback` shows the answer, the explanation, the status and
//! every quote with its outlet and headline.

use super::xml::{escape, number};
use super::{accepted_spellings, feedback_html, question_name, Marker, QuizName};
use sourced_core::question::admitted_range;
use sourced_core::{Body, FactTable, Question, Quiz};
use std::fmt::Write;

const NAMESPACE: &str = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
const SCHEMA: &str =
    "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0p1_v1p0.xsd";
const CP_NAMESPACE: &str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
const CP_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";

/// The package: `imsmanifest.xml`, `assessment.xml`, then `items/q01.xml`… in quiz order.
pub fn write(table: &FactTable, quiz: &Quiz, name: &QuizName) -> Vec<u8> {
    let ids: Vec<String> = (1..=quiz.questions.len())
        .map(|n| format!("q{n:02}"))
        .collect();
    let mut files = vec![
        (
            "imsmanifest.xml".to_string(),
            manifest(name, &ids).into_bytes(),
        ),
        ("assessment.xml".to_string(), test(name, &ids).into_bytes()),
    ];
    for (i, question) in quiz.questions.iter().enumerate() {
        files.push((
            format!("items/{}.xml", ids[i]),
            item(table, &ids[i], i + 1, question).into_bytes(),
        ));
    }
    super::zip::stored(&files)
}

fn manifest(name: &QuizName, ids: &[String]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest xmlns=\"{CP_NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{CP_NAMESPACE} {CP_SCHEMA}\" identifier=\"sourced-quiz-{}\">\n  <metadata>\n    <schema>QTI Package</schema>\n    <schemaversion>3.0.0</schemaversion>\n  </metadata>\n  <organizations/>\n  <resources>\n",
        escape(&name.slug)
    );
    let _ = writeln!(
        out,
        "    <resource identifier=\"test\" type=\"imsqti_test_xmlv3p0\" href=\"assessment.xml\">\n      <file href=\"assessment.xml\"/>"
    );
    for id in ids {
        let _ = writeln!(out, "      <dependency identifierref=\"{id}\"/>");
    }
    out.push_str("    </resource>\n");
    for id in ids {
        let _ = writeln!(
            out,
            "    <resource identifier=\"{id}\" type=\"imsqti_item_xmlv3p0\" href=\"items/{id}.xml\">\n      <file href=\"items/{id}.xml\"/>\n    </resource>"
        );
    }
    out.push_str("  </resources>\n</manifest>\n");
    out
}

/// The test: one part, one section, the items in the quiz's order, SCORE the sum.
fn test(name: &QuizName, ids: &[String]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-test xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{NAMESPACE} {SCHEMA}\" identifier=\"sourced-quiz-{}\" title=\"{}\">\n  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\"/>\n  <qti-test-part identifier=\"part\" navigation-mode=\"linear\" submission-mode=\"individual\">\n    <qti-assessment-section identifier=\"section\" title=\"{}\" visible=\"true\">\n",
        escape(&name.slug),
        escape(&name.title()),
        escape(&name.title())
    );
    for id in ids {
        let _ = writeln!(
            out,
            "      <qti-assessment-item-ref identifier=\"{id}\" href=\"items/{id}.xml\"/>"
        );
    }
    out.push_str("    </qti-assessment-section>\n  </qti-test-part>\n  <qti-outcome-processing>\n    <qti-set-outcome-value identifier=\"SCORE\"><qti-sum><qti-test-variables variable-identifier=\"SCORE\"/></qti-sum></qti-set-outcome-value>\n  </qti-outcome-processing>\n</qti-assessment-test>\n");
    out
}

/// What an item declares, shows and checks, by kind.
struct Parts {
    declaration: String,
    body: String,
    /// The condition under which the response is right.
    right_when: String,
}

fn choice_id(i: usize) -> String {
    format!("C{i}")
}

fn parts(q: &Question) -> Parts {
    let prompt = format!("<p>{}</p>", escape(&q.prompt));
    let correct_is =
        "<qti-match><qti-variable identifier=\"RESPONSE\"/><qti-correct identifier=\"RESPONSE\"/></qti-match>".to_string();
    match &q.body {
        Body::Choice { options, correct } => {
            let mut body = format!("<qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"1\" shuffle=\"false\"><qti-prompt>{prompt}</qti-prompt>");
            for (i, option) in options.iter().enumerate() {
                let _ = write!(
                    body,
                    "<qti-simple-choice identifier=\"{}\">{}</qti-simple-choice>",
                    choice_id(i),
                    escape(option)
                );
            }
            body.push_str("</qti-choice-interaction>");
            Parts {
                declaration: format!(
                    "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\" base-type=\"identifier\"><qti-correct-response><qti-value>{}</qti-value></qti-correct-response></qti-response-declaration>",
                    choice_id(*correct)
                ),
                body,
                right_when: correct_is,
            }
        }
        Body::Cloze {
            before,
            after,
            accepted,
        } => {
            let spellings = accepted_spellings(accepted);
            let longest = spellings.iter().map(|s| s.chars().count()).max().unwrap_or(8);
            let matches: String = spellings
                .iter()
                .map(|s| {
                    format!(
                        "<qti-string-match case-sensitive=\"false\"><qti-variable identifier=\"RESPONSE\"/><qti-base-value base-type=\"string\">{}</qti-base-value></qti-string-match>",
                        escape(s)
                    )
                })
                .collect();
            Parts {
                declaration: format!(
                    "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\" base-type=\"string\"><qti-correct-response><qti-value>{}</qti-value></qti-correct-response></qti-response-declaration>",
                    escape(spellings.first().map_or("", String::as_str))
                ),
                body: format!(
                    "{prompt}<blockquote><p>{}<qti-text-entry-interaction response-identifier=\"RESPONSE\" expected-length=\"{}\"/>{}</p></blockquote>",
                    escape(before),
                    longest + 2,
                    escape(after)
                ),
                right_when: format!("<qti-or>{matches}</qti-or>"),
            }
        }
        Body::Numeric {
            unit,
            answer,
            tolerance,
        } => Parts {
            declaration: format!(
                "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\" base-type=\"float\"><qti-correct-response><qti-value>{}</qti-value></qti-correct-response></qti-response-declaration>",
                number(*answer)
            ),
            body: format!(
                "{prompt}<p><qti-text-entry-interaction response-identifier=\"RESPONSE\" expected-length=\"12\" format=\"[-+]?[0-9]*[.]?[0-9]+\"/> {}</p>",
                escape(unit)
            ),
            // The widget's tolerance, as the range it admits.
            right_when: format!(
                "<qti-and><qti-gte><qti-variable identifier=\"RESPONSE\"/><qti-base-value base-type=\"float\">{}</qti-base-value></qti-gte><qti-lte><qti-variable identifier=\"RESPONSE\"/><qti-base-value base-type=\"float\">{}</qti-base-value></qti-lte></qti-and>",
                number(admitted_range(*answer, *tolerance).0),
                number(admitted_range(*answer, *tolerance).1)
            ),
        },
        Body::Matching { left, right, pairs } => {
            let mut body = format!("<qti-match-interaction response-identifier=\"RESPONSE\" shuffle=\"false\" max-associations=\"{}\"><qti-prompt>{prompt}</qti-prompt><qti-simple-match-set>", left.len());
            for (i, item) in left.iter().enumerate() {
                let _ = write!(
                    body,
                    "<qti-simple-associable-choice identifier=\"L{i}\" match-max=\"1\">{}</qti-simple-associable-choice>",
                    escape(item)
                );
            }
            body.push_str("</qti-simple-match-set><qti-simple-match-set>");
            for (i, item) in right.iter().enumerate() {
                let _ = write!(
                    body,
                    "<qti-simple-associable-choice identifier=\"R{i}\" match-max=\"{}\">{}</qti-simple-associable-choice>",
                    pairs.iter().filter(|&&r| r == i).count().max(1),
                    escape(item)
                );
            }
            body.push_str("</qti-simple-match-set></qti-match-interaction>");
            let values: String = pairs
                .iter()
                .enumerate()
                .map(|(l, r)| format!("<qti-value>L{l} R{r}</qti-value>"))
                .collect();
            Parts {
                declaration: format!(
                    "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"multiple\" base-type=\"directedPair\"><qti-correct-response>{values}</qti-correct-response></qti-response-declaration>"
                ),
                body,
                right_when: correct_is,
            }
        }
        Body::Ordering { items, order } => {
            let mut body = format!("<qti-order-interaction response-identifier=\"RESPONSE\" shuffle=\"false\"><qti-prompt>{prompt}</qti-prompt>");
            for (i, item) in items.iter().enumerate() {
                let _ = write!(
                    body,
                    "<qti-simple-choice identifier=\"I{i}\">{}</qti-simple-choice>",
                    escape(item)
                );
            }
            body.push_str("</qti-order-interaction>");
            let values: String = order
                .iter()
                .map(|i| format!("<qti-value>I{i}</qti-value>"))
                .collect();
            Parts {
                declaration: format!(
                    "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"ordered\" base-type=\"identifier\"><qti-correct-response>{values}</qti-correct-response></qti-response-declaration>"
                ),
                body,
                right_when: correct_is,
            }
        }
    }
}

fn item(table: &FactTable, id: &str, number_: usize, q: &Question) -> String {
    let Parts {
        declaration,
        body,
        right_when,
    } = parts(q);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-item xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{NAMESPACE} {SCHEMA}\" identifier=\"{id}\" title=\"{}\" adaptive=\"false\" time-dependent=\"false\" xml:lang=\"en\">\n  {declaration}\n  <qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\" base-type=\"float\" normal-maximum=\"1\"><qti-default-value><qti-value>0</qti-value></qti-default-value></qti-outcome-declaration>\n  <qti-outcome-declaration identifier=\"MAXSCORE\" cardinality=\"single\" base-type=\"float\"><qti-default-value><qti-value>1</qti-value></qti-default-value></qti-outcome-declaration>\n  <qti-outcome-declaration identifier=\"FEEDBACK\" cardinality=\"single\" base-type=\"identifier\"/>\n  <qti-item-body>\n    {body}\n  </qti-item-body>\n  <qti-response-processing>\n    <qti-response-condition>\n      <qti-response-if>\n        {right_when}\n        <qti-set-outcome-value identifier=\"SCORE\"><qti-base-value base-type=\"float\">1</qti-base-value></qti-set-outcome-value>\n      </qti-response-if>\n      <qti-response-else>\n        <qti-set-outcome-value identifier=\"SCORE\"><qti-base-value base-type=\"float\">0</qti-base-value></qti-set-outcome-value>\n      </qti-response-else>\n    </qti-response-condition>\n    <qti-set-outcome-value identifier=\"FEEDBACK\"><qti-base-value base-type=\"identifier\">EXPLANATION</qti-base-value></qti-set-outcome-value>\n  </qti-response-processing>\n  <qti-modal-feedback outcome-identifier=\"FEEDBACK\" identifier=\"EXPLANATION\" show-hide=\"show\" title=\"What the reports say\"><qti-content-body>{}</qti-content-body></qti-modal-feedback>\n</qti-assessment-item>\n",
        escape(&question_name(number_, q)),
        feedback_html(table, q, Marker::Strong)
    )
}
