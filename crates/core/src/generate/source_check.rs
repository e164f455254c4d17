//! Source checks: questions about the reporting itself (confirmed, single-sourced, disputed, miscopied).

use super::dice::Dice;
use super::distractors::conflict_options;
use super::explain::correcting_reports;
use super::leak;
use super::words::{fill, ENGLISH};
use super::Generator;
use crate::fact::{AnswerKind, Fact, Status, Value};
use crate::question::{Body, Question, QuestionKind};
use crate::source::SourceKind;
use crate::table::{FactIdx, FactTable, PerFact};
use crate::text::{capitalised, fold, same_folded, QuoteSetting};

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
    pub const ALL: [SourceAngle; 4] = [
        SourceAngle::Confirmed,
        SourceAngle::SingleSource,
        SourceAngle::Disagreement,
        SourceAngle::CopyError,
    ];

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

/// The facts that can be the wrong options of a status check, by status.
#[derive(Clone, Debug, Default)]
pub(super) struct Foils {
    corroborated: Vec<FactIdx>,
    single_source: Vec<FactIdx>,
    /// Facts whose claim states a copy error's correction ("Canada has signed …"): shown as a
    /// foil, such a claim would keep that error check out of the quiz, so they come last.
    spoilers: Vec<FactIdx>,
}

impl Foils {
    /// Single-version facts (not source errors) of each status; a fact its author keeps out of
    /// source checks (one that may be another's event in other words) is no foil either.
    pub(super) fn new(table: &FactTable) -> Foils {
        let with = |status: Status| -> Vec<FactIdx> {
            table
                .indexed()
                .filter(|(_, f)| {
                    f.status == status
                        && f.versions.len() == 1
                        && f.kind != AnswerKind::SourceError
                        && !f.avoids(QuestionKind::SourceCheck.name())
                })
                .map(|(i, _)| i)
                .collect()
        };
        let corrections: Vec<String> = table
            .facts
            .iter()
            .filter(|f| f.kind == AnswerKind::SourceError)
            .filter_map(|f| f.correct.as_deref())
            .map(fold)
            .collect();
        let spoilers = table
            .indexed()
            .filter(|(_, f)| {
                let claim = fold(&f.claim_with(&f.answer().to_string()));
                leak::states(&claim, &corrections)
            })
            .map(|(i, _)| i)
            .collect();
        Foils {
            corroborated: with(Status::Corroborated),
            single_source: with(Status::SingleSource),
            spoilers,
        }
    }

    /// Whether `f`'s claim states a copy error's correction.
    pub(super) fn spoils(&self, f: FactIdx) -> bool {
        self.spoilers.contains(&f)
    }

    /// The facts whose status is the opposite of `status`.
    pub(super) fn against(&self, status: Status) -> &[FactIdx] {
        match status {
            Status::Corroborated => &self.single_source,
            Status::SingleSource => &self.corroborated,
            Status::Conflicting => &[],
        }
    }
}

/// A prepared claim's length in characters, as a reader sees it.
pub(super) fn claim_len(prepared: &super::Prepared, f: FactIdx) -> usize {
    prepared.facts[f].claim_chars
}

/// Whether a foil's claim is close enough in length to the key's (within a quarter of it) that
/// length gives neither away.
pub(super) fn comparable_lengths(foil: usize, key: usize) -> bool {
    foil.abs_diff(key) * 4 <= key
}

