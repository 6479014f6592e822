//! The concordance page of `slant kwic --format html`: a note on how to read it, one row
//! per outlet (how often each used the term and in whose voice, for comparing outlets in
//! class), and the sortable concordance itself, each match marked in the colour and
//! underline of the side the lexicon counts it for.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::escape::escape;
use super::page::{document, h};
use super::sides::{legend, side_class, side_label};
use crate::analysis::Engine;
use crate::attribute::Voice;
use crate::authoring::kwic::{summary, Line};
use crate::report::kwic::summary_line;

/// The page's own layout rules (the shared style sheet has the rest).
const KWIC_CSS: &str = "<style>table.kwic{font-size:.86rem}table.kwic td.l{text-align:right}table.kwic td.l,table.kwic td.m,table.kwic td.r{white-space:nowrap}table.kwic td.m{text-align:center}table.kwic td.l,table.kwic td.r{color:#333}table.kwic small{display:block;color:var(--muted)}</style>\n";

fn voice_label(v: Voice) -> &'static str {
    match v {
        Voice::Narrator => "narrator",
        Voice::Quoted => "quoted",
        Voice::Reported => "reported",
        Voice::ScareQuoted => "scare-quoted",
    }
}

/// The words of a context in sorting order: nearest the match first, lower case.
fn sort_key(s: &str, outwards_left: bool) -> String {
    let mut w: Vec<String> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if outwards_left {
        w.reverse();
    }
    w.join(" ")
}

