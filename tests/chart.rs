//! End-to-end tests of `slant chart`: PNG cards and the comparison chart.

mod common;

use common::{run_ok, slant, SEEDS};

use std::path::Path;

struct Image {
    width: u32,
    height: u32,
    /// RGB(A) pixels as decoded.
    pixels: Vec<u8>,
    channels: usize,
}

fn decode(path: &Path) -> Image {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    Image {
        width: info.width,
        height: info.height,
        pixels: buf,
        channels: info.color_type.samples(),
    }
}

impl Image {
    /// Share of pixels that are not (near) white.
    fn ink(&self) -> f64 {
        let px = self.pixels.chunks(self.channels);
        let n = (self.width * self.height) as f64;
        px.filter(|p| p.iter().take(3).any(|&c| c < 200)).count() as f64 / n
    }

    /// Number of distinct colors (capped scan).
    fn colors(&self) -> usize {
        let mut seen = std::collections::HashSet::new();
        for p in self.pixels.chunks(self.channels) {
            seen.insert((p[0], p[1], p[2]));
            if seen.len() > 50 {
                break;
            }
        }
        seen.len()
    }
}

fn assert_drawn(img: &Image, what: &str) {
    let ink = img.ink();
    assert!(ink > 0.01, "{what} looks blank ({:.4} ink)", ink);
    assert!(img.colors() > 5, "{what} has only {} colors", img.colors());
}

#[test]
fn chart_writes_a_card_per_seed_and_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(slant().args(["chart", "seeds", "--out"]).arg(dir.path()));
    for id in SEEDS {
        let img = decode(&dir.path().join(format!("{id}.png")));
        assert_eq!((img.width, img.height), (1600, 1000), "{id}");
        assert_drawn(&img, id);
    }
    let cmp = decode(&dir.path().join("comparison.png"));
    assert!(
        cmp.width >= 1600 && cmp.height >= 700,
        "{}x{}",
        cmp.width,
        cmp.height
    );
    assert_drawn(&cmp, "comparison.png");
    // Only PNGs without --svg.
    assert!(!dir.path().join("comparison.svg").exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 stance card"), "{stderr}");
}

#[test]
fn size_option_sets_the_card_size_and_scales_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let small = tempfile::tempdir().unwrap();
    for (d, size) in [(&dir, "1600x1000"), (&small, "800x500")] {
        slant()
            .args([
                "chart",
                "seeds/004_72e29b7a571df496.txt",
                "seeds/001_0ad354234d2359d4.txt",
            ])
            .args(["--size", size, "--out"])
            .arg(d.path())
            .assert()
            .success();
    }
    let card = decode(&small.path().join("004_72e29b7a571df496.png"));
    assert_eq!((card.width, card.height), (800, 500));
    assert_drawn(&card, "small card");
    let big = decode(&dir.path().join("comparison.png"));
    let half = decode(&small.path().join("comparison.png"));
    assert_eq!(half.width, (big.width as f64 / 2.0).round() as u32);
    assert_eq!(half.height, (big.height as f64 / 2.0).round() as u32);
}

#[test]
fn bad_sizes_are_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let out = slant()
        .args([
            "chart",
            "seeds/004_72e29b7a571df496.txt",
            "--size",
            "big",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("WIDTHxHEIGHT"));
    let out = slant()
        .args([
            "chart",
            "seeds/004_72e29b7a571df496.txt",
            "--size",
            "10x10",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid chart size"));
}

#[test]
fn svg_holds_the_title_side_labels_and_concepts() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("short.txt");
    std::fs::write(
        &art,
        "Border officials and advocates clash over new rules\n\nOfficials said the illegal aliens were detained. Advocates said undocumented immigrants deserve a path to citizenship. The amnesty bill stalled.\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    slant()
        .args(["chart", "--svg", "--out"])
        .arg(&out_dir)
        .arg(&art)
        .assert()
        .success();
    let svg = std::fs::read_to_string(out_dir.join("short.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..80]
    );
    assert!(
        svg.contains("Border officials and advocates clash over new rules"),
        "title missing"
    );
    assert!(svg.contains("Pro-immigrant") && svg.contains("Restrictionist"));
    // Labels of the concepts the article used (from the default lexicon).
    let json = slant()
        .args(["score", "--format", "jsonl"])
        .arg(&art)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let lexicon = slant::lexicon::Lexicon::default_lexicon().unwrap();
    let labels: Vec<&str> = v["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| lexicon.concepts.iter().find(|x| x.id == c["id"]))
        .map(|c| c.label.as_str())
        .collect();
    assert!(labels.len() >= 2, "{labels:?}");
    let shown = labels.iter().filter(|l| svg.contains(*l)).count();
    assert!(shown >= 2, "concept labels {labels:?} not in the SVG");
    let cmp = std::fs::read_to_string(out_dir.join("comparison.svg")).unwrap();
    assert!(cmp.contains("1 article"), "comparison title");
    // The PNGs are written too.
    assert!(out_dir.join("short.png").exists() && out_dir.join("comparison.png").exists());
}

#[test]
fn same_input_gives_byte_identical_pngs() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for d in [&a, &b] {
        slant()
            .args([
                "chart",
                "seeds/000_f667bd81ae114d19.txt",
                "seeds/003_4f9b0c250ff8d600.txt",
                "--out",
            ])
            .arg(d.path())
            .assert()
            .success();
    }
    for name in ["000_f667bd81ae114d19.png", "comparison.png"] {
        let x = std::fs::read(a.path().join(name)).unwrap();
        let y = std::fs::read(b.path().join(name)).unwrap();
        assert!(x == y, "{name} differs between runs");
    }
}

#[test]
fn articles_without_hits_or_with_huge_titles_still_render() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plain.txt"),
        "The weather was mild today and the park was full of families.\n",
    )
    .unwrap();
    let title = "A very long headline about the city council ".repeat(7);
    let title = &title[..300];
    std::fs::write(
        dir.path().join("long.txt"),
        format!("{title}\n\nThe mayor said the illegal aliens would be released.\n"),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    slant()
        .args(["chart", "--out"])
        .arg(&out_dir)
        .arg(dir.path().join("plain.txt"))
        .arg(dir.path().join("long.txt"))
        .assert()
        .success();
    for name in ["plain.png", "long.png"] {
        let img = decode(&out_dir.join(name));
        assert_eq!((img.width, img.height), (1600, 1000), "{name}");
        assert_drawn(&img, name);
    }
    assert_drawn(&decode(&out_dir.join("comparison.png")), "comparison");
}
