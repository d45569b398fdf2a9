/*
 * Every status code that C can provoke, through every function that can return it: NULL
 * arguments, NULL + 0 as empty input, lengths over PTRDIFF_MAX, one buffer passed as two outputs,
 * bad UTF-8, bad keys, oversize payloads and bodies, tampered envelopes (one error, one message),
 * bodies that are not JSON / empty / not envelopes, bad options, missing keys and the panic
 * boundary. Each failure must leave the output untouched (a
 * sentinel) except PAYSEAL_GATEWAY_ERROR, fill the error buffer with a message about that very
 * failure, and every buffer returned is freed. At the end, the set of statuses seen is checked.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

static const char *ID = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
static const char *PAYLOAD = "{\"amount\":10,\"currency\":\"GEL\"}";
static char tmp[512];
static int seen[100];
/* keygen's second output in calls that must fail before writing any (outputs must be distinct) */
static payseal_buffer spare;

/* A sentinel for handle out-parameters: it must still be there after a failed _new. */
static uint8_t handle_sentinel_byte;
#define KEEPZ_SENTINEL ((payseal_keepz *)(void *)&handle_sentinel_byte)
#define TP_SENTINEL ((payseal_transactpay *)(void *)&handle_sentinel_byte)

/*
 * FAIL(call, status, needle): `call` (which writes, if at all, to the locals `out` and `err`)
 * returns `status`; `out` is still the sentinel; `err` holds a message containing `needle` (NULL:
 * any non-empty message). Frees `err` and re-arms `out`.
 */
