//! Generates many quizzes in a loop, for profilers (callgrind, perf): `cargo run --release --example profile_generate`.

fn main() {
    let prepared =
        sourced_core::Prepared::new(sourced_quiz::embedded_table().expect("verified table"));
    let mut questions = 0;
    for seed in 0..2000 {
        questions += sourced_core::generate(&prepared, &sourced_core::QuizSpec::new(seed, 10))
            .questions
            .len();
    }
    println!("{questions} questions");
}
