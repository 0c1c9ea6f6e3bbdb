/* A hash map from byte strings to pointers whose storage lives in an arena:
 * what the year-over-year diff and the text diff use to match in linear
 * time. Unlike jx_hash (hash.h, malloc'd, freed one by one), it needs no
 * freeing, which suits the many small maps a diff makes per project and
 * frees all at once with its ctx. Keys are not copied; they must outlive
 * the map. */
#ifndef JX_STRMAP_H
#define JX_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct jx_strmap {
  const char **keys;
  size_t *lens;
  void **values;
  size_t cap, len;
} jx_strmap;

uint64_t jx_hash_bytes(const char *s, size_t n);

/* The value slot of key (n bytes): *slot is NULL when the key was absent,
 * and the key is then added; store the value through the slot. */
void **jx_strmap_slot(jx_arena *a, jx_strmap *m, const char *key, size_t n);

/* The value of key, or NULL. */
void *jx_strmap_get(const jx_strmap *m, const char *key, size_t n);

#endif
