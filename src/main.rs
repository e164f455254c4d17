//! The browser entry point: mounts the widget (wasm32 only; natively this binary only explains itself).

fn main() {
    #[cfg(target_arch = "wasm32")]
    sourced_quiz::web::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("sourced-quiz is the browser widget: run it with `trunk serve` (see README.md).");
}
