//! Host events (`ready`, `answered`, `completed`) and the xAPI statements they carry, as plain data.
//!
//! The browser layer posts these to the host page and dispatches them as DOM events; building
//! them here keeps every field testable natively. The schema is documented in the README.

use crate::strings::describe_response;
use sourced_core::json::Json;
use sourced_core::{Body, Question, QuestionKind, Session};

/// Prefixes every event's `type`, so hosts can tell our messages from any other.
pub const EVENT_PREFIX: &str = "sourced-quiz:";
const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";
const LANGUAGE: &str = "en";

/// Where and when an event happens: facts only the browser knows.
#[derive(Clone, Debug)]
pub struct EventContext {
    /// The widget's id on its page (the mount element's id, or empty).
    pub widget: String,
    /// The widget's own address without query or fragment, e.g. `https://quiz.example/quiz/`:
    /// activity ids are built on it.
    pub base_url: String,
    /// ISO 8601 time of the event.
    pub timestamp: String,
}

/// One event for the host page.
#[derive(Clone, Debug, PartialEq)]
pub struct HostEvent {
    /// `sourced-quiz:ready`, `sourced-quiz:answered` or `sourced-quiz:completed`.
    pub kind: String,
    pub widget: String,
    pub timestamp: String,
    /// The quiz being taken, as the query that reproduces it (absent on a start screen).
    pub quiz: Option<String>,
    pub question: Option<AnsweredQuestion>,
    pub score: Option<Score>,
    pub statement: Option<Statement>,
}

/// The question just answered.
#[derive(Clone, Debug, PartialEq)]
pub struct AnsweredQuestion {
    /// 1-based position in the quiz.
    pub number: usize,
    pub kind: &'static str,
    pub prompt: String,
    pub topic: String,
    pub fact_ids: Vec<String>,
    pub response: String,
    pub correct_answer: String,
    pub correct: bool,
    pub elapsed_ms: u64,
}

/// Right answers out of questions asked so far (`answered`) or in all (`completed`).
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub right: usize,
    pub answered: usize,
    pub total: usize,
}

/// An xAPI 1.0.3 statement. The actor is anonymous: the widget knows no one; an LRS host that
/// does may replace it with its own learner.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    pub result: StatementResult,
    pub context: Context,
    pub timestamp: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub object_type: &'static str,
    pub account: Account,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub home_page: String,
    pub name: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verb {
    pub id: &'static str,
    pub display: LanguageMap,
}

/// `{"en": "…"}`.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageMap {
    pub en: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub object_type: &'static str,
    pub id: String,
    pub definition: Definition,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub kind: &'static str,
    pub name: LanguageMap,
    pub interaction_type: Option<&'static str>,
    pub correct_responses_pattern: Vec<String>,
    /// Options of a choice or sequencing interaction.
    pub choices: Vec<Component>,
    /// Left and right columns of a matching interaction.
    pub source: Vec<Component>,
    pub target: Vec<Component>,
}

