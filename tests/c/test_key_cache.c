/*
 * The process-wide key cache behind payseal_keepz_new and payseal_transactpay_new:
 * payseal_key_cache_stats (its JSON), a second handle from the same key bytes finds the parsed
 * keys (hits, no new parse), TransactPay's encryption key is its own entry, payseal_key_cache_clear
 * empties it, payseal_key_cache_set_capacity(0) turns it off (and refuses more than 1024), and 8
 * threads making handles from one key at once parse it exactly once. Every handle is used for a
 * round trip. 4096-bit keys (what Keepz and TransactPay use).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "util.h"

#define THREADS 8
#define HANDLES_PER_THREAD 5

struct stats {
    unsigned long long hits, misses, evictions, entries, capacity;
};

/* One number field of the stats JSON; sets *ok to 0 when it is missing. */
static unsigned long long field(const char *json, const char *name, int *ok) {
    char pattern[64];
    const char *at;
    snprintf(pattern, sizeof pattern, "\"%s\":", name);
    at = strstr(json, pattern);
    if (at == NULL) {
        *ok = 0;
        return 0;
    }
    return strtoull(at + strlen(pattern), NULL, 10);
}

static struct stats stats(void) {
    struct stats s = {0, 0, 0, 0, 0};
    payseal_buffer out = {NULL, 0}, error = {NULL, 0};
    int ok = 1;
    if (CHECK_STATUS(payseal_key_cache_stats(&out, &error), PAYSEAL_OK, &error)) {
        char *json = buf_text(out);
        s.hits = field(json, "hits", &ok);
        s.misses = field(json, "misses", &ok);
        s.evictions = field(json, "evictions", &ok);
        s.entries = field(json, "entries", &ok);
        s.capacity = field(json, "capacity", &ok);
        CHECK(ok);
        free(json);
    }
    payseal_buffer_free(&out);
    payseal_buffer_free(&error);
    return s;
}

static uint8_t *pub, *priv;
static size_t pub_len, priv_len;

