//! The host page's edge: events out (DOM `CustomEvent`s and `postMessage`), sizing an iframe, and keeping the reader's place in view.
//!
//! Messages go only to origins that are known: the `host` setting for events; for heights, the
//! parent that greeted the frame (`embed.js`), the pym.js parent named in the URL, or the
//! WordPress page whose `wp-embed` script framed it (its origin as the browser reports it, with
//! the secret WordPress put in the address). Nothing is ever posted to `*` unless the page set
//! `host=*`.

use crate::events::{HostEvent, EVENT_PREFIX};
use gloo::events::EventListener;
use sourced_core::config::{url_origin, wordpress_secret, Config, HostOrigin, PymChild};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, MessageEvent, Window};

/// Where the widget's events go: its mount element, and the host origin if one was configured.
#[derive(Clone)]
pub struct HostLink {
    element: Element,
    post_to: Option<HostOrigin>,
}

impl PartialEq for HostLink {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element && self.post_to == other.post_to
    }
}

impl HostLink {
    pub fn new(element: Element, config: &Config) -> HostLink {
        HostLink {
            element,
            post_to: config.host.clone(),
        }
    }

    /// The mount element's id, naming this widget in its events.
    pub fn widget_id(&self) -> String {
        self.element.id()
    }

    /// Dispatches `event` on the mount element and posts it to the configured host origin.
    pub fn emit(&self, event: &HostEvent) {
        let Ok(detail) = js_sys::JSON::parse(&event.to_json()) else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        // Crosses the shadow root of a script-mounted widget, so the host page can listen.
        init.set_composed(true);
        if let Ok(dom_event) = CustomEvent::new_with_event_init_dict(&event.kind, &init) {
            let _ = self.element.dispatch_event(&dom_event);
        }
        if let Some(origin) = &self.post_to {
            let _ = host_window().post_message(&detail, origin.target());
        }
    }
}

/// The window that embeds this one: the parent frame, or this window for a script-mounted widget.
fn host_window() -> Window {
    let window = gloo::utils::window();
    match window.parent() {
        Ok(Some(parent)) if parent != window => parent,
        _ => window,
    }
}

/// Whether this page is inside a frame.
pub fn is_framed() -> bool {
    let window = gloo::utils::window();
    matches!(window.parent(), Ok(Some(parent)) if parent != window)
}

/// The origins this frame reports its height to.
#[derive(Default)]
struct SizeTargets {
    /// Parents that greeted us with `sourced-quiz:hello` (embed.js), by origin.
    greeted: Vec<String>,
    pym: Option<PymChild>,
    wordpress: Option<WordPress>,
    last_height: Option<u32>,
    /// What to bring into view once the pym.js parent has said where the frame is (top and
    /// bottom in the frame's document, CSS px).
    pending_reveal: Option<(f64, f64)>,
}

/// A WordPress embed: the secret from the frame's address, and the framing page's origin.
struct WordPress {
    secret: String,
    origin: String,
}

thread_local! {
    /// This frame's size targets, once `report_height` has run (one page per frame).
    static TARGETS: RefCell<Option<Rc<RefCell<SizeTargets>>>> = const { RefCell::new(None) };
}

/// The WordPress embed this frame is, if its address carries WordPress's `#?secret=` and the
/// browser says who framed it: the parent's origin (`location.ancestorOrigins`, Chromium and
/// Safari) or else the referrer's. A sandboxed frame has an opaque origin of its own, but the
/// page around it does not, so heights still go to exactly one origin.
fn wordpress_target() -> Option<WordPress> {
    let window = gloo::utils::window();
    let location = window.location();
    let secret = wordpress_secret(&location.hash().ok()?)?;
    let ancestor = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .filter(|list| list.is_object())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|origin| origin.as_string());
    let origin = ancestor
        .and_then(|origin| url_origin(&origin))
        .or_else(|| url_origin(&gloo::utils::document().referrer()))?;
    Some(WordPress { secret, origin })
}

/// Until the reader first acts in it, a frame keeps at least the height its page gave it, so that
/// nothing on the host page moves when the widget starts (the snippets reserve that height); the
/// first press or key lets it fit its content, a change the browser counts as caused by the reader.
fn hold_reserved_height() {
    let window = gloo::utils::window();
    let Some(body) = gloo::utils::document().body() else {
        return;
    };
    let reserved = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if reserved <= 0.0 {
        return;
    }
    let _ = body
        .style()
        .set_property("min-height", &format!("{}px", reserved.floor() as i64));
    let release = Rc::new(RefCell::new(Vec::<EventListener>::new()));
    for kind in ["pointerdown", "keydown"] {
        let (body, all) = (body.clone(), release.clone());
        let options = gloo::events::EventListenerOptions::run_in_capture_phase();
        let listener = EventListener::new_with_options(&window, kind, options, move |_| {
            let _ = body.style().remove_property("min-height");
            // Dropping the listeners removes them: the hold ends once.
            all.borrow_mut().clear();
        });
        release.borrow_mut().push(listener);
    }
}

