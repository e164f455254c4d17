//! The question generator: turns the verified fact table into a seeded quiz that any machine reproduces exactly.

use crate::fact::{
    spell_amount, AnswerKind, Count, Currency, Date, Fact, Money, Precision, Status, Topic, Value,
};
use crate::question::{Body, Difficulty, Question, QuestionKind};
use crate::reading::Passage;
use crate::table::FactTable;
use crate::text::{fold, normalize_whitespace, same_folded};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// What quiz to make: the seed decides everything else that is random.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSpec {
    pub seed: u64,
    pub count: usize,
    /// Only these topics; empty means all.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Only these kinds; empty means all.
    #[serde(default)]
    pub kinds: Vec<QuestionKind>,
    /// Only kinds this difficulty admits; `None` means every kind.
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
    /// A reading quiz: which passage ([`crate::reading::passages`], 0-based) the questions come
    /// from. Only facts it holds are asked, each once, with the reading kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<usize>,
}

impl QuizSpec {
    pub fn new(seed: u64, count: usize) -> QuizSpec {
        QuizSpec {
            seed,
            count,
            topics: Vec::new(),
            kinds: Vec::new(),
            difficulty: None,
            passage: None,
        }
    }

    fn admits(&self, kind: QuestionKind) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && self.difficulty.is_none_or(|d| d.admits(kind))
    }

    fn admits_topic(&self, topic: &Topic) -> bool {
        self.topics.is_empty() || self.topics.contains(topic)
    }
}

/// A generated quiz: the spec it came from and its questions in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub spec: QuizSpec,
    pub questions: Vec<Question>,
}

/// Portable randomness: ChaCha8 drawn through `u32` ranges only, so wasm32 and x86_64 agree.
struct Dice(ChaCha8Rng);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0 && n <= u32::MAX as usize);
        self.0.random_range(0..n as u32) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `n` distinct items of `pool`, in random order: a partial Fisher–Yates over positions,
    /// so it draws `n` numbers and clones `n` items, however large the pool.
    fn pick<T: Clone>(&mut self, pool: &[T], n: usize) -> Vec<T> {
        let mut order: Vec<u32> = (0..pool.len() as u32).collect();
        let n = n.min(order.len());
        for i in 0..n {
            let j = i + self.below(order.len() - i);
            order.swap(i, j);
        }
        order[..n]
            .iter()
            .map(|&i| pool[i as usize].clone())
            .collect()
    }
}

/// One question the table can make, before its random details are drawn.
#[derive(Clone, Copy, Debug)]
struct Plan {
    kind: QuestionKind,
    /// The facts it asks about; empty for matching and ordering, which draw theirs when chosen.
    fact: Option<usize>,
    /// Index into the table's topics.
    topic: usize,
    /// For matching: which answer kind it pairs.
    group: Option<AnswerKind>,
}

/// Generates the quiz `spec` asks for. The same table and spec always give the same quiz.
pub fn generate(table: &FactTable, spec: &QuizSpec) -> Quiz {
    let generator = Generator {
        table,
        spec,
        prepared: table.cache.get(table),
        passage: spec
            .passage
            .and_then(|p| crate::reading::passages(table).get(p)),
    };
    let mut dice = Dice(ChaCha8Rng::seed_from_u64(spec.seed));
    let plans = generator.plans();
    let mut used = vec![false; table.facts.len()];
    let topics = &generator.prepared.topics;
    let mut topic_uses = vec![0usize; topics.len()];
    let mut kind_uses = [0usize; 8];
    // A source-check lesson (only that kind asked) rotates through its angles first: what the
    // reports confirm, what rests on one, where they disagree, what a copy got wrong.
    let by_angle =
        !spec.kinds.is_empty() && spec.kinds.iter().all(|&k| k == QuestionKind::SourceCheck);
    let mut angle_uses = [0usize; 4];
    let mut questions = Vec::with_capacity(spec.count);
    // A plan that could not be built with the facts left is blocked until the facts are reset.
    let mut blocked = vec![false; plans.len()];
    // A reset with no question built since the last one means nothing more can be asked.
    let mut built_since_reset = true;
    let mut best: Vec<usize> = Vec::with_capacity(plans.len());
    while questions.len() < spec.count {
        // Prefer the least-asked topic, then the least-asked kind; the dice break ties.
        best.clear();
        let mut best_score = usize::MAX;
        for (i, plan) in plans.iter().enumerate() {
            if blocked[i] || plan.fact.is_some_and(|f| used[f]) {
                continue;
            }
            let angle = if by_angle {
                angle_uses[generator.angle(plan) as usize]
            } else {
                0
            };
            let score = angle * 4096 + topic_uses[plan.topic] * 16 + kind_uses[plan.kind as usize];
            if score < best_score {
                best_score = score;
                best.clear();
            }
            if score == best_score {
                best.push(i);
            }
        }
        if best.is_empty() {
            // A reading quiz asks each of its passage's facts once, however many were asked for.
            if !built_since_reset || spec.passage.is_some() {
                break;
            }
            // Every askable fact has been asked: start again rather than stop short.
            used.iter_mut().for_each(|u| *u = false);
            blocked.iter_mut().for_each(|b| *b = false);
            built_since_reset = false;
            continue;
        }
        let chosen = best[dice.below(best.len())];
        match generator.build(&plans[chosen], &used, &mut dice) {
            Some((mut question, facts)) => {
                // A matching or ordering question counts toward the topic it was chosen for.
                question.topic = topics[plans[chosen].topic].clone();
                built_since_reset = true;
                for f in facts {
                    used[f] = true;
                }
                topic_uses[plans[chosen].topic] += 1;
                kind_uses[question.kind as usize] += 1;
                angle_uses[generator.angle(&plans[chosen]) as usize] += 1;
                questions.push(question);
            }
            None => blocked[chosen] = true,
        }
    }
    Quiz {
        spec: spec.clone(),
        questions,
    }
}

