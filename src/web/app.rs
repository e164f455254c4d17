//! The root component: one reducer holding the start-screen choices and the quiz session.

use super::effects;
use super::host::HostLink;
use super::question_card::QuestionCard;
use super::sources_panel::SourcesPanel;
use super::start_screen::StartScreen;
use super::summary::Summary;
use super::{Classroom, SharedTable};
use crate::events::EventContext;
use crate::strings;
use sourced_core::config::{text_on, Config, Theme, View};
use sourced_core::{Action, Difficulty, Progress, QuizSpec, Session, Topic};
use std::rc::Rc;
use yew::prelude::*;

/// What the page gives the widget: the table, its configuration and any saved progress.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub table: SharedTable,
    #[prop_or_default]
    pub config: Config,
    /// Configuration values that could not be used, as messages naming the key.
    #[prop_or_default]
    pub config_errors: Vec<String>,
    #[prop_or_default]
    pub saved: Option<Progress>,
    /// The localStorage key progress is kept under; `None` keeps nothing (`persist=off`).
    #[prop_or_default]
    pub storage: Option<String>,
    /// Where events go: the mount element and the host origin; `None` sends none.
    #[prop_or_default]
    pub host: Option<HostLink>,
    /// The widget's address without query, the base of the activity ids in its events.
    #[prop_or_default]
    pub base_url: String,
    /// The classroom's views (teacher's page, sheets, reading passages); `None` in the reader's
    /// bundle, which says that such a view needs the classroom's.
    #[prop_or_default]
    pub classroom: Option<&'static Classroom>,
}

/// The widget's state: the choices on the start screen and the quiz being taken, if any.
#[derive(Clone, PartialEq)]
pub struct Model {
    pub table: SharedTable,
    pub setup: QuizSpec,
    pub session: Option<Session>,
    /// The class code of the quiz being taken, if it came from one.
    pub class_code: Option<String>,
    /// Whether the reader has done anything yet: until then (a resumed or autostarted quiz) the
    /// widget never moves the host page.
    pub reader_acted: bool,
}

/// Everything a person can do, as named actions.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    SetCount(usize),
    SetDifficulty(Option<Difficulty>),
    ToggleTopic(Topic),
    /// Start the quiz set up on the start screen, with this seed.
    Start {
        seed: u64,
    },
    /// An action on the quiz being taken.
    Quiz(Action),
    /// The same settings with a new seed.
    NewSet {
        seed: u64,
    },
    /// Start the quiz a class code stands for.
    Join {
        spec: QuizSpec,
        code: String,
    },
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut model = (*self).clone();
        model.reader_acted = true;
        match msg {
            Msg::SetCount(count) => model.setup.count = count,
            Msg::SetDifficulty(difficulty) => model.setup.difficulty = difficulty,
            Msg::ToggleTopic(topic) => match model.setup.topics.iter().position(|t| *t == topic) {
                Some(i) => {
                    model.setup.topics.remove(i);
                }
                None => model.setup.topics.push(topic),
            },
            Msg::Join { spec, code } => {
                model.setup = spec.clone();
                model.class_code = Some(code);
                model.session = Some(Session::new(model.table.prepared(), spec));
            }
            Msg::Start { seed } => {
                model.class_code = None;
                model.setup.seed = seed;
                model.session = Some(Session::new(model.table.prepared(), model.setup.clone()));
            }
            Msg::NewSet { seed } => {
                let spec = QuizSpec {
                    seed,
                    ..model
                        .session
                        .as_ref()
                        .map_or(model.setup.clone(), |s| s.progress.spec.clone())
                };
                model.setup = spec.clone();
                model.class_code = None;
                model.session = Some(Session::new(model.table.prepared(), spec));
            }
            Msg::Quiz(action) => {
                if let Some(session) = model.session.as_mut() {
                    session.apply(action);
                }
            }
        }
        Rc::new(model)
    }
}

