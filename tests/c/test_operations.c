/*
 * Every gateway operation through the C ABI, against the shared vectors
 * tests/vectors/typed_operations.json (the file ffi/src/tests/typed_operations.rs and every
 * binding check too): requests prepared by payseal_keepz_prepare and payseal_transactpay_prepare
 * and opened by test doubles (payseal_keepz_open, payseal_keepz_open_query,
 * payseal_transactpay_open) to the exact plaintext expected, or refused with their status;
 * answers read by payseal_keepz_parse and payseal_transactpay_parse; callbacks and webhooks with
 * their re-checks; payseal_new_order_id; and payseal_describe against the committed
 * bindings/description.json. Run from the repository's root.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"
#include "json.h"

/* The handles of the vectors: the integrator's, a Keepz test double that seals answers to the
 * integrator and opens requests with Keepz's key, and a TransactPay handle that also opens. */
static payseal_keepz *keepz, *keepz_double;
static payseal_transactpay *transactpay;

/* Records one check about the case `name`. */
static int expect(int ok, const char *name, const char *what) {
    char line[700];
    snprintf(line, sizeof line, "%.300s: %.300s", name, what);
    return check_record(ok, __FILE__, __LINE__, line);
}

/* A string as an input pair: NULL, 0 when absent or empty. */
static const uint8_t *in_ptr(const char *s) { return s != NULL && s[0] != 0 ? (const uint8_t *)s : NULL; }
static size_t in_len(const char *s) { return s != NULL ? strlen(s) : 0; }

static uint32_t base_choice(const json_value *c) {
    const char *base = json_get_str(c, "base_url");
    if (strcmp(base, "production") == 0) return PAYSEAL_BASE_URL_PRODUCTION;
    if (strcmp(base, "custom") == 0) return PAYSEAL_BASE_URL_CUSTOM;
    return PAYSEAL_BASE_URL_TEST;
}

/* One call's results: its status, *out (the sentinel if untouched) and the error message. */
typedef struct {
    payseal_status status;
    payseal_buffer out, error;
} outcome;

static outcome fresh(void) {
    outcome o;
    o.status = PAYSEAL_OK;
    o.out = sentinel();
    o.error.data = NULL;
    o.error.len = 0;
    return o;
}

/* Checks status and message against the case; returns the output parsed (success or gateway
 * error) or NULL, and releases the buffers. `*text` keeps the output's text for the tree. */
static json_value *settle(const json_value *c, outcome *o, char **text) {
    const char *name = json_get_str(c, "name");
    long expected = strtol(json_get(c, "expect_status")->raw, NULL, 10);
    char *message = buf_text(o->error);
    char what[600];
    json_value *out = NULL;
    *text = NULL;
    snprintf(what, sizeof what, "status %d, expected %ld (%.400s)", (int)o->status, expected, message);
    expect((long)o->status == expected, name, what);
    if (json_str(json_get(c, "expect_error")) != NULL) {
        snprintf(what, sizeof what, "message \"%.300s\" names \"%.200s\"", message,
                 json_get_str(c, "expect_error"));
        expect(strstr(message, json_get_str(c, "expect_error")) != NULL, name, what);
    }
    if (json_str(json_get(c, "expect_error_excludes")) != NULL) {
        expect(strstr(message, json_get_str(c, "expect_error_excludes")) == NULL, name,
               "the message quotes what it must not");
    }
    if (o->status != PAYSEAL_OK) expect(o->error.len > 0, name, "a failure comes with its message");
    if (o->status == PAYSEAL_OK || o->status == PAYSEAL_GATEWAY_ERROR) {
        if (expect(!is_sentinel(o->out), name, "output written")) {
            *text = buf_text(o->out);
            out = json_parse(*text, o->out.len);
            expect(out != NULL, name, "the output is JSON");
            payseal_buffer_free(&o->out);
        }
    } else {
        expect(is_sentinel(o->out), name, "output untouched on failure");
    }
    free(message);
    payseal_buffer_free(&o->error);
    return out;
}

