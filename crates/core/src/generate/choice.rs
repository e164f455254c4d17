//! Multiple choice, true or false, and who said it: pick the answer among drawn distractors.

use super::dice::Dice;
use super::Generator;
use crate::fact::Value;
use crate::question::{Body, Question, QuestionKind};
use crate::table::FactIdx;

impl Generator<'_> {
    pub(super) fn multiple_choice(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let prep = &self.prepared.facts[f];
        let wrong: Vec<String> = dice
            .pick(&prep.distractors, 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = dice.place(prep.answer.clone(), wrong);
        let ask = self.table()[f].ask.clone();
        self.question(
            QuestionKind::MultipleChoice,
            ask,
            f,
            Body::Choice { options, correct },
        )
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
        let prompt = format!("True or false? {}", fact.claim_with(&shown));
        let body = Body::Choice {
            options: vec!["True".into(), "False".into()],
            correct: usize::from(!truth),
        };
        let mut question = self.question(QuestionKind::TrueFalse, prompt, f, body);
        question.answer_text = if truth {
            "True".into()
        } else {
            format!("False: it was {}", fact.answer())
        };
        question
    }

    /// Who said the fact's quotation, among other people the table names.
    pub(super) fn who_said(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let fact = &self.table()[f];
        let prep = &self.prepared.facts[f];
        let wrong: Vec<String> = dice
            .pick(&prep.distractors, 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = dice.place(prep.answer.clone(), wrong);
        let prompt = format!(
            "Who said this? “{}”",
            fact.quotation.as_deref().unwrap_or_default()
        );
        self.question(
            QuestionKind::WhoSaid,
            prompt,
            f,
            Body::Choice { options, correct },
        )
    }
}
