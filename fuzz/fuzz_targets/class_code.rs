//! Class codes as typed by anyone: `decode` and `normalize` never panic, and what decodes is a quiz a code can hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourced_core::class_code::{decode, normalize, LENGTH};
use sourced_core::config::LENGTHS;
use sourced_core::fact::TOPICS;
use sourced_core::Topic;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the table's size (0 to 20 topics), the rest is the typed code.
    let Some((&size, typed)) = data.split_first() else { return };
    let Ok(typed) = std::str::from_utf8(typed) else { return };
    let topics: Vec<Topic> = TOPICS
        .iter()
        .map(|t| t.to_string())
        .chain((0..).map(|i| format!("extra-{i}")))
        .take(usize::from(size % 21))
        .map(Topic)
        .collect();
    let result = decode(typed, &topics);
    let normalized = normalize(typed);
    match &result {
        Ok(spec) => {
            assert!(LENGTHS.contains(&spec.count));
            assert!(spec.topics.iter().all(|t| topics.contains(t)));
            let normal = normalized.expect("a code that decodes normalizes");
            assert_eq!(normal.len(), LENGTH);
            assert_eq!(decode(&normal, &topics).as_ref(), Ok(spec));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
