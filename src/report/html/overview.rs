//! The set at a glance (`index.html`): a "how to read this" note, the sortable table of
//! the articles, the comparison chart, the word-choice matrix as a table and the lexicon
//! used. The same overview opens the answer key.

use std::fmt::Write;

use super::alt::comparison_alt;
use super::escape::escape;
use super::page::{document, h};
use super::sides::{direction, legend, quote_side_label, side_class, side_label};
use super::PageOptions;
use crate::analysis::{Analysis, Engine};
use crate::report::chart::ComparisonData;
use crate::report::format::{ellipsize, num, plural, signed};
use crate::report::highlights::{
    outlet_groups, short_label, top_speakers, top_terms, word_matrix, word_matrix_of, GROUP_ABOVE,
};

/// A stance for a table cell: value, direction, a small meter with the interval, and the
/// interval in words; muted, with a note, when the evidence is below the threshold.
fn stance_cell(engine: &Engine, s: &crate::score::Scores) -> String {
    let v = s.stance;
    let (lo, hi) = s.stance_interval;
    let at = |x: f64| ((x.clamp(-1.0, 1.0) + 1.0) * 50.0 * 10.0).round() / 10.0;
    let (pos, l, r) = (at(v), at(lo), at(hi));
    let note = if s.term_enough {
        escape(&direction(engine, v))
    } else {
        "too little evidence to say much".to_string()
    };
    format!(
        "<td class=\"lean{}\" data-label=\"Stance\" data-sort=\"{}\"><span class=\"nowrap\"><b>{}</b><span class=\"meter\" aria-hidden=\"true\"><i style=\"left:{l}%;width:{:.1}%\"></i><span style=\"left:{pos}%\"></span></span></span><small>{note}</small><small>{:.0}%: {} … {}</small></td>",
        if s.term_enough { "" } else { " thin" },
        signed(v),
        signed(v),
        r - l,
        (100.0 * s.interval_level).round(),
        signed(lo),
        signed(hi)
    )
}

fn how_to_read(engine: &Engine) -> String {
    let l = &engine.lexicon;
    let first = l.sides.first().map_or("", |s| s.label.as_str());
    let last = l.sides.last().map_or("", |s| s.label.as_str());
    format!(
        "<div class=\"note prose\"><p><strong>How to read this.</strong> slant counts <em>loaded words</em>: words one side of a debate prefers over the plain alternative. <strong>Stance</strong> runs from −1 (all {} wording) to +1 (all {} wording); 0 is balanced or plain. The outlet’s own words count fully, words it quotes count ×{} and words it reports someone saying ×{}. Every side starts from {} points of evidence, so an article with only a loaded word or two stays near 0, and the range under each stance (90% likely) shows how sure the number is. <strong>Who is heard</strong> is shown apart: whose words an article quotes describes it, but does not tell its lean (outlets also quote the other camp to answer it). A stance describes word choice, not whether an article is true or good: ask students why a writer might choose each word, and what the plain word would be. Open an article to see every word highlighted and the arithmetic behind each number.</p></div>\n",
        escape(first),
        escape(last),
        l.scoring.quoted,
        l.scoring.reported,
        crate::report::format::fmt_weight(l.scoring.prior),
    )
}

fn lexicon_section(engine: &Engine, level: u8) -> String {
    let l = &engine.lexicon;
    let mut o = h(level, "The lexicon used", Some("lexicon"));
    let _ = writeln!(
        o,
        "<p><strong>{}</strong> version {} · hash <code>{}</code> · {} concepts, {} known speaker(s) · from <code>{}</code></p>",
        escape(&l.name),
        escape(&l.version),
        escape(l.short_hash()),
        l.concepts.len(),
        l.actors.len(),
        escape(&l.origin)
    );
    if !l.description.trim().is_empty() {
        let _ = writeln!(o, "<p class=\"prose\">{}</p>", escape(l.description.trim()));
    }
    o.push_str("<ul>\n");
    for (i, s) in l.sides.iter().enumerate() {
        let _ = writeln!(
            o,
            "<li><span class=\"side-name s{i}\">{}</span>: {}</li>",
            escape(&s.label),
            escape(&s.description)
        );
    }
    o.push_str("</ul>\n");
    o
}

