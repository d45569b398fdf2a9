/*
 * TransactPay through the C ABI: handles from a dashboard blob (made by payseal_keygen), its
 * decoded text and a PEM file; seals decrypted by the openssl CLI to the exact payload bytes;
 * envelopes made by openssl opened by payseal; the k - 11 payload limit (245 / 501);
 * tampered envelopes; and payseal_transactpay_parse_response.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

static char tmp[512];

static const char *ORDER =
    "{\"customer\":{\"firstname\":\"Ada\",\"lastname\":\"Obi\",\"mobile\":\"+2348000000000\","
    "\"country\":\"NG\",\"email\":\"ada@example.com\"},\"order\":{\"amount\":1000.1234,"
    "\"reference\":\"ORD-42\",\"currency\":\"NGN\"},\"payment\":"
    "{\"RedirectUrl\":\"https://m.example/r\"}}";

static payseal_transactpay *tp_new(const uint8_t *key, size_t key_len, const uint8_t *priv,
                                   size_t priv_len) {
    payseal_transactpay *handle = NULL;
    payseal_buffer error = {NULL, 0};
    CHECK_STATUS(payseal_transactpay_new(key, key_len, priv, priv_len, PAYSEAL_BACKEND_DEFAULT,
                                         &handle, &error),
                 PAYSEAL_OK, &error);
    CHECK(error.data == NULL);
    payseal_buffer_free(&error);
    return handle;
}

/* A JSON object of exactly `len` bytes: {"pad":"xxxx..."} */
static char *payload_of(size_t len) {
    char *p = (char *)malloc(len + 1);
    size_t i;
    if (p == NULL || len < 11) exit(2);
    memcpy(p, "{\"pad\":\"", 8);
    for (i = 8; i < len - 2; i++) p[i] = (char)('a' + i % 26);
    p[len - 2] = '"';
    p[len - 1] = '}';
    p[len] = 0;
    return p;
}

/* Decrypts a sealed {"data":"..."} body with `openssl pkeyutl -decrypt` (PKCS#1 v1.5) and
 * compares the plaintext with `expected`, byte for byte. */
static int openssl_decrypts_to(payseal_buffer body, const char *priv_pem, const char *expected) {
    char *text = buf_text(body), *data = json_string_field(text, "data"), path[600];
    uint8_t *plain = NULL;
    size_t plain_len = 0;
    int ok = 0;
    if (data != NULL) {
        snprintf(path, sizeof path, "%s/tp.b64", tmp);
        write_file(path, data, strlen(data));
        if (run_cmd("base64 -d '%s/tp.b64' > '%s/tp.bin' && openssl pkeyutl -decrypt -inkey '%s'"
                    " -pkeyopt rsa_padding_mode:pkcs1 -in '%s/tp.bin' -out '%s/tp.json'",
                    tmp, tmp, priv_pem, tmp, tmp) == 0) {
            snprintf(path, sizeof path, "%s/tp.json", tmp);
            plain = read_file(path, &plain_len);
            ok = plain != NULL && plain_len == strlen(expected) &&
                 memcmp(plain, expected, plain_len) == 0;
        }
    }
    free(plain);
    free(data);
    free(text);
    return ok;
}

