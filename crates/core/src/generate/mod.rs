//! The question generator: turns a prepared fact table into a seeded quiz that any machine reproduces exactly.
//!
//! [`Prepared`] does the per-table work once; [`generate`] plans what the spec admits, then
//! draws questions that balance source-check angles, topics and kinds, each kind built by its
//! own module.

mod choice;
mod cloze;
mod dice;
mod distractors;
mod explain;
mod leak;
mod matching;
mod numeric;
mod plan;
mod prepared;
mod source_check;
mod words;

use crate::question::{Question, QuestionKind};
use crate::reading::Passage;
use crate::table::{FactIdx, FactTable, PerFact};
use dice::Dice;
use plan::{MatchGroup, Plan};
use serde::{Deserialize, Serialize};

pub use crate::spec::QuizSpec;
pub use choice::TRUE_OR_FALSE;
pub use prepared::Prepared;
pub use source_check::SourceAngle;

/// How many times a question that would give another's answer away is drawn again.
const LEAK_ATTEMPTS: usize = 3;

/// A generated quiz: the spec it came from and its questions in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub spec: QuizSpec,
    pub questions: Vec<Question>,
}

/// Generates the quiz `spec` asks for. The same table and spec always give the same quiz.
pub fn generate(prepared: &Prepared, spec: &QuizSpec) -> Quiz {
    let generator = Generator {
        prepared,
        spec,
        passage: spec.passage.and_then(|p| prepared.passages().get(p)),
    };
    let mut dice = Dice::seeded(spec.seed);
    let plans = generator.plans();
    let mut used = PerFact::filled(generator.table(), false);
    // Facts a source check showed as a foil: later ones show others (see `source_check`).
    let mut foiled = PerFact::filled(generator.table(), false);
    // How many facts each topic can ask under the spec: a large topic may come back before a
    // small one is first asked (see `Uses::score`).
    let mut topic_facts: Vec<Vec<usize>> = vec![Vec::new(); prepared.topics.len()];
    for plan in &plans {
        if let Some(f) = plan.fact() {
            if !topic_facts[plan.topic()].contains(&f.0) {
                topic_facts[plan.topic()].push(f.0);
            }
        }
    }
    let mut uses = Uses::new(topic_facts.iter().map(Vec::len).collect());
    // A source-check lesson (only that kind asked) rotates through its angles first: what the
    // reports confirm, what rests on one, where they disagree, what a copy got wrong.
    let by_angle = spec.source_checks_only();
    // Of two angles asked as often, the one with fewer questions goes first: those few (a copy's
    // errors) are the easiest for earlier questions to rule out, by their group or by a leak.
    let mut angle_plans = [0usize; SourceAngle::ALL.len()];
    if by_angle {
        for plan in &plans {
            angle_plans[generator.angle(plan) as usize] += 1;
        }
    }
    let mut questions = Vec::with_capacity(spec.count);
    // A plan that could not be built with the facts left is blocked until the facts are reset.
    let mut blocked = vec![false; plans.len()];
    // A reset with no question built since the last one means nothing more can be asked.
    let mut built_since_reset = true;
    let mut best: Vec<usize> = Vec::with_capacity(plans.len());
    let mut groups: Vec<usize> = Vec::with_capacity(plans.len());
    // Per question asked: its facts and what it shows (what would give its facts' answers away
    // is `Prepared`'s per-fact `leak_keys`).
    let mut asked: Vec<(Vec<FactIdx>, leak::Shown)> = Vec::with_capacity(spec.count);
    // Each plan's fact, angle (in a source-check lesson), topic and kind, worked out once: the
    // loop below looks at every plan for every question.
    let marks: Vec<Marks> = plans
        .iter()
        .map(|plan| Marks {
            fact: plan.fact().map_or(usize::MAX, |f| f.0),
            // Matching and ordering plans (of several facts each) draw as one group per kind.
            group: plan
                .fact()
                .map_or(usize::MAX - plan.kind() as usize, |f| f.0),
            angle: by_angle.then(|| {
                let angle = generator.angle(plan) as usize;
                (angle, angle_plans[angle])
            }),
            topic: plan.topic(),
            kind: plan.kind() as usize,
        })
        .collect();
    while questions.len() < spec.count {
        // Prefer the least-used angle (in a source-check lesson), then topic, then kind; the dice break ties.
        best.clear();
        let mut best_score = None;
        let (used_now, blocked_now) = (used.values(), &blocked[..]);
        for (i, (marks, &blocked_plan)) in marks.iter().zip(blocked_now).enumerate() {
            if blocked_plan || used_now.get(marks.fact).copied().unwrap_or(false) {
                continue;
            }
            let score = uses.score(marks);
            if best_score.is_none_or(|best| score < best) {
                best_score = Some(score);
                best.clear();
            }
            if Some(score) == best_score {
                best.push(i);
            }
        }
        if best.is_empty() {
            // A reading quiz asks each of its passage's facts once, however many were asked for.
            if !built_since_reset || spec.passage.is_some() {
                break;
            }
            // Every askable fact has been asked: start again rather than stop short. The second
            // round is kept fair within itself; the first has shown every answer already.
            used.fill(false);
            foiled.fill(false);
            blocked.iter_mut().for_each(|b| *b = false);
            asked.clear();
            built_since_reset = false;
            continue;
        }
        // The fact first, then its kind: a fact askable six ways has six plans, and drawn among
        // plans it would come back in half the quizzes while most facts seldom came at all.
        groups.clear();
        for &i in &best {
            if !groups.contains(&marks[i].group) {
                groups.push(marks[i].group);
            }
        }
        let chosen_group = groups[dice.below(groups.len())];
        best.retain(|&i| marks[i].group == chosen_group);
        let chosen_at = best[dice.below(best.len())];
        let chosen = &plans[chosen_at];
        // A question that states an earlier one's answer, or whose answer an earlier one states,
        // is drawn again (other options), up to three times, before its plan is blocked. A reading
        // quiz shows every answer in its passage anyway, and a repeat (after every fact was asked)
        // is about the same facts as the question it repeats.
        let built = (0..LEAK_ATTEMPTS).find_map(|_| {
            let (question, facts) = generator.build(chosen, &used, &foiled, &mut dice)?;
            if spec.passage.is_some() {
                return Some((question, facts));
            }
            // The facts it asks come first; a source check's foils (only shown) follow.
            let own = facts[..question.fact_ids.len().min(facts.len())].to_vec();
            let shown = leak::Shown::of(&question);
            let states = |shown: &leak::Shown, facts: &[FactIdx]| {
                facts
                    .iter()
                    .any(|&f| shown.states(&prepared.facts[f].leak_keys))
            };
            let fair = asked.iter().all(|(their_facts, their_shown)| {
                their_facts.iter().any(|f| own.contains(f))
                    || (!states(&shown, their_facts) && !states(their_shown, &own))
            });
            fair.then(|| {
                asked.push((own, shown));
                (question, facts)
            })
        });
        match built {
            Some((mut question, facts)) => {
                // A matching or ordering question counts toward the topic it was chosen for.
                question.topic = prepared.topics[chosen.topic()].clone();
                built_since_reset = true;
                // What it asked is not asked again, nor what shares a group with what it asked or
                // showed (a foil's own claim may still be asked: the leak check keeps it from being
                // shown twice; a reading quiz's passage shows every answer anyway).
                let asked_here = question.fact_ids.len().min(facts.len());
                for (i, f) in facts.into_iter().enumerate() {
                    if i < asked_here {
                        used[f] = true;
                    } else {
                        foiled[f] = true;
                    }
                    if spec.passage.is_none() {
                        for &sibling in &prepared.facts[f].siblings {
                            used[sibling] = true;
                        }
                    }
                }
                uses.record(chosen, question.kind, generator.angle(chosen));
                questions.push(question);
            }
            None => blocked[chosen_at] = true,
        }
    }
    Quiz {
        spec: spec.clone(),
        questions,
    }
}

