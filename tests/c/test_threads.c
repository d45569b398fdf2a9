/*
 * Handles are shared between threads: 8 threads use one Keepz handle pair (the integrator seals,
 * the Keepz test double opens, and back) and one TransactPay handle (with the private key), each
 * doing N seals and N opens per gateway and checking every result. N is 1000, or
 * $PAYSEAL_C_ITERATIONS (run.sh uses a small N under valgrind). 2048-bit keys.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "util.h"

#define THREADS 8

static const payseal_keepz *integrator;
static const payseal_keepz *keepz_double;
static const payseal_transactpay *transactpay;
static long iterations = 1000;

struct worker {
    int index;
    pthread_t thread;
    long done;
};

/* One round trip: sealer seals `payload`, opener opens it with `http_status`. */
static void keepz_round(const payseal_keepz *sealer, const payseal_keepz *opener,
                        const char *payload, uint16_t http_status) {
    payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    if (CHECK_STATUS(payseal_keepz_seal(sealer, STR(payload), &body, &error), PAYSEAL_OK,
                     &error)) {
        CHECK_STATUS(payseal_keepz_open(opener, http_status, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, payload));
    }
    payseal_buffer_free(&body);
    payseal_buffer_free(&plain);
    payseal_buffer_free(&error);
}

static void *work(void *arg) {
    struct worker *w = (struct worker *)arg;
    char request[200], response[200];
    long i;
    for (i = 0; i < iterations; i++) {
        payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
        /* a payload unique to this thread and iteration: no cross-talk between threads */
        snprintf(request, sizeof request,
                 "{\"integratorOrderId\":\"thread-%d-order-%ld\",\"amount\":%ld.%02d}", w->index,
                 i, i, w->index);
        snprintf(response, sizeof response, "{\"status\":\"SUCCESS\",\"order\":\"%d/%ld\"}",
                 w->index, i);
        /* Keepz: integrator -> Keepz double (the request), Keepz double -> integrator (200) */
        keepz_round(integrator, keepz_double, request, 0);
        keepz_round(keepz_double, integrator, response, 200);
        /* TransactPay: seal, then open with the same handle's private key */
        if (CHECK_STATUS(payseal_transactpay_seal(transactpay, STR(request), &body, &error),
                         PAYSEAL_OK, &error)) {
            CHECK_STATUS(payseal_transactpay_open(transactpay, body.data, body.len, &plain, &error),
                         PAYSEAL_OK, &error);
            CHECK(buf_eq_str(plain, request));
        }
        payseal_buffer_free(&body);
        payseal_buffer_free(&plain);
        payseal_buffer_free(&error);
        w->done++;
    }
    return NULL;
}

int main(void) {
    static const char *id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
    const char *env = getenv("PAYSEAL_C_ITERATIONS");
    size_t a_pub_len, a_priv_len, b_pub_len, b_priv_len;
    uint8_t *a_pub, *a_priv, *b_pub, *b_priv;
    payseal_keepz *k1 = NULL, *k2 = NULL;
    payseal_transactpay *t = NULL;
    payseal_buffer error = {NULL, 0};
    struct worker workers[THREADS];
    int i, started = 0;
    long total = 0;

    if (env != NULL && env[0] != 0) {
        char *end;
        iterations = strtol(env, &end, 10);
        if (*end != 0 || iterations < 1) {
            printf("PAYSEAL_C_ITERATIONS must be a positive integer, not \"%s\"\n", env);
            return 2;
        }
    }
    printf("%d threads x %ld iterations\n", THREADS, iterations);
    /* Keepz's pair: the PEM files; the integrator's pair: the same 2048-bit key as PKCS#1 PEM and
     * Base64 DER, so the two directions use differently parsed handles. */
    a_pub = read_key("rsa2048.spki.pem", &a_pub_len);
    a_priv = read_key("rsa2048.pkcs8.pem", &a_priv_len);
    b_pub = read_key("rsa2048.spki.b64", &b_pub_len);
    b_priv = read_key("rsa2048.pkcs1.pem", &b_priv_len);
    CHECK_STATUS(payseal_keepz_new(a_pub, a_pub_len, b_priv, b_priv_len, (const uint8_t *)id,
                                   strlen(id), NULL, &k1, &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    CHECK_STATUS(payseal_keepz_new(b_pub, b_pub_len, a_priv, a_priv_len, NULL, 0, NULL, &k2,
                                   &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    CHECK_STATUS(payseal_transactpay_new(a_pub, a_pub_len, a_priv, a_priv_len,
                                         PAYSEAL_BACKEND_DEFAULT, &t, &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    free(a_pub);
    free(a_priv);
    free(b_pub);
    free(b_priv);
    if (k1 != NULL && k2 != NULL && t != NULL) {
        integrator = k1;
        keepz_double = k2;
        transactpay = t;
        for (i = 0; i < THREADS; i++) {
            workers[i].index = i;
            workers[i].done = 0;
            if (!CHECK_INT(pthread_create(&workers[i].thread, NULL, work, &workers[i]), 0)) break;
            started++;
        }
        for (i = 0; i < started; i++) {
            CHECK_INT(pthread_join(workers[i].thread, NULL), 0);
            total += workers[i].done;
        }
        CHECK_INT(started, THREADS);
        CHECK_INT(total, (long)THREADS * iterations);
        printf("%ld iterations done: %ld Keepz seals and opens, %ld TransactPay seals and opens\n",
               total, 2 * total, total);
    }
    payseal_keepz_free(k1);
    payseal_keepz_free(k2);
    payseal_transactpay_free(t);
    return CHECK_SUMMARY();
}