static void from_blob(void) {
    payseal_buffer priv = {NULL, 0}, blob = {NULL, 0}, body = {NULL, 0}, plain = {NULL, 0},
                   error = {NULL, 0};
    payseal_transactpay *seal_only = NULL, *both = NULL;
    char priv_path[600], path[600];
    uint8_t *decoded = NULL;
    size_t decoded_len = 0;
    printf("dashboard blob from payseal_keygen\n");
    if (!CHECK_STATUS(payseal_keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_PEM,
                                     PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB, &priv, &blob, &error),
                      PAYSEAL_OK, &error)) {
        payseal_buffer_free(&error);
        return;
    }
    CHECK(buf_contains(priv, "-----BEGIN PRIVATE KEY-----"));
    CHECK(!buf_contains(blob, "\n") && !buf_contains(blob, "-----"));
    snprintf(priv_path, sizeof priv_path, "%s/tp-priv.pem", tmp);
    CHECK(write_file(priv_path, priv.data, priv.len));
    /* the blob is Base64 of "2048!<RSAKeyValue>..." */
    snprintf(path, sizeof path, "%s/blob.b64", tmp);
    CHECK(write_file(path, blob.data, blob.len));
    CHECK_INT(run_cmd("base64 -d '%s/blob.b64' > '%s/blob.txt'", tmp, tmp), 0);
    snprintf(path, sizeof path, "%s/blob.txt", tmp);
    decoded = read_file(path, &decoded_len);
    CHECK(decoded != NULL && strncmp((char *)decoded, "2048!<RSAKeyValue><Modulus>", 27) == 0);

    seal_only = tp_new(blob.data, blob.len, NULL, 0);
    both = tp_new(blob.data, blob.len, priv.data, priv.len);
    if (seal_only && both) {
        CHECK_INT(payseal_transactpay_max_payload(seal_only), 245);
        CHECK_INT(payseal_transactpay_max_payload(both), 245);
        if (CHECK_STATUS(payseal_transactpay_seal(seal_only, STR(ORDER), &body, &error),
                         PAYSEAL_OK, &error)) {
            char *data;
            char *text = buf_text(body);
            CHECK(strncmp(text, "{\"data\":\"", 9) == 0 && text[body.len - 1] == '}');
            data = json_string_field(text, "data");
            CHECK(data != NULL && strlen(data) == 344 && data[343] == '=');
            free(data);
            free(text);
            CHECK(openssl_decrypts_to(body, priv_path, ORDER));
            /* opened by payseal with the private key */
            CHECK_STATUS(payseal_transactpay_open(both, body.data, body.len, &plain, &error),
                         PAYSEAL_OK, &error);
            CHECK(buf_eq_str(plain, ORDER));
            payseal_buffer_free(&plain);
            /* the seal-only handle cannot open */
            plain = sentinel();
            CHECK_STATUS(payseal_transactpay_open(seal_only, body.data, body.len, &plain, &error),
                         PAYSEAL_MISSING_KEY, &error);
            CHECK(is_sentinel(plain));
            CHECK(error.len > 0);
            payseal_buffer_free(&error);
            payseal_buffer_free(&body);
        }
    }
    payseal_transactpay_free(seal_only);
    payseal_transactpay_free(both);
    /* the decoded blob text is accepted too */
    if (decoded != NULL) {
        seal_only = tp_new(decoded, decoded_len, NULL, 0);
        CHECK_INT(payseal_transactpay_max_payload(seal_only), 245);
        if (seal_only &&
            CHECK_STATUS(payseal_transactpay_seal(seal_only, STR("{\"a\":1}"), &body, &error),
                         PAYSEAL_OK, &error)) {
            CHECK(openssl_decrypts_to(body, priv_path, "{\"a\":1}"));
            payseal_buffer_free(&body);
        }
        payseal_transactpay_free(seal_only);
        /* and so is the bare RSAKeyValue XML after the "2048!" */
        seal_only = tp_new(decoded + 5, decoded_len - 5, NULL, 0);
        CHECK_INT(payseal_transactpay_max_payload(seal_only), 245);
        payseal_transactpay_free(seal_only);
    }
    free(decoded);
    payseal_buffer_free(&priv);
    payseal_buffer_free(&blob);
}

