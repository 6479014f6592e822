//! Tests of the public chart API: both charts rendered as PNG (decoded and inspected
//! pixel by pixel) and as SVG (its text elements read back), on fixtures with two to six
//! sides, empty, overlong and invalid data.

use super::painter::{text_width, Font, NEUTRAL_CELL};
use super::*;
use crate::report::color::{tint, Rgb};

const BLUE_C: Rgb = (0x00, 0x72, 0xB2);
const ORANGE_C: Rgb = (0xD5, 0x5E, 0x00);

fn sides(n: usize) -> Vec<ChartSide> {
    let palette = [
        BLUE_C,
        (0x56, 0xB4, 0xE9),
        (0x00, 0x9E, 0x73),
        (0xE6, 0x9F, 0x00),
        (0xCC, 0x79, 0xA7),
        ORANGE_C,
    ];
    let mut v: Vec<ChartSide> = (0..n)
        .map(|i| ChartSide {
            id: format!("s{i}"),
            label: format!("Side number {i}"),
            color: palette[i % palette.len()],
        })
        .collect();
    if n == 2 {
        v[0].label = "Pro-immigrant".into();
        v[1].label = "Restrictionist".into();
        v[1].color = ORANGE_C;
    }
    v
}

fn concept(label: &str, n_sides: usize, narrator: f64, quoted: f64) -> ConceptBar {
    ConceptBar {
        label: label.into(),
        weights: (0..n_sides)
            .map(|i| SideWeight {
                narrator: narrator + i as f64,
                quoted,
            })
            .collect(),
    }
}

fn card(n_sides: usize) -> CardData {
    CardData {
        title: "City council votes to keep sanctuary policy".into(),
        outlet: Some("Denver Gazette".into()),
        id: "3f2a9c1d".into(),
        sides: sides(n_sides),
        concepts: vec![
            concept("people label", n_sides, 4.0, 2.0),
            concept("sanctuary policy", n_sides, 3.0, 1.0),
            concept("crime framing", n_sides, 2.0, 2.0),
        ],
        quotes: vec![
            QuoteSegment {
                label: "Restrictionist".into(),
                color: Some(ORANGE_C),
                words: 412,
                speakers: vec!["Henry Lucero".into()],
            },
            QuoteSegment {
                label: "Pro-immigrant".into(),
                color: Some(BLUE_C),
                words: 188,
                speakers: vec!["Freddi Goldstein".into()],
            },
            QuoteSegment {
                label: "Unattributed".into(),
                color: None,
                words: 40,
                speakers: vec![],
            },
        ],
        stance: Stance {
            value: 0.35,
            low: 0.05,
            high: 0.6,
            enough: true,
        },
        interval_level: 0.9,
        prior: 2.0,
        evidence: 4.8,
        min_evidence: 3.0,
        tone: ToneLine {
            per_1000_words: 2.5,
            top: vec![("slammed".into(), 2), ("bizarre".into(), 1)],
        },
        footer: "lexicon immigration 1.0.0 (3f2a9c1d) · slant 0.1.0".into(),
    }
}

fn comparison(n_sides: usize) -> ComparisonData {
    let row = |label: &str, s: Option<f64>, e: f64| ComparisonRow {
        label: label.into(),
        stance: Stance {
            value: s.unwrap_or(f64::NAN),
            low: s.map_or(f64::NAN, |v| v - 0.2),
            high: s.map_or(f64::NAN, |v| v + 0.2),
            enough: e >= 3.0,
        },
        evidence: e,
        members: Vec::new(),
    };
    let cell = |v: &str, side: Option<usize>| {
        Some(MatrixCell {
            variant: v.into(),
            side,
        })
    };
    ComparisonData {
        title: "Five outlets compared".into(),
        sides: sides(n_sides),
        grouped: false,
        interval_level: 0.9,
        rows: vec![
            row("Gazette", Some(0.42), 4.8),
            row("Sun", Some(-0.22), 6.1),
            row("Fox31", None, 1.2),
            row("Post", Some(0.02), 7.4),
            row("Westword", Some(-0.66), 2.5),
        ],
        concepts: vec!["people label".into(), "crime framing".into()],
        articles: vec![
            "Gazette".into(),
            "Sun".into(),
            "Fox31".into(),
            "Post".into(),
            "Westword".into(),
        ],
        cells: vec![
            vec![
                cell("illegal aliens", Some(n_sides - 1)),
                cell("undocumented immigrants", Some(0)),
                None,
                cell("immigrants", None),
                cell("undocumented people", Some(0)),
            ],
            vec![
                cell("criminal aliens", Some(1)),
                None,
                cell("migrant crime", Some(1)),
            ],
        ],
        min_evidence: 3.0,
        footer: "lexicon immigration 1.0.0 · slant 0.1.0".into(),
    }
}