/// An interaction component: an id and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub id: String,
    pub description: LanguageMap,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementResult {
    pub response: Option<String>,
    pub success: bool,
    pub completion: Option<bool>,
    pub score: StatementScore,
    /// ISO 8601 duration, e.g. `PT4.25S`.
    pub duration: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatementScore {
    pub raw: usize,
    pub min: usize,
    pub max: usize,
}

impl StatementScore {
    /// `raw / max` as the JSON number serde_json wrote for that `f64` (`0.65`, `0.6666666666666666`):
    /// worked out in integers, so the browser formats no float.
    pub fn scaled(&self) -> String {
        ratio_json(self.raw as u64, self.max as u64)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    pub context_activities: Option<ContextActivities>,
    pub language: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContextActivities {
    pub parent: Vec<ActivityRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActivityRef {
    pub object_type: &'static str,
    pub id: String,
}

impl EventContext {
    fn event(&self, name: &str, session: Option<&Session>) -> HostEvent {
        HostEvent {
            kind: format!("{EVENT_PREFIX}{name}"),
            widget: self.widget.clone(),
            timestamp: self.timestamp.clone(),
            quiz: session.map(|s| s.progress.spec.query()),
            question: None,
            score: None,
            statement: None,
        }
    }

    /// The widget is on the page and working (`session` when it resumed or autostarted a quiz).
    pub fn ready(&self, session: Option<&Session>) -> HostEvent {
        self.event("ready", session)
    }

    /// Question `index` (0-based) was just checked; `None` if it has no answer yet.
    pub fn answered(&self, session: &Session, index: usize) -> Option<HostEvent> {
        let question = session.quiz.questions.get(index)?;
        let response = session.progress.answers.get(index)?;
        let elapsed_ms = session.progress.elapsed_ms.get(index).copied().unwrap_or(0);
        let correct = question.grade(response);
        let answered = AnsweredQuestion {
            number: index + 1,
            kind: question.kind.name(),
            prompt: question.prompt.clone(),
            topic: question.topic.0.clone(),
            fact_ids: question.fact_ids.iter().map(|id| id.0.clone()).collect(),
            response: describe_response(question, response),
            correct_answer: question.answer_text.clone(),
            correct,
            elapsed_ms,
        };
        let (interaction_type, pattern, choices, source, target) = interaction(question);
        let statement = Statement {
            actor: self.actor(),
            verb: Verb {
                id: VERB_ANSWERED,
                display: words("answered"),
            },
            object: Activity {
                object_type: "Activity",
                id: format!("{}#question-{}", self.quiz_iri(session), index + 1),
                definition: Definition {
                    kind: INTERACTION,
                    name: words(&question.prompt),
                    interaction_type: Some(interaction_type),
                    correct_responses_pattern: vec![pattern],
                    choices,
                    source,
                    target,
                },
            },
            result: StatementResult {
                response: Some(xapi_response(question, response)),
                success: correct,
                completion: None,
                score: StatementScore {
                    raw: usize::from(correct),
                    min: 0,
                    max: 1,
                },
                duration: duration(elapsed_ms),
            },
            context: Context {
                context_activities: Some(ContextActivities {
                    parent: vec![ActivityRef {
                        object_type: "Activity",
                        id: self.quiz_iri(session),
                    }],
                }),
                language: LANGUAGE,
            },
            timestamp: self.timestamp.clone(),
        };
        Some(HostEvent {
            question: Some(answered),
            score: Some(score(session)),
            statement: Some(statement),
            ..self.event("answered", Some(session))
        })
    }

    /// The last question's feedback was left for the summary.
    pub fn completed(&self, session: &Session) -> HostEvent {
        let score = score(session);
        let total_ms: u64 = session.progress.elapsed_ms.iter().sum();
        // At least half right (`scaled >= 0.5`); an empty quiz (scaled 0) is no success.
        let success = score.total > 0 && 2 * score.right >= score.total;
        let statement = Statement {
            actor: self.actor(),
            verb: Verb {
                id: VERB_COMPLETED,
                display: words("completed"),
            },
            object: Activity {
                object_type: "Activity",
                id: self.quiz_iri(session),
                definition: Definition {
                    kind: ASSESSMENT,
                    name: words(crate::strings::TITLE),
                    interaction_type: None,
                    correct_responses_pattern: Vec::new(),
                    choices: Vec::new(),
                    source: Vec::new(),
                    target: Vec::new(),
                },
            },
            result: StatementResult {
                response: None,
                success,
                completion: Some(true),
                score: StatementScore {
                    raw: score.right,
                    min: 0,
                    max: score.total,
                },
                duration: duration(total_ms),
            },
            context: Context {
                context_activities: None,
                language: LANGUAGE,
            },
            timestamp: self.timestamp.clone(),
        };
        HostEvent {
            score: Some(score),
            statement: Some(statement),
            ..self.event("completed", Some(session))
        }
    }

    /// The quiz as an activity: the widget's address with the query that reproduces the quiz.
    fn quiz_iri(&self, session: &Session) -> String {
        format!("{}?{}", self.base_url, session.progress.spec.query())
    }

    fn actor(&self) -> Actor {
        Actor {
            object_type: "Agent",
            account: Account {
                home_page: self.base_url.clone(),
                name: "anonymous",
            },
        }
    }
}

fn score(session: &Session) -> Score {
    Score {
        right: session.score(),
        answered: session.progress.answers.len(),
        total: session.quiz.questions.len(),
    }
}

fn words(text: &str) -> LanguageMap {
    LanguageMap {
        en: text.to_string(),
    }
}

/// `PT4.25S`: xAPI durations are ISO 8601.
fn duration(ms: u64) -> String {
    let seconds = ms / 1000;
    match ms % 1000 {
        0 => format!("PT{seconds}S"),
        fraction => {
            let fraction = format!("{fraction:03}");
            format!("PT{seconds}.{}S", fraction.trim_end_matches('0'))
        }
    }
}

type Interaction = (
    &'static str,
    String,
    Vec<Component>,
    Vec<Component>,
    Vec<Component>,
);

/// The cmi.interaction type, correct-response pattern and components for a question.
fn interaction(question: &Question) -> Interaction {
    let components = |items: &[String]| -> Vec<Component> {
        items
            .iter()
            .enumerate()
            .map(|(i, text)| Component {
                id: i.to_string(),
                description: words(text),
            })
            .collect()
    };
    let none = Vec::new;
    match &question.body {
        Body::Choice { options, correct } if question.kind == QuestionKind::TrueFalse => {
            let truth = options.get(*correct).is_some_and(|o| o == "True");
            ("true-false", truth.to_string(), none(), none(), none())
        }
        Body::Choice { options, correct } => (
            "choice",
            correct.to_string(),
            components(options),
            none(),
            none(),
        ),
        Body::Numeric {
            answer, tolerance, ..
        } => {
            let pattern = if *tolerance == sourced_core::Decimal::ZERO {
                answer.to_string()
            } else {
                let (low, high) = sourced_core::question::admitted_range(*answer, *tolerance);
                format!("{low}[:]{high}")
            };
            ("numeric", pattern, none(), none(), none())
        }
        Body::Cloze { accepted, .. } => (
            "fill-in",
            accepted.first().cloned().unwrap_or_default(),
            none(),
            none(),
            none(),
        ),
        Body::Matching { left, right, pairs } => (
            "matching",
            pairs
                .iter()
                .enumerate()
                .map(|(l, r)| format!("{l}[.]{r}"))
                .collect::<Vec<_>>()
                .join("[,]"),
            none(),
            components(left),
            components(right),
        ),
        Body::Ordering { items, order } => (
            "sequencing",
            join_ids(order),
            components(items),
            none(),
            none(),
        ),
    }
}

/// The learner's response in the interaction's own format.
fn xapi_response(question: &Question, response: &sourced_core::Response) -> String {
    use sourced_core::Response;
    match (&question.body, response) {
        (Body::Choice { options, .. }, Response::Choice(i))
            if question.kind == QuestionKind::TrueFalse =>
        {
            options.get(*i).is_some_and(|o| o == "True").to_string()
        }
        (_, Response::Choice(i)) => i.to_string(),
        (_, Response::Number(n)) => n.to_string(),
        (_, Response::Text(text)) => text.clone(),
        (_, Response::Pairs(pairs)) => pairs
            .iter()
            .enumerate()
            .map(|(l, r)| format!("{l}[.]{r}"))
            .collect::<Vec<_>>()
            .join("[,]"),
        (_, Response::Order(order)) => join_ids(order),
    }
}

impl HostEvent {
    /// The event as JSON, in the layout (field order, fields left out when empty) that hosts
    /// have read since the first release; see the README's event schema.
    pub fn to_json(&self) -> String {
        Json::object([
            ("type", Json::str(&self.kind)),
            ("widget", Json::str(&self.widget)),
            ("timestamp", Json::str(&self.timestamp)),
        ])
        .with_some("quiz", self.quiz.as_deref().map(Json::str))
        .with_some(
            "question",
            self.question.as_ref().map(AnsweredQuestion::json),
        )
        .with_some("score", self.score.as_ref().map(Score::json))
        .with_some("statement", self.statement.as_ref().map(Statement::json))
        .compact()
    }
}

impl AnsweredQuestion {
    fn json(&self) -> Json {
        Json::object([
            ("number", Json::uint(self.number as u64)),
            ("kind", Json::str(self.kind)),
            ("prompt", Json::str(&self.prompt)),
            ("topic", Json::str(&self.topic)),
            ("fact_ids", Json::strings(&self.fact_ids)),
            ("response", Json::str(&self.response)),
            ("correct_answer", Json::str(&self.correct_answer)),
            ("correct", Json::Bool(self.correct)),
            ("elapsed_ms", Json::uint(self.elapsed_ms)),
        ])
    }
}

impl Score {
    fn json(&self) -> Json {
        Json::object([
            ("right", Json::uint(self.right as u64)),
            ("answered", Json::uint(self.answered as u64)),
            ("total", Json::uint(self.total as u64)),
        ])
    }
}

impl LanguageMap {
    fn json(&self) -> Json {
        Json::object([("en", Json::str(&self.en))])
    }
}

impl Statement {
    /// The statement as xAPI 1.0.3 JSON.
    pub fn json(&self) -> Json {
        let object = |kind: &str, id: &str| {
            Json::object([("objectType", Json::str(kind)), ("id", Json::str(id))])
        };
        let components = |items: &[Component]| {
            (!items.is_empty()).then(|| {
                Json::Array(
                    items
                        .iter()
                        .map(|c| {
                            Json::object([
                                ("id", Json::str(&c.id)),
                                ("description", c.description.json()),
                            ])
                        })
                        .collect(),
                )
            })
        };
        let definition = &self.object.definition;
        let result = &self.result;
        Json::object([
            (
                "actor",
                Json::object([
                    ("objectType", Json::str(self.actor.object_type)),
                    (
                        "account",
                        Json::object([
                            ("homePage", Json::str(&self.actor.account.home_page)),
                            ("name", Json::str(self.actor.account.name)),
                        ]),
                    ),
                ]),
            ),
            (
                "verb",
                Json::object([
                    ("id", Json::str(self.verb.id)),
                    ("display", self.verb.display.json()),
                ]),
            ),
            (
                "object",
                object(self.object.object_type, &self.object.id).with(
                    "definition",
                    Json::object([
                        ("type", Json::str(definition.kind)),
                        ("name", definition.name.json()),
                    ])
                    .with_some(
                        "interactionType",
                        definition.interaction_type.map(Json::str),
                    )
                    .with_some(
                        "correctResponsesPattern",
                        (!definition.correct_responses_pattern.is_empty())
                            .then(|| Json::strings(&definition.correct_responses_pattern)),
                    )
                    .with_some("choices", components(&definition.choices))
                    .with_some("source", components(&definition.source))
                    .with_some("target", components(&definition.target)),
                ),
            ),
            (
                "result",
                Json::Object(Vec::new())
                    .with_some("response", result.response.as_deref().map(Json::str))
                    .with("success", Json::Bool(result.success))
                    .with_some("completion", result.completion.map(Json::Bool))
                    .with(
                        "score",
                        Json::object([
                            ("raw", Json::uint(result.score.raw as u64)),
                            ("min", Json::uint(result.score.min as u64)),
                            ("max", Json::uint(result.score.max as u64)),
                            ("scaled", Json::Number(result.score.scaled())),
                        ]),
                    )
                    .with("duration", Json::str(&result.duration)),
            ),
            (
                "context",
                Json::Object(Vec::new())
                    .with_some(
                        "contextActivities",
                        self.context.context_activities.as_ref().map(|activities| {
                            Json::object([(
                                "parent",
                                Json::Array(
                                    activities
                                        .parent
                                        .iter()
                                        .map(|p| object(p.object_type, &p.id))
                                        .collect(),
                                ),
                            )])
                        }),
                    )
                    .with("language", Json::str(self.context.language)),
            ),
            ("timestamp", Json::str(&self.timestamp)),
        ])
    }
}

/// `numerator / denominator` (at most 1) as the JSON number serde_json writes for the `f64`
/// nearest it: the shortest decimal that reads back as that float, nearest it when two are as
/// short (`0.65`, `0.6666666666666666`, `1.0`; `0.0` for an empty quiz). Exact in integers for
/// denominators up to 100,000; a quiz has at most 50 questions.
fn ratio_json(numerator: u64, denominator: u64) -> String {
    if numerator == 0 || denominator == 0 {
        return "0.0".into();
    }
    if numerator >= denominator {
        return "1.0".into();
    }
    let (p, q) = (u128::from(numerator), u128::from(denominator));
    // The float: mantissa m (53 bits) over 2^shift, rounded half to even as division rounds.
    let mut shift = 0;
    while (p << shift) / q < 1 << 52 {
        shift += 1;
    }
    let (mut m, rest) = ((p << shift) / q, (p << shift) % q);
    if 2 * rest > q || (2 * rest == q && m % 2 == 1) {
        m += 1;
    }
    if m == 1 << 53 {
        m >>= 1;
        shift -= 1;
    }
    // The float reads back from any decimal closer to it than half a step to either neighbour
    // (a quarter step below a power of two); exactly half a step counts when m is even.
    let within = |distance: u128, half_step: u128| {
        distance < half_step || (distance == half_step && m % 2 == 0)
    };
    let mut power: u128 = 1;
    for places in 1..=22 {
        power *= 10;
        let scaled = m * power;
        let below = scaled >> shift;
        let rest = scaled - (below << shift);
        // Distances in units of 1 / (10^places · 2^shift): a step of the float is `power`.
        let below_ok = if m == 1 << 52 {
            within(4 * rest, power)
        } else {
            within(2 * rest, power)
        };
        let above_ok = within(2 * ((1 << shift) - rest), power);
        let digits = match (below_ok, above_ok) {
            (true, true) if 2 * rest <= 1 << shift => below,
            (true, true) | (false, true) => below + 1,
            (true, false) => below,
            (false, false) => continue,
        };
        return format!("0.{digits:0places$}");
    }
    "0.0".into()
}

fn join_ids(ids: &[usize]) -> String {
    ids.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join("[,]")
}

#[cfg(test)]
mod tests {
    use super::*;
    use sourced_core::{Action, QuizSpec};

    fn context() -> EventContext {
        EventContext {
            widget: "quiz-1".into(),
            base_url: "https://quiz.example/embed/".into(),
            timestamp: "2026-11-22T10:00:00.000Z".into(),
        }
    }

    fn session(count: usize) -> Session {
        let prepared = sourced_core::Prepared::new(
            crate::embedded_table().expect("the shipped table verifies"),
        );
        Session::new(&prepared, QuizSpec::new(42, count))
    }

    #[test]
    fn scaled_scores_print_as_serde_json_printed_the_float() {
        for total in 0..=200u64 {
            for right in 0..=total {
                let float = if total == 0 {
                    0.0
                } else {
                    right as f64 / total as f64
                };
                let expected = serde_json::to_string(&float).unwrap();
                assert_eq!(ratio_json(right, total), expected, "{right}/{total}");
            }
        }
        for (right, total) in [
            (1, 3),
            (2, 3),
            (1, 7),
            (12_345, 99_991),
            (1, 100_000),
            (99_999, 100_000),
        ] {
            let expected = serde_json::to_string(&(right as f64 / total as f64)).unwrap();
            assert_eq!(ratio_json(right, total), expected, "{right}/{total}");
        }
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(0), "PT0S");
        assert_eq!(duration(4250), "PT4.25S");
        assert_eq!(duration(61_005), "PT61.005S");
    }

    #[test]
    fn answered_carries_the_question_and_an_xapi_statement() {
        let mut session = session(5);
        let question = session.quiz.questions[0].clone();
        session.apply(Action::Check {
            response: question.correct_response(),
            elapsed_ms: 3200,
        });
        let event = context()
            .answered(&session, 0)
            .expect("question 1 was answered");
        assert_eq!(event.kind, "sourced-quiz:answered");
        let answered = event.question.as_ref().unwrap();
        assert!(answered.correct);
        assert_eq!(answered.number, 1);
        assert_eq!(answered.elapsed_ms, 3200);
        assert_eq!(
            answered.fact_ids,
            question
                .fact_ids
                .iter()
                .map(|f| f.0.clone())
                .collect::<Vec<_>>()
        );
        assert_eq!(
            event.score,
            Some(Score {
                right: 1,
                answered: 1,
                total: 5
            })
        );
        let statement = event.statement.as_ref().unwrap();
        assert_eq!(statement.verb.id, VERB_ANSWERED);
        assert_eq!(statement.object.definition.kind, INTERACTION);
        assert_eq!(
            statement.object.id,
            "https://quiz.example/embed/?seed=42&count=5#question-1"
        );
        assert!(statement.result.success);
        assert_eq!(statement.result.duration, "PT3.2S");
        let response = statement.result.response.as_deref().unwrap();
        let pattern = statement.object.definition.correct_responses_pattern[0].as_str();
        match pattern.split_once("[:]") {
            // A numeric answer is right within a range: "495[:]505".
            Some((low, high)) => {
                let value: f64 = response.parse().unwrap();
                assert!(
                    low.parse::<f64>().unwrap() <= value && value <= high.parse::<f64>().unwrap(),
                    "a right answer {response} lies in the correct-response range {pattern}"
                );
            }
            None => assert_eq!(
                response, pattern,
                "a right answer matches the correct-response pattern"
            ),
        }
        assert!(
            context().answered(&session, 1).is_none(),
            "not answered yet"
        );
    }

    #[test]
    fn every_kind_gets_a_response_in_its_interaction_format() {
        // A long quiz holds every kind; a right answer always fits its own pattern
        // (numeric patterns are `low[:]high` ranges, the others exact).
        let fits = |pattern: &str, response: &str| match pattern.split_once("[:]") {
            Some((low, high)) => {
                let value: f64 = response.parse().unwrap();
                low.parse::<f64>().unwrap() <= value && value <= high.parse::<f64>().unwrap()
            }
            None => pattern == response,
        };
        let prepared = sourced_core::Prepared::new(crate::embedded_table().unwrap());
        // Every kind, so that every interaction type is seen whatever one seed draws.
        let questions: Vec<sourced_core::Question> = sourced_core::QuestionKind::ALL
            .into_iter()
            .flat_map(|kind| {
                let spec = QuizSpec {
                    kinds: vec![kind],
                    ..QuizSpec::new(1, 3)
                };
                sourced_core::generate(&prepared, &spec).questions
            })
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for question in &questions {
            let (kind, pattern, ..) = interaction(question);
            seen.insert(kind);
            let response = xapi_response(question, &question.correct_response());
            assert!(
                fits(&pattern, &response),
                "{}: {response} vs {pattern}",
                question.prompt
            );
        }
        assert!(seen.len() >= 6, "kinds covered: {seen:?}");
    }

    #[test]
    fn completed_scores_the_whole_quiz() {
        let mut session = session(3);
        for (i, question) in session.quiz.questions.clone().iter().enumerate() {
            let response = if i == 0 {
                question.correct_response()
            } else {
                sourced_core::Response::Text("surely wrong".into())
            };
            session.apply(Action::Check {
                response,
                elapsed_ms: 1000,
            });
            session.apply(Action::Next);
        }
        let event = context().completed(&session);
        let json: serde_json::Value = serde_json::from_str(&event.to_json()).unwrap();
        assert_eq!(json["type"], "sourced-quiz:completed");
        assert_eq!(json["score"]["right"], 1);
        assert_eq!(json["score"]["total"], 3);
        let statement = &json["statement"];
        assert_eq!(statement["verb"]["id"], VERB_COMPLETED);
        assert_eq!(statement["result"]["score"]["raw"], 1);
        assert_eq!(statement["result"]["score"]["max"], 3);
        assert_eq!(statement["result"]["completion"], true);
        assert_eq!(statement["result"]["duration"], "PT3S");
        assert_eq!(statement["actor"]["account"]["name"], "anonymous");
        assert_eq!(statement["object"]["definition"]["type"], ASSESSMENT);
    }

    #[test]
    fn ready_names_the_widget_and_any_quiz() {
        let event: serde_json::Value =
            serde_json::from_str(&context().ready(None).to_json()).unwrap();
        assert_eq!(
            event,
            serde_json::json!({
                "type": "sourced-quiz:ready",
                "widget": "quiz-1",
                "timestamp": "2026-11-22T10:00:00.000Z"
            })
        );
        let with_quiz = context().ready(Some(&session(5)));
        assert_eq!(with_quiz.quiz.as_deref(), Some("seed=42&count=5"));
    }
}
