//! The classroom's bundle's entry points (the teacher's page, sheets for paper, reading quizzes, and every reader's view): `start_page` and `mount`, as in the reader's.
//! (Natively this binary only explains itself.)

#[cfg(target_arch = "wasm32")]
mod entry {
    use sourced_quiz::web::CLASSROOM;
    use wasm_bindgen::prelude::*;

    /// Mounts the widget on the stand-alone page (`#sourced-quiz`), configured by the URL.
    #[wasm_bindgen]
    pub fn start_page() {
        sourced_quiz::web::start_page(Some(&CLASSROOM));
    }

    /// Mounts a widget into `root` for the element `host`, configured by `host`'s `data-`
    /// attributes; `base_url` is where the widget's files live.
    #[wasm_bindgen]
    pub fn mount(host: web_sys::Element, root: web_sys::Element, base_url: String) {
        sourced_quiz::web::mount_element(host, root, base_url, Some(&CLASSROOM));
    }
}

fn main() {
    // Loaders call `start_page` or `mount` themselves, so loading the module mounts nothing.
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("sourced-classroom is the classroom's browser bundle: run it with `trunk serve` (see README.md).");
}
