//! Prepares the embedded table many times over, for profilers (perf, callgrind): `cargo run --profile profiling --example profile_prepare`.

fn main() {
    let table = sourced_quiz::embedded_table().expect("verified table");
    let mut plans = 0;
    for _ in 0..300 {
        let prepared = sourced_core::Prepared::new(table.clone());
        plans += prepared.table().facts.len();
    }
    println!("{plans} facts prepared");
}
