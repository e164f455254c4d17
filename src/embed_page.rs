//! Pages to paste into a CMS: the stand-alone page with a quiz's settings baked in, and the oEmbed JSON that lets WordPress (or any oEmbed consumer) turn its link into the quiz.
//!
//! `sourced embed-page NAME --url https://quiz.example/ [settings]` writes `dist/q/NAME/index.html`
//! (a copy of the build's `index.html`, its relative file names one folder pair up, its settings
//! as `data-` attributes on the mount point, which the page reads before its address's query)
//! and `dist/q/NAME/oembed.json`; without NAME it gives the build's own `index.html` its oEmbed
//! link and writes `dist/oembed.json`. oEmbed needs absolute addresses (a consumer fetches the
//! JSON from another server, and pastes its iframe on another site), hence `--url`: where `dist/`
//! is served. Everything here is pure (strings in, strings out); the CLI does the files.

/// What the oEmbed link and JSON say about one page.
pub struct EmbedPage<'a> {
    /// Where `dist/` is served, ending in `/` (`https://quiz.example/quiz/`).
    pub base_url: &'a str,
    /// The page's folder under `q/`, or `None` for the build's own `index.html`.
    pub name: Option<&'a str>,
    /// The quiz's settings (already checked), as the page's `data-` attributes.
    pub settings: &'a [(String, String)],
    pub title: &'a str,
    /// The height the iframe reserves (the oEmbed `height`): the start screen fits in it.
    pub height: u32,
}

/// The oEmbed `width`: a consumer scales it to its column; the iframe itself is `width="100%"`.
pub const OEMBED_WIDTH: u32 = 600;

/// The page and its oEmbed JSON, written by [`EmbedPage::write`].
pub struct Written {
    pub html: String,
    pub oembed_json: String,
}

const OEMBED_TYPE: &str = "application/json+oembed";

impl EmbedPage<'_> {
    /// The page's own address (what an editor pastes).
    pub fn url(&self) -> String {
        match self.name {
            Some(name) => format!("{}q/{name}/", self.base_url),
            None => self.base_url.to_string(),
        }
    }

    /// The page (from the build's `index.html`) and its oEmbed JSON.
    pub fn write(&self, index_html: &str) -> Result<Written, String> {
        if !self.base_url.starts_with("https://") && !self.base_url.starts_with("http://") {
            return Err(format!("--url {} is not an http(s) address", self.base_url));
        }
        if !self.base_url.ends_with('/') {
            return Err(format!(
                "--url {} must end with / (it is the folder dist/ is served from)",
                self.base_url
            ));
        }
        if let Some(name) = self.name {
            check_name(name)?;
        }
        let url = self.url();
        let mut html = without_oembed_links(index_html);
        if self.name.is_some() {
            // The page is two folders down from the build's files.
            html = html
                .replace("href=\"./", "href=\"../../")
                .replace("src=\"./", "src=\"../../");
        }
        let head_end = html
            .find("</head>")
            .ok_or("the build's index.html has no </head>: is it Trunk's output?")?;
        let link = format!(
            "<link rel=\"alternate\" type=\"{OEMBED_TYPE}\" href=\"{}\" title=\"{}\" />\n",
            attr(&format!("{url}oembed.json")),
            attr(self.title)
        );
        html.insert_str(head_end, &link);
        if !self.settings.is_empty() {
            const MOUNT: &str = "<main id=\"sourced-quiz\"";
            let at = html
                .find(MOUNT)
                .ok_or("the build's index.html has no <main id=\"sourced-quiz\">")?
                + MOUNT.len();
            let attributes: String = self
                .settings
                .iter()
                .map(|(key, value)| format!(" data-{key}=\"{}\"", attr(value)))
                .collect();
            html.insert_str(at, &attributes);
        }
        Ok(Written {
            html,
            oembed_json: self.oembed_json(&url),
        })
    }

    /// The oEmbed response (type `rich`): WordPress keeps the blockquote as the fallback it shows
    /// until the frame speaks, and the iframe, which it sandboxes; `loading` and the data
    /// attribute are for consumers that keep the markup as it is (with `embed.js`, which
    /// WordPress strips).
    fn oembed_json(&self, url: &str) -> String {
        let (url, title) = (attr(url), attr(self.title));
        let html = format!(
            "<blockquote><a href=\"{url}\">{title}</a></blockquote>\
             <iframe src=\"{url}\" width=\"100%\" height=\"{height}\" title=\"{title}\" frameborder=\"0\" \
             loading=\"lazy\" data-sourced-quiz-frame></iframe>\
             <script src=\"{base}embed.js\" async></script>",
            height = self.height,
            base = attr(self.base_url),
        );
        let json = serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": self.title,
            "provider_name": "Sourced Quiz",
            "provider_url": self.base_url,
            "width": OEMBED_WIDTH,
            "height": self.height,
            "html": html,
        });
        let mut text = serde_json::to_string_pretty(&json).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// A folder name a URL carries as it is: lower-case letters, digits and `-`, 1 to 64 of them.
