//! Boilerplate a saved page carries around its article, removed before the main-text
//! extractor looks at it: figures and their captions, photo credits, "related" and
//! "recommended" boxes, share bars, newsletter and subscription prompts, ads, comment
//! sections, navigation, forms and embedded media. The extractor (readability's
//! scoring) finds the article's block; these rules take out what readability tends to
//! keep inside that block.
//!
//! Rules look at whole class and id *tokens* split into words at `-` and `_`
//! (`wp-caption`, `article_related`, `shareBar` → `share`, `bar`), never at substrings
//! (a page's `<body class="f_caption_muted_videos_on">` is not a caption). The page's
//! outer containers (`html`, `body`, `main`, `article`) are never removed, nor any element
//! that holds half of the page's text, so one odd class name cannot empty a page.
//! Blockquotes and pull-quotes stay: they are quoted speech, which slant must see.

use std::collections::HashMap;

use dom_query::{Document, NodeId, NodeRef};

/// Elements that are never article text.
const DROP_TAGS: &str = "style, noscript, template, iframe, object, embed, svg, canvas, \
    video, audio, picture, figcaption, button, select, textarea, input, dialog";

/// Elements that are boilerplate unless they hold half of the page's text (some sites wrap
/// the whole page in a `<form>`).
const BOILERPLATE_TAGS: &[&str] = &["nav", "form", "footer"];

/// Words of a class or id that mark boilerplate (matched against whole words of a token).
const BOILERPLATE_WORDS: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "related",
    "recirc",
    "recirculation",
    "recommended",
    "recommendations",
    "outbrain",
    "taboola",
    "share",
    "sharing",
    "sharebar",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "disqus",
    "paywall",
    "popup",
    "modal",
    "cookie",
    "consent",
    "byline",
    "timestamp",
    "dateline",
];

/// Words that keep an element whatever else its classes say (a pull-quote is speech).
const KEEP_WORDS: &[&str] = &["quote", "quotes", "pullquote", "blockquote"];

/// Remove boilerplate from `doc` in place.
pub fn strip_boilerplate(doc: &Document) {
    doc.select(DROP_TAGS).remove();
    // Scripts go, except the JSON-LD that gives the page's metadata (publisher, author).
    for script in doc.select("script").nodes() {
        let ld = script
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !ld {
            script.remove_from_parent();
        }
    }
    let sizes = measure(doc);
    let size = |n: &NodeRef| sizes.get(&n.id).copied().unwrap_or_default();
    let total = size(&doc.root()).text;
    let mut doomed = Vec::new();
    // A figure is an image with its caption, unless it holds a quotation (HTML's own
    // pattern for a quote with its source).
    for figure in doc.select("figure").nodes() {
        if !size(figure).quote {
            doomed.push(*figure);
        }
    }
    for node in doc
        .select("[class], [id], [role], [aria-hidden], nav, form, footer")
        .nodes()
    {
        if is_boilerplate(node) && size(node).text * 2 < total {
            doomed.push(*node);
        }
    }
    // Lists of links: menus, "more news", "most read".
    for list in doc.select("ul, ol").nodes() {
        let s = size(list);
        if s.text > 0 && s.linked * 10 >= s.text * 8 && s.text * 2 < total {
            doomed.push(*list);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// What a subtree holds: text bytes (trimmed text nodes), of which inside links, and
/// whether it has a blockquote.
#[derive(Debug, Default, Clone, Copy)]
struct Size {
    text: usize,
    linked: usize,
    quote: bool,
}

/// The [`Size`] of every node, in one pass from the leaves up (pages built to be nested
/// deeply cost no more than flat ones).
fn measure(doc: &Document) -> HashMap<NodeId, Size> {
    let nodes: Vec<NodeRef> = doc.root().descendants_it().collect();
    let mut sizes: HashMap<NodeId, Size> = HashMap::with_capacity(nodes.len() + 1);
    // Pre-order reversed: every node comes after all of its descendants.
    for node in nodes.iter().rev() {
        let mut s = sizes.get(&node.id).copied().unwrap_or_default();
        if node.is_text() {
            s.text += node.text().trim().len();
        }
        match node.node_name().as_deref() {
            Some("a") => s.linked = s.text,
            Some("blockquote") => s.quote = true,
            _ => {}
        }
        sizes.insert(node.id, s);
        if let Some(parent) = node.parent() {
            let p = sizes.entry(parent.id).or_default();
            p.text += s.text;
            p.linked += s.linked;
            p.quote |= s.quote;
        }
    }
    sizes
}

/// Whether the element's name, role or class/id words say it is boilerplate.
fn is_boilerplate(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default();
    if matches!(
        &*name,
        "html" | "body" | "main" | "article" | "blockquote" | "p" | "h1" | "h2" | "h3"
    ) {
        return false;
    }
    if BOILERPLATE_TAGS.contains(&&*name) {
        return true;
    }
    if node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return true;
    }
    if let Some(role) = node.attr("role") {
        if matches!(
            &*role,
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alert"
        ) {
            return true;
        }
    }
    let mut bad = false;
    for attr in ["class", "id"] {
        let Some(value) = node.attr(attr) else {
            continue;
        };
        for token in value.split_ascii_whitespace() {
            for word in words(token) {
                if KEEP_WORDS.contains(&word.as_str()) {
                    return false;
                }
                bad |= BOILERPLATE_WORDS.contains(&word.as_str());
            }
        }
    }
    bad
}

/// The words of a class or id token: split at `-`, `_`, digits and lower-to-upper case
/// changes, lowercased.
fn words(token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in token.chars() {
        if !c.is_ascii_alphabetic() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_at_dashes_underscores_digits_and_case() {
        assert_eq!(words("wp-caption_text"), ["wp", "caption", "text"]);
        assert_eq!(words("shareBar2top"), ["share", "bar", "top"]);
        assert_eq!(words("f_caption_muted"), ["f", "caption", "muted"]);
    }

    #[test]
    fn captions_related_boxes_and_scripts_go_quotes_and_the_body_stay() {
        let doc = Document::from(
            r#"<html><body class="f_caption_muted_videos_on">
            <nav>Home | World</nav>
            <article><p>First paragraph of the story.</p>
            <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
            <div class="image-credit">Photo: Someone</div>
            <blockquote class="pull-quote">"We will not back down," she said.</blockquote>
            <aside class="related-stories"><a href="/a">Another story</a></aside>
            <script>var illegal = "aliens";</script>
            <p>Second paragraph.</p></article>
            <div class="social-share">Share this</div>
            </body></html>"#,
        );
        strip_boilerplate(&doc);
        let text = doc.select("body").text();
        for kept in [
            "First paragraph",
            "Second paragraph",
            "We will not back down",
        ] {
            assert!(text.contains(kept), "{kept} kept: {text}");
        }
        for gone in [
            "Home",
            "A caption",
            "Photo",
            "Another story",
            "aliens",
            "Share this",
        ] {
            assert!(!text.contains(gone), "{gone} removed: {text}");
        }
    }

    #[test]
    fn a_container_holding_most_paragraphs_is_kept_whatever_its_class() {
        let doc = Document::from(
            r#"<div class="promo-wrapper"><p>One.</p><p>Two.</p><p>Three.</p></div>
            <div class="promo"><p>Buy now.</p></div>"#,
        );
        strip_boilerplate(&doc);
        let text = doc.select("body").text();
        assert!(
            text.contains("Three.") && !text.contains("Buy now"),
            "{text}"
        );
    }
}