static void from_pem(void) {
    size_t pub_len, priv_len, pub2_len;
    uint8_t *pub = read_key("rsa4096.spki.pem", &pub_len);
    uint8_t *priv = read_key("rsa4096.pkcs8.pem", &priv_len);
    uint8_t *pub2 = read_key("rsa2048.spki.der", &pub2_len);
    char priv_path[600], pub_path[600], path[600];
    payseal_transactpay *seal_only = tp_new(pub, pub_len, NULL, 0);
    payseal_transactpay *both = tp_new(pub, pub_len, priv, priv_len);
    payseal_transactpay *small = tp_new(pub2, pub2_len, NULL, 0);
    payseal_buffer body = sentinel(), plain = {NULL, 0}, error = {NULL, 0};
    char *max = payload_of(501), *over = payload_of(502);
    char *max2048 = payload_of(245), *over2048 = payload_of(246);
    printf("PEM and DER public keys, payload limits, openssl interop\n");
    key_path("rsa4096.pkcs8.pem", priv_path, sizeof priv_path);
    key_path("rsa4096.spki.pem", pub_path, sizeof pub_path);
    if (!seal_only || !both || !small) goto done;

    CHECK_INT(payseal_transactpay_max_payload(seal_only), 501);
    CHECK_INT(payseal_transactpay_max_payload(both), 501);
    CHECK_INT(payseal_transactpay_max_payload(small), 245);
    CHECK_INT(payseal_transactpay_max_payload(NULL), 0);

    /* exactly the limit seals and decrypts to the exact bytes */
    body.data = NULL;
    body.len = 0;
    if (CHECK_STATUS(payseal_transactpay_seal(seal_only, STR(max), &body, &error), PAYSEAL_OK,
                     &error)) {
        char *text = buf_text(body), *data = json_string_field(text, "data");
        CHECK(data != NULL && strlen(data) == 684 && data[683] == '=' && data[682] != '=');
        CHECK(openssl_decrypts_to(body, priv_path, max));
        CHECK_STATUS(payseal_transactpay_open(both, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, max));
        payseal_buffer_free(&plain);
        free(data);
        free(text);
        payseal_buffer_free(&body);
    }
    /* one byte more is refused before encryption, output untouched */
    body = sentinel();
    CHECK_STATUS(payseal_transactpay_seal(seal_only, STR(over), &body, &error),
                 PAYSEAL_PAYLOAD_TOO_LARGE, &error);
    CHECK(is_sentinel(body));
    CHECK(buf_contains(error, "502") && buf_contains(error, "501"));
    payseal_buffer_free(&error);
    /* the same for 2048 bits: 245 */
    body.data = NULL;
    body.len = 0;
    CHECK_STATUS(payseal_transactpay_seal(small, STR(max2048), &body, &error), PAYSEAL_OK,
                 &error);
    payseal_buffer_free(&body);
    body = sentinel();
    CHECK_STATUS(payseal_transactpay_seal(small, STR(over2048), &body, &error),
                 PAYSEAL_PAYLOAD_TOO_LARGE, &error);
    CHECK(is_sentinel(body));
    CHECK(buf_contains(error, "246") && buf_contains(error, "245"));
    payseal_buffer_free(&error);

    /* an envelope made by openssl (PKCS#1 v1.5, one block), opened by payseal */
    snprintf(path, sizeof path, "%s/order.json", tmp);
    write_file(path, ORDER, strlen(ORDER));
    if (CHECK_INT(run_cmd("openssl pkeyutl -encrypt -pubin -inkey '%s' -pkeyopt rsa_padding_mode:pkcs1"
                          " -in '%s/order.json' -out '%s/order.bin' && base64 -w0 '%s/order.bin' >"
                          " '%s/order.b64'",
                          pub_path, tmp, tmp, tmp, tmp), 0)) {
        size_t b64_len;
        uint8_t *b64;
        snprintf(path, sizeof path, "%s/order.b64", tmp);
        b64 = read_file(path, &b64_len);
        if (CHECK(b64 != NULL)) {
            char json[1024];
            snprintf(json, sizeof json, "{\"data\":\"%s\"}", (char *)b64);
            CHECK_STATUS(payseal_transactpay_open(both, STR(json), &plain, &error), PAYSEAL_OK,
                         &error);
            CHECK(buf_eq_str(plain, ORDER));
            payseal_buffer_free(&plain);
            /* tamperings: every one is the same PAYSEAL_CANNOT_OPEN with the same message */
            {
                char *first = NULL;
                int i;
                for (i = 0; i < 4; i++) {
                    char bad[1024];
                    strcpy(bad, json);
                    if (i == 0) bad[20] = bad[20] == 'A' ? 'B' : 'A';            /* flipped */
                    if (i == 1) snprintf(bad, sizeof bad, "{\"data\":\"%.680s\"}", b64); /* cut */
                    if (i == 2) snprintf(bad, sizeof bad, "{\"data\":\"!!not base64!!\"}");
                    if (i == 3) snprintf(bad, sizeof bad, "{\"data\":\"AAAA\"}");   /* short */
                    plain = sentinel();
                    CHECK_STATUS(payseal_transactpay_open(both, STR(bad), &plain, &error),
                                 PAYSEAL_CANNOT_OPEN, &error);
                    CHECK(is_sentinel(plain));
                    CHECK(error.len > 0);
                    if (first == NULL) {
                        first = buf_text(error);
                    } else {
                        CHECK(buf_eq_str(error, first));
                    }
                    payseal_buffer_free(&error);
                }
                free(first);
            }
            free(b64);
        }
    }
    /* a private key from another pair is refused */
    {
        payseal_transactpay *mismatch = NULL;
        size_t other_len;
        uint8_t *other = read_key("rsa2048.pkcs8.pem", &other_len);
        CHECK_STATUS(payseal_transactpay_new(pub, pub_len, other, other_len, 0, &mismatch, &error),
                     PAYSEAL_INVALID_ARGUMENT, &error);
        CHECK(mismatch == NULL);
        payseal_buffer_free(&error);
        free(other);
    }
done:
    payseal_transactpay_free(seal_only);
    payseal_transactpay_free(both);
    payseal_transactpay_free(small);
    payseal_transactpay_free(NULL);
    free(pub);
    free(priv);
    free(pub2);
    free(max);
    free(over);
    free(max2048);
    free(over2048);
}

static void parse_ok(uint16_t http, const char *body, const char *const *expected) {
    payseal_buffer out = {NULL, 0}, error = {NULL, 0};
    if (CHECK_STATUS(payseal_transactpay_parse_response(http, STR(body), &out, &error),
                     PAYSEAL_OK, &error)) {
        for (; *expected != NULL; expected++) {
            if (!CHECK(buf_contains(out, *expected))) {
                char *text = buf_text(out);
                printf("  ! missing %s in %s\n", *expected, text);
                free(text);
            }
        }
    }
    CHECK(error.data == NULL);
    payseal_buffer_free(&out);
    payseal_buffer_free(&error);
}