#define FAIL(call, status, needle)                                                     \
    do {                                                                               \
        out = sentinel();                                                              \
        expect_failure((int)(call), (status), &out, &err, (needle), __FILE__, __LINE__, #call); \
    } while (0)

static void expect_failure(int actual, payseal_status expected, payseal_buffer *out,
                           payseal_buffer *err, const char *needle, const char *file, int line,
                           const char *call) {
    char what[600];
    check_status(actual, (int)expected, err, file, line, call);
    if (actual >= 0 && actual < 100) seen[actual] = 1;
    snprintf(what, sizeof what, "output untouched after %.400s", call);
    check_record(is_sentinel(*out), file, line, what);
    snprintf(what, sizeof what, "error message after %.400s", call);
    check_record(err->data != NULL && err->len > 0, file, line, what);
    if (needle != NULL && !buf_contains(*err, needle)) {
        char *text = buf_text(*err);
        snprintf(what, sizeof what, "error message of %.300s contains \"%s\" (it is \"%.200s\")",
                 call, needle, text);
        check_record(0, file, line, what);
        free(text);
    }
    payseal_buffer_free(err);
    if (!is_sentinel(*out)) payseal_buffer_free(out);
    *out = sentinel();
}

/* OK(call): the call succeeds; `out` is freed afterwards. */
#define OK(call)                                                        \
    do {                                                                \
        out.data = NULL;                                                \
        out.len = 0;                                                    \
        if (CHECK_STATUS((call), PAYSEAL_OK, &err)) seen[0] = 1;        \
        CHECK(err.data == NULL);                                        \
        payseal_buffer_free(&err);                                      \
        payseal_buffer_free(&out);                                      \
    } while (0)

static uint8_t *pub2048, *priv2048, *pub4096, *priv4096;
static size_t pub2048_len, priv2048_len, pub4096_len, priv4096_len;

static payseal_keepz *keepz(const uint8_t *pub, size_t pub_len, const uint8_t *priv,
                            size_t priv_len, const char *id, const payseal_keepz_options *o) {
    payseal_keepz *h = NULL;
    payseal_buffer err = {NULL, 0};
    CHECK_STATUS(payseal_keepz_new(pub, pub_len, priv, priv_len, (const uint8_t *)id,
                                   id ? strlen(id) : 0, o, &h, &err),
                 PAYSEAL_OK, &err);
    payseal_buffer_free(&err);
    return h;
}

/* A diagnostics handle for the 2048-bit test key (the caller frees it). */
static payseal_keepz_diagnostics *diagnostics(const payseal_keepz_options *o) {
    payseal_keepz_diagnostics *d = NULL;
    payseal_buffer err = {NULL, 0};
    CHECK_STATUS(payseal_keepz_diagnostics_new(priv2048, priv2048_len, o, &d, &err), PAYSEAL_OK,
                 &err);
    payseal_buffer_free(&err);
    return d;
}

static void null_arguments(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0}, pub = sentinel();
    payseal_keepz *k = keepz(pub2048, pub2048_len, priv2048, priv2048_len, ID, NULL);
    payseal_keepz_diagnostics *d = diagnostics(NULL), *dout = NULL;
    payseal_transactpay *t = NULL;
    payseal_keepz *kout = KEEPZ_SENTINEL;
    payseal_transactpay *tout = TP_SENTINEL;
    printf("NULL arguments\n");
    CHECK_STATUS(payseal_transactpay_new(pub2048, pub2048_len, priv2048, priv2048_len, 0, &t, &err),
                 PAYSEAL_OK, &err);
    /* handles */
    FAIL(payseal_keepz_seal(NULL, STR(PAYLOAD), &out, &err), PAYSEAL_NULL_ARGUMENT, "keepz");
    FAIL(payseal_keepz_seal_query(NULL, STR(PAYLOAD), &out, &err), PAYSEAL_NULL_ARGUMENT, "keepz");
    FAIL(payseal_keepz_open(NULL, 200, STR("{}"), &out, &err), PAYSEAL_NULL_ARGUMENT, "keepz");
    FAIL(payseal_keepz_diagnostics_explain(NULL, STR("{}"), 0, &out, &err), PAYSEAL_NULL_ARGUMENT,
         "diagnostics");
    FAIL(payseal_transactpay_seal(NULL, STR(PAYLOAD), &out, &err), PAYSEAL_NULL_ARGUMENT,
         "transactpay");
    FAIL(payseal_transactpay_open(NULL, STR("{}"), &out, &err), PAYSEAL_NULL_ARGUMENT,
         "transactpay");
    CHECK_INT(payseal_transactpay_max_payload(NULL), 0);
    /* outputs */
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, NULL, NULL, &err),
         PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_transactpay_new(pub2048, pub2048_len, NULL, 0, 0, NULL, &err),
         PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_keepz_seal(k, STR(PAYLOAD), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_keepz_seal_query(k, STR(PAYLOAD), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_keepz_open(k, 200, STR("{}"), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_keepz_diagnostics_explain(d, STR("{}"), 0, NULL, &err), PAYSEAL_NULL_ARGUMENT,
         "out");
    FAIL(payseal_keepz_diagnostics_new(priv2048, priv2048_len, NULL, NULL, &err),
         PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_transactpay_seal(t, STR(PAYLOAD), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_transactpay_open(t, STR("{}"), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_transactpay_parse_response(200, STR("{}"), NULL, &err), PAYSEAL_NULL_ARGUMENT,
         "out");
    FAIL(payseal_endpoint(STR("keepz"), STR("refund"), NULL, &err), PAYSEAL_NULL_ARGUMENT, "out");
    FAIL(payseal_keygen(2048, 0, 0, 0, NULL, &pub, &err), PAYSEAL_NULL_ARGUMENT, "private_out");
    CHECK(is_sentinel(pub));
    FAIL(payseal_keygen(2048, 0, 0, 0, &out, NULL, &err), PAYSEAL_NULL_ARGUMENT, "public_out");
    /* NULL with a non-zero length */
    FAIL(payseal_keepz_new(NULL, 10, priv2048, priv2048_len, NULL, 0, NULL, &kout, &err),
         PAYSEAL_NULL_ARGUMENT, "keepz_public_key");
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 10, NULL, 0, NULL, &kout, &err),
         PAYSEAL_NULL_ARGUMENT, "integrator_private_key");
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 36, NULL, &kout, &err),
         PAYSEAL_NULL_ARGUMENT, "identifier");
    CHECK(kout == NULL); /* *out is NULL after a failed _new */
    FAIL(payseal_transactpay_new(NULL, 5, NULL, 0, 0, &tout, &err), PAYSEAL_NULL_ARGUMENT,
         "encryption_key");
    FAIL(payseal_transactpay_new(pub2048, pub2048_len, NULL, 5, 0, &tout, &err),
         PAYSEAL_NULL_ARGUMENT, "private_key");
    CHECK(tout == NULL); /* *out is NULL after a failed _new */
    FAIL(payseal_keepz_seal(k, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT, "payload");
    FAIL(payseal_keepz_seal_query(k, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT, "payload");
    FAIL(payseal_keepz_open(k, 200, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT, "body");
    FAIL(payseal_keepz_diagnostics_explain(d, NULL, 3, 0, &out, &err), PAYSEAL_NULL_ARGUMENT,
         "body");
    FAIL(payseal_keepz_diagnostics_new(NULL, 5, NULL, &dout, &err), PAYSEAL_NULL_ARGUMENT,
         "private_key");
    CHECK(dout == NULL);
    FAIL(payseal_transactpay_seal(t, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT, "payload");
    FAIL(payseal_transactpay_open(t, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT, "body");
    FAIL(payseal_transactpay_parse_response(200, NULL, 3, &out, &err), PAYSEAL_NULL_ARGUMENT,
         "body");
    FAIL(payseal_endpoint(NULL, 5, STR("refund"), &out, &err), PAYSEAL_NULL_ARGUMENT, "gateway");
    FAIL(payseal_endpoint(STR("keepz"), NULL, 6, &out, &err), PAYSEAL_NULL_ARGUMENT, "operation");
    /* a NULL error buffer is allowed on failure too */
    out = sentinel();
    CHECK_STATUS(payseal_keepz_seal(NULL, STR(PAYLOAD), &out, NULL), PAYSEAL_NULL_ARGUMENT, NULL);
    CHECK(is_sentinel(out));
    payseal_keepz_free(k);
    payseal_keepz_diagnostics_free(d);
    payseal_transactpay_free(t);
}

/* A length over PTRDIFF_MAX is refused before the pointer is read: here the pointer is one byte
 * long, so reading it as SIZE_MAX bytes would be an out-of-bounds read valgrind reports. */
static void lengths(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0};
    payseal_keepz *k = keepz(pub2048, pub2048_len, priv2048, priv2048_len, NULL, NULL);
    payseal_keepz *kout = KEEPZ_SENTINEL;
    payseal_keepz_diagnostics *d = diagnostics(NULL), *dout = NULL;
    payseal_transactpay *t = NULL, *tout = TP_SENTINEL;
    static const uint8_t one = '{';
    const size_t huge = (size_t)PTRDIFF_MAX + 1;
    printf("lengths over PTRDIFF_MAX\n");
    CHECK_STATUS(payseal_transactpay_new(pub2048, pub2048_len, priv2048, priv2048_len, 0, &t, &err),
                 PAYSEAL_OK, &err);
    FAIL(payseal_keepz_new(&one, huge, priv2048, priv2048_len, NULL, 0, NULL, &kout, &err),
         PAYSEAL_INVALID_LENGTH, "keepz_public_key");
    FAIL(payseal_keepz_new(NULL, 0, &one, SIZE_MAX, NULL, 0, NULL, &kout, &err),
         PAYSEAL_INVALID_LENGTH, "integrator_private_key");
    FAIL(payseal_keepz_new(NULL, 0, priv2048, priv2048_len, &one, huge, NULL, &kout, &err),
         PAYSEAL_INVALID_LENGTH, "identifier");
    CHECK(kout == NULL);
    FAIL(payseal_keepz_seal(k, &one, huge, &out, &err), PAYSEAL_INVALID_LENGTH, "payload");
    FAIL(payseal_keepz_seal_query(k, &one, SIZE_MAX, &out, &err), PAYSEAL_INVALID_LENGTH,
         "payload");
    FAIL(payseal_keepz_open(k, 200, &one, huge, &out, &err), PAYSEAL_INVALID_LENGTH, "body");
    FAIL(payseal_keepz_diagnostics_new(&one, huge, NULL, &dout, &err), PAYSEAL_INVALID_LENGTH,
         "private_key");
    CHECK(dout == NULL);
    FAIL(payseal_keepz_diagnostics_explain(d, &one, huge, 0, &out, &err), PAYSEAL_INVALID_LENGTH,
         "body");
    FAIL(payseal_transactpay_new(&one, huge, NULL, 0, 0, &tout, &err), PAYSEAL_INVALID_LENGTH,
         "encryption_key");
    FAIL(payseal_transactpay_new(pub2048, pub2048_len, &one, huge, 0, &tout, &err),
         PAYSEAL_INVALID_LENGTH, "private_key");
    CHECK(tout == NULL);
    FAIL(payseal_transactpay_seal(t, &one, huge, &out, &err), PAYSEAL_INVALID_LENGTH, "payload");
    FAIL(payseal_transactpay_open(t, &one, huge, &out, &err), PAYSEAL_INVALID_LENGTH, "body");
    FAIL(payseal_transactpay_parse_response(200, &one, huge, &out, &err),
         PAYSEAL_INVALID_LENGTH, "body");
    FAIL(payseal_endpoint(&one, huge, STR("refund"), &out, &err), PAYSEAL_INVALID_LENGTH,
         "gateway");
    FAIL(payseal_endpoint(STR("keepz"), &one, huge, &out, &err), PAYSEAL_INVALID_LENGTH,
         "operation");
    /* NULL with a huge length: the length is checked first */
    FAIL(payseal_keepz_open(k, 200, NULL, SIZE_MAX, &out, &err), PAYSEAL_INVALID_LENGTH, "body");
    payseal_keepz_free(k);
    payseal_keepz_diagnostics_free(d);
    payseal_transactpay_free(t);
}

/* The rule for outputs: the outputs of one call are distinct buffers. The same buffer as `out`
 * and `error` (or twice among payseal_keygen's three) is refused with PAYSEAL_INVALID_ARGUMENT
 * before anything runs; only the message is written, so one payseal_buffer_free releases
 * everything (valgrind checks nothing leaks) and no key is written where it would be overwritten
 * unwiped. */
static void aliased_outputs(void) {
    payseal_keepz *k = keepz(pub2048, pub2048_len, priv2048, priv2048_len, NULL, NULL);
    payseal_buffer both = {NULL, 0}, other = {NULL, 0};
    const char *error_body = "{\"message\":\"Order not found\",\"statusCode\":6005}";
    printf("one buffer as two outputs\n");
    /* a Keepz error: before the rule, its JSON went to `out` and the message replaced it */
    CHECK_STATUS(payseal_keepz_open(k, 404, STR(error_body), &both, &both),
                 PAYSEAL_INVALID_ARGUMENT, NULL);
    CHECK(buf_contains(both, "out and error are the same payseal_buffer"));
    seen[PAYSEAL_INVALID_ARGUMENT] = 1;
    payseal_buffer_free(&both);
    CHECK_STATUS(payseal_keepz_seal(k, STR(PAYLOAD), &both, &both), PAYSEAL_INVALID_ARGUMENT,
                 NULL);
    CHECK(buf_contains(both, "same payseal_buffer"));
    payseal_buffer_free(&both);
    /* payseal_keygen: the private key never reaches a shared buffer */
    CHECK_STATUS(payseal_keygen(2048, 0, PAYSEAL_KEY_FORMAT_PEM, PAYSEAL_KEY_FORMAT_PEM, &both,
                                &both, &other),
                 PAYSEAL_INVALID_ARGUMENT, NULL);
    CHECK(both.data == NULL && both.len == 0);
    CHECK(buf_contains(other, "private_out and public_out are the same"));
    payseal_buffer_free(&other);
    CHECK_STATUS(payseal_keygen(2048, 0, PAYSEAL_KEY_FORMAT_PEM, PAYSEAL_KEY_FORMAT_PEM, &other,
                                &both, &both),
                 PAYSEAL_INVALID_ARGUMENT, NULL);
    CHECK(other.data == NULL);
    CHECK(buf_contains(both, "public_out and error are the same"));
    payseal_buffer_free(&both);
    CHECK_STATUS(payseal_keygen(2048, 0, PAYSEAL_KEY_FORMAT_PEM, PAYSEAL_KEY_FORMAT_PEM, &both,
                                &other, &both),
                 PAYSEAL_INVALID_ARGUMENT, NULL);
    CHECK(other.data == NULL);
    CHECK(buf_contains(both, "private_out and error are the same"));
    payseal_buffer_free(&both);
    payseal_keepz_free(k);
}

static void empty_inputs(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0}, body = {NULL, 0};
    payseal_keepz *seal_only = NULL, *open_only = NULL, *kout = KEEPZ_SENTINEL;
    printf("NULL + 0 as empty input; missing keys\n");
    /* no private key: a seal-only handle, no identifier: fine for sealing responses */
    seal_only = keepz(pub2048, pub2048_len, NULL, 0, NULL, NULL);
    open_only = keepz(NULL, 0, priv2048, priv2048_len, NULL, NULL);
    if (seal_only == NULL || open_only == NULL) goto done;
    if (CHECK_STATUS(payseal_keepz_seal(seal_only, STR(PAYLOAD), &body, &err), PAYSEAL_OK, &err)) {
        CHECK(!buf_contains(body, "identifier"));
        seen[0] = 1;
        OK(payseal_keepz_open(open_only, 200, body.data, body.len, &out, &err));
        FAIL(payseal_keepz_open(seal_only, 200, body.data, body.len, &out, &err),
             PAYSEAL_MISSING_KEY, "private key");
        /* a diagnostics handle needs a private key: there is no seal-only one */
        {
            payseal_keepz_diagnostics *dout = NULL;
            FAIL(payseal_keepz_diagnostics_new(NULL, 0, NULL, &dout, &err),
                 PAYSEAL_MALFORMED_KEY, "empty");
            CHECK(dout == NULL);
        }
        payseal_buffer_free(&body);
    }
    FAIL(payseal_keepz_seal(open_only, STR(PAYLOAD), &out, &err), PAYSEAL_MISSING_KEY,
         "public key");
    FAIL(payseal_keepz_seal_query(open_only, STR(PAYLOAD), &out, &err), PAYSEAL_MISSING_KEY,
         "public key");
    /* no key at all */
    FAIL(payseal_keepz_new(NULL, 0, NULL, 0, STR(ID), NULL, &kout, &err), PAYSEAL_MISSING_KEY,
         NULL);
    CHECK(kout == NULL); /* *out is NULL after a failed _new */
    /* an empty payload is not JSON */
    FAIL(payseal_keepz_seal(seal_only, NULL, 0, &out, &err), PAYSEAL_NOT_JSON, NULL);
    /* empty body: success for 2xx, EMPTY_BODY otherwise */
    out = sentinel();
    OK(payseal_keepz_open(open_only, 200, NULL, 0, &out, &err));
    FAIL(payseal_keepz_open(open_only, 0, NULL, 0, &out, &err), PAYSEAL_EMPTY_BODY, "empty");
done:
    payseal_keepz_free(seal_only);
    payseal_keepz_free(open_only);
}

static void bad_text(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0};
    payseal_keepz *kout = KEEPZ_SENTINEL;
    payseal_keepz *k = keepz(pub2048, pub2048_len, NULL, 0, ID, NULL);
    payseal_transactpay *t = NULL;
    const char bad_id[] = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3\xff";
    const char bad_payload[] = "{\"note\":\"\xc3\x28\"}";
    printf("invalid UTF-8, not JSON, not a container\n");
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, STR(bad_id), NULL, &kout, &err),
         PAYSEAL_INVALID_UTF8, "identifier");
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, STR("\xfe\xff"), NULL, &kout, &err),
         PAYSEAL_INVALID_UTF8, "identifier");
    /* UTF-8, but not a UUID */
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, STR("integrator-42"), NULL, &kout, &err),
         PAYSEAL_INVALID_ARGUMENT, "UUID");
    CHECK(kout == NULL); /* *out is NULL after a failed _new */
    FAIL(payseal_endpoint(STR("keepz\xff"), STR("refund"), &out, &err), PAYSEAL_INVALID_UTF8,
         "gateway");
    FAIL(payseal_endpoint(STR("keepz"), STR("\xc0\xaf"), &out, &err), PAYSEAL_INVALID_UTF8,
         "operation");
    CHECK_STATUS(payseal_transactpay_new(pub2048, pub2048_len, NULL, 0, 0, &t, &err), PAYSEAL_OK,
                 &err);
    if (k != NULL && t != NULL) {
        FAIL(payseal_keepz_seal(k, STR(bad_payload), &out, &err), PAYSEAL_INVALID_UTF8, NULL);
        FAIL(payseal_keepz_seal_query(k, STR(bad_payload), &out, &err), PAYSEAL_INVALID_UTF8, NULL);
        FAIL(payseal_transactpay_seal(t, STR(bad_payload), &out, &err), PAYSEAL_INVALID_UTF8,
             NULL);
        FAIL(payseal_keepz_seal(k, STR("amount=10"), &out, &err), PAYSEAL_NOT_JSON, NULL);
        FAIL(payseal_keepz_seal(k, STR("{\"a\":1"), &out, &err), PAYSEAL_NOT_JSON, NULL);
        FAIL(payseal_transactpay_seal(t, STR("<xml/>"), &out, &err), PAYSEAL_NOT_JSON, NULL);
        FAIL(payseal_keepz_seal(k, STR("42"), &out, &err), PAYSEAL_INVALID_REQUEST, "object");
        FAIL(payseal_keepz_seal(k, STR("\"text\""), &out, &err), PAYSEAL_INVALID_REQUEST, NULL);
        FAIL(payseal_transactpay_seal(t, STR("[1,2]"), &out, &err), PAYSEAL_INVALID_REQUEST,
             "object");
    }
    payseal_keepz_free(k);
    payseal_transactpay_free(t);
}

