//! `sourced`: the command-line tool for checking fact tables and printing quizzes.
//! (It reads files, so it exists natively only; the wasm32 build of this binary is empty.)

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {

    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    /// Writes to stdout; when the reader has gone (`sourced passages | head`), exits quietly
    /// instead of panicking as `print!` does.
    fn write_out(args: std::fmt::Arguments) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        if let Err(error) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("sourced: cannot write the output: {error}");
            std::process::exit(2);
        }
    }

    macro_rules! out {
        ($($arg:tt)*) => { write_out(format_args!($($arg)*)) };
    }
    macro_rules! outln {
        ($($arg:tt)*) => { write_out(format_args!("{}\n", format_args!($($arg)*))) };
    }

    const USAGE: &str = "\
    usage: sourced <command>

    commands:
      check [DIR]          verify a fact-table directory (default: questions/); exit 1 on any problem
      facts --json [DIR]   print the verified table as JSON
      quiz --seed N --count N [--topics a,b] [--kinds a,b] [--difficulty easy|medium|hard] [--passage N] [--json] [--dir DIR]
                           print a quiz; the same seed and options give the same quiz as the browser
      passages [DIR]       list the reading passages, numbered as --passage and ?passage= take them
      export --format moodle-xml|common-cartridge|qti3 [quiz options, or --code CODE] [--output FILE]
                           the quiz for a learning-management system (Moodle XML to standard
                           output unless --output; the two zip packages need --output)
      embed-page [NAME] --url URL [quiz settings] [--title T] [--height PX] [--dist DIR]
                           a page to paste into a CMS: DIR/q/NAME/ (default dist/) with these
                           settings baked in and its oEmbed JSON; without NAME, DIR/index.html
                           gets its oEmbed link; URL is where DIR is served (ending in /)
    ";

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let result = match args.first().map(String::as_str) {
            Some("check") => check(args.get(1).map(PathBuf::from)),
            Some("facts") => facts(&args[1..]),
            Some("quiz") => quiz(&args[1..]),
            Some("passages") => passages(args.get(1).map_or_else(default_dir, PathBuf::from)),
            Some("export") => export(&args[1..]),
            Some("embed-page") => embed_page(&args[1..]),
            Some("-h" | "--help" | "help") => {
                out!("{USAGE}");
                Ok(ExitCode::SUCCESS)
            }
            Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
            None => Err(USAGE.to_string()),
        };
        result.unwrap_or_else(|message| {
            eprintln!("sourced: {message}");
            ExitCode::from(2)
        })
    }

    fn default_dir() -> PathBuf {
        PathBuf::from("questions")
    }

    /// Loads and verifies `dir`; the problems are returned, not printed.
    fn load(dir: &Path) -> Result<(sourced_core::FactTable, Vec<sourced_core::Problem>), String> {
        if !dir.is_dir() {
            return Err(format!(
                "`{}` is not a directory (expected a fact table: sources.toml, facts.toml)",
                dir.display()
            ));
        }
        let read =
            |relative: &str| std::fs::read_to_string(dir.join(relative)).map_err(|e| e.to_string());
        Ok(sourced_core::load::load_and_verify(&read))
    }

    /// Loads `dir` and refuses a table with problems, pointing at `sourced check`.
    fn load_verified(dir: &Path) -> Result<sourced_core::FactTable, String> {
        let (table, problems) = load(dir)?;
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(format!(
                "{} has {} problem(s); run `sourced check {}` to see them",
                dir.display(),
                problems.len(),
                dir.display()
            ))
        }
    }

    fn check(dir: Option<PathBuf>) -> Result<ExitCode, String> {
        let dir = dir.unwrap_or_else(default_dir);
        let (table, problems) = load(&dir)?;
        if problems.is_empty() {
            outln!("ok: {}", table.summary());
            return Ok(ExitCode::SUCCESS);
        }
        for problem in &problems {
            outln!("{}/{problem}", dir.display());
        }
        outln!("{} problem(s) in {}", problems.len(), dir.display());
        Ok(ExitCode::FAILURE)
    }

    fn facts(args: &[String]) -> Result<ExitCode, String> {
        let mut json = false;
        let mut dir = default_dir();
        for arg in args {
            match arg.as_str() {
                "--json" => json = true,
                flag if flag.starts_with('-') => {
                    return Err(format!("facts: unknown option `{flag}`"))
                }
                path => dir = PathBuf::from(path),
            }
        }
        if !json {
            return Err("facts: only `--json` output exists; run `sourced facts --json`".into());
        }
        let table = load_verified(&dir)?;
        outln!(
            "{}",
            serde_json::to_string_pretty(&facts_json(&table)).map_err(|e| e.to_string())?
        );
        Ok(ExitCode::SUCCESS)
    }

    /// The documented JSON shape: each fact's `answer` and flattened `evidence`, plus `versions` when in conflict.
    fn facts_json(table: &sourced_core::FactTable) -> serde_json::Value {
        use serde_json::json;
        let sources: Vec<_> = table
            .sources
            .iter()
            .map(|s| {
                json!({
                    "id": s.id, "headline": s.headline, "outlet": s.outlet, "kind": s.kind,
                    "independence_group": s.independence_group, "based_on": s.based_on,
                    "derives_from": s.derives_from, "file": s.file, "notes": s.notes,
                })
            })
            .collect();
        let facts: Vec<_> = table
            .facts
            .iter()
            .map(|f| {
                let mut fact = json!({
                    "id": f.id, "topic": f.topic, "kind": f.kind, "ask": f.ask,
                    "answer": f.answer(), "answer_text": f.answer().to_string(),
                    "claim": f.claim_with(&f.answer().to_string()),
                    "status": f.status, "independent_reports": f.independent_reports,
                    "evidence": f.all_evidence().collect::<Vec<_>>(),
                });
                if f.versions.len() > 1 {
                    fact["versions"] = json!(f.versions);
                }
                if let Some(quotation) = &f.quotation {
                    fact["quotation"] = json!(quotation);
                }
                if let (Some(about), Some(correct)) = (&f.about, &f.correct) {
                    fact["about"] = json!(about);
                    fact["correct"] = json!(correct);
                }
                fact
            })
            .collect();
        json!({ "sources": sources, "facts": facts })
    }

    /// `sourced passages`: each reading passage's number, article, length and what it asks.
    fn passages(dir: PathBuf) -> Result<ExitCode, String> {
        let prepared = sourced_core::Prepared::new(load_verified(&dir)?);
        let table = prepared.table();
        for (i, passage) in prepared.passages().iter().enumerate() {
            let outlet = table
                .source(&passage.source)
                .map_or(passage.source.0.as_str(), |s| s.outlet.as_str());
            let opening: Vec<&str> = passage.text.split_whitespace().take(12).collect();
            let facts: Vec<&str> = passage.facts.iter().map(|f| f.0.as_str()).collect();
            let paragraphs = match (passage.paragraphs.start + 1, passage.paragraphs.end) {
                (first, last) if first == last => format!("paragraph {first}"),
                (first, last) => format!("paragraphs {first}–{last}"),
            };
            outln!(
                "{}. {}, {paragraphs}, {} words: “{}…”\n   facts: {}",
                i + 1,
                sourced_core::text::capitalised(outlet),
                passage.words,
                opening.join(" "),
                facts.join(", ")
            );
            if !passage.errata.is_empty() {
                let errors: Vec<&str> = passage.errata.iter().map(|e| e.fact.0.as_str()).collect();
                outln!("   errors marked: {}", errors.join(", "));
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// `sourced quiz`: options are read with the same parser as the browser's URL parameters.
    fn quiz(args: &[String]) -> Result<ExitCode, String> {
        let mut json = false;
        let mut rest = Vec::new();
        for arg in args {
            match arg.as_str() {
                "--json" => json = true,
                _ => rest.push(arg.clone()),
            }
        }
        let (prepared, quiz, _) = build_quiz("quiz", &rest, "--json")?;
        if json {
            outln!(
                "{}",
                serde_json::to_string_pretty(&quiz_json(&quiz)).map_err(|e| e.to_string())?
            );
        } else {
            out!("{}", quiz_text(&prepared, &quiz));
        }
        Ok(ExitCode::SUCCESS)
    }

    /// The quiz that `args` (quiz options and `--dir`) ask for, as `sourced quiz` and
    /// `sourced export` read them, with the class code when one was given. `extra` names the
    /// command's own options, for the message about an unknown one.
    fn build_quiz(
        command: &str,
        args: &[String],
        extra: &str,
    ) -> Result<(sourced_core::Prepared, sourced_core::Quiz, Option<String>), String> {
        let mut dir = default_dir();
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--dir" => {
                    dir = PathBuf::from(
                        rest.next()
                            .ok_or_else(|| format!("{command}: --dir needs a directory"))?,
                    )
                }
                flag if flag.starts_with("--") => {
                    let key = &flag[2..];
                    let value = rest
                        .next()
                        .ok_or_else(|| format!("{command}: {flag} needs a value"))?;
                    pairs.push((key.to_string(), value.clone()));
                }
                other => return Err(format!("{command}: unexpected argument `{other}`")),
            }
        }
        let prepared = sourced_core::Prepared::new(load_verified(&dir)?);
        let (config, errors, unknown) = sourced_core::config::parse_config(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &prepared.table().topics(),
            prepared.passages().len(),
        );
        if let Some(key) = unknown.first() {
            return Err(format!("{command}: unknown option `--{key}`; options are --seed, --count, --topics, --kinds, --difficulty, --passage, --code, {extra}, --dir"));
        }
        if let Some(error) = errors.first() {
            return Err(format!("{command}: {error}"));
        }
        let seed = config.seed.ok_or_else(|| {
            format!("{command}: --seed N is required (or --code CODE), so that the quiz can be reproduced")
        })?;
        let spec = config.spec(seed);
        let quiz = sourced_core::generate(&prepared, &spec);
        if quiz.questions.is_empty() {
            return Err(format!(
                "{command}: no question fits {}; drop or change one of them",
                filters(&spec)
            ));
        }
        Ok((prepared, quiz, config.class_code))
    }

    /// `sourced export`: the quiz as Moodle XML, a Common Cartridge or a QTI 3 package, the
    /// same bytes as the teacher page's downloads for the same code.
    fn export(args: &[String]) -> Result<ExitCode, String> {
        use sourced_quiz::export::{export, Format, QuizName};
        let mut format = None;
        let mut output: Option<PathBuf> = None;
        let mut rest = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--format" => {
                    let name = args.next().ok_or("export: --format needs a value")?;
                    format = Some(Format::from_name(name).ok_or_else(|| {
                        format!("export: `--format {name}` is not a format; formats are moodle-xml, common-cartridge, qti3")
                    })?);
                }
                "--output" => {
                    output = Some(PathBuf::from(
                        args.next().ok_or("export: --output needs a file")?,
                    ))
                }
                _ => rest.push(arg.clone()),
            }
        }
        let format =
            format.ok_or("export: --format moodle-xml|common-cartridge|qti3 is required")?;
        if format.is_package() && output.is_none() {
            return Err(format!(
                "export: --format {} makes a zip package; name the file with --output FILE",
                format.name()
            ));
        }
        let (prepared, quiz, code) = build_quiz("export", &rest, "--format, --output")?;
        let name = QuizName::of(&quiz, code.as_deref());
        let exported = export(prepared.table(), &quiz, &name, format);
        for note in &exported.notes {
            eprintln!("sourced: export: {note}");
        }
        match output {
            Some(path) => {
                std::fs::write(&path, &exported.bytes)
                    .map_err(|e| format!("export: cannot write {}: {e}", path.display()))?;
                eprintln!(
                    "sourced: export: {} questions as {} in {} ({} bytes)",
                    quiz.questions.len(),
                    format.name(),
                    path.display(),
                    exported.bytes.len()
                );
            }
            None => out!("{}", String::from_utf8_lossy(&exported.bytes)),
        }
        Ok(ExitCode::SUCCESS)
    }

    /// `sourced embed-page`: a page with a quiz's settings baked in and its oEmbed JSON, for
    /// pasting a short link into WordPress (see `sourced_quiz::embed_page`).
    fn embed_page(args: &[String]) -> Result<ExitCode, String> {
        use sourced_quiz::embed_page::EmbedPage;
        let mut name = None;
        let (mut url, mut title, mut height) = (None, None, 640u32);
        let (mut dist, mut dir) = (PathBuf::from("dist"), default_dir());
        let mut settings: Vec<(String, String)> = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(flag) = arg.strip_prefix("--") else {
                if name.replace(arg.clone()).is_some() {
                    return Err(format!(
                        "embed-page: unexpected argument `{arg}` (one page name at most)"
                    ));
                }
                continue;
            };
            let value = args
                .next()
                .ok_or_else(|| format!("embed-page: --{flag} needs a value"))?
                .clone();
            match flag {
                "url" => url = Some(value),
                "title" => title = Some(value),
                "height" => {
                    height = value
                        .parse()
                        .ok()
                        .filter(|h| (200..=4000).contains(h))
                        .ok_or_else(|| {
                            format!(
                                "embed-page: --height {value} is not a height from 200 to 4000 px"
                            )
                        })?
                }
                "dist" => dist = PathBuf::from(value),
                "dir" => dir = PathBuf::from(value),
                key => settings.push((key.to_string(), value)),
            }
        }
        let url = url.ok_or("embed-page: --url URL is required: where dist/ is served, ending in / (oEmbed needs absolute addresses)")?;
        if name.is_none() && !settings.is_empty() {
            return Err("embed-page: quiz settings need a page NAME (the build's own index.html takes its settings from its address)".into());
        }
        // The settings are checked as the page will read them, so a typo fails here, not in a reader's browser.
        let prepared = sourced_core::Prepared::new(load_verified(&dir)?);
        let (_, errors, unknown) = sourced_core::config::parse_config(
            settings.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &prepared.table().topics(),
            prepared.passages().len(),
        );
        if let Some(key) = unknown.first() {
            return Err(format!(
                "embed-page: unknown setting `--{key}`; settings are --{}, and --url, --title, --height, --dist, --dir",
                sourced_core::config::KEYS.join(", --")
            ));
        }
        if let Some(error) = errors.first() {
            return Err(format!("embed-page: {error}"));
        }
        let index = dist.join("index.html");
        let index_html = std::fs::read_to_string(&index).map_err(|e| {
            format!(
                "embed-page: cannot read {} ({e}): run `trunk build --release` first",
                index.display()
            )
        })?;
        let page = EmbedPage {
            base_url: &url,
            name: name.as_deref(),
            settings: &settings,
            title: title.as_deref().unwrap_or(sourced_quiz::strings::TITLE),
            height,
        };
        let written = page
            .write(&index_html)
            .map_err(|e| format!("embed-page: {e}"))?;
        let folder = match &name {
            Some(name) => dist.join("q").join(name),
            None => dist.clone(),
        };
        std::fs::create_dir_all(&folder)
            .map_err(|e| format!("embed-page: cannot make {}: {e}", folder.display()))?;
        for (file, text) in [
            ("index.html", &written.html),
            ("oembed.json", &written.oembed_json),
        ] {
            let path = folder.join(file);
            std::fs::write(&path, text)
                .map_err(|e| format!("embed-page: cannot write {}: {e}", path.display()))?;
        }
        outln!(
            "{} (paste this link; oEmbed: {}oembed.json)",
            page.url(),
            page.url()
        );
        Ok(ExitCode::SUCCESS)
    }

    /// The options that narrow a quiz, as the command line spells them (`--kinds numeric with --difficulty easy`).
    fn filters(spec: &sourced_core::QuizSpec) -> String {
        let mut given: Vec<String> = Vec::new();
        for (key, value) in spec.query_pairs() {
            if !matches!(key, "seed" | "count") {
                given.push(format!("--{key} {value}"));
            }
        }
        match given.as_slice() {
            [] => "this table (it has no questions to ask)".into(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} with {last}", rest.join(", ")),
        }
    }

    /// The documented JSON shape (see README): `answer` depends on the kind.
    fn quiz_json(quiz: &sourced_core::Quiz) -> serde_json::Value {
        use serde_json::json;
        use sourced_core::Body;
        let questions: Vec<_> = quiz
            .questions
            .iter()
            .map(|q| {
                let (options, answer, extra) = match &q.body {
                    Body::Choice { options, correct } => (options.clone(), json!(correct), json!({})),
                    Body::Numeric { unit, answer, tolerance } => {
                        (Vec::new(), json!(answer), json!({ "unit": unit, "tolerance": tolerance }))
                    }
                    Body::Cloze { before, after, accepted } => {
                        (Vec::new(), json!(accepted), json!({ "before": before, "after": after }))
                    }
                    Body::Matching { left, right, pairs } => {
                        let pairs: Vec<[usize; 2]> = pairs.iter().enumerate().map(|(l, &r)| [l, r]).collect();
                        (right.clone(), json!(pairs), json!({ "left": left }))
                    }
                    Body::Ordering { items, order } => (items.clone(), json!(order), json!({})),
                };
                let mut question = json!({
                    "kind": q.kind.name(), "prompt": q.prompt, "topic": q.topic, "options": options,
                    "answer": answer, "answer_text": q.answer_text, "fact_ids": q.fact_ids,
                    "status": q.status.name(), "explanation": q.explanation,
                    "quotes": q.quotes.iter().map(|e| json!({ "source": e.source, "text": e.quote, "sentence": e.sentence() })).collect::<Vec<_>>(),
                    "context": q.context.iter().map(|e| json!({ "source": e.source, "text": e.quote, "sentence": e.sentence() })).collect::<Vec<_>>(),
                });
                if let (Some(target), serde_json::Value::Object(more)) = (question.as_object_mut(), extra) {
                    target.extend(more);
                }
                question
            })
            .collect();
        let mut out =
            json!({ "seed": quiz.spec.seed, "count": quiz.spec.count, "questions": questions });
        if let Some(passage) = quiz.spec.passage {
            out["passage"] = json!(passage + 1);
        }
        out
    }

    /// A quiz a teacher can hand out: questions, then an answer key with the evidence.
    /// A quote in its whole sentence, the quoted words between `**` when the sentence has more.
    /// Printed inside the key's own quotation marks, so the article's marks become single ones.
    fn marked(evidence: &sourced_core::Evidence) -> String {
        let [lead, quote, tail] = evidence.shown(sourced_core::text::QuoteSetting::Inline);
        if evidence.lead.is_empty() && evidence.tail.is_empty() {
            format!("{lead}{quote}{tail}")
        } else {
            format!("{lead}**{quote}**{tail}")
        }
    }

    fn quiz_text(prepared: &sourced_core::Prepared, quiz: &sourced_core::Quiz) -> String {
        let table = prepared.table();
        use sourced_core::Body;
        use std::fmt::Write;
        let letter = |i: usize| char::from(b'A' + i as u8);
        let mut out = format!(
            "Sourced Quiz — seed {}, {} questions\n\n",
            quiz.spec.seed,
            quiz.questions.len()
        );
        // A reading quiz: the passage first, as the page shows it.
        let passage = quiz.spec.passage.and_then(|p| prepared.passages().get(p));
        if let Some(passage) = passage {
            let source = table.source(&passage.source);
            let _ = writeln!(
                out,
                "Read this passage, from {}:\n",
                source.map_or(passage.source.0.as_str(), |s| s.outlet.as_str())
            );
            // A recorded error is printed with the other reports' reading beside it.
            for segments in passage.segments(&[]) {
                let paragraph: String = segments
                    .iter()
                    .map(|s| match s.correction {
                        Some(correct) => {
                            format!("{} [error; the other reports: “{correct}”]", s.text)
                        }
                        None => s.text.to_string(),
                    })
                    .collect();
                let _ = writeln!(out, "   {paragraph}\n");
            }
        }
        for (n, q) in quiz.questions.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, q.prompt);
            match &q.body {
                Body::Choice { options, .. } => {
                    for (i, option) in options.iter().enumerate() {
                        let _ = writeln!(out, "   {}) {option}", letter(i));
                    }
                }
                Body::Numeric { unit, .. } => {
                    let _ = writeln!(out, "   ________ {unit}");
                }
                Body::Cloze { before, after, .. } => {
                    let [before, blank, after] = sourced_core::text::set_quote(
                        [before, "________", after],
                        sourced_core::text::QuoteSetting::Inline,
                    );
                    let _ = writeln!(out, "   “{before}{blank}{after}”");
                }
                Body::Matching { left, right, .. } => {
                    for (i, item) in left.iter().enumerate() {
                        let _ = writeln!(out, "   {}. {item}  ___", i + 1);
                    }
                    for (i, item) in right.iter().enumerate() {
                        let _ = writeln!(out, "   {}) {item}", letter(i));
                    }
                }
                Body::Ordering { items, .. } => {
                    for item in items {
                        let _ = writeln!(out, "   ___ {item}");
                    }
                }
            }
            out.push('\n');
        }
        out.push_str("Answer key\n\n");
        for (n, q) in quiz.questions.iter().enumerate() {
            let answer = match &q.body {
                Body::Choice { correct, .. } => format!("{}) {}", letter(*correct), q.answer_text),
                _ => q.answer_text.clone(),
            };
            let _ = writeln!(out, "{}. {answer}\n   {}", n + 1, q.explanation);
            for evidence in &q.quotes {
                let outlet = table
                    .source(&evidence.source)
                    .map_or(evidence.source.0.as_str(), |s| s.outlet.as_str());
                let _ = writeln!(out, "   “{}” — {outlet}", marked(evidence));
            }
            for evidence in &q.context {
                let outlet = table
                    .source(&evidence.source)
                    .map_or(evidence.source.0.as_str(), |s| s.outlet.as_str());
                let _ = writeln!(
                    out,
                    "   {}: “{}” — {outlet}",
                    sourced_quiz::strings::CONTEXT_QUOTE,
                    marked(evidence)
                );
            }
            out.push('\n');
        }
        out
    }
}
