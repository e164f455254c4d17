//! Origins: where host events may go, which messages may speak for the host, and pym.js frames.

/// The origin host events are posted to: one exact origin, or any (`*`, only when a page asks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostOrigin {
    Any,
    Exact(String),
}

impl HostOrigin {
    /// The `targetOrigin` argument for `postMessage`.
    pub fn target(&self) -> &str {
        match self {
            HostOrigin::Any => "*",
            HostOrigin::Exact(origin) => origin,
        }
    }

    /// Whether a message from `origin` may speak for the host.
    pub fn admits(&self, origin: &str) -> bool {
        match self {
            HostOrigin::Any => true,
            HostOrigin::Exact(expected) => expected == origin,
        }
    }
}

/// What the pym.js protocol needs: the child id to put in every message and the parent's origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PymChild {
    pub id: String,
    pub parent_origin: Option<String>,
}

impl PymChild {
    /// A pym.js height message (`pymxPYMx<id>xPYMxheightxPYMx<px>`).
    pub fn height_message(&self, height: u32) -> String {
        format!("pymxPYMx{}xPYMxheightxPYMx{height}", self.id)
    }
}

/// `*`, or an origin: `http` or `https`, a host, an optional port, nothing after but one `/`.
pub(super) fn host_origin(value: &str) -> Option<HostOrigin> {
    let value = value.trim();
    if value == "*" {
        return Some(HostOrigin::Any);
    }
    let origin = url_origin(value)?;
    // Only an origin: a path, query or fragment would make the page think events go somewhere narrower.
    let (_, after_scheme) = value.split_once("://")?;
    let tail = &after_scheme[after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len())..];
    (tail.is_empty() || tail == "/").then_some(HostOrigin::Exact(origin))
}

/// The origin (`scheme://host[:port]`, lower case, default port dropped) that starts an `http(s)` URL,
/// spelled as browsers spell `event.origin`.
pub fn url_origin(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let (host, port) = match authority.strip_prefix('[') {
        // An IPv6 literal: [::1] or [::1]:8080.
        Some(inner) => {
            let (address, after) = inner.split_once(']')?;
            if address.is_empty() || !address.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
                return None;
            }
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':')?),
            };
            (&authority[..address.len() + 2], port)
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            let valid = !host.is_empty()
                && !host.starts_with(['.', '-'])
                && host
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
            if !valid {
                return None;
            }
            (host, port)
        }
    };
    let host = host.to_ascii_lowercase();
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(port) if port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()) => {
            let number: u16 = port.parse().ok()?;
            if number.to_string() == default_port {
                Some(format!("{scheme}://{host}"))
            } else {
                Some(format!("{scheme}://{host}:{number}"))
            }
        }
        Some(_) => None,
    }
}

/// The secret WordPress puts in an embed's address (`#?secret=Ab3dE9xK2q`), which its `wp-embed`
/// script expects back in every height message; `None` for any other fragment. Only letters and
/// digits, as wp-embed itself accepts, and at most 64 of them.
pub fn wordpress_secret(fragment: &str) -> Option<String> {
    let query = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix('?')?;
    let secret = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("secret="))?;
    let valid = !secret.is_empty()
        && secret.len() <= 64
        && secret.chars().all(|c| c.is_ascii_alphanumeric());
    valid.then(|| secret.to_string())
}

#[cfg(test)]
mod tests {
    use super::wordpress_secret;

    #[test]
    fn wordpress_secret_is_read_from_the_fragment_wordpress_writes() {
        assert_eq!(
            wordpress_secret("#?secret=Ab3dE9xK2q").as_deref(),
            Some("Ab3dE9xK2q")
        );
        assert_eq!(wordpress_secret("#?x=1&secret=abc").as_deref(), Some("abc"));
        for refused in [
            "",
            "#",
            "#secret=abc",
            "#?secret=",
            "#?secret=a-b",
            "#?secret=<x>",
            "#?other=abc",
        ] {
            assert_eq!(wordpress_secret(refused), None, "{refused:?}");
        }
        assert_eq!(
            wordpress_secret(&format!("#?secret={}", "a".repeat(65))),
            None
        );
    }
}
