//! The page that stands in for `index.html` while a report's files are being moved into
//! place (a few milliseconds at the end of `slant report`): if the run is killed right
//! then, the folder says so instead of showing an index that does not match its pages.

/// A complete, self-contained HTML page: "this report is incomplete, run slant again".
pub const INTERRUPTED_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n<title>Report incomplete</title>\n</head>\n<body>\n<h1>This report is incomplete</h1>\n<p>slant was replacing this report with a new one and stopped before it finished, so the pages in this folder may come from two different runs. Run <code>slant report</code> again to write the whole report.</p>\n</body>\n</html>\n";