/// In a frame: report the page's height to the parent whenever it changes, to the origins that
/// asked (embed.js's hello, checked against `host` when set) and to a pym.js parent.
pub fn report_height(config: &Config) {
    if !is_framed() {
        return;
    }
    hold_reserved_height();
    let targets = Rc::new(RefCell::new(SizeTargets {
        pym: config.pym.clone().filter(|pym| pym.parent_origin.is_some()),
        wordpress: wordpress_target(),
        ..SizeTargets::default()
    }));
    TARGETS.with(|slot| *slot.borrow_mut() = Some(targets.clone()));

    let host = config.host.clone();
    let greetings = {
        let targets = targets.clone();
        EventListener::new(&gloo::utils::window(), "message", move |event| {
            let Some(event) = event.dyn_ref::<MessageEvent>() else {
                return;
            };
            // Compared as plain values: the parent's window is from another realm, so an
            // `instanceof Window` check (dyn_into) would always fail on it.
            let parent: JsValue = host_window().into();
            let from_parent = event
                .source()
                .is_some_and(|source| JsValue::from(source) == parent);
            let origin = event.origin();
            if !from_parent {
                return;
            }
            let data = event.data();
            if wordpress_ready(&targets, &data, &origin) || pym_position(&targets, &data, &origin) {
                return;
            }
            let admitted = host.as_ref().is_none_or(|host| host.admits(&origin));
            if !admitted || message_type(&data) != Some("hello") {
                return;
            }
            {
                let mut targets = targets.borrow_mut();
                if !targets.greeted.contains(&origin) {
                    targets.greeted.push(origin);
                }
                // Answer at once, so the frame is sized even if nothing changes afterwards.
                targets.last_height = None;
            }
            post_height(&targets);
        })
    };
    greetings.forget();

    let on_resize = {
        let targets = targets.clone();
        Closure::<dyn FnMut()>::new(move || post_height(&targets))
    };
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        gloo::utils::document().body(),
    ) {
        observer.observe(&body);
    }
    // The observer and its callback live as long as the page.
    on_resize.forget();
    // WordPress clips the frame until it first hears from it, and Chromium does not run the
    // rendering steps (so no ResizeObserver) of a hidden cross-origin frame: the first heights
    // go out on timers, once the widget has rendered.
    if targets.borrow().wordpress.is_some() {
        for delay in [0, 250, 1000] {
            let targets = targets.clone();
            gloo::timers::callback::Timeout::new(delay, move || post_height(&targets)).forget();
        }
    }
}

/// The page's content height in CSS pixels (the body has no margin, see page.css).
fn content_height() -> u32 {
    gloo::utils::document()
        .body()
        .map(|body| body.get_bounding_client_rect().height().ceil() as u32)
        .unwrap_or(0)
}

fn post_height(targets: &Rc<RefCell<SizeTargets>>) {
    let height = content_height();
    let mut targets = targets.borrow_mut();
    if targets.last_height == Some(height) {
        return;
    }
    targets.last_height = Some(height);
    let parent = host_window();
    if !targets.greeted.is_empty() {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &"type".into(),
            &format!("{EVENT_PREFIX}resize").into(),
        );
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        for origin in &targets.greeted {
            let _ = parent.post_message(&message, origin);
        }
    }
    if let Some(pym) = &targets.pym {
        if let Some(origin) = &pym.parent_origin {
            let _ = parent.post_message(&pym.height_message(height).into(), origin);
        }
    }
    if let Some(wordpress) = &targets.wordpress {
        // wp-embed's own format; it caps the frame at 1000 px, past which this page scrolls.
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &"secret".into(),
            &wordpress.secret.as_str().into(),
        );
        let _ = js_sys::Reflect::set(&message, &"message".into(), &"height".into());
        let _ = js_sys::Reflect::set(&message, &"value".into(), &height.into());
        let _ = parent.post_message(&message, &wordpress.origin);
    }
}