/* What the gateway's side opens from a prepared request (malloc'd), or NULL. */
static char *opened(const json_value *prepared) {
    const char *body = json_get_str(prepared, "body"), *query = json_get_str(prepared, "query");
    const json_value *encrypted = json_get(prepared, "encrypted");
    payseal_buffer plain = {NULL, 0}, error = {NULL, 0};
    payseal_status status;
    char *text;
    if (strcmp(json_get_str(prepared, "gateway"), "keepz") == 0) {
        status = query[0] != 0
                     ? payseal_keepz_open_query(keepz_double, STR(query), &plain, &error)
                     : payseal_keepz_open(keepz_double, 0, STR(body), &plain, &error);
    } else if (encrypted != NULL && encrypted->boolean) {
        status = payseal_transactpay_open(transactpay, STR(body), &plain, &error);
    } else {
        size_t n = strlen(body);
        text = (char *)malloc(n + 1);
        if (text == NULL) exit(2);
        memcpy(text, body, n + 1);
        return text;
    }
    CHECK_STATUS(status, PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    text = status == PAYSEAL_OK ? buf_text(plain) : NULL;
    payseal_buffer_free(&plain);
    return text;
}

/* A prepared request against its expectation (`url` without the query string) and what the
 * gateway's side opens from it. */
static void check_prepared(const char *name, const json_value *prepared, const json_value *want,
                           const char *plaintext) {
    size_t i;
    const char *placement = json_get_str(prepared, "placement");
    int in_body = strcmp(placement, "body") == 0;
    char *got;
    if (!expect(want != NULL && want->kind == JSON_OBJECT, name, "an expectation")) return;
    for (i = 0; i < want->count; i++) {
        const char *key = want->keys[i];
        char what[400];
        snprintf(what, sizeof what, "%s as expected", key);
        if (strcmp(key, "url") == 0 && !in_body) {
            const char *url = json_get_str(prepared, "url"), *query = json_get_str(prepared, "query");
            const char *base = json_str(&want->items[i]);
            size_t n = base != NULL ? strlen(base) : 0;
            expect(base != NULL && strncmp(url, base, n) == 0 && url[n] == '?' &&
                       strcmp(url + n + 1, query) == 0, name, "url is the URL, '?' and the query");
        } else {
            expect(json_equal(json_get(prepared, key), &want->items[i]), name, what);
        }
    }
    expect((json_get(prepared, "body")->kind == JSON_STRING) == in_body, name, "a body iff placement body");
    expect((json_get(prepared, "query")->kind == JSON_STRING) == !in_body, name, "a query iff placement query");
    got = opened(prepared);
    expect(got != NULL && strcmp(got, plaintext) == 0, name, "the gateway opens the expected plaintext");
    free(got);
}

static void prepare_case(const json_value *c) {
    const char *name = json_get_str(c, "name"), *op = json_get_str(c, "operation");
    const char *custom = json_get_str(c, "custom_base_url");
    /* `request_text` as given, else the exact text of `request` in the file */
    const char *request_text = json_str(json_get(c, "request_text"));
    char *request = request_text != NULL ? NULL : json_text(json_get(c, "request"));
    const char *req = request_text != NULL ? request_text : request;
    outcome o = fresh();
    json_value *out;
    char *text;
    if (strcmp(json_get_str(c, "gateway"), "keepz") == 0) {
        o.status = payseal_keepz_prepare(keepz, STR(op), STR(req), base_choice(c),
                                         in_ptr(custom), in_len(custom), &o.out, &o.error);
    } else {
        o.status = payseal_transactpay_prepare(transactpay, STR(op), STR(req), base_choice(c),
                                               in_ptr(custom), in_len(custom), &o.out, &o.error);
    }
    out = settle(c, &o, &text);
    if (out != NULL) {
        expect(json_equal(json_get(out, "gateway"), json_get(c, "gateway")), name, "gateway");
        expect(json_equal(json_get(out, "operation"), json_get(c, "operation")), name, "operation");
        check_prepared(name, out, json_get(c, "expect"), json_get_str(c, "expect_plaintext"));
    }
    json_free(out);
    free(text);
    free(request);
}

/* The body of a case: `answer` sealed by the Keepz test double (malloc'd), else `body`. */
static payseal_buffer case_body(const json_value *c, int *sealed) {
    payseal_buffer body = {NULL, 0}, error = {NULL, 0};
    const char *answer = json_str(json_get(c, "answer"));
    *sealed = answer != NULL;
    if (answer != NULL) {
        CHECK_STATUS(payseal_keepz_seal(keepz_double, STR(answer), &body, &error), PAYSEAL_OK, &error);
        payseal_buffer_free(&error);
    } else {
        body.data = (uint8_t *)json_get_str(c, "body");
        body.len = strlen((const char *)body.data);
    }
    return body;
}

static void parse_case(const json_value *c) {
    const char *op = json_get_str(c, "operation");
    const char *amount = json_get_str(c, "expected_amount");
    const char *currency = json_get_str(c, "expected_currency");
    uint16_t http = (uint16_t)strtol(json_get(c, "http_status")->raw, NULL, 10);
    int sealed;
    payseal_buffer body = case_body(c, &sealed);
    outcome o = fresh();
    json_value *out;
    char *text;
    if (strcmp(json_get_str(c, "gateway"), "keepz") == 0) {
        o.status = payseal_keepz_parse(keepz, STR(op), http, body.len ? body.data : NULL, body.len,
                                       &o.out, &o.error);
    } else {
        o.status = payseal_transactpay_parse(STR(op), http, body.len ? body.data : NULL, body.len,
                                             in_ptr(amount), in_len(amount), in_ptr(currency),
                                             in_len(currency), &o.out, &o.error);
    }
    out = settle(c, &o, &text);
    if (out != NULL) {
        expect(json_equal(out, json_get(c, "expect_output")), json_get_str(c, "name"),
               "the typed answer expected");
    }
    json_free(out);
    free(text);
    if (sealed) payseal_buffer_free(&body);
}

/* A callback (Keepz) or webhook (TransactPay): the hint, then its re-check. */
static void hint_case(const json_value *c, int is_keepz) {
    const char *name = json_get_str(c, "name"), *custom = json_get_str(c, "custom_base_url");
    int sealed;
    payseal_buffer body = case_body(c, &sealed);
    outcome o = fresh();
    json_value *out;
    char *text;
    if (is_keepz) {
        o.status = payseal_keepz_callback(keepz, body.len ? body.data : NULL, body.len,
                                          base_choice(c), in_ptr(custom), in_len(custom), &o.out,
                                          &o.error);
    } else {
        o.status = payseal_transactpay_webhook(transactpay, body.len ? body.data : NULL, body.len,
                                               base_choice(c), in_ptr(custom), in_len(custom),
                                               &o.out, &o.error);
    }
    out = settle(c, &o, &text);
    if (out != NULL) {
        expect(json_equal_except(out, json_get(c, "expect_output"), "recheck"), name,
               "the unverified content expected");
        if (expect(json_get(out, "recheck") != NULL, name, "a recheck")) {
            check_prepared(name, json_get(out, "recheck"), json_get(c, "expect_recheck"),
                           json_get_str(c, "expect_recheck_plaintext"));
        }
    }
    json_free(out);
    free(text);
    if (sealed) payseal_buffer_free(&body);
}

static void open_handles(const json_value *vectors, const json_value *keys) {
    const json_value *roles = json_get(vectors, "keys");
    const json_value *k = json_get(keys, json_get_str(roles, "keepz"));
    const json_value *i = json_get(keys, json_get_str(roles, "integrator"));
    const json_value *t = json_get(keys, json_get_str(roles, "transactpay"));
    const char *id = json_get_str(vectors, "integratorId");
    payseal_buffer error = {NULL, 0};
    CHECK_STATUS(payseal_keepz_new(STR(json_get_str(k, "public_base64_der")),
                                   STR(json_get_str(i, "private_pem")), STR(id), NULL, &keepz, &error),
                 PAYSEAL_OK, &error);
    CHECK_STATUS(payseal_keepz_new(STR(json_get_str(i, "public_pem")), STR(json_get_str(k, "private_pem")),
                                   NULL, 0, NULL, &keepz_double, &error),
                 PAYSEAL_OK, &error);
    CHECK_STATUS(payseal_transactpay_new(STR(json_get_str(t, "transactpay_blob")),
                                         STR(json_get_str(t, "private_pem")), PAYSEAL_BACKEND_DEFAULT,
                                         &transactpay, &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
}

static void run_group(const json_value *vectors, const char *group, void (*run)(const json_value *)) {
    const json_value *cases = json_get(vectors, group);
    size_t i;
    if (!CHECK(cases != NULL && cases->kind == JSON_ARRAY && cases->count > 0)) return;
    printf("%s: %lu cases\n", group, (unsigned long)cases->count);
    for (i = 0; i < cases->count; i++) run(&cases->items[i]);
}

static void callback_case(const json_value *c) { hint_case(c, 1); }
static void webhook_case(const json_value *c) { hint_case(c, 0); }

/* Fresh version-4 UUIDs, different each time. */
static void order_ids(void) {
    payseal_buffer a = {NULL, 0}, b = {NULL, 0}, error = {NULL, 0};
    printf("payseal_new_order_id\n");
    CHECK_STATUS(payseal_new_order_id(&a, &error), PAYSEAL_OK, &error);
    CHECK_STATUS(payseal_new_order_id(&b, &error), PAYSEAL_OK, &error);
    if (CHECK_INT(a.len, 36) && CHECK_INT(b.len, 36)) {
        CHECK(a.data[8] == '-' && a.data[13] == '-' && a.data[18] == '-' && a.data[23] == '-');
        CHECK(a.data[14] == '4');
        CHECK(strchr("89ab", a.data[19]) != NULL);
        CHECK(memcmp(a.data, b.data, 36) != 0);
    }
    CHECK_STATUS(payseal_new_order_id(NULL, NULL), PAYSEAL_NULL_ARGUMENT, NULL);
    payseal_buffer_free(&a);
    payseal_buffer_free(&b);
    payseal_buffer_free(&error);
}

/* payseal_describe returns bindings/description.json byte for byte. */
static void description(void) {
    payseal_buffer out = {NULL, 0}, error = {NULL, 0};
    size_t len = 0;
    uint8_t *committed = read_file("bindings/description.json", &len);
    json_value *d;
    printf("payseal_describe\n");
    CHECK_STATUS(payseal_describe(&out, &error), PAYSEAL_OK, &error);
    CHECK(committed != NULL && buf_eq(out, committed, len));
    d = json_parse((const char *)out.data, out.len);
    if (CHECK(d != NULL)) {
        CHECK_INT(strtol(json_get(d, "abiVersion")->raw, NULL, 10), PAYSEAL_ABI_VERSION);
        CHECK(json_get(json_get(d, "objects"), "keepz.CreateOrderRequest") != NULL);
    }
    json_free(d);
    free(committed);
    payseal_buffer_free(&out);
    payseal_buffer_free(&error);
}

int main(void) {
    size_t vectors_len = 0, keys_len = 0;
    uint8_t *vectors_text = read_file("tests/vectors/typed_operations.json", &vectors_len);
    uint8_t *keys_text = read_file("tests/vectors/keys.json", &keys_len);
    json_value *vectors = vectors_text ? json_parse((const char *)vectors_text, vectors_len) : NULL;
    json_value *keys = keys_text ? json_parse((const char *)keys_text, keys_len) : NULL;
    if (CHECK(vectors != NULL && keys != NULL)) {
        open_handles(vectors, keys);
        run_group(vectors, "prepare", prepare_case);
        run_group(vectors, "parse", parse_case);
        run_group(vectors, "callbacks", callback_case);
        run_group(vectors, "webhooks", webhook_case);
    }
    order_ids();
    description();
    payseal_keepz_free(keepz);
    payseal_keepz_free(keepz_double);
    payseal_transactpay_free(transactpay);
    json_free(vectors);
    json_free(keys);
    free(vectors_text);
    free(keys_text);
    return CHECK_SUMMARY();
}
