//! QTI 3.0 content package: one item per question, an assessment test, `imsmanifest.xml`.
use super::QuizName;
use sourced_core::{FactTable, Quiz};
pub fn write(_table: &FactTable, _quiz: &Quiz, _name: &QuizName) -> Vec<u8> {
    Vec::new()
}
