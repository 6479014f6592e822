//! `slant lexicon suggest`: the words and phrases two groups of articles differ on
//! (grouped by a JSONL field, or two corpora), ranked by Fightin' Words log-odds, as a
//! table, CSV or JSON, and `--yaml` concept stubs for the lexicon. One streaming pass on
//! every core; memory bounded by `--max-phrases` and `--example-mb`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::builder::TypedValueParser;
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::progress::Progress;
use crate::cli::shared::terminal::Terminal;
use slant::analysis::Engine;
use slant::authoring::keyness::{self, KeynessBuilder, Observation, Options};
use slant::authoring::stubs;
use slant::input::{Article, LoadOptions};
use slant::lexicon::{SideRef, DEFAULT_NAME};
use slant::{batch, input, report};

/// Articles handed to the phrase count at a time.
const BATCH: usize = 32;

/// Output formats of `slant lexicon suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    Table,
    Csv,
    Json,
}

const AFTER_HELP: &str = "\
Two ways to name the groups:
  slant lexicon suggest corpus.jsonl --by lean --groups right,left
  slant lexicon suggest corpus.jsonl --by outlet --groups \"Fox News+Breitbart,CNN+Vox\"
  slant lexicon suggest fox/ --vs cnn/ --groups fox,cnn

Words are slant's clause words (text/words.rs); phrases are 2-4 consecutive words of one
clause without a stopword at either end (and single words). Each row: z-score, uses and articles in each
group, share inside quotation marks, outlets, whether the lexicon already lists it, and
two example lines. Then, e.g.:  slant kwic \"border crisis\" corpus.jsonl --format html -o kwic.html

Memory is bounded whatever the corpus size: at most --max-phrases distinct phrases are held
(default 458,752: a 46 MB table, plus the text of those used --min-count times); when the
table fills, the rarest half is dropped (lossy counting), and a row whose counts may lack
uses says so (marked *, max_missing in CSV and JSON). Example lines take at most
--example-mb (default 16). On top comes what every command holds: the articles being read
and analysed, a few hundred at a time. Measured peak: 320 MB on 20,000 long articles built
to bring new phrases all the time (BENCHMARKS.md); 1,106 real articles fit without pruning.";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Compare PATH… (the first group) with these files or folders (the second group),
    /// instead of --by.
    #[arg(long, value_name = "PATH", num_args = 1.., conflicts_with = "by")]
    pub vs: Vec<String>,
    /// Group articles by this JSONL field: `outlet`, or any other field such as `lean`.
    #[arg(long, value_name = "FIELD")]
    pub by: Option<String>,
    /// The two groups, A,B: values of --by (several values for one group joined by `+`),
    /// or names for the two corpora of --vs.
    #[arg(long, value_name = "A,B")]
    pub groups: Option<String>,
    /// Lexicon sides of the two groups, A_SIDE,B_SIDE (default: read from each group's
    /// loaded words). The --yaml stubs take the side of the group they favour.
    #[arg(long, value_name = "A_SIDE,B_SIDE")]
    pub sides: Option<String>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SuggestFormat::Table)]
    pub format: SuggestFormat,
    /// Write concept stubs for the phrases the lexicon lacks to FILE: a lexicon that
    /// extends the one used, ready for `slant lexicon check` and `slant lexicon test`.
    #[arg(long, value_name = "FILE")]
    pub yaml: Option<PathBuf>,
    /// Phrases shown per group.
    #[arg(long, value_name = "N", default_value_t = Options::default().top)]
    pub top: usize,
    /// Longest phrase, in words (1-4).
    #[arg(long, value_name = "N", default_value_t = Options::default().max_n,
          value_parser = clap::value_parser!(u8).range(1..=4).map(usize::from))]
    pub max_words: usize,
    /// Fewest uses (both groups together) for a phrase to be ranked.
    #[arg(long, value_name = "N", default_value_t = Options::default().min_count)]
    pub min_count: u32,
    /// Fewest articles (both groups together) for a phrase to be ranked.
    #[arg(long, value_name = "N", default_value_t = Options::default().min_docs)]
    pub min_docs: u32,
    /// Smallest |z| shown.
    #[arg(long, value_name = "Z", default_value_t = Options::default().min_z)]
    pub min_z: f64,
    /// Also rank phrases that are mostly capitalized inside a sentence (names of people,
    /// places, outlets), left out by default.
    #[arg(long)]
    pub names: bool,
    /// Keep phrases whose difference is one outlet's habit: by default a phrase that is no
    /// longer significant without the outlet that used it most (boilerplate, a
    /// columnist's tic) is left out. Always kept with --by outlet.
    #[arg(long)]
    pub keep_outlet_habits: bool,
    /// `α_0` of the informative Dirichlet prior, in words.
    #[arg(long, value_name = "WORDS", default_value_t = Options::default().prior_words)]
    pub prior: f64,
    /// Most distinct phrases held in memory at once (see below).
    #[arg(long, value_name = "N", default_value_t = Options::default().max_phrases,
          value_parser = clap::value_parser!(u64).range(100..).map(|v| v as usize))]
    pub max_phrases: usize,
    /// Most megabytes of example lines held at once.
    #[arg(long, value_name = "MB", default_value_t = 16)]
    pub example_mb: usize,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