/// What a source-check question asks about the reporting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceAngle {
    /// Which claim independent reports confirm.
    Confirmed,
    /// Which claim rests on one report (and its copies).
    SingleSource,
    /// What one report says where the reports disagree.
    Disagreement,
    /// What a translation, rewrite or brief got wrong.
    CopyError,
}

impl SourceAngle {
    /// The angle of a source-check question about `fact`.
    pub fn of(fact: &Fact) -> SourceAngle {
        if fact.kind == AnswerKind::SourceError {
            SourceAngle::CopyError
        } else if fact.versions.len() > 1 {
            SourceAngle::Disagreement
        } else if fact.status == Status::Corroborated {
            SourceAngle::Confirmed
        } else {
            SourceAngle::SingleSource
        }
    }
}

struct Generator<'a> {
    table: &'a FactTable,
    spec: &'a QuizSpec,
    prepared: &'a Prepared,
    /// A reading quiz's passage (`None` for other quizzes, and for a passage the table lacks).
    passage: Option<&'a Passage>,
}

/// What the generator works out once per table: each fact's distractors and cloze sites.
#[derive(Clone, Debug)]
pub struct Prepared {
    distractors: Vec<Vec<Value>>,
    cloze: Vec<Vec<ClozeSite>>,
    /// Every single-fact question the table can make, before any filter.
    plans: Vec<Plan>,
    /// Candidate facts for matching (per group) and ordering (last), ascending.
    pools: Vec<Vec<usize>>,
    /// Per pool, which pairs of facts may not appear in one question.
    clashes: Vec<Vec<bool>>,
    /// Wrong options for status checks: [corroborated facts, single-source facts].
    foils: [Vec<usize>; 2],
    /// Each fact's answer as shown, its claim with that answer, and its explanation.
    answers: Vec<String>,
    claims: Vec<String>,
    explanations: Vec<String>,
    topics: Vec<Topic>,
    /// The reading passages, worked out by the first reading quiz or view that needs them.
    passages: std::sync::OnceLock<Vec<Passage>>,
}

impl Prepared {
    /// The kinds of single-fact question the table can ask about fact `fact`, whatever the spec.
    pub(crate) fn kinds_of(&self, fact: usize) -> impl Iterator<Item = QuestionKind> + '_ {
        self.plans
            .iter()
            .filter(move |p| p.fact == Some(fact))
            .map(|p| p.kind)
    }

    /// The quotes (source and whitespace-normalized text) a cloze about fact `fact` can blank.
    pub(crate) fn cloze_quotes(
        &self,
        fact: usize,
    ) -> impl Iterator<Item = (&crate::source::SourceId, String)> + '_ {
        self.cloze[fact]
            .iter()
            .map(|site| (&site.source, site.quote()))
    }
}

/// A per-table memo of [`Prepared`], filled by the first quiz; never serialized, never compared.
#[derive(Clone, Debug, Default)]
pub struct GeneratorCache(std::sync::OnceLock<Prepared>);

impl PartialEq for GeneratorCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl GeneratorCache {
    /// The table's reading passages, worked out on first use with `compute`.
    pub(crate) fn passages(
        &self,
        table: &FactTable,
        compute: impl FnOnce(&Prepared) -> Vec<Passage>,
    ) -> &[Passage] {
        let prepared = self.get(table);
        prepared.passages.get_or_init(|| compute(prepared))
    }

    fn get(&self, table: &FactTable) -> &Prepared {
        self.0.get_or_init(|| {
            let spec = QuizSpec::new(0, 0);
            let topics = table.topics();
            let empty = Prepared {
                distractors: Vec::new(),
                cloze: Vec::new(),
                plans: Vec::new(),
                pools: Vec::new(),
                clashes: Vec::new(),
                foils: [Vec::new(), Vec::new()],
                answers: Vec::new(),
                claims: Vec::new(),
                explanations: Vec::new(),
                topics: Vec::new(),
                passages: std::sync::OnceLock::new(),
            };
            let generator = Generator {
                table,
                spec: &spec,
                prepared: &empty,
                passage: None,
            };
            let pools = generator.compute_pools();
            let mut prepared = Prepared {
                distractors: table
                    .facts
                    .iter()
                    .map(|fact| generator.compute_distractors(fact))
                    .collect(),
                cloze: table.facts.iter().map(cloze_sites).collect(),
                plans: Vec::new(),
                clashes: generator.clash_matrices(&pools),
                foils: generator.compute_foils(),
                pools,
                answers: table.facts.iter().map(|f| f.answer().to_string()).collect(),
                claims: table
                    .facts
                    .iter()
                    .map(|f| f.claim_with(&f.answer().to_string()))
                    .collect(),
                explanations: table.facts.iter().map(|f| generator.explain(f)).collect(),
                topics,
                passages: std::sync::OnceLock::new(),
            };
            let generator = Generator {
                table,
                spec: &spec,
                prepared: &prepared,
                passage: None,
            };
            let plans = generator.single_fact_plans();
            prepared.plans = plans;
            prepared
        })
    }
}