/* A Keepz test double from the 4096-bit pair (open with the private key, seal to the public). */
static payseal_keepz *keepz_pair(void) {
    payseal_keepz *k = NULL;
    payseal_buffer error = {NULL, 0};
    CHECK_STATUS(payseal_keepz_new(pub, pub_len, priv, priv_len, NULL, 0, NULL, &k, &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    return k;
}

/* `sealer` seals, `opener` opens: both must hold working keys. */
static void round_trip(const payseal_keepz *sealer, const payseal_keepz *opener) {
    payseal_buffer body = {NULL, 0}, plain = {NULL, 0}, error = {NULL, 0};
    if (sealer != NULL && opener != NULL &&
        CHECK_STATUS(payseal_keepz_seal(sealer, STR("{\"a\":1}"), &body, &error), PAYSEAL_OK,
                     &error)) {
        CHECK_STATUS(payseal_keepz_open(opener, 200, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, "{\"a\":1}"));
    }
    payseal_buffer_free(&body);
    payseal_buffer_free(&plain);
    payseal_buffer_free(&error);
}

static pthread_barrier_t start;

static void *make_handles(void *arg) {
    int i;
    (void)arg;
    pthread_barrier_wait(&start);
    for (i = 0; i < HANDLES_PER_THREAD; i++) {
        payseal_keepz *k = NULL;
        payseal_buffer error = {NULL, 0};
        /* open-only: the private key alone */
        CHECK_STATUS(payseal_keepz_new(NULL, 0, priv, priv_len, NULL, 0, NULL, &k, &error),
                     PAYSEAL_OK, &error);
        payseal_buffer_free(&error);
        payseal_keepz_free(k);
    }
    return NULL;
}

int main(void) {
    struct stats before, after;
    payseal_keepz *first, *second, *off1, *off2;
    payseal_transactpay *tp = NULL;
    payseal_buffer error = {NULL, 0}, out = sentinel(), body = {NULL, 0}, plain = {NULL, 0};
    pthread_t threads[THREADS];
    int i, started = 0;

    pub = read_key("rsa4096.spki.pem", &pub_len);
    priv = read_key("rsa4096.pkcs8.pem", &priv_len);
    if (pub == NULL || priv == NULL) {
        return 2;
    }

    /* A fresh process: on by default, 32 entries, nothing cached. */
    before = stats();
    CHECK_INT(before.capacity, 32);
    CHECK_INT(before.entries, 0);
    CHECK_INT(before.hits, 0);
    CHECK_INT(before.misses, 0);
    CHECK_STATUS(payseal_key_cache_stats(NULL, &error), PAYSEAL_NULL_ARGUMENT, &error);
    payseal_buffer_free(&error);

    /* The first handle parses both keys; the second finds them. */
    first = keepz_pair();
    after = stats();
    CHECK_INT(after.misses - before.misses, 2);
    CHECK_INT(after.hits - before.hits, 0);
    CHECK_INT(after.entries, 2);
    before = after;
    second = keepz_pair();
    after = stats();
    CHECK_INT(after.hits - before.hits, 2);
    CHECK_INT(after.misses - before.misses, 0);
    CHECK_INT(after.entries, 2);
    round_trip(first, second);
    round_trip(second, first);
    payseal_keepz_free(first);
    round_trip(second, second); /* the keys outlive the handle that parsed them */
    payseal_keepz_free(second);

    /* TransactPay: the encryption key is read by another parser, so it is its own entry; the
     * private key is the one Keepz's handles cached. */
    before = stats();
    CHECK_STATUS(payseal_transactpay_new(pub, pub_len, priv, priv_len, PAYSEAL_BACKEND_DEFAULT,
                                         &tp, &error),
                 PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    after = stats();
    CHECK_INT(after.misses - before.misses, 1);
    CHECK_INT(after.hits - before.hits, 1);
    CHECK_INT(after.entries, 3);
    if (tp != NULL &&
        CHECK_STATUS(payseal_transactpay_seal(tp, STR("{\"r\":1}"), &body, &error), PAYSEAL_OK,
                     &error)) {
        CHECK_STATUS(payseal_transactpay_open(tp, body.data, body.len, &plain, &error),
                     PAYSEAL_OK, &error);
        CHECK(buf_eq_str(plain, "{\"r\":1}"));
    }
    payseal_buffer_free(&body);
    payseal_buffer_free(&plain);
    payseal_buffer_free(&error);
    payseal_transactpay_free(tp);

    /* Cleared: empty, and the next handle parses again. */
    payseal_key_cache_clear();
    CHECK_INT(stats().entries, 0);
    before = stats();
    first = keepz_pair();
    after = stats();
    CHECK_INT(after.misses - before.misses, 2);
    CHECK_INT(after.entries, 2);
    payseal_keepz_free(first);

    /* Off: emptied, nothing counted or kept, handles still work. Too large: refused. */
    CHECK_STATUS(payseal_key_cache_set_capacity(0, &error), PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    before = stats();
    CHECK_INT(before.capacity, 0);
    CHECK_INT(before.entries, 0);
    off1 = keepz_pair();
    off2 = keepz_pair();
    after = stats();
    CHECK_INT(after.hits, before.hits);
    CHECK_INT(after.misses, before.misses);
    CHECK_INT(after.entries, 0);
    round_trip(off1, off2);
    payseal_keepz_free(off1);
    payseal_keepz_free(off2);
    CHECK_STATUS(payseal_key_cache_set_capacity(1025, &error), PAYSEAL_INVALID_ARGUMENT, &error);
    CHECK(buf_contains(error, "1024"));
    payseal_buffer_free(&error);
    CHECK_INT(stats().capacity, 0);
    CHECK_STATUS(payseal_key_cache_set_capacity(32, &error), PAYSEAL_OK, &error);
    payseal_buffer_free(&error);
    CHECK(is_sentinel(out));

    /* Threads: all start at once and make handles from the same private key; it is parsed
     * once, and every other constructor finds it. */
    payseal_key_cache_clear();
    before = stats();
    CHECK_INT(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (i = 0; i < THREADS; i++) {
        if (!CHECK_INT(pthread_create(&threads[i], NULL, make_handles, NULL), 0)) break;
        started++;
    }
    for (i = 0; i < started; i++) {
        CHECK_INT(pthread_join(threads[i], NULL), 0);
    }
    CHECK_INT(started, THREADS);
    pthread_barrier_destroy(&start);
    after = stats();
    CHECK_INT(after.misses - before.misses, 1);
    CHECK_INT(after.hits - before.hits, THREADS * HANDLES_PER_THREAD - 1);
    CHECK_INT(after.entries, 1);

    payseal_key_cache_clear();
    free(pub);
    free(priv);
    return CHECK_SUMMARY();
}
