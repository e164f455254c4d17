//! Portable randomness: ChaCha8 drawn through `u32` ranges only, so wasm32 and x86_64 agree.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The quiz's one random source, seeded from the spec.
pub(super) struct Dice(ChaCha8Rng);

impl Dice {
    pub(super) fn seeded(seed: u64) -> Dice {
        Dice(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A number in `0..n` (`n` ≥ 1).
    pub(super) fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0 && n <= u32::MAX as usize);
        self.0.random_range(0..n as u32) as usize
    }

    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `n` distinct items of `pool`, in random order: a partial Fisher–Yates over positions,
    /// so it draws `n` numbers and clones `n` items, however large the pool.
    pub(super) fn pick<T: Clone>(&mut self, pool: &[T], n: usize) -> Vec<T> {
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

    /// Puts the right option among the wrong ones at a uniformly random position.
    pub(super) fn place(&mut self, right: String, wrong: Vec<String>) -> (Vec<String>, usize) {
        let mut options = wrong;
        let correct = self.below(options.len() + 1);
        options.insert(correct, right);
        (options, correct)
    }
}
