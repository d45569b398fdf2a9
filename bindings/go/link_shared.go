//go:build !payseal_static

package payseal

// By default the package links the installed shared library, found by pkg-config (payseal.pc;
// set PKG_CONFIG_PATH=<prefix>/lib/pkgconfig for a prefix outside pkg-config's search path). The
// program then loads libpayseal.so.<ABI version> at run time, by the dynamic loader's rules.

// #cgo pkg-config: payseal
import "C"
