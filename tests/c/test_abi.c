/*
 * The rest of the C ABI: payseal_keygen in every format (keys checked by the openssl CLI and
 * used by payseal), payseal_endpoint, payseal_status_text for every code, payseal_version and
 * payseal_abi_version against the header's macros, payseal_selftest_panic (the process goes on and
 * handles keep working) and payseal_buffer_free on NULL, empty and already freed buffers.
 * With PAYSEAL_C_QUICK=1 (run.sh sets it under valgrind) only one key pair is generated.
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

static char tmp[512];

/* Checks a generated pair with openssl (private key consistent, public key its half) and with
 * payseal (a Keepz seal -> open round trip through handles built from the exported keys). */
static void check_pair(payseal_buffer priv, payseal_buffer pub, uint32_t format, int bits) {
    char path[600];
    payseal_keepz *handle = NULL;
    payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    int der = format == PAYSEAL_KEY_FORMAT_DER || format == PAYSEAL_KEY_FORMAT_BASE64_DER;
    const char *inform = der ? "-inform DER" : "";
    const char *pubinform = der ? "-pubin -inform DER" : "-pubin";
    if (format == PAYSEAL_KEY_FORMAT_BASE64_DER) {
        /* openssl reads no bare Base64: decode it to DER first */
        snprintf(path, sizeof path, "%s/gen.key.b64", tmp);
        CHECK(write_file(path, priv.data, priv.len));
        snprintf(path, sizeof path, "%s/gen.pub.b64", tmp);
        CHECK(write_file(path, pub.data, pub.len));
        CHECK_INT(run_cmd("base64 -d '%s/gen.key.b64' > '%s/gen.key' && base64 -d '%s/gen.pub.b64'"
                          " > '%s/gen.pub'", tmp, tmp, tmp, tmp), 0);
    } else {
        snprintf(path, sizeof path, "%s/gen.key", tmp);
        CHECK(write_file(path, priv.data, priv.len));
        snprintf(path, sizeof path, "%s/gen.pub", tmp);
        CHECK(write_file(path, pub.data, pub.len));
    }
    /* openssl reads both; the public key is the private key's half; the size is right */
    CHECK_INT(run_cmd("openssl pkey %s -in '%s/gen.key' -check -noout >/dev/null 2>&1", inform, tmp), 0);
    CHECK_INT(run_cmd("openssl pkey %s -in '%s/gen.key' -pubout -outform DER -out '%s/a.der' 2>/dev/null"
                      " && openssl pkey %s -in '%s/gen.pub' -pubout -outform DER -out '%s/b.der' 2>/dev/null"
                      " && cmp -s '%s/a.der' '%s/b.der'",
                      inform, tmp, tmp, pubinform, tmp, tmp, tmp, tmp), 0);
    CHECK_INT(run_cmd("openssl pkey %s -in '%s/gen.key' -text -noout 2>/dev/null | grep -q '(%d bit'",
                      inform, tmp, bits), 0);
    /* payseal reads them back */
    if (CHECK_STATUS(payseal_keepz_new(pub.data, pub.len, priv.data, priv.len, NULL, 0, NULL,
                                       &handle, &error),
                     PAYSEAL_OK, &error)) {
        CHECK_STATUS(payseal_keepz_seal(handle, STR("{\"k\":\"v\"}"), &body, &error), PAYSEAL_OK,
                     &error);
        CHECK_STATUS(payseal_keepz_open(handle, 200, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, "{\"k\":\"v\"}"));
        payseal_buffer_free(&body);
        payseal_buffer_free(&plain);
        payseal_keepz_free(handle);
    }
    payseal_buffer_free(&error);
}