impl Model {
    /// The initial state for these props: resumed progress, an autostarted quiz, or the start screen.
    pub fn from_props(props: &AppProps) -> Model {
        let table = props.table.clone();
        let setup = props.config.spec(props.config.seed.unwrap_or(0));
        let resumed = props
            .saved
            .clone()
            .and_then(|progress| Session::resume(table.prepared(), progress));
        // A class code starts its quiz at once, like autostart; a bad setting never starts one.
        let starts = props.config.autostart || props.config.class_code.is_some();
        let session = resumed.or_else(|| {
            (starts && props.config_errors.is_empty() && props.config.view == View::Quiz)
                .then(|| Session::new(table.prepared(), setup.clone()))
        });
        let class_code = props
            .config
            .class_code
            .clone()
            .filter(|_| session.as_ref().is_some_and(|s| s.progress.spec == setup));
        let setup = session.as_ref().map_or(setup, |s| s.progress.spec.clone());
        Model {
            table,
            setup: QuizSpec {
                count: setup.count.max(1),
                ..setup
            },
            session,
            class_code,
            reader_acted: false,
        }
    }
}

/// A reading quiz's passage, from the classroom's bundle; nothing for other quizzes.
fn reading_passage(props: &AppProps, table: &SharedTable, session: &Session) -> Html {
    match props.classroom {
        Some(classroom) => (classroom.passage)(table, session),
        None => Html::default(),
    }
}

/// The widget: start screen, then one question at a time with feedback, then the summary.
#[component]
pub fn App(props: &AppProps) -> Html {
    let model = {
        let props = props.clone();
        use_reducer(move || Model::from_props(&props))
    };
    // Children say what happened through named callbacks; this is where each becomes a `Msg`.
    let dispatch = model.dispatcher().to_callback();

    // Keep progress across reloads; the quiz works the same when storage is unavailable.
    let progress = model.session.as_ref().map(|s| s.progress.clone());
    let storage = props.storage.clone();
    use_effect_with(progress, move |progress| {
        if let Some(key) = storage {
            match progress {
                Some(progress) => effects::save_progress(&key, progress),
                None => effects::clear_progress(&key),
            }
        }
    });

    use_host_events(props, &model);

    // A page's accent colour, set through the CSSOM (a strict CSP forbids style attributes).
    let widget = use_node_ref();
    {
        let widget = widget.clone();
        use_effect_with(props.config.accent.clone(), move |accent| {
            if let Some(accent) = accent {
                effects::set_css_property(&widget, "--sq-accent", accent);
                effects::set_css_property(&widget, "--sq-accent-fg", text_on(accent));
            }
        });
    }
    let theme = match props.config.theme {
        Theme::Auto => None,
        Theme::Light => Some("sq-theme-light"),
        Theme::Dark => Some("sq-theme-dark"),
    };

    let table = model.table.clone();
    let view = props.config.view;
    let body = match &model.session {
        _ if view != View::Quiz => match props.classroom {
            Some(classroom) => (classroom.page)(props, &model.setup),
            None => html! { <p class="sq-notice" role="alert">{ strings::NEEDS_CLASSROOM }</p> },
        },
        None => html! {
            <StartScreen
                topics={table.table().topics()}
                setup={model.setup.clone()}
                errors={props.config_errors.clone()}
                classroom={props.config.classroom.unwrap_or(false)}
                teacher_link={(!props.base_url.is_empty()).then(|| format!("{}?view=teacher", props.base_url))}
                on_count={dispatch.reform(Msg::SetCount)}
                on_difficulty={dispatch.reform(Msg::SetDifficulty)}
                on_topic={dispatch.reform(Msg::ToggleTopic)}
                // The seed the page asked for, if any; otherwise a fresh one.
                on_start={{
                    let seed = props.config.seed;
                    dispatch.reform(move |()| Msg::Start { seed: seed.unwrap_or_else(effects::random_seed) })
                }}
                on_join={dispatch.reform(|(spec, code)| Msg::Join { spec, code })}
            />
        },
        Some(session) if session.quiz.questions.is_empty() => html! {
            <p class="sq-notice" role="alert">{ strings::NO_QUESTIONS }</p>
        },
        Some(session) if session.is_finished() => html! {
            <>
                <Summary session={session.clone()} table={table.clone()} class_code={model.class_code.clone()}
                    base_url={props.base_url.clone()} classroom={props.config.classroom.unwrap_or(false)}
                    on_retry={dispatch.reform(|()| Msg::Quiz(Action::Retry))}
                    on_new_set={dispatch.reform(|()| Msg::NewSet { seed: effects::random_seed() })}
                    reveal={model.reader_acted} />
                { reading_passage(props, &table, session) }
            </>
        },
        Some(session) => {
            let index = session.current_index();
            html! {
                <>
                { reading_passage(props, &table, session) }
                <QuestionCard
                    key={format!("{}-{index}", session.progress.spec.seed)}
                    index={index}
                    total={session.quiz.questions.len()}
                    score={session.score()}
                    answered={session.answered()}
                    question={session.quiz.questions[index].clone()}
                    response={session.progress.answers.get(index).cloned().filter(|_| session.progress.showing_feedback)}
                    draft={session.progress.draft.clone()}
                    table={table.clone()}
                    on_draft={dispatch.reform(|draft| Msg::Quiz(Action::Draft(draft)))}
                    on_check={dispatch.reform(|(response, elapsed_ms)| Msg::Quiz(Action::Check { response, elapsed_ms }))}
                    on_next={dispatch.reform(|()| Msg::Quiz(Action::Next))}
                    reveal={model.reader_acted}
                />
                </>
            }
        }
    };
    html! {
        // `dir` and `lang` are stated, not inherited: `all: initial` leaves `direction` to the host
        // element (a right-to-left page would move the punctuation), and a host page in another
        // language would have a screen reader read this English text in that language's voice.
        <div ref={widget} class={classes!("sq-widget", theme)} dir="ltr" lang="en">
            // The page keeps its one level-one heading through the quiz, but only the start
            // screen gives it room: on the questions it is a one-line label above the card.
            <h1 class={classes!("sq-title", (model.session.is_some() && view == View::Quiz).then_some("sq-title-small"))}>{ strings::TITLE }</h1>
            { body }
            <SourcesPanel table={table} />
        </div>
    }
}

