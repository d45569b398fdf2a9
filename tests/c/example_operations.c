/* payseal's typed operations from C: a Keepz order created and re-checked, a callback, and a
 * TransactPay verify answer checked for "paid". Requests and answers are JSON with the gateways'
 * field names; amounts are decimal strings. Build and run (tests/keys: test keys, FOR TESTS ONLY):
 *   cc -std=c99 example_operations.c -Iinclude -Ltarget/release -lpayseal -o example_operations
 *   LD_LIBRARY_PATH=target/release ./example_operations tests/keys                           */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "payseal.h"

#define TEXT(s) (const uint8_t *)(s), strlen(s)
#define ID "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e" /* our integrator id */

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

/* Prints a call's output (its start) or its error, frees both buffers; returns whether it
 * succeeded. */
static int show(const char *what, payseal_status status, payseal_buffer *out, payseal_buffer *error) {
    if (status == PAYSEAL_OK) printf("%s: %.*s\n", what, out->len > 160 ? 160 : (int)out->len, (const char *)out->data);
    else printf("%s: %s: %.*s\n", what, payseal_status_text(status), (int)error->len,
                error->data ? (const char *)error->data : "");
    payseal_buffer_free(out);
    payseal_buffer_free(error);
    return status == PAYSEAL_OK;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "tests/keys";
    size_t kp, ip, mp, kk;
    uint8_t *keepz_public = load(dir, "rsa4096.spki.b64", &kp);
    uint8_t *our_private = load(dir, "rsa2048.pkcs8.pem", &ip);
    uint8_t *our_public = load(dir, "rsa2048.spki.pem", &mp);   /* test double only */
    uint8_t *keepz_private = load(dir, "rsa4096.pkcs8.pem", &kk); /* test double only */
    payseal_keepz *keepz = NULL, *fake_keepz = NULL;
    payseal_buffer id = {NULL, 0}, out = {NULL, 0}, error = {NULL, 0}, answer = {NULL, 0};
    char order[512];
    int ok = 1;

    ok &= payseal_keepz_new(keepz_public, kp, our_private, ip, TEXT(ID), NULL, &keepz, &error) == PAYSEAL_OK;
    ok &= payseal_keepz_new(our_public, mp, keepz_private, kk, NULL, 0, NULL, &fake_keepz, &error) == PAYSEAL_OK;
    ok &= payseal_new_order_id(&id, &error) == PAYSEAL_OK; /* a fresh UUID v4 */
    if (!ok) return show("setup", PAYSEAL_INVALID_ARGUMENT, &out, &error), 1;

    /* 1. Create the order: validated (Keepz would refuse "10.005"), sealed, placed. Send
     *    out's "method" to its "url" with its "headers" and "body". */
    snprintf(order, sizeof order, "{\"amount\":\"12.50\",\"receiverId\":\"7f0c2b1e-4a3d-4c8e-9b6a-"
             "1d2e3f4a5b6c\",\"receiverType\":\"BRANCH\",\"integratorId\":\"" ID "\","
             "\"integratorOrderId\":\"%.*s\"}", (int)id.len, (const char *)id.data);
    ok &= show("create_order", payseal_keepz_prepare(keepz, TEXT("create_order"), TEXT(order),
                                                    PAYSEAL_BASE_URL_TEST, NULL, 0, &out, &error),
               &out, &error);

    /* 2. Keepz's answer (here from the test double), read into its typed form. */
    payseal_keepz_seal(fake_keepz, TEXT("{\"urlForQR\":\"https://pay.keepz.me/q/1\"}"), &answer, &error);
    ok &= show("created", payseal_keepz_parse(keepz, TEXT("create_order"), 200, answer.data,
                                              answer.len, &out, &error), &out, &error);
    payseal_buffer_free(&answer);

    /* 3. Later, the status: "status":{"value":"SUCCESS","known":true,"final":true,"paid":true}. */
    payseal_keepz_seal(fake_keepz, TEXT("{\"status\":\"SUCCESS\"}"), &answer, &error);
    ok &= show("order_status", payseal_keepz_parse(keepz, TEXT("order_status"), 200, answer.data,
                                                   answer.len, &out, &error), &out, &error);
    payseal_buffer_free(&answer);

    /* 4. A callback (plain JSON here) is only a hint: send its "recheck" and trust that. */
    ok &= show("callback", payseal_keepz_callback(keepz, TEXT("{\"integratorOrderId\":"
                                                       "\"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a\","
                                                       "\"status\":\"SUCCESS\",\"amount\":12.5}"),
                                                  PAYSEAL_BASE_URL_TEST, NULL, 0, &out, &error),
               &out, &error);

    /* 5. TransactPay: "paid" only for status 5 and the order's amount and currency. */
    ok &= show("verify", payseal_transactpay_parse(TEXT("verify"), 200,
                                                   TEXT("{\"statusCode\":\"00\",\"data\":{\"statusId\":5,"
                                                        "\"totalAmountCharged\":1015.00,\"fee\":15,"
                                                        "\"currencyName\":\"NGN\"}}"),
                                                   TEXT("1000.00"), TEXT("NGN"), &out, &error),
               &out, &error);

    payseal_buffer_free(&id);
    payseal_keepz_free(keepz);
    payseal_keepz_free(fake_keepz);
    free(keepz_public); free(our_private); free(our_public); free(keepz_private);
    return ok ? 0 : 1;
}