/// Decoded RGB8 image.
struct Image {
    w: u32,
    h: u32,
    px: Vec<u8>,
}

impl Image {
    fn get(&self, x: u32, y: u32) -> Rgb {
        let i = (y as usize * self.w as usize + x as usize) * 3;
        (self.px[i], self.px[i + 1], self.px[i + 2])
    }
    fn count(&self, x0: u32, y0: u32, x1: u32, y1: u32, pred: impl Fn(Rgb) -> bool) -> usize {
        let mut n = 0;
        for y in y0..y1.min(self.h) {
            for x in x0..x1.min(self.w) {
                if pred(self.get(x, y)) {
                    n += 1;
                }
            }
        }
        n
    }
}

fn decode(bytes: &[u8]) -> Image {
    let decoder = png::Decoder::new(bytes);
    let mut reader = decoder.read_info().expect("valid PNG header");
    let mut px = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut px).expect("valid PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    px.truncate(info.buffer_size());
    Image {
        w: info.width,
        h: info.height,
        px,
    }
}

/// (attributes, content) of every `<text>` element.
fn svg_texts(svg: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let close = rest.find('>').unwrap();
        let end = rest.find("</text>").unwrap();
        out.push((
            rest[..close].to_string(),
            rest[close + 1..end].trim().to_string(),
        ));
        rest = &rest[end..];
    }
    out
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = attrs.find(&key)? + key.len();
    let j = attrs[i..].find('"')? + i;
    Some(attrs[i..j].to_string())
}

#[test]
fn card_png_decodes_at_requested_size_and_draws_bars() {
    let (w, h) = DEFAULT_SIZE;
    let img = decode(&render_card_png(&card(2), w, h).unwrap());
    assert_eq!((img.w, img.h), (w, h));
    let mut colors = std::collections::BTreeSet::new();
    for c in img.px.chunks(3) {
        colors.insert((c[0], c[1], c[2]));
    }
    assert!(colors.len() > 100, "only {} distinct colors", colors.len());
    // The diverging bars live in the left ~55% of the canvas, between
    // the header and the lean panel: both side colors must fill real area.
    let blue = img.count(0, 250, 880, 660, |c| c == BLUE_C);
    let orange = img.count(0, 250, 880, 660, |c| c == ORANGE_C);
    assert!(blue > 3000, "blue bar pixels: {blue}");
    assert!(orange > 3000, "orange bar pixels: {orange}");
    let non_white = img.count(0, 0, w, h, |c| c != (255, 255, 255));
    assert!(non_white > 50_000, "non-white pixels: {non_white}");
    // Other sizes are honoured too.
    let small = decode(&render_card_png(&card(2), 800, 500).unwrap());
    assert_eq!((small.w, small.h), (800, 500));
}

