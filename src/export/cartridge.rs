//! IMS Common Cartridge 1.1 with one QTI 1.2 assessment (the cartridge's QTI profile), for Canvas, Brightspace and Moodle.
//!
//! The profile has multiple choice, true/false and fill-in-the-blank (`cc.fib.v0p1`), and no
//! matching, ordering or numeric entry. Those are converted, and each conversion is reported
//! in [`super::Export::notes`]:
//!
//! * matching → one multiple-choice question per left item ("… — Estonia"), the right items as
//!   its options: a pair is marked on its own, so partial credit replaces all-or-nothing;
//! * ordering → one multiple-choice question per position ("Which comes 2nd?"), the events as
//!   options;
//! * numeric → fill-in-the-blank accepting the exact number the widget expects: the
//!   widget's tolerance cannot be written, so an answer within it but not equal is marked wrong
//!   (the feedback says what the widget accepts).
//!
//! Every item carries the whole explanation, status and quotes as its general feedback.

use super::xml::{escape, number};
use super::{accepted_spellings, feedback_html, question_name, Marker, QuizName};
use sourced_core::text::{set_quote, QuoteSetting};
use sourced_core::{Body, FactTable, Question, QuestionKind, Quiz};
use std::fmt::Write;

const QTI_NAMESPACE: &str = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
const QTI_SCHEMA: &str = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd";
const CP_NAMESPACE: &str = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
const CP_SCHEMA: &str = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd";
const LOM_NAMESPACE: &str = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
const LOM_SCHEMA: &str =
    "http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd";
const ASSESSMENT: &str = "assessment/assessment.xml";

/// The cartridge (`imsmanifest.xml` and the assessment) and what was converted.
pub fn write(table: &FactTable, quiz: &Quiz, name: &QuizName) -> (Vec<u8>, Vec<String>) {
    let mut items = String::new();
    let mut notes = Vec::new();
    for (i, question) in quiz.questions.iter().enumerate() {
        let n = i + 1;
        let feedback = feedback_html(table, question, Marker::Mark);
        let converted = items_for(question);
        if let Some(note) = conversion_note(n, question, converted.len()) {
            notes.push(note);
        }
        for (part, item) in converted.iter().enumerate() {
            write_item(&mut items, n, part, question, item, &feedback);
        }
    }
    let assessment = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<questestinterop xmlns=\"{QTI_NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{QTI_NAMESPACE} {QTI_SCHEMA}\">\n  <assessment ident=\"sourced-quiz-{slug}\" title=\"{title}\">\n    <qtimetadata>\n      <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>cc.exam.v0p1</fieldentry></qtimetadatafield>\n      <qtimetadatafield><fieldlabel>qmd_assessmenttype</fieldlabel><fieldentry>Examination</fieldentry></qtimetadatafield>\n      <qtimetadatafield><fieldlabel>qmd_scoretype</fieldlabel><fieldentry>Percentage</fieldentry></qtimetadatafield>\n      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>unlimited</fieldentry></qtimetadatafield>\n    </qtimetadata>\n    <section ident=\"root_section\">\n{items}    </section>\n  </assessment>\n</questestinterop>\n",
        slug = escape(&name.slug),
        title = escape(&name.title()),
    );
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest identifier=\"sourced-quiz-{slug}\" xmlns=\"{CP_NAMESPACE}\" xmlns:lomimscc=\"{LOM_NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{CP_NAMESPACE} {CP_SCHEMA} {LOM_NAMESPACE} {LOM_SCHEMA}\">\n  <metadata>\n    <schema>IMS Common Cartridge</schema>\n    <schemaversion>1.1.0</schemaversion>\n    <lomimscc:lom>\n      <lomimscc:general>\n        <lomimscc:title><lomimscc:string language=\"en\">{title}</lomimscc:string></lomimscc:title>\n      </lomimscc:general>\n    </lomimscc:lom>\n  </metadata>\n  <organizations>\n    <organization identifier=\"organization\" structure=\"rooted-hierarchy\">\n      <item identifier=\"root\">\n        <item identifier=\"quiz\" identifierref=\"assessment\">\n          <title>{title}</title>\n        </item>\n      </item>\n    </organization>\n  </organizations>\n  <resources>\n    <resource identifier=\"assessment\" type=\"imsqti_xmlv1p2/imscc_xmlv1p1/assessment\">\n      <file href=\"{ASSESSMENT}\"/>\n    </resource>\n  </resources>\n</manifest>\n",
        slug = escape(&name.slug),
        title = escape(&name.title()),
    );
    let files = vec![
        ("imsmanifest.xml".to_string(), manifest.into_bytes()),
        (ASSESSMENT.to_string(), assessment.into_bytes()),
    ];
    (super::zip::stored(&files), notes)
}

/// One cartridge item: what it asks and how it is keyed.
enum Item {
    Choice {
        prompt: String,
        options: Vec<String>,
        correct: usize,
        profile: &'static str,
    },
    FillIn {
        prompt: String,
        sentence: String,
        accepted: Vec<String>,
    },
}