fn matrix_table(engine: &Engine, analyses: &[Analysis], link: &dyn Fn(usize) -> String) -> String {
    let l = &engine.lexicon;
    let grouped = analyses.len() > GROUP_ABOVE;
    let groups = outlet_groups(analyses);
    let matrix = if grouped {
        let columns: Vec<Vec<&Analysis>> = groups
            .iter()
            .map(|g| g.members.iter().map(|&i| &analyses[i]).collect())
            .collect();
        word_matrix_of(engine, &columns)
    } else {
        word_matrix(engine, analyses)
    };
    if matrix.is_empty() {
        return "<p>No concept of the lexicon was used by these articles.</p>\n".to_string();
    }
    let mut o = String::from(if grouped {
        "<div class=\"scroll\"><table class=\"matrix\">\n<caption>Word choice: the word each outlet’s articles used most for each concept <span class=\"hint\">(— = not mentioned; the number of articles is in brackets)</span></caption>\n<thead><tr><th scope=\"col\">Concept</th>"
    } else {
        "<div class=\"scroll\"><table class=\"matrix\">\n<caption>Word choice: the word each article used most for each concept <span class=\"hint\">(— = not mentioned)</span></caption>\n<thead><tr><th scope=\"col\">Concept</th>"
    });
    if grouped {
        for g in &groups {
            let _ = write!(
                o,
                "<th scope=\"col\">{} ({})</th>",
                escape(&g.label),
                g.members.len()
            );
        }
    } else {
        for (i, a) in analyses.iter().enumerate() {
            let _ = write!(
                o,
                "<th scope=\"col\"><a href=\"{}\">{}. {}</a></th>",
                link(i),
                i + 1,
                escape(&short_label(a))
            );
        }
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for (ci, cells) in &matrix {
        let _ = write!(
            o,
            "<tr><th scope=\"row\">{}</th>",
            escape(&l.concepts[*ci].label)
        );
        for cell in cells {
            match cell {
                Some(c) => {
                    let _ = write!(
                        o,
                        "<td class=\"side {}\">{}<span class=\"lbl\">{}</span></td>",
                        side_class(c.side),
                        escape(&c.variant),
                        escape(&side_label(engine, c.side))
                    );
                }
                None => o.push_str("<td><span aria-hidden=\"true\">—</span><span class=\"sr\">not mentioned</span></td>"),
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

fn set_table(engine: &Engine, analyses: &[Analysis], link: &dyn Fn(usize) -> String) -> String {
    let outlets = analyses.iter().any(|a| a.article.outlet.is_some());
    let mut o = String::from("<div class=\"scroll\"><table class=\"sortable overview\">\n<caption>The articles <span class=\"hint\"></span></caption>\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">Title</th>");
    if outlets {
        o.push_str("<th scope=\"col\">Outlet</th>");
    }
    o.push_str("<th scope=\"col\" class=\"num\">Words</th><th scope=\"col\">Stance</th><th scope=\"col\" class=\"num\">Evidence</th><th scope=\"col\">Top loaded words</th><th scope=\"col\">Quoted most</th></tr></thead>\n<tbody>\n");
    for (i, a) in analyses.iter().enumerate() {
        let s = &a.scores;
        let terms = top_terms(engine, a, 3);
        let terms_html = if terms.is_empty() {
            "—".to_string()
        } else {
            terms
                .iter()
                .map(|(t, side, n)| {
                    format!(
                        "<span class=\"chip s{side}\" title=\"{}\">{} ×{n}<span class=\"sr\"> ({})</span></span>",
                        escape(&engine.lexicon.sides[*side].label),
                        escape(t),
                        escape(&engine.lexicon.sides[*side].label)
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let speakers = top_speakers(a, 3);
        let speakers_html = if speakers.is_empty() {
            "—".to_string()
        } else {
            speakers
                .iter()
                .map(|(n, qs, w)| {
                    format!(
                        "<span class=\"who-q\">{} <span class=\"lbl\">{}, {w} word{}</span></span>",
                        escape(n),
                        escape(&quote_side_label(engine, qs)),
                        plural(*w)
                    )
                })
                .collect::<Vec<_>>()
                .join("")
        };
        let outlet = if outlets {
            format!(
                "<td data-label=\"Outlet\">{}</td>",
                escape(a.article.outlet.as_deref().unwrap_or(""))
            )
        } else {
            String::new()
        };
        let short = ellipsize(&a.article.title, 90);
        let full = if short == a.article.title {
            String::new()
        } else {
            format!(" title=\"{}\"", escape(&a.article.title))
        };
        let _ = writeln!(
            o,
            "<tr><td class=\"num\" data-sort=\"{}\">{}</td><td class=\"title\" data-sort=\"{}\"><a href=\"{}\"{full}>{}</a></td>{outlet}<td class=\"num\" data-label=\"Words\" data-sort=\"{}\">{}</td>{}<td class=\"num\" data-label=\"Evidence\" data-sort=\"{}\">{}</td><td class=\"chips\" data-label=\"Top loaded words\" data-sort=\"{}\">{}</td><td class=\"speakers\" data-label=\"Quoted most\" data-sort=\"{}\">{}</td></tr>",
            i + 1,
            i + 1,
            escape(&a.article.title.to_lowercase()),
            link(i),
            escape(&short),
            a.words,
            a.words,
            stance_cell(engine, s),
            num(s.evidence),
            num(s.evidence),
            terms.iter().map(|t| t.2).sum::<u32>(),
            terms_html,
            speakers.iter().map(|t| t.2).sum::<u32>(),
            speakers_html,
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

pub(super) fn set_title(engine: &Engine, analyses: &[Analysis]) -> String {
    format!(
        "{} article{} · lexicon {}",
        analyses.len(),
        plural(analyses.len()),
        engine.lexicon.name
    )
}

/// The overview shared by `index.html` and the answer key.
pub(super) fn overview(
    engine: &Engine,
    analyses: &[Analysis],
    comparison: &ComparisonData,
    link: &dyn Fn(usize) -> String,
    level: u8,
) -> String {
    let mut o = how_to_read(engine);
    o.push_str(&legend(engine, false, false));
    o.push_str(&h(level, "The articles at a glance", Some("articles")));
    o.push_str(&set_table(engine, analyses, link));
    o.push_str(&h(level, "Compared", Some("comparison")));
    let _ = writeln!(
        o,
        "<figure><a href=\"comparison.png\" title=\"Open the chart at full size\"><img src=\"comparison.png\" alt=\"{}\"></a><figcaption>{} Full size: <a href=\"comparison.png\">comparison.png</a></figcaption></figure>",
        escape(&comparison_alt(engine, comparison)),
        if comparison.grouped {
            "Each outlet’s articles on one scale (their mean, their range and a tick for each), and the word-choice matrix by outlet."
        } else {
            "Each article’s stance with the range it likely lies in, on one scale, and the word-choice matrix."
        }
    );
    o.push_str(&h(level, "Word choice", Some("matrix")));
    o.push_str(&matrix_table(engine, analyses, link));
    o.push_str(&lexicon_section(engine, level));
    o
}

/// `index.html`: the set at a glance, linking every `<stem>.html` (and the answer key,
/// when the report has one).
pub fn index_page(
    engine: &Engine,
    analyses: &[Analysis],
    stems: &[String],
    comparison: &ComparisonData,
    opts: PageOptions,
) -> String {
    let title = set_title(engine, analyses);
    let link = |i: usize| format!("{}.html", stems[i]);
    let mut b = format!(
        "<main>\n<h1>How these articles lean</h1>\n<p class=\"meta\">{}</p>\n",
        escape(&title)
    );
    if opts.answer_key {
        b.push_str("<p class=\"note\">For the teacher: <a href=\"answers.html\">answers.html</a> is the answer key to the worksheets (every article annotated, on one page to print). The students’ worksheets are in the <code>student</code> folder next to this one.</p>\n");
    }
    b.push_str(&overview(engine, analyses, comparison, &link, 2));
    b.push_str(&h(2, "Article pages", Some("pages")));
    b.push_str("<ol>\n");
    for (i, a) in analyses.iter().enumerate() {
        let _ = writeln!(
            b,
            "<li><a class=\"show-href\" href=\"{}\">{}</a></li>",
            link(i),
            escape(&a.article.title)
        );
    }
    b.push_str("</ol>\n</main>\n");
    document(engine, &format!("slant report: {title}"), &b, true, true)
}