/// Which articles belong to which group.
enum Grouping {
    /// By `outlet` or a label field: values of each group.
    Field {
        outlet: bool,
        values: [Vec<String>; 2],
    },
    /// Two corpora.
    Corpora,
}

impl Grouping {
    fn group_of(&self, a: &Article) -> Option<usize> {
        let Grouping::Field { outlet, values } = self else {
            return None;
        };
        let v = if *outlet {
            a.outlet.as_deref()
        } else {
            a.label.as_deref()
        }?;
        let v = v.trim();
        values
            .iter()
            .position(|vals| vals.iter().any(|x| x.eq_ignore_ascii_case(v)))
    }
}

/// `A,B` into two non-empty parts.
fn pair(s: &str, what: &str) -> Result<[String; 2]> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [a, b] if !a.is_empty() && !b.is_empty() => Ok([a.to_string(), b.to_string()]),
        _ => bail!("{what} takes two names separated by a comma, e.g. `right,left` (got `{s}`)"),
    }
}

/// A short name for a list of paths: the first one's file stem, "+N" for the rest.
fn corpus_name(paths: &[String]) -> String {
    let first = paths.first().map_or("-", String::as_str);
    let stem = Path::new(first)
        .file_stem()
        .map_or(first.to_string(), |s| s.to_string_lossy().into_owned());
    if paths.len() > 1 {
        format!("{stem}+{}", paths.len() - 1)
    } else {
        stem
    }
}

/// What to write after `extends:` so the stubs build on the lexicon used.
fn extends_target(lexicon: Option<&Path>) -> Result<String> {
    match lexicon {
        None => Ok(format!("builtin:{DEFAULT_NAME}")),
        Some(p) => match p.to_str().filter(|s| s.starts_with("builtin:")) {
            Some(s) => Ok(s.to_string()),
            None => {
                let abs = p
                    .canonicalize()
                    .with_context(|| format!("cannot resolve {}", p.display()))?;
                Ok(abs.display().to_string())
            }
        },
    }
}

