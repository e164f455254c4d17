//! Criterion benchmark: generating a 10-question quiz from the embedded, verified table.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sourced_core::{generate, QuizSpec};

fn bench_generate(c: &mut Criterion) {
    let table = sourced_quiz::embedded_table().expect("the embedded table verified at build time");
    let mut seed = 0u64;
    c.bench_function("generate 10-question quiz", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            black_box(generate(black_box(&table), &QuizSpec::new(seed, 10)))
        })
    });
}

criterion_group!(benches, bench_generate);
criterion_main!(benches);
