//! Escaping for the XML and HTML the exports write: text, attributes and CDATA sections.

/// `text` safe in XML (and HTML) character data and attribute values: `& < > " '` as
/// entities, and the characters XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return, U+FFFE, U+FFFF) dropped, since no entity can carry them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `markup` (already escaped HTML) as one or more CDATA sections, as Moodle's own exporter
/// writes HTML fields: a `]]>` inside is split between two sections.
pub fn cdata(markup: &str) -> String {
    format!("<![CDATA[{}]]>", markup.replace("]]>", "]]]]><![CDATA[>"))
}

/// A number as XML Schema's `xs:double` and Moodle's importer read it (`680`, `6.8`, `-0.5`).
pub fn number(value: sourced_core::Decimal) -> String {
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities_and_forbidden_ones_go() {
        assert_eq!(
            escape("AT&T <b>\"x\" 'y'\u{1}\u{7}\tz"),
            "AT&amp;T &lt;b&gt;&quot;x&quot; &#39;y&#39;\tz"
        );
        assert_eq!(escape("Zelenskyy’s “plan” — €1"), "Zelenskyy’s “plan” — €1");
    }

    #[test]
    fn a_cdata_end_inside_is_split() {
        assert_eq!(cdata("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
    }

    #[test]
    fn numbers_print_as_the_shortest_exact_decimal() {
        use sourced_core::Decimal;
        assert_eq!(number(Decimal::whole(680)), "680");
        assert_eq!(number(Decimal::new(68, -1)), "6.8");
        assert_eq!(number(Decimal::new(-5, -1)), "-0.5");
    }
}