/// The side ids of `--sides`.
fn parse_sides(engine: &Engine, s: Option<&str>) -> Result<[Option<SideRef>; 2]> {
    let Some(s) = s else {
        return Ok([None, None]);
    };
    let ids = pair(s, "--sides")?;
    let find = |id: &str| -> Result<Option<SideRef>> {
        match engine.lexicon.sides.iter().position(|x| x.id == id) {
            Some(i) => Ok(Some(Some(i))),
            None => bail!(
                "--sides: no side `{id}` in the lexicon (its sides: {})",
                engine
                    .lexicon
                    .sides
                    .iter()
                    .map(|x| x.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    Ok([find(&ids[0])?, find(&ids[1])?])
}

/// The groups and the passes over the input that fill them.
struct Plan {
    grouping: Grouping,
    names: [String; 2],
    /// Paths to read, and the group all their articles are in (`None`: by field).
    runs: Vec<(Vec<String>, Option<usize>)>,
}

/// What `--vs`, `--by` and `--groups` ask for.
fn plan(a: &SuggestArgs) -> Result<Plan> {
    if !a.vs.is_empty() {
        if a.input.paths.is_empty() {
            bail!("--vs compares PATH… with the paths after it: give the first corpus too, e.g. `slant lexicon suggest fox/ --vs cnn/`");
        }
        let names = match &a.groups {
            Some(g) => pair(g, "--groups")?,
            None => [corpus_name(&a.input.paths), corpus_name(&a.vs)],
        };
        return Ok(Plan {
            grouping: Grouping::Corpora,
            names,
            runs: vec![(a.input.paths.clone(), Some(0)), (a.vs.clone(), Some(1))],
        });
    }
    let Some(by) = a.by.clone() else {
        bail!("name the two groups: `--by FIELD --groups A,B` (e.g. `--by lean --groups right,left`), or compare two corpora with `--vs`");
    };
    let Some(groups) = &a.groups else {
        bail!("--by {by} needs --groups A,B: the two values of `{by}` to compare (e.g. `--groups right,left`)");
    };
    let names = pair(groups, "--groups")?;
    let values = names
        .clone()
        .map(|n| n.split('+').map(|v| v.trim().to_string()).collect());
    Ok(Plan {
        grouping: Grouping::Field {
            outlet: by == "outlet",
            values,
        },
        names,
        runs: vec![(a.input.paths.clone(), None)],
    })
}

pub fn run(a: SuggestArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine()?;
    let sides = parse_sides(&engine, a.sides.as_deref())?;
    let Plan {
        grouping,
        names,
        runs,
    } = plan(&a)?;
    let label_field = match (&grouping, &a.by) {
        (Grouping::Field { outlet: false, .. }, Some(by)) => Some(Arc::from(by.as_str())),
        _ => None,
    };
    let opts = Options {
        max_n: a.max_words,
        min_count: a.min_count.max(1),
        min_docs: a.min_docs.max(1),
        top: a.top,
        min_z: a.min_z,
        names: a.names,
        max_phrases: a.max_phrases,
        example_bytes: a.example_mb.saturating_mul(1 << 20),
        prior_words: a.prior,
        outlet_check: !a.keep_outlet_habits
            && !matches!(grouping, Grouping::Field { outlet: true, .. }),
    };
    if !(opts.prior_words > 0.0 && opts.prior_words.is_finite()) {
        bail!("--prior must be a positive number of words");
    }
    let yaml_target = match &a.yaml {
        Some(p) => {
            let inputs: Vec<PathBuf> = a
                .input
                .paths
                .iter()
                .chain(&a.vs)
                .filter(|p| *p != "-")
                .map(PathBuf::from)
                .collect();
            refuse_input(p, &inputs, a.lexicon.lexicon.as_deref())?;
            Some((p.clone(), extends_target(a.lexicon.lexicon.as_deref())?))
        }
        None => None,
    };
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut builder = KeynessBuilder::new(opts);
    let mut done = 0usize;
    for (paths, fixed) in runs {
        let input_args = InputArgs {
            paths: paths.clone(),
            ..a.input.clone()
        };
        let inputs = input_args.inputs(term)?;
        let load_opts = LoadOptions {
            label_field: label_field.clone(),
            ..input_args.load_opts()
        };
        let articles = input::load(&inputs, load_opts);
        let progress = Progress::auto("counting", &articles);
        let (eng, grouping, max_n) = (&engine, &grouping, opts.max_n);
        let map = move |art: Article| -> (Option<Observation>, Vec<String>, u64) {
            let warnings = art.warnings.clone();
            let size = art.text.len() as u64;
            let g = fixed.or_else(|| grouping.group_of(&art));
            let o = g.map(|g| keyness::observe(eng, eng.analyze(art), g, max_n));
            (o, warnings, size)
        };
        // Articles go to the count in batches, whose phrases the table's shards take in
        // parallel on the same pool.
        let mut pending: Vec<Observation> = Vec::with_capacity(BATCH);
        batch::run_ordered(&pool, articles, map, |r| -> Result<()> {
            match r {
                Ok((o, warnings, size)) => {
                    progress.inc(size);
                    for w in warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    match o {
                        Some(o) => pending.push(o),
                        None => builder.skip(),
                    }
                    if pending.len() == BATCH {
                        let full = std::mem::replace(&mut pending, Vec::with_capacity(BATCH));
                        pool.install(|| builder.add_batch(full));
                    }
                    done += 1;
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        })?;
        pool.install(|| builder.add_batch(pending));
        progress.finish();
    }
    let k = builder.finish(&engine, names, sides);
    for g in &k.groups {
        if g.articles == 0 {
            let how = match (&grouping, &a.by) {
                (Grouping::Field { .. }, Some(by)) => {
                    format!("no article has `{by}` = {}", g.name.replace('+', " or "))
                }
                _ => "its corpus has no article".to_string(),
            };
            bail!(
                "group `{}` is empty: {how}; {} article(s) read, {} in neither group",
                g.name,
                done,
                k.other
            );
        }
    }
    match a.format {
        SuggestFormat::Table => {
            out.write_all(report::keyness::render_table(&engine, &k).as_bytes())?
        }
        SuggestFormat::Csv => out.write_all(&report::keyness::render_csv(&engine, &k))?,
        SuggestFormat::Json => out.write_all(&report::keyness::render_json(&engine, &k))?,
    }
    out.flush()?;
    if let Some((path, extends)) = yaml_target {
        let stubs = stubs::stubs(&engine, &k);
        let yaml = report::keyness::render_yaml(&engine, &k, &stubs, &extends);
        report::output::atomic_write(&path, yaml.as_bytes())?;
        writeln!(
            err,
            "slant: wrote {} concept stub(s) to {} (check them with `slant lexicon check {}`)",
            stubs.len(),
            path.display(),
            path.display()
        )?;
    }
    Ok(problems.finish(done, err)?)
}

/// Refuse to write over an input or the lexicon.
fn refuse_input(out: &Path, inputs: &[PathBuf], lexicon: Option<&Path>) -> Result<()> {
    let Ok(target) = out.canonicalize() else {
        return Ok(());
    };
    for p in inputs.iter().map(PathBuf::as_path).chain(lexicon) {
        if p.canonicalize().is_ok_and(|c| c == target) {
            bail!(
                "refusing to write the stubs over {}, which is an input",
                out.display()
            );
        }
    }
    Ok(())
}