#[test]
fn quoted_hits_are_drawn_lighter_than_narrator_hits() {
    let light = tint(ORANGE_C, 0.72);
    let (w, h) = DEFAULT_SIZE;
    let with_quotes = decode(&render_card_png(&card(2), w, h).unwrap());
    let n = with_quotes.count(0, 250, 880, 660, |c| c == light);
    assert!(n > 500, "lighter quoted-hit pixels: {n}");
    let mut no_quotes = card(2);
    for c in &mut no_quotes.concepts {
        for sc in &mut c.weights {
            sc.quoted = 0.0;
        }
    }
    let img = decode(&render_card_png(&no_quotes, w, h).unwrap());
    // Only the legend swatch remains (it is grey, not orange).
    assert_eq!(img.count(0, 250, 880, 660, |c| c == light), 0);
    let svg = render_card_svg(&card(2), w, h).unwrap();
    assert!(svg.contains("someone else"));
    assert!(svg.contains("narrator"));
}

#[test]
fn card_svg_contains_title_sides_concepts_and_evidence() {
    let svg = render_card_svg(&card(2), 1600, 1000).unwrap();
    assert!(svg.starts_with("<svg"));
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.1).collect();
    let has = |s: &str| texts.iter().any(|t| t.contains(s));
    assert!(has("City council votes to keep sanctuary policy"));
    assert!(has("Denver Gazette"));
    assert!(has("Pro-immigrant"));
    assert!(has("Restrictionist"));
    for c in ["people label", "sanctuary policy", "crime framing"] {
        assert!(texts.iter().any(|t| t == c), "concept label {c} missing");
    }
    assert!(has("evidence 4.8 (threshold 3.0)"));
    assert!(has("Henry Lucero"));
    assert!(has("lexicon immigration 1.0.0"));
    assert!(has("+0.35"));
    // The interval in words, and who is heard labelled as a description.
    assert!(has("90% sure it lies between +0.05 and +0.60"));
    assert!(has("Who is heard"));
    assert!(has(
        "Tone, apart from the stance: 2.5 charged words per 1,000 (slammed ×2, bizarre)"
    ));
    assert!(has("not a lean"));
    assert!(!has("too little"));
}

#[test]
fn renders_are_byte_identical() {
    let a = render_card_png(&card(2), 1600, 1000).unwrap();
    let b = render_card_png(&card(2), 1600, 1000).unwrap();
    assert!(a == b, "card PNG differs between renders");
    let c = render_comparison_png(&comparison(2), 1600, 1000).unwrap();
    let d = render_comparison_png(&comparison(2), 1600, 1000).unwrap();
    assert!(c == d, "comparison PNG differs between renders");
    assert_eq!(
        render_card_svg(&card(2), 1600, 1000).unwrap(),
        render_card_svg(&card(2), 1600, 1000).unwrap()
    );
    // And different data gives different bytes.
    let mut other = card(2);
    other.stance.value = -0.8;
    assert!(render_card_png(&other, 1600, 1000).unwrap() != a);
}

#[test]
fn empty_card_says_so() {
    let mut c = card(2);
    c.concepts.clear();
    c.quotes.clear();
    c.outlet = None;
    let png_bytes = render_card_png(&c, 1600, 1000).unwrap();
    assert_eq!(decode(&png_bytes).w, 1600);
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    assert!(svg.contains("No loaded terms found"));
    assert!(svg.contains("No quotations"));
    // Quotes present but all with zero words also counts as none.
    c.quotes = vec![QuoteSegment {
        label: "Unaligned".into(),
        color: None,
        words: 0,
        speakers: vec![],
    }];
    assert!(render_card_svg(&c, 1600, 1000)
        .unwrap()
        .contains("No quotations"));
}