static void bad_keys(void) {
    static const struct {
        const char *file;
        int as_private;
        payseal_status status;
        const char *needle;
    } cases[] = {
        {"ec.spki.pem", 0, PAYSEAL_UNSUPPORTED_KEY, "EC"},
        {"ec.pkcs8.pem", 1, PAYSEAL_UNSUPPORTED_KEY, "EC"},
        {"ec.sec1.pem", 1, PAYSEAL_UNSUPPORTED_KEY, "EC"},
        {"rsa2048.cert.pem", 0, PAYSEAL_UNSUPPORTED_KEY, "certificate"},
        {"rsa2048.cert.pem", 1, PAYSEAL_UNSUPPORTED_KEY, "certificate"},
        {"rsa2048.encrypted.pem", 1, PAYSEAL_UNSUPPORTED_KEY, "encrypted"},
        {"rsa2048.encrypted.der", 1, PAYSEAL_UNSUPPORTED_KEY, "encrypted"},
        {"rsa2048.pkcs1.encrypted.pem", 1, PAYSEAL_UNSUPPORTED_KEY, "encrypted"},
        {"rsa2048.pkcs8.pem", 0, PAYSEAL_UNSUPPORTED_KEY, NULL}, /* private where public goes */
        {"rsa2048.spki.pem", 1, PAYSEAL_UNSUPPORTED_KEY, NULL},  /* public where private goes */
        {"rsa1024.spki.pem", 0, PAYSEAL_KEY_TOO_SMALL, "1024"},
        {"rsa1024.pkcs8.pem", 1, PAYSEAL_KEY_TOO_SMALL, "1024"},
    };
    payseal_buffer out = sentinel(), err = {NULL, 0};
    payseal_keepz *kout = KEEPZ_SENTINEL;
    payseal_transactpay *tout = TP_SENTINEL;
    size_t i, len;
    char half[4096];
    printf("bad keys\n");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t *key = read_key(cases[i].file, &len);
        printf("  %s as a %s key\n", cases[i].file, cases[i].as_private ? "private" : "public");
        if (cases[i].as_private) {
            FAIL(payseal_keepz_new(NULL, 0, key, len, NULL, 0, NULL, &kout, &err), cases[i].status,
                 cases[i].needle);
            FAIL(payseal_transactpay_new(pub2048, pub2048_len, key, len, 0, &tout, &err),
                 cases[i].status, cases[i].needle);
        } else {
            FAIL(payseal_keepz_new(key, len, NULL, 0, NULL, 0, NULL, &kout, &err), cases[i].status,
                 cases[i].needle);
            FAIL(payseal_transactpay_new(key, len, NULL, 0, 0, &tout, &err), cases[i].status,
                 cases[i].needle);
        }
        free(key);
    }
    /* malformed: garbage, a truncated PEM, truncated DER, truncated Base64, whitespace only */
    FAIL(payseal_keepz_new(STR("not a key"), NULL, 0, NULL, 0, NULL, &kout, &err),
         PAYSEAL_MALFORMED_KEY, NULL);
    memcpy(half, pub2048, pub2048_len / 2);
    FAIL(payseal_keepz_new((const uint8_t *)half, pub2048_len / 2, NULL, 0, NULL, 0, NULL, &kout,
                           &err),
         PAYSEAL_MALFORMED_KEY, "truncated");
    {
        uint8_t *der = read_key("rsa2048.spki.der", &len);
        FAIL(payseal_keepz_new(der, len - 10, NULL, 0, NULL, 0, NULL, &kout, &err),
             PAYSEAL_MALFORMED_KEY, NULL);
        FAIL(payseal_transactpay_new(der, len - 10, NULL, 0, 0, &tout, &err),
             PAYSEAL_MALFORMED_KEY, NULL);
        free(der);
        der = read_key("rsa2048.spki.b64", &len);
        FAIL(payseal_keepz_new(der, 200, NULL, 0, NULL, 0, NULL, &kout, &err),
             PAYSEAL_MALFORMED_KEY, NULL);
        free(der);
    }
    FAIL(payseal_keepz_new(STR(" \n\t"), NULL, 0, NULL, 0, NULL, &kout, &err),
         PAYSEAL_MALFORMED_KEY, NULL);
    FAIL(payseal_transactpay_new(NULL, 0, NULL, 0, 0, &tout, &err), PAYSEAL_MALFORMED_KEY, NULL);
    FAIL(payseal_transactpay_new(STR("MjA0OCE8UlNBS2V5VmFsdWU+"), NULL, 0, 0, &tout, &err),
         PAYSEAL_MALFORMED_KEY, NULL);
    /* a 16384-bit public key (a fake modulus: only its size matters), over aws-lc's 8192 */
    {
        static const uint8_t head[] = {
            0x30, 0x82, 0x08, 0x22,                               /* SubjectPublicKeyInfo */
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, /* rsaEncryption, NULL */
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
            0x03, 0x82, 0x08, 0x0f, 0x00,                         /* BIT STRING */
            0x30, 0x82, 0x08, 0x0a,                               /* RSAPublicKey */
            0x02, 0x82, 0x08, 0x01, 0x00};                        /* modulus: 2048 bytes */
        static const uint8_t tail[] = {0x02, 0x03, 0x01, 0x00, 0x01}; /* exponent 65537 */
        static uint8_t big[sizeof head + 2048 + sizeof tail];
        memcpy(big, head, sizeof head);
        memset(big + sizeof head, 0xff, 2048);
        memcpy(big + sizeof head + 2048, tail, sizeof tail);
        FAIL(payseal_keepz_new(big, sizeof big, NULL, 0, NULL, 0, NULL, &kout, &err),
             PAYSEAL_KEY_TOO_LARGE, "16384");
        FAIL(payseal_transactpay_new(big, sizeof big, NULL, 0, 0, &tout, &err),
             PAYSEAL_KEY_TOO_LARGE, "16384");
    }
    CHECK(kout == NULL && tout == NULL); /* *out is NULL after a failed _new */
    /* keygen: too small, too large, unsupported size */
    FAIL(payseal_keygen(1024, 0, 0, 0, &out, &spare, &err), PAYSEAL_KEY_TOO_SMALL, "1024");
    FAIL(payseal_keygen(16384, 0, 0, 0, &out, &spare, &err), PAYSEAL_KEY_TOO_LARGE, "16384");
    FAIL(payseal_keygen(3000, 0, 0, 0, &out, &spare, &err), PAYSEAL_INVALID_ARGUMENT, "3000");
}

