//! Telling valgrind's memcheck which bytes are secret, so that it can prove the open path does not
//! branch on them (the ctgrind / AWS-LC `CONSTTIME_SECRET` technique).
//!
//! memcheck tracks, for every bit, whether it is *defined*. Marking a secret as undefined costs
//! nothing at run time, but from then on memcheck reports every conditional jump, and every memory
//! address, that depends on it: exactly the timing leaks a constant-time routine must not have.
//! Declassifying marks a value defined again, on purpose, at the one point where it becomes public
//! (the Ok/CannotOpen decision). `scripts/ct-check.sh` runs `tests/ct_valgrind.rs` this way.
//!
//! Everything here is a no-op unless the hidden cargo feature `ct-valgrind` is on (and the target
//! is x86_64): the functions are empty and inline away. With the feature, each call is valgrind's
//! client-request instruction sequence, which does nothing when the program does not run under
//! valgrind (four rotations of `rdi` by 128 bits in all, and `xchg rbx, rbx`).

use subtle::Choice;

/// Marks `value`'s bytes as secret (undefined for memcheck) from here on.
///
/// `&mut`: the compiler must then assume the bytes may have changed and read them again from
/// memory, where the mark is, rather than reuse a copy it holds in a register.
#[inline(always)]
pub(crate) fn mark_secret<T: ?Sized>(value: &mut T) {
    client::make_mem(client::MAKE_MEM_UNDEFINED, value);
}

/// Marks `value`'s bytes as public (defined for memcheck) from here on.
#[inline(always)]
pub(crate) fn declassify<T: ?Sized>(value: &mut T) {
    client::make_mem(client::MAKE_MEM_DEFINED, value);
}

/// `value`, made public: read back through memory after the mark.
#[inline(always)]
pub(crate) fn declassified<T: Copy>(mut value: T) -> T {
    declassify(&mut value);
    // SAFETY: `value` is a live, aligned, initialized local.
    unsafe { std::ptr::read_volatile(&value) }
}

/// The decision, made public: the one place where a secret-derived `Choice` becomes a `bool`.
#[inline(always)]
pub(crate) fn declassify_choice(choice: Choice) -> bool {
    declassified(choice.unwrap_u8()) == 1
}

#[cfg(all(feature = "ct-valgrind", target_arch = "x86_64"))]
mod client {
    /// `VG_USERREQ_TOOL_BASE('M','C')` + 1 and + 2, from `valgrind/memcheck.h`.
    pub(super) const MAKE_MEM_UNDEFINED: usize = 0x4d43_0001;
    pub(super) const MAKE_MEM_DEFINED: usize = 0x4d43_0002;
    /// `VG_USERREQ__RUNNING_ON_VALGRIND`, from `valgrind/valgrind.h`.
    const RUNNING_ON_VALGRIND: usize = 0x1001;

    /// valgrind's client request (`VALGRIND_DO_CLIENT_REQUEST_EXPR` for amd64 in
    /// `valgrind/valgrind.h`): `rax` points at the request and its five arguments, `rdx` carries
    /// the default result in and the answer out.
    fn request(code: usize, arg1: usize, arg2: usize) -> usize {
        let args: [usize; 6] = [code, arg1, arg2, 0, 0, 0];
        let mut result: usize = 0;
        // SAFETY: natively this is six instructions with no effect (rdi rotated by 3 + 13 + 61 +
        // 51 = 128 bits is rdi again; `xchg rbx, rbx` changes nothing) apart from the flags, which
        // asm! assumes clobbered. Under valgrind the sequence is a request that reads `args` (alive
        // and in bounds for the whole block) and changes only valgrind's shadow state, never
        // program-visible memory; `rdx` receives the result, as declared.
        unsafe {
            std::arch::asm!(
                "rol rdi, 3",
                "rol rdi, 13",
                "rol rdi, 61",
                "rol rdi, 51",
                "xchg rbx, rbx",
                in("rax") args.as_ptr(),
                inout("rdx") result,
                options(nostack),
            );
        }
        result
    }

    pub(super) fn make_mem<T: ?Sized>(code: usize, value: &mut T) {
        request(
            code,
            std::ptr::from_mut(value).cast::<u8>() as usize,
            std::mem::size_of_val(value),
        );
    }

    /// Whether the program runs under valgrind (0 natively).
    pub fn running_on_valgrind() -> bool {
        request(RUNNING_ON_VALGRIND, 0, 0) != 0
    }
}

#[cfg(not(all(feature = "ct-valgrind", target_arch = "x86_64")))]
mod client {
    pub(super) const MAKE_MEM_UNDEFINED: usize = 0;
    pub(super) const MAKE_MEM_DEFINED: usize = 0;

    #[inline(always)]
    pub(super) fn make_mem<T: ?Sized>(_code: usize, _value: &mut T) {}

    #[allow(dead_code)] // used by the hidden harness API only with `ct-valgrind`
    pub fn running_on_valgrind() -> bool {
        false
    }
}

#[allow(unused_imports)] // used through `ct::internals` only
pub use client::running_on_valgrind;

/// Set by the harness to mark the RSA step's *input* secret as well (see [`taint_rsa_input`]).
static TAINT_RSA_INPUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Also marks each RSA block secret before the RSA step (`true`), so that memcheck sees what the
/// RSA step itself does with the result: every value computed from the block, the padding check
/// and the message length included, then counts as secret. A diagnostic for the harness: the
/// block is public, so this also flags work on public data (such as range checks of the block).
#[allow(dead_code)] // used through `ct::internals` only
pub fn taint_rsa_input(on: bool) {
    TAINT_RSA_INPUT.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether [`taint_rsa_input`] is on.
pub(crate) fn rsa_input_tainted() -> bool {
    cfg!(feature = "ct-valgrind") && TAINT_RSA_INPUT.load(std::sync::atomic::Ordering::Relaxed)
}
