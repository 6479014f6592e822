//! The classroom report as HTML: pure renderers from analyses to self-contained pages.
//!
//! Pages work offline from `file://` (inline CSS, no fonts, images or scripts from
//! anywhere else; a Content-Security-Policy forbids any network access and allows only the
//! one sorting script, by hash), read well on a phone (one max-width text column, wide
//! tables scroll sideways), print well (`@media print`, colors kept) and never rely on color
//! alone: every side has a text label and its own underline pattern.
//!
//! Every piece of article or lexicon text goes through [`escape`], the one escaping
//! function of this module, whether it lands in element content or in an attribute value.
//! Everything else written into the markup is either a literal of this module, a number,
//! or a file stem from `output::unique_stems` (letters, digits, `-`, `_`, `.`).
//!
//! Pages:
//! * [`index_page`]: the set at a glance (sortable table, comparison chart, word-choice
//!   matrix, lexicon, a "how to read this" note for teachers);
//! * [`article_page`]: one article's full text with every loaded term highlighted and
//!   numbered, every quotation shaded by its speaker's side, the stance card and the
//!   ledger (terms, quotations, the score arithmetic);
//! * worksheet mode: [`worksheet_index`] and [`worksheet_page`] hide every score, side,
//!   color, speaker and highlight (plain numbered lines and blank tables for students);
//!   [`answers_page`] is the answer key: the normal overview and every annotated article on
//!   one page, so no answer file can collide with an article's file name.
//!
//! The annotated text is built from offset events ([`annotate`]): term spans and quotation
//! spans (marks included) split the text into segments; tags are closed and reopened where
//! a span crosses a paragraph break or another span's edge, so the markup always nests.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use crate::analysis::{Analysis, Engine};
use crate::attribute::{TermHit, Voice};
use crate::lexicon::SideRef;
use crate::normalize::LineIndex;
use crate::quotes::{Quote, QuoteKind, QuoteSide};
use crate::report::cards;
use crate::report::chart::{mix, CardData, ComparisonData};
use crate::report::ledger::{self, num, signed};
use crate::report::table::ellipsize;

/// Escape text for HTML element content and (double- or single-quoted) attribute values.
/// The only escaping function of the report: every piece of article and lexicon text goes
/// through it.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters (other than tab and newlines) are not allowed in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

// ---------------------------------------------------------------------------
// Colors and side styles
// ---------------------------------------------------------------------------

