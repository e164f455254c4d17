//! The browser edges in one place: the URL, `data-` attributes, localStorage, the clock, focus and the console.

use sourced_core::config::View;
use sourced_core::{Progress, QuizSpec};
use web_sys::Storage;

/// Versioned so that a change to the saved shape never misreads an old save.
pub const PROGRESS_KEY: &str = "sourced-quiz:v1:progress";

/// The storage key for widgets configured with this scope (see `Config::storage_scope`).
pub fn progress_key(scope: &str) -> String {
    if scope.is_empty() {
        PROGRESS_KEY.to_string()
    } else {
        format!("{PROGRESS_KEY}:{scope}")
    }
}

/// The element with this id, created at the end of `<body>` if the page has none.
pub fn mount_point(id: &str) -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    if let Some(element) = document.get_element_by_id(id) {
        return Some(element);
    }
    let element = document.create_element("div").ok()?;
    element.set_id(id);
    document.body()?.append_child(&element).ok()?;
    Some(element)
}

/// The page's query parameters, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for entry in js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .flatten()
    {
        let entry: js_sys::Array = entry.into();
        if let (Some(key), Some(value)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((key, value));
        }
    }
    pairs
}

/// An element's `data-` attributes as settings (`data-seed="4"` is `seed=4`), in document order;
/// `data-sourced-quiz` itself only marks the element.
pub fn data_attributes(element: &web_sys::Element) -> Vec<(String, String)> {
    let names = element.get_attribute_names();
    names
        .iter()
        .filter_map(|name| name.as_string())
        .filter_map(|name| {
            let key = name.strip_prefix("data-")?;
            if key == "sourced-quiz" {
                return None;
            }
            let value = element.get_attribute(&name).unwrap_or_default();
            Some((key.to_string(), value))
        })
        .collect()
}

/// This page's address without query or fragment (`https://quiz.example/news/`).
pub fn page_base_url() -> String {
    let location = gloo::utils::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// The address `relative` names from this page, without query or fragment (`../` from
/// `https://quiz.example/classroom/?view=teacher` is `https://quiz.example/`); this page's own
/// if it names none.
pub fn page_relative_url(relative: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match web_sys::Url::new_with_base(relative, &href) {
        Ok(url) => format!("{}{}", url.origin(), url.pathname()),
        Err(_) => page_base_url(),
    }
}

/// Whether this page runs in a frame (an iframe embed on a news site).
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    match window.parent() {
        Ok(Some(parent)) => parent != window,
        _ => false,
    }
}

/// Gives the stand-alone page around the widget the theme the page asked for (`theme=dark`
/// darkened only the widget's column), as `data-theme` on `<html>`, which page.css reads.
pub fn set_page_theme(theme: sourced_core::config::Theme) {
    if theme == sourced_core::config::Theme::Auto {
        return;
    }
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-theme", theme.name());
    }
}

/// Opens the disclosure `selector` names inside the widget that holds `from` (a link's target)
/// and brings it into view: a link to a closed `<details>` jumped to it without opening it, and a
/// fragment link in a shadow root would move the host page.
pub fn open_disclosure(from: &web_sys::Element, selector: &str) {
    let Some(details) = from
        .closest(".sq-widget")
        .ok()
        .flatten()
        .and_then(|widget| widget.query_selector(selector).ok().flatten())
    else {
        return;
    };
    let _ = details.set_attribute("open", "");
    details.scroll_into_view_with_bool(true);
    if let Some(summary) = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(s).ok())
    {
        let _ = summary.focus();
    }
}

/// A fresh seed from the browser's randomness (an edge: the core never draws its own).
pub fn random_seed() -> u64 {
    // Seeds stay below 10^9 so they are short enough to read aloud and type.
    (js_sys::Math::random() * 1e9) as u64
}

/// The link that reproduces this exact quiz on the widget's own page (`base` is its address),
/// started at once for whoever opens it.
pub fn share_link(base: &str, spec: &QuizSpec) -> String {
    format!("{base}?{}&autostart=1", spec.query())
}

/// The link for a class code: the quiz itself, or one of its printable sheets.
pub fn class_link(base: &str, code: &str, view: View) -> String {
    match view {
        View::Quiz => format!("{base}?code={code}"),
        other => format!("{base}?code={code}&view={}", other.name()),
    }
}

/// localStorage, or `None` where the browser forbids it (private mode, sandboxed frames).
fn storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Saved progress, or `None` when there is none or it is unreadable (corrupt, older version).
pub fn load_progress(key: &str) -> Option<Progress> {
    let text = storage()?.get_item(key).ok()??;
    match Progress::from_json(&text) {
        Ok(progress) => Some(progress),
        Err(error) => {
            warn(&format!(
                "sourced-quiz: ignoring unreadable saved progress ({error})"
            ));
            None
        }
    }
}