/// The whole page. `title` names what was looked for (e.g. `“invasion”`); `label` is the
/// name of the JSONL field shown per article, if any.
pub fn kwic_page(engine: &Engine, title: &str, lines: &[Line], label: Option<&str>) -> String {
    let s = summary(lines);
    let mut body = String::new();
    body.push_str(KWIC_CSS);
    body.push_str(&h(1, &format!("Concordance: {}", escape(title)), None));
    let _ = writeln!(body, "<p class=\"meta\">{}</p>", escape(&summary_line(&s)));
    body.push_str("<div class=\"note prose\"><p><strong>How to read this.</strong> Each row is one place an article uses the words, with the text around them. <em>Voice</em> says whose words they are: the outlet’s own (<em>narrator</em>), a speaker’s in a quotation (<em>quoted</em>), or held at arm’s length in scare quotes. <em>Counts as</em> is what slant’s lexicon scores at that place, found by the same matching as every score: the side and the weight it adds, or nothing when the lexicon does not count it there. ");
    body.push_str(if lines.iter().any(|l| l.outlet.is_some()) {
        "Compare outlets in the first table, then sort the lines"
    } else {
        "Sort the lines"
    });
    body.push_str(" by the words before or after the match (click a column header) to see the company the word keeps.</p></div>\n");
    body.push_str(&legend(engine, false, true));
    // Per outlet (when the articles name theirs).
    let outlets = lines.iter().any(|l| l.outlet.is_some());
    let mut by: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    for l in lines {
        let e = by
            .entry(l.outlet.as_deref().unwrap_or("(no outlet)"))
            .or_default();
        e[0] += 1;
        e[1 + l.voice as usize] += 1;
    }
    if outlets {
        body.push_str(&h(2, "By outlet", Some("outlets")));
        body.push_str("<div class=\"scroll\"><table class=\"sortable\">\n<caption>Lines per outlet <span class=\"hint\"></span></caption>\n<thead><tr><th scope=\"col\">Outlet</th><th scope=\"col\" class=\"num\">Lines</th><th scope=\"col\" class=\"num\">Narrator</th><th scope=\"col\" class=\"num\">Reported</th><th scope=\"col\" class=\"num\">Quoted</th><th scope=\"col\" class=\"num\">Scare-quoted</th></tr></thead>\n<tbody>\n");
        let mut rows: Vec<(&&str, &[usize; 5])> = by.iter().collect();
        rows.sort_by(|a, b| b.1[0].cmp(&a.1[0]).then(a.0.cmp(b.0)));
        for (outlet, n) in rows {
            let _ = writeln!(
                body,
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(outlet),
                n[0],
                n[1 + Voice::Narrator as usize],
                n[1 + Voice::Reported as usize],
                n[1 + Voice::Quoted as usize],
                n[1 + Voice::ScareQuoted as usize]
            );
        }
        body.push_str("</tbody></table></div>\n");
    }
    body.push_str(&h(2, "Lines", Some("lines")));
    if lines.is_empty() {
        body.push_str("<p>No article uses these words.</p>\n");
    } else {
        body.push_str("<div class=\"scroll\"><table class=\"sortable kwic\">\n<caption>Every occurrence <span class=\"hint\"></span></caption>\n<thead><tr>");
        if outlets {
            body.push_str("<th scope=\"col\">Outlet</th>");
        }
        if let Some(f) = label {
            let _ = write!(body, "<th scope=\"col\">{}</th>", escape(f));
        }
        body.push_str("<th scope=\"col\" class=\"num\">Before</th><th scope=\"col\">Match</th><th scope=\"col\">After</th><th scope=\"col\">Voice</th><th scope=\"col\">Counts as</th><th scope=\"col\">Article</th></tr></thead>\n<tbody>\n");
        for l in lines {
            let (class, counts, sort) = match &l.counted {
                Some(c) => {
                    let cc = &engine.lexicon.concepts[c.concept];
                    let what = format!(
                        "{}{}<small>{} / {}{}</small>",
                        escape(&side_label(engine, c.side)),
                        if c.side.is_some() {
                            format!(" {:.2}", c.contribution)
                        } else {
                            String::new()
                        },
                        escape(&cc.id),
                        escape(&cc.variants[c.variant].label),
                        if c.exact { "" } else { " (a longer phrase)" }
                    );
                    (
                        side_class(c.side),
                        what,
                        engine.lexicon.side_id(c.side).to_string(),
                    )
                }
                None => (String::new(), "not counted".to_string(), String::new()),
            };
            let mark = if class.is_empty() {
                format!("<b>{}</b>", escape(&l.matched))
            } else {
                format!("<mark class=\"t {class}\">{}</mark>", escape(&l.matched))
            };
            let who = l
                .speaker
                .as_deref()
                .map(|s| format!("<small>{}</small>", escape(s)))
                .unwrap_or_default();
            body.push_str("<tr>");
            if outlets {
                let _ = write!(
                    body,
                    "<td>{}</td>",
                    escape(l.outlet.as_deref().unwrap_or(""))
                );
            }
            if label.is_some() {
                let _ = write!(
                    body,
                    "<td>{}</td>",
                    escape(l.label.as_deref().unwrap_or(""))
                );
            }
            let _ = writeln!(
                body,
                "<td class=\"l\" data-sort=\"{}\">{}{}</td><td class=\"m\">{}</td><td class=\"r\" data-sort=\"{}\">{}{}</td><td>{}{}</td><td data-sort=\"{}\">{}</td><td>{}<small>line {}</small></td></tr>",
                escape(&sort_key(&l.left, true)),
                if l.left_cut { "…" } else { "" },
                escape(&l.left),
                mark,
                escape(&sort_key(&l.right, false)),
                escape(&l.right),
                if l.right_cut { "…" } else { "" },
                voice_label(l.voice),
                who,
                escape(&sort),
                counts,
                escape(&l.article),
                l.line,
            );
        }
        body.push_str("</tbody></table></div>\n");
    }
    document(engine, &format!("slant kwic: {title}"), &body, true, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::kwic::{lines, Query};
    use crate::input::Article;
    use crate::lexicon::Lexicon;

    #[test]
    fn the_page_escapes_article_text_and_marks_the_counted_side() {
        let e = Engine::new(Lexicon::default_lexicon().unwrap()).unwrap();
        let mut a = Article::from_text(
            "<id>",
            "-",
            "They said the illegal aliens <script>x</script> left.".into(),
        );
        a.outlet = Some("O&P".into());
        let q = Query::term(&e, "illegal aliens").unwrap();
        let ls = lines(&q, &e.analyze(a), 40);
        let page = kwic_page(&e, "“illegal aliens”", &ls, None);
        assert!(!page.contains("<script>x"));
        assert!(page.contains("&lt;script&gt;x"));
        assert!(page.contains("&lt;id&gt;") && page.contains("O&amp;P"));
        let side = e
            .lexicon
            .sides
            .iter()
            .position(|s| s.id == "restrictionist");
        assert!(page.contains(&format!(
            "<mark class=\"t {}\">illegal aliens</mark>",
            side_class(side)
        )));
        // The only script is the shared sorting one, allowed by hash.
        assert_eq!(page.matches("<script>").count(), 1);
    }
}