/// Answer kinds that pair well in a matching question, with the prompt's noun.
const MATCHING_GROUPS: [(AnswerKind, &str); 4] = [
    (AnswerKind::Money, "Match each sum to what it is for."),
    (
        AnswerKind::Person,
        "Match each person to their part in the story.",
    ),
    (AnswerKind::Date, "Match each event to its date."),
    (AnswerKind::Place, "Match each event to its place."),
];

impl<'a> Generator<'a> {
    fn facts(&self) -> &'a [Fact] {
        &self.table.facts
    }

    fn topic_index(&self, topic: &Topic) -> usize {
        self.prepared
            .topics
            .iter()
            .position(|t| t == topic)
            .unwrap_or(0)
    }

    /// Every single-fact question the table can make, whatever the spec (cached per table).
    fn single_fact_plans(&self) -> Vec<Plan> {
        let mut plans = Vec::new();
        for (i, fact) in self.facts().iter().enumerate() {
            let topic = self.topic_index(&fact.topic);
            for kind in QuestionKind::ALL {
                if self.fact_supports_kind(fact, kind) {
                    plans.push(Plan {
                        kind,
                        fact: Some(i),
                        topic,
                        group: None,
                    });
                }
            }
        }
        plans
    }

    /// The angle a plan's question takes (only source checks have one; others count as confirmed).
    fn angle(&self, plan: &Plan) -> SourceAngle {
        match plan.fact {
            Some(f) if plan.kind == QuestionKind::SourceCheck => SourceAngle::of(&self.facts()[f]),
            _ => SourceAngle::Confirmed,
        }
    }

    /// Every question the table can make under the spec, in table order.
    fn plans(&self) -> Vec<Plan> {
        if self.spec.passage.is_some() {
            // A reading quiz: the questions its passage answers (none for a passage the table lacks).
            let asks = self
                .passage
                .map_or(&[][..], |passage| passage.asks.as_slice());
            return self
                .prepared
                .plans
                .iter()
                .filter(|plan| {
                    self.spec.admits(plan.kind)
                        && plan.fact.is_some_and(|f| {
                            self.spec.admits_topic(&self.facts()[f].topic)
                                && asks.contains(&(f, plan.kind))
                        })
                })
                .copied()
                .collect();
        }
        let mut plans: Vec<Plan> = self
            .prepared
            .plans
            .iter()
            .filter(|p| {
                self.spec.admits(p.kind)
                    && p.fact
                        .is_some_and(|f| self.spec.admits_topic(&self.facts()[f].topic))
            })
            .copied()
            .collect();
        if self.spec.admits(QuestionKind::Matching) {
            let none_used = vec![false; self.facts().len()];
            for (group, _) in MATCHING_GROUPS {
                let pool = self.matching_pool(group, &none_used);
                if pool.len() >= 3 {
                    let topic = self.pool_topic(&pool);
                    plans.push(Plan {
                        kind: QuestionKind::Matching,
                        fact: None,
                        topic,
                        group: Some(group),
                    });
                }
            }
        }
        if self.spec.admits(QuestionKind::Ordering) {
            let pool = self.dated_pool(&vec![false; self.facts().len()]);
            if pool.len() >= 4 {
                let topic = self.pool_topic(&pool);
                plans.push(Plan {
                    kind: QuestionKind::Ordering,
                    fact: None,
                    topic,
                    group: None,
                });
            }
        }
        plans
    }

    fn pool_topic(&self, pool: &[usize]) -> usize {
        let mut counts: Vec<(&Topic, usize)> = Vec::new();
        for &f in pool {
            let topic = &self.facts()[f].topic;
            match counts.iter_mut().find(|(t, _)| *t == topic) {
                Some((_, n)) => *n += 1,
                None => counts.push((topic, 1)),
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        counts
            .into_iter()
            .find(|(_, n)| *n == best)
            .map_or(0, |(t, _)| self.topic_index(t))
    }

    fn fact_supports_kind(&self, fact: &Fact, kind: QuestionKind) -> bool {
        let single = fact.versions.len() == 1;
        // "Over $1 billion" makes every smaller figure true too: such facts are not asked with distractors.
        let lower_bound = matches!(fact.answer(), Value::Money(m) if m.over);
        let plain = single
            && !lower_bound
            && !matches!(fact.kind, AnswerKind::SourceError | AnswerKind::Speaker);
        match kind {
            QuestionKind::MultipleChoice => plain && self.distractors(fact).len() >= 3,
            QuestionKind::TrueFalse => plain && !self.distractors(fact).is_empty(),
            QuestionKind::Numeric => single && numeric_answer(fact).is_some(),
            QuestionKind::Cloze => plain && !self.cloze_sites(fact).is_empty(),
            QuestionKind::WhoSaid => {
                fact.kind == AnswerKind::Speaker
                    && fact.quotation.is_some()
                    && self.people_besides(fact).len() >= 3
            }
            QuestionKind::SourceCheck => match fact.kind {
                AnswerKind::SourceError => self.error_facts().count() >= 4,
                _ if !single => self.conflict_options(fact).len() >= 2,
                AnswerKind::Speaker => false,
                _ => self.status_foils(fact).len() >= 3,
            },
            QuestionKind::Matching | QuestionKind::Ordering => false,
        }
    }

    /// Builds a plan's question, drawing its random details; returns the facts it used.
    fn build(&self, plan: &Plan, used: &[bool], dice: &mut Dice) -> Option<(Question, Vec<usize>)> {
        match (plan.kind, plan.fact) {
            (QuestionKind::Matching, _) => self.matching(plan.group?, used, dice),
            (QuestionKind::Ordering, _) => self.ordering(used, dice),
            (kind, Some(f)) => {
                let fact = &self.facts()[f];
                let question = match kind {
                    QuestionKind::MultipleChoice => self.multiple_choice(fact, dice),
                    QuestionKind::TrueFalse => self.true_false(fact, dice),
                    QuestionKind::Numeric => self.numeric(fact),
                    QuestionKind::Cloze => self.cloze(fact, dice),
                    QuestionKind::WhoSaid => self.who_said(fact, dice),
                    QuestionKind::SourceCheck => self.source_check(fact, dice),
                    QuestionKind::Matching | QuestionKind::Ordering => return None,
                };
                Some((question, vec![f]))
            }
            (_, None) => None,
        }
    }

    // ----- distractors -------------------------------------------------------------------

    /// This fact's distractors, worked out once per table.
    fn distractors(&self, fact: &Fact) -> &'a [Value] {
        &self.prepared.distractors[self.index_of(fact)]
    }

    fn answer_text(&self, fact: &Fact) -> &'a str {
        &self.prepared.answers[self.index_of(fact)]
    }

    fn claim(&self, fact: &Fact) -> &'a str {
        &self.prepared.claims[self.index_of(fact)]
    }

    fn explanation(&self, fact: &Fact) -> &'a str {
        &self.prepared.explanations[self.index_of(fact)]
    }

    fn cloze_sites(&self, fact: &Fact) -> &'a [ClozeSite] {
        &self.prepared.cloze[self.index_of(fact)]
    }

    /// The position of a fact of this table (facts are only ever borrowed from `self.facts()`).
    fn index_of(&self, fact: &Fact) -> usize {
        let base = self.facts().as_ptr() as usize;
        let index = (fact as *const Fact as usize - base) / std::mem::size_of::<Fact>();
        debug_assert!(
            std::ptr::eq(&self.facts()[index], fact),
            "a fact from another table"
        );
        index
    }

    /// Values of the same kind and scale that no source supports for this fact, deduplicated, in a fixed order.
    fn compute_distractors(&self, fact: &Fact) -> Vec<Value> {
        let answer = fact.answer();
        let mut candidates: Vec<Value> = Vec::new();
        match answer {
            Value::Money(money) => {
                let recast = |amount: u64| {
                    Value::Money(Money {
                        amount,
                        usd: None,
                        ..money.clone()
                    })
                };
                for other in self.facts() {
                    for version in &other.versions {
                        if let Value::Money(m) = &version.answer {
                            candidates.push(recast(m.amount));
                        }
                    }
                }
                for (num, den) in [(1, 2), (2, 1), (3, 2), (3, 4), (3, 1), (1, 3)] {
                    candidates.push(recast(round_two_figures(money.amount * num / den)));
                }
                candidates.retain(|v| match v {
                    Value::Money(m) => m.amount * 5 >= money.amount && m.amount <= money.amount * 5,
                    _ => false,
                });
            }
            Value::Date(date) => {
                for other in self.facts() {
                    for version in &other.versions {
                        if let Value::Date(d) = &version.answer {
                            if d.precision == date.precision {
                                candidates.push(version.answer.clone());
                            }
                        }
                    }
                }
                for shift in [1i32, -1, 2, -2, 3, -3] {
                    candidates.push(Value::Date(shift_date(date, shift)));
                }
            }
            Value::Count(count) => {
                for delta in [1i64, -1, 2, -2, 3] {
                    let value = i64::from(count.value) + delta;
                    if value > 0 {
                        candidates.push(Value::Count(Count {
                            value: value as u32,
                            unit: count.unit.clone(),
                        }));
                    }
                }
            }
            Value::Text(_) if fact.kind == AnswerKind::Term => {}
            Value::Text(_) => {
                for other in self.facts() {
                    if similar_kinds(fact.kind, other.kind) {
                        candidates.extend(other.versions.iter().map(|v| v.answer.clone()));
                    }
                }
            }
        }
        candidates.extend(fact.distractors.iter().map(|d| Value::Text(d.clone())));
        // Each candidate's folded text is worked out once (this runs for every fact on first use).
        let answer_shown = fold(&answer.to_string());
        let mut distinct: Vec<(Value, String)> = Vec::new();
        for candidate in candidates {
            let shown = fold(&candidate.to_string());
            if shown != answer_shown
                && !distinct
                    .iter()
                    .any(|(d, d_shown)| *d_shown == shown || d.agrees_with(&candidate))
                && !fact.supports(&candidate)
            {
                distinct.push((candidate, shown));
            }
        }
        distinct.into_iter().map(|(value, _)| value).collect()
    }

    /// People the table names, other than this speaker, for "who said it".
    fn people_besides(&self, fact: &Fact) -> &'a [Value] {
        self.distractors(fact)
    }

    fn error_facts(&self) -> impl Iterator<Item = &'a Fact> {
        self.facts()
            .iter()
            .filter(|f| f.kind == AnswerKind::SourceError && f.correct.is_some())
    }

    /// Facts whose status is the opposite of this one's, to be the wrong options of a status check.
    fn status_foils(&self, fact: &Fact) -> &'a [usize] {
        match fact.status {
            Status::Corroborated => &self.prepared.foils[1],
            Status::SingleSource => &self.prepared.foils[0],
            Status::Conflicting => &[],
        }
    }

    /// Facts that can be the wrong options of a status check: [corroborated, single-source].
    fn compute_foils(&self) -> [Vec<usize>; 2] {
        let with = |status: Status| -> Vec<usize> {
            (0..self.facts().len())
                .filter(|&i| {
                    let f = &self.facts()[i];
                    f.status == status && f.versions.len() == 1 && f.kind != AnswerKind::SourceError
                })
                .collect()
        };
        [with(Status::Corroborated), with(Status::SingleSource)]
    }

    /// The distinct values the sources give for a fact in conflict.
    fn conflict_options(&self, fact: &Fact) -> Vec<Value> {
        let mut values: Vec<Value> = Vec::new();
        for version in &fact.versions {
            if !values.iter().any(|v| v.agrees_with(&version.answer)) {
                values.push(version.answer.clone());
            }
        }
        values
    }

    // ----- the kinds ---------------------------------------------------------------------

    fn multiple_choice(&self, fact: &Fact, dice: &mut Dice) -> Question {
        let wrong: Vec<String> = dice
            .pick(self.distractors(fact), 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = shuffled_options(self.answer_text(fact).to_string(), wrong, dice);
        self.question(
            QuestionKind::MultipleChoice,
            fact.ask.clone(),
            fact,
            Body::Choice { options, correct },
        )
    }

    fn true_false(&self, fact: &Fact, dice: &mut Dice) -> Question {
        let truth = dice.below(2) == 0;
        let shown = if truth {
            self.answer_text(fact).to_string()
        } else {
            let pool = self.distractors(fact);
            pool[dice.below(pool.len())].to_string()
        };
        let prompt = format!("True or false? {}", fact.claim_with(&shown));
        let body = Body::Choice {
            options: vec!["True".into(), "False".into()],
            correct: usize::from(!truth),
        };
        let mut question = self.question(QuestionKind::TrueFalse, prompt, fact, body);
        question.answer_text = if truth {
            "True".into()
        } else {
            format!("False: it was {}", fact.answer())
        };
        question
    }

    fn numeric(&self, fact: &Fact) -> Question {
        let (answer, unit, tolerance) = numeric_answer(fact).unwrap_or((0.0, String::new(), 0.0));
        let tolerance_text = if tolerance > 0.0 {
            format!(", within {}", trim_number(tolerance))
        } else {
            String::new()
        };
        let prompt = match fact.answer() {
            Value::Money(_) => format!("{} Answer in {unit}{tolerance_text}.", fact.ask),
            _ => format!("{} Answer with a number.", fact.ask),
        };
        self.question(
            QuestionKind::Numeric,
            prompt,
            fact,
            Body::Numeric {
                unit,
                answer,
                tolerance,
            },
        )
    }

    fn cloze(&self, fact: &Fact, dice: &mut Dice) -> Question {
        let all = self.cloze_sites(fact);
        // A reading quiz blanks a sentence of its passage (the passage holds one: it asks this).
        let sites: Vec<&ClozeSite> = match self.passage {
            Some(passage) => all
                .iter()
                .filter(|site| site.source == passage.source && passage.holds(&site.quote()))
                .collect(),
            None => all.iter().collect(),
        };
        let sites = if sites.is_empty() {
            all.iter().collect()
        } else {
            sites
        };
        let site = sites[dice.below(sites.len())];
        let mut accepted = vec![site.blank.clone(), self.answer_text(fact).to_string()];
        accepted.extend(fact.spellings.iter().cloned());
        if let Value::Money(money) = fact.answer() {
            accepted.push(spell_amount(money.amount));
            accepted.push(money.amount.to_string());
        }
        let mut unique: Vec<String> = Vec::new();
        for a in accepted {
            if !unique.iter().any(|u| same_folded(u, &a)) {
                unique.push(a);
            }
        }
        let outlet = self
            .table
            .source(&site.source)
            .map_or(site.source.0.as_str(), |s| s.outlet.as_str());
        let prompt = format!("Fill in the blank in this passage, from {outlet}.");
        let body = Body::Cloze {
            before: site.before.clone(),
            after: site.after.clone(),
            accepted: unique,
        };
        let mut question = self.question(QuestionKind::Cloze, prompt, fact, body);
        question.answer_text = site.blank.clone();
        question
    }

    fn who_said(&self, fact: &Fact, dice: &mut Dice) -> Question {
        let wrong: Vec<String> = dice
            .pick(self.people_besides(fact), 3)
            .iter()
            .map(Value::to_string)
            .collect();
        let (options, correct) = shuffled_options(self.answer_text(fact).to_string(), wrong, dice);
        let prompt = format!(
            "Who said this? “{}”",
            fact.quotation.as_deref().unwrap_or_default()
        );
        self.question(
            QuestionKind::WhoSaid,
            prompt,
            fact,
            Body::Choice { options, correct },
        )
    }

    fn source_check(&self, fact: &Fact, dice: &mut Dice) -> Question {
        if fact.kind == AnswerKind::SourceError {
            return self.error_check(fact, dice);
        }
        if fact.versions.len() > 1 {
            return self.conflict_check(fact, dice);
        }
        let foils: Vec<&Fact> = dice
            .pick(self.status_foils(fact), 3)
            .into_iter()
            .map(|f| &self.facts()[f])
            .collect();
        let wrong: Vec<String> = foils.iter().map(|f| self.claim(f).to_string()).collect();
        let right = self.claim(fact).to_string();
        let (options, correct) = shuffled_options(right, wrong, dice);
        let prompt = match fact.status {
            Status::Corroborated => "Which of these claims is confirmed by two or more independent reports?",
            _ => "Which of these claims comes from a single source (one report and any copies of it)?",
        };
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt.into(),
            fact,
            Body::Choice { options, correct },
        );
        question.answer_text = self.claim(fact).to_string();
        let foil_status = if fact.status == Status::Corroborated {
            "rests on a single source"
        } else {
            "is confirmed by independent reports"
        };
        question.explanation = format!(
            "{} Each of the other claims {foil_status}.",
            question.explanation
        );
        question
    }

    fn conflict_check(&self, fact: &Fact, dice: &mut Dice) -> Question {
        // Ask what one named source says: that has exactly one answer even when the sources disagree.
        let v = dice.below(fact.versions.len());
        let version = &fact.versions[v];
        let evidence = &version.evidence[dice.below(version.evidence.len())];
        let values = self.conflict_options(fact);
        let right = version.answer.to_string();
        let mut wrong: Vec<String> = values
            .iter()
            .map(Value::to_string)
            .filter(|s| !same_folded(s, &right))
            .collect();
        let extra = dice.pick(
            self.distractors(fact),
            4usize.saturating_sub(wrong.len() + 1),
        );
        wrong.extend(extra.iter().map(Value::to_string));
        let (options, correct) = shuffled_options(right, wrong, dice);
        let source = self.table.source(&evidence.source);
        let name = source.map_or(evidence.source.0.clone(), |s| {
            format!("“{}” ({})", s.headline, s.outlet)
        });
        let prompt = format!(
            "The reports disagree here. {} — what does {name} say?",
            fact.ask
        );
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt,
            fact,
            Body::Choice { options, correct },
        );
        question.answer_text = version.answer.to_string();
        question
    }

    fn error_check(&self, fact: &Fact, dice: &mut Dice) -> Question {
        let right = fact.correct.clone().unwrap_or_default();
        let others: Vec<String> = self
            .error_facts()
            .filter(|f| f.id != fact.id)
            .filter_map(|f| f.correct.clone())
            .filter(|c| !same_folded(c, &right))
            .collect();
        let wrong = dice.pick(&others, 3);
        let (options, correct) = shuffled_options(right.clone(), wrong, dice);
        let source = fact.about.as_ref().and_then(|id| self.table.source(id));
        let who = source.map_or("One article".to_string(), |s| match s.kind {
            crate::source::SourceKind::Original => s.outlet.clone(),
            kind => format!("A {} ({})", kind.label(), s.outlet),
        });
        let prompt = format!(
            "{who} printed “{}”. What do the other reports say instead?",
            fact.answer()
        );
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt,
            fact,
            Body::Choice { options, correct },
        );
        question.answer_text = right;
        question
    }

    fn matching_pool(&self, group: AnswerKind, used: &[bool]) -> Vec<usize> {
        let g = MATCHING_GROUPS
            .iter()
            .position(|(k, _)| *k == group)
            .unwrap_or(0);
        self.unused(&self.prepared.pools[g], used)
    }

    fn dated_pool(&self, used: &[bool]) -> Vec<usize> {
        self.unused(&self.prepared.pools[MATCHING_GROUPS.len()], used)
    }

    /// The facts of a cached pool that are unused and in the spec's topics.
    fn unused(&self, pool: &[usize], used: &[bool]) -> Vec<usize> {
        pool.iter()
            .copied()
            .filter(|&i| !used[i] && self.spec.admits_topic(&self.facts()[i].topic))
            .collect()
    }

    /// Pools for matching (one per group) and then ordering: single-version facts with a label.
    fn compute_pools(&self) -> Vec<Vec<usize>> {
        let pool = |keep: &dyn Fn(&Fact) -> bool| -> Vec<usize> {
            (0..self.facts().len())
                .filter(|&i| {
                    let f = &self.facts()[i];
                    f.versions.len() == 1 && f.label.is_some() && keep(f)
                })
                .collect()
        };
        let mut pools: Vec<Vec<usize>> = MATCHING_GROUPS
            .iter()
            .map(|(group, _)| {
                pool(&|f: &Fact| similar_kinds(f.kind, *group) && f.kind != AnswerKind::Speaker)
            })
            .collect();
        pools.push(pool(&|f: &Fact| f.kind == AnswerKind::Date));
        pools
    }

    /// Up to `n` facts from `pool` whose answers are pairwise distinct and not true of one another.
    /// Up to `n` facts from `candidates` (a subset of pool `p`) that may stand side by side:
    /// answers distinct and not true of one another, labels or dates distinct (see `clash_matrix`).
    fn compatible(&self, p: usize, candidates: &[usize], n: usize, dice: &mut Dice) -> Vec<usize> {
        let pool = &self.prepared.pools[p];
        let clash = &self.prepared.clashes[p];
        let position = |f: usize| pool.binary_search(&f).unwrap_or(0);
        let mut candidates = candidates.to_vec();
        dice.shuffle(&mut candidates);
        let mut chosen: Vec<usize> = Vec::new();
        for f in candidates {
            let a = position(f);
            if !chosen.iter().any(|&c| clash[a * pool.len() + position(c)]) {
                chosen.push(f);
                if chosen.len() == n {
                    break;
                }
            }
        }
        chosen
    }

    /// For each pool, which pairs of its facts clash (row-major, pool position × pool position).
    fn clash_matrices(&self, pools: &[Vec<usize>]) -> Vec<Vec<bool>> {
        pools
            .iter()
            .enumerate()
            .map(|(p, pool)| {
                let ordering = p == MATCHING_GROUPS.len();
                let mut clash = Vec::with_capacity(pool.len() * pool.len());
                for &a in pool {
                    for &b in pool {
                        let (x, y) = (&self.facts()[a], &self.facts()[b]);
                        let distinct = if ordering {
                            matches!((x.answer(), y.answer()), (Value::Date(d), Value::Date(e)) if !d.agrees_with(e))
                        } else {
                            !same_folded(&x.label(), &y.label())
                        };
                        clash.push(a != b && (x.supports(y.answer()) || y.supports(x.answer()) || !distinct));
                    }
                }
                clash
            })
            .collect()
    }

    fn matching(
        &self,
        group: AnswerKind,
        used: &[bool],
        dice: &mut Dice,
    ) -> Option<(Question, Vec<usize>)> {
        let pool = self.matching_pool(group, used);
        let g = MATCHING_GROUPS
            .iter()
            .position(|(k, _)| *k == group)
            .unwrap_or(0);
        let chosen = self.compatible(g, &pool, 4, dice);
        if chosen.len() < 3 {
            return None;
        }
        let facts: Vec<&Fact> = chosen.iter().map(|&f| &self.facts()[f]).collect();
        let left: Vec<String> = facts.iter().map(|f| f.label()).collect();
        let mut right_order: Vec<usize> = (0..facts.len()).collect();
        dice.shuffle(&mut right_order);
        let right: Vec<String> = right_order
            .iter()
            .map(|&i| facts[i].answer().to_string())
            .collect();
        let pairs: Vec<usize> = (0..facts.len())
            .map(|i| right_order.iter().position(|&r| r == i).unwrap_or(0))
            .collect();
        let prompt = MATCHING_GROUPS
            .iter()
            .find(|(g, _)| *g == group)
            .map_or("Match each item.", |(_, p)| p);
        let answer_text = left
            .iter()
            .zip(&facts)
            .map(|(l, f)| format!("{l} → {}", f.answer()))
            .collect::<Vec<_>>()
            .join("; ");
        Some((
            self.multi_question(
                QuestionKind::Matching,
                prompt.into(),
                &facts,
                Body::Matching { left, right, pairs },
                answer_text,
            ),
            chosen,
        ))
    }

    fn ordering(&self, used: &[bool], dice: &mut Dice) -> Option<(Question, Vec<usize>)> {
        let pool = self.dated_pool(used);
        let n = if pool.len() >= 5 && dice.below(2) == 0 {
            5
        } else {
            4
        };
        let chosen = self.compatible(MATCHING_GROUPS.len(), &pool, n, dice);
        if chosen.len() < 4 {
            return None;
        }
        let facts: Vec<&Fact> = chosen.iter().map(|&f| &self.facts()[f]).collect();
        let key = |f: &Fact| match f.answer() {
            Value::Date(d) => (d.year, d.month, d.day),
            _ => (0, 0, 0),
        };
        let items: Vec<String> = facts.iter().map(|f| f.label()).collect();
        let mut order: Vec<usize> = (0..facts.len()).collect();
        order.sort_by_key(|&i| key(facts[i]));
        let answer_text = order
            .iter()
            .map(|&i| format!("{} ({})", items[i], facts[i].answer()))
            .collect::<Vec<_>>()
            .join(" → ");
        let prompt = "Put these events in order, earliest first.".to_string();
        Some((
            self.multi_question(
                QuestionKind::Ordering,
                prompt,
                &facts,
                Body::Ordering { items, order },
                answer_text,
            ),
            chosen,
        ))
    }

    // ----- explanations ------------------------------------------------------------------

    fn question(&self, kind: QuestionKind, prompt: String, fact: &Fact, body: Body) -> Question {
        Question {
            kind,
            prompt,
            topic: fact.topic.clone(),
            body,
            fact_ids: vec![fact.id.clone()],
            status: fact.status,
            answer_text: self.answer_text(fact).to_string(),
            explanation: self.explanation(fact).to_string(),
            quotes: fact.all_evidence().cloned().collect(),
        }
    }

    fn multi_question(
        &self,
        kind: QuestionKind,
        prompt: String,
        facts: &[&Fact],
        body: Body,
        answer_text: String,
    ) -> Question {
        Question {
            kind,
            prompt,
            topic: facts[0].topic.clone(),
            body,
            fact_ids: facts.iter().map(|f| f.id.clone()).collect(),
            status: facts
                .iter()
                .map(|f| f.status)
                .max()
                .unwrap_or(Status::SingleSource),
            answer_text,
            explanation: facts
                .iter()
                .map(|f| self.explanation(f))
                .collect::<Vec<_>>()
                .join(" "),
            quotes: facts
                .iter()
                .flat_map(|f| f.all_evidence().cloned())
                .collect(),
        }
    }

    /// The claim, then how well the sources support it, in plain words.
    fn explain(&self, fact: &Fact) -> String {
        let outlet = |id: &crate::source::SourceId| {
            self.table
                .source(id)
                .map_or(id.0.clone(), |s| s.outlet.clone())
        };
        match (fact.kind, fact.status) {
            (AnswerKind::SourceError, _) => format!(
                "{} Other reports: “{}”.",
                fact.claim_with(&fact.answer().to_string()),
                fact.correct.as_deref().unwrap_or_default()
            ),
            (_, Status::Conflicting) => {
                let versions: Vec<String> = fact
                    .versions
                    .iter()
                    .map(|v| {
                        let who: Vec<String> =
                            v.evidence.iter().map(|e| outlet(&e.source)).collect();
                        format!("{} says {}", join_dedup(&who), v.answer)
                    })
                    .collect();
                format!("The sources disagree: {}.", versions.join("; "))
            }
            (_, Status::Corroborated) => format!(
                "{} Confirmed by {} independent reports.",
                fact.claim_with(&fact.answer().to_string()),
                fact.independent_reports
            ),
            (_, Status::SingleSource) => {
                let who: Vec<String> = fact.all_evidence().map(|e| outlet(&e.source)).collect();
                format!(
                    "{} Reported by one source only: {}.",
                    fact.claim_with(&fact.answer().to_string()),
                    join_dedup(&who)
                )
            }
        }
    }
}

