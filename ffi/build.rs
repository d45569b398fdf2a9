//! Gives `libpayseal.so` its SONAME, `libpayseal.so.<ABI version>`, so that programs linked
//! against it record the ABI they were built for and keep loading the right library when a later,
//! incompatible one is installed beside it; and marks it never to be unloaded (`-z nodelete`), so
//! that its key cache survives PHP's FFI closing it at the end of each request. The ABI version is read from this crate's
//! `[package.metadata.payseal] abi-version` (which `tests/header.rs` keeps equal to
//! `PAYSEAL_ABI_VERSION` in the header): this is the one place the versioned file name is made;
//! `scripts/install.sh` and the bindings' packaging read the SONAME back from the built library.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let manifest =
        Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("Cargo.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = fs::read_to_string(&manifest).expect("read Cargo.toml");
    let abi = abi_version(&text).unwrap_or_else(|| {
        panic!(
            "{}: no `abi-version = N` under [package.metadata.payseal]",
            manifest.display()
        )
    });

    // The target, not the host: a cross build for macOS gets an install name, not a SONAME.
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let family = env::var("CARGO_CFG_TARGET_FAMILY").unwrap_or_default();
    if os == "macos" || os == "ios" {
        // The dylib's identity, found next to the program through its rpath.
        println!("cargo:rustc-cdylib-link-arg=-Wl,-install_name,@rpath/libpayseal.{abi}.dylib");
    } else if family == "unix" {
        // Linux (glibc and musl), Android and the BSDs: ELF, where ld takes -soname.
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libpayseal.so.{abi}");
        // Never unloaded once loaded (DF_1_NODELETE): PHP's FFI dlclose()s the library when a
        // request's FFI object dies, and unloading it would drop the process-wide key cache (the
        // next request parses every key again; bindings/php/tests/FpmTest.php fails without
        // this) and leak the cached keys' heap memory unwiped.
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
    }
    // Windows: a DLL has no SONAME; the ABI check at load time is the guard there.
}

/// `abi-version = N` from the `[package.metadata.payseal]` table of `Cargo.toml`.
fn abi_version(manifest: &str) -> Option<u32> {
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[package.metadata.payseal]";
        } else if in_table {
            if let Some(value) = line.strip_prefix("abi-version") {
                return value.trim_start().strip_prefix('=')?.trim().parse().ok();
            }
        }
    }
    None
}