/*
 * LIBRARY BUG (reported): payseal trims ASCII whitespace from both ends of every key input before
 * it tells DER from text, so a valid DER private key whose last byte is 0x09, 0x0a, 0x0c, 0x0d or
 * 0x20 (about 2% of keys, including ones payseal_keygen itself exports as DER) is refused as
 * truncated (PAYSEAL_MALFORMED_KEY). These checks fail until that is fixed.
 */
static void der_with_whitespace_tail(void) {
    static const char *const files[] = {"tests/c/keys/rsa2048.trailing-space.pkcs8.der",
                                        "tests/c/keys/rsa2048.trailing-space.pkcs1.der"};
    size_t i, len, pub_len;
    uint8_t *pub = read_file("tests/c/keys/rsa2048.trailing-space.spki.pem", &pub_len);
    printf("DER private keys ending in a whitespace byte (known library bug if this fails)\n");
    if (!CHECK(pub != NULL)) return;
    for (i = 0; i < 2; i++) {
        payseal_keepz *k = NULL;
        payseal_transactpay *t = NULL;
        payseal_buffer err = {NULL, 0};
        uint8_t *key = read_file(files[i], &len);
        if (!CHECK(key != NULL && len > 0)) continue;
        CHECK(key[len - 1] == ' ' || key[len - 1] == '\t' || key[len - 1] == '\n' ||
              key[len - 1] == '\r' || key[len - 1] == '\f');
        CHECK_STATUS(payseal_keepz_new(pub, pub_len, key, len, NULL, 0, NULL, &k, &err),
                     PAYSEAL_OK, &err);
        payseal_buffer_free(&err);
        CHECK_STATUS(payseal_transactpay_new(pub, pub_len, key, len, 0, &t, &err), PAYSEAL_OK,
                     &err);
        payseal_buffer_free(&err);
        payseal_keepz_free(k);
        payseal_transactpay_free(t);
        free(key);
    }
    free(pub);
}

