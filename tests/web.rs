//! Browser tests in headless Chromium: the widget mounted into a fresh element, driven through its DOM.
#![cfg(target_arch = "wasm32")]

use sourced_core::config::Config;
use sourced_core::{generate, Body, Progress, QuestionKind, QuizSpec, Response};
use sourced_quiz::web::{effects, App, AppProps, SharedTable};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn table() -> Rc<sourced_core::FactTable> {
    Rc::new(sourced_quiz::embedded_table().expect("embedded table"))
}

/// Mounts the widget with these props into a fresh element and waits for it to render.
async fn mount(props: AppProps) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn props(table: &Rc<sourced_core::FactTable>, config: Config) -> AppProps {
    AppProps {
        table: SharedTable(table.clone()),
        config,
        config_errors: Vec::new(),
        saved: None,
        persist: false,
    }
}

fn one_question(kind: QuestionKind, seed: u64) -> Config {
    Config {
        seed: Some(seed),
        count: Some(1),
        kinds: vec![kind],
        autostart: true,
        ..Config::default()
    }
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn first(root: &Element, selector: &str) -> HtmlElement {
    all(root, selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing matches `{selector}`"))
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn fire(target: &HtmlElement, name: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict(name, &init).unwrap())
        .unwrap();
}

async fn click(element: &HtmlElement) {
    element.click();
    yew::scheduler::flush().await;
}

/// Enters `response` through the card's inputs, the way a person would.
async fn answer(root: &Element, response: &Response) {
    match response {
        Response::Choice(i) => click(&all(root, ".sq-question input[type=radio]")[*i]).await,
        Response::Number(n) => type_text(root, &n.to_string()).await,
        Response::Text(t) => type_text(root, t).await,
        Response::Pairs(pairs) => {
            for (select, right) in all(root, ".sq-matching select").iter().zip(pairs) {
                let select: &HtmlSelectElement = select.unchecked_ref();
                select.set_value(&right.to_string());
                fire(select.unchecked_ref(), "change");
                yew::scheduler::flush().await;
            }
        }
        Response::Order(order) => {
            // Move each wanted item up into place with the "Move up" buttons.
            let items: Vec<String> = all(root, ".sq-order-item > span:first-child")
                .iter()
                .map(|e| e.inner_text())
                .collect();
            for (position, &wanted) in order.iter().enumerate() {
                loop {
                    let shown: Vec<String> = all(root, ".sq-order-item > span:first-child")
                        .iter()
                        .map(|e| e.inner_text())
                        .collect();
                    let at = shown.iter().position(|s| *s == items[wanted]).unwrap();
                    if at == position {
                        break;
                    }
                    click(
                        &all(root, ".sq-order-item")[at]
                            .query_selector("button")
                            .unwrap()
                            .unwrap()
                            .dyn_into()
                            .unwrap(),
                    )
                    .await;
                }
            }
        }
    }
    click(&first(root, "button[type=submit]")).await;
}

async fn type_text(root: &Element, value: &str) {
    let input: HtmlInputElement = first(root, ".sq-question input[type=text]")
        .dyn_into()
        .unwrap();
    input.set_value(value);
    fire(input.unchecked_ref(), "input");
    yew::scheduler::flush().await;
}

/// A response that is wrong for the question.
fn wrong(body: &Body, right: &Response) -> Response {
    match (body, right) {
        (Body::Choice { options, correct }, _) => Response::Choice((correct + 1) % options.len()),
        (_, Response::Number(n)) => Response::Number(n * 3.0 + 7.0),
        (_, Response::Text(_)) => Response::Text("Winnipeg".into()),
        (_, Response::Pairs(pairs)) => Response::Pairs(pairs.iter().rev().copied().collect()),
        (_, Response::Order(order)) => Response::Order(order.iter().rev().copied().collect()),
        _ => unreachable!(),
    }
}

/// Takes a one-question quiz of `kind` answering right or wrong, and checks the feedback.
async fn check_kind(kind: QuestionKind, right: bool) {
    let table = table();
    let config = one_question(kind, 7);
    let quiz = generate(&table, &config.spec(0));
    let question = &quiz.questions[0];
    assert_eq!(question.kind, kind);
    let root = mount(props(&table, config)).await;
    assert!(
        text(&root).contains(&question.prompt),
        "the card shows the prompt"
    );
    let correct = question.correct_response();
    let response = if right {
        correct.clone()
    } else {
        wrong(&question.body, &correct)
    };
    answer(&root, &response).await;
    let live = first(&root, "[aria-live=polite]");
    let feedback = text(&live);
    let verdict = if right {
        "✓ Right."
    } else {
        "✗ Not quite."
    };
    assert!(
        feedback.contains(verdict),
        "{kind:?}: expected {verdict} in {feedback}"
    );
    assert!(
        feedback.contains(&question.answer_text),
        "{kind:?}: the answer is shown"
    );
    let quotes = all(&live, "blockquote");
    assert!(!quotes.is_empty(), "{kind:?}: feedback quotes its evidence");
    assert!(quotes
        .iter()
        .any(|q| question.quotes.iter().any(|e| q.inner_text() == e.quote)));
    assert_eq!(
        all(&live, "figcaption cite").len(),
        quotes.len(),
        "every quote cites its source"
    );
}

macro_rules! kind_tests {
    ($($name:ident: $kind:expr),*) => {$(
        mod $name {
            use super::*;
            #[wasm_bindgen_test]
            async fn right() { check_kind($kind, true).await }
            #[wasm_bindgen_test]
            async fn wrong() { check_kind($kind, false).await }
        }
    )*};
}

kind_tests! {
    multiple_choice: QuestionKind::MultipleChoice,
    true_false: QuestionKind::TrueFalse,
    numeric: QuestionKind::Numeric,
    cloze: QuestionKind::Cloze,
    who_said: QuestionKind::WhoSaid,
    matching: QuestionKind::Matching,
    ordering: QuestionKind::Ordering,
    source_check: QuestionKind::SourceCheck
}

#[wasm_bindgen_test]
async fn start_screen_leads_to_a_question_after_a_click() {
    let table = table();
    let root = mount(props(&table, Config::default())).await;
    assert!(text(&root).contains(sourced_quiz::strings::TITLE));
    click(&first(&root, "form.sq-start button[type=submit]")).await;
    assert!(text(&root).contains("Question 1 of 10"), "{}", text(&root));
    assert_eq!(all(&root, "fieldset.sq-question > legend").len(), 1);
}

#[wasm_bindgen_test]
async fn resume_after_remount_comes_back_to_the_same_question() {
    let table = table();
    let spec = QuizSpec::new(42, 5);
    let quiz = generate(&table, &spec);
    let answers = vec![
        quiz.questions[0].correct_response(),
        quiz.questions[1].correct_response(),
    ];
    let saved = Progress {
        spec,
        answers,
        showing_feedback: false,
        draft: None,
    };
    let root = mount(AppProps {
        saved: Some(saved),
        ..props(&table, Config::default())
    })
    .await;
    assert!(text(&root).contains("Question 3 of 5"), "{}", text(&root));
    assert!(text(&root).contains("Score: 2 of 2"));
    assert!(text(&root).contains(&quiz.questions[2].prompt));
}

#[wasm_bindgen_test]
async fn progress_survives_a_remount_through_local_storage() {
    let table = table();
    effects::clear_progress();
    let config = Config {
        seed: Some(9),
        count: Some(3),
        autostart: true,
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let root = mount(AppProps {
        persist: true,
        ..props(&table, config.clone())
    })
    .await;
    answer(&root, &quiz.questions[0].correct_response()).await;
    root.remove();
    let saved = effects::load_progress().expect("progress was saved");
    assert_eq!(saved.answers.len(), 1);
    let again = mount(AppProps {
        saved: Some(saved),
        persist: true,
        ..props(&table, Config::default())
    })
    .await;
    assert!(
        text(&again).contains("✓ Right."),
        "the feedback of the answered question is back"
    );
    effects::clear_progress();
}

#[wasm_bindgen_test]
async fn corrupt_or_old_storage_is_ignored_without_a_crash() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    for junk in ["{not json", r#"{"spec":{"seed":"x"}}"#, r#"{"version":0}"#] {
        storage.set_item(effects::PROGRESS_KEY, junk).unwrap();
        assert_eq!(effects::load_progress(), None, "{junk}");
    }
    // A save whose answers do not fit its quiz is refused too.
    let spec = QuizSpec::new(1, 2);
    let bogus = Progress {
        spec,
        answers: vec![Response::Choice(0); 9],
        showing_feedback: false,
        draft: None,
    };
    let root = mount(AppProps {
        saved: Some(bogus),
        ..props(&table(), Config::default())
    })
    .await;
    assert!(
        text(&root).contains(sourced_quiz::strings::START),
        "the start screen shows instead"
    );
    effects::clear_progress();
}

#[wasm_bindgen_test]
fn the_golden_quiz_is_identical_in_wasm32() {
    let table = table();
    let quiz = generate(&table, &QuizSpec::new(42, 10));
    let json = serde_json::to_string_pretty(&quiz).unwrap();
    assert_eq!(json.trim(), include_str!("golden/quiz-seed-42.json").trim());
}

#[wasm_bindgen_test]
async fn a_configured_seed_is_used_by_start_even_when_it_is_zero() {
    let table = table();
    let config = Config {
        seed: Some(0),
        count: Some(5),
        ..Config::default()
    };
    let expected = generate(&table, &config.spec(0));
    let root = mount(props(&table, config)).await;
    click(&first(&root, "form.sq-start button[type=submit]")).await;
    assert!(
        text(&root).contains(&expected.questions[0].prompt),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn a_bad_configuration_is_shown_by_key_and_the_start_screen_still_works() {
    let table = table();
    let errors = vec![
        "`count=0` is not valid: count expects a number of questions from 1 to 50".to_string(),
    ];
    let root = mount(AppProps {
        config_errors: errors.clone(),
        ..props(&table, Config::default())
    })
    .await;
    assert_eq!(first(&root, "[role=alert] li").inner_text(), errors[0]);
    click(&first(&root, "form.sq-start button[type=submit]")).await;
    assert!(text(&root).contains("Question 1 of 10"));
}

#[wasm_bindgen_test]
async fn an_answer_typed_but_not_checked_survives_a_remount() {
    let table = table();
    effects::clear_progress();
    let config = Config {
        seed: Some(3),
        count: Some(1),
        kinds: vec![QuestionKind::Cloze],
        autostart: true,
        ..Config::default()
    };
    let root = mount(AppProps {
        persist: true,
        ..props(&table, config)
    })
    .await;
    type_text(&root, "half a thought").await;
    root.remove();
    let saved = effects::load_progress().expect("the draft was saved");
    assert_eq!(
        saved.draft.as_ref().map(|d| d.text.as_str()),
        Some("half a thought")
    );
    let again = mount(AppProps {
        saved: Some(saved),
        persist: true,
        ..props(&table, Config::default())
    })
    .await;
    let input: HtmlInputElement = first(&again, ".sq-question input[type=text]")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "half a thought");
    effects::clear_progress();
}

#[wasm_bindgen_test]
async fn text_from_a_fact_table_is_rendered_as_text_never_as_markup() {
    // A hostile table: markup and script in a prompt, options, explanation, quote and headline.
    let mut table = (*table()).clone();
    let evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    table.sources[0].headline = format!("Headline {evil}");
    let mut quiz = generate(
        &table,
        &QuizSpec {
            kinds: vec![QuestionKind::MultipleChoice],
            ..QuizSpec::new(5, 1)
        },
    );
    let question = &mut quiz.questions[0];
    question.prompt = format!("Prompt {evil}");
    question.explanation = format!("Explanation {evil}");
    question.quotes[0].quote = format!("Quote {evil}");
    question.quotes[0].source = table.sources[0].id.clone();
    if let Body::Choice { options, .. } = &mut question.body {
        options[0] = format!("Option {evil}");
    }
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::document()
        .body()
        .unwrap()
        .append_child(&root)
        .unwrap();
    let props = sourced_quiz::web::FeedbackProps {
        question: question.clone(),
        response: Response::Choice(0),
        table: SharedTable(Rc::new(table)),
    };
    yew::Renderer::<sourced_quiz::web::Feedback>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("script, img").unwrap().is_none(),
        "markup became elements"
    );
    assert!(
        text(&root).contains("Explanation <img src=x"),
        "{}",
        text(&root)
    );
    assert!(text(&root).contains("Quote <img src=x"));
    assert!(text(&root).contains("Headline <img src=x"));
    let pwned = js_sys::Reflect::get(&gloo::utils::window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}