/// wp-embed's `{message: "ready", secret}` (sent when the WordPress page has loaded, maybe after
/// our first height): answered with the height at once. True if it was that message.
fn wordpress_ready(targets: &Rc<RefCell<SizeTargets>>, data: &JsValue, origin: &str) -> bool {
    let field = |name: &str| {
        js_sys::Reflect::get(data, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let ready = {
        let mut targets = targets.borrow_mut();
        let Some(wordpress) = &targets.wordpress else {
            return false;
        };
        let ready = data.is_object()
            && wordpress.origin == origin
            && field("message").as_deref() == Some("ready")
            && field("secret").as_deref() == Some(wordpress.secret.as_str());
        if ready {
            targets.last_height = None;
        }
        ready
    };
    if ready {
        post_height(targets);
    }
    ready
}

/// pym.js's answer to `parentPositionInfo` (`…xPYMxviewport-iframe-positionxPYMx<width> <height>
/// <top> <left> <bottom> <right>`): if what is waiting to be seen is outside the host's viewport,
/// asks pym to scroll the least that shows it (`scrollToChildPos` puts a child offset at the top).
fn pym_position(targets: &Rc<RefCell<SizeTargets>>, data: &JsValue, origin: &str) -> bool {
    let Some(text) = data.as_string() else {
        return false;
    };
    let mut targets = targets.borrow_mut();
    let Some(pym) = targets.pym.clone() else {
        return false;
    };
    let prefix = format!("pymxPYMx{}xPYMxviewport-iframe-positionxPYMx", pym.id);
    let Some(payload) = text.strip_prefix(&prefix) else {
        return false;
    };
    if pym.parent_origin.as_deref() != Some(origin) {
        return true;
    }
    // Read without f64::from_str, and positions written as whole numbers: the widget carries no
    // float parsing or formatting (issue 15).
    let numbers: Vec<f64> = payload
        .split(' ')
        .filter_map(|n| sourced_core::Decimal::parse(n).map(sourced_core::Decimal::to_f64))
        .collect();
    let (Some((top, bottom)), [_, viewport, frame_top, ..]) =
        (targets.pending_reveal.take(), numbers.as_slice())
    else {
        return true;
    };
    if let Some(offset) = nearest_scroll(frame_top + top, frame_top + bottom, *viewport) {
        // pym scrolls its container's top plus this child offset to the top of the view.
        let position = (offset - frame_top).round() as i64;
        let message = format!("pymxPYMx{}xPYMxscrollToChildPosxPYMx{position}", pym.id);
        let _ = host_window().post_message(&message.into(), origin);
    }
    true
}

/// How far to scroll a view `viewport` px tall so that the span from `top` to `bottom` (in the
/// view's coordinates) is in it, the least distance, with a small margin; `None` when it already is.
fn nearest_scroll(top: f64, bottom: f64, viewport: f64) -> Option<f64> {
    const MARGIN: f64 = 16.0;
    if top >= 0.0 && bottom <= viewport {
        return None;
    }
    if top < 0.0 || bottom - top > viewport - 2.0 * MARGIN {
        Some(top - MARGIN)
    } else {
        Some(bottom - viewport + MARGIN)
    }
}

/// What the reader should see after acting: the verdict after Check, the new question's heading after Next.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    Verdict,
    Heading,
}

/// Brings `element` into the reader's view after Check or Next, moving the host page only when it
/// is out of view: a script mount scrolls its own page (`block: "nearest"`); a frame asks its
/// parent (embed.js, or pym.js's `scrollToChildPos`), having reported its new height first, or
/// else scrolls inside itself (a WordPress frame taller than its 1000 px cap); the stand-alone
/// page keeps the verdict in the upper half of a phone's screen.
pub fn keep_in_view(element: &Element, what: Reveal) {
    let in_shadow = element
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .is_some();
    if in_shadow || !is_framed() {
        match what {
            Reveal::Verdict if !in_shadow => super::effects::reveal_element(element),
            _ => scroll_nearest(element),
        }
        return;
    }
    let Some(targets) = TARGETS.with(|slot| slot.borrow().clone()) else {
        scroll_nearest(element);
        return;
    };
    // The parent must size the frame before it works out where the element is.
    post_height(&targets);
    let rect = element.get_bounding_client_rect();
    let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
    let (top, bottom) = (rect.top() + scrolled, rect.bottom() + scrolled);
    let mut targets = targets.borrow_mut();
    if !targets.greeted.is_empty() {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &message,
            &"type".into(),
            &format!("{EVENT_PREFIX}scroll").into(),
        );
        let _ = js_sys::Reflect::set(&message, &"top".into(), &top.into());
        let _ = js_sys::Reflect::set(&message, &"bottom".into(), &bottom.into());
        for origin in &targets.greeted {
            let _ = host_window().post_message(&message, origin);
        }
    } else if let Some(PymChild {
        id,
        parent_origin: Some(origin),
    }) = targets.pym.clone()
    {
        targets.pending_reveal = Some((top, bottom));
        let message = format!("pymxPYMx{id}xPYMxparentPositionInfoxPYMx");
        let _ = host_window().post_message(&message.into(), &origin);
    } else {
        scroll_nearest(element);
    }
}

/// `element.scrollIntoView({block: "nearest"})`: no scrolling at all when it is in view.
fn scroll_nearest(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// `hello` for `{type: "sourced-quiz:hello"}`; `None` for anything that is not ours.
fn message_type(data: &JsValue) -> Option<&'static str> {
    let kind = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    (kind == format!("{EVENT_PREFIX}hello")).then_some("hello")
}