static void bad_options(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0};
    payseal_keepz *kout = KEEPZ_SENTINEL;
    payseal_transactpay *tout = TP_SENTINEL;
    payseal_keepz_options o;
    printf("bad options\n");
    memset(&o, 0, sizeof o);
    o.padding = 7;
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, &o, &kout, &err),
         PAYSEAL_INVALID_ARGUMENT, "padding");
    memset(&o, 0, sizeof o);
    o.legacy = 2;
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, &o, &kout, &err),
         PAYSEAL_INVALID_ARGUMENT, "legacy");
    memset(&o, 0, sizeof o);
    o.backend = 9;
    FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, &o, &kout, &err),
         PAYSEAL_INVALID_ARGUMENT, "backend");
    FAIL(payseal_transactpay_new(pub2048, pub2048_len, NULL, 0, 9, &tout, &err),
         PAYSEAL_INVALID_ARGUMENT, "backend");
    FAIL(payseal_keygen(2048, 9, 0, 0, &out, &spare, &err), PAYSEAL_INVALID_ARGUMENT, "backend");
    FAIL(payseal_keygen(2048, 0, PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB, 0, &out, &spare, &err),
         PAYSEAL_INVALID_ARGUMENT, "format");
    FAIL(payseal_keygen(2048, 0, 0, 17, &out, &spare, &err), PAYSEAL_INVALID_ARGUMENT, "format");
    /* RustCrypto is compiled in only with the `rustcrypto` feature: unavailable otherwise */
    CHECK(payseal_backend_available(PAYSEAL_BACKEND_DEFAULT));
    CHECK(payseal_backend_available(PAYSEAL_BACKEND_AWS_LC));
    CHECK(!payseal_backend_available(9));
    if (!payseal_backend_available(PAYSEAL_BACKEND_RUSTCRYPTO)) {
        memset(&o, 0, sizeof o);
        o.backend = PAYSEAL_BACKEND_RUSTCRYPTO;
        FAIL(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, &o, &kout, &err),
             PAYSEAL_BACKEND_UNAVAILABLE, NULL);
        FAIL(payseal_transactpay_new(pub2048, pub2048_len, NULL, 0, PAYSEAL_BACKEND_RUSTCRYPTO,
                                     &tout, &err),
             PAYSEAL_BACKEND_UNAVAILABLE, NULL);
        FAIL(payseal_keygen(2048, PAYSEAL_BACKEND_RUSTCRYPTO, 0, 0, &out, &spare, &err),
             PAYSEAL_BACKEND_UNAVAILABLE, NULL);
    }
    /* TransactPay: a private key of another pair */
    FAIL(payseal_transactpay_new(pub2048, pub2048_len, priv4096, priv4096_len, 0, &tout, &err),
         PAYSEAL_INVALID_ARGUMENT, NULL);
    CHECK(kout == NULL && tout == NULL); /* *out is NULL after a failed _new */
    /* valid explicit options work */
    memset(&o, 0, sizeof o);
    o.backend = PAYSEAL_BACKEND_AWS_LC;
    o.padding = PAYSEAL_PADDING_OAEP_SHA256;
    kout = NULL;
    OK(payseal_keepz_new(pub2048, pub2048_len, NULL, 0, NULL, 0, &o, &kout, &err));
    payseal_keepz_free(kout);
}

