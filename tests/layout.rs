//! The report's pages in a real browser: headless Chromium loads each page at a phone's
//! width (390 px) and a projector's (1024 px) and measures `document.documentElement
//! .scrollWidth` (no page may scroll sideways; at 1024 px no table of the index or an
//! article page may need its own scroll bar either), and prints an article page to PDF
//! to count its pages.
//!
//! Skipped, with a note, when no Chromium is installed (`apt-get install chromium`);
//! screenshots of the same pages are kept in `docs/`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{run_ok, slant};

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
    })
}

/// Chromium, headless, with a profile of its own (tests run in parallel).
fn headless(chrome: &Path, profile: &Path) -> Command {
    let mut c = Command::new(chrome);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--allow-file-access-from-files",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// What the browser measured of `page` at `width` px: the document's scroll width and
/// the `.scroll` boxes (tables) whose content is wider than the box.
#[derive(Debug)]
struct Measure {
    width: u32,
    scroll_width: u32,
    overflowing: Vec<String>,
}

/// Load `page` (a file in `dir`) in frames 390 and 1024 px wide and measure it.
fn measure(chrome: &Path, dir: &Path, page: &str) -> Vec<Measure> {
    let probe = dir.join("_measure.html");
    std::fs::write(
        &probe,
        format!(
            r#"<!DOCTYPE html><html><body>
<iframe id="a" src="{page}" style="width:390px;height:900px;border:0"></iframe>
<iframe id="b" src="{page}" style="width:1024px;height:900px;border:0"></iframe>
<pre id="out"></pre>
<script>
window.addEventListener('load', function () {{
  var out = [];
  ['a', 'b'].forEach(function (id) {{
    var f = document.getElementById(id), d = f.contentDocument, over = [];
    d.querySelectorAll('.scroll').forEach(function (e) {{
      if (e.scrollWidth > e.clientWidth + 1) {{
        var c = e.querySelector('caption');
        over.push((c ? c.textContent : 'a table').slice(0, 40).replace(/[|;]/g, ' '));
      }}
    }});
    out.push(f.clientWidth + ';' + d.documentElement.scrollWidth + ';' + over.join('|'));
  }});
  document.getElementById('out').textContent = 'MEASURED ' + out.join(' / ') + ' END';
}});
</script></body></html>"#
        ),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = headless(chrome, profile.path())
        .args(["--virtual-time-budget=10000", "--dump-dom"])
        .arg(format!("file://{}", probe.display()))
        .output()
        .unwrap();
    std::fs::remove_file(&probe).unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("MEASURED ")
        .unwrap_or_else(|| panic!("{page}: the browser measured nothing\n{dom:.2000}"));
    let rest = &dom[start + "MEASURED ".len()..];
    let body = &rest[..rest.find(" END").unwrap()];
    body.split(" / ")
        .map(|frame| {
            let mut parts = frame.splitn(3, ';');
            let width = parts.next().unwrap().parse().unwrap();
            let scroll_width = parts.next().unwrap().parse().unwrap();
            let overflowing = parts
                .next()
                .unwrap_or("")
                .split('|')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            Measure {
                width,
                scroll_width,
                overflowing,
            }
        })
        .collect()
}

/// Pages printed to PDF by the browser.
fn printed_pages(chrome: &Path, page: &Path) -> usize {
    let profile = tempfile::tempdir().unwrap();
    let pdf = profile.path().join("out.pdf");
    let status = headless(chrome, profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    // Page objects: `/Type /Page` not followed by `s` (that one is the page tree).
    let needle = b"/Type /Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

#[test]
fn pages_fit_a_phone_and_a_projector_and_an_article_prints_in_about_three_pages() {
    let Some(chrome) = chromium() else {
        eprintln!("layout: skipped, no Chromium installed (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report");
    let sheets = dir.path().join("sheets");
    run_ok(slant().args(["report", "seeds", "--out"]).arg(&report));
    run_ok(
        slant()
            .args(["report", "seeds", "--worksheet", "--out"])
            .arg(&sheets),
    );
    let article = "000_f667bd81ae114d19.html";
    for (folder, page, tables_fit_at_1024) in [
        (report.clone(), "index.html", true),
        (report.clone(), article, true),
        (sheets.join("student"), "index.html", true),
        (sheets.join("student"), article, true),
        (sheets.join("teacher"), "answers.html", false),
    ] {
        for m in measure(&chrome, &folder, page) {
            assert!(
                m.scroll_width <= m.width,
                "{page} in {}: {} px wide in a {} px window",
                folder.display(),
                m.scroll_width,
                m.width
            );
            if m.width == 1024 && tables_fit_at_1024 {
                assert!(
                    m.overflowing.is_empty(),
                    "{page} at 1024 px: these tables scroll sideways: {:?}",
                    m.overflowing
                );
            }
        }
    }
    let pages = printed_pages(&chrome, &report.join(article));
    assert!(
        (2..=4).contains(&pages),
        "{article} prints in {pages} pages"
    );
    let pages = printed_pages(&chrome, &report.join("index.html"));
    assert!(pages <= 4, "index.html prints in {pages} pages");
}
