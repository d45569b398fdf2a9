//! The committed C headers (`include/` at the repository's root) are exactly what cbindgen
//! (pinned) generates from this crate, and the versions in them match `Cargo.toml`.
//! `PAYSEAL_BLESS_HEADER=1 cargo test -p payseal-ffi --test header` rewrites them; without it, a
//! stale header fails the test. (The functions' own answers are checked in `src/version.rs`.)

use std::path::{Path, PathBuf};

/// This crate's directory.
fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's `include/`.
fn include_dir() -> PathBuf {
    crate_dir().join("../include")
}

/// Generates `payseal.h` with cbindgen and the settings in `cbindgen.toml`, from this crate's
/// source (its tests are `#[cfg(test)]` and export nothing).
fn generate_header() -> String {
    let config =
        cbindgen::Config::from_file(crate_dir().join("cbindgen.toml")).expect("cbindgen.toml");
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_src(crate_dir().join("src/lib.rs"))
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut out);
    String::from_utf8(out).expect("UTF-8 header")
}

/// The flattened header for PHP's FFI parser: no preprocessor lines (`#include`, `#if`, `#define`,
/// include guards), no `extern "C"` wrapper, no comments — declarations only.
fn flatten_for_php(header: &str) -> String {
    let mut out = String::from(
        "/* Flattened from include/payseal.h for PHP FFI::cdef (no preprocessor). Generated: do not edit. */\n",
    );
    let mut in_comment = false;
    let mut skip_depth = 0usize;
    for line in header.lines() {
        let trimmed = line.trim();
        if in_comment {
            if trimmed.contains("*/") {
                in_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("/*") {
            if !trimmed.contains("*/") {
                in_comment = true;
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        // The C++ guard: `#if defined(__cplusplus)` / `#ifdef __cplusplus` ... `#endif`.
        if trimmed.starts_with("#if") && trimmed.contains("__cplusplus") {
            skip_depth += 1;
            continue;
        }
        if skip_depth > 0 {
            if trimmed.starts_with("#endif") {
                skip_depth -= 1;
            }
            continue;
        }
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn check_or_bless(path: &Path, expected: &str) {
    let bless = std::env::var_os("PAYSEAL_BLESS_HEADER").is_some();
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current != expected {
        if bless {
            std::fs::write(path, expected).expect("write header");
        } else {
            panic!(
                "{} is stale: run `PAYSEAL_BLESS_HEADER=1 cargo test -p payseal-ffi --test header` \
                 and commit it",
                path.display()
            );
        }
    }
}

#[test]
fn headers_are_current() {
    let header = generate_header();
    check_or_bless(&include_dir().join("payseal.h"), &header);
    check_or_bless(
        &include_dir().join("payseal_php.h"),
        &flatten_for_php(&header),
    );
}

#[test]
fn versions_match_cargo_toml() {
    let manifest = std::fs::read_to_string(crate_dir().join("Cargo.toml")).unwrap();
    let abi: u32 = manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("abi-version = "))
        .expect("[package.metadata.payseal] abi-version")
        .parse()
        .unwrap();
    let header = std::fs::read_to_string(include_dir().join("payseal.h")).unwrap();
    assert!(
        header.contains(&format!("#define PAYSEAL_ABI_VERSION {abi}")),
        "header ABI version"
    );
    assert!(
        header.contains(&format!(
            "#define PAYSEAL_VERSION \"{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "header version: update after_includes in cbindgen.toml"
    );
    let toml = std::fs::read_to_string(crate_dir().join("cbindgen.toml")).unwrap();
    assert!(toml.contains(&format!(
        "#define PAYSEAL_VERSION \"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
}

#[test]
fn php_header_has_no_preprocessor_lines() {
    let php = std::fs::read_to_string(include_dir().join("payseal_php.h")).unwrap();
    for line in php.lines() {
        assert!(!line.trim_start().starts_with('#'), "{line}");
        assert!(!line.contains("extern \"C\""), "{line}");
    }
    assert!(php.contains("payseal_keepz_seal"));
}
