/*
 * Keepz through the C ABI: seal -> open round trips (2048- and 4096-bit keys, every key format),
 * the reverse direction, query strings, envelopes made by the openssl CLI (and payseal's envelopes
 * opened by the openssl CLI), Keepz error bodies, empty bodies, legacy and PKCS#1 v1.5 options,
 * tampered envelopes and the diagnostics handle (payseal_keepz_diagnostics_*).
 */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

static const char *ID = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

static const char *ORDER =
    "{\"amount\":100.5,\"receiverId\":\"a3b9c1d2-0000-4000-8000-000000000001\","
    "\"receiverType\":\"BRANCH\",\"integratorId\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\","
    "\"integratorOrderId\":\"2f4c6e8a-1111-4222-8333-944455566677\",\"currency\":\"GEL\","
    "\"note\":\"\xe1\x83\x92\xe1\x83\x90\xe1\x83\x9b\xe1\x83\x90\xe1\x83\xa0\xe1\x83\xaf\xe1\x83\x9d\xe1\x83\x91\xe1\x83\x90\"}";

static const char *RESPONSE =
    "{\"integratorOrderId\":\"2f4c6e8a-1111-4222-8333-944455566677\","
    "\"urlForQR\":\"https://pay.keepz.me/q/abc?x=1&y=2\",\"status\":\"CREATED\"}";

static char tmp[512];

static payseal_keepz *keepz_new(const uint8_t *pub, size_t pub_len, const uint8_t *priv,
                                size_t priv_len, const char *id,
                                const payseal_keepz_options *options) {
    payseal_keepz *handle = NULL;
    payseal_buffer error = {NULL, 0};
    payseal_status status = payseal_keepz_new(pub, pub_len, priv, priv_len,
                                              (const uint8_t *)id, id ? strlen(id) : 0, options,
                                              &handle, &error);
    CHECK_STATUS(status, PAYSEAL_OK, &error);
    CHECK(status != PAYSEAL_OK || handle != NULL);
    CHECK(error.data == NULL && error.len == 0); /* untouched on success */
    payseal_buffer_free(&error);
    return handle;
}

/* Seals `payload` with `sealer` (JSON body) and opens it with `opener`, checking every result. */
static void seal_open(const payseal_keepz *sealer, const payseal_keepz *opener, const char *payload,
                      uint16_t http_status, size_t keys_b64_len, int expect_identifier) {
    payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    char *text, *keys;
    if (!CHECK_STATUS(payseal_keepz_seal(sealer, STR(payload), &body, &error), PAYSEAL_OK,
                      &error)) {
        payseal_buffer_free(&error);
        return;
    }
    text = buf_text(body);
    CHECK(text[0] == '{' && text[body.len - 1] == '}');
    CHECK(strstr(text, "\"encryptedData\":\"") != NULL);
    CHECK(strstr(text, "\"aes\":true") != NULL);
    if (expect_identifier) {
        CHECK(strstr(text, "\"identifier\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\"") != NULL);
    } else {
        CHECK(strstr(text, "\"identifier\"") == NULL);
    }
    keys = json_string_field(text, "encryptedKeys");
    CHECK(keys != NULL && strlen(keys) == keys_b64_len);
    free(keys);
    CHECK(strstr(text, payload) == NULL); /* the plaintext is not in the body */

    CHECK_STATUS(payseal_keepz_open(opener, http_status, body.data, body.len, &plain, &error),
                 PAYSEAL_OK, &error);
    CHECK(buf_eq_str(plain, payload));
    CHECK(error.data == NULL);
    payseal_buffer_free(&plain);
    payseal_buffer_free(&body);
    CHECK(body.data == NULL && body.len == 0); /* freeing zeroes the struct */
    free(text);
}

/* A Keepz test double (Keepz's private key, sealing to the integrator's public key) and an
 * integrator (sealing to Keepz's public key, opening with its own private key). */
