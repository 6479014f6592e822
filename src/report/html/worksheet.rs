//! Worksheet mode: pages for students that hide every score, side, color, speaker,
//! highlight and chart ([`worksheet_index`], [`worksheet_page`]: the text with numbered
//! paragraphs, numbered as the annotated pages number them, and blank tables), and the
//! answer key for the teacher ([`answers_page`]: the normal overview and every annotated
//! article on one page, so no answer file can collide with an article's file name). The
//! command writes the two into different folders (`student/`, `teacher/`).

use std::fmt::Write;

use super::annotate::paragraphs;
use super::article::{article_body, article_meta, source_line};
use super::escape::escape;
use super::overview::{overview, set_title};
use super::page::document;
use super::PageOptions;
use crate::analysis::{Analysis, Engine};
use crate::report::chart::ComparisonData;

/// `index.html` in worksheet mode: the articles, no scores.
pub fn worksheet_index(engine: &Engine, analyses: &[Analysis], stems: &[String]) -> String {
    let mut b = String::from("<main>\n<h1>Reading for slant: worksheets</h1>\n");
    let _ = writeln!(
        b,
        "<div class=\"note prose\"><p>Each worksheet gives an article with numbered paragraphs. Read it closely, list the words that make someone or something sound good or bad, and note who gets to speak. Then compare your findings with a classmate who read another article.</p></div>"
    );
    b.push_str("<div class=\"scroll\"><table>\n<caption>Articles</caption>\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Title</th><th scope=\"col\">Outlet</th><th scope=\"col\" class=\"num\">Words</th></tr></thead>\n<tbody>\n");
    for (i, a) in analyses.iter().enumerate() {
        let _ = writeln!(
            b,
            "<tr><td class=\"num\">{}</td><td><a class=\"show-href\" href=\"{}.html\">{}</a></td><td>{}</td><td class=\"num\">{}</td></tr>",
            i + 1,
            stems[i],
            escape(&a.article.title),
            escape(a.article.outlet.as_deref().unwrap_or("")),
            a.words
        );
    }
    b.push_str("</tbody>\n</table></div>\n</main>\n");
    document(engine, "Reading for slant: worksheets", &b, false, false)
}

fn blank_table(caption: &str, heads: &[&str], rows: usize) -> String {
    let mut o = format!(
        "<div class=\"scroll\"><table class=\"blank\">\n<caption>{}</caption>\n<thead><tr>",
        escape(caption)
    );
    for hd in heads {
        let _ = write!(o, "<th scope=\"col\">{}</th>", escape(hd));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for _ in 0..rows {
        o.push_str("<tr>");
        for _ in heads {
            o.push_str("<td></td>");
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

/// A worksheet page (`<stem>.html` in worksheet mode): the plain text with line numbers
/// and blank tables; no scores, sides, colors, speakers or highlights.
pub fn worksheet_page(engine: &Engine, a: &Analysis) -> String {
    let mut b = String::from(
        "<nav class=\"top\"><a href=\"index.html\">← All worksheets</a></nav>\n<main>\n",
    );
    let _ = writeln!(b, "<h1>{}</h1>", escape(&a.article.title));
    let _ = writeln!(b, "<p class=\"meta\">{}</p>", article_meta(a));
    b.push_str("<p class=\"meta\">Name: ______________________ &nbsp; Date: ____________</p>\n");
    b.push_str("<h2>Your task</h2>\n<ol class=\"prose\">\n<li>Read the article. The numbers on the left number its paragraphs.</li>\n<li>Find words that make a person, a group or a policy sound good or bad. Write each one down with its paragraph number, and a plainer word the writer could have used.</li>\n<li>Find every quotation. Who is speaking, and which side of the debate are they on? Who is not quoted?</li>\n<li>Decide: does the article lean? Which of your findings convinced you?</li>\n</ol>\n");
    b.push_str("<h2>The article</h2>\n<div class=\"lines prose\">\n");
    let text = a.article.text.as_str();
    for (i, (start, end)) in paragraphs(text).into_iter().enumerate() {
        let body = escape(&text[start..end])
            .replace('\r', "")
            .replace('\n', "<br>\n");
        let _ = writeln!(
            b,
            "<p><span class=\"ln\">{}</span><span>{body}</span></p>",
            i + 1
        );
    }
    b.push_str("</div>\n<h2>What I found</h2>\n");
    b.push_str(&blank_table(
        "Loaded words I found",
        &[
            "Paragraph",
            "Word or phrase",
            "A plainer word",
            "Who does it make look good or bad?",
        ],
        8,
    ));
    b.push_str(&blank_table(
        "Who is quoted",
        &[
            "Paragraph",
            "Speaker",
            "Which side are they on?",
            "About how many words?",
        ],
        6,
    ));
    b.push_str("<h2>My verdict</h2>\n<p>Does the article lean? Which way, and why?</p>\n");
    b.push_str(&blank_table("My verdict", &["Answer"], 3));
    b.push_str("</main>\n");
    document(
        engine,
        &format!("Worksheet: {}", a.article.title),
        &b,
        false,
        false,
    )
}

/// `answers.html`: the answer key, the full overview and every annotated article on one
/// page (article sections start on a new printed page).
pub fn answers_page(
    engine: &Engine,
    analyses: &[Analysis],
    stems: &[String],
    comparison: &ComparisonData,
    opts: PageOptions,
) -> String {
    let title = set_title(engine, analyses);
    let link = |i: usize| format!("#a-{}", stems[i]);
    let mut b = format!(
        "<nav class=\"top\"><a href=\"index.html\">← The full report</a></nav>\n<main>\n<h1>Answer key: how these articles lean</h1>\n<p class=\"meta\">{}</p>\n",
        escape(&title)
    );
    b.push_str(&overview(engine, analyses, comparison, &link, 2));
    for (i, a) in analyses.iter().enumerate() {
        let stem = &stems[i];
        let _ = writeln!(
            b,
            "<section class=\"article\" aria-labelledby=\"a-{stem}\">\n<h2 id=\"a-{stem}\">{}. {}</h2>",
            i + 1,
            escape(&a.article.title)
        );
        let _ = writeln!(b, "<p class=\"meta\">{}</p>", article_meta(a));
        b.push_str(&source_line(a));
        b.push_str(&article_body(engine, a, stem, &format!("{stem}-"), 3, opts));
        b.push_str("<p class=\"noprint\"><a href=\"#articles\">↑ Back to the overview</a></p>\n</section>\n");
    }
    b.push_str("</main>\n");
    document(engine, &format!("Answer key: {title}"), &b, true, true)
}
