//! The pure core of Sourced Quiz: the fact table, its verifier, the question generator and the quiz state.
//!
//! Nothing here does I/O, reads a clock or draws from a global random source:
//! the same table, spec and answers give the same result on x86_64 and wasm32.
//! Modules are layered one way (see `ARCHITECTURE.md`; `tests/tidy.rs` keeps it so).

pub mod class_code;
pub mod config;
pub mod decimal;
pub mod extract;
pub mod fact;
pub mod generate;
pub mod json;
#[cfg(feature = "toml")]
pub mod load;
pub mod order;
pub mod packed;
pub mod question;
pub mod quiz;
pub mod reading;
pub mod source;
pub mod spec;
pub mod table;
pub mod text;
pub mod verify;

pub use decimal::Decimal;
pub use fact::{
    AnswerKind, Currency, Date, Evidence, Fact, FactId, Money, Precision, Status, Topic, Value,
    Version,
};
pub use generate::{generate, Prepared, Quiz, SourceAngle, TRUE_OR_FALSE};
pub use question::{Body, Difficulty, Question, QuestionKind, Response};
pub use quiz::{Action, DraftAnswer, Progress, Session, TopicScore};
pub use reading::Passage;
pub use source::{Source, SourceId, SourceKind};
pub use spec::QuizSpec;
pub use table::{FactIdx, FactTable};
pub use verify::{verify, Draft, Location, Problem};
