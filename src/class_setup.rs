//! The teacher's class setup as named actions on a quiz spec, applied by one pure function that keeps the spec one a class code can hold.

use sourced_core::class_code;
use sourced_core::config::LENGTHS;
use sourced_core::reading;
use sourced_core::{Difficulty, QuestionKind, QuizSpec, Topic};

/// Everything a teacher can change on the setup page.
#[derive(Clone, Debug, PartialEq)]
pub enum SetupAction {
    SetCount(usize),
    SetDifficulty(Option<Difficulty>),
    ToggleTopic(Topic),
    ToggleKind(QuestionKind),
    /// A quiz number, typed or drawn (the page draws it: `apply` draws no randomness).
    SetSeed(u64),
    /// A reading quiz of this passage (0-based), or none.
    SetPassage(Option<usize>),
    /// The source-literacy preset: source checks only, on every topic, at any difficulty.
    SourceLiteracy,
}

/// The teacher's choices: a spec kept fit for a class code (see [`ClassSetup::spec`]), and the
/// table's topics it is fitted to.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassSetup {
    spec: QuizSpec,
    topics: Vec<Topic>,
}

impl ClassSetup {
    /// The setup starting from `spec` (fitted at once), for a table with these topics.
    pub fn new(spec: QuizSpec, topics: Vec<Topic>) -> ClassSetup {
        let spec = fit(spec, &topics);
        ClassSetup { spec, topics }
    }

    /// The spec in its canonical form, with an offered length and a seed its class code can hold
    /// (any seed for a reading quiz, which is shared by link), so the number the page shows is
    /// always the one the code holds.
    pub fn spec(&self) -> &QuizSpec {
        &self.spec
    }

    /// The table's topics, in table order.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// Applies `action` and fits the spec again. A reading quiz asks what its passage says, so
    /// choosing a passage drops the topics and the kinds it cannot ask, and while a passage is
    /// chosen, ticking a topic, a kind it cannot ask or the preset (all disabled on the page) is
    /// ignored.
    pub fn apply(&mut self, action: SetupAction) {
        let spec = &mut self.spec;
        let reading = spec.passage.is_some();
        match action {
            SetupAction::SetCount(count) => spec.count = count,
            SetupAction::SetDifficulty(difficulty) => spec.difficulty = difficulty,
            SetupAction::ToggleTopic(_) | SetupAction::SourceLiteracy if reading => {}
            SetupAction::ToggleKind(kind) if reading && !reading::KINDS.contains(&kind) => {}
            SetupAction::ToggleTopic(topic) => toggle(&mut spec.topics, topic),
            SetupAction::ToggleKind(kind) => toggle(&mut spec.kinds, kind),
            SetupAction::SetSeed(seed) => spec.seed = seed,
            SetupAction::SetPassage(passage) => {
                spec.passage = passage;
                if passage.is_some() {
                    spec.topics.clear();
                    spec.kinds.retain(|k| reading::KINDS.contains(k));
                }
            }
            SetupAction::SourceLiteracy => {
                spec.kinds = vec![QuestionKind::SourceCheck];
                spec.topics.clear();
                spec.difficulty = None;
            }
        }
        self.spec = fit(self.spec.clone(), &self.topics);
    }
}