/* Generates a key pair with the given formats and checks its shape. */
static void keygen(uint32_t bits, uint32_t backend, uint32_t priv_format, uint32_t pub_format,
                   const char *priv_prefix, const char *pub_prefix) {
    payseal_buffer priv = sentinel(), pub = sentinel(), error = {NULL, 0};
    printf("keygen %u bits, formats %u/%u\n", (unsigned)bits, (unsigned)priv_format,
           (unsigned)pub_format);
    if (!CHECK_STATUS(payseal_keygen(bits, backend, priv_format, pub_format, &priv, &pub, &error),
                      PAYSEAL_OK, &error)) {
        payseal_buffer_free(&error);
        return;
    }
    CHECK(error.data == NULL);
    CHECK(!is_sentinel(priv) && !is_sentinel(pub) && priv.len > 0 && pub.len > 0);
    CHECK(priv.len >= strlen(priv_prefix) && memcmp(priv.data, priv_prefix, strlen(priv_prefix)) == 0);
    CHECK(pub.len >= strlen(pub_prefix) && memcmp(pub.data, pub_prefix, strlen(pub_prefix)) == 0);
    if (priv_format == PAYSEAL_KEY_FORMAT_DER) {
        /* PKCS#8 (version 0, then the rsaEncryption AlgorithmIdentifier), not PKCS#1 */
        static const uint8_t pkcs8[] = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86};
        static const uint8_t spki[] = {0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86};
        CHECK(priv.len > 20 && memcmp(priv.data + 4, pkcs8, sizeof pkcs8) == 0);
        CHECK(pub_format != PAYSEAL_KEY_FORMAT_DER ||
              (pub.len > 20 && memcmp(pub.data + 4, spki, sizeof spki) == 0));
    }
    if (pub_format == PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB) {
        payseal_transactpay *tp = NULL;
        CHECK(!buf_contains(pub, "\n"));
        if (CHECK_STATUS(payseal_transactpay_new(pub.data, pub.len, priv.data, priv.len, backend,
                                                 &tp, &error),
                         PAYSEAL_OK, &error)) {
            CHECK_INT(payseal_transactpay_max_payload(tp), bits / 8 - 11);
            payseal_transactpay_free(tp);
        }
    } else if (priv_format == pub_format) {
        if (priv_format == PAYSEAL_KEY_FORMAT_BASE64_DER) {
            CHECK(!buf_contains(priv, "\n") && !buf_contains(pub, "\n"));
            CHECK(!buf_contains(priv, "-----") && !buf_contains(pub, "-----"));
        }
        check_pair(priv, pub, priv_format, (int)bits);
    }
    payseal_buffer_free(&priv);
    payseal_buffer_free(&pub);
    CHECK(priv.data == NULL && priv.len == 0 && pub.data == NULL && pub.len == 0);
    payseal_buffer_free(&error);
}

static void keygen_all(void) {
    static const char der_prefix[] = {0x30, (char)0x82, 0};
    const char *quick = getenv("PAYSEAL_C_QUICK");
    if (quick != NULL && strcmp(quick, "1") == 0) {
        /* Under valgrind a key generation takes 5-90 s: one 2048-bit pair only. The exporting
         * and the buffers are the same code for every format. */
        keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_PKCS1_PEM,
               PAYSEAL_KEY_FORMAT_PKCS1_PEM, "-----BEGIN RSA PRIVATE KEY-----\n",
               "-----BEGIN RSA PUBLIC KEY-----\n");
        return;
    }
    keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_PEM, PAYSEAL_KEY_FORMAT_PEM,
           "-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PUBLIC KEY-----\n");
    keygen(2048, PAYSEAL_BACKEND_AWS_LC, PAYSEAL_KEY_FORMAT_PKCS1_PEM,
           PAYSEAL_KEY_FORMAT_PKCS1_PEM, "-----BEGIN RSA PRIVATE KEY-----\n",
           "-----BEGIN RSA PUBLIC KEY-----\n");
    keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_DER, PAYSEAL_KEY_FORMAT_DER,
           der_prefix, der_prefix);
    /* how Keepz hands keys out: MIIBIjAN... (2048) / MIICIjAN... (4096), MIIE... / MIIJ... */
    keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_BASE64_DER,
           PAYSEAL_KEY_FORMAT_BASE64_DER, "MIIE", "MIIBIjAN");
    keygen(4096, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_BASE64_DER,
           PAYSEAL_KEY_FORMAT_BASE64_DER, "MIIJ", "MIICIjAN");
    /* TransactPay's dashboard blob: Base64 of "2048!<RSAKeyValue>..." */
    keygen(2048, PAYSEAL_BACKEND_DEFAULT, PAYSEAL_KEY_FORMAT_PEM,
           PAYSEAL_KEY_FORMAT_TRANSACTPAY_BLOB, "-----BEGIN PRIVATE KEY-----\n",
           "MjA0OCE8UlNBS2V5VmFsdWU+");
}

