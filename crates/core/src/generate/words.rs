//! Every word the generator writes, as templates with named slots kept apart from the code that picks what to ask: a second language is a second [`Words`].
//!
//! A template names its slots (`{claim}`, `{outlet}`); the code that fills them passes values
//! already in their form: a fact's claim with its answer agreed (`Fact::claim_with`), a sum with
//! its currency and scale and a date with its precision (the `Value` forms), an outlet as it reads
//! mid-sentence. No template hard-codes an article or a number that belongs to a value.

/// The templates and words of one language.
pub(super) struct Words {
    pub true_or_false: &'static str,
    pub true_word: &'static str,
    pub false_word: &'static str,
    /// Before the explanation of a statement graded False: `{explanation}`.
    pub none_says: &'static str,
    /// `{quotation}`
    pub who_said: &'static str,
    /// `{ask}`, `{outlet}`
    pub cloze: &'static str,
    /// Titles that, right before a name, give it away in a cloze ("U.S. President ___").
    pub titles: &'static [&'static str],
    /// `{ask}`, `{unit}`, `{precision}` (one of `decimals`, by the number of decimals).
    pub numeric_money: &'static str,
    /// `{ask}`
    pub numeric_count: &'static str,
    /// How precisely to answer, by decimals 0, 1, 2 and 3.
    pub decimals: [&'static str; 4],
    /// `{scale}` of `{currency}`: "billions of Canadian dollars", as the prompt names the unit.
    pub unit: &'static str,
    /// The unit beside the answer field: "billion Canadian dollars".
    pub unit_label: &'static str,
    pub billions: &'static str,
    pub millions: &'static str,
    pub billion: &'static str,
    pub million: &'static str,
    pub cad: &'static str,
    pub usd: &'static str,
    pub dollars: &'static str,
    pub match_money: &'static str,
    pub ordering: &'static str,
    pub which_confirmed: &'static str,
    pub which_single: &'static str,
    /// After a source check's explanation: `{explanation}`.
    pub others_single: &'static str,
    pub others_confirmed: &'static str,
    /// `{ask}`, `{outlet}`
    pub conflict: &'static str,
    /// Who printed an error when no source is known.
    pub one_article: &'static str,
    /// A copy named by its kind: `{kind}`, `{outlet}` ("A translation (CBC News, …)").
    pub copy_named: &'static str,
    /// `{who}`, `{sentence}`, `{wrong}`, `{reports}`: the reports that give the correct reading,
    /// one, then several.
    pub error_in_sentence: &'static str,
    pub error_in_sentence_many: &'static str,
    /// `{who}`, `{wrong}`, `{reports}`
    pub error_alone: &'static str,
    pub error_alone_many: &'static str,
    /// `{claim}`, `{correct}`, `{reports}`
    pub error_status: &'static str,
    /// The reports that correct an error when the table names none.
    pub other_reports: &'static str,
    /// `{versions}`
    pub disagree: &'static str,
    /// `{who}`, `{value}`: one outlet, then several.
    pub says: &'static str,
    pub say: &'static str,
    /// `{claim}`, `{count}`, `{reports}`
    pub confirmed: &'static str,
    /// `{claim}`, `{reports}`
    pub single: &'static str,
    /// `{report}`, `{copy}` / `{copies}`
    pub with_copy: &'static str,
    pub with_copies: &'static str,
    /// `{report}`, `{copy}` / `{copies}`: a single source's copies that do not state the claim
    /// (a student who finds it there too must not count two sources).
    pub copy_no_second: &'static str,
    pub copies_no_second: &'static str,
    /// Joins the last two items of a list, and the others.
    pub and: &'static str,
    pub list_separator: &'static str,
    /// Between items of a list that hold no comma.
    pub comma: &'static str,
    /// An explanation followed by its author's note: `{status}`, `{note}`.
    pub with_note: &'static str,
}

