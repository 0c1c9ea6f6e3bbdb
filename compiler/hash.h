/* A small open-addressing hash table from byte-string keys to pointers, for
 * the checks that must find equal names or codes among 100,000 projects or
 * 40,000 indicator rows without comparing every pair.
 *
 * Keys are not copied: they must outlive the table (strings of the ctx's
 * arena do). The table's own storage is malloc'd; free it with
 * jx_hash_free. Linear probing, kept at most half full. */
#ifndef JX_HASH_H
#define JX_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 24 bytes: a province's tables of 100,000 codes and names are a tenth
 * of what the check keeps at its end. Keys are shorter than 4 GiB (a
 * source file is at most 1 GiB); the hash kept is the key's low 32 bits,
 * enough for tables of up to 2^32 slots. */
typedef struct jx_hash_slot {
  const void *key; /* NULL: empty */
  void *value;
  uint32_t len;
  uint32_t hash;
} jx_hash_slot;

typedef struct jx_hash {
  jx_hash_slot *slots;
  size_t cap, len; /* cap is 0 or a power of two */
} jx_hash;

/* An empty table sized for about expected keys (it grows as needed). */
void jx_hash_init(jx_hash *h, size_t expected);
void jx_hash_free(jx_hash *h);

/* The value stored under the key, or NULL. */
void *jx_hash_get(const jx_hash *h, const void *key, size_t len);

/* The slot of the key, added with a NULL value when absent (*added tells
 * which). The pointer is valid until the next jx_hash_slot_of call. */
jx_hash_slot *jx_hash_slot_of(jx_hash *h, const void *key, size_t len, bool *added);

/* The same for NUL-terminated strings. */
static inline void *jx_hash_get_str(const jx_hash *h, const char *key) {
  size_t n = 0;
  while (key[n]) n++;
  return jx_hash_get(h, key, n);
}

#endif