static void round_trip(const char *label, const char *keepz_pub, const char *keepz_priv,
                       const char *integ_pub, const char *integ_priv, size_t keepz_keys_len,
                       size_t integ_keys_len) {
    size_t kp_len, kk_len, ip_len, ik_len;
    uint8_t *kp = read_key(keepz_pub, &kp_len), *kk = read_key(keepz_priv, &kk_len);
    uint8_t *ip = read_key(integ_pub, &ip_len), *ik = read_key(integ_priv, &ik_len);
    payseal_keepz *integrator = keepz_new(kp, kp_len, ik, ik_len, ID, NULL);
    payseal_keepz *keepz = keepz_new(ip, ip_len, kk, kk_len, NULL, NULL);
    printf("round trip %s\n", label);
    if (integrator != NULL && keepz != NULL) {
        /* request: integrator -> Keepz (the double reads it as a callback-style body, status 0) */
        seal_open(integrator, keepz, ORDER, 0, keepz_keys_len, 1);
        /* response: Keepz -> integrator, HTTP 200 and 201, and a callback (0) */
        seal_open(keepz, integrator, RESPONSE, 200, integ_keys_len, 0);
        seal_open(keepz, integrator, RESPONSE, 201, integ_keys_len, 0);
        seal_open(keepz, integrator, "{\"orderStatus\":\"SUCCESS\"}", 0, integ_keys_len, 0);
        seal_open(keepz, integrator, "[{\"a\":1},{\"b\":[]}]", 200, integ_keys_len, 0);
    }
    payseal_keepz_free(integrator);
    payseal_keepz_free(keepz);
    free(kp);
    free(kk);
    free(ip);
    free(ik);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decodes `in` into `out` (at least as large); 0 if malformed. */
static int percent_decode(const char *in, size_t len, char *out) {
    size_t i, o = 0;
    for (i = 0; i < len; i++) {
        if (in[i] == '%') {
            int hi, lo;
            if (i + 2 >= len) return 0;
            hi = hexval(in[i + 1]);
            lo = hexval(in[i + 2]);
            if (hi < 0 || lo < 0) return 0;
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = in[i];
        }
    }
    out[o] = 0;
    return 1;
}

/* The decoded value of `name` in a query string, malloc'd, or NULL. */
static char *query_param(const char *query, const char *name) {
    size_t n = strlen(name);
    const char *p = query;
    while (p != NULL && *p) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > n && strncmp(p, name, n) == 0 && p[n] == '=') {
            char *value = (char *)malloc(len + 1);
            if (value == NULL || !percent_decode(p + n + 1, len - n - 1, value)) {
                free(value);
                return NULL;
            }
            return value;
        }
        p = end ? end + 1 : NULL;
    }
    return NULL;
}

