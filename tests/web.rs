//! Browser tests in headless Chromium: the widget mounted into a fresh element, driven through its DOM.
#![cfg(target_arch = "wasm32")]

use sourced_core::config::Config;
use sourced_core::{generate, Body, Progress, QuestionKind, QuizSpec, Response};
use sourced_quiz::web::{effects, App, AppProps, SharedTable, CLASSROOM};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn table() -> Rc<sourced_core::Prepared> {
    Rc::new(sourced_core::Prepared::new(
        sourced_quiz::embedded_table().expect("embedded table"),
    ))
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

fn props(table: &Rc<sourced_core::Prepared>, config: Config) -> AppProps {
    AppProps {
        table: SharedTable(table.clone()),
        config,
        config_errors: Vec::new(),
        saved: None,
        storage: None,
        host: None,
        base_url: String::new(),
        classroom: None,
    }
}

/// The props the classroom's bundle mounts with: its views (teacher, sheets, reading passages).
fn classroom_props(table: &Rc<sourced_core::Prepared>, config: Config) -> AppProps {
    AppProps {
        classroom: Some(&CLASSROOM),
        ..props(table, config)
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
        (_, Response::Number(n)) => Response::Number(
            n.checked_add(sourced_core::Decimal::whole(1000))
                .expect("a small number"),
        ),
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
    let live = first(&root, ".sq-feedback [aria-live=polite]");
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
    // The live region reads out the verdict and the answer, never the quotes and headlines.
    assert!(
        all(&live, "blockquote, cite").is_empty(),
        "{kind:?}: the live region holds only the verdict: {feedback}"
    );
    // Next comes after the feedback, not above it.
    assert_eq!(
        all(&root, "form.sq-card > .sq-feedback ~ button[type=submit]").len(),
        1,
        "{kind:?}: Next follows the feedback"
    );
    check_marks(&root, question, &response);
    let live = first(&root, ".sq-feedback");
    // The author's note on a fact waits behind "More context"; the explanation above it is short.
    let note = question
        .fact_ids
        .first()
        .and_then(|id| table.table().fact(id))
        .and_then(|f| f.note.clone())
        .filter(|_| question.fact_ids.len() == 1);
    if let Some(note) = note {
        assert!(
            !first_text(&live, ".sq-explanation").contains(&note),
            "{kind:?}: the note is in the explanation"
        );
        assert_eq!(
            first_text(&live, ".sq-note p"),
            note,
            "{kind:?}: the note behind More context"
        );
    }
    let quotes = all(&live, "blockquote");
    assert!(!quotes.is_empty(), "{kind:?}: feedback quotes its evidence");
    // Each quote stands in its whole sentence, the quoted words marked.
    assert!(quotes.iter().any(|q| question.quotes.iter().any(|e| {
        q.inner_text() == e.sentence()
            && q.query_selector("mark")
                .unwrap()
                .is_some_and(|m| m.text_content().unwrap() == e.quote)
    })));
    // Every quote cites its source: one citation per figure, each figure one article's quotes.
    let figures = all(&live, "figure.sq-quote");
    assert!(figures
        .iter()
        .all(|f| f.query_selector("figcaption cite").unwrap().is_some()));
    assert_eq!(
        figures
            .iter()
            .map(|f| all(f, "blockquote").len())
            .sum::<usize>(),
        quotes.len(),
        "every quote is in a cited figure"
    );
    // Quotes of one article that follow each other share one figure and one citation.
    let runs = question
        .quotes
        .chunk_by(|a, b| a.source == b.source)
        .count()
        + question
            .context
            .chunk_by(|a, b| a.source == b.source)
            .count();
    assert_eq!(
        figures.len(),
        runs,
        "{kind:?}: one figure per run of one article's quotes"
    );
}

/// After Check the inputs themselves say right and wrong: the answer and the reader's choice
/// among the options, every matching row, every ordering item with its right place.
fn check_marks(root: &Element, question: &sourced_core::Question, response: &Response) {
    let kind = question.kind;
    let marks = |selector: &str| -> Vec<String> {
        all(root, selector).iter().map(|e| e.inner_text()).collect()
    };
    match (&question.body, response) {
        (Body::Choice { options, correct }, Response::Choice(chosen)) => {
            let answer = first(root, ".sq-options .sq-is-answer");
            assert!(
                answer.inner_text().contains(&options[*correct]),
                "{kind:?}: the right option is marked"
            );
            assert!(answer.inner_text().contains('✓'), "{kind:?}: with a ✓");
            if chosen != correct {
                let wrong = first(root, ".sq-options .sq-is-wrong");
                assert!(
                    wrong.inner_text().contains(&options[*chosen]),
                    "{kind:?}: the reader's choice is marked"
                );
                assert!(wrong.inner_text().contains('✗'), "{kind:?}: with a ✗");
            } else {
                assert!(all(root, ".sq-options .sq-is-wrong").is_empty());
            }
        }
        (Body::Matching { .. }, _) | (Body::Ordering { .. }, _) => {
            let selector = if kind == QuestionKind::Matching {
                ".sq-match .sq-tag"
            } else {
                ".sq-order-item .sq-tag"
            };
            let shown = marks(selector);
            let parts = question.parts_right(response);
            assert_eq!(
                shown.len(),
                parts.len(),
                "{kind:?}: one mark per row: {shown:?}"
            );
            for (mark, right) in shown.iter().zip(&parts) {
                assert!(
                    mark.starts_with(if *right { '✓' } else { '✗' }),
                    "{kind:?}: {mark} for a row right: {right}"
                );
            }
            if kind == QuestionKind::Ordering && !question.grade(response) {
                assert!(
                    shown.iter().any(|m| m.contains("Belongs")),
                    "{kind:?}: a wrong item says where it belongs: {shown:?}"
                );
            }
        }
        _ => {}
    }
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
async fn after_a_move_focus_follows_the_moved_item_and_the_move_is_announced() {
    let table = table();
    let root = mount(props(&table, one_question(QuestionKind::Ordering, 7))).await;
    let texts = || -> Vec<String> {
        all(&root, ".sq-order-text")
            .iter()
            .map(|e| e.inner_text())
            .collect()
    };
    let before = texts();
    let down = first(
        &root,
        ".sq-ordering li:first-child button[aria-label^='Move down']",
    );
    down.focus().unwrap();
    click(&down).await;
    assert_eq!(texts()[1], before[0], "the first item moved down");
    // Focus is on the same item's button, now one row lower, so a second Enter moves it again
    // (it stayed on the first row, whose button now moves another event).
    let focused = gloo::utils::document().active_element().expect("focus");
    assert_eq!(
        focused.get_attribute("aria-label").unwrap_or_default(),
        format!("Move down: {}", before[0])
    );
    assert!(first(&root, ".sq-ordering li:nth-child(2)").contains(Some(&focused)));
    let said = first(&root, ".sq-ordering + [role=status]").inner_text();
    assert!(
        said.contains(&before[0]) && said.contains(&format!("2 of {}", before.len())),
        "announced: {said}"
    );
}

#[wasm_bindgen_test]
async fn the_cloze_blank_is_a_word_for_assistive_technology() {
    let table = table();
    let root = mount(props(&table, one_question(QuestionKind::Cloze, 7))).await;
    let passage = first(&root, "blockquote.sq-cloze");
    // Only the drawn underscores are hidden; the blank itself is read as "blank".
    assert_eq!(all(&passage, "[aria-hidden=true]").len(), 1);
    assert_eq!(
        first(&passage, ".sq-blank").inner_text().contains("_____"),
        true
    );
    assert!(!all(&passage, ".sq-blank [aria-hidden=true] + .sq-sr").is_empty());
    let input = first(&root, ".sq-question input[type=text]");
    assert_eq!(input.get_attribute("aria-describedby"), Some(passage.id()));
    let label = first(&root, ".sq-question .sq-entry > span").inner_text();
    assert_ne!(label, "Your answer: blank");
}

/// The score line of the card on screen.
fn score_line(root: &Element) -> String {
    first(root, ".sq-score").inner_text()
}

#[wasm_bindgen_test]
async fn the_score_counts_the_checked_answer_at_every_step() {
    let table = table();
    let config = Config {
        seed: Some(42),
        count: Some(5),
        autostart: true,
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let root = mount(props(&table, config)).await;
    assert_eq!(score_line(&root), "Score: 0 of 0");
    answer(&root, &quiz.questions[0].correct_response()).await;
    // A right first answer is one of one (it read "1 of 0").
    assert_eq!(score_line(&root), "Score: 1 of 1");
    click(&first(&root, "button[type=submit]")).await;
    assert_eq!(score_line(&root), "Score: 1 of 1");
    let second = &quiz.questions[1];
    answer(&root, &wrong(&second.body, &second.correct_response())).await;
    // A wrong one counts at once (it read a perfect "1 of 1").
    assert_eq!(score_line(&root), "Score: 1 of 2");
}

#[wasm_bindgen_test]
async fn the_start_screen_is_one_sentence_and_start_with_the_settings_behind_customise() {
    let table = table();
    let root = mount(props(&table, Config::default())).await;
    // Start is the form's first control; every chip waits in the closed "Customise".
    let controls = all(
        &root,
        "form.sq-start button, form.sq-start input, form.sq-start summary",
    );
    assert_eq!(controls[0].inner_text(), "Start the quiz");
    let customise = first(&root, "form.sq-start details.sq-customise");
    assert!(!customise.has_attribute("open"));
    assert_eq!(
        all(&root, "form.sq-start input").len(),
        all(&customise, "input").len(),
        "every chip is behind Customise"
    );
    // Topics by what they are about.
    let topics: Vec<String> = all(&root, "input[name=sq-topic] + span")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert!(
        topics.contains(&"How it was reported".to_string()),
        "{topics:?}"
    );
    assert!(
        !topics
            .iter()
            .any(|t| ["Related", "Quotes", "Reporting"].contains(&t.as_str())),
        "{topics:?}"
    );
    // No class use unless the page asks for it.
    assert!(
        all(&root, ".sq-join").is_empty(),
        "a newspaper reader gets no class-code box"
    );
    assert!(!text(&root).contains(sourced_quiz::strings::TEACHER_LINK));
    root.remove();
    let classroom = Config {
        classroom: Some(true),
        ..Config::default()
    };
    let root = mount(AppProps {
        base_url: "https://quiz.example/".into(),
        ..props(&table, classroom)
    })
    .await;
    assert_eq!(all(&root, "form.sq-join").len(), 1);
    assert!(text(&root).contains(sourced_quiz::strings::TEACHER_LINK));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_sources_link_opens_the_sources_panel() {
    let table = table();
    let root = mount(props(&table, Config::default())).await;
    let panel = first(&root, "details#sq-sources");
    assert!(!panel.has_attribute("open"));
    click(&first(&root, "a[href='#sq-sources']")).await;
    assert!(
        panel.has_attribute("open"),
        "the link opens the panel it points to"
    );
    root.remove();
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
        elapsed_ms: Vec::new(),
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
    effects::clear_progress(effects::PROGRESS_KEY);
    let config = Config {
        seed: Some(9),
        count: Some(3),
        autostart: true,
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let root = mount(AppProps {
        storage: Some(effects::PROGRESS_KEY.to_string()),
        ..props(&table, config.clone())
    })
    .await;
    answer(&root, &quiz.questions[0].correct_response()).await;
    root.remove();
    let saved = effects::load_progress(effects::PROGRESS_KEY).expect("progress was saved");
    assert_eq!(saved.answers.len(), 1);
    let again = mount(AppProps {
        saved: Some(saved),
        storage: Some(effects::PROGRESS_KEY.to_string()),
        ..props(&table, Config::default())
    })
    .await;
    assert!(
        text(&again).contains("✓ Right."),
        "the feedback of the answered question is back"
    );
    effects::clear_progress(effects::PROGRESS_KEY);
}

#[wasm_bindgen_test]
async fn corrupt_or_old_storage_is_ignored_without_a_crash() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    for junk in ["{not json", r#"{"spec":{"seed":"x"}}"#, r#"{"version":0}"#] {
        storage.set_item(effects::PROGRESS_KEY, junk).unwrap();
        assert_eq!(
            effects::load_progress(effects::PROGRESS_KEY),
            None,
            "{junk}"
        );
    }
    // A save whose answers do not fit its quiz is refused too.
    let spec = QuizSpec::new(1, 2);
    let bogus = Progress {
        spec,
        answers: vec![Response::Choice(0); 9],
        elapsed_ms: Vec::new(),
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
    effects::clear_progress(effects::PROGRESS_KEY);
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
    effects::clear_progress(effects::PROGRESS_KEY);
    let config = Config {
        seed: Some(3),
        count: Some(1),
        kinds: vec![QuestionKind::Cloze],
        autostart: true,
        ..Config::default()
    };
    let root = mount(AppProps {
        storage: Some(effects::PROGRESS_KEY.to_string()),
        ..props(&table, config)
    })
    .await;
    type_text(&root, "half a thought").await;
    root.remove();
    let saved = effects::load_progress(effects::PROGRESS_KEY).expect("the draft was saved");
    assert_eq!(
        saved.draft.as_ref().map(|d| d.text.as_str()),
        Some("half a thought")
    );
    let again = mount(AppProps {
        saved: Some(saved),
        storage: Some(effects::PROGRESS_KEY.to_string()),
        ..props(&table, Config::default())
    })
    .await;
    let input: HtmlInputElement = first(&again, ".sq-question input[type=text]")
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "half a thought");
    effects::clear_progress(effects::PROGRESS_KEY);
}

#[wasm_bindgen_test]
async fn text_from_a_fact_table_is_rendered_as_text_never_as_markup() {
    // A hostile table: markup and script in a prompt, options, explanation, quote and headline.
    let mut table = table().table().clone();
    let evil = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";
    table.sources[0].headline = format!("Headline {evil}");
    let mut quiz = generate(
        &sourced_core::Prepared::new(table.clone()),
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
        table: SharedTable::new(table),
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

/// A host element carrying `data-` settings, with a shadow root and the reader's widget mounted
/// inside it, as `sourced-quiz.js` does; returns the host and the render root.
async fn mount_in_shadow(settings: &[(&str, &str)]) -> (Element, Element) {
    mount_bundle_in_shadow(settings, None).await
}

/// As [`mount_in_shadow`], with the given bundle's `mount` (`Some` for the classroom's).
async fn mount_bundle_in_shadow(
    settings: &[(&str, &str)],
    classroom: Option<&'static sourced_quiz::web::Classroom>,
) -> (Element, Element) {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-sourced-quiz", "").unwrap();
    for (key, value) in settings {
        host.set_attribute(&format!("data-{key}"), value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let root = document.create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    sourced_quiz::web::mount_element(
        host.clone(),
        root.clone(),
        "https://quiz.example/".into(),
        classroom,
    );
    yew::scheduler::flush().await;
    (host, root)
}

/// Records the `detail` of every `sourced-quiz:*` DOM event reaching `target`, as JSON.
fn record_events(
    target: &Element,
) -> (
    Rc<std::cell::RefCell<Vec<serde_json::Value>>>,
    Vec<gloo::events::EventListener>,
) {
    let seen = Rc::new(std::cell::RefCell::new(Vec::new()));
    let listeners = ["ready", "answered", "completed"]
        .into_iter()
        .map(|name| {
            let seen = seen.clone();
            gloo::events::EventListener::new(target, format!("sourced-quiz:{name}"), move |event| {
                let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
                let json: String = js_sys::JSON::stringify(&detail).unwrap().into();
                seen.borrow_mut().push(serde_json::from_str(&json).unwrap());
            })
        })
        .collect();
    (seen, listeners)
}

#[wasm_bindgen_test]
async fn a_script_mount_reads_its_data_attributes_inside_a_shadow_root() {
    let (host, root) = mount_in_shadow(&[
        ("seed", "3"),
        ("count", "2"),
        ("kinds", "true_false"),
        ("autostart", "on"),
        ("persist", "off"),
    ])
    .await;
    let expected = generate(
        &table(),
        &QuizSpec {
            kinds: vec![QuestionKind::TrueFalse],
            ..QuizSpec::new(3, 2)
        },
    );
    assert!(text(&root).contains("Question 1 of 2"), "{}", text(&root));
    assert!(text(&root).contains(&expected.questions[0].prompt));
    assert!(
        host.query_selector(".sq-widget").unwrap().is_none(),
        "the widget lives in the shadow root only"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_data_attribute_is_named_as_the_page_wrote_it() {
    let (host, root) = mount_in_shadow(&[("theme", "blue"), ("count", "5")]).await;
    assert_eq!(
        first(&root, "[role=alert] li").inner_text(),
        "`data-theme=blue` is not valid: data-theme expects light, dark or auto"
    );
    click(&first(&root, "form.sq-start button[type=submit]")).await;
    assert!(
        text(&root).contains("Question 1 of 5"),
        "the rest of the settings still apply"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_readers_bundle_asked_for_a_classroom_view_says_so_and_the_classrooms_shows_it() {
    for settings in [
        &[("view", "teacher")][..],
        &[("view", " key "), ("seed", "3")],
        &[("passage", "2")],
    ] {
        let (host, root) = mount_in_shadow(settings).await;
        assert!(
            text(&root).contains("come with the classroom's files"),
            "{settings:?}: {}",
            text(&root)
        );
        host.remove();
    }
    // The same settings, mounted by the classroom's bundle (as sourced-quiz.js does for them).
    let (host, root) = mount_bundle_in_shadow(&[("view", "teacher")], Some(&CLASSROOM)).await;
    assert!(root
        .query_selector(".sq-teacher .sq-code")
        .unwrap()
        .is_some());
    host.remove();
    let (host, root) =
        mount_bundle_in_shadow(&[("passage", "2"), ("autostart", "on")], Some(&CLASSROOM)).await;
    assert!(root
        .query_selector(".sq-passage blockquote p")
        .unwrap()
        .is_some());
    assert!(root.query_selector(".sq-question").unwrap().is_some());
    host.remove();
    // A widget mounted with the reader's props shows the notice rather than a blank box.
    let table = table();
    let config = Config {
        view: sourced_core::config::View::Worksheet,
        seed: Some(1),
        ..Config::default()
    };
    let root = mount(props(&table, config)).await;
    assert!(first(&root, "[role=alert]")
        .inner_text()
        .contains("come with the classroom's files"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_mount_measures_its_per_table_work_for_the_benchmark() {
    let performance = gloo::utils::window().performance().unwrap();
    let measures = || {
        performance
            .get_entries_by_name(sourced_quiz::web::PREPARE_MEASURE)
            .length()
    };
    let before = measures();
    let (host, _root) = mount_in_shadow(&[("persist", "off")]).await;
    assert_eq!(measures(), before + 1, "one measure per mount");
    host.remove();
}

#[wasm_bindgen_test]
async fn theme_and_accent_reach_the_widget_without_a_style_attribute() {
    let (host, root) = mount_in_shadow(&[("theme", "dark"), ("accent", "#FB0")]).await;
    let widget = first(&root, ".sq-widget");
    assert!(widget
        .class_name()
        .split_whitespace()
        .any(|c| c == "sq-theme-dark"));
    assert_eq!(
        widget.style().get_property_value("--sq-accent").unwrap(),
        "#ffbb00"
    );
    assert_eq!(
        widget.style().get_property_value("--sq-accent-fg").unwrap(),
        "#000000",
        "dark text on a light accent"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn ready_answered_and_completed_are_dispatched_on_the_mount_element() {
    let table = table();
    let spec = QuizSpec::new(11, 2);
    let quiz = generate(&table, &spec);
    let document = gloo::utils::document();
    // Listen on the body: the events bubble out of the host element.
    let (seen, _listeners) = record_events(&document.body().unwrap());
    let (host, root) = mount_in_shadow(&[
        ("seed", "11"),
        ("count", "2"),
        ("autostart", "1"),
        ("persist", "off"),
    ])
    .await;
    host.set_id("quiz-under-test");
    answer(&root, &quiz.questions[0].correct_response()).await;
    click(&first(&root, "button[type=submit]")).await;
    answer(
        &root,
        &wrong(
            &quiz.questions[1].body,
            &quiz.questions[1].correct_response(),
        ),
    )
    .await;
    click(&first(&root, "button[type=submit]")).await;
    assert!(text(&root).contains("Your results"), "{}", text(&root));

    let seen = seen.borrow();
    let kinds: Vec<&str> = seen.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "sourced-quiz:ready",
            "sourced-quiz:answered",
            "sourced-quiz:answered",
            "sourced-quiz:completed"
        ]
    );
    assert_eq!(seen[0]["quiz"], "seed=11&count=2");
    assert_eq!(seen[1]["question"]["correct"], true);
    assert_eq!(
        seen[1]["question"]["prompt"],
        quiz.questions[0].prompt.as_str()
    );
    assert_eq!(seen[2]["question"]["correct"], false);
    assert_eq!(seen[2]["widget"], "quiz-under-test");
    assert_eq!(
        seen[2]["statement"]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/answered"
    );
    assert_eq!(seen[2]["statement"]["result"]["success"], false);
    assert_eq!(
        seen[3]["score"],
        serde_json::json!({ "right": 1, "answered": 2, "total": 2 })
    );
    assert_eq!(seen[3]["statement"]["result"]["score"]["raw"], 1);
    assert_eq!(
        seen[3]["statement"]["object"]["id"],
        "https://quiz.example/?seed=11&count=2"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_resumed_quiz_does_not_repeat_events_it_already_sent() {
    let table = table();
    let spec = QuizSpec::new(5, 2);
    let quiz = generate(&table, &spec);
    let key = effects::progress_key("seed=5&count=2");
    effects::save_progress(
        &key,
        &Progress {
            spec,
            answers: vec![quiz.questions[0].correct_response()],
            elapsed_ms: vec![900],
            showing_feedback: true,
            draft: None,
        },
    );
    let document = gloo::utils::document();
    let (seen, _listeners) = record_events(&document.body().unwrap());
    let (host, root) = mount_in_shadow(&[("seed", "5"), ("count", "2")]).await;
    assert!(
        text(&root).contains("Question 1 of 2"),
        "resumed at the feedback: {}",
        text(&root)
    );
    click(&first(&root, "button[type=submit]")).await;
    let kinds: Vec<String> = seen
        .borrow()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds,
        ["sourced-quiz:ready"],
        "no second `answered` for question 1"
    );
    effects::clear_progress(&key);
    host.remove();
}

/// The teacher's setup page, as linked from https://quiz.example/, starting from quiz number `seed`.
async fn mount_teacher(table: &Rc<sourced_core::Prepared>, seed: u64) -> Element {
    use sourced_core::config::View;
    mount(AppProps {
        base_url: "https://quiz.example/".into(),
        ..classroom_props(
            table,
            Config {
                view: View::Teacher,
                seed: Some(seed),
                ..Config::default()
            },
        )
    })
    .await
}

fn table_topics() -> Vec<sourced_core::Topic> {
    table().table().topics()
}

#[wasm_bindgen_test]
async fn the_teacher_view_gives_a_code_that_stands_for_the_quiz_it_shows() {
    use sourced_core::class_code;
    let table = table();
    let root = mount_teacher(&table, 77).await;
    let code = first(&root, ".sq-code").inner_text().replace(' ', "");
    let spec = class_code::decode(&code, &table_topics()).expect("the shown code decodes");
    assert_eq!(spec.seed, 77);
    assert_eq!(spec.count, 10);
    let links: Vec<String> = all(&root, ".sq-links a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        links,
        [
            format!("https://quiz.example/?code={code}"),
            format!("https://quiz.example/?code={code}&view=worksheet"),
            format!("https://quiz.example/?code={code}&view=key"),
        ]
    );
    // Ticking a topic makes a new code for a smaller quiz, with a seed the code can hold.
    click(&all(&root, ".sq-teacher input[type=checkbox]")[1]).await;
    let code = first(&root, ".sq-code").inner_text().replace(' ', "");
    let spec = class_code::decode(&code, &table_topics()).unwrap();
    assert_eq!(spec.topics, [table_topics()[1].clone()]);
    assert_eq!(spec.seed, 77, "77 fits a subset code, so it is kept");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_class_code_typed_on_the_start_screen_starts_exactly_its_quiz() {
    use sourced_core::class_code;
    let table = table();
    let mut spec = QuizSpec::new(123, 5);
    spec.kinds = vec![QuestionKind::TrueFalse, QuestionKind::MultipleChoice];
    let code = class_code::encode(&spec, &table_topics()).unwrap();
    let expected = generate(&table, &class_code::decode(&code, &table_topics()).unwrap());
    let classroom = Config {
        classroom: Some(true),
        ..Config::default()
    };
    let root = mount(props(&table, classroom)).await;

    // A typo is refused with a message, and no quiz starts.
    let mut typo: Vec<char> = code.chars().collect();
    typo.swap(2, 3);
    let typo: String = typo.into_iter().collect();
    let input: HtmlInputElement = first(&root, ".sq-join input").dyn_into().unwrap();
    input.set_value(if typo == code { "K7MQ" } else { &typo });
    click(&first(&root, ".sq-join button[type=submit]")).await;
    assert!(first(&root, "#sq-code-error")
        .inner_text()
        .starts_with("That class code does not work:"));
    assert!(!text(&root).contains("Question 1 of"));

    input.set_value(&class_code::display(&code).to_lowercase());
    click(&first(&root, ".sq-join button[type=submit]")).await;
    assert!(text(&root).contains("Question 1 of 5"), "{}", text(&root));
    assert!(text(&root).contains(&expected.questions[0].prompt));
    root.remove();
}

#[wasm_bindgen_test]
async fn worksheet_and_answer_key_print_the_same_questions_with_and_without_answers() {
    use sourced_core::config::View;
    let table = table();
    let config = Config {
        seed: Some(4),
        count: Some(10),
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let sheet = mount(classroom_props(
        &table,
        Config {
            view: View::Worksheet,
            ..config.clone()
        },
    ))
    .await;
    let key = mount(classroom_props(
        &table,
        Config {
            view: View::AnswerKey,
            ..config.clone()
        },
    ))
    .await;
    assert_eq!(all(&sheet, ".sq-sheet-question").len(), 10);
    assert_eq!(all(&key, ".sq-sheet-question").len(), 10);
    for question in &quiz.questions {
        assert!(text(&sheet).contains(&question.prompt));
        assert!(text(&key).contains(&question.prompt));
        assert!(text(&key).contains(&question.explanation));
        assert!(
            !text(&sheet).contains(&question.explanation),
            "the worksheet gives nothing away"
        );
        for quote in &question.quotes {
            assert!(text(&key).contains(&quote.quote));
        }
    }
    assert!(text(&sheet).contains("Name:"));
    sheet.remove();
    key.remove();
    // Without a seed or code there is no fixed quiz to print: say so.
    let nothing = mount(classroom_props(
        &table,
        Config {
            view: View::Worksheet,
            ..Config::default()
        },
    ))
    .await;
    assert!(first(&nothing, "[role=alert]")
        .inner_text()
        .contains("needs a class code"));
    nothing.remove();
}

#[wasm_bindgen_test]
async fn the_summary_offers_results_to_keep_and_a_summary_to_paste() {
    let table = table();
    let config = Config {
        seed: Some(8),
        count: Some(1),
        autostart: true,
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let root = mount(props(&table, config)).await;
    answer(&root, &quiz.questions[0].correct_response()).await;
    click(&first(&root, "button[type=submit]")).await;
    // Outside class use the results to keep wait behind a disclosure.
    assert!(!first(&root, ".sq-summary details.sq-keep").has_attribute("open"));
    let buttons: Vec<String> = all(&root, ".sq-summary button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert!(
        buttons.contains(&"Download results (CSV)".to_string()),
        "{buttons:?}"
    );
    assert!(buttons.contains(&"Download results (JSON)".to_string()));
    let paste: web_sys::HtmlTextAreaElement = first(&root, "textarea.sq-paste").dyn_into().unwrap();
    assert_eq!(
        paste.value(),
        "Carney in Kyiv, a sourced quiz: 1 of 1 right\nQuiz: seed=8&count=1\nAnswers: ✓"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_reading_passage_marks_its_highlighted_sentences_and_shows_markup_as_text() {
    use sourced_quiz::web::{ReadingPassage, ReadingPassageProps};
    // The table with a sentence of markup added to the first passage's first paragraph.
    let first = table().passages()[0].clone();
    let mut table = sourced_quiz::embedded_table().unwrap();
    let source = table
        .sources
        .iter_mut()
        .find(|s| s.id == first.source)
        .unwrap();
    let paragraphs: Vec<String> = source.paragraphs().map(String::from).collect();
    let tampered = format!(
        "{} Markup <b>stays</b> <img src=x onerror=alert(1)> text.",
        paragraphs[first.paragraphs.start]
    );
    source.text = source
        .text
        .replacen(&paragraphs[first.paragraphs.start], &tampered, 1);
    let table = Rc::new(sourced_core::Prepared::new(table));
    let index = table
        .passages()
        .iter()
        .position(|p| p.text.contains(&tampered))
        .expect("still a passage");
    let passage = &table.passages()[index];
    let markup = passage
        .sentences
        .iter()
        .find(|s| passage.text[(*s).clone()].contains("<b>"))
        .unwrap()
        .clone();
    let highlights = vec![passage.sentences[0].clone(), markup];

    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = ReadingPassageProps {
        table: SharedTable(table.clone()),
        passage: index,
        highlights: highlights.clone(),
    };
    yew::Renderer::<ReadingPassage>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let marks: Vec<String> = all(&root, ".sq-passage blockquote mark")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    let expected: Vec<String> = highlights
        .iter()
        .map(|r| passage.text[r.clone()].to_string())
        .collect();
    assert_eq!(marks, expected);
    assert!(marks
        .iter()
        .any(|m| m.ends_with("Markup <b>stays</b> <img src=x onerror=alert(1)> text.")));
    assert!(
        root.query_selector(".sq-passage b, .sq-passage img")
            .unwrap()
            .is_none(),
        "markup became elements"
    );
    assert_eq!(
        all(&root, ".sq-passage blockquote p").len(),
        passage.paragraphs.len()
    );
    let source = table.table().source(&passage.source).unwrap();
    assert_eq!(first_text(&root, ".sq-passage cite"), source.headline);
    assert!(text(&root).contains(&source.outlet));
    root.remove();
}

fn first_text(root: &Element, selector: &str) -> String {
    first(root, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_reading_quiz_shows_its_passage_and_marks_each_checked_answer_in_it() {
    let table = table();
    let index = 1;
    let passage = table.passages()[index].clone();
    let config = Config {
        seed: Some(9),
        passage: Some(index),
        autostart: true,
        ..Config::default()
    };
    let quiz = generate(&table, &config.spec(0));
    let root = mount(classroom_props(&table, config)).await;
    // The passage comes before the question, and nothing is marked before an answer.
    let order: Vec<String> = all(&root, ".sq-passage, .sq-question")
        .iter()
        .map(|e| e.class_name())
        .collect();
    assert!(
        order[0].contains("sq-passage") && order.len() == 2,
        "{order:?}"
    );
    assert!(all(&root, ".sq-passage mark").is_empty());
    let mut marked = 0;
    for (i, question) in quiz.questions.iter().enumerate() {
        assert!(text(&root).contains(&question.prompt), "question {i}");
        answer(&root, &question.correct_response()).await;
        let marks: Vec<String> = all(&root, ".sq-passage mark")
            .iter()
            .map(|m| m.text_content().unwrap())
            .collect();
        for sentence in passage.support(question) {
            assert!(
                marks
                    .iter()
                    .any(|m| m.contains(&passage.text[sentence.clone()])),
                "question {i}: {:?} is not marked in {marks:?}",
                &passage.text[sentence]
            );
        }
        assert!(marks.len() >= marked, "marks stay");
        marked = marks.len();
        click(&first(&root, "button[type=submit]")).await;
    }
    // The summary keeps the passage with every answer marked.
    let n = quiz.questions.len();
    assert!(
        text(&root).contains(&format!("You got {n} of {n} right")),
        "{}",
        text(&root)
    );
    assert_eq!(all(&root, ".sq-passage mark").len(), marked);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_teacher_view_shares_a_reading_quiz_by_link_with_its_passage() {
    let table = table();
    let root = mount_teacher(&table, 5).await;
    let select: HtmlSelectElement = first(&root, ".sq-teacher select").dyn_into().unwrap();
    assert_eq!(select.length() as usize, 1 + table.passages().len());
    select.set_value("2");
    fire(select.unchecked_ref(), "change");
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".sq-code").unwrap().is_none(),
        "no class code for a reading quiz"
    );
    let links: Vec<String> = all(&root, ".sq-links a")
        .iter()
        .map(|a| a.get_attribute("href").unwrap())
        .collect();
    assert_eq!(
        links[0],
        "https://quiz.example/?seed=5&count=10&passage=2&autostart=1"
    );
    assert_eq!(
        links[1],
        "https://quiz.example/?seed=5&count=10&passage=2&view=worksheet"
    );
    let asked = generate(
        &table,
        &QuizSpec {
            passage: Some(1),
            ..QuizSpec::new(5, 10)
        },
    )
    .questions
    .len();
    assert!(
        text(&root).contains(&format!("A reading quiz of {asked} questions")),
        "{}",
        text(&root)
    );
    // Topics do not apply to a reading quiz; choosing no passage brings the class code back.
    assert!(all(&root, ".sq-teacher fieldset[disabled]").len() == 1);
    select.set_value("");
    fire(select.unchecked_ref(), "change");
    yew::scheduler::flush().await;
    assert!(root.query_selector(".sq-code").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_start_screen_of_a_reading_quiz_says_so_and_offers_no_topics() {
    let table = table();
    let root = mount(classroom_props(
        &table,
        Config {
            passage: Some(2),
            ..Config::default()
        },
    ))
    .await;
    assert!(
        text(&root).contains("A reading quiz: first you read a passage"),
        "{}",
        text(&root)
    );
    assert!(
        all(&root, "input[name=sq-topic]").is_empty()
            && all(&root, "input[name=sq-length]").is_empty()
    );
    click(&first(&root, "form.sq-start button[type=submit]")).await;
    assert!(
        root.query_selector(".sq-passage").unwrap().is_some(),
        "Start opens the reading quiz"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_teacher_page_draws_a_quiz_number_unless_the_page_gave_one() {
    use sourced_core::config::View;
    let table = table();
    let number = |root: &Element| -> String {
        first(root, ".sq-teacher input[type=number]")
            .unchecked_into::<HtmlInputElement>()
            .value()
    };
    let config = Config {
        view: View::Teacher,
        ..Config::default()
    };
    let (a, b) = (
        mount(classroom_props(&table, config.clone())).await,
        mount(classroom_props(&table, config)).await,
    );
    // Two teachers who keep the drawn number get different quizzes (equal with odds of 1 in 2^30).
    assert_ne!(number(&a), number(&b));
    let given = mount_teacher(&table, 77).await;
    assert_eq!(number(&given), "77");
    for root in [a, b, given] {
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_reading_passage_strikes_a_recorded_error_and_prints_the_correction_beside_it() {
    use sourced_quiz::web::{ReadingPassage, ReadingPassageProps};
    let table = table();
    let index = table
        .passages()
        .iter()
        .position(|p| !p.errata.is_empty())
        .expect("a passage holds a recorded error");
    let passage = &table.passages()[index];
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = ReadingPassageProps {
        table: SharedTable(table.clone()),
        passage: index,
        highlights: Vec::new(),
    };
    yew::Renderer::<ReadingPassage>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let struck: String = all(&root, ".sq-passage .sq-erratum")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    let corrections: Vec<String> = all(&root, ".sq-passage .sq-correction")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(corrections.len(), passage.errata.len());
    for erratum in &passage.errata {
        assert!(struck.contains(&passage.text[erratum.range.clone()].replace('\n', " ")));
        assert!(
            corrections.iter().any(|c| c.contains(&erratum.correct)),
            "no correction `{}` in {corrections:?}",
            erratum.correct
        );
    }
    assert!(text(&root).contains(sourced_quiz::strings::PASSAGE_ERRATA));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_authors_note_waits_behind_more_context() {
    let table = table();
    // The first seed whose one true/false question is about a fact with a note.
    let (config, question) = (0..500)
        .find_map(|seed| {
            let config = one_question(QuestionKind::TrueFalse, seed);
            let question = generate(&table, &config.spec(0)).questions.remove(0);
            let fact = table.table().fact(&question.fact_ids[0])?;
            fact.note.is_some().then_some((config, question))
        })
        .expect("a true/false question about a fact with a note");
    let note = table
        .table()
        .fact(&question.fact_ids[0])
        .unwrap()
        .note
        .clone()
        .unwrap();
    let root = mount(props(&table, config)).await;
    answer(&root, &question.correct_response()).await;
    let feedback = first(&root, ".sq-feedback");
    assert!(!first_text(&feedback, ".sq-explanation").contains(&note));
    assert!(!first_text(&feedback, ".sq-explanation").is_empty());
    let details = first(&feedback, "details.sq-note");
    assert!(!details.has_attribute("open"), "the note starts collapsed");
    assert_eq!(first_text(&feedback, ".sq-note p"), note);
    root.remove();
}