/// The spec in its canonical form, with a seed a class code can hold for these choices.
fn fit(spec: QuizSpec, topics: &[Topic]) -> QuizSpec {
    let mut spec = class_code::canonical(spec, topics);
    if !LENGTHS.contains(&spec.count) {
        spec.count = LENGTHS[1];
    }
    if spec.passage.is_some() {
        // Shared by link, not by code: any seed will do.
        return spec;
    }
    let limit = class_code::seed_limit(&spec, topics);
    if spec.seed >= limit {
        spec.seed %= limit;
    }
    spec
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SetupAction::*;

    fn topic(id: &str) -> Topic {
        Topic(id.to_string())
    }

    /// A setup for a table of three topics, from `spec`, after `actions`.
    fn setup_after(spec: QuizSpec, actions: impl IntoIterator<Item = SetupAction>) -> QuizSpec {
        let topics = ["visit", "aid", "nato"].map(topic).to_vec();
        let mut setup = ClassSetup::new(spec, topics);
        for action in actions {
            setup.apply(action);
        }
        setup.spec().clone()
    }

    const FULL: u64 = 1 << 30;
    const SUBSET: u64 = 1 << 8;

    #[test]
    fn a_new_setup_holds_a_seed_its_code_can_hold_and_an_offered_length() {
        let spec = setup_after(QuizSpec::new(FULL + 5, 7), []);
        assert_eq!((spec.seed, spec.count), (5, 10));
    }

    #[test]
    fn a_subset_keeps_a_small_seed_and_folds_a_large_one() {
        assert_eq!(
            setup_after(QuizSpec::new(77, 10), [ToggleTopic(topic("aid"))]).seed,
            77
        );
        let spec = setup_after(QuizSpec::new(1000, 10), [ToggleTopic(topic("aid"))]);
        assert_eq!(
            (spec.seed, spec.topics),
            (1000 % SUBSET, vec![topic("aid")])
        );
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [ToggleKind(QuestionKind::Numeric), SetSeed(u64::MAX)],
        );
        assert_eq!(spec.seed, u64::MAX % SUBSET, "a typed number is folded too");
    }

    #[test]
    fn ticking_twice_unticks_and_every_topic_or_kind_is_all_of_them() {
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [ToggleTopic(topic("aid")), ToggleTopic(topic("aid"))],
        );
        assert!(spec.topics.is_empty());
        let spec = setup_after(
            QuizSpec::new(1, 10),
            ["nato", "visit", "aid"].map(|t| ToggleTopic(topic(t))),
        );
        assert!(spec.topics.is_empty(), "every topic is written as none");
        let spec = setup_after(QuizSpec::new(1, 10), QuestionKind::ALL.map(ToggleKind));
        assert!(spec.kinds.is_empty(), "every kind is written as none");
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [ToggleTopic(topic("nato")), ToggleTopic(topic("visit"))],
        );
        assert_eq!(spec.topics, [topic("visit"), topic("nato")], "table order");
    }

    #[test]
    fn length_and_difficulty_are_set_and_a_length_not_offered_is_the_default() {
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [SetCount(15), SetDifficulty(Some(Difficulty::Hard))],
        );
        assert_eq!((spec.count, spec.difficulty), (15, Some(Difficulty::Hard)));
        assert_eq!(setup_after(QuizSpec::new(1, 5), [SetCount(3)]).count, 10);
    }

    #[test]
    fn the_source_literacy_preset_asks_source_checks_on_every_topic_at_any_difficulty() {
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [
                ToggleTopic(topic("aid")),
                SetDifficulty(Some(Difficulty::Easy)),
                SourceLiteracy,
            ],
        );
        assert_eq!(spec.kinds, [QuestionKind::SourceCheck]);
        assert!(spec.topics.is_empty() && spec.difficulty.is_none());
    }

    #[test]
    fn a_passage_drops_topics_and_the_kinds_it_cannot_ask_and_keeps_any_seed() {
        let spec = setup_after(
            QuizSpec::new(1, 10),
            [
                ToggleTopic(topic("aid")),
                ToggleKind(QuestionKind::Numeric),
                ToggleKind(QuestionKind::Cloze),
                SetPassage(Some(2)),
                SetSeed(u64::MAX),
            ],
        );
        assert_eq!(spec.passage, Some(2));
        assert!(spec.topics.is_empty());
        assert_eq!(spec.kinds, [QuestionKind::Cloze]);
        assert_eq!(spec.seed, u64::MAX, "shared by link: no code to fit");
        // No passage again: a class code again, so the seed is folded.
        let spec = setup_after(spec, [SetPassage(None)]);
        assert_eq!((spec.passage, spec.seed), (None, u64::MAX % SUBSET));
    }

    #[test]
    fn what_a_reading_quiz_cannot_use_is_ignored_while_a_passage_is_chosen() {
        let reading = setup_after(QuizSpec::new(1, 10), [SetPassage(Some(0))]);
        let spec = setup_after(
            reading.clone(),
            [
                ToggleTopic(topic("aid")),
                ToggleKind(QuestionKind::Numeric),
                SourceLiteracy,
            ],
        );
        assert_eq!(spec, reading);
        let spec = setup_after(reading, [ToggleKind(QuestionKind::WhoSaid)]);
        assert_eq!(
            spec.kinds,
            [QuestionKind::WhoSaid],
            "a reading kind can be ticked"
        );
    }
}