static void sizes(void) {
    payseal_buffer out = sentinel(), err = {NULL, 0}, body = {NULL, 0};
    payseal_keepz_options legacy, small;
    payseal_keepz *leg = NULL, *lim = NULL;
    payseal_transactpay *t = NULL;
    char payload[600], big[2048];
    size_t i;
    printf("payload and body limits\n");
    memset(&legacy, 0, sizeof legacy);
    legacy.legacy = 1;
    memset(&small, 0, sizeof small);
    small.max_body = 100;
    leg = keepz(pub2048, pub2048_len, priv2048, priv2048_len, ID, &legacy);
    lim = keepz(pub2048, pub2048_len, priv2048, priv2048_len, ID, &small);
    CHECK_STATUS(payseal_transactpay_new(pub2048, pub2048_len, NULL, 0, 0, &t, &err), PAYSEAL_OK,
                 &err);
    if (!leg || !lim || !t) goto done;
    /* a {"p":"aaa..."} payload of exactly n bytes */
    for (i = 0; i < 2; i++) {
        size_t n = 245 + i, j;
        memcpy(payload, "{\"p\":\"", 6);
        for (j = 6; j < n - 2; j++) payload[j] = 'a';
        payload[n - 2] = '"';
        payload[n - 1] = '}';
        payload[n] = 0;
        if (i == 0) {
            OK(payseal_keepz_seal(leg, STR(payload), &out, &err));
            OK(payseal_transactpay_seal(t, STR(payload), &out, &err));
        } else {
            FAIL(payseal_keepz_seal(leg, STR(payload), &out, &err), PAYSEAL_PAYLOAD_TOO_LARGE,
                 "245");
            FAIL(payseal_transactpay_seal(t, STR(payload), &out, &err), PAYSEAL_PAYLOAD_TOO_LARGE,
                 "245");
        }
    }
    /* the hybrid mode has no such limit */
    OK(payseal_keepz_seal(lim, STR(payload), &out, &err));
    /* max_body = 100: a 101-byte body is refused before it is read */
    memset(big, ' ', sizeof big);
    big[0] = '{';
    big[100] = '}';
    FAIL(payseal_keepz_open(lim, 200, (const uint8_t *)big, 101, &out, &err),
         PAYSEAL_BODY_TOO_LARGE, "100");
    /* 100 bytes pass the size check (and then are not an envelope) */
    big[99] = '}';
    FAIL(payseal_keepz_open(lim, 200, (const uint8_t *)big, 100, &out, &err), PAYSEAL_NOT_ENVELOPE,
         NULL);
    /* a real envelope is larger than 100 bytes */
    if (CHECK_STATUS(payseal_keepz_seal(lim, STR(PAYLOAD), &body, &err), PAYSEAL_OK, &err)) {
        FAIL(payseal_keepz_open(lim, 200, body.data, body.len, &out, &err),
             PAYSEAL_BODY_TOO_LARGE, NULL);
        payseal_buffer_free(&body);
    }
done:
    payseal_keepz_free(leg);
    payseal_keepz_free(lim);
    payseal_transactpay_free(t);
}

/* Replaces the value of the JSON string field `name` in `json` by `value`; malloc'd. */
static char *with_field(const char *json, const char *name, const char *value) {
    char *old = json_string_field(json, name), *result;
    const char *at;
    size_t prefix, cap;
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
    at = strstr(json, pattern);
    if (old == NULL || at == NULL) exit(2);
    prefix = (size_t)(at - json) + strlen(pattern);
    cap = strlen(json) + strlen(value) + 1;
    result = (char *)malloc(cap);
    if (result == NULL) exit(2);
    memcpy(result, json, prefix);
    strcpy(result + prefix, value);
    strcat(result, json + prefix + strlen(old));
    free(old);
    return result;
}

static char *flip(const char *b64, size_t at) {
    char *copy = (char *)malloc(strlen(b64) + 1);
    if (copy == NULL) exit(2);
    strcpy(copy, b64);
    copy[at] = copy[at] == 'A' ? 'B' : 'A';
    return copy;
}