static void endpoints(void) {
    static const struct {
        const char *gateway, *operation;
        const char *expect[4];
    } cases[] = {
        {"keepz", "order_status",
         {"\"placement\":\"query\"", "\"method\":\"GET\"",
          "\"path\":\"/api/integrator/order/status\"", "\"gateway\":\"keepz\""}},
        {"keepz", "create_order",
         {"\"placement\":\"body\"", "\"method\":\"POST\"", "\"path\":\"/api/integrator/order\"",
          NULL}},
        {"keepz", "cancel_order", {"\"placement\":\"query\"", "\"method\":\"DELETE\"", NULL, NULL}},
        {"keepz", "revoke_subscription", {"\"placement\":\"body\"", NULL, NULL, NULL}},
        {"transactpay", "create_order",
         {"\"gateway\":\"transactpay\"", "\"encrypted\":true", "\"apiKey\":\"public\"",
          "\"path\":\"/payment/order/create\""}},
        {"transactpay", "verify",
         {"\"encrypted\":false", "\"apiKey\":\"secret\"", "\"method\":\"POST\"", NULL}},
    };
    size_t i, j;
    payseal_buffer out = {NULL, 0}, error = {NULL, 0};
    printf("endpoints\n");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (!CHECK_STATUS(payseal_endpoint(STR(cases[i].gateway), STR(cases[i].operation), &out,
                                           &error),
                          PAYSEAL_OK, &error)) {
            payseal_buffer_free(&error);
            continue;
        }
        CHECK(out.len > 0 && out.data[0] == '{' && out.data[out.len - 1] == '}');
        for (j = 0; j < 4 && cases[i].expect[j] != NULL; j++) {
            if (!CHECK(buf_contains(out, cases[i].expect[j]))) {
                char *text = buf_text(out);
                printf("  ! %s/%s: missing %s in %s\n", cases[i].gateway, cases[i].operation,
                       cases[i].expect[j], text);
                free(text);
            }
        }
        payseal_buffer_free(&out);
    }
    /* unknown names: PAYSEAL_INVALID_ARGUMENT, output untouched, message names the culprit */
    out = sentinel();
    CHECK_STATUS(payseal_endpoint(STR("keepz"), STR("orderStatus"), &out, &error),
                 PAYSEAL_INVALID_ARGUMENT, &error);
    CHECK(is_sentinel(out));
    CHECK(buf_contains(error, "orderStatus"));
    payseal_buffer_free(&error);
    CHECK_STATUS(payseal_endpoint(STR("paypal"), STR("create_order"), &out, &error),
                 PAYSEAL_INVALID_ARGUMENT, &error);
    CHECK(is_sentinel(out));
    CHECK(buf_contains(error, "paypal"));
    payseal_buffer_free(&error);
    CHECK_STATUS(payseal_endpoint(NULL, 0, NULL, 0, &out, &error), PAYSEAL_INVALID_ARGUMENT,
                 &error);
    CHECK(is_sentinel(out));
    payseal_buffer_free(&error);
}

static void status_texts(void) {
    static const struct {
        uint32_t code;
        const char *text;
    } known[] = {
        {PAYSEAL_OK, "ok"},
        {PAYSEAL_NULL_ARGUMENT, "a required argument was NULL"},
        {PAYSEAL_INVALID_UTF8, "text is not valid UTF-8"},
        {PAYSEAL_MALFORMED_KEY, "the key could not be read"},
        {PAYSEAL_KEY_TOO_SMALL, "the RSA key is too small"},
        {PAYSEAL_KEY_TOO_LARGE, "the RSA key is too large"},
        {PAYSEAL_UNSUPPORTED_KEY, "the key is not an RSA key of the kind needed"},
        {PAYSEAL_PAYLOAD_TOO_LARGE, "the payload is too large for the envelope"},
        {PAYSEAL_BODY_TOO_LARGE, "the body is larger than the configured maximum"},
        {PAYSEAL_CANNOT_OPEN, "the envelope cannot be opened with this private key"},
        {PAYSEAL_GATEWAY_ERROR, "the gateway returned an error"},
        {PAYSEAL_NOT_JSON, "the content is not JSON"},
        {PAYSEAL_EMPTY_BODY, "the body is empty"},
        {PAYSEAL_NOT_ENVELOPE, "the body is neither an envelope nor a gateway error"},
        {PAYSEAL_INVALID_ARGUMENT, "an argument is invalid"},
        {PAYSEAL_MISSING_KEY, "the handle has no key for this operation"},
        {PAYSEAL_CRYPTO, "the crypto backend failed"},
        {PAYSEAL_BACKEND_UNAVAILABLE, "the crypto backend is not compiled in"},
        {PAYSEAL_INVALID_AMOUNT, "the amount is invalid"},
        {PAYSEAL_INVALID_REQUEST, "the request is invalid"},
        {PAYSEAL_UNEXPECTED_RESPONSE, "the response does not have the expected shape"},
        {PAYSEAL_INVALID_LENGTH, "an input length is larger than any object can be"},
        {PAYSEAL_PANIC, "internal error (a panic was caught)"},
    };
    static const uint32_t unknown[] = {22, 50, 98, 100, 1000, 0xFFFFFFFFu};
    size_t i, j, n = sizeof known / sizeof known[0];
    printf("status texts\n");
    CHECK_INT(n, 23); /* every enumerator of payseal_status */
    for (i = 0; i < n; i++) {
        const char *text = payseal_status_text(known[i].code);
        CHECK(text != NULL);
        CHECK_STR(text, known[i].text);
        CHECK(text == payseal_status_text(known[i].code)); /* static: same pointer each time */
        for (j = 0; j < i; j++) {
            CHECK(strcmp(text, payseal_status_text(known[j].code)) != 0); /* all distinct */
        }
    }
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK_STR(payseal_status_text(unknown[i]), "unknown status code");
    }
}