#[test]
fn long_title_is_wrapped_to_two_lines_and_shortened() {
    let mut c = card(2);
    let words = "Internal memo shows the administration weighed sweeping changes to asylum processing at the border";
    let mut title = String::new();
    while title.chars().count() < 300 {
        title.push_str(words);
        title.push(' ');
    }
    c.title = title.chars().take(300).collect();
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    let title_lines: Vec<(String, String)> = svg_texts(&svg)
        .into_iter()
        .filter(|(a, _)| attr(a, "font-size").as_deref() == Some("44"))
        .collect();
    assert_eq!(title_lines.len(), 2, "title should wrap to exactly 2 lines");
    assert!(title_lines[1].1.ends_with('…'), "{:?}", title_lines[1].1);
    assert!(!svg.contains(c.title.as_str()));
    // Each line fits the canvas width minus margins.
    let f = Font {
        px: 44.0,
        bold: true,
    };
    for (_, line) in &title_lines {
        assert!(text_width(line, f).unwrap() <= 1600.0 - 96.0, "{line}");
    }
    // A single unbreakable 300-char word is hard-broken, not overflowing.
    c.title = "x".repeat(300);
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    let lines: Vec<String> = svg_texts(&svg)
        .into_iter()
        .filter(|(a, _)| attr(a, "font-size").as_deref() == Some("44"))
        .map(|t| t.1)
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('…'));
    for line in &lines {
        assert!(text_width(line, f).unwrap() <= 1600.0 - 96.0);
    }
    assert!(render_card_png(&c, 1600, 1000).is_ok());
}

#[test]
fn the_stance_interval_is_drawn_and_a_non_finite_stance_is_not() {
    let c = card(2);
    let img = decode(&render_card_png(&c, 1600, 1000).unwrap());
    // The error bar is ink between the interval's ends on the stance lane; nothing
    // dark sits on the lane far outside it (at −0.8).
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    assert!(svg.contains("+0.35"));
    let mut bad = card(2);
    bad.stance.value = f64::NAN;
    let svg = render_card_svg(&bad, 1600, 1000).unwrap();
    assert!(svg.contains("no stance: the numbers are not finite"));
    assert!(!svg.contains("+0.35"));
    assert!(render_card_png(&bad, 1600, 1000).is_ok());
    assert_eq!(img.w, 1600);
}

#[test]
fn concept_bars_show_weights() {
    let mut c = card(2);
    c.concepts = vec![ConceptBar {
        label: "people label".into(),
        weights: vec![
            SideWeight {
                narrator: 0.45,
                quoted: 0.0,
            },
            SideWeight {
                narrator: 2.0,
                quoted: 0.75,
            },
        ],
    }];
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.1).collect();
    assert!(texts.iter().any(|t| t == "0.45"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "2.75"));
    assert!(texts
        .iter()
        .any(|t| t.contains("Loaded terms by concept (weight)")));
}

#[test]
fn below_threshold_evidence_is_flagged() {
    let mut c = card(2);
    c.evidence = 2.4;
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    assert!(svg.contains("evidence 2.4 (threshold 3.0) — too little to say much"));
}

#[test]
fn comparison_renders_rows_sorted_and_matrix() {
    let data = comparison(2);
    let (w, h) = comparison_size(&data);
    assert!(w >= 1600 && h >= 700);
    let img = decode(&render_comparison_png(&data, w, h).unwrap());
    assert_eq!((img.w, img.h), (w, h));
    // Matrix cells are tinted with the side colors.
    let blue_tint = tint(BLUE_C, 0.78);
    assert!(img.count(0, 0, w, h, |c| c == blue_tint) > 5000);
    assert!(img.count(0, 0, w, h, |c| c == NEUTRAL_CELL) > 1000);

    let svg = render_comparison_svg(&data, w, h).unwrap();
    let texts = svg_texts(&svg);
    for v in [
        "illegal aliens",
        "criminal aliens",
        "migrant crime",
        "immigrants",
    ] {
        assert!(texts.iter().any(|t| t.1 == v), "variant {v} missing");
    }
    assert!(texts.iter().any(|t| t.1 == "people label"));
    assert!(svg.contains("(thin evidence)"));
    // Row labels (24px, left column) appear top-to-bottom by stance, None last.
    let mut rows: Vec<(i32, String)> = texts
        .iter()
        .filter(|(a, c)| {
            attr(a, "font-size").as_deref() == Some("24")
                && ["Gazette", "Sun", "Fox31", "Post", "Westword"].contains(&c.as_str())
                && attr(a, "x").as_deref() == Some("48")
        })
        .map(|(a, c)| (attr(a, "y").unwrap().parse().unwrap(), c.clone()))
        .collect();
    rows.sort();
    let order: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(order, ["Westword", "Sun", "Post", "Gazette", "Fox31"]);
    // Side legend.
    assert!(texts.iter().any(|t| t.1 == "Pro-immigrant"));
    assert!(texts.iter().any(|t| t.1 == "neutral"));
}