/// The items question `q` becomes: one, or one per pair or position for the kinds the
/// profile lacks.
fn items_for(q: &Question) -> Vec<Item> {
    match &q.body {
        Body::Choice { options, correct } => vec![Item::Choice {
            prompt: q.prompt.clone(),
            options: options.clone(),
            correct: *correct,
            profile: if q.kind == QuestionKind::TrueFalse {
                "cc.true_false.v0p1"
            } else {
                "cc.multiple_choice.v0p1"
            },
        }],
        Body::Cloze {
            before,
            after,
            accepted,
        } => vec![Item::FillIn {
            prompt: q.prompt.clone(),
            sentence: {
                let [before, blank, after] =
                    set_quote([before, "________", after], QuoteSetting::Inline);
                format!("“{before}{blank}{after}”")
            },
            accepted: accepted_spellings(accepted),
        }],
        Body::Numeric { unit, answer, .. } => vec![Item::FillIn {
            prompt: q.prompt.clone(),
            sentence: format!("________ {unit}"),
            accepted: vec![number(*answer)],
        }],
        Body::Matching { left, right, pairs } => left
            .iter()
            .enumerate()
            .map(|(l, item)| Item::Choice {
                prompt: format!("{} — {item}", q.prompt),
                options: right.clone(),
                correct: pairs.get(l).copied().unwrap_or(0),
                profile: "cc.multiple_choice.v0p1",
            })
            .collect(),
        Body::Ordering { items, order } => order
            .iter()
            .enumerate()
            .map(|(position, &i)| Item::Choice {
                prompt: format!(
                    "{} Which comes {}?",
                    q.prompt,
                    crate::strings::ordinal(position + 1)
                ),
                options: items.clone(),
                correct: i,
                profile: "cc.multiple_choice.v0p1",
            })
            .collect(),
    }
}

/// What the report says about question `n` when the cartridge cannot hold it as it is.
fn conversion_note(n: usize, q: &Question, parts: usize) -> Option<String> {
    match &q.body {
        Body::Matching { .. } => Some(format!(
            "question {n} (matching): Common Cartridge has no matching; written as {parts} multiple-choice questions, one per item, each marked on its own"
        )),
        Body::Ordering { .. } => Some(format!(
            "question {n} (ordering): Common Cartridge has no ordering; written as {parts} multiple-choice questions, one per position"
        )),
        Body::Numeric { tolerance, .. } => Some(format!(
            "question {n} (numeric): Common Cartridge has no numeric entry; written as fill-in-the-blank accepting the exact number only (the widget's tolerance, ±{}, is lost)",
            number(*tolerance)
        )),
        _ => None,
    }
}

fn write_item(out: &mut String, n: usize, part: usize, q: &Question, item: &Item, feedback: &str) {
    let ident = format!(
        "q{n:02}{}",
        if part > 0 {
            format!("-{part}")
        } else {
            String::new()
        }
    );
    let (profile, prompt) = match item {
        Item::Choice {
            profile, prompt, ..
        } => (*profile, prompt),
        Item::FillIn { prompt, .. } => ("cc.fib.v0p1", prompt),
    };
    let _ = write!(
        out,
        "      <item ident=\"{ident}\" title=\"{}\">\n        <itemmetadata><qtimetadata>\n          <qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>{profile}</fieldentry></qtimetadatafield>\n          <qtimetadatafield><fieldlabel>cc_weighting</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>\n        </qtimetadata></itemmetadata>\n        <presentation>\n          <material><mattext texttype=\"text/html\">{}</mattext></material>\n",
        escape(&question_name(n, q)),
        escape(&format!("<p>{}</p>", escape(prompt)))
    );
    let mut conditions = String::new();
    match item {
        Item::Choice {
            options, correct, ..
        } => {
            out.push_str("          <response_lid ident=\"response\" rcardinality=\"Single\">\n            <render_choice>\n");
            for (i, option) in options.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "              <response_label ident=\"C{i}\"><material><mattext texttype=\"text/plain\">{}</mattext></material></response_label>",
                    escape(option)
                );
            }
            out.push_str("            </render_choice>\n          </response_lid>\n");
            let _ = writeln!(
                conditions,
                "          <respcondition continue=\"No\"><conditionvar><varequal respident=\"response\">C{correct}</varequal></conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"
            );
        }
        Item::FillIn {
            sentence, accepted, ..
        } => {
            let _ = writeln!(
                out,
                "          <material><mattext texttype=\"text/plain\">{}</mattext></material>\n          <response_str ident=\"response\" rcardinality=\"Single\">\n            <render_fib><response_label ident=\"answer\"/></render_fib>\n          </response_str>",
                escape(sentence)
            );
            for answer in accepted {
                let _ = writeln!(
                    conditions,
                    "          <respcondition continue=\"No\"><conditionvar><varequal respident=\"response\" case=\"No\">{}</varequal></conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>",
                    escape(answer)
                );
            }
        }
    }
    let _ = write!(
        out,
        "        </presentation>\n        <resprocessing>\n          <outcomes><decvar varname=\"SCORE\" vartype=\"Decimal\" minvalue=\"0\" maxvalue=\"100\"/></outcomes>\n          <respcondition continue=\"Yes\"><conditionvar><other/></conditionvar><displayfeedback feedbacktype=\"Response\" linkrefid=\"general_fb\"/></respcondition>\n{conditions}        </resprocessing>\n        <itemfeedback ident=\"general_fb\"><flow_mat><material><mattext texttype=\"text/html\">{}</mattext></material></flow_mat></itemfeedback>\n      </item>\n",
        escape(feedback)
    );
}
