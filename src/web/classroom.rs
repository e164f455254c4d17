//! The classroom's bundle: what the reader's bundle leaves out (the teacher's page, the printed sheets, reading passages and the articles' texts), handed to the widget as one [`Classroom`].

use super::print_sheet::PrintSheet;
use super::reading::ReadingPassage;
use super::teacher::TeacherScreen;
use super::{AppProps, Classroom, SharedTable};
use crate::strings;
use sourced_core::config::View;
use sourced_core::{QuizSpec, Session};
use yew::prelude::*;

/// The classroom's views and table. Only the classroom's entry point (`src/bin/sourced-classroom.rs`)
/// names it, so none of what it reaches is linked into the reader's bundle.
pub static CLASSROOM: Classroom = Classroom {
    table: crate::embedded_table,
    prepare: SharedTable::new,
    passages: |prepared| prepared.passages().len(),
    page,
    passage,
};

/// The teacher's setup, or a sheet for paper (which needs a fixed quiz: a class code or a seed).
fn page(props: &AppProps, setup: &QuizSpec) -> Html {
    let table = props.table.clone();
    match props.config.view {
        View::Teacher => html! {
            <TeacherScreen table={table} initial={setup.clone()} seed_given={props.config.seed.is_some()}
                base_url={props.base_url.clone()} />
        },
        _ if props.config.seed.is_none() => html! {
            <p class="sq-notice" role="alert">{ strings::SHEET_NEEDS_QUIZ }</p>
        },
        view => html! {
            <PrintSheet table={table} spec={setup.clone()} answers={view == View::AnswerKey}
                class_code={props.config.class_code.clone()} />
        },
    }
}

/// A reading quiz's passage, marked where the questions checked so far are answered; nothing for
/// other quizzes.
fn passage(table: &SharedTable, session: &Session) -> Html {
    match session.progress.spec.passage {
        Some(passage) => html! {
            <ReadingPassage table={table.clone()} passage={passage}
                highlights={session.highlights(table.prepared())} />
        },
        None => Html::default(),
    }
}
