#include "strmap.h"

#include <string.h>

uint64_t jx_hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h ^ (h >> 29);
}

static size_t find(const jx_strmap *m, const char *key, size_t n) {
  size_t k = jx_hash_bytes(key, n) & (m->cap - 1);
  while (m->keys[k] && (m->lens[k] != n || memcmp(m->keys[k], key, n)))
    k = (k + 1) & (m->cap - 1);
  return k;
}

void **jx_strmap_slot(jx_arena *a, jx_strmap *m, const char *key, size_t n) {
  if (2 * (m->len + 1) > m->cap) {
    jx_strmap bigger = {0};
    bigger.cap = m->cap ? 2 * m->cap : 16;
    bigger.keys = jx_arena_alloc(a, bigger.cap * sizeof *bigger.keys);
    bigger.lens = jx_arena_alloc(a, bigger.cap * sizeof *bigger.lens);
    bigger.values = jx_arena_alloc(a, bigger.cap * sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->keys[i]) continue;
      size_t k = find(&bigger, m->keys[i], m->lens[i]);
      bigger.keys[k] = m->keys[i];
      bigger.lens[k] = m->lens[i];
      bigger.values[k] = m->values[i];
    }
    bigger.len = m->len;
    *m = bigger;
  }
  size_t k = find(m, key, n);
  if (!m->keys[k]) {
    m->keys[k] = key;
    m->lens[k] = n;
    m->len++;
  }
  return &m->values[k];
}

void *jx_strmap_get(const jx_strmap *m, const char *key, size_t n) {
  if (!m->cap) return NULL;
  size_t k = find(m, key, n);
  return m->keys[k] ? m->values[k] : NULL;
}
