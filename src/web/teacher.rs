//! The teacher's setup: choose what the quiz covers, get a class code, a link and printable sheets.

use super::choices::{self, Choices};
use super::effects;
use super::SharedTable;
use crate::class_setup::{ClassSetup, SetupAction};
use crate::export::{export, Format, QuizName};
use crate::strings;
use sourced_core::class_code;
use sourced_core::config::View;
use sourced_core::reading;
use sourced_core::{generate, QuestionKind, QuizSpec};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`TeacherScreen`].
#[derive(Properties, PartialEq)]
pub struct TeacherScreenProps {
    pub table: SharedTable,
    /// Where the choices start (the page's own settings, if any).
    pub initial: QuizSpec,
    /// Whether the page chose the quiz number; if not, one is drawn for the teacher.
    #[prop_or_default]
    pub seed_given: bool,
    /// The widget page's address, for the links.
    pub base_url: String,
}

/// The teacher's choices are the page's own state: every change is a [`SetupAction`].
impl Reducible for ClassSetup {
    type Action = SetupAction;

    fn reduce(self: Rc<Self>, action: SetupAction) -> Rc<Self> {
        let mut setup = Rc::unwrap_or_clone(self);
        setup.apply(action);
        Rc::new(setup)
    }
}

/// The setup form and, beside it, the code and links it makes.
#[component]
pub fn TeacherScreen(props: &TeacherScreenProps) -> Html {
    let setup = {
        let topics = props.table.table().topics();
        let (mut initial, seed_given) = (props.initial.clone(), props.seed_given);
        use_reducer(move || {
            if !seed_given {
                initial.seed = effects::random_seed();
            }
            ClassSetup::new(initial, topics)
        })
    };
    let send = setup.dispatcher().to_callback();
    let (spec, topics) = (setup.spec(), setup.topics());

    // A reading quiz asks what its passage says: topics do not apply, and only the reading kinds do.
    let reading = spec.passage.is_some();
    let available: &[QuestionKind] = if reading {
        &reading::KINDS
    } else {
        &QuestionKind::ALL
    };

    // A number that is not one yet (an empty box, a minus sign) changes nothing.
    let on_seed = {
        let send = send.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(seed) = input.value().trim().parse() {
                send.emit(SetupAction::SetSeed(seed));
            }
        })
    };
    let on_draw = send.reform(|_| SetupAction::SetSeed(effects::random_seed()));
    let on_preset = send.reform(|_| SetupAction::SourceLiteracy);

    let passage_options = props.table.prepared().passages().iter().enumerate().map(
        |(i, passage)| {
            let outlet = props
                .table
                .table()
                .source(&passage.source)
                .map_or("", |s| s.outlet.as_str());
            html! {
                <option value={(i + 1).to_string()} selected={spec.passage == Some(i)}>
                    { strings::passage_choice(i + 1, outlet, &passage.text, passage.facts.len()) }
                </option>
            }
        },
    );
    // The options count passages from 1, as `?passage=` does; "no passage" has no number.
    let on_passage = send.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let passage = select
            .value()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1));
        SetupAction::SetPassage(passage)
    });

    // What the choices make: no quiz, a reading quiz (shared by link), or a class code.
    let asked = generate(props.table.prepared(), spec).questions.len();
    let outcome = match class_code::encode(spec, topics) {
        _ if asked == 0 => {
            html! { <p class="sq-notice" role="alert">{ strings::NO_QUESTIONS }</p> }
        }
        _ if reading => {
            let query = spec.query();
            let link = |view: &str| format!("{}?{query}{view}", props.base_url);
            html! {
                <>
                    <p>{ strings::reading_outcome(asked) }</p>
                    <ul class="sq-links">
                        <li>{ strings::STUDENT_LINK }{ ": " }<a href={link("&autostart=1")}>{ link("&autostart=1") }</a></li>
                        <li><a href={link("&view=worksheet")}>{ strings::WORKSHEET_LINK }</a></li>
                        <li><a href={link("&view=key")}>{ strings::ANSWER_KEY_LINK }</a></li>
                    </ul>
                </>
            }
        }
        Ok(code) => {
            let link = |view: View| effects::class_link(&props.base_url, &code, view);
            html! {
                <>
                    <p class="sq-code-line">{ strings::CLASS_CODE }{ ": " }<strong class="sq-code">{ class_code::display(&code) }</strong></p>
                    if asked < spec.count {
                        <p class="sq-meta">{ strings::fewer_questions(asked, spec.count) }</p>
                    }
                    <ul class="sq-links">
                        <li>{ strings::STUDENT_LINK }{ ": " }<a href={link(View::Quiz)}>{ link(View::Quiz) }</a></li>
                        <li><a href={link(View::Worksheet)}>{ strings::WORKSHEET_LINK }</a></li>
                        <li><a href={link(View::AnswerKey)}>{ strings::ANSWER_KEY_LINK }</a></li>
                    </ul>
                    <LmsDownloads table={props.table.clone()} code={code.clone()} />
                </>
            }
        }
        Err(error) => html! { <p class="sq-notice" role="alert">{ error.to_string() }</p> },
    };
    html! {
        <section class="sq-teacher">
            <h2>{ strings::TEACHER_TITLE }</h2>
            <p>{ strings::TEACHER_INTRO }</p>
            <fieldset>
                <legend>{ strings::LENGTH }</legend>
                <div class="sq-choices">
                    <Choices ..choices::lengths("sq-teacher-length", spec.count, &send.reform(SetupAction::SetCount)) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{ strings::DIFFICULTY }</legend>
                <div class="sq-choices">
                    <Choices ..choices::difficulties("sq-teacher-difficulty", spec.difficulty, &send.reform(SetupAction::SetDifficulty)) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{ strings::PASSAGE }</legend>
                <p class="sq-meta" id="sq-passage-note">{ strings::PASSAGE_NOTE }</p>
                <select aria-label={strings::PASSAGE} aria-describedby="sq-passage-note" onchange={on_passage}>
                    <option value="" selected={!reading}>{ strings::NO_PASSAGE }</option>
                    { for passage_options }
                </select>
            </fieldset>
            <fieldset disabled={reading}>
                <legend>{ strings::TOPICS }</legend>
                <div class="sq-choices">
                    <Choices ..choices::topics("sq-teacher-topic", topics, &spec.topics, &send.reform(SetupAction::ToggleTopic)) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{ strings::KINDS }</legend>
                <div class="sq-choices">
                    <Choices ..choices::kinds("sq-teacher-kind", &spec.kinds, available, &send.reform(SetupAction::ToggleKind)) />
                </div>
                <div class="sq-actions"><button type="button" disabled={reading} onclick={on_preset}>{ strings::SOURCE_LITERACY }</button></div>
            </fieldset>
            <fieldset>
                <legend>{ strings::SEED }</legend>
                <p class="sq-meta" id="sq-seed-note">{ strings::SEED_NOTE }</p>
                <div class="sq-actions">
                    <input type="number" min="0" inputmode="numeric" aria-label={strings::SEED}
                        aria-describedby="sq-seed-note" value={spec.seed.to_string()} oninput={on_seed} />
                    <button type="button" onclick={on_draw}>{ strings::NEW_NUMBER }</button>
                </div>
            </fieldset>
            <div class="sq-outcome" aria-live="polite">{ outcome }</div>
        </section>
    }
}

