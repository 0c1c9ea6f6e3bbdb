#include "hash.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a, 64 bits, folded to the 32 a slot keeps. */
static uint32_t hash_bytes(const void *key, size_t len) {
  const unsigned char *p = key;
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return (uint32_t)(h ^ (h >> 32));
}

static jx_hash_slot *alloc_slots(size_t cap) {
  jx_hash_slot *s = calloc(cap, sizeof *s);
  if (!s) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  return s;
}

void jx_hash_init(jx_hash *h, size_t expected) {
  size_t cap = 16;
  while (cap < expected * 2) cap *= 2;
  h->slots = alloc_slots(cap);
  h->cap = cap;
  h->len = 0;
}

void jx_hash_free(jx_hash *h) {
  free(h->slots);
  h->slots = NULL;
  h->cap = h->len = 0;
}

static jx_hash_slot *find(const jx_hash *h, const void *key, size_t len,
                          uint32_t hash) {
  size_t mask = h->cap - 1;
  for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
    jx_hash_slot *s = &h->slots[i];
    if (!s->key || (s->hash == hash && s->len == len && !memcmp(s->key, key, len)))
      return s;
  }
}

void *jx_hash_get(const jx_hash *h, const void *key, size_t len) {
  if (!h->cap) return NULL;
  jx_hash_slot *s = find(h, key, len, hash_bytes(key, len));
  return s->key ? s->value : NULL;
}

static void grow(jx_hash *h) {
  jx_hash_slot *old = h->slots;
  size_t old_cap = h->cap;
  h->cap = old_cap ? old_cap * 2 : 16;
  h->slots = alloc_slots(h->cap);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].key) *find(h, old[i].key, old[i].len, old[i].hash) = old[i];
  free(old);
}

jx_hash_slot *jx_hash_slot_of(jx_hash *h, const void *key, size_t len, bool *added) {
  if ((h->len + 1) * 2 > h->cap) grow(h);
  uint32_t hash = hash_bytes(key, len);
  jx_hash_slot *s = find(h, key, len, hash);
  *added = !s->key;
  if (*added) {
    s->key = key;
    s->len = (uint32_t)len;
    s->hash = hash;
    s->value = NULL;
    h->len++;
  }
  return s;
}
