//! Multiple choice, true or false, and who said it: pick the answer among drawn distractors.

use super::dice::Dice;
use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::Value;
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;
use crate::text::{set_quote, QuoteSetting};

/// How a true/false prompt opens: the quiz asks what the reports say, and the claim follows as
/// a sentence of its own.
pub const TRUE_OR_FALSE: &str = ENGLISH.true_or_false;

impl Generator<'_> {
    /// The answer among three of the fact's distractors, at a random place.
    fn four_options(&self, f: FactIdx, dice: &mut Dice) -> Body {
        let prep = &self.prepared.facts[f];
        let wrong: Vec<String> = dice
            .pick(&prep.distractors, 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = dice.place(self.shown_answer(f), wrong);
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
            self.shown_answer(f)
        } else {
            let pool = &prep.distractors;
            let pick = dice.below(pool.len());
            pool[pick].to_string()
        };
        // The quiz asks what the reports say: "False" means no report says it, not that it is untrue.
        let prompt = format!("{TRUE_OR_FALSE} {}", fact.statement_with(&shown));
        let body = Body::Choice {
            options: vec![ENGLISH.true_word.into(), ENGLISH.false_word.into()],
            correct: usize::from(!truth),
        };
        let mut question = self.question(QuestionKind::TrueFalse, prompt, f, body);
        if truth {
            question.answer_text = ENGLISH.true_word.into();
        } else {
            question.answer_text = ENGLISH.false_word.into();
            question.explanation =
                fill(ENGLISH.none_says, &[("explanation", &question.explanation)]);
        }
        question
    }

    /// Who said the fact's quotation, among other people the table names.
    pub(super) fn who_said(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let body = self.four_options(f, dice);
        let fact = &self.table()[f];
        // Inside the prompt's own quotation marks: a quotation within it gets single ones.
        let quotation = set_quote(
            ["", fact.quotation.as_deref().unwrap_or_default(), ""],
            QuoteSetting::Inline,
        )
        .concat();
        let prompt = fill(ENGLISH.who_said, &[("quotation", &quotation)]);
        self.question(QuestionKind::WhoSaid, prompt, f, body)
    }
}