#[test]
fn comparison_size_grows_with_content() {
    let small = comparison(2);
    let mut big = comparison(2);
    for i in 0..20 {
        big.rows.push(ComparisonRow {
            label: format!("Extra {i}"),
            stance: Stance {
                value: 0.1,
                low: -0.1,
                high: 0.3,
                enough: true,
            },
            evidence: 5.0,
            members: Vec::new(),
        });
        big.concepts.push(format!("concept {i}"));
    }
    for i in 0..6 {
        big.articles.push(format!("Outlet {i}"));
    }
    let (sw, sh) = comparison_size(&small);
    let (bw, bh) = comparison_size(&big);
    assert!(bh > sh + 20 * 40, "{sh} -> {bh}");
    // As wide as the cards, whatever the number of matrix columns.
    assert_eq!((sw, bw), (1600, 1600));
    let (w, h) = comparison_size(&big);
    assert!(render_comparison_png(&big, w, h).is_ok());
}

#[test]
fn truncated_concepts_say_how_many_more() {
    let mut c = card(2);
    c.concepts = (0..20)
        .map(|i| concept(&format!("concept {i}"), 2, 1.0, 0.0))
        .collect();
    let svg = render_card_svg(&c, 1600, 1000).unwrap();
    let shown = (0..20)
        .filter(|i| svg.contains(&format!(">\nconcept {i}\n<")))
        .count();
    assert!((8..=12).contains(&shown), "shown {shown}");
    assert!(svg.contains(&format!("+{} more concepts", 20 - shown)));
}

#[test]
fn two_to_six_sides_render_without_panicking() {
    for n in 2..=6 {
        let c = card(n);
        let img = decode(&render_card_png(&c, 1600, 1000).unwrap());
        assert_eq!(img.w, 1600);
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        assert!(svg.contains("Side number 0") || n == 2);
        let cmp = comparison(n);
        let (w, h) = comparison_size(&cmp);
        assert!(render_comparison_png(&cmp, w, h).is_ok());
        assert!(render_comparison_svg(&cmp, 1600, 1000).is_ok());
    }
    // Ragged counts (fewer entries than sides) are treated as zero.
    let mut c = card(3);
    c.concepts[0].weights.truncate(1);
    assert!(render_card_png(&c, 1600, 1000).is_ok());
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let err = render_card_png(&card(2), 0, 1000).unwrap_err();
    assert!(err.to_string().contains("0x1000"), "{err}");
    assert!(render_card_svg(&card(2), 100_000, 1000).is_err());
    let mut c = card(2);
    c.sides.truncate(1);
    let err = render_card_png(&c, 1600, 1000).unwrap_err();
    assert!(err.to_string().contains("at least 2 sides"), "{err}");
    let mut cmp = comparison(2);
    cmp.sides.clear();
    assert!(render_comparison_svg(&cmp, 1600, 1000).is_err());
}

#[test]
fn a_rule_one_pixel_thick_is_drawn() {
    use super::painter::{Flavor, Painter, INK};
    let png = super::canvas::render_png(400, 200, |root| {
        let p = Painter::on_white(root, Flavor::Bitmap, 0.5)?;
        p.hline(10.0, 300.0, 50.4, INK, 1.0)?;
        p.vline(350.0, 20.0, 180.0, INK, 1.0)
    })
    .unwrap();
    let img = decode(&png);
    assert_eq!(img.count(10, 0, 300, 200, |c| c == INK), 290, "the rule");
    assert_eq!(
        img.count(340, 0, 360, 200, |c| c == INK),
        160,
        "the upright"
    );
}