fn join_dedup(items: &[String]) -> String {
    let mut unique: Vec<&str> = Vec::new();
    for item in items {
        if !unique.contains(&item.as_str()) {
            unique.push(item);
        }
    }
    unique.join(" and ")
}

/// Puts the right option among the wrong ones at a uniformly random position.
fn shuffled_options(right: String, wrong: Vec<String>, dice: &mut Dice) -> (Vec<String>, usize) {
    let mut options = wrong;
    let correct = dice.below(options.len() + 1);
    options.insert(correct, right);
    (options, correct)
}

/// People and speakers are one pool of distractors; every other kind is its own.
fn similar_kinds(a: AnswerKind, b: AnswerKind) -> bool {
    use AnswerKind::*;
    let family = |k: AnswerKind| match k {
        Person | Speaker => 0,
        other => 1 + other as u8,
    };
    family(a) == family(b)
}

/// Rounds to two significant figures, so derived distractors look like figures articles print.
fn round_two_figures(amount: u64) -> u64 {
    let mut scale = 1u64;
    while amount / scale >= 100 {
        scale *= 10;
    }
    (amount + scale / 2) / scale * scale
}

fn shift_date(date: &Date, shift: i32) -> Date {
    let mut out = *date;
    match date.precision {
        Precision::Year => out.year = (i32::from(date.year) + shift) as u16,
        Precision::Month => {
            let months = i32::from(date.year) * 12 + i32::from(date.month) - 1 + shift;
            out.year = (months / 12) as u16;
            out.month = (months % 12 + 1) as u8;
        }
        Precision::Day => out.day = (i32::from(date.day) + shift * 2).clamp(1, 28) as u8,
    }
    out
}

