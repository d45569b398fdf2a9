/*
 * json.h: the little JSON the C tests need to read the shared vectors and payseal's JSON
 * outputs: a strict reader into a tree (each value keeps its exact text, strings are decoded to
 * UTF-8), lookups, and a deep comparison in which the order of an object's members does not
 * matter and numbers compare by their text (payseal writes every amount as a string, so the
 * numbers compared are integers).
 */
#ifndef PAYSEAL_C_JSON_H
#define PAYSEAL_C_JSON_H

#include <stdlib.h>
#include <string.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_kind;

typedef struct json_value {
    json_kind kind;
    const char *raw;            /* the value's text inside the document (not NUL-terminated) */
    size_t raw_len;
    char *str;                  /* JSON_STRING: the decoded text, NUL-terminated */
    size_t str_len;
    int boolean;                /* JSON_BOOL */
    size_t count;               /* JSON_ARRAY and JSON_OBJECT: items or members */
    struct json_value *items;   /* the items, or the members' values */
    char **keys;                /* JSON_OBJECT: the members' names, decoded */
} json_value;

typedef struct {
    const char *text;
    size_t len, pos;
} json_reader;

static inline int json_read_value(json_reader *r, json_value *v, int depth);

static inline void json_clear(json_value *v) {
    size_t i;
    if (v == NULL) return;
    for (i = 0; i < v->count; i++) {
        json_clear(&v->items[i]);
        if (v->keys != NULL) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    memset(v, 0, sizeof *v);
}

/* Releases a tree from json_parse (NULL is ignored). */
static inline void json_free(json_value *v) {
    json_clear(v);
    free(v);
}

static inline void json_skip_space(json_reader *r) {
    while (r->pos < r->len && strchr(" \t\r\n", r->text[r->pos]) != NULL && r->text[r->pos] != 0)
        r->pos++;
}

static inline int json_hex4(const char *s, unsigned *out) {
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

static inline size_t json_put_utf8(char *out, unsigned cp) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Reads a string at r->pos (on its opening quote) into a malloc'd, NUL-terminated buffer. */
static inline int json_read_string(json_reader *r, char **out, size_t *out_len) {
    size_t start = ++r->pos, n = 0;
    char *s;
    /* The decoded text is never longer than the encoded one. */
    while (r->pos < r->len && r->text[r->pos] != '"') {
        if ((unsigned char)r->text[r->pos] < 0x20) return 0;
        r->pos += r->text[r->pos] == '\\' ? 2 : 1;
    }
    if (r->pos >= r->len) return 0;
    s = (char *)malloc(r->pos - start + 1);
    if (s == NULL) return 0;
    r->pos = start;
    while (r->text[r->pos] != '"') {
        char c = r->text[r->pos++];
        if (c != '\\') { s[n++] = c; continue; }
        c = r->text[r->pos++];
        switch (c) {
        case '"': case '\\': case '/': s[n++] = c; break;
        case 'b': s[n++] = '\b'; break;
        case 'f': s[n++] = '\f'; break;
        case 'n': s[n++] = '\n'; break;
        case 'r': s[n++] = '\r'; break;
        case 't': s[n++] = '\t'; break;
        case 'u': {
            unsigned cp, low;
            if (r->pos + 4 > r->len || !json_hex4(r->text + r->pos, &cp)) { free(s); return 0; }
            r->pos += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && r->pos + 6 <= r->len && r->text[r->pos] == '\\' &&
                r->text[r->pos + 1] == 'u' && json_hex4(r->text + r->pos + 2, &low) &&
                low >= 0xDC00 && low < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                r->pos += 6;
            }
            n += json_put_utf8(s + n, cp);
            break;
        }
        default: free(s); return 0;
        }
    }
    r->pos++;
    s[n] = 0;
    *out = s;
    *out_len = n;
    return 1;
}

static inline int json_literal(json_reader *r, const char *word) {
    size_t n = strlen(word);
    if (r->pos + n > r->len || memcmp(r->text + r->pos, word, n) != 0) return 0;
    r->pos += n;
    return 1;
}

static inline int json_read_number(json_reader *r) {
    size_t start = r->pos;
    if (r->text[r->pos] == '-') r->pos++;
    while (r->pos < r->len && strchr("0123456789.eE+-", r->text[r->pos]) != NULL && r->text[r->pos] != 0)
        r->pos++;
    return r->pos > start && r->text[r->pos - 1] >= '0' && r->text[r->pos - 1] <= '9';
}

/* Reads the items of an array or the members of an object (r->pos on its opening bracket). */
static inline int json_read_container(json_reader *r, json_value *v, int depth) {
    char close = v->kind == JSON_ARRAY ? ']' : '}';
    size_t cap = 0;
    r->pos++;
    json_skip_space(r);
    if (r->pos < r->len && r->text[r->pos] == close) { r->pos++; return 1; }
    for (;;) {
        if (v->count == cap) {
            json_value *items;
            cap = cap ? cap * 2 : 8;
            items = (json_value *)realloc(v->items, cap * sizeof *items);
            if (items == NULL) return 0;
            v->items = items;
            if (v->kind == JSON_OBJECT) {
                char **keys = (char **)realloc(v->keys, cap * sizeof *keys);
                if (keys == NULL) return 0;
                v->keys = keys;
            }
        }
        memset(&v->items[v->count], 0, sizeof v->items[0]);
        if (v->kind == JSON_OBJECT) {
            size_t key_len;
            json_skip_space(r);
            v->keys[v->count] = NULL;
            if (r->pos >= r->len || r->text[r->pos] != '"') return 0;
            v->count++; /* counted now, so that json_clear frees the key on failure */
            if (!json_read_string(r, &v->keys[v->count - 1], &key_len)) return 0;
            json_skip_space(r);
            if (r->pos >= r->len || r->text[r->pos++] != ':') return 0;
        } else {
            v->count++;
        }
        if (!json_read_value(r, &v->items[v->count - 1], depth + 1)) return 0;
        json_skip_space(r);
        if (r->pos < r->len && r->text[r->pos] == ',') { r->pos++; continue; }
        if (r->pos < r->len && r->text[r->pos] == close) { r->pos++; return 1; }
        return 0;
    }
}

static inline int json_read_value(json_reader *r, json_value *v, int depth) {
    size_t start;
    int ok;
    if (depth > 64) return 0;
    json_skip_space(r);
    if (r->pos >= r->len) return 0;
    start = r->pos;
    switch (r->text[r->pos]) {
    case 'n': v->kind = JSON_NULL; ok = json_literal(r, "null"); break;
    case 't': v->kind = JSON_BOOL; v->boolean = 1; ok = json_literal(r, "true"); break;
    case 'f': v->kind = JSON_BOOL; ok = json_literal(r, "false"); break;
    case '"': v->kind = JSON_STRING; ok = json_read_string(r, &v->str, &v->str_len); break;
    case '[': v->kind = JSON_ARRAY; ok = json_read_container(r, v, depth); break;
    case '{': v->kind = JSON_OBJECT; ok = json_read_container(r, v, depth); break;
    default: v->kind = JSON_NUMBER; ok = json_read_number(r); break;
    }
    v->raw = r->text + start;
    v->raw_len = r->pos - start;
    return ok;
}

/* Parses `len` bytes of JSON text (which must outlive the tree); NULL if it is not one JSON
 * value. Release the tree with json_free. */
static inline json_value *json_parse(const char *text, size_t len) {
    json_reader r;
    json_value *v = (json_value *)calloc(1, sizeof *v);
    r.text = text;
    r.len = len;
    r.pos = 0;
    if (v == NULL) return NULL;
    if (!json_read_value(&r, v, 0)) { json_free(v); return NULL; }
    json_skip_space(&r);
    if (r.pos != r.len) { json_free(v); return NULL; }
    return v;
}

/* The member `key` of an object, or NULL. */
static inline const json_value *json_get(const json_value *v, const char *key) {
    size_t i;
    if (v == NULL || v->kind != JSON_OBJECT) return NULL;
    for (i = 0; i < v->count; i++)
        if (strcmp(v->keys[i], key) == 0) return &v->items[i];
    return NULL;
}

/* A string's decoded text, or NULL for a missing value or another kind. */
static inline const char *json_str(const json_value *v) {
    return v != NULL && v->kind == JSON_STRING ? v->str : NULL;
}

/* A string member's text, or "" when absent or not a string. */
static inline const char *json_get_str(const json_value *v, const char *key) {
    const char *s = json_str(json_get(v, key));
    return s != NULL ? s : "";
}

static inline int json_equal_except(const json_value *a, const json_value *b, const char *skip);

/* Deep equality: members in any order, numbers by their text. */
static inline int json_equal(const json_value *a, const json_value *b) {
    return json_equal_except(a, b, NULL);
}

/* Deep equality of two objects ignoring the member `skip` of `a` (NULL: nothing skipped). */
static inline int json_equal_except(const json_value *a, const json_value *b, const char *skip) {
    size_t i, a_count = 0;
    if (a == NULL || b == NULL) return a == b;
    if (a->kind != b->kind) return 0;
    switch (a->kind) {
    case JSON_NULL: return 1;
    case JSON_BOOL: return a->boolean == b->boolean;
    case JSON_NUMBER: return a->raw_len == b->raw_len && memcmp(a->raw, b->raw, a->raw_len) == 0;
    case JSON_STRING: return a->str_len == b->str_len && memcmp(a->str, b->str, a->str_len) == 0;
    case JSON_ARRAY:
        if (a->count != b->count) return 0;
        for (i = 0; i < a->count; i++)
            if (!json_equal(&a->items[i], &b->items[i])) return 0;
        return 1;
    case JSON_OBJECT:
        for (i = 0; i < a->count; i++) {
            if (skip != NULL && strcmp(a->keys[i], skip) == 0) continue;
            a_count++;
            if (!json_equal(&a->items[i], json_get(b, a->keys[i]))) return 0;
        }
        return a_count == b->count;
    }
    return 0;
}

/* A malloc'd, NUL-terminated copy of a value's exact text. */
static inline char *json_text(const json_value *v) {
    char *s = (char *)malloc(v->raw_len + 1);
    if (s == NULL) exit(2);
    memcpy(s, v->raw, v->raw_len);
    s[v->raw_len] = 0;
    return s;
}

#endif /* PAYSEAL_C_JSON_H */
