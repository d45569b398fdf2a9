/*
 * check.h: the smallest test harness that can work. CHECK-style macros count passes and
 * failures (thread-safely), print each failure with its location, and CHECK_SUMMARY() prints the
 * final line "N passed, N failed" and gives the exit code (non-zero on any failure).
 */
#ifndef PAYSEAL_C_CHECK_H
#define PAYSEAL_C_CHECK_H

#include <stdio.h>
#include <string.h>

static unsigned long check_passed;
static unsigned long check_failed;

/* Records one check; returns whether it passed. A failure prints a line starting "FAIL" (details
 * that follow it start with "  ! "; run.sh shows both). */
static inline int check_record(int ok, const char *file, int line, const char *what) {
    if (ok) {
        __sync_fetch_and_add(&check_passed, 1UL);
    } else {
        __sync_fetch_and_add(&check_failed, 1UL);
        printf("FAIL %s:%d: %s\n", file, line, what);
        fflush(stdout);
    }
    return ok;
}

/* CHECK(cond): the condition holds. */
#define CHECK(cond) check_record(!!(cond), __FILE__, __LINE__, #cond)

/* CHECK_INT(actual, expected): two integers are equal (both printed on failure). */
#define CHECK_INT(actual, expected) \
    check_int_eq((long long)(actual), (long long)(expected), __FILE__, __LINE__, #actual, #expected)

static inline int check_int_eq(long long actual, long long expected, const char *file, int line,
                               const char *actual_text, const char *expected_text) {
    char what[512];
    if (actual == expected) {
        return check_record(1, file, line, actual_text);
    }
    snprintf(what, sizeof what, "%s == %s (got %lld, expected %lld)", actual_text,
             expected_text, actual, expected);
    return check_record(0, file, line, what);
}

/* CHECK_STR(actual, expected): two NUL-terminated strings are equal. */
#define CHECK_STR(actual, expected) \
    check_str_eq((actual), (expected), __FILE__, __LINE__, #actual)

static inline int check_str_eq(const char *actual, const char *expected, const char *file,
                               int line, const char *actual_text) {
    char what[512];
    if (actual != NULL && expected != NULL && strcmp(actual, expected) == 0) {
        return check_record(1, file, line, actual_text);
    }
    snprintf(what, sizeof what, "%s is \"%.200s\", expected \"%.200s\"", actual_text,
             actual ? actual : "(NULL)", expected ? expected : "(NULL)");
    return check_record(0, file, line, what);
}

/* CHECK_SUMMARY(): prints "N passed, N failed" (the last line of output); the exit code. */
#define CHECK_SUMMARY() check_summary()

static inline int check_summary(void) {
    printf("%lu passed, %lu failed\n", check_passed, check_failed);
    fflush(stdout);
    return check_failed == 0 && check_passed > 0 ? 0 : 1;
}

#endif /* PAYSEAL_C_CHECK_H */
