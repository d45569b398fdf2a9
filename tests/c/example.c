/* payseal from C: seal a Keepz order, open Keepz's answers (a success and an error), and seal a
 * TransactPay order. Build against an installed payseal and run (tests/keys: FOR TESTS ONLY):
 *   cc -std=c99 example.c $(pkg-config --cflags --libs payseal) -o example
 *   ./example tests/keys                                                                    */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "payseal.h"

#define TEXT(s) (const uint8_t *)(s), strlen(s)

/* Reads a key file: PEM, DER or Keepz's one-line Base64 are all accepted. */
static uint8_t *load(const char *dir, const char *name, size_t *len) {
    char path[1024];
    uint8_t *data = (uint8_t *)malloc(64 * 1024);
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (data == NULL || (f = fopen(path, "rb")) == NULL) exit(1);
    *len = fread(data, 1, 64 * 1024, f);
    fclose(f);
    return data;
}

/* On failure: prints payseal's message for that very call, frees it, returns 0. */
static int ok(payseal_status status, payseal_buffer *error, const char *what) {
    if (status == PAYSEAL_OK) return 1;
    fprintf(stderr, "%s: %s: %.*s\n", what, payseal_status_text(status), (int)error->len,
            error->data ? (const char *)error->data : "");
    payseal_buffer_free(error);
    return 0;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "tests/keys";
    const char *id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e"; /* our integrator id */
    const char *order = "{\"amount\":10.5,\"currency\":\"GEL\",\"integratorId\":"
                        "\"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e\",\"integratorOrderId\":\"42\"}";
    const char *error_body = "{\"message\":\"Integrator order not found\",\"statusCode\":6005,"
                             "\"exceptionGroup\":5}";
    const char *tp_order = "{\"order\":{\"amount\":100,\"currency\":\"NGN\",\"reference\":\"R1\"}}";
    size_t kp, ip, tk, kk, mp;
    uint8_t *keepz_public = load(dir, "rsa4096.spki.b64", &kp);   /* from Keepz */
    uint8_t *our_private = load(dir, "rsa2048.pkcs8.pem", &ip);   /* ours */
    uint8_t *tp_key = load(dir, "rsa4096.spki.pem", &tk);         /* TransactPay dashboard */
    uint8_t *keepz_private = load(dir, "rsa4096.pkcs8.pem", &kk); /* test double only */
    uint8_t *our_public = load(dir, "rsa2048.spki.pem", &mp);     /* test double only */
    payseal_keepz *keepz = NULL, *fake_keepz = NULL;
    payseal_transactpay *tp = NULL;
    payseal_buffer body = {NULL, 0}, answer = {NULL, 0}, out = {NULL, 0}, error = {NULL, 0};
    int rc = 1;

    /* One handle per integrator: keys parsed once; immutable, shareable between threads. */
    if (!ok(payseal_keepz_new(keepz_public, kp, our_private, ip, TEXT(id), NULL, &keepz, &error),
            &error, "keepz_new")) goto done;
    /* Seal the order, then POST body.data (body.len bytes of JSON) to /api/integrator/order. */
    if (!ok(payseal_keepz_seal(keepz, TEXT(order), &body, &error), &error, "seal")) goto done;
    printf("request: %.50s...\n", (const char *)body.data);

    /* Keepz answers with an envelope sealed to our public key (here: from a test double). */
    if (!ok(payseal_keepz_new(our_public, mp, keepz_private, kk, NULL, 0, NULL, &fake_keepz,
                              &error), &error, "test double") ||
        !ok(payseal_keepz_seal(fake_keepz, TEXT("{\"status\":\"CREATED\"}"), &answer, &error),
            &error, "test double seal")) goto done;
    /* Open it, with the HTTP status it came with (0 for a callback). */
    if (!ok(payseal_keepz_open(keepz, 200, answer.data, answer.len, &out, &error), &error,
            "open")) goto done;
    printf("answer: %.*s\n", (int)out.len, (const char *)out.data);
    payseal_buffer_free(&out); /* every buffer from payseal: payseal_buffer_free (it wipes) */

    /* Keepz's errors are plain JSON: PAYSEAL_GATEWAY_ERROR, with the details as JSON in out. */
    if (payseal_keepz_open(keepz, 404, TEXT(error_body), &out, &error) != PAYSEAL_GATEWAY_ERROR)
        goto done;
    printf("Keepz error: %.*s\n", (int)out.len, (const char *)out.data);
    payseal_buffer_free(&out);
    payseal_buffer_free(&error);

    /* TransactPay: the dashboard's encryption key (its Base64 blob, or a PEM public key). */
    if (!ok(payseal_transactpay_new(tp_key, tk, NULL, 0, PAYSEAL_BACKEND_DEFAULT, &tp, &error),
            &error, "transactpay_new") ||
        !ok(payseal_transactpay_seal(tp, TEXT(tp_order), &out, &error), &error, "tp seal"))
        goto done;
    printf("TransactPay request (payload at most %zu bytes): %.40s...\n",
           payseal_transactpay_max_payload(tp), (const char *)out.data);
    rc = 0;
done:
    payseal_buffer_free(&out);
    payseal_buffer_free(&error);
    payseal_buffer_free(&body);
    payseal_buffer_free(&answer);
    payseal_keepz_free(keepz);
    payseal_keepz_free(fake_keepz);
    payseal_transactpay_free(tp);
    free(keepz_public); free(our_private); free(tp_key); free(keepz_private); free(our_public);
    return rc;
}