static void tampered(void) {
    payseal_keepz *k = keepz(pub2048, pub2048_len, priv2048, priv2048_len, NULL, NULL);
    payseal_keepz_diagnostics *dk = diagnostics(NULL);
    payseal_keepz *other = keepz(pub4096, pub4096_len, priv4096, priv4096_len, NULL, NULL);
    payseal_keepz_options pkcs1_options = {PAYSEAL_PADDING_PKCS1V15, 0, 0, 0};
    payseal_keepz *pkcs1 = keepz(pub2048, pub2048_len, NULL, 0, NULL, &pkcs1_options);
    payseal_buffer out = sentinel(), err = {NULL, 0}, a = {NULL, 0}, b = {NULL, 0},
                   c = {NULL, 0}, d = {NULL, 0};
    char *bodies[16], *first_message = NULL, *ta, *data, *keys, *keys_b, *keys_c, *mod;
    size_t n = 0, i, dl;
    char pub_path[600];
    printf("tampered envelopes: one status, one message\n");
    if (!k || !other || !pkcs1) goto done;
    if (!CHECK_STATUS(payseal_keepz_seal(k, STR(PAYLOAD), &a, &err), PAYSEAL_OK, &err) ||
        !CHECK_STATUS(payseal_keepz_seal(k, STR(PAYLOAD), &b, &err), PAYSEAL_OK, &err) ||
        !CHECK_STATUS(payseal_keepz_seal(other, STR(PAYLOAD), &c, &err), PAYSEAL_OK, &err) ||
        !CHECK_STATUS(payseal_keepz_seal(pkcs1, STR(PAYLOAD), &d, &err), PAYSEAL_OK, &err)) {
        payseal_buffer_free(&err);
        goto done;
    }
    ta = buf_text(a);
    data = json_string_field(ta, "encryptedData");
    keys = json_string_field(ta, "encryptedKeys");
    {
        char *tb = buf_text(b), *tc = buf_text(c);
        keys_b = json_string_field(tb, "encryptedKeys");
        keys_c = json_string_field(tc, "encryptedKeys");
        free(tb);
        free(tc);
    }
    dl = strlen(data);
    /* the untampered body opens */
    OK(payseal_keepz_open(k, 200, STR(ta), &out, &err));
    /* 1. a flipped character in the first ciphertext block (garbled plaintext) */
    mod = flip(data, 3);
    bodies[n++] = with_field(ta, "encryptedData", mod);
    free(mod);
    /* 2. ... in the last block (bad CBC padding) */
    mod = flip(data, dl - 6);
    bodies[n++] = with_field(ta, "encryptedData", mod);
    free(mod);
    /* 3. ciphertext cut by 3 bytes (4 Base64 characters): not a whole number of blocks */
    mod = (char *)malloc(dl + 1);
    strcpy(mod, data);
    mod[dl - 4] = 0;
    bodies[n++] = with_field(ta, "encryptedData", mod);
    free(mod);
    /* 4. encryptedData not Base64 */
    bodies[n++] = with_field(ta, "encryptedData", "@@@@****");
    /* 5. a flipped character in the wrapped key (RSA-OAEP fails) */
    mod = flip(keys, 100);
    bodies[n++] = with_field(ta, "encryptedKeys", mod);
    free(mod);
    /* 6. the wrapped key of another envelope (right RSA key, wrong AES key and IV) */
    bodies[n++] = with_field(ta, "encryptedKeys", keys_b);
    /* 7. a key wrapped to another RSA key (4096 bits) */
    bodies[n++] = with_field(ta, "encryptedKeys", keys_c);
    /* 8. empty wrapped key */
    bodies[n++] = with_field(ta, "encryptedKeys", "");
    /* 9. wrapped key not Base64 */
    bodies[n++] = with_field(ta, "encryptedKeys", "!!!!");
    /* 10. sealed with PKCS#1 v1.5 key wrapping, opened with OAEP (no fallback) */
    bodies[n++] = buf_text(d);
    /* 11. openssl-made: the right wrap, but the plaintext is not JSON */
    key_path("rsa2048.spki.pem", pub_path, sizeof pub_path);
    bodies[n] = openssl_envelope(tmp, pub_path, "this is not JSON", OAEP);
    if (CHECK(bodies[n] != NULL)) n++;
    /* 12. openssl-made: the plaintext is JSON but not UTF-8 */
    bodies[n] = openssl_envelope(tmp, pub_path, "{\"a\":\"\xff\xfe\"}", OAEP);
    if (CHECK(bodies[n] != NULL)) n++;
    /* 13. openssl-made: the wrapped text is not "Base64(key).Base64(iv)" */
    {
        char *made = openssl_envelope(tmp, pub_path, PAYLOAD, OAEP);
        if (CHECK(made != NULL)) {
            char path[600];
            uint8_t *wrapped;
            size_t wrapped_len;
            snprintf(path, sizeof path, "%s/odd.txt", tmp);
            write_file(path, "no dot in here at all", 21);
            CHECK_INT(run_cmd("openssl pkeyutl -encrypt -pubin -inkey '%s' " OAEP
                              " -in '%s/odd.txt' -out '%s/odd.bin' && base64 -w0 '%s/odd.bin' > '%s/odd.b64'",
                              pub_path, tmp, tmp, tmp, tmp), 0);
            snprintf(path, sizeof path, "%s/odd.b64", tmp);
            wrapped = read_file(path, &wrapped_len);
            if (CHECK(wrapped != NULL)) {
                bodies[n++] = with_field(made, "encryptedKeys", (char *)wrapped);
                free(wrapped);
            }
            free(made);
        }
    }
    for (i = 0; i < n; i++) {
        printf("  tampering %u\n", (unsigned)(i + 1));
        FAIL(payseal_keepz_open(k, 200, STR(bodies[i]), &out, &err), PAYSEAL_CANNOT_OPEN, NULL);
        /* FAIL freed the message: provoke it once more to compare messages */
        out = sentinel();
        payseal_keepz_open(k, 0, STR(bodies[i]), &out, &err);
        CHECK(is_sentinel(out));
        if (first_message == NULL) {
            first_message = buf_text(err);
        } else if (!CHECK(buf_eq_str(err, first_message))) {
            char *text = buf_text(err);
            printf("  ! message \"%s\" differs from \"%s\"\n", text, first_message);
            free(text);
        }
        payseal_buffer_free(&err);
        /* a diagnostics handle explains it (offline debugging only) */
        out.data = NULL;
        out.len = 0;
        if (CHECK_STATUS(payseal_keepz_diagnostics_explain(dk, STR(bodies[i]), 0, &out, &err),
                         PAYSEAL_OK, &err)) {
            CHECK(buf_contains(out, "\"opens\":false"));
        }
        payseal_buffer_free(&out);
        payseal_buffer_free(&err);
        free(bodies[i]);
    }
    CHECK(n == 13);
    CHECK(first_message != NULL && strlen(first_message) > 0);
    free(first_message);
    free(ta);
    free(data);
    free(keys);
    free(keys_b);
    free(keys_c);
done:
    payseal_buffer_free(&a);
    payseal_buffer_free(&b);
    payseal_buffer_free(&c);
    payseal_buffer_free(&d);
    payseal_keepz_free(k);
    payseal_keepz_diagnostics_free(dk);
    payseal_keepz_free(other);
    payseal_keepz_free(pkcs1);
}