fn check_name(name: &str) -> Result<(), String> {
    let fits = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if fits {
        Ok(())
    } else {
        Err(format!(
            "`{name}` cannot name a page: use lower-case letters, digits and - (at most 64)"
        ))
    }
}

/// The page without the oEmbed link an earlier run wrote (exactly as written), so that writing
/// again replaces it.
fn without_oembed_links(html: &str) -> String {
    let start = format!("<link rel=\"alternate\" type=\"{OEMBED_TYPE}\"");
    let mut rest = html;
    let mut kept = String::with_capacity(html.len());
    while let Some(at) = rest.find(&start) {
        kept.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = rest.find(" />\n").map_or("", |end| &rest[end + 4..]);
    }
    kept.push_str(rest);
    kept
}

/// Escapes text for an attribute value or element content.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!doctype html>\n<html>\n  <head>\n    <script type=\"module\" src=\"./boot.js?js=a.js&amp;wasm=a.wasm\"></script>\n    <link rel=\"stylesheet\" href=\"./page.css\" crossorigin=\"anonymous\"/>\n  </head>\n  <body>\n    <main id=\"sourced-quiz\">\n    </main>\n  </body>\n</html>\n";

    fn page<'a>(name: Option<&'a str>, settings: &'a [(String, String)]) -> EmbedPage<'a> {
        EmbedPage {
            base_url: "https://quiz.example/news/",
            name,
            settings,
            title: "Quiz: \"Kyiv\" & more",
            height: 640,
        }
    }

    #[test]
    fn a_named_page_bakes_its_settings_and_points_two_folders_up() {
        let settings = [
            ("count".to_string(), "5".to_string()),
            ("topics".to_string(), "aid,russia".to_string()),
        ];
        let written = page(Some("aid-5"), &settings).write(INDEX).unwrap();
        assert!(
            written.html.contains("src=\"../../boot.js?js=a.js"),
            "{}",
            written.html
        );
        assert!(written.html.contains("href=\"../../page.css\""));
        assert!(written
            .html
            .contains("<main id=\"sourced-quiz\" data-count=\"5\" data-topics=\"aid,russia\">"));
        assert!(written.html.contains(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://quiz.example/news/q/aid-5/oembed.json\" title=\"Quiz: &quot;Kyiv&quot; &amp; more\" />"
        ));
        let json: serde_json::Value = serde_json::from_str(&written.oembed_json).unwrap();
        assert_eq!(json["type"], "rich");
        assert_eq!(json["version"], "1.0");
        assert_eq!(json["height"], 640);
        assert_eq!(json["width"], OEMBED_WIDTH);
        let html = json["html"].as_str().unwrap();
        assert!(
            html.starts_with("<blockquote><a href=\"https://quiz.example/news/q/aid-5/\">"),
            "{html}"
        );
        assert!(
            html.contains(
                "<iframe src=\"https://quiz.example/news/q/aid-5/\" width=\"100%\" height=\"640\""
            ),
            "{html}"
        );
    }

    #[test]
    fn the_root_page_keeps_its_paths_and_writing_twice_replaces_the_link() {
        let once = page(None, &[]).write(INDEX).unwrap().html;
        let twice = page(None, &[]).write(&once).unwrap().html;
        assert_eq!(once, twice);
        assert_eq!(
            without_oembed_links(&once),
            INDEX,
            "the link is all that was added"
        );
        assert_eq!(twice.matches("application/json+oembed").count(), 1);
        assert!(twice.contains("href=\"https://quiz.example/news/oembed.json\""));
        assert!(twice.contains("src=\"./boot.js"));
    }

    #[test]
    fn bad_names_and_urls_are_refused_saying_why() {
        let error = |name, url| {
            EmbedPage {
                base_url: url,
                ..page(name, &[])
            }
            .write(INDEX)
            .err()
            .unwrap()
        };
        assert!(
            error(Some("Aid 5"), "https://quiz.example/").contains("`Aid 5` cannot name a page")
        );
        assert!(error(Some("../x"), "https://quiz.example/").contains("cannot name a page"));
        assert!(error(None, "https://quiz.example").contains("must end with /"));
        assert!(error(None, "quiz.example/").contains("not an http(s) address"));
        let broken = EmbedPage { ..page(None, &[]) }
            .write("<html></html>")
            .err()
            .unwrap();
        assert!(broken.contains("no </head>"));
    }
}
