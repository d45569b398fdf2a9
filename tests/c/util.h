/*
 * util.h: helpers shared by the payseal C tests: files, shell commands (openssl, base64),
 * temporary directories, buffer comparisons, status checks and the "untouched output" sentinel.
 */
#ifndef PAYSEAL_C_UTIL_H
#define PAYSEAL_C_UTIL_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "payseal.h"
#include "check.h"

/* ---- files and commands ------------------------------------------------------------------- */

/* Reads a whole file into a malloc'd buffer with an extra NUL; NULL (and a message) on failure. */
static inline uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        printf("cannot open %s\n", path);
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n + 4096 + 1 > cap) {
            uint8_t *grown;
            cap = (n + 4096 + 1) * 2;
            grown = (uint8_t *)realloc(data, cap);
            if (grown == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = grown;
        }
        got = fread(data + n, 1, 4096, f);
        n += got;
        if (got < 4096) {
            break;
        }
    }
    fclose(f);
    data[n] = 0;
    *len = n;
    return data;
}

static inline int write_file(const char *path, const void *data, size_t len) {
    FILE *f = fopen(path, "wb");
    int ok;
    if (f == NULL) {
        return 0;
    }
    ok = fwrite(data, 1, len, f) == len;
    return (fclose(f) == 0) && ok;
}

/* The directory of the test keys: $PAYSEAL_TEST_KEYS, else tests/keys (run from the repo root). */
static inline const char *keys_dir(void) {
    const char *dir = getenv("PAYSEAL_TEST_KEYS");
    return dir != NULL && dir[0] != 0 ? dir : "tests/keys";
}

static inline void key_path(const char *name, char *path, size_t size) {
    snprintf(path, size, "%s/%s", keys_dir(), name);
}

/* Reads tests/keys/<name> (or `name` itself when it is a path, i.e. contains a '/'); aborts the
 * program if the file is missing (nothing else can work). */
static inline uint8_t *read_key(const char *name, size_t *len) {
    char path[1024];
    uint8_t *data;
    if (strchr(name, '/') != NULL) {
        snprintf(path, sizeof path, "%s", name);
    } else {
        key_path(name, path, sizeof path);
    }
    data = read_file(path, len);
    if (data == NULL) {
        printf("missing test key %s (run from the repository root or set PAYSEAL_TEST_KEYS)\n",
               path);
        exit(2);
    }
    return data;
}

/* Formats and runs a shell command; returns its exit status (0 on success). */
static inline int run_cmd(const char *format, ...) {
    char command[8192];
    va_list args;
    int rc;
    va_start(args, format);
    vsnprintf(command, sizeof command, format, args);
    va_end(args);
    fflush(stdout);
    rc = system(command);
    if (rc == -1) {
        return -1;
    }
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

/* A fresh private directory under $TMPDIR (or /tmp); the path is written into `dir`. */
static inline int make_temp_dir(char *dir, size_t size) {
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, size, "%s/payseal-c-XXXXXX", tmp != NULL && tmp[0] != 0 ? tmp : "/tmp");
    return mkdtemp(dir) != NULL;
}

static inline void remove_temp_dir(const char *dir) {
    if (dir[0] != 0 && strstr(dir, "payseal-c-") != NULL) {
        run_cmd("rm -rf '%s'", dir);
    }
}

/* ---- buffers ------------------------------------------------------------------------------- */

static inline int buf_eq(payseal_buffer b, const void *data, size_t len) {
    return b.len == len && (len == 0 || (b.data != NULL && memcmp(b.data, data, len) == 0));
}

static inline int buf_eq_str(payseal_buffer b, const char *s) {
    return buf_eq(b, s, strlen(s));
}

static inline int bytes_contain(const uint8_t *data, size_t len, const char *needle) {
    size_t n = strlen(needle), i;
    if (n == 0) {
        return 1;
    }
    if (data == NULL || len < n) {
        return 0;
    }
    for (i = 0; i + n <= len; i++) {
        if (memcmp(data + i, needle, n) == 0) {
            return 1;
        }
    }
    return 0;
}

static inline int buf_contains(payseal_buffer b, const char *needle) {
    return bytes_contain(b.data, b.len, needle);
}

/* A malloc'd, NUL-terminated copy of a buffer (for printing and string functions). */
static inline char *buf_text(payseal_buffer b) {
    char *s = (char *)malloc(b.len + 1);
    if (s == NULL) {
        exit(2);
    }
    if (b.len > 0) {
        memcpy(s, b.data, b.len);
    }
    s[b.len] = 0;
    return s;
}

/* The value of the JSON string field "name" in `json` (no escapes expected: Base64), malloc'd. */
static inline char *json_string_field(const char *json, const char *name) {
    char pattern[128];
    const char *start, *end;
    char *value;
    snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
    start = strstr(json, pattern);
    if (start == NULL) {
        return NULL;
    }
    start += strlen(pattern);
    end = strchr(start, '"');
    if (end == NULL) {
        return NULL;
    }
    value = (char *)malloc((size_t)(end - start) + 1);
    if (value == NULL) {
        exit(2);
    }
    memcpy(value, start, (size_t)(end - start));
    value[end - start] = 0;
    return value;
}

/* ---- the "output untouched" sentinel ------------------------------------------------------- */

