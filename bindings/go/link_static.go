//go:build payseal_static

package payseal

// With -tags payseal_static the package links libpayseal.a itself (payseal-static.pc) and the
// system libraries it needs (its Libs.private, hence --static): the program needs no
// libpayseal.so at run time.

// #cgo pkg-config: --static payseal-static
import "C"