static void parse_fails(uint16_t http, const uint8_t *body, size_t len, payseal_status expected,
                        const char *const *json) {
    payseal_buffer out = sentinel(), error = {NULL, 0};
    CHECK_STATUS(payseal_transactpay_parse_response(http, body, len, &out, &error), expected,
                 &error);
    CHECK(error.len > 0);
    if (expected == PAYSEAL_GATEWAY_ERROR) {
        CHECK(!is_sentinel(out));
        if (!is_sentinel(out)) {
            for (; json != NULL && *json != NULL; json++) {
                if (!CHECK(buf_contains(out, *json))) {
                    char *text = buf_text(out);
                    printf("  ! missing %s in %s\n", *json, text);
                    free(text);
                }
            }
            payseal_buffer_free(&out);
        }
    } else {
        CHECK(is_sentinel(out));
    }
    payseal_buffer_free(&error);
}

static void parse_response(void) {
    static const char *const boolean[] = {"\"httpStatus\":200", "\"statusCode\":\"00\"",
                                          "\"status\":\"true\"", "\"message\":\"Verified\"",
                                          "\"data\":{\"orderReference\":\"ORD-1\"",
                                          "\"totalAmountCharged\":1000.1234", NULL};
    static const char *const created[] = {"\"httpStatus\":201", "\"statusCode\":\"01\"",
                                          "\"status\":\"success\"", NULL};
    static const char *const no_data[] = {"\"statusCode\":\"02\"", "\"data\":null", NULL};
    static const char *const failed[] = {"\"gateway\":\"transactpay\"", "\"httpStatus\":400",
                                         "\"statusCode\":\"09\"", "\"status\":\"failed\"",
                                         "\"message\":\"Order not found\"", NULL};
    static const char *const failed200[] = {"\"httpStatus\":200", "\"statusCode\":\"04\"", NULL};
    static const char *const bool_false[] = {"\"status\":\"false\"", NULL};
    const char *html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    char *huge;
    printf("parse_response\n");
    parse_ok(200,
             "{\"status\":true,\"status_code\":0,\"message\":\"Verified\",\"data\":{\"orderReference\":"
             "\"ORD-1\",\"totalAmountCharged\":1000.1234}}",
             boolean);
    parse_ok(201, "{\"statusCode\":\"01\",\"status\":\"success\",\"data\":{\"id\":7}}", created);
    parse_ok(200, "{\"StatusCode\":2,\"status\":\"pending\"}", no_data);

    parse_fails(400, STR("{\"statusCode\":\"09\",\"status\":\"failed\",\"message\":\"Order not found\"}"),
                PAYSEAL_GATEWAY_ERROR, failed);
    parse_fails(200, STR("{\"statusCode\":\"04\",\"status\":\"error\",\"message\":\"Declined\"}"),
                PAYSEAL_GATEWAY_ERROR, failed200);
    parse_fails(200, STR("{\"status\":false,\"message\":\"nope\"}"), PAYSEAL_GATEWAY_ERROR,
                bool_false);
    parse_fails(502, STR(html), PAYSEAL_NOT_JSON, NULL);
    parse_fails(200, STR("{\"statusCode\":\"00\""), PAYSEAL_NOT_JSON, NULL); /* cut */
    parse_fails(200, NULL, 0, PAYSEAL_EMPTY_BODY, NULL);
    parse_fails(200, STR("  \n"), PAYSEAL_EMPTY_BODY, NULL);
    parse_fails(200, STR("{\"hello\":\"world\"}"), PAYSEAL_NOT_ENVELOPE, NULL);
    parse_fails(200, STR("[1,2,3]"), PAYSEAL_NOT_ENVELOPE, NULL);
    /* over the 1 MiB default */
    huge = (char *)malloc(1024 * 1024 + 2);
    if (huge != NULL) {
        memset(huge, ' ', 1024 * 1024 + 1);
        huge[0] = '{';
        huge[1024 * 1024] = '}';
        huge[1024 * 1024 + 1] = 0;
        parse_fails(200, (const uint8_t *)huge, 1024 * 1024 + 1, PAYSEAL_BODY_TOO_LARGE, NULL);
        free(huge);
    }
}

int main(void) {
    if (!make_temp_dir(tmp, sizeof tmp)) {
        printf("mkdtemp failed\n");
        return 2;
    }
    from_blob();
    from_pem();
    parse_response();
    remove_temp_dir(tmp);
    return CHECK_SUMMARY();
}