/// What a plan counts toward: its fact (`usize::MAX` for none), angle (in a source-check
/// lesson, with how many plans take it), topic and kind.
struct Marks {
    fact: usize,
    /// What is drawn first: its fact, or (for a matching or ordering plan) its kind.
    group: usize,
    angle: Option<(usize, usize)>,
    topic: usize,
    kind: usize,
}

/// How often the quiz so far used each angle, topic and kind: what balancing minimizes.
struct Uses {
    angles: [usize; SourceAngle::ALL.len()],
    topics: Vec<usize>,
    /// How many facts each topic can ask.
    sizes: Vec<usize>,
    kinds: [usize; QuestionKind::ALL.len()],
}

/// A topic's uses weigh `TOPIC_SHARE / its facts` each: a topic of nine facts or more may be
/// asked twice before a topic of three is asked once. Counted in whole uses, a topic of three
/// facts was in three quizzes of four, and its one askable fact in every other quiz.
const TOPIC_SHARE: usize = 9;

impl Uses {
    /// For topics of `sizes` facts each.
    fn new(sizes: Vec<usize>) -> Uses {
        Uses {
            angles: [0; SourceAngle::ALL.len()],
            topics: vec![0; sizes.len()],
            sizes,
            kinds: [0; QuestionKind::ALL.len()],
        }
    }

