//! One module per subcommand: its clap arguments and its `run`.

pub mod bench;
pub mod code;
pub mod eval;
pub mod explain;
pub mod events;
pub mod export;
pub mod ingest;
pub mod recode;
pub mod search;
pub mod timeline;

use std::path::PathBuf;

use anyhow::Context as _;
use dyad_coder::Coder;
use dyad_dict::Dictionary;

/// The coder with the bundled dictionaries, or with `--dict DIR` overrides; dictionary
/// lines that could not be read are reported on stderr.
///
/// The coder lives until the process exits: it is leaked on purpose, since freeing tens of
/// thousands of dictionary entries one by one at exit costs more than the work of a small run.
pub fn coder(dict: Option<&PathBuf>) -> anyhow::Result<&'static Coder> {
    let d = match dict {
        Some(dir) => Dictionary::with_overrides(dir).with_context(|| format!("loading dictionaries from {}", dir.display()))?,
        None => Dictionary::bundled(),
    };
    for diag in d.diagnostics.iter().take(20) {
        eprintln!("dyad: dictionary {diag}");
    }
    if d.diagnostics.len() > 20 {
        eprintln!("dyad: ... and {} more dictionary diagnostics", d.diagnostics.len() - 20);
    }
    Ok(Box::leak(Box::new(Coder::new(d))))
}
