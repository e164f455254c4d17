//! The widget's own words (labels, notices, status lines) in one catalog; question prompts and explanations come from the generator.

use sourced_core::{Body, Question, Response};

pub const TITLE: &str = "Carney in Kyiv: a sourced quiz";
pub const INTRO: &str = "Questions on Canadian Prime Minister Mark Carney's visit to Kyiv on 24 August 2025, Ukraine's Independence Day, each answered with quotes from five news reports.";
pub const CUSTOMISE: &str = "Customise";
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
pub const CORRECT_ANSWER_LOWER: &str = "the answer:";
pub const MARK_YOURS_RIGHT: &str = "✓ Your answer";
pub const MARK_ANSWER: &str = "✓ The answer";
pub const MARK_YOURS_WRONG: &str = "✗ Your answer";
pub const MARK_ROW_RIGHT: &str = "✓ Right";
pub const MARK_ROW_WRONG: &str = "✗ The answer:";
pub const ITEM_RIGHT: &str = "You had this right:";
pub const ITEM_WRONG: &str = "You had this wrong:";
pub const REPORT_ERROR: &str = "A report's error";
pub const MISSING_WORDS_LABEL: &str = "The missing words";
pub const YOUR_ANSWER: &str = "Your answer:";
pub const EVIDENCE: &str = "What the reports say";
pub const SINGLE_SOURCE: &str = "In one report only";
pub const CONFLICTING: &str = "The reports disagree";
pub const RESULTS: &str = "Your results";
pub const BY_TOPIC: &str = "By topic";
pub const REVIEW: &str = "Review";
pub const RETRY: &str = "Retry this set";
pub const NEW_SET: &str = "New set";
pub const SHARE_LINK: &str = "Link to this exact quiz";
pub const SHARE: &str = "Copy link to share";
pub const LINK_COPIED: &str = "Link copied.";
pub const LINK_COPY_FAILED: &str = "Could not copy: select the link below and copy it yourself.";
pub const WHAT_NEXT: &str = "What next";
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
pub const ANSWERS_AT_A_GLANCE: &str = "Answers at a glance";
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
/// A classroom view asked of the reader's bundle (the loaders pick the classroom's for these).
pub const NEEDS_CLASSROOM: &str = "The teacher's page, the printed sheets and reading quizzes come with the classroom's files (classroom/ beside the quiz's files), and this page loaded only the reader's: open the quiz's own address with the same settings.";
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

/// A difficulty as a chip reads: "Mixed", "Easy", "Medium", "Hard".
pub fn difficulty_name(difficulty: Option<sourced_core::Difficulty>) -> &'static str {
    match difficulty {
        None => ANY_DIFFICULTY,
        Some(sourced_core::Difficulty::Easy) => "Easy",
        Some(sourced_core::Difficulty::Medium) => "Medium",
        Some(sourced_core::Difficulty::Hard) => "Hard",
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

/// What the quiz will be, on the closed "Customise": "10 questions · mixed difficulty · all topics".
pub fn setup_summary(spec: &sourced_core::QuizSpec, reading: bool) -> String {
    let difficulty = spec.difficulty.map_or("mixed", |d| d.name());
    if reading {
        return format!("a reading quiz · {difficulty} difficulty");
    }
    let topics = match spec.topics.len() {
        0 => "all topics".to_string(),
        1 => topic_name(&spec.topics[0].0),
        n => format!("{n} topics"),
    };
    format!(
        "{} · {difficulty} difficulty · {topics}",
        question_count(spec.count)
    )
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
    format!("Confirmed by {n} independent reports")
}

/// "All 5 quotes"
pub fn all_quotes(n: usize) -> String {
    format!("All {n} quotes")
}

/// "3 of 4 right." for a matching or an ordering.
pub fn items_right(question: &Question, response: &Response) -> String {
    let parts = question.parts_right(response);
    let right = parts.iter().filter(|&&r| r).count();
    format!("{right} of {} right.", parts.len())
}

/// "1st", "2nd", "3rd", "4th"
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// An ordering's item in its right place (`place` 0-based): "✓ 2nd".
pub fn place_right(place: usize) -> String {
    format!("✓ {}", ordinal(place + 1))
}

/// An ordering's item out of place: "✗ Belongs 4th".
pub fn place_wrong(place: usize) -> String {
    format!("✗ Belongs {}", ordinal(place + 1))
}

/// What a screen reader hears after a Move button: "“Carney in Kyiv” is now 2 of 5."
pub fn moved_to(item: &str, position: usize, total: usize) -> String {
    format!("“{item}” is now {position} of {total}.")
}

/// A report's error in the sources panel: "Printed “X” where the other reports have “Y”."
pub fn source_error(printed: &str, correct: &str) -> String {
    format!("Printed “{printed}” where the other reports have “{correct}”.")
}

pub const SOURCE_GOT_WRONG: &str = "What it got wrong:";
pub const SOURCE_NOTES: &str = "How we read this report";

/// The line that opens the sources panel.
pub fn sources_intro(n: usize) -> String {
    format!("The quiz is built from {n} reports of the same visit. A claim counts as confirmed only when reports written independently of each other say it; a translation or a rewrite counts with the report it copies.")
}

/// What kind of report a source is, in a reader's words.
pub fn source_kind(kind: sourced_core::SourceKind) -> &'static str {
    match kind {
        sourced_core::SourceKind::Original => "an original report",
        sourced_core::SourceKind::Translation => "a machine translation of another report",
        sourced_core::SourceKind::Rewrite => "a rewrite of a wire report",
    }
}

/// A topic's name as a reader sees it: what the questions are about, not how the table files them.
pub fn topic_name(topic: &str) -> String {
    let known = match topic {
        "agreements" => "Deals signed",
        "aid" => "Aid to Ukraine",
        "coalition" => "Coalition of the Willing",
        "energy" => "Energy",
        "history" => "History",
        "nato" => "NATO",
        "quotes" => "Who said what",
        "related" => "Around the visit",
        "reporting" => "How it was reported",
        "russia" => "Russia's response",
        "sanctions" => "Sanctions",
        "security" => "Security guarantees",
        "united-states" => "The United States",
        "visit" => "The visit",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    // A newsroom's own table: its ids, readably. Topic ids are ASCII; `make_ascii_uppercase`
    // also spares the wasm Unicode's case tables.
    let mut name = topic.replace('-', " ");
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    name
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
pub const NO_PASSAGE: &str = "None (all five articles)";

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
pub const MORE_CONTEXT: &str = "More context";
/// The heading over quotes shown beside the evidence but not counted in its status.
pub const CONTEXT_QUOTES: &str =
    "Background, not counted as a source (these quotes do not state the answer)";
/// The same, before one such quote in a plain-text answer key.
pub const CONTEXT_QUOTE: &str =
    "Background, not counted as a source (it does not state the answer)";
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
        assert_eq!(topic_name("united-states"), "The United States");
        assert_eq!(topic_name("quotes"), "Who said what");
        assert_eq!(topic_name("reporting"), "How it was reported");
        assert_eq!(topic_name("local-news"), "Local news");
    }

    #[test]
    fn ordinals_read_well() {
        let read: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal).into();
        assert_eq!(
            read,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
        );
    }
}
