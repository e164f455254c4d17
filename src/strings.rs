//! The widget's own words (labels, notices, status lines) in one catalog; question prompts and explanations come from the generator.

use sourced_core::{Body, Question, Response};

pub const TITLE: &str = "Carney in Kyiv: a sourced quiz";
pub const INTRO: &str = "Test what you know about Canadian Prime Minister Mark Carney's visit to Kyiv on Ukraine's Independence Day, 24 August 2025. Every answer shows the reporting it comes from.";
pub const SOURCES_LINK: &str = "Read about the five sources";
pub const LENGTH: &str = "Questions";
pub const DIFFICULTY: &str = "Difficulty";
pub const ANY_DIFFICULTY: &str = "Mixed";
pub const TOPICS: &str = "Topics (none ticked: all)";
pub const START: &str = "Start the quiz";
pub const CHECK: &str = "Check answer";
pub const NEXT: &str = "Next question";
pub const SEE_RESULTS: &str = "See results";
pub const RIGHT: &str = "✓ Right.";
pub const WRONG: &str = "✗ Not quite.";
pub const CORRECT_ANSWER: &str = "The answer:";
pub const YOUR_ANSWER: &str = "Your answer:";
pub const EVIDENCE: &str = "What the reports say";
pub const CORROBORATED: &str = "Confirmed by independent reports";
pub const SINGLE_SOURCE: &str = "Reported by one source only";
pub const CONFLICTING: &str = "The sources disagree";
pub const RESULTS: &str = "Your results";
pub const BY_TOPIC: &str = "By topic";
pub const REVIEW: &str = "Review";
pub const RETRY: &str = "Retry this set";
pub const NEW_SET: &str = "New set";
pub const SHARE_LINK: &str = "Link to this exact quiz";
pub const SOURCES: &str = "The sources";
pub const MOVE_UP: &str = "Move up";
pub const MOVE_DOWN: &str = "Move down";
pub const CHOOSE: &str = "Choose…";
pub const NO_QUESTIONS: &str =
    "No questions match these choices. Pick more topics or another difficulty.";
pub const CONFIG_PROBLEM: &str = "This page's quiz settings have a problem:";
pub const NOT_ANSWERED: &str = "not answered";
pub const TYPE_ANSWER: &str = "Your answer";
pub const BLANK: &str = "blank";
pub const KEEP_RESULTS: &str = "Keep your results";
pub const KEEP_RESULTS_NOTE: &str =
    "These files are made in your browser and saved on this device; nothing is sent anywhere.";
pub const DOWNLOAD_CSV: &str = "Download results (CSV)";
pub const DOWNLOAD_JSON: &str = "Download results (JSON)";
pub const SUMMARY_TO_PASTE: &str = "Summary to paste";
pub const COPY_SUMMARY: &str = "Copy summary";
pub const COPIED: &str = "Summary copied.";
pub const WORKSHEET: &str = "Worksheet";
pub const ANSWER_KEY: &str = "Answer key";
pub const CLASS_CODE: &str = "Class code";
pub const NAME_LINE: &str = "Name: ______________________    Date: ____________";
pub const PRINT: &str = "Print";
pub const MISSING_WORDS: &str = "Missing words: ______________________";
pub const MATCHING_INSTRUCTIONS: &str = "Write the letter of the matching item after each number.";
pub const ORDERING_INSTRUCTIONS: &str = "Number these from 1 (first) to last.";
pub const TEACHER_TITLE: &str = "Set up a class quiz";
pub const TEACHER_INTRO: &str = "Choose what the quiz covers. Everyone who enters the class code, or opens the link, gets exactly the same questions in the same order.";
pub const TEACHER_LINK: &str = "For teachers: set up a class quiz with a code and printable sheets";
pub const KINDS: &str = "Kinds of question (none ticked: all)";
pub const SEED: &str = "Quiz number";
pub const SEED_NOTE: &str =
    "Any number picks a different set of questions; the same number always gives the same set.";
pub const NEW_NUMBER: &str = "Draw another";
pub const STUDENT_LINK: &str = "Link for students";
pub const WORKSHEET_LINK: &str = "Printable worksheet";
pub const ANSWER_KEY_LINK: &str = "Printable answer key";
pub const LMS_NOTE: &str = "For your learning-management system: the same questions with their answers, explanations and quotes.";
pub const DOWNLOAD_MOODLE: &str = "Download for Moodle";
pub const DOWNLOAD_CARTRIDGE: &str = "Download for Canvas or Brightspace (Common Cartridge)";
pub const DOWNLOAD_QTI3: &str = "Download QTI 3 package";
pub const SOURCE_LITERACY: &str =
    "Source-literacy lesson: only questions about the reporting itself";
pub const SHEET_NEEDS_QUIZ: &str =
    "A printable sheet needs a class code (code=…) or a quiz number (seed=…) in its address.";