/// The number to type for a numeric-entry question: (answer, unit, tolerance).
fn numeric_answer(fact: &Fact) -> Option<(f64, String, f64)> {
    match fact.answer() {
        Value::Money(money) if !money.over => {
            let currency = match money.currency {
                Currency::Cad => "Canadian dollars",
                Currency::Usd => "U.S. dollars",
                Currency::Unstated => "dollars",
            };
            let (scale, word) = if money.amount >= 1_000_000_000 {
                (1e9, "billions")
            } else {
                (1e6, "millions")
            };
            let answer = money.amount as f64 / scale;
            // 1%: forgives rounding, never reaches another figure the articles print.
            let tolerance = (answer * 0.01 * 1000.0).round() / 1000.0;
            Some((answer, format!("{word} of {currency}"), tolerance))
        }
        Value::Count(count) if !count.unit.is_empty() => {
            Some((f64::from(count.value), count.unit.clone(), 0.0))
        }
        _ => None,
    }
}

fn trim_number(n: f64) -> String {
    let text = format!("{n:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A place in a verbatim quote where the answer can be blanked out.
#[derive(Clone, Debug)]
struct ClozeSite {
    source: crate::source::SourceId,
    before: String,
    blank: String,
    after: String,
}

impl ClozeSite {
    /// The whole (whitespace-normalized) quote.
    fn quote(&self) -> String {
        format!("{}{}{}", self.before, self.blank, self.after)
    }
}

/// Every quote (of a single-version fact) that writes its answer exactly once.
fn cloze_sites(fact: &Fact) -> Vec<ClozeSite> {
    let needles: Vec<String> = match fact.answer() {
        Value::Text(text) => std::iter::once(text.clone())
            .chain(fact.spellings.iter().cloned())
            .collect(),
        Value::Money(money) => vec![spell_amount(money.amount)],
        Value::Count(count) => vec![count.value.to_string()],
        Value::Date(_) => Vec::new(),
    };
    let mut sites = Vec::new();
    for evidence in &fact.versions[0].evidence {
        let quote = normalize_whitespace(&evidence.quote);
        let lower = quote.to_lowercase();
        for needle in &needles {
            let needle_lower = needle.to_lowercase();
            let hits: Vec<usize> = lower.match_indices(&needle_lower).map(|(i, _)| i).collect();
            // Lower-casing can shift byte offsets for some scripts; only accept exact boundaries.
            if hits.len() != 1 || lower.len() != quote.len() {
                continue;
            }
            let start = hits[0];
            let end = start + needle_lower.len();
            let word_edge = |i: usize| {
                quote[..i]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric())
            };
            let after_edge = quote[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if word_edge(start) && after_edge && quote.len() > needle.len() + 20 {
                sites.push(ClozeSite {
                    source: evidence.source.clone(),
                    before: quote[..start].to_string(),
                    blank: quote[start..end].to_string(),
                    after: quote[end..].to_string(),
                });
                break;
            }
        }
    }
    sites
}