static void bad_bodies(void) {
    payseal_keepz *k = keepz(pub2048, pub2048_len, priv2048, priv2048_len, NULL, NULL);
    payseal_transactpay *t = NULL;
    payseal_buffer out = sentinel(), err = {NULL, 0};
    const char *html = "<html><body>502 Bad Gateway</body></html>";
    printf("bodies: not JSON, empty, not envelopes, unexpected, gateway errors\n");
    CHECK_STATUS(payseal_transactpay_new(pub2048, pub2048_len, priv2048, priv2048_len, 0, &t, &err),
                 PAYSEAL_OK, &err);
    if (!k || !t) goto done;
    FAIL(payseal_keepz_open(k, 502, STR(html), &out, &err), PAYSEAL_NOT_JSON, NULL);
    FAIL(payseal_keepz_open(k, 200, STR("{\"encryptedData\":"), &out, &err), PAYSEAL_NOT_JSON,
         NULL);
    FAIL(payseal_transactpay_open(t, STR(html), &out, &err), PAYSEAL_NOT_JSON, NULL);
    FAIL(payseal_transactpay_parse_response(502, STR(html), &out, &err), PAYSEAL_NOT_JSON, NULL);
    FAIL(payseal_keepz_open(k, 0, NULL, 0, &out, &err), PAYSEAL_EMPTY_BODY, NULL);
    FAIL(payseal_keepz_open(k, 500, STR("   "), &out, &err), PAYSEAL_EMPTY_BODY, NULL);
    FAIL(payseal_transactpay_open(t, NULL, 0, &out, &err), PAYSEAL_EMPTY_BODY, NULL);
    FAIL(payseal_transactpay_parse_response(0, NULL, 0, &out, &err), PAYSEAL_EMPTY_BODY, NULL);
    FAIL(payseal_keepz_open(k, 200, STR("{\"hello\":\"world\"}"), &out, &err),
         PAYSEAL_NOT_ENVELOPE, NULL);
    FAIL(payseal_keepz_open(k, 200, STR("[1,2,3]"), &out, &err), PAYSEAL_NOT_ENVELOPE, NULL);
    FAIL(payseal_keepz_open(k, 0, STR("\"encryptedData\""), &out, &err), PAYSEAL_NOT_ENVELOPE,
         NULL);
    FAIL(payseal_transactpay_open(t, STR("{\"payload\":\"x\"}"), &out, &err),
         PAYSEAL_NOT_ENVELOPE, NULL);
    FAIL(payseal_transactpay_parse_response(200, STR("{\"id\":1}"), &out, &err),
         PAYSEAL_NOT_ENVELOPE, NULL);
    /* an envelope that is no error with HTTP 500 */
    {
        payseal_buffer body = {NULL, 0};
        if (CHECK_STATUS(payseal_keepz_seal(k, STR(PAYLOAD), &body, &err), PAYSEAL_OK, &err)) {
            FAIL(payseal_keepz_open(k, 500, body.data, body.len, &out, &err),
                 PAYSEAL_UNEXPECTED_RESPONSE, "500");
            payseal_buffer_free(&body);
        }
    }
    /* gateway errors write the error JSON to `out` (documented) */
    out = sentinel();
    CHECK_STATUS(payseal_keepz_open(k, 404,
                                    STR("{\"message\":\"Integrator order not found\","
                                        "\"statusCode\":6005,\"exceptionGroup\":5}"),
                                    &out, &err),
                 PAYSEAL_GATEWAY_ERROR, &err);
    seen[PAYSEAL_GATEWAY_ERROR] = 1;
    CHECK(!is_sentinel(out) && buf_contains(out, "\"statusCode\":6005") &&
          buf_contains(out, "\"group\":\"not found\""));
    CHECK(err.len > 0);
    if (!is_sentinel(out)) payseal_buffer_free(&out);
    payseal_buffer_free(&err);
    out = sentinel();
    CHECK_STATUS(payseal_transactpay_parse_response(
                     404, STR("{\"statusCode\":\"09\",\"status\":\"failed\",\"message\":\"x\"}"),
                     &out, &err),
                 PAYSEAL_GATEWAY_ERROR, &err);
    CHECK(!is_sentinel(out) && buf_contains(out, "\"gateway\":\"transactpay\""));
    if (!is_sentinel(out)) payseal_buffer_free(&out);
    payseal_buffer_free(&err);
done:
    payseal_keepz_free(k);
    payseal_transactpay_free(t);
}

static void panic(void) {
    payseal_buffer err = {NULL, 0};
    printf("panic (a panic message on stderr is expected)\n");
    if (CHECK_STATUS(payseal_selftest_panic(&err), PAYSEAL_PANIC, &err)) seen[PAYSEAL_PANIC] = 1;
    CHECK(buf_contains(err, "panic"));
    payseal_buffer_free(&err);
}

int main(void) {
    /* Every status but these can be provoked from C: PAYSEAL_CRYPTO (an internal backend
     * failure) and PAYSEAL_INVALID_AMOUNT (no C function takes an amount). */
    static const payseal_status expected[] = {
        PAYSEAL_OK, PAYSEAL_NULL_ARGUMENT, PAYSEAL_INVALID_UTF8, PAYSEAL_MALFORMED_KEY,
        PAYSEAL_KEY_TOO_SMALL, PAYSEAL_KEY_TOO_LARGE, PAYSEAL_UNSUPPORTED_KEY,
        PAYSEAL_PAYLOAD_TOO_LARGE, PAYSEAL_BODY_TOO_LARGE, PAYSEAL_CANNOT_OPEN,
        PAYSEAL_GATEWAY_ERROR, PAYSEAL_NOT_JSON, PAYSEAL_EMPTY_BODY, PAYSEAL_NOT_ENVELOPE,
        PAYSEAL_INVALID_ARGUMENT, PAYSEAL_MISSING_KEY, PAYSEAL_BACKEND_UNAVAILABLE,
        PAYSEAL_INVALID_REQUEST, PAYSEAL_UNEXPECTED_RESPONSE, PAYSEAL_INVALID_LENGTH,
        PAYSEAL_PANIC};
    size_t i;
    if (!make_temp_dir(tmp, sizeof tmp)) {
        printf("mkdtemp failed\n");
        return 2;
    }
    pub2048 = read_key("rsa2048.spki.pem", &pub2048_len);
    priv2048 = read_key("rsa2048.pkcs8.pem", &priv2048_len);
    pub4096 = read_key("rsa4096.spki.pem", &pub4096_len);
    priv4096 = read_key("rsa4096.pkcs8.pem", &priv4096_len);
    null_arguments();
    lengths();
    aliased_outputs();
    empty_inputs();
    bad_text();
    bad_keys();
    bad_options();
    sizes();
    tampered();
    bad_bodies();
    panic();
    der_with_whitespace_tail();
    for (i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        /* with both backends compiled in, no backend is unavailable */
        if (expected[i] == PAYSEAL_BACKEND_UNAVAILABLE &&
            payseal_backend_available(PAYSEAL_BACKEND_RUSTCRYPTO)) {
            continue;
        }
        if (!CHECK(seen[expected[i]])) {
            printf("  ! status %d (%s) was never provoked\n", (int)expected[i],
                   payseal_status_text((uint32_t)expected[i]));
        }
    }
    free(pub2048);
    free(priv2048);
    free(pub4096);
    free(priv4096);
    remove_temp_dir(tmp);
    return CHECK_SUMMARY();
}