type Rgb = (u8, u8, u8);

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// WCAG relative luminance.
fn luminance(c: Rgb) -> f64 {
    let f = |v: u8| {
        let x = v as f64 / 255.0;
        if x <= 0.03928 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The side color darkened until white text on it (and it as text on white or on its own
/// light tint) has a contrast of at least 4.5:1.
fn dark(c: Rgb) -> Rgb {
    let light = mix(c, (255, 255, 255), 0.8);
    for k in 0..=20 {
        let m = mix(c, (0, 0, 0), k as f64 * 0.05);
        if contrast(m, (255, 255, 255)) >= 4.5 && contrast(m, light) >= 4.5 {
            return m;
        }
    }
    (0, 0, 0)
}

/// Underline patterns, one per side (cycled), so sides differ without color.
const PATTERNS: [&str; 4] = ["solid", "dashed", "wavy", "double"];

fn pattern(side: usize) -> &'static str {
    PATTERNS[side % PATTERNS.len()]
}

fn pattern_words(side: usize) -> &'static str {
    match pattern(side) {
        "solid" => "solid underline",
        "dashed" => "dashed underline",
        "wavy" => "wavy underline",
        _ => "double underline",
    }
}

fn side_class(side: SideRef) -> String {
    match side {
        Some(i) => format!("s{i}"),
        None => "sn".to_string(),
    }
}

/// CSS for the lexicon's sides: custom properties per side class and underline patterns.
fn side_css(engine: &Engine) -> String {
    let sides = &engine.lexicon.sides;
    let mut o = String::new();
    for (i, s) in sides.iter().enumerate() {
        let _ = writeln!(
            o,
            ".s{i}{{--side:{};--tint:{};--qtint:{};--dark:{}}}\nmark.t.s{i}{{text-decoration-style:{}}}\n.chip.s{i}{{border-bottom-style:{}}}",
            hex(s.color),
            hex(mix(s.color, (255, 255, 255), 0.78)),
            hex(mix(s.color, (255, 255, 255), 0.9)),
            hex(dark(s.color)),
            pattern(i),
            if pattern(i) == "wavy" { "dotted" } else { pattern(i) }
        );
    }
    if let (Some(first), Some(last)) = (sides.first(), sides.last()) {
        let _ = writeln!(
            o,
            ".meter{{background:linear-gradient(90deg,{},#e6e6e6 50%,{})}}",
            hex(mix(first.color, (255, 255, 255), 0.35)),
            hex(mix(last.color, (255, 255, 255), 0.35))
        );
    }
    o
}

const CSS: &str = r#"
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--rule:#cfcfcf;--soft:#f4f4f1}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:18px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
.wrap{max-width:84rem;margin:0 auto;padding:0 1rem 2rem}
.prose{max-width:46rem}
table.overview{font-size:.86rem}
td.title{min-width:14em;max-width:24em}
td.speakers{min-width:11em}
h1{font-size:1.9rem;line-height:1.25;margin:1rem 0 .4rem}
h2{font-size:1.4rem;line-height:1.3;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--rule)}
h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
a{color:#0a4f9e}
nav.top{font-size:.95rem;padding:.6rem 0;border-bottom:1px solid var(--rule)}
.meta{color:var(--muted);margin:.2rem 0}
.note{background:var(--soft);border-left:4px solid #888;padding:.6rem .9rem;margin:1rem 0}
.warn{background:#fff4d6;border-left:4px solid #a86b00;padding:.5rem .9rem}
.scroll{overflow-x:auto;margin:.6rem 0}
table{border-collapse:collapse;font-size:.92rem;line-height:1.4}
caption{text-align:left;font-weight:600;padding:.3rem 0 .5rem;caption-side:top}
caption .hint{font-weight:400;color:var(--muted)}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--soft)}
th[scope=row]{font-weight:600;background:#fafafa}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
th button{background:none;border:0;padding:0;margin:0;font:inherit;color:inherit;text-align:inherit;cursor:pointer;text-decoration:underline dotted;text-underline-offset:.2em}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
.summary{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.summary div{border:1px solid var(--rule);border-radius:6px;padding:.5rem .9rem;min-width:10.5rem}
.summary b{display:block;font-size:1.6rem;line-height:1.2}
.meter{display:inline-block;position:relative;width:4.5rem;height:.55rem;border-radius:3px;vertical-align:middle;margin-left:.35rem;border:1px solid #999}
.meter span{position:absolute;top:-4px;width:4px;height:calc(100% + 8px);margin-left:-2px;background:#000;border-radius:1px}
.lean small{display:block;color:var(--muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.chip{display:inline-block;border-radius:4px;padding:0 .35em;margin:.1em .15em .1em 0;background:var(--tint,#eee);border-bottom:2px solid var(--side,#888);white-space:nowrap}
.legend{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;font-size:.95rem}
.text{font-size:1.05rem;line-height:1.85}
.text p{margin:0 0 1em}
mark.t{color:inherit;background:var(--tint);text-decoration-line:underline;text-decoration-color:var(--dark);text-decoration-thickness:2px;text-underline-offset:.22em;text-decoration-skip-ink:none;padding:0 .08em;border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.t.sn{background:#e9e9e9;text-decoration-line:none}
.q{background:var(--qtint,#f1f1f1);box-decoration-break:clone;-webkit-box-decoration-break:clone;padding:.15em .05em;border-radius:3px}
.q.sx,.q.sn{--dark:#5a5a5a}
.q.scare{background:none;border-bottom:2px dotted #444;padding:0;border-radius:0}
.who{font-size:.7em;font-weight:600;line-height:1.2;color:#fff;background:var(--dark,#5a5a5a);border-radius:3px;padding:.05em .4em;margin-right:.25em;vertical-align:.15em;white-space:nowrap}
.scare .who{background:#444}
sup.fn{font-size:.68em;line-height:0;margin-left:.05em}
sup.fn a{text-decoration:none;font-weight:700;color:var(--ink);border:1px solid #888;border-radius:.7em;padding:0 .3em;background:#fff}
td.side{background:var(--tint,#eee)}
td.side .lbl,.lbl{display:block;font-size:.8em;color:var(--muted)}
td.side .lbl{color:var(--dark,#444)}
.side-name{color:var(--dark);font-weight:600}
figure{margin:1rem 0}
figure img{display:block;max-width:100%;height:auto;border:1px solid var(--rule)}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
tr:target,:target>td{outline:3px solid #f0b400}
.lines{font-size:1.05rem;line-height:1.8}
.lines p{display:grid;grid-template-columns:3rem 1fr;margin:0 0 .7em}
.lines .ln{color:var(--muted);font-variant-numeric:tabular-nums;text-align:right;padding-right:.8rem;user-select:none}
table.blank td{height:2.6rem}
table.blank{width:100%}
footer{margin-top:3rem;padding-top:.6rem;border-top:1px solid var(--rule);color:var(--muted);font-size:.85rem}
@media (min-width:75rem){.text{font-size:1.2rem}.prose{max-width:52rem}}
@media (max-width:40rem){body{font-size:16px}h1{font-size:1.5rem}.summary div{flex:1 1 40%;min-width:0;padding:.4rem .6rem}.summary b{font-size:1.3rem}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-size:11pt}
.wrap{max-width:none;padding:0}
nav.top,.noprint{display:none}
a{color:inherit;text-decoration:none}
a.show-href[href]::after{content:" (" attr(href) ")";font-size:.85em;color:#555}
h2,h3,h4{break-after:avoid}
tr,figure,.summary{break-inside:avoid}
.scroll{overflow:visible}
table{font-size:8pt;width:100%}
th,td{padding:2px 4px;overflow-wrap:break-word}
.summary div{padding:.3rem .6rem}
thead{display:table-header-group}
th button{text-decoration:none}
section.article{break-before:page}
}
"#;

/// The sorting script: turns header cells of `table.sortable` into buttons. Rows carry
/// `data-sort` values (numbers sort numerically; empty values always sort last). Without
/// JavaScript the table simply stays in input order.
const SORT_JS: &str = r#"(function(){document.querySelectorAll("table.sortable").forEach(function(t){var hs=t.tHead.rows[0].cells;var cap=t.querySelector("caption .hint");if(cap){cap.textContent=" Click a column heading to sort.";}Array.prototype.forEach.call(hs,function(th,i){var b=document.createElement("button");b.type="button";while(th.firstChild){b.appendChild(th.firstChild);}th.appendChild(b);b.addEventListener("click",function(){var asc=th.getAttribute("aria-sort")!=="ascending";Array.prototype.forEach.call(hs,function(h){h.removeAttribute("aria-sort");});th.setAttribute("aria-sort",asc?"ascending":"descending");var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);var key=function(r){var c=r.cells[i];var v=c.getAttribute("data-sort");return v===null?c.textContent.trim():v;};rows.sort(function(a,b){var x=key(a),y=key(b);if(x===""||y===""){return x===y?0:(x===""?1:-1);}var nx=Number(x),ny=Number(y);var r=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?r:-r;});rows.forEach(function(r){body.appendChild(r);});});});});})();"#;

fn csp(script: bool) -> String {
    let script_src = if script {
        let digest = Sha256::digest(SORT_JS.as_bytes());
        format!("'sha256-{}'", base64(&digest))
    } else {
        "'none'".to_string()
    };
    format!(
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src {script_src}; base-uri 'none'; form-action 'none'"
    )
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                o.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                o.push('=');
            }
        }
    }
    o
}

/// A whole HTML document around `body`; `sides` adds the side colors (not on worksheets).
fn document(engine: &Engine, title: &str, body: &str, script: bool, sides: bool) -> String {
    let mut o = String::with_capacity(body.len() + CSS.len() + 2048);
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        o,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        csp(script)
    );
    let _ = writeln!(o, "<title>{}</title>", escape(title));
    o.push_str("<style>");
    o.push_str(CSS);
    if sides {
        o.push_str(&side_css(engine));
    }
    o.push_str("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");
    o.push_str(body);
    o.push_str(&footer(engine));
    o.push_str("</div>\n");
    if script {
        let _ = writeln!(o, "<script>{SORT_JS}</script>");
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn footer(engine: &Engine) -> String {
    let l = &engine.lexicon;
    format!(
        "<footer>Made with slant {} · lexicon {} {} ({}). Word lists are editorial judgements for discussion, not measurements.</footer>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&l.name),
        escape(&l.version),
        escape(l.short_hash())
    )
}

// ---------------------------------------------------------------------------
// Small pieces
// ---------------------------------------------------------------------------

fn side_label(engine: &Engine, side: SideRef) -> String {
    match side {
        Some(i) => engine.lexicon.sides[i].label.clone(),
        None => "neutral".to_string(),
    }
}

/// Which way a lean points, in words.
fn direction(engine: &Engine, v: f64) -> String {
    let sides = &engine.lexicon.sides;
    if v.abs() < 0.15 || sides.len() < 2 {
        return "near the middle".to_string();
    }
    let side = if v < 0.0 {
        &sides[0]
    } else {
        &sides[sides.len() - 1]
    };
    format!("toward {}", side.label)
}

/// A lean for a table cell: value, direction and a small meter; or "too little evidence".
fn lean_cell(engine: &Engine, v: f64, enough: bool) -> String {
    if !enough {
        let hint = if v != 0.0 {
            format!("<small>({} if counted)</small>", signed(v))
        } else {
            String::new()
        };
        return format!("<td class=\"lean\" data-sort=\"\">too little evidence{hint}</td>");
    }
    let pos = ((v.clamp(-1.0, 1.0) + 1.0) * 50.0 * 10.0).round() / 10.0;
    format!(
        "<td class=\"lean\" data-sort=\"{}\"><span class=\"nowrap\"><b>{}</b><span class=\"meter\" aria-hidden=\"true\"><span style=\"left:{pos}%\"></span></span></span><small>{}</small></td>",
        signed(v),
        signed(v),
        escape(&direction(engine, v))
    )
}

/// Loaded (non-neutral) variants used most: `(label, side, count)`.
fn top_terms(engine: &Engine, a: &Analysis, n: usize) -> Vec<(String, usize, u32)> {
    let mut all = Vec::new();
    for cu in &a.concepts {
        let c = &engine.lexicon.concepts[cu.concept];
        for v in &cu.variants {
            let variant = &c.variants[v.variant];
            if let Some(side) = variant.side {
                all.push((variant.label.clone(), side, v.count));
            }
        }
    }
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

/// Speakers of speech quotations by quoted words: `(name, side, words)`.
fn top_speakers(a: &Analysis, n: usize) -> Vec<(String, QuoteSide, u32)> {
    let mut all: Vec<(String, QuoteSide, u32)> = Vec::new();
    for q in a.quotes.iter().filter(|q| q.kind == QuoteKind::Speech) {
        let Some(sp) = &q.speaker else { continue };
        match all.iter_mut().find(|x| &x.0 == sp) {
            Some(x) => x.2 += q.words,
            None => all.push((sp.clone(), q.side, q.words)),
        }
    }
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

fn quote_side_class(qs: &QuoteSide) -> String {
    match qs {
        QuoteSide::Side(i) => format!("s{i}"),
        QuoteSide::Neutral => "sn".to_string(),
        _ => "sx".to_string(),
    }
}

fn quote_side_label(engine: &Engine, qs: &QuoteSide) -> String {
    match qs {
        QuoteSide::Side(i) => engine.lexicon.sides[*i].label.clone(),
        QuoteSide::Neutral => "neutral".to_string(),
        QuoteSide::Unaligned => "unaligned".to_string(),
        QuoteSide::Unattributed => "unattributed".to_string(),
    }
}

/// The side legend.
fn legend(engine: &Engine, with_text_marks: bool) -> String {
    let mut o = String::from("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for (i, s) in engine.lexicon.sides.iter().enumerate() {
        let _ = writeln!(
            o,
            "<li><mark class=\"t s{i}\">{}</mark> words ({})</li>",
            escape(&s.label),
            pattern_words(i)
        );
    }
    o.push_str("<li><mark class=\"t sn\">neutral</mark> words (no underline: the plain alternative)</li>\n");
    if with_text_marks {
        if let Some(s) = engine.lexicon.sides.first() {
            let _ = writeln!(
                o,
                "<li><span class=\"q s0\"><span class=\"who\">Speaker · {}</span>“…”</span> a quotation, shaded by its speaker’s side</li>",
                escape(&s.label)
            );
        }
        o.push_str("<li><span class=\"q scare\"><span class=\"who\">scare quotes</span>“…”</span> a word held at arm’s length</li>\n");
        o.push_str("<li><sup class=\"fn\"><a>3</a></sup> see row 3 of the ledger</li>\n");
    }
    o.push_str("</ul>\n");
    o
}

fn article_meta(a: &Analysis) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &a.article.outlet {
        parts.push(escape(o));
    }
    if let Some(d) = &a.article.date {
        parts.push(escape(d));
    }
    parts.push(format!("{} words", a.words));
    parts.join(" · ")
}

/// A link to the original, only for http(s) URLs; anything else is shown as text.
fn source_line(a: &Analysis) -> String {
    let mut o = format!(
        "<p class=\"meta\">id <code>{}</code> · source <code>{}</code>",
        escape(&a.article.id),
        escape(&a.article.source)
    );
    if let Some(url) = &a.article.url {
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let _ = write!(
                o,
                " · <a class=\"show-href\" href=\"{}\">original article</a>",
                escape(url.trim())
            );
        } else {
            let _ = write!(o, " · url <code>{}</code>", escape(url));
        }
    }
    o.push_str("</p>\n");
    o
}

// ---------------------------------------------------------------------------
// Alt texts
// ---------------------------------------------------------------------------

fn lean_alt(l: &crate::report::chart::Lean, engine: &Engine) -> String {
    match l.value {
        Some(v) => format!("{} ({})", signed(v), direction(engine, v)),
        None => "too little evidence".to_string(),
    }
}

/// A text equivalent of a stance card.
pub fn card_alt(engine: &Engine, card: &CardData) -> String {
    let mut o = String::from("Stance card. ");
    if card.concepts.is_empty() {
        o.push_str("No loaded words found. ");
    } else {
        o.push_str("Loaded words by concept: ");
        let items: Vec<String> = card
            .concepts
            .iter()
            .take(8)
            .map(|c| {
                let per_side: Vec<String> = card
                    .sides
                    .iter()
                    .zip(&c.counts)
                    .filter(|(_, n)| n.narrator + n.quoted > 0.0)
                    .map(|(s, n)| {
                        format!(
                            "{} {} ({} in the outlet’s own words)",
                            n.narrator + n.quoted,
                            s.label,
                            n.narrator
                        )
                    })
                    .collect();
                format!("{}: {}", c.label, per_side.join(", "))
            })
            .collect();
        o.push_str(&items.join("; "));
        if card.concepts.len() > 8 {
            let _ = write!(o, "; and {} more concepts", card.concepts.len() - 8);
        }
        o.push_str(". ");
    }
    if card.quotes.is_empty() {
        o.push_str("No speech quotations. ");
    } else {
        o.push_str("Quoted words by speaker side: ");
        let items: Vec<String> = card
            .quotes
            .iter()
            .map(|q| {
                if q.speakers.is_empty() {
                    format!("{} {}", q.label, q.words)
                } else {
                    format!("{} {} ({})", q.label, q.words, q.speakers.join(", "))
                }
            })
            .collect();
        o.push_str(&items.join("; "));
        o.push_str(". ");
    }
    let _ = write!(
        o,
        "Term lean {}, quote lean {}, stance {}.",
        lean_alt(&card.term_lean, engine),
        lean_alt(&card.quote_lean, engine),
        lean_alt(&card.stance, engine)
    );
    o
}

/// A text equivalent of the comparison chart.
pub fn comparison_alt(engine: &Engine, data: &ComparisonData) -> String {
    let sides = &engine.lexicon.sides;
    let mut o = format!(
        "Comparison chart of {} article(s). Term lean, quote lean and stance per article on a scale from −1 ({}) to +1 ({}): ",
        data.rows.len(),
        sides.first().map_or("", |s| s.label.as_str()),
        sides.last().map_or("", |s| s.label.as_str())
    );
    let items: Vec<String> = data
        .rows
        .iter()
        .map(|r| format!("{}: stance {}", r.label, lean_alt(&r.stance, engine)))
        .collect();
    o.push_str(&items.join("; "));
    o.push_str(". Below it, the word-choice matrix, also given as a table on this page.");
    o
}

// ---------------------------------------------------------------------------
// The annotated text
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    /// Index into the analysis' terms or quotes.
    index: usize,
}

/// Valid, non-overlapping spans sorted by start (a span overlapping an earlier one is left
/// out of the highlighting; it still has its ledger row).
fn clean_spans(text: &str, spans: impl Iterator<Item = (usize, usize, usize)>) -> Vec<Span> {
    let mut v: Vec<Span> = spans
        .filter(|&(s, e, _)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .map(|(start, end, index)| Span { start, end, index })
        .collect();
    v.sort_by_key(|s| (s.start, s.index));
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        if out.last().is_none_or(|p| p.end <= s.start) {
            out.push(s);
        }
    }
    out
}

/// Paragraph breaks: a newline, optional spaces, another newline, and all whitespace after.
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                let mut k = j;
                while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\r' | b'\n') {
                    k += 1;
                }
                out.push((i, k));
                i = k;
                continue;
            }
        }
        i += 1;
    }
    // Leading and trailing whitespace of the whole text is not shown either.
    let lead = text.len() - text.trim_start().len();
    let tail = text.trim_end().len();
    if lead > 0 {
        out.push((0, lead));
    }
    if tail < text.len() {
        out.push((tail, text.len()));
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Tooltip of a term hit.
fn term_title(engine: &Engine, t: &TermHit, n: usize) -> String {
    let l = &engine.lexicon;
    let c = &l.concepts[t.concept];
    let v = &c.variants[t.variant];
    let mut s = format!(
        "{n}. {} → “{}”: {}, weight {}; {}",
        c.label,
        v.label,
        side_label(engine, t.side),
        num(t.weight),
        voice_words(t)
    );
    for m in &t.modifiers {
        let _ = write!(s, "; {} (“{}”)", m.kind.as_str(), m.cue);
    }
    match t.counted_side {
        Some(_) => {
            let _ = write!(
                s,
                "; counts {} for {}",
                num(t.contribution),
                side_label(engine, t.counted_side)
            );
        }
        None => s.push_str("; adds nothing (neutral)"),
    }
    s
}

fn voice_words(t: &TermHit) -> String {
    match (t.voice, &t.speaker) {
        (Voice::Narrator, _) => "the outlet’s own words".to_string(),
        (Voice::Quoted, Some(sp)) => format!("quoted ({sp})"),
        (Voice::Quoted, None) => "quoted (unattributed)".to_string(),
        (Voice::ScareQuoted, _) => "in scare quotes".to_string(),
    }
}

fn quote_who(engine: &Engine, q: &Quote) -> (String, String) {
    match q.kind {
        QuoteKind::Term => ("scare".to_string(), "scare quotes".to_string()),
        QuoteKind::Speech => {
            let qs = q.side;
            let cls = quote_side_class(&qs);
            let label = match &q.speaker {
                Some(sp) => format!("{sp} · {}", quote_side_label(engine, &qs)),
                None => "unattributed".to_string(),
            };
            (cls, label)
        }
    }
}

fn quote_title(engine: &Engine, q: &Quote, n: usize) -> String {
    match q.kind {
        QuoteKind::Term => format!(
            "Quotation Q{n}: scare quotes (a word or label held at arm’s length, not speech)"
        ),
        QuoteKind::Speech => {
            let who = match &q.speaker {
                Some(sp) => format!("{sp} ({})", quote_side_label(engine, &q.side)),
                None => "unattributed".to_string(),
            };
            format!("Quotation Q{n}: {who}, {} words", q.words)
        }
    }
}

/// The article text as HTML paragraphs, with term hits highlighted (tooltip + numbered
/// marker linking to the ledger row `{prefix}t-N`) and quotations shaded by speaker side.
pub fn annotate(engine: &Engine, a: &Analysis, prefix: &str) -> String {
    let text = a.article.text.as_str();
    let terms = clean_spans(
        text,
        a.terms.iter().enumerate().map(|(i, t)| (t.start, t.end, i)),
    );
    let quotes = clean_spans(
        text,
        a.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.open, q.close, i)),
    );
    let breaks = paragraph_breaks(text);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in terms.iter().chain(&quotes) {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    for &(s, e) in &breaks {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut o = String::with_capacity(text.len() * 2);
    let mut in_p = false;
    let mut open_q: Option<usize> = None; // position in `quotes`
    let mut open_t: Option<usize> = None; // position in `terms`
    let mut q_started = vec![false; quotes.len()];
    let mut t_started = vec![false; terms.len()];
    let (mut qp, mut tp, mut bp) = (0usize, 0usize, 0usize);

    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while bp < breaks.len() && breaks[bp].1 <= s {
            bp += 1;
        }
        let is_break = bp < breaks.len() && breaks[bp].0 <= s && e <= breaks[bp].1;
        if is_break {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if open_q.take().is_some() {
                o.push_str("</span>");
            }
            if in_p {
                o.push_str("</p>\n");
                in_p = false;
            }
            continue;
        }
        while qp < quotes.len() && quotes[qp].end <= s {
            qp += 1;
        }
        while tp < terms.len() && terms[tp].end <= s {
            tp += 1;
        }
        let want_q = (qp < quotes.len() && quotes[qp].start <= s).then_some(qp);
        let want_t = (tp < terms.len() && terms[tp].start <= s).then_some(tp);
        if !in_p {
            o.push_str("<p>");
            in_p = true;
        }
        if want_q != open_q {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if open_q.take().is_some() {
                o.push_str("</span>");
            }
            if let Some(k) = want_q {
                let q = &a.quotes[quotes[k].index];
                let n = quotes[k].index + 1;
                let (cls, label) = quote_who(engine, q);
                if q_started[k] {
                    let _ = write!(o, "<span class=\"q {cls}\">");
                } else {
                    q_started[k] = true;
                    let _ = write!(
                        o,
                        "<span class=\"q {cls}\" id=\"{prefix}qt-{n}\" title=\"{}\"><span class=\"who\">{}</span>",
                        escape(&quote_title(engine, q, n)),
                        escape(&label)
                    );
                }
                open_q = Some(k);
            }
        }
        if want_t != open_t {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if let Some(k) = want_t {
                let t = &a.terms[terms[k].index];
                let n = terms[k].index + 1;
                let cls = side_class(t.side);
                let title = escape(&term_title(engine, t, n));
                if t_started[k] {
                    let _ = write!(o, "<mark class=\"t {cls}\" title=\"{title}\">");
                } else {
                    t_started[k] = true;
                    let _ = write!(
                        o,
                        "<mark class=\"t {cls}\" id=\"{prefix}r-{n}\" title=\"{title}\">"
                    );
                }
                open_t = Some(k);
            }
        }
        let piece = escape(&text[s..e]).replace('\r', "");
        o.push_str(&piece.replace('\n', "<br>\n"));
        if let Some(k) = open_t {
            if terms[k].end == e {
                let n = terms[k].index + 1;
                let _ = write!(
                    o,
                    "</mark><sup class=\"fn\"><a href=\"#{prefix}t-{n}\" aria-label=\"ledger row {n}\">{n}</a></sup>"
                );
                open_t = None;
            }
        }
    }
    if open_t.is_some() {
        o.push_str("</mark>");
    }
    if open_q.is_some() {
        o.push_str("</span>");
    }
    if in_p {
        o.push_str("</p>\n");
    }
    o
}

// ---------------------------------------------------------------------------
// Ledger tables
// ---------------------------------------------------------------------------

fn h(level: u8, text: &str, id: Option<&str>) -> String {
    let level = level.clamp(1, 6);
    match id {
        Some(id) => format!("<h{level} id=\"{id}\">{text}</h{level}>\n"),
        None => format!("<h{level}>{text}</h{level}>\n"),
    }
}

fn terms_table(engine: &Engine, a: &Analysis, prefix: &str) -> String {
    let l = &engine.lexicon;
    if a.terms.is_empty() {
        return "<p>No loaded or neutral terms of this lexicon were found.</p>\n".to_string();
    }
    let mut o = String::from("<div class=\"scroll\"><table class=\"ledger\">\n<caption>Every term the lexicon matched, in text order <span class=\"hint\">(contribution = weight × factors, counted for the side in the “counted for” column)</span></caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Line</th><th scope=\"col\">As written</th><th scope=\"col\">Concept</th><th scope=\"col\">Variant</th><th scope=\"col\">Side</th><th scope=\"col\" class=\"num\">Weight</th><th scope=\"col\">Voice</th><th scope=\"col\">Speaker</th><th scope=\"col\">Modifiers</th><th scope=\"col\" class=\"num\">Factor</th><th scope=\"col\">Counted for</th><th scope=\"col\" class=\"num\">Contribution</th></tr></thead>\n<tbody>\n");
    for (i, t) in a.terms.iter().enumerate() {
        let n = i + 1;
        let c = &l.concepts[t.concept];
        let v = &c.variants[t.variant];
        let mods: Vec<String> = t
            .modifiers
            .iter()
            .map(|m| format!("{} (“{}”)", m.kind.as_str(), escape(&m.cue)))
            .collect();
        let counted = match t.counted_side {
            Some(_) if t.counted_side != t.side => format!(
                "<span class=\"side-name {}\">{}</span> <span class=\"lbl\">moved from {} by scare quotes or distancing</span>",
                side_class(t.counted_side),
                escape(&side_label(engine, t.counted_side)),
                escape(&side_label(engine, t.side))
            ),
            Some(_) => format!(
                "<span class=\"side-name {}\">{}</span>",
                side_class(t.counted_side),
                escape(&side_label(engine, t.counted_side))
            ),
            None => "nobody (neutral)".to_string(),
        };
        let voice = match t.voice {
            Voice::Narrator => "narrator",
            Voice::Quoted => "quoted",
            Voice::ScareQuoted => "scare quotes",
        };
        let _ = writeln!(
            o,
            "<tr id=\"{prefix}t-{n}\"><th scope=\"row\"><a href=\"#{prefix}r-{n}\" aria-label=\"back to term {n} in the text\">{n}</a></th><td class=\"num\">{}</td><td><mark class=\"t {}\">{}</mark></td><td>{}</td><td>{}</td><td class=\"{}\"><span class=\"side-name\">{}</span></td><td class=\"num\">{}</td><td>{voice}</td><td>{}</td><td>{}</td><td class=\"num\">×{}</td><td>{counted}</td><td class=\"num\">{}</td></tr>",
            t.line,
            side_class(t.side),
            escape(t.text(&a.article.text)),
            escape(&c.label),
            escape(&v.label),
            side_class(t.side),
            escape(&side_label(engine, t.side)),
            num(t.weight),
            t.speaker.as_deref().map(escape).unwrap_or_else(|| "—".to_string()),
            if mods.is_empty() { "—".to_string() } else { mods.join("; ") },
            num(t.factor),
            num(t.contribution),
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

fn quotes_table(engine: &Engine, a: &Analysis, prefix: &str) -> String {
    if a.quotes.is_empty() {
        return "<p>No quotations were found.</p>\n".to_string();
    }
    let text = a.article.text.as_str();
    let lines = LineIndex::new(text);
    let mut o = String::from("<div class=\"scroll\"><table class=\"ledger\">\n<caption>Every quotation, in text order <span class=\"hint\">(speech quotations count for their speaker’s side; scare quotes are not speech)</span></caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Line</th><th scope=\"col\">Kind</th><th scope=\"col\">Speaker</th><th scope=\"col\">Side</th><th scope=\"col\" class=\"num\">Words</th><th scope=\"col\">Rule</th><th scope=\"col\">Cue</th><th scope=\"col\">Quotation</th></tr></thead>\n<tbody>\n");
    for (i, q) in a.quotes.iter().enumerate() {
        let n = i + 1;
        let line = if q.open <= text.len() && text.is_char_boundary(q.open) {
            lines.line_col(text, q.open).0.to_string()
        } else {
            "?".to_string()
        };
        let inner = if q.start <= q.end
            && q.end <= text.len()
            && text.is_char_boundary(q.start)
            && text.is_char_boundary(q.end)
        {
            ellipsize(&text[q.start..q.end], 140)
        } else {
            String::new()
        };
        let (kind, cls, side) = match q.kind {
            QuoteKind::Term => (
                "scare quotes".to_string(),
                "scare".to_string(),
                "—".to_string(),
            ),
            QuoteKind::Speech => {
                let qs = q.side;
                (
                    "speech".to_string(),
                    quote_side_class(&qs),
                    escape(&quote_side_label(engine, &qs)),
                )
            }
        };
        let _ = writeln!(
            o,
            "<tr id=\"{prefix}q-{n}\"><th scope=\"row\"><a href=\"#{prefix}qt-{n}\" aria-label=\"back to quotation {n} in the text\">Q{n}</a></th><td class=\"num\">{line}</td><td>{kind}</td><td>{}</td><td class=\"{cls}\"><span class=\"side-name\">{side}</span></td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>“{}”{}</td></tr>",
            q.speaker.as_deref().map(escape).unwrap_or_else(|| "—".to_string()),
            q.words,
            escape(q.rule.as_str()),
            q.cue.as_deref().map(escape).unwrap_or_else(|| "—".to_string()),
            escape(&inner),
            if q.unclosed { " <span class=\"lbl\">unclosed: bounded to its paragraph</span>" } else { "" }
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

/// The lean formula, or `none` when no weight counted for any side.
fn lean_or(engine: &Engine, w: &[f64], none: &str) -> String {
    if w.iter().sum::<f64>() <= 0.0 {
        none.to_string()
    } else {
        ledger::lean_formula(&engine.lexicon, w)
    }
}

fn arithmetic_table(engine: &Engine, a: &Analysis) -> String {
    let l = &engine.lexicon;
    let s = &a.scores;
    let sc = &l.scoring;
    let mut o = format!(
        "<p>Factors of this lexicon: outlet’s own words ×{}, quoted ×{}, scare quotes ×{}, negated ×{}, distanced ×{}. Lean runs from −1 ({}) to +1 ({}).</p>\n",
        sc.narrator,
        sc.quoted,
        sc.scare_quoted,
        sc.negated,
        sc.distanced,
        escape(l.sides.first().map_or("", |s| s.label.as_str())),
        escape(l.sides.last().map_or("", |s| s.label.as_str()))
    );
    o.push_str("<div class=\"scroll\"><table class=\"ledger\">\n<caption>How the scores add up</caption>\n<thead><tr><th scope=\"col\">Quantity</th><th scope=\"col\">Arithmetic</th><th scope=\"col\" class=\"num\">Value</th></tr></thead>\n<tbody>\n");
    let row = |o: &mut String, name: String, how: String, value: String| {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{name}</th><td>{how}</td><td class=\"num\">{value}</td></tr>"
        );
    };
    let mut weights = Vec::new();
    for (i, side) in l.sides.iter().enumerate() {
        let st = &s.sides[i];
        weights.push(st.weight);
        row(
            &mut o,
            format!(
                "<span class=\"side-name s{i}\">{}</span> weight",
                escape(&side.label)
            ),
            format!(
                "{} hit(s), {} in the outlet’s own words: {} = {}; {} per 1,000 words",
                st.count,
                st.narrator_count,
                ledger::contribution_sum(a, i),
                num(st.weight),
                num(st.per_1000_words)
            ),
            num(st.weight),
        );
    }
    row(
        &mut o,
        "Neutral hits".to_string(),
        "counted, add nothing to either side".to_string(),
        s.neutral_count.to_string(),
    );
    row(
        &mut o,
        "Evidence".to_string(),
        format!(
            "{} ({} the threshold {})",
            ledger::sum_of(&weights),
            if s.term_enough { "meets" } else { "below" },
            num(s.min_evidence)
        ),
        num(s.evidence),
    );
    row(
        &mut o,
        "Term lean".to_string(),
        format!(
            "{}{}",
            lean_or(engine, &weights, "no loaded words counted for a side"),
            if s.term_enough {
                String::new()
            } else {
                " → too little evidence".to_string()
            }
        ),
        signed(s.term_lean),
    );
    let qw: Vec<f64> = s.quotes.iter().map(|q| q.weighted).collect();
    for (i, side) in l.sides.iter().enumerate() {
        let qs = &s.quotes[i];
        row(
            &mut o,
            format!(
                "Quoted <span class=\"side-name s{i}\">{}</span>",
                escape(&side.label)
            ),
            format!(
                "{} quotation(s), {} words ({:.0}% of quoted words); speakers: {}",
                qs.quotes,
                qs.words,
                qs.share * 100.0,
                if qs.speakers.is_empty() {
                    "none".to_string()
                } else {
                    escape(&qs.speakers.join(", "))
                }
            ),
            format!("{} <span class=\"lbl\">weighted words</span>", num(qw[i])),
        );
    }
    for (name, qs) in [
        ("neutral", &s.neutral_quotes),
        ("unaligned", &s.unaligned_quotes),
        ("unattributed", &s.unattributed_quotes),
    ] {
        if qs.quotes > 0 {
            row(
                &mut o,
                format!("Quoted, {name}"),
                format!(
                    "{} quotation(s), {} words: lean nowhere",
                    qs.quotes, qs.words
                ),
                qs.words.to_string(),
            );
        }
    }
    row(
        &mut o,
        "Quote lean".to_string(),
        format!(
            "{} (each quotation’s words × prominence: 1 at the top, 0.5 at the end){}",
            lean_or(engine, &qw, "no quoted words of aligned speakers"),
            if s.quote_enough {
                String::new()
            } else {
                format!(
                    " → too little evidence (below {} aligned words)",
                    num(s.min_quote_words)
                )
            }
        ),
        signed(s.quote_lean),
    );
    let (wt, wq) = (sc.stance_terms, sc.stance_quotes);
    let stance = match (s.term_enough, s.quote_enough) {
        (true, true) => format!(
            "({} × {} + {} × {}) / {}",
            num(wt),
            signed(s.term_lean),
            num(wq),
            signed(s.quote_lean),
            num(wt + wq)
        ),
        (true, false) => "term lean only (quotes lack evidence)".to_string(),
        (false, true) => "quote lean only (terms lack evidence)".to_string(),
        (false, false) => "too little evidence in terms and quotes".to_string(),
    };
    row(&mut o, "Stance".to_string(), stance, signed(s.stance));
    o.push_str("</tbody>\n</table></div>\n");
    o
}

// ---------------------------------------------------------------------------
// Article pages
// ---------------------------------------------------------------------------

fn score_summary(engine: &Engine, a: &Analysis) -> String {
    let s = &a.scores;
    let box_ = |name: &str, v: f64, enough: bool, what: &str| -> String {
        let (big, small) = if enough {
            (signed(v), direction(engine, v))
        } else {
            ("—".to_string(), "too little evidence".to_string())
        };
        format!(
            "<div><span>{name}</span><b>{big}</b><span class=\"lbl\">{}</span><span class=\"lbl\">{what}</span></div>",
            escape(&small)
        )
    };
    format!(
        "<div class=\"summary\">{}{}{}<div><span>Evidence</span><b>{}</b><span class=\"lbl\">weighted loaded words</span><span class=\"lbl\">enough from {}</span></div></div>\n",
        box_("Stance", s.stance, s.stance_enough, "words and quotes together"),
        box_("Term lean", s.term_lean, s.term_enough, "from the loaded words"),
        box_("Quote lean", s.quote_lean, s.quote_enough, "from who is quoted"),
        num(s.evidence),
        num(s.min_evidence)
    )
}

/// The body of one annotated article, headings starting at `level`.
fn article_body(engine: &Engine, a: &Analysis, stem: &str, prefix: &str, level: u8) -> String {
    let mut o = String::new();
    o.push_str(&score_summary(engine, a));
    for w in &a.article.warnings {
        let _ = writeln!(o, "<p class=\"warn\">Warning: {}</p>", escape(w));
    }
    o.push_str(&h(
        level,
        "The article, annotated",
        Some(&format!("{prefix}text")),
    ));
    o.push_str(&legend(engine, true));
    let _ = writeln!(
        o,
        "<div class=\"text prose\">\n{}</div>",
        annotate(engine, a, prefix)
    );
    o.push_str(&h(level, "Stance card", None));
    let card = cards::card_data(engine, a);
    let _ = writeln!(
        o,
        "<figure><img src=\"{stem}.png\" width=\"1600\" height=\"1000\" alt=\"{}\"><figcaption>Loaded words per concept (left: narrator, lighter: quoted), quoted words by speaker side, and the three leans. File: {stem}.png</figcaption></figure>",
        escape(&card_alt(engine, &card))
    );
    o.push_str(&h(level, "Ledger: where every number comes from", None));
    o.push_str(&h(level + 1, "Loaded terms", None));
    o.push_str(&terms_table(engine, a, prefix));
    o.push_str(&h(level + 1, "Quotations", None));
    o.push_str(&quotes_table(engine, a, prefix));
    o.push_str(&h(level + 1, "The score arithmetic", None));
    o.push_str(&arithmetic_table(engine, a));
    o
}

/// One article's annotated page (`<stem>.html`).
pub fn article_page(engine: &Engine, a: &Analysis, stem: &str) -> String {
    let mut b = String::from(
        "<nav class=\"top\"><a href=\"index.html\">← All articles</a></nav>\n<main>\n",
    );
    let _ = writeln!(b, "<h1>{}</h1>", escape(&a.article.title));
    let _ = writeln!(b, "<p class=\"meta\">{}</p>", article_meta(a));
    b.push_str(&source_line(a));
    b.push_str(&article_body(engine, a, stem, "", 2));
    b.push_str("</main>\n");
    document(engine, &a.article.title, &b, false, true)
}

// ---------------------------------------------------------------------------
// The set
// ---------------------------------------------------------------------------

fn how_to_read(engine: &Engine) -> String {
    let l = &engine.lexicon;
    let first = l.sides.first().map_or("", |s| s.label.as_str());
    let last = l.sides.last().map_or("", |s| s.label.as_str());
    format!(
        "<div class=\"note prose\"><p><strong>How to read this.</strong> slant counts <em>loaded words</em>, words one side of a debate prefers over the plain alternative, and checks <em>who gets quoted</em>. Every lean runs from −1 (all {} wording) to +1 (all {} wording); 0 is balanced or plain. <strong>Term lean</strong> comes from the loaded words (the outlet’s own words count fully, quoted words count ×{}); <strong>quote lean</strong> from whose side the quoted speakers are on; <strong>stance</strong> mixes the two ({:.0}% words, {:.0}% quotes). “Too little evidence” means there were too few loaded words or quoted words to say anything. A lean describes word choice, not whether an article is true or good: ask students why a writer might choose each word, and what the plain word would be. Open an article to see every word highlighted and the arithmetic behind each number.</p></div>\n",
        escape(first),
        escape(last),
        l.scoring.quoted,
        100.0 * l.scoring.stance_terms / (l.scoring.stance_terms + l.scoring.stance_quotes).max(1e-9),
        100.0 * l.scoring.stance_quotes / (l.scoring.stance_terms + l.scoring.stance_quotes).max(1e-9),
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
    let matrix = cards::word_matrix(engine, analyses);
    if matrix.is_empty() {
        return "<p>No concept of the lexicon was used by these articles.</p>\n".to_string();
    }
    let mut o = String::from("<div class=\"scroll\"><table class=\"matrix\">\n<caption>Word choice: the word each article used most for each concept <span class=\"hint\">(— = not mentioned)</span></caption>\n<thead><tr><th scope=\"col\">Concept</th>");
    for (i, a) in analyses.iter().enumerate() {
        let _ = write!(
            o,
            "<th scope=\"col\"><a href=\"{}\">{}. {}</a></th>",
            link(i),
            i + 1,
            escape(&cards::short_label(a))
        );
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
                None => o.push_str("<td aria-label=\"not mentioned\">—</td>"),
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
    o.push_str("<th scope=\"col\" class=\"num\">Words</th><th scope=\"col\">Term lean</th><th scope=\"col\">Quote lean</th><th scope=\"col\">Stance</th><th scope=\"col\" class=\"num\">Evidence</th><th scope=\"col\">Top loaded words</th><th scope=\"col\">Most-quoted speakers</th></tr></thead>\n<tbody>\n");
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
                        "{} <span class=\"lbl\">{}, {w} words</span>",
                        escape(n),
                        escape(&quote_side_label(engine, qs))
                    )
                })
                .collect::<Vec<_>>()
                .join("")
        };
        let outlet = if outlets {
            format!(
                "<td>{}</td>",
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
            "<tr><td class=\"num\" data-sort=\"{}\">{}</td><td class=\"title\" data-sort=\"{}\"><a href=\"{}\"{full}>{}</a></td>{outlet}<td class=\"num\" data-sort=\"{}\">{}</td>{}{}{}<td class=\"num\" data-sort=\"{}\">{}</td><td data-sort=\"{}\">{}</td><td class=\"speakers\" data-sort=\"{}\">{}</td></tr>",
            i + 1,
            i + 1,
            escape(&a.article.title.to_lowercase()),
            link(i),
            escape(&short),
            a.words,
            a.words,
            lean_cell(engine, s.term_lean, s.term_enough),
            lean_cell(engine, s.quote_lean, s.quote_enough),
            lean_cell(engine, s.stance, s.stance_enough),
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

fn set_title(engine: &Engine, analyses: &[Analysis]) -> String {
    format!(
        "{} article{} · lexicon {}",
        analyses.len(),
        if analyses.len() == 1 { "" } else { "s" },
        engine.lexicon.name
    )
}

/// The overview shared by `index.html` and the answer key.
fn overview(
    engine: &Engine,
    analyses: &[Analysis],
    comparison: &ComparisonData,
    link: &dyn Fn(usize) -> String,
    level: u8,
) -> String {
    let mut o = how_to_read(engine);
    o.push_str(&legend(engine, false));
    o.push_str(&h(level, "The articles at a glance", Some("articles")));
    o.push_str(&set_table(engine, analyses, link));
    o.push_str(&h(level, "Compared", Some("comparison")));
    let _ = writeln!(
        o,
        "<figure><img src=\"comparison.png\" alt=\"{}\"><figcaption>Each article’s term lean, quote lean and stance on one scale, with the word-choice matrix. File: comparison.png</figcaption></figure>",
        escape(&comparison_alt(engine, comparison))
    );
    o.push_str(&h(level, "Word choice", Some("matrix")));
    o.push_str(&matrix_table(engine, analyses, link));
    o.push_str(&lexicon_section(engine, level));
    o
}

/// `index.html`: the set at a glance, linking every `<stem>.html`.
pub fn index_page(
    engine: &Engine,
    analyses: &[Analysis],
    stems: &[String],
    comparison: &ComparisonData,
) -> String {
    let title = set_title(engine, analyses);
    let link = |i: usize| format!("{}.html", stems[i]);
    let mut b = format!(
        "<main>\n<h1>How these articles lean</h1>\n<p class=\"meta\">{}</p>\n",
        escape(&title)
    );
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

// ---------------------------------------------------------------------------
// Worksheet mode
// ---------------------------------------------------------------------------

/// `index.html` in worksheet mode: the articles, no scores.
pub fn worksheet_index(engine: &Engine, analyses: &[Analysis], stems: &[String]) -> String {
    let mut b = String::from("<main>\n<h1>Reading for slant: worksheets</h1>\n");
    let _ = writeln!(
        b,
        "<div class=\"note prose\"><p>Each worksheet gives an article with numbered lines. Read it closely, list the words that make someone or something sound good or bad, and note who gets to speak. Then compare your findings with a classmate who read another article.</p></div>"
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
    b.push_str("<h2>Your task</h2>\n<ol class=\"prose\">\n<li>Read the article. The numbers on the left are line numbers.</li>\n<li>Find words that make a person, a group or a policy sound good or bad. Write each one down with its line number, and a plainer word the writer could have used.</li>\n<li>Find every quotation. Who is speaking, and which side of the debate are they on? Who is not quoted?</li>\n<li>Decide: does the article lean? Which of your findings convinced you?</li>\n</ol>\n");
    b.push_str("<h2>The article</h2>\n<div class=\"lines prose\">\n");
    for (i, line) in a.article.text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let _ = writeln!(
            b,
            "<p><span class=\"ln\">{}</span><span>{}</span></p>",
            i + 1,
            escape(line.trim_end())
        );
    }
    b.push_str("</div>\n<h2>What I found</h2>\n");
    b.push_str(&blank_table(
        "Loaded words I found",
        &[
            "Line",
            "Word or phrase",
            "A plainer word",
            "Who does it make look good or bad?",
        ],
        8,
    ));
    b.push_str(&blank_table(
        "Who is quoted",
        &[
            "Line",
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
) -> String {
    let title = set_title(engine, analyses);
    let link = |i: usize| format!("#a-{}", stems[i]);
    let mut b = format!(
        "<nav class=\"top\"><a href=\"index.html\">← Worksheets</a></nav>\n<main>\n<h1>Answer key: how these articles lean</h1>\n<p class=\"meta\">{}</p>\n",
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
        b.push_str(&article_body(engine, a, stem, &format!("{stem}-"), 3));
        b.push_str("<p class=\"noprint\"><a href=\"#articles\">↑ Back to the overview</a></p>\n</section>\n");
    }
    b.push_str("</main>\n");
    document(engine, &format!("Answer key: {title}"), &b, true, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn base64_matches_known_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn dark_side_colors_have_contrast() {
        for c in [
            (0xD5, 0x5E, 0x00),
            (0x00, 0x72, 0xB2),
            (0xE6, 0x9F, 0x00),
            (255, 255, 0),
        ] {
            let d = dark(c);
            assert!(contrast(d, (255, 255, 255)) >= 4.5, "{c:?} -> {d:?}");
        }
    }

    #[test]
    fn paragraph_breaks_need_a_blank_line() {
        let t = "a\nb\n\n  \nc\r\n\r\nd";
        let br = paragraph_breaks(t);
        assert_eq!(br.len(), 2);
        assert_eq!(&t[br[0].1..br[0].1 + 1], "c");
        assert_eq!(&t[br[1].1..], "d");
        // Leading and trailing whitespace is not shown either.
        assert_eq!(paragraph_breaks("\n x\n"), vec![(0, 2), (3, 4)]);
    }

    #[test]
    fn overlapping_or_invalid_spans_are_dropped() {
        let t = "héllo world";
        let s = clean_spans(
            t,
            [(0, 5, 0), (2, 8, 1), (1, 2, 2), (6, 11, 3), (9, 99, 4)].into_iter(),
        );
        let kept: Vec<usize> = s.iter().map(|s| s.index).collect();
        // (1,2) and (2,8) cut "é" in half; (9,99) runs past the end.
        assert_eq!(kept, vec![0, 3]);
    }
}
