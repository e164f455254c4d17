//! A URL query or `data-` attributes from any page: `parse_config` never panics and keeps its promises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourced_core::config::{parse_config, url_origin, HostOrigin, MAX_COUNT};
use sourced_core::fact::TOPICS;
use sourced_core::Topic;

fn is_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .unwrap_or("");
    !rest.is_empty() && !rest.contains(['/', '?', '#', '@']) && url_origin(origin).as_deref() == Some(origin)
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let topics: Vec<Topic> = TOPICS.iter().map(|t| Topic(t.to_string())).collect();
    // `key=value&key=value`, as a page's query string is split (without percent-decoding).
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let (config, errors, _) = parse_config(pairs.iter().copied(), &topics, 26);
    for error in &errors {
        assert!(pairs.iter().any(|(key, _)| *key == error.key));
        assert!(error.to_string().contains(&format!("{} expects ", error.key)));
        assert!(error.message("data-").contains(&format!("data-{} expects ", error.key)));
    }
    if let Some(count) = config.count {
        assert!((1..=MAX_COUNT).contains(&count));
    }
    if let Some(accent) = &config.accent {
        assert!(accent.len() == 7 && accent.starts_with('#'));
        assert!(accent[1..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    }
    if let Some(HostOrigin::Exact(origin)) = &config.host {
        assert!(is_origin(origin), "{origin:?}");
    }
    if let Some(origin) = url_origin(query) {
        assert!(is_origin(&origin), "{origin:?}");
    }
});