static void seal_query(const payseal_keepz *integrator, const payseal_keepz *keepz) {
    payseal_buffer query = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    const char *payload = "{\"integratorId\":\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\","
                          "\"integratorOrderId\":\"2f4c6e8a-1111-4222-8333-944455566677\"}";
    int round;
    printf("seal_query\n");
    /* several seals, so that '+', '/' and '=' all occur in the Base64 with near certainty */
    for (round = 0; round < 4; round++) {
        char *text, *id, *data, *keys, *aes, json[8192];
        size_t i, raw_specials = 0;
        if (!CHECK_STATUS(payseal_keepz_seal_query(integrator, STR(payload), &query, &error),
                          PAYSEAL_OK, &error)) {
            payseal_buffer_free(&error);
            return;
        }
        text = buf_text(query);
        CHECK(strncmp(text, "identifier=1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e&encryptedData=", 62) ==
              0);
        CHECK(strstr(text, "&encryptedKeys=") != NULL);
        CHECK(query.len > 9 && strcmp(text + query.len - 9, "&aes=true") == 0);
        for (i = 0; i < query.len; i++) {
            if (text[i] == '+' || text[i] == '/' || text[i] == ' ') raw_specials++;
        }
        CHECK_INT(raw_specials, 0); /* '+', '/' never raw */
        /* '=' only as the separator of the four parameters */
        for (i = 0, raw_specials = 0; i < query.len; i++) raw_specials += text[i] == '=';
        CHECK_INT(raw_specials, 4);
        CHECK(strstr(text, "%3D") != NULL || strstr(text, "%3d") != NULL);

        id = query_param(text, "identifier");
        data = query_param(text, "encryptedData");
        keys = query_param(text, "encryptedKeys");
        aes = query_param(text, "aes");
        CHECK(id && data && keys && aes);
        if (id && data && keys && aes) {
            CHECK_STR(id, ID);
            CHECK_STR(aes, "true");
            CHECK(strlen(keys) == 344 && keys[343] == '=');
            if (round == 0) {
                /* the decoded values are standard Base64: the '+' and '/' were encoded, not lost */
                CHECK(strspn(data, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
                      strlen(data));
            }
            snprintf(json, sizeof json,
                     "{\"identifier\":\"%s\",\"encryptedData\":\"%s\",\"encryptedKeys\":\"%s\","
                     "\"aes\":true}",
                     id, data, keys);
            CHECK_STATUS(payseal_keepz_open(keepz, 0, STR(json), &plain, &error), PAYSEAL_OK,
                         &error);
            CHECK(buf_eq_str(plain, payload));
            payseal_buffer_free(&plain);
        }
        free(id);
        free(data);
        free(keys);
        free(aes);
        free(text);
        payseal_buffer_free(&query);
    }
}


/* Opens a payseal envelope with the openssl CLI alone (what Keepz does); 1 if the plaintext is
 * exactly `expected` (openssl's complaints are silenced: some calls are expected to fail). */
static int openssl_open(const char *priv_pem, const char *body, const char *expected,
                        const char *padding) {
    char *data = json_string_field(body, "encryptedData");
    char *keys = json_string_field(body, "encryptedKeys");
    char path[600], key_hex[65], iv_hex[33];
    uint8_t *wrap = NULL, *key = NULL, *iv = NULL, *plain = NULL;
    size_t wrap_len = 0, key_len = 0, iv_len = 0, plain_len = 0;
    int ok = 0;
    char *dot;
    if (!data || !keys) goto done;
    snprintf(path, sizeof path, "%s/in-data.b64", tmp);
    write_file(path, data, strlen(data));
    snprintf(path, sizeof path, "%s/in-keys.b64", tmp);
    write_file(path, keys, strlen(keys));
    if (run_cmd("base64 -d '%s/in-keys.b64' > '%s/in-keys.bin' && openssl pkeyutl -decrypt -inkey '%s'"
                " %s -in '%s/in-keys.bin' -out '%s/in-wrap.txt' 2>/dev/null",
                tmp, tmp, priv_pem, padding, tmp, tmp) != 0) goto done;
    snprintf(path, sizeof path, "%s/in-wrap.txt", tmp);
    wrap = read_file(path, &wrap_len);
    if (!wrap || wrap_len != 69 || (dot = strchr((char *)wrap, '.')) == NULL) goto done;
    *dot = 0;
    snprintf(path, sizeof path, "%s/in-key.b64", tmp);
    write_file(path, wrap, strlen((char *)wrap));
    snprintf(path, sizeof path, "%s/in-iv.b64", tmp);
    write_file(path, dot + 1, strlen(dot + 1));
    if (run_cmd("base64 -d '%s/in-key.b64' > '%s/in-key.bin' && base64 -d '%s/in-iv.b64' > '%s/in-iv.bin'",
                tmp, tmp, tmp, tmp) != 0) goto done;
    snprintf(path, sizeof path, "%s/in-key.bin", tmp);
    key = read_file(path, &key_len);
    snprintf(path, sizeof path, "%s/in-iv.bin", tmp);
    iv = read_file(path, &iv_len);
    if (!key || !iv || key_len != 32 || iv_len != 16) goto done;
    to_hex(key, 32, key_hex);
    to_hex(iv, 16, iv_hex);
    if (run_cmd("base64 -d '%s/in-data.b64' > '%s/in-data.bin' && openssl enc -d -aes-256-cbc -K %s"
                " -iv %s -in '%s/in-data.bin' -out '%s/in-plain.json'",
                tmp, tmp, key_hex, iv_hex, tmp, tmp) != 0) goto done;
    snprintf(path, sizeof path, "%s/in-plain.json", tmp);
    plain = read_file(path, &plain_len);
    ok = plain != NULL && plain_len == strlen(expected) && memcmp(plain, expected, plain_len) == 0;
done:
    free(data);
    free(keys);
    free(wrap);
    free(key);
    free(iv);
    free(plain);
    return ok;
}

static void openssl_interop(void) {
    char pub2048[512], priv2048[512], pub4096[512], priv4096[512];
    size_t kp_len, ik_len;
    uint8_t *keepz_pub = read_key("rsa4096.spki.pem", &kp_len);
    uint8_t *integ_priv = read_key("rsa2048.pkcs8.pem", &ik_len);
    payseal_keepz_options pkcs1 = {PAYSEAL_PADDING_PKCS1V15, 0, 0, 0};
    payseal_keepz_options legacy = {0, 1, 0, 0};
    payseal_keepz *integrator = keepz_new(keepz_pub, kp_len, integ_priv, ik_len, ID, NULL);
    payseal_keepz *integrator_pkcs1 = keepz_new(keepz_pub, kp_len, integ_priv, ik_len, ID, &pkcs1);
    payseal_keepz *integrator_legacy =
        keepz_new(keepz_pub, kp_len, integ_priv, ik_len, ID, &legacy);
    payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    char *made;
    printf("openssl interop\n");
    key_path("rsa2048.spki.pem", pub2048, sizeof pub2048);
    key_path("rsa2048.pkcs8.pem", priv2048, sizeof priv2048);
    key_path("rsa4096.spki.pem", pub4096, sizeof pub4096);
    key_path("rsa4096.pkcs8.pem", priv4096, sizeof priv4096);
    if (!integrator || !integrator_pkcs1 || !integrator_legacy) goto done;

    /* a Keepz response made by openssl (OAEP-SHA256), opened by payseal with HTTP 200 */
    made = openssl_envelope(tmp, pub2048, RESPONSE, OAEP);
    if (CHECK(made != NULL)) {
        CHECK_STATUS(payseal_keepz_open(integrator, 200, STR(made), &plain, &error), PAYSEAL_OK,
                     &error);
        CHECK(buf_eq_str(plain, RESPONSE));
        payseal_buffer_free(&plain);
        /* the OAEP handle never falls back to PKCS#1 v1.5, and vice versa */
        plain = sentinel();
        CHECK_STATUS(payseal_keepz_open(integrator_pkcs1, 200, STR(made), &plain, &error),
                     PAYSEAL_CANNOT_OPEN, &error);
        CHECK(is_sentinel(plain));
        payseal_buffer_free(&error);
        plain.data = NULL;
        plain.len = 0;
        free(made);
    }
    /* the same with PKCS#1 v1.5 key wrapping */
    made = openssl_envelope(tmp, pub2048, RESPONSE, PKCS1);
    if (CHECK(made != NULL)) {
        CHECK_STATUS(payseal_keepz_open(integrator_pkcs1, 200, STR(made), &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, RESPONSE));
        payseal_buffer_free(&plain);
        plain = sentinel();
        CHECK_STATUS(payseal_keepz_open(integrator, 200, STR(made), &plain, &error),
                     PAYSEAL_CANNOT_OPEN, &error);
        CHECK(is_sentinel(plain));
        payseal_buffer_free(&error);
        plain.data = NULL;
        plain.len = 0;
        free(made);
    }
    /* a legacy envelope: RSA PKCS#1 v1.5 of the whole payload, made by openssl */
    {
        char path[600];
        uint8_t *b64;
        size_t b64_len;
        snprintf(path, sizeof path, "%s/legacy.json", tmp);
        write_file(path, RESPONSE, strlen(RESPONSE));
        CHECK_INT(run_cmd("openssl pkeyutl -encrypt -pubin -inkey '%s' %s -in '%s/legacy.json'"
                          " -out '%s/legacy.bin' && base64 -w0 '%s/legacy.bin' > '%s/legacy.b64'",
                          pub2048, PKCS1, tmp, tmp, tmp, tmp), 0);
        snprintf(path, sizeof path, "%s/legacy.b64", tmp);
        b64 = read_file(path, &b64_len);
        if (CHECK(b64 != NULL)) {
            char json[1024];
            snprintf(json, sizeof json, "{\"encryptedData\":\"%s\"}", (char *)b64);
            CHECK_STATUS(payseal_keepz_open(integrator_legacy, 200, STR(json), &plain, &error),
                         PAYSEAL_OK, &error);
            CHECK(buf_eq_str(plain, RESPONSE));
            payseal_buffer_free(&plain);
            free(b64);
        }
    }

    /* the reverse: payseal seals a request, openssl (playing Keepz) opens it */
    if (CHECK_STATUS(payseal_keepz_seal(integrator, STR(ORDER), &body, &error), PAYSEAL_OK,
                     &error)) {
        char *text = buf_text(body);
        CHECK(openssl_open(priv4096, text, ORDER, OAEP));
        CHECK(!openssl_open(priv4096, text, ORDER, PKCS1)); /* really OAEP */
        free(text);
        payseal_buffer_free(&body);
    }
    if (CHECK_STATUS(payseal_keepz_seal(integrator_pkcs1, STR(ORDER), &body, &error), PAYSEAL_OK,
                     &error)) {
        char *text = buf_text(body);
        CHECK(openssl_open(priv4096, text, ORDER, PKCS1));
        free(text);
        payseal_buffer_free(&body);
    }
    /* legacy seal, opened by openssl with PKCS#1 v1.5 */
    if (CHECK_STATUS(payseal_keepz_seal(integrator_legacy, STR(RESPONSE), &body, &error),
                     PAYSEAL_OK, &error)) {
        char *text = buf_text(body), *data = json_string_field(text, "encryptedData"), path[600];
        uint8_t *plain_bytes = NULL;
        size_t plain_len = 0;
        CHECK(strstr(text, "\"encryptedKeys\"") == NULL);
        if (CHECK(data != NULL)) {
            snprintf(path, sizeof path, "%s/legacy-in.b64", tmp);
            write_file(path, data, strlen(data));
            CHECK_INT(run_cmd("base64 -d '%s/legacy-in.b64' > '%s/legacy-in.bin' && openssl pkeyutl"
                              " -decrypt -inkey '%s' %s -in '%s/legacy-in.bin' -out '%s/legacy-out.json'",
                              tmp, tmp, priv4096, PKCS1, tmp, tmp), 0);
            snprintf(path, sizeof path, "%s/legacy-out.json", tmp);
            plain_bytes = read_file(path, &plain_len);
            CHECK(plain_bytes && plain_len == strlen(RESPONSE) &&
                  memcmp(plain_bytes, RESPONSE, plain_len) == 0);
        }
        free(plain_bytes);
        free(data);
        free(text);
        payseal_buffer_free(&body);
    }
done:
    payseal_keepz_free(integrator);
    payseal_keepz_free(integrator_pkcs1);
    payseal_keepz_free(integrator_legacy);
    free(keepz_pub);
    free(integ_priv);
}

static void gateway_errors(const payseal_keepz *integrator, const payseal_keepz *keepz) {
    const char *body = "{\"message\":\"Integrator order not found\",\"statusCode\":6005,"
                       "\"exceptionGroup\":5}";
    payseal_buffer out = sentinel(), error = {NULL, 0}, sealed = {NULL, 0};
    char *text;
    printf("gateway errors and empty bodies\n");
    CHECK_STATUS(payseal_keepz_open(integrator, 404, STR(body), &out, &error),
                 PAYSEAL_GATEWAY_ERROR, &error);
    CHECK(!is_sentinel(out) && out.data != NULL); /* documented: the error JSON is written */
    if (!is_sentinel(out)) {
        text = buf_text(out);
        CHECK(strstr(text, "\"statusCode\":6005") != NULL);
        CHECK(strstr(text, "\"group\":\"not found\"") != NULL);
        CHECK(strstr(text, "\"httpStatus\":404") != NULL);
        CHECK(strstr(text, "\"exceptionGroup\":5") != NULL);
        CHECK(strstr(text, "\"message\":\"Integrator order not found\"") != NULL);
        free(text);
        payseal_buffer_free(&out);
    }
    CHECK(error.data != NULL && error.len > 0);
    if (error.data) {
        text = buf_text(error);
        CHECK(strstr(text, "Integrator order not found") != NULL || strstr(text, "6005") != NULL);
        free(text);
    }
    payseal_buffer_free(&error);
    payseal_buffer_free(&error); /* a second free of the zeroed struct is harmless */
    CHECK(error.data == NULL && error.len == 0);

    /* the same error without an error buffer (NULL is allowed) */
    CHECK_STATUS(payseal_keepz_open(integrator, 400, STR(body), &out, NULL),
                 PAYSEAL_GATEWAY_ERROR, NULL);
    CHECK(buf_contains(out, "\"httpStatus\":400"));
    payseal_buffer_free(&out);

    /* Keepz's error sealed inside an envelope is a gateway error too */
    if (CHECK_STATUS(payseal_keepz_seal(keepz, STR(body), &sealed, &error), PAYSEAL_OK, &error)) {
        CHECK_STATUS(payseal_keepz_open(integrator, 400, sealed.data, sealed.len, &out, &error),
                     PAYSEAL_GATEWAY_ERROR, &error);
        CHECK(buf_contains(out, "\"statusCode\":6005"));
        payseal_buffer_free(&out);
        payseal_buffer_free(&error);
        /* and an envelope that is not an error, with HTTP 500, is not read as a success */
        payseal_buffer_free(&sealed);
    }
    if (CHECK_STATUS(payseal_keepz_seal(keepz, STR(RESPONSE), &sealed, &error), PAYSEAL_OK,
                     &error)) {
        out = sentinel();
        CHECK_STATUS(payseal_keepz_open(integrator, 500, sealed.data, sealed.len, &out, &error),
                     PAYSEAL_UNEXPECTED_RESPONSE, &error);
        CHECK(is_sentinel(out));
        CHECK(error.len > 0);
        payseal_buffer_free(&error);
        payseal_buffer_free(&sealed);
    }

    /* an empty 2xx body (subscription revoke) is success with an empty output */
    out = sentinel();
    CHECK_STATUS(payseal_keepz_open(integrator, 200, NULL, 0, &out, &error), PAYSEAL_OK, &error);
    CHECK(out.data == NULL && out.len == 0);
    out = sentinel();
    CHECK_STATUS(payseal_keepz_open(integrator, 204, STR(" \r\n"), &out, &error), PAYSEAL_OK,
                 &error);
    CHECK(out.data == NULL && out.len == 0);
    payseal_buffer_free(&out); /* freeing an empty buffer is fine */
    /* ... but not for a callback (status 0) or an error status */
    out = sentinel();
    CHECK_STATUS(payseal_keepz_open(integrator, 0, NULL, 0, &out, &error), PAYSEAL_EMPTY_BODY,
                 &error);
    CHECK(is_sentinel(out));
    payseal_buffer_free(&error);
    CHECK_STATUS(payseal_keepz_open(integrator, 502, STR(""), &out, &error), PAYSEAL_EMPTY_BODY,
                 &error);
    CHECK(is_sentinel(out));
    payseal_buffer_free(&error);
}

/* Diagnosis: a handle of its own, made from a private key (the integrator's, and by mistake
 * the Keepz double's); the other padding is tried only when the flag asks for it. */
static void diagnose(const payseal_keepz *keepz, const uint8_t *integrator_key,
                     size_t integrator_key_len, const uint8_t *keepz_key, size_t keepz_key_len) {
    payseal_buffer sealed = {NULL, 0}, out = {NULL, 0}, error = {NULL, 0};
    payseal_keepz_diagnostics *integrator = NULL, *wrong = NULL, *pkcs1 = NULL;
    payseal_keepz_options pkcs1_options = {PAYSEAL_PADDING_PKCS1V15, 0, 0, 0};
    char *text;
    printf("diagnose\n");
    if (!CHECK_STATUS(payseal_keepz_seal(keepz, STR(RESPONSE), &sealed, &error), PAYSEAL_OK,
                      &error) ||
        !CHECK_STATUS(payseal_keepz_diagnostics_new(integrator_key, integrator_key_len, NULL,
                                                    &integrator, &error),
                      PAYSEAL_OK, &error) ||
        !CHECK_STATUS(payseal_keepz_diagnostics_new(keepz_key, keepz_key_len, NULL, &wrong,
                                                    &error),
                      PAYSEAL_OK, &error) ||
        !CHECK_STATUS(payseal_keepz_diagnostics_new(integrator_key, integrator_key_len,
                                                    &pkcs1_options, &pkcs1, &error),
                      PAYSEAL_OK, &error)) {
        payseal_buffer_free(&error);
        goto done;
    }
    CHECK_STATUS(payseal_keepz_diagnostics_explain(integrator, sealed.data, sealed.len, 0, &out,
                                                   &error),
                 PAYSEAL_OK, &error);
    text = buf_text(out);
    CHECK(strncmp(text, "{", 1) == 0);
    CHECK(strstr(text, "\"opens\":true") != NULL);
    CHECK(strstr(text, "\"reason\":null") != NULL);
    CHECK(strstr(text, "\"steps\":[") != NULL);
    free(text);
    payseal_buffer_free(&out);

    /* the wrong private key: the Keepz double cannot open what was sealed to the integrator */
    CHECK_STATUS(payseal_keepz_diagnostics_explain(wrong, sealed.data, sealed.len, 0, &out,
                                                   &error),
                 PAYSEAL_OK, &error);
    text = buf_text(out);
    CHECK(strstr(text, "\"opens\":false") != NULL);
    CHECK(strstr(text, "\"reason\":\"") != NULL);
    CHECK(strstr(text, "FAIL") != NULL);
    free(text);
    payseal_buffer_free(&out);

    /* the wrong padding: one answer, unless the flag asks to try the other one */
    CHECK_STATUS(payseal_keepz_diagnostics_explain(pkcs1, sealed.data, sealed.len, 0, &out,
                                                   &error),
                 PAYSEAL_OK, &error);
    CHECK(buf_contains(out, "\"opens\":false"));
    CHECK(!buf_contains(out, "oaep"));
    payseal_buffer_free(&out);
    CHECK_STATUS(payseal_keepz_diagnostics_explain(pkcs1, sealed.data, sealed.len,
                                                   PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING, &out,
                                                   &error),
                 PAYSEAL_OK, &error);
    CHECK(buf_contains(out, "set the padding to oaep-sha256"));
    payseal_buffer_free(&out);
    CHECK_STATUS(payseal_keepz_diagnostics_explain(pkcs1, sealed.data, sealed.len, 0x80, &out,
                                                   &error),
                 PAYSEAL_INVALID_ARGUMENT, &error);
    payseal_buffer_free(&error);

    /* not an envelope at all */
    CHECK_STATUS(payseal_keepz_diagnostics_explain(integrator, STR("<html>502</html>"), 0, &out,
                                                   &error),
                 PAYSEAL_OK, &error);
    CHECK(buf_contains(out, "\"opens\":false"));
    payseal_buffer_free(&out);
done:
    payseal_buffer_free(&sealed);
    payseal_keepz_diagnostics_free(integrator);
    payseal_keepz_diagnostics_free(wrong);
    payseal_keepz_diagnostics_free(pkcs1);
    payseal_keepz_diagnostics_free(NULL); /* ignored */
}

int main(void) {
    size_t kp_len, kk_len, ip_len, ik_len;
    uint8_t *kp, *kk, *ip, *ik;
    payseal_keepz *integrator, *keepz;

    if (!make_temp_dir(tmp, sizeof tmp)) {
        printf("mkdtemp failed\n");
        return 2;
    }
    /* Keepz 2048 / integrator 4096, and the reverse; keys in every format payseal reads.
     * Note: tests/keys' rsa*.pkcs8.der and rsa*.pkcs8*.b64 hold PKCS#1 RSAPrivateKey documents
     * (OpenSSL 3.0's `openssl pkey -outform DER` writes the traditional form), so they are
     * DER / Base64 of PKCS#1 here; true PKCS#8 DER and Base64 are made below. */
    round_trip("keepz 2048 PEM, integrator 4096 Base64 DER (PKCS#1)", "rsa2048.spki.pem",
               "rsa2048.pkcs8.pem", "rsa4096.spki.b64", "rsa4096.pkcs8.b64", 344, 684);
    round_trip("keepz 4096 DER / PKCS#1 PEM, integrator 2048 wrapped Base64 / DER (PKCS#1)",
               "rsa4096.spki.der", "rsa4096.pkcs1.pem", "rsa2048.spki.wrapped.b64",
               "rsa2048.pkcs8.der", 684, 344);
    round_trip("keepz 4096 PKCS#1 public PEM, integrator 4096 wrapped Base64 (PKCS#1)",
               "rsa4096.pkcs1-pub.pem", "rsa4096.pkcs8.der", "rsa4096.spki.pem",
               "rsa4096.pkcs8.wrapped.b64", 684, 684);
    round_trip("keepz 2048 Base64, integrator 2048 PKCS#1 PEM", "rsa2048.spki.b64",
               "rsa2048.pkcs8.wrapped.b64", "rsa2048.pkcs1-pub.pem", "rsa2048.pkcs1.pem", 344,
               344);
    /* Keys as Keepz hands them out: one-line Base64 of SubjectPublicKeyInfo and of unencrypted
     * PKCS#8 (MIIJQ.../MIIEv...), made from the PEM files by openssl pkcs8 -topk8. */
    {
        char p8_4096[600], p8_2048[600], der_4096[600], pem[600];
        uint8_t *der;
        size_t der_len;
        static const uint8_t pkcs8_head[] = {0x02, 0x01, 0x00, 0x30, 0x0d};
        snprintf(der_4096, sizeof der_4096, "%s/rsa4096.p8.der", tmp);
        snprintf(p8_4096, sizeof p8_4096, "%s/rsa4096.p8.b64", tmp);
        snprintf(p8_2048, sizeof p8_2048, "%s/rsa2048.p8.der", tmp);
        key_path("rsa4096.pkcs8.pem", pem, sizeof pem);
        CHECK_INT(run_cmd("openssl pkcs8 -topk8 -nocrypt -in '%s' -outform DER -out '%s'"
                          " && base64 -w0 '%s' > '%s'", pem, der_4096, der_4096, p8_4096), 0);
        key_path("rsa2048.pkcs8.pem", pem, sizeof pem);
        CHECK_INT(run_cmd("openssl pkcs8 -topk8 -nocrypt -in '%s' -outform DER -out '%s'", pem,
                          p8_2048), 0);
        der = read_key(der_4096, &der_len);
        CHECK(der_len > 10 && memcmp(der + 4, pkcs8_head, sizeof pkcs8_head) == 0);
        free(der);
        der = read_key(p8_4096, &der_len);
        CHECK(der_len > 4 && memcmp(der, "MIIJQ", 5) == 0);
        free(der);
        round_trip("keepz 2048 DER PKCS#8, integrator 4096 Base64 PKCS#8 (as Keepz issues)",
                   "rsa2048.spki.der", p8_2048, "rsa4096.spki.b64", p8_4096, 344, 684);
        round_trip("keepz 4096 Base64 PKCS#8, integrator 2048 DER PKCS#8", "rsa4096.spki.b64",
                   p8_4096, "rsa2048.spki.der", p8_2048, 684, 344);
    }

    /* Keepz 2048, integrator 4096: handles for the remaining tests */
    kp = read_key("rsa2048.spki.pem", &kp_len);
    kk = read_key("rsa2048.pkcs8.pem", &kk_len);
    ip = read_key("rsa4096.spki.pem", &ip_len);
    ik = read_key("rsa4096.pkcs8.pem", &ik_len);
    integrator = keepz_new(kp, kp_len, ik, ik_len, ID, NULL);
    keepz = keepz_new(ip, ip_len, kk, kk_len, NULL, NULL);
    if (integrator && keepz) {
        seal_query(integrator, keepz);
        gateway_errors(integrator, keepz);
        diagnose(keepz, ik, ik_len, kk, kk_len);
    }
    payseal_keepz_free(integrator);
    payseal_keepz_free(keepz);
    payseal_keepz_free(NULL); /* ignored */
    free(kp);
    free(kk);
    free(ip);
    free(ik);

    openssl_interop();
    remove_temp_dir(tmp);
    return CHECK_SUMMARY();
}