/// Tells the host page what happens: `ready` once mounted, `answered` after each Check, and
/// `completed` when the summary appears. A resumed quiz does not repeat what it already said.
#[hook]
fn use_host_events(props: &AppProps, model: &UseReducerHandle<Model>) {
    let answered = model
        .session
        .as_ref()
        .map_or(0, |s| s.progress.answers.len());
    let finished = model.session.as_ref().is_some_and(Session::is_finished);
    // What the host has been told: the answers and whether the summary, as of the last render.
    let told = use_mut_ref(|| (answered, finished));
    let context = {
        let host = props.host.clone();
        let base_url = props.base_url.clone();
        move || {
            host.clone().map(|host| {
                let context = EventContext {
                    widget: host.widget_id(),
                    base_url: base_url.clone(),
                    timestamp: effects::now_iso(),
                };
                (host, context)
            })
        }
    };
    {
        let context = context.clone();
        let session = model.session.clone();
        use_effect_with((), move |_| {
            if let Some((host, context)) = context() {
                host.emit(&context.ready(session.as_ref()));
            }
        });
    }
    let session = model.session.clone();
    use_effect_with((answered, finished), move |&(answered, finished)| {
        let (told_answers, told_finished) = *told.borrow();
        *told.borrow_mut() = (answered, finished);
        let (Some(session), Some((host, context))) = (session, context()) else {
            return;
        };
        if answered > told_answers {
            if let Some(event) = context.answered(&session, answered - 1) {
                host.emit(&event);
            }
        }
        if finished && !told_finished {
            host.emit(&context.completed(&session));
        }
    });
}
