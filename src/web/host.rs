//! The host page's edge: events out (DOM `CustomEvent`s and `postMessage`), and sizing an iframe.
//!
//! Messages go only to origins that are known: the `host` setting for events; for heights, the
//! parent that greeted the frame (`embed.js`) or the pym.js parent named in the URL. Nothing is
//! ever posted to `*` unless the page set `host=*`.

use crate::events::{HostEvent, EVENT_PREFIX};
use gloo::events::EventListener;
use sourced_core::config::{Config, HostOrigin, PymChild};
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
    last_height: Option<u32>,
}

/// In a frame: report the page's height to the parent whenever it changes, to the origins that
/// asked (embed.js's hello, checked against `host` when set) and to a pym.js parent.
pub fn report_height(config: &Config) {
    if !is_framed() {
        return;
    }
    let targets = Rc::new(RefCell::new(SizeTargets {
        pym: config.pym.clone().filter(|pym| pym.parent_origin.is_some()),
        ..SizeTargets::default()
    }));

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
            let admitted = host.as_ref().is_none_or(|host| host.admits(&origin));
            if !from_parent || !admitted || message_type(&event.data()) != Some("hello") {
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
}

/// `hello` for `{type: "sourced-quiz:hello"}`; `None` for anything that is not ours.
fn message_type(data: &JsValue) -> Option<&'static str> {
    let kind = js_sys::Reflect::get(data, &"type".into())
        .ok()?
        .as_string()?;
    (kind == format!("{EVENT_PREFIX}hello")).then_some("hello")
}