/// Saves progress; a full or forbidden storage is ignored, since the quiz still works without it.
pub fn save_progress(key: &str, progress: &Progress) {
    if let Some(storage) = storage() {
        if storage.set_item(key, &progress.to_json()).is_err() {
            warn("sourced-quiz: could not save progress (storage full or forbidden)");
        }
    }
}

pub fn clear_progress(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Milliseconds since the epoch, from the browser's clock (the core never reads a clock).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Runs `work` between two performance marks and records it as the measure `name`, for the
/// browser's tools and the benchmark (`performance.getEntriesByName(name)`).
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = gloo::utils::window().performance();
    let start = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    result
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Moves keyboard and screen-reader focus to an element (the new question's heading), without
/// scrolling anything: where the reader looks is `host::keep_in_view`'s
/// business (a focus scroll would move a host page for a widget that autostarted below the fold).
pub fn focus_quietly(node: &yew::NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// A ref whose element gets focus once the component is on the page (a new question's heading,
/// the summary's), without scrolling; with `reveal` (the reader got there) it is kept in view
/// (`host::keep_in_view`). One hook, so the effect is compiled once for every screen that does it.
#[yew::hook]
pub fn use_focus_on_mount(reveal: bool) -> yew::NodeRef {
    let node = yew::use_node_ref();
    {
        let node = node.clone();
        yew::use_effect_with((), move |_| {
            focus_quietly(&node);
            if let (true, Some(element)) = (reveal, node.cast::<web_sys::Element>()) {
                super::host::keep_in_view(&element, super::host::Reveal::Heading);
            }
        });
    }
    node
}

/// Brings an element (the verdict after Check) near the top of the view when it is out of view
/// or in the lower half of it, where on a phone the feedback under it would be below the fold;
/// leaves the page alone otherwise. A little of what is above stays in sight.
pub fn reveal_element(element: &web_sys::Element) {
    let window = gloo::utils::window();
    let top = element.get_bounding_client_rect().top();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if top < 0.0 || top > height * 0.5 {
        window.scroll_by_with_x_and_y(0.0, top - height * 0.15);
    }
}

/// Focuses the first enabled element inside `within` that matches one of `selectors` in turn
/// (an ordering's moved item: its same button, or its other one at the end of the list).
pub fn focus_first_enabled(within: &yew::NodeRef, selectors: &[String]) {
    use wasm_bindgen::JsCast;
    let Some(root) = within.cast::<web_sys::Element>() else {
        return;
    };
    for selector in selectors {
        let found = root
            .query_selector(&format!("{selector}:not([disabled])"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = found {
            let _ = element.focus();
            return;
        }
    }
}

/// Whether keyboard focus fell out of the widget that holds `inside` (its element was disabled
/// or removed): to the page body, or, in a shadow root, out of that root.
pub fn focus_was_lost(inside: &yew::NodeRef) -> bool {
    use wasm_bindgen::JsCast;
    let Some(node) = inside.get() else {
        return false;
    };
    if let Some(shadow) = node.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
        return shadow.active_element().is_none();
    }
    let document = gloo::utils::document();
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}

/// Saves `text` as a file on the reader's device (made in the browser, never uploaded).
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(file_name, &blob);
    }
}

/// Saves `bytes` (a zip package, an XML file) as a file on the teacher's device, byte for byte.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) {
        save_blob(file_name, &blob);
    }
}

/// Hands a blob to the browser as a download named `file_name`.
fn save_blob(file_name: &str, blob: &web_sys::Blob) {
    use wasm_bindgen::JsCast;
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(link) = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard; `done` hears whether it worked.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::JsCast;
    // navigator.clipboard.writeText, looked up at run time: it is absent outside secure contexts.
    let navigator = gloo::utils::window().navigator();
    let write = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|clipboard| {
            let write_text = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
            let write_text = write_text.dyn_into::<js_sys::Function>().ok()?;
            let promise = write_text.call1(&clipboard, &text.into()).ok()?;
            promise.dyn_into::<js_sys::Promise>().ok()
        });
    let Some(promise) = write else {
        done(false);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// ISO 8601 time now, for event timestamps.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Sets a custom property on an element through the CSSOM (allowed under `style-src 'self'`,
/// where a `style` attribute is not).
pub fn set_css_property(node: &yew::NodeRef, name: &str, value: &str) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.style().set_property(name, value);
    }
}