impl Generator<'_> {
    /// A source check about fact `f`, and the facts its options show (foils not yet asked in this
    /// quiz, `used`, none of one group, and not shown before, `foiled`, except in a lesson of
    /// source checks only, which needs its claims to ask).
    pub(super) fn source_check(
        &self,
        f: FactIdx,
        used: &PerFact<bool>,
        foiled: &PerFact<bool>,
        dice: &mut Dice,
    ) -> (Question, Vec<FactIdx>) {
        let fact = &self.table()[f];
        if fact.kind == AnswerKind::SourceError {
            return (self.error_check(f, dice), Vec::new());
        }
        if fact.versions.len() > 1 {
            return (self.conflict_check(f, dice), Vec::new());
        }
        let siblings = |a: FactIdx, b: FactIdx| self.prepared.facts[a].siblings.contains(&b);
        // Foils never quote a sentence the key or another foil quotes: two claims from one
        // sentence are the same report's words, whatever their status says.
        let mut candidates: Vec<FactIdx> = self
            .prepared
            .foils
            .against(fact.status)
            .iter()
            .copied()
            .filter(|&c| !used[c] && !siblings(f, c) && !self.prepared.share_a_sentence(f, c))
            .collect();
        dice.shuffle(&mut candidates);
        // A single-sourced claim is often the most detailed, so the longest option, and a
        // confirmed one the shortest: length alone would point at the key. So the foils are about
        // as long as the key, and how many are shorter than it is drawn, so that the key is the
        // longest option as often as the shortest. Claims that state a copy error's correction
        // come last, then those in a group (a grouped foil keeps its whole group out of the quiz).
        let len = |c: FactIdx| claim_len(self.prepared, c);
        let key_len = len(f);
        let near = |c: FactIdx| comparable_lengths(len(c), key_len);
        crate::order::sort_by_key(&mut candidates, |&c| {
            (
                !near(c),
                self.prepared.foils.spoils(c),
                !self.prepared.facts[c].siblings.is_empty(),
            )
        });
        // A quiz shows a claim once if it can, or a student strikes the option seen before
        // without reading. A lesson of source checks only, or a quiz longer than ten, would run
        // short of claims to ask (a claim shown is not asked after), so it shows first the claims
        // it could not ask anyway, then those it showed before.
        let frugal = self.spec.source_checks_only() || self.spec.count > 10;
        let fresh = |c: FactIdx| {
            if frugal {
                !self.prepared.checkable[c] || foiled[c]
            } else {
                !foiled[c]
            }
        };
        let shorter_wanted = dice.below(4);
        let mut foils: Vec<FactIdx> = Vec::with_capacity(3);
        // By length and side, then by side alone, then any; fresh claims first within each (a
        // frugal quiz), or before all of them (any other, where a repeat is the worse cue).
        let tiers = [(true, true), (false, true), (false, false)];
        let mut passes = Vec::with_capacity(6);
        for need_fresh in [true, false] {
            for (i, &(need_near, need_side)) in tiers.iter().enumerate() {
                passes.push((frugal as usize * i, need_fresh, need_near, need_side));
            }
        }
        crate::order::sort_by_key(&mut passes, |&(rank, need_fresh, _, _)| (rank, !need_fresh));
        for (_, need_fresh, need_near, need_side) in passes {
            for &c in &candidates {
                let fits = foils.len() < 3
                    && !foils.contains(&c)
                    && foils.iter().all(|&other| {
                        !siblings(other, c) && !self.prepared.share_a_sentence(other, c)
                    });
                let shorter = foils.iter().filter(|&&o| len(o) < key_len).count();
                let side_open = if len(c) < key_len {
                    shorter < shorter_wanted
                } else {
                    foils.len() - shorter < 3 - shorter_wanted
                };
                if fits
                    && (fresh(c) || !need_fresh)
                    && (near(c) || !need_near)
                    && (side_open || !need_side)
                {
                    foils.push(c);
                }
            }
        }
        let wrong: Vec<String> = foils
            .iter()
            .map(|&foil| self.prepared.facts[foil].claim.clone())
            .collect();
        let right = self.prepared.facts[f].claim.clone();
        let (options, correct) = dice.place(right.clone(), wrong);
        let prompt = match fact.status {
            Status::Corroborated => ENGLISH.which_confirmed,
            _ => ENGLISH.which_single,
        };
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt.into(),
            f,
            Body::Choice { options, correct },
        );
        question.answer_text = right;
        let others = if fact.status == Status::Corroborated {
            ENGLISH.others_single
        } else {
            ENGLISH.others_confirmed
        };
        question.explanation = fill(others, &[("explanation", &question.explanation)]);
        (question, foils)
    }

    /// Asks what one named source says: that has exactly one answer even when the sources disagree.
    fn conflict_check(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let fact = &self.table()[f];
        let v = dice.below(fact.versions.len());
        let version = &fact.versions[v];
        let evidence = &version.evidence[dice.below(version.evidence.len())];
        let values = conflict_options(fact);
        let right = version.answer.to_string();
        let mut wrong: Vec<String> = values
            .iter()
            .map(Value::to_string)
            .filter(|s| !same_folded(s, &right))
            .collect();
        // Extra options are figures no fact gives: another fact's answer here would state it.
        let unclaimed: Vec<Value> = self.prepared.facts[f]
            .distractors
            .iter()
            .filter(|d| !self.table().facts.iter().any(|other| other.supports(d)))
            .cloned()
            .collect();
        let extra = dice.pick(&unclaimed, 4usize.saturating_sub(wrong.len() + 1));
        wrong.extend(extra.iter().map(Value::to_string));
        let (options, correct) = dice.place(right, wrong);
        // The outlet, not the headline: a headline names people other questions may ask about.
        let name = self.table().outlet(&evidence.source);
        let prompt = fill(ENGLISH.conflict, &[("ask", &fact.ask), ("outlet", &name)]);
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt,
            f,
            Body::Choice { options, correct },
        );
        question.answer_text = version.answer.to_string();
        question
    }

    /// What a copy got wrong: the wording the other reports use instead, among other plausible
    /// readings of the same sentence (never another error's correction, which would not fit it).
    fn error_check(&self, f: FactIdx, dice: &mut Dice) -> Question {
        let fact = &self.table()[f];
        let right = fact.correct.clone().unwrap_or_default();
        let readings: Vec<String> = self.prepared.facts[f]
            .distractors
            .iter()
            .map(Value::to_string)
            .collect();
        let wrong = dice.pick(&readings, 3);
        let (options, correct) = dice.place(right.clone(), wrong);
        let source = fact.about.as_ref().and_then(|id| self.table().source(id));
        let who = source.map_or(ENGLISH.one_article.to_string(), |s| match s.kind {
            SourceKind::Original => capitalised(&s.outlet),
            kind => fill(
                ENGLISH.copy_named,
                &[("kind", kind.label()), ("outlet", &s.outlet)],
            ),
        });
        // The wrong words in their sentence: which reading fits is a question of context.
        let wrong_words = fact.answer().to_string();
        let sentence = fact.versions[0]
            .evidence
            .iter()
            .filter(|e| Some(&e.source) == fact.about.as_ref())
            .find(|e| e.sentence().contains(&wrong_words))
            .map(|e| e.shown(QuoteSetting::Inline).concat());
        // The reports that give the correct reading, by name: often only the original.
        let (reports, many) = correcting_reports(self.table(), fact);
        let prompt = match sentence {
            Some(sentence) if sentence != wrong_words => fill(
                if many > 1 {
                    ENGLISH.error_in_sentence_many
                } else {
                    ENGLISH.error_in_sentence
                },
                &[
                    ("who", &who),
                    ("sentence", &sentence),
                    ("wrong", &wrong_words),
                    ("reports", &reports),
                ],
            ),
            _ => fill(
                if many > 1 {
                    ENGLISH.error_alone_many
                } else {
                    ENGLISH.error_alone
                },
                &[
                    ("who", &who),
                    ("wrong", &wrong_words),
                    ("reports", &reports),
                ],
            ),
        };
        let mut question = self.question(
            QuestionKind::SourceCheck,
            prompt,
            f,
            Body::Choice { options, correct },
        );
        question.answer_text = right;
        question
    }
}