static void versions(void) {
    printf("versions\n");
    CHECK(payseal_version() != NULL);
    CHECK_STR(payseal_version(), PAYSEAL_VERSION);
    CHECK_INT(payseal_abi_version(), PAYSEAL_ABI_VERSION);
    CHECK_INT(PAYSEAL_ABI_VERSION, 2); /* 2: diagnosis has its own handle type */
}

static void panics(void) {
    payseal_buffer error = {NULL, 0}, body = {NULL, 0}, plain = {NULL, 0};
    payseal_keepz *handle = NULL;
    size_t pub_len, priv_len;
    uint8_t *pub = read_key("rsa2048.spki.pem", &pub_len);
    uint8_t *priv = read_key("rsa2048.pkcs8.pem", &priv_len);
    int i;
    printf("panic boundary (a panic message on stderr is expected)\n");
    /* a live handle from before the panics */
    CHECK_STATUS(payseal_keepz_new(pub, pub_len, priv, priv_len, NULL, 0, NULL, &handle, &error),
                 PAYSEAL_OK, &error);
    for (i = 0; i < 3; i++) {
        CHECK_STATUS(payseal_selftest_panic(&error), PAYSEAL_PANIC, &error);
        CHECK(error.len > 0 && buf_contains(error, "panic"));
        payseal_buffer_free(&error);
    }
    CHECK_STATUS(payseal_selftest_panic(NULL), PAYSEAL_PANIC, NULL);
    /* the process goes on, and the handle still works */
    if (handle != NULL) {
        CHECK_STATUS(payseal_keepz_seal(handle, STR("{\"after\":\"panic\"}"), &body, &error),
                     PAYSEAL_OK, &error);
        CHECK_STATUS(payseal_keepz_open(handle, 200, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, "{\"after\":\"panic\"}"));
        payseal_buffer_free(&body);
        payseal_buffer_free(&plain);
        payseal_keepz_free(handle);
    }
    /* and new handles too */
    handle = NULL;
    CHECK_STATUS(payseal_keepz_new(pub, pub_len, NULL, 0, NULL, 0, NULL, &handle, &error),
                 PAYSEAL_OK, &error);
    payseal_keepz_free(handle);
    free(pub);
    free(priv);
}

static void buffers(void) {
    payseal_buffer empty = {NULL, 0}, out = {NULL, 0}, error = {NULL, 0};
    printf("buffers\n");
    payseal_buffer_free(NULL);
    payseal_buffer_free(&empty);
    CHECK(empty.data == NULL && empty.len == 0);
    CHECK_STATUS(payseal_endpoint(STR("keepz"), STR("refund"), &out, &error), PAYSEAL_OK, &error);
    CHECK(out.data != NULL && out.len > 0);
    payseal_buffer_free(&out);
    CHECK(out.data == NULL && out.len == 0);
    payseal_buffer_free(&out); /* the same, now zeroed, struct again: a no-op */
    payseal_buffer_free(&out);
    CHECK(out.data == NULL && out.len == 0);
}

int main(void) {
    if (!make_temp_dir(tmp, sizeof tmp)) {
        printf("mkdtemp failed\n");
        return 2;
    }
    versions();
    status_texts();
    endpoints();
    buffers();
    keygen_all();
    panics();
    remove_temp_dir(tmp);
    return CHECK_SUMMARY();
}