pub const CODE_PROBLEM: &str = "That class code does not work:";
pub const HAVE_CODE: &str = "Have a class code?";
pub const ENTER_CODE: &str = "Class code (8 letters and digits)";
pub const JOIN: &str = "Start the class quiz";
pub const COPY_FAILED: &str = "Could not copy: select the summary and copy it yourself.";

/// A kind of question as a teacher would name it.
pub fn kind_name(kind: sourced_core::QuestionKind) -> &'static str {
    use sourced_core::QuestionKind::*;
    match kind {
        MultipleChoice => "Multiple choice",
        TrueFalse => "True or false",
        Numeric => "Numbers",
        Cloze => "Fill the blank",
        WhoSaid => "Who said it",
        Matching => "Matching",
        Ordering => "Timeline",
        SourceCheck => "Source check",
    }
}

/// "10 questions"
pub fn question_count(n: usize) -> String {
    if n == 1 {
        "1 question".to_string()
    } else {
        format!("{n} questions")
    }
}

/// "Question 3 of 10"
pub fn progress(n: usize, total: usize) -> String {
    format!("Question {n} of {total}")
}

/// "Score: 2 of 3"
pub fn score(right: usize, asked: usize) -> String {
    format!("Score: {right} of {asked}")
}

/// "You got 7 of 10 right."
pub fn final_score(right: usize, total: usize) -> String {
    format!("You got {right} of {total} right.")
}

/// "Confirmed by 2 independent reports"
pub fn corroborated_by(n: u8) -> String {
    format!("{CORROBORATED} ({n})")
}

/// "Printed “X”; other reports: “Y”." — a source error in the sources panel.
pub fn source_error(printed: &str, correct: &str) -> String {
    format!("Printed “{printed}”; other reports: “{correct}”.")
}

/// A topic's name as a reader sees it.
pub fn topic_name(topic: &str) -> String {
    match topic {
        "nato" => "NATO".to_string(),
        "united-states" => "United States".to_string(),
        other => {
            // Topic ids are ASCII; `make_ascii_uppercase` also spares the wasm Unicode's case tables.
            let mut name = other.replace('-', " ");
            if let Some(first) = name.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            name
        }
    }
}

/// A learner's response in words.
pub fn describe_response(question: &Question, response: &Response) -> String {
    match (&question.body, response) {
        (Body::Choice { options, .. }, Response::Choice(i)) => {
            options.get(*i).cloned().unwrap_or_default()
        }
        (_, Response::Number(n)) => n.to_string(),
        (_, Response::Text(text)) => text.clone(),
        (Body::Matching { left, right, .. }, Response::Pairs(pairs)) => left
            .iter()
            .zip(pairs)
            .map(|(l, &r)| {
                format!(
                    "{l} → {}",
                    right.get(r).map_or(NOT_ANSWERED, String::as_str)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        (Body::Ordering { items, .. }, Response::Order(order)) => order
            .iter()
            .filter_map(|&i| items.get(i).cloned())
            .collect::<Vec<_>>()
            .join(" → "),
        _ => NOT_ANSWERED.to_string(),
    }
}

// Reading mode: the passage above the questions.
pub const READ_PASSAGE: &str = "Read this passage";
pub const PASSAGE: &str = "Reading passage";
pub const READING_START: &str = "A reading quiz: first you read a passage from one of the reports, then you answer questions about what it says. After each answer, the sentence that gives it is marked in the passage.";
pub const PASSAGE_NOTE: &str = "A reading quiz shows one passage of an article above its questions and asks only what the passage says. It is shared by link: a class code cannot hold a passage.";
pub const NO_PASSAGE: &str = "None: questions from all the articles";

/// A passage in the teacher's list: its number, outlet, first words and how much it asks.
pub fn passage_choice(number: usize, outlet: &str, text: &str, facts: usize) -> String {
    let opening: Vec<&str> = text.split_whitespace().take(8).collect();
    format!(
        "{number}. {outlet}: “{}…” ({facts} facts)",
        opening.join(" ")
    )
}

/// The teacher's outcome for a reading quiz.
pub fn reading_outcome(asked: usize) -> String {
    format!(
        "A reading quiz of {}: everyone who opens the link reads the same passage and gets the same questions.",
        question_count(asked)
    )
}

/// When the choices leave fewer questions than the length asked for.
pub fn fewer_questions(asked: usize, count: usize) -> String {
    format!("These choices make {asked} different questions, so the quiz has {asked}, not {count}.")
}

pub const PASSAGE_MARKS: &str = "Marked: the sentences that answer the questions you have checked.";
pub const CONTEXT_QUOTES: &str = "Context (not counted: these quotes do not state the answer)";
pub const PASSAGE_ERRATA: &str =
    "Struck through: words this report got wrong, with what the other reports say beside them.";

/// Beside words a report got wrong, in a passage: what the other reports say.
pub fn correction(correct: &str) -> String {
    format!(" [error; the other reports: “{correct}”]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_names_read_well() {
        assert_eq!(topic_name("nato"), "NATO");
        assert_eq!(topic_name("united-states"), "United States");
        assert_eq!(topic_name("aid"), "Aid");
    }
}
