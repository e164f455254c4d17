//! A small JSON value with a reader and the two layouts serde_json writes (compact and pretty), for the few documents the browser reads and writes.
//!
//! The browser writes host events, xAPI statements, results files and saved progress, and reads
//! saved progress back. serde_json costs it some 25 KB; these documents need only this. Numbers
//! are kept as their text (`Number("1.5")`), so nothing here formats or parses a float.

use std::fmt::Write;

/// A JSON value. An object keeps its members in order (serde_json writes struct fields in order).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as its JSON text.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn str(text: &str) -> Json {
        Json::String(text.to_string())
    }

    pub fn uint(value: u64) -> Json {
        Json::Number(value.to_string())
    }

    /// An object from its members in order.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// An array of strings.
    pub fn strings<S: AsRef<str>>(items: &[S]) -> Json {
        Json::Array(items.iter().map(|s| Json::str(s.as_ref())).collect())
    }

    /// Adds a member to an object (nothing for any other value).
    pub fn with(mut self, key: &str, value: Json) -> Json {
        if let Json::Object(members) = &mut self {
            members.push((key.to_string(), value));
        }
        self
    }

    /// Adds a member only when there is a value (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn with_some(self, key: &str, value: Option<Json>) -> Json {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// A whole number that fits a `u64` (`3`, never `3.0` or `-1`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The compact layout: `{"a":1,"b":[true,null]}`.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// serde_json's pretty layout: two spaces per level, `"key": value`, `[]` and `{}` when empty.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => write_list(out, indent, ('[', ']'), items, |out, item, inner| {
                item.write(out, inner)
            }),
            Json::Object(members) => write_list(
                out,
                indent,
                ('{', '}'),
                members,
                |out, (key, value), inner| {
                    write_string(out, key);
                    out.push_str(if inner.is_some() { ": " } else { ":" });
                    value.write(out, inner);
                },
            ),
        }
    }

    /// Reads a JSON text; the error says what was expected and at which byte.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut reader = Reader {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = reader.value(0)?;
        reader.space();
        match reader.at == reader.bytes.len() {
            true => Ok(value),
            false => Err(reader.error("the end of the text")),
        }
    }
}

fn write_list<T>(
    out: &mut String,
    indent: Option<usize>,
    (open, close): (char, char),
    items: &[T],
    mut each: impl FnMut(&mut String, &T, Option<usize>),
) {
    out.push(open);
    let inner = indent.map(|i| i + 1);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(level) = inner {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        }
        each(out, item, inner);
    }
    if let (Some(level), false) = (indent, items.is_empty()) {
        out.push('\n');
        out.push_str(&"  ".repeat(level));
    }
    out.push(close);
}

/// A string with serde_json's escapes: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, and `\u00XX` for
/// other control characters; everything else as it is.
fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Nesting deeper than any document of ours is refused rather than risking the stack.
const MAX_DEPTH: usize = 32;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, expected: &str) -> String {
        format!("expected {expected} at byte {}", self.at)
    }

    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        match self.bytes[self.at..].starts_with(word.as_bytes()) {
            true => {
                self.at += word.len();
                Ok(value)
            }
            false => Err(self.error("a value")),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("less nesting"));
        }
        self.space();
        match self.bytes.get(self.at) {
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(self.error("':'"));
                        }
                        members.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("',' or '}'"));
                        }
                    }
                }
                Ok(Json::Object(members))
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(self.error("',' or ']'"));
                        }
                    }
                }
                Ok(Json::Array(items))
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.error("a value")),
        }
    }

    /// A number's text, checked against JSON's grammar.
    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at > from
        };
        let _ = self.bytes.get(self.at) == Some(&b'-') && {
            self.at += 1;
            true
        };
        let mut ok = digits(self);
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            ok &= digits(self);
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            ok &= digits(self);
        }
        match ok {
            true => Ok(Json::Number(
                String::from_utf8_lossy(&self.bytes[start..self.at]).into_owned(),
            )),
            false => Err(self.error("a number")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return Err(self.error("a string"));
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("'\"'"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escape = self.bytes.get(self.at).copied();
                    self.at += 1;
                    let c = match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("an escape")),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                byte if byte < b' ' => return Err(self.error("no control character in a string")),
                byte => out.push(byte),
            }
        }
        // The input was a &str and escapes add whole characters, so this is UTF-8.
        String::from_utf8(out).map_err(|_| self.error("UTF-8"))
    }

    /// After `\u`: four hex digits, or a surrogate pair of two escapes.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let first = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if !self.bytes[self.at..].starts_with(b"\\u") {
                return Err(self.error("a low surrogate"));
            }
            self.at += 2;
            let second = self.hex4()?;
            if !(0xdc00..0xe000).contains(&second) {
                return Err(self.error("a low surrogate"));
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("a character"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .bytes
            .get(self.at..self.at + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("four hex digits"))?;
        self.at += 4;
        Ok(hex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys in sorted order, as serde_json's own map keeps them.
    fn sample() -> Json {
        Json::object([
            ("empty", Json::Array(Vec::new())),
            ("flags", Json::Array(vec![Json::Bool(true), Json::Null])),
            ("ids", Json::strings(&["a", "b"])),
            ("n", Json::Number("1.5".into())),
            (
                "nested",
                Json::object([("seconds", Json::Number("0.0".into()))]),
            ),
            ("none", Json::Object(Vec::new())),
            ("quiz", Json::str("seed=1&count=5")),
            (
                "text",
                Json::str("“quoted” \"x\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é 😀"),
            ),
        ])
    }

    #[test]
    fn both_layouts_are_byte_for_byte_serde_jsons() {
        let serde = serde_json::json!({
            "empty": [], "flags": [true, null], "ids": ["a", "b"], "n": 1.5,
            "nested": { "seconds": 0.0 }, "none": {}, "quiz": "seed=1&count=5",
            "text": "“quoted” \"x\" \\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} é 😀",
        });
        assert_eq!(sample().compact(), serde_json::to_string(&serde).unwrap());
        assert_eq!(
            sample().pretty(),
            serde_json::to_string_pretty(&serde).unwrap()
        );
    }

    #[test]
    fn reads_back_what_it_writes_and_what_serde_json_writes() {
        assert_eq!(Json::parse(&sample().compact()), Ok(sample()));
        assert_eq!(Json::parse(&sample().pretty()), Ok(sample()));
        let escaped = Json::parse(r#"["\u00e9\ud83d\ude00\/", -0.5e+3, 12]"#).unwrap();
        assert_eq!(escaped.as_array().unwrap()[0].as_str(), Some("é😀/"));
        assert_eq!(
            escaped.as_array().unwrap()[1],
            Json::Number("-0.5e+3".into())
        );
        assert_eq!(escaped.as_array().unwrap()[2].as_u64(), Some(12));
    }

    #[test]
    fn broken_texts_say_what_and_where() {
        for (text, error) in [
            ("", "expected a value at byte 0"),
            ("{\"a\" 1}", "expected ':' at byte 5"),
            ("[1,]", "expected a value at byte 3"),
            ("[1 2]", "expected ',' or ']' at byte 3"),
            ("\"abc", "expected '\"' at byte 4"),
            ("[1] x", "expected the end of the text at byte 4"),
            ("-", "expected a number at byte 1"),
            ("\"\\ud800\"", "expected a low surrogate at byte 7"),
            ("{} x", "expected the end of the text at byte 3"),
        ] {
            assert_eq!(Json::parse(text), Err(error.to_string()), "{text:?}");
        }
        let deep = "[".repeat(100);
        assert!(Json::parse(&deep).unwrap_err().contains("less nesting"));
    }
}