/// Props of [`LmsDownloads`].
#[derive(Properties, PartialEq)]
pub struct LmsDownloadsProps {
    pub table: SharedTable,
    /// The class code whose quiz is exported (what `sourced export --code` takes).
    pub code: String,
}

/// The quiz for a learning-management system: Moodle XML, a Common Cartridge, a QTI 3 package.
/// Made on click from the class code, exactly as `sourced export --code` makes it, so the
/// file is the CLI's byte for byte.
#[component]
pub fn LmsDownloads(props: &LmsDownloadsProps) -> Html {
    let button = |format: Format, label: &'static str| {
        let (table, code) = (props.table.clone(), props.code.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let topics = table.table().topics();
            let Ok(spec) = class_code::decode(&code, &topics) else {
                return;
            };
            let quiz = generate(table.prepared(), &spec);
            let name = QuizName::of(&quiz, Some(&code));
            let file = export(table.table(), &quiz, &name, format);
            effects::download_bytes(&file.file_name, file.mime, &file.bytes);
        });
        html! { <button type="button" {onclick}>{ label }</button> }
    };
    html! {
        <div class="sq-lms">
            <p class="sq-meta">{ strings::LMS_NOTE }</p>
            <div class="sq-actions">
                { button(Format::MoodleXml, strings::DOWNLOAD_MOODLE) }
                { button(Format::CommonCartridge, strings::DOWNLOAD_CARTRIDGE) }
                { button(Format::Qti3, strings::DOWNLOAD_QTI3) }
            </div>
        </div>
    }
}