    /// (angle uses, the angle's plans, topic uses, kind uses), compared in that order, as one
    /// number of four 16-bit fields (a quiz has at most 50 questions, a table far fewer than
    /// 65,536 plans); the angle (with how many plans it has) counts only when given.
    fn score(&self, marks: &Marks) -> u64 {
        let (uses, plans) = marks
            .angle
            .map_or((0, 0), |(a, plans)| (self.angles[a], plans));
        (uses as u64) << 48
            | (plans as u64) << 32
            | ((self.topics[marks.topic] * TOPIC_SHARE / self.sizes[marks.topic].max(1)) as u64)
                << 16
            | self.kinds[marks.kind] as u64
    }

    fn record(&mut self, plan: &Plan, kind: QuestionKind, angle: SourceAngle) {
        self.angles[angle as usize] += 1;
        self.topics[plan.topic()] += 1;
        self.kinds[kind as usize] += 1;
    }
}

/// One quiz being generated: the prepared table, the spec, and a reading quiz's passage.
struct Generator<'a> {
    prepared: &'a Prepared,
    spec: &'a QuizSpec,
    /// A reading quiz's passage (`None` for other quizzes, and for a passage the table lacks).
    passage: Option<&'a Passage>,
}

impl<'a> Generator<'a> {
    fn table(&self) -> &'a FactTable {
        &self.prepared.table
    }

    /// The angle a plan's question takes (only source checks have one; others count as confirmed).
    fn angle(&self, plan: &Plan) -> SourceAngle {
        match *plan {
            Plan::Single {
                kind: QuestionKind::SourceCheck,
                fact,
                ..
            } => SourceAngle::of(&self.table()[fact]),
            _ => SourceAngle::Confirmed,
        }
    }

    /// Every question the table can make under the spec, in table order.
    fn plans(&self) -> Vec<Plan> {
        let admitted = |plan: &&Plan| {
            self.spec.admits(plan.kind())
                && plan
                    .fact()
                    .is_some_and(|f| self.spec.admits_topic(&self.table()[f].topic))
        };
        if self.spec.passage.is_some() {
            // A reading quiz: the questions its passage answers (none for a passage the table lacks).
            let asks = self.passage.map_or(&[][..], |passage| passage.asks());
            return self
                .prepared
                .plans
                .iter()
                .filter(admitted)
                .filter(|plan| matches!(plan, Plan::Single { fact, kind, .. } if asks.contains(&(*fact, *kind))))
                .copied()
                .collect();
        }
        let mut plans: Vec<Plan> = self
            .prepared
            .plans
            .iter()
            .filter(admitted)
            .copied()
            .collect();
        let none_used = PerFact::filled(self.table(), false);
        if self.spec.admits(QuestionKind::Matching) {
            for group in MatchGroup::ALL {
                let pool = self.matching_candidates(group, &none_used);
                if pool.len() >= 3 {
                    let topic = self.pool_topic(&pool);
                    plans.push(Plan::Matching { group, topic });
                }
            }
        }
        if self.spec.admits(QuestionKind::Ordering) {
            let pool = self.ordering_candidates(&none_used);
            if pool.len() >= 4 {
                let topic = self.pool_topic(&pool);
                plans.push(Plan::Ordering { topic });
            }
        }
        plans
    }

    /// Builds a plan's question, drawing its random details; returns the facts it asks or shows
    /// (a source check's foils too).
    fn build(
        &self,
        plan: &Plan,
        used: &PerFact<bool>,
        foiled: &PerFact<bool>,
        dice: &mut Dice,
    ) -> Option<(Question, Vec<FactIdx>)> {
        let (kind, f) = match *plan {
            Plan::Matching { group, .. } => return self.matching(group, used, dice),
            Plan::Ordering { .. } => return self.ordering(used, dice),
            Plan::Single { kind, fact, .. } => (kind, fact),
        };
        let question = match kind {
            QuestionKind::MultipleChoice => self.multiple_choice(f, dice),
            QuestionKind::TrueFalse => self.true_false(f, dice),
            QuestionKind::Numeric => self.numeric(f),
            QuestionKind::Cloze => self.cloze(f, dice),
            QuestionKind::WhoSaid => self.who_said(f, dice),
            QuestionKind::SourceCheck => {
                let (question, foils) = self.source_check(f, used, foiled, dice);
                let mut facts = vec![f];
                facts.extend(foils);
                return Some((question, facts));
            }
            // Never planned for one fact.
            QuestionKind::Matching | QuestionKind::Ordering => return None,
        };
        Some((question, vec![f]))
    }
}