pub(super) const ENGLISH: Words = Words {
    true_or_false: "True or false, according to the reports?",
    true_word: "True",
    false_word: "False",
    none_says: "None of the reports says this. {explanation}",
    who_said: "Who said this? “{quotation}”",
    cloze: "{ask} Fill in the blank in this sentence from {outlet}.",
    titles: &[
        "President",
        "Minister",
        "Secretary of State",
        "Secretary General",
        "Secretary-General",
        "Chancellor",
        "envoy",
        "Prime Minister",
    ],
    numeric_money: "{ask} Answer in {unit}{precision}.",
    numeric_count: "{ask} Answer with a whole number.",
    decimals: [
        "",
        ", to one decimal place",
        ", to two decimal places",
        ", to three decimal places",
    ],
    unit: "{scale} of {currency}",
    unit_label: "{scale} {currency}",
    billions: "billions",
    millions: "millions",
    billion: "billion",
    million: "million",
    cad: "Canadian dollars",
    usd: "U.S. dollars",
    dollars: "dollars",
    match_money: "Match each sum to how the reports describe it.",
    ordering: "Put these events in order, earliest first.",
    which_confirmed: "Which of these claims is confirmed by two or more independent reports?",
    which_single:
        "Which of these claims comes from a single source (one report and any copies of it)?",
    others_single: "{explanation} Each of the other claims rests on a single source.",
    others_confirmed: "{explanation} Each of the other claims is confirmed by independent reports.",
    conflict: "The reports give different answers here. {ask} — what does {outlet} say?",
    one_article: "One article",
    copy_named: "A {kind} ({outlet})",
    error_in_sentence: "{who} printed: “{sentence}” What does {reports} say instead of “{wrong}”?",
    error_in_sentence_many:
        "{who} printed: “{sentence}” What do {reports} say instead of “{wrong}”?",
    error_alone: "{who} printed “{wrong}”. What does {reports} say instead?",
    error_alone_many: "{who} printed “{wrong}”. What do {reports} say instead?",
    error_status: "{claim} The correct reading, from {reports}: “{correct}”.",
    other_reports: "the other reports",
    disagree: "The reports disagree: {versions}.",
    says: "{who} says {value}",
    say: "{who} say {value}",
    confirmed: "{claim} Confirmed by {count} independent reports: {reports}.",
    single: "{claim} Reported by one source only: {reports}.",
    with_copy: "{report}, with its copy {copy}",
    with_copies: "{report}, with its copies {copies}",
    copy_no_second: "{report}, not counting its copy {copy}",
    copies_no_second: "{report}, not counting its copies {copies}",
    and: " and ",
    list_separator: "; ",
    comma: ", ",
    with_note: "{status} {note}",
};

/// `template` with each `{name}` replaced by its slot's value; a name without a slot stays as it is.
pub(super) fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            slots
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|s| (close, s.1))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_slot_in_place_and_leaves_unknown_names() {
        assert_eq!(
            fill(
                "{who} says {value}",
                &[("who", "CBC"), ("value", "$2 billion")]
            ),
            "CBC says $2 billion"
        );
        assert_eq!(fill("{x} and {y}", &[("x", "a")]), "a and {y}");
        assert_eq!(fill("no slots", &[]), "no slots");
        assert_eq!(fill("{a}{a}", &[("a", "{b}")]), "{b}{b}");
    }

    #[test]
    fn every_slot_a_template_names_is_documented_by_its_field() {
        // A slot spelt wrong in a template would print `{claim}` to a reader: every template's
        // slots are among the names the generator fills.
        let known = [
            "explanation",
            "quotation",
            "ask",
            "outlet",
            "unit",
            "precision",
            "scale",
            "currency",
            "kind",
            "who",
            "sentence",
            "wrong",
            "claim",
            "correct",
            "versions",
            "value",
            "count",
            "reports",
            "report",
            "copy",
            "copies",
            "status",
            "note",
        ];
        let w = &ENGLISH;
        for template in [
            w.none_says,
            w.who_said,
            w.cloze,
            w.numeric_money,
            w.numeric_count,
            w.unit,
            w.unit_label,
            w.others_single,
            w.others_confirmed,
            w.conflict,
            w.copy_named,
            w.error_in_sentence,
            w.error_in_sentence_many,
            w.error_alone,
            w.error_alone_many,
            w.error_status,
            w.disagree,
            w.says,
            w.say,
            w.confirmed,
            w.single,
            w.with_copy,
            w.with_copies,
            w.copy_no_second,
            w.copies_no_second,
            w.with_note,
        ] {
            let mut rest = template;
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').expect("a slot closes") + open;
                let name = &rest[open + 1..close];
                assert!(known.contains(&name), "`{{{name}}}` in `{template}`");
                rest = &rest[close + 1..];
            }
        }
    }
}