/* Pre-fill an output with SENTINEL; after a failure it must still be the sentinel. It points at a
 * static byte: never pass it to payseal_buffer_free. */
static uint8_t sentinel_byte = 0xA5;
#define SENTINEL_LEN 0x5EA1u
static inline payseal_buffer sentinel(void) {
    payseal_buffer b;
    b.data = &sentinel_byte;
    b.len = SENTINEL_LEN;
    return b;
}
static inline int is_sentinel(payseal_buffer b) {
    return b.data == &sentinel_byte && b.len == SENTINEL_LEN && sentinel_byte == 0xA5;
}

/* ---- statuses ------------------------------------------------------------------------------ */

/* CHECK_STATUS(call, expected, &error): the call returned `expected`. On a mismatch, prints both
 * statuses and the error message, if any. */
#define CHECK_STATUS(call, expected, error) \
    check_status((int)(call), (int)(expected), (error), __FILE__, __LINE__, #call)

static inline int check_status(int actual, int expected, const payseal_buffer *error,
                               const char *file, int line, const char *call) {
    char what[1024];
    if (actual == expected) {
        return check_record(1, file, line, call);
    }
    snprintf(what, sizeof what, "%.300s returned %d (%s), expected %d (%s); error: %.*s", call,
             actual, payseal_status_text((uint32_t)actual), expected,
             payseal_status_text((uint32_t)expected),
             (error != NULL && error->data != NULL && error->len < 400) ? (int)error->len : 0,
             (error != NULL && error->data != NULL) ? (const char *)error->data : "");
    return check_record(0, file, line, what);
}

/* Inputs as (ptr, len) from a string literal or C string. */
#define STR(s) (const uint8_t *)(s), strlen(s)

/* ---- the openssl CLI ---------------------------------------------------------------------- */

static inline void to_hex(const uint8_t *bytes, size_t len, char *hex) {
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < len; i++) {
        hex[2 * i] = digits[bytes[i] >> 4];
        hex[2 * i + 1] = digits[bytes[i] & 15];
    }
    hex[2 * len] = 0;
}

/* openssl pkeyutl options: Keepz's default key wrapping, and RSAES-PKCS#1 v1.5 */
#define OAEP "-pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256"
#define PKCS1 "-pkeyopt rsa_padding_mode:pkcs1"

/* A Keepz envelope made by the openssl CLI alone (files in the directory `tmp`), sealed to
 * `pub_pem` with `padding` (OAEP or PKCS1); malloc'd JSON body, or NULL. */
static inline char *openssl_envelope(const char *tmp, const char *pub_pem, const char *payload,
                                     const char *padding) {
    char key_hex[65], iv_hex[33], *body = NULL;
    uint8_t *key = NULL, *iv = NULL, *data = NULL, *keys = NULL;
    size_t key_len = 0, iv_len = 0, data_len = 0, keys_len = 0, cap;
    char path[600];
    snprintf(path, sizeof path, "%s/plain.json", tmp);
    if (!CHECK(write_file(path, payload, strlen(payload)))) return NULL;
    if (!CHECK_INT(run_cmd("openssl rand -out '%s/key.bin' 32 && openssl rand -out '%s/iv.bin' 16",
                           tmp, tmp), 0)) return NULL;
    snprintf(path, sizeof path, "%s/key.bin", tmp);
    key = read_file(path, &key_len);
    snprintf(path, sizeof path, "%s/iv.bin", tmp);
    iv = read_file(path, &iv_len);
    if (CHECK(key && iv && key_len == 32 && iv_len == 16)) {
        to_hex(key, 32, key_hex);
        to_hex(iv, 16, iv_hex);
        CHECK_INT(run_cmd("openssl enc -aes-256-cbc -K %s -iv %s -in '%s/plain.json' -out '%s/data.bin'"
                          " && base64 -w0 '%s/data.bin' > '%s/data.b64'",
                          key_hex, iv_hex, tmp, tmp, tmp, tmp), 0);
        CHECK_INT(run_cmd("printf '%%s.%%s' \"$(base64 -w0 '%s/key.bin')\" \"$(base64 -w0 '%s/iv.bin')\""
                          " > '%s/wrap.txt' && openssl pkeyutl -encrypt -pubin -inkey '%s' %s"
                          " -in '%s/wrap.txt' -out '%s/keys.bin' && base64 -w0 '%s/keys.bin' > '%s/keys.b64'",
                          tmp, tmp, tmp, pub_pem, padding, tmp, tmp, tmp, tmp), 0);
        snprintf(path, sizeof path, "%s/data.b64", tmp);
        data = read_file(path, &data_len);
        snprintf(path, sizeof path, "%s/keys.b64", tmp);
        keys = read_file(path, &keys_len);
        if (CHECK(data && keys && data_len > 0 && keys_len > 0)) {
            cap = data_len + keys_len + 100;
            body = (char *)malloc(cap);
            if (body) {
                snprintf(body, cap, "{\"encryptedData\":\"%s\",\"encryptedKeys\":\"%s\",\"aes\":true}",
                         (char *)data, (char *)keys);
            }
        }
    }
    free(key);
    free(iv);
    free(data);
    free(keys);
    return body;
}

#endif /* PAYSEAL_C_UTIL_H */
