//! Criterion benchmarks: preparing the embedded table once, and generating a 10-question quiz from it.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};
use sourced_core::{generate, Prepared, QuizSpec};

fn bench_generate(c: &mut Criterion) {
    let table = sourced_quiz::embedded_table().expect("the embedded table verified at build time");
    c.bench_function("prepare the table (every page pays it once)", |b| {
        b.iter_batched(|| table.clone(), Prepared::new, BatchSize::SmallInput)
    });
    let prepared = Prepared::new(table);
    let mut seed = 0u64;
    c.bench_function("generate 10-question quiz", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            black_box(generate(black_box(&prepared), &QuizSpec::new(seed, 10)))
        })
    });
}

criterion_group!(benches, bench_generate);
criterion_main!(benches);
