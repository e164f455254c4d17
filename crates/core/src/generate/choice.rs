//! Multiple choice, true or false, and who said it: pick the answer among drawn distractors.

use super::dice::Dice;
use super::Generator;
use crate::fact::Value;
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

/// A claim as the rest of a sentence: its first letter lower-cased, unless it opens with a name
/// or an acronym (a capital followed by another capital, or a word the claim capitalises again).
fn lowercase_first(claim: &str) -> String {
    let first_word = claim.split_whitespace().next().unwrap_or_default();
    let common = [
        "The", "A", "An", "It", "Its", "This", "These", "Their", "There", "Two", "Three", "Four",
        "Five", "One", "More", "Over", "Some", "Both", "Each", "Every", "Other", "Another",
    ];
    if common.contains(&first_word) {
        let mut chars = claim.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
    } else {
        claim.to_string()
    }
}

impl Generator<'_> {
    /// The answer among three of the fact's distractors, at a random place.
    fn four_options(&self, f: FactIdx, dice: &mut Dice) -> Body {
        let prep = &self.prepared.facts[f];
        let wrong: Vec<String> = dice
            .pick(&prep.distractors, 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = dice.place(prep.answer.clone(), wrong);
        Body::Choice { options, correct }
    }

    pub(super) fn multiple_choice(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let body = self.four_options(f, dice);
        let ask = self.table()[f].ask.clone();
        self.question(QuestionKind::MultipleChoice, ask, f, body)
    }

    pub(super) fn true_false(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let fact = &self.table()[f];
        let prep = &self.prepared.facts[f];
        let truth = dice.below(2) == 0;
        let shown = if truth {
            prep.answer.clone()
        } else {
            let pool = &prep.distractors;
            let pick = dice.below(pool.len());
            pool[pick].to_string()
        };
        // The quiz asks what the reports say: "False" means no report says it, not that it is untrue.
        let prompt = format!(
            "True or false? According to the reports, {}",
            lowercase_first(&fact.claim_with(&shown))
        );
        let body = Body::Choice {
            options: vec!["True".into(), "False".into()],
            correct: usize::from(!truth),
        };
        let mut question = self.question(QuestionKind::TrueFalse, prompt, f, body);
        if truth {
            question.answer_text = "True".into();
        } else {
            question.answer_text = "False".into();
            question.explanation =
                format!("None of the reports says this. {}", question.explanation);
        }
        question
    }

    /// Who said the fact's quotation, among other people the table names.
    pub(super) fn who_said(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let body = self.four_options(f, dice);
        let fact = &self.table()[f];
        let prompt = format!(
            "Who said this? “{}”",
            fact.quotation.as_deref().unwrap_or_default()
        );
        self.question(QuestionKind::WhoSaid, prompt, f, body)
    }
}
