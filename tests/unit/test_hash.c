/* The checker's hash table: finds what was added, tells new keys from old,
 * keeps working as it grows, and compares keys as bytes (a key may hold
 * NULs or be empty). */
#include <stdlib.h>

#include "check.h"
#include "hash.h"

enum { N = 100000 };

static void test_many_keys(void) {
  static char keys[N][24];
  jx_hash h;
  jx_hash_init(&h, 4); /* grows many times on the way */
  for (int i = 0; i < N; i++) {
    snprintf(keys[i], sizeof keys[i], "项目%d", i);
    bool added;
    jx_hash_slot *s = jx_hash_slot_of(&h, keys[i], strlen(keys[i]), &added);
    CHECK(added);
    s->value = keys[i];
  }
  CHECK_INT(h.len, N);
  CHECK(h.cap >= 2 * h.len);
  for (int i = 0; i < N; i++) {
    char probe[24]; /* equal bytes, another address */
    snprintf(probe, sizeof probe, "项目%d", i);
    CHECK(jx_hash_get_str(&h, probe) == keys[i]);
  }
  CHECK(jx_hash_get_str(&h, "项目100000") == NULL);
  CHECK(jx_hash_get_str(&h, "项目") == NULL);
  /* Adding an existing key finds its slot and value. */
  bool added;
  jx_hash_slot *s = jx_hash_slot_of(&h, "项目7", strlen("项目7"), &added);
  CHECK(!added);
  CHECK(s->value == keys[7]);
  CHECK_INT(h.len, N);
  jx_hash_free(&h);
  CHECK(jx_hash_get_str(&h, "项目7") == NULL);
}

static void test_bytes(void) {
  jx_hash h;
  jx_hash_init(&h, 0);
  static const char a[] = {'a', 0, 'b'}, b[] = {'a', 0, 'c'};
  static const char *const p = "x";
  int one, two, three, four;
  bool added;
  jx_hash_slot_of(&h, a, sizeof a, &added)->value = &one;
  jx_hash_slot_of(&h, b, sizeof b, &added)->value = &two;
  CHECK(added);
  jx_hash_slot_of(&h, "", 0, &added)->value = &three;
  CHECK(added);
  /* Pointers as keys: the bytes of the pointer, not what it points to. */
  jx_hash_slot_of(&h, &p, sizeof p, &added)->value = &four;
  CHECK(jx_hash_get(&h, a, sizeof a) == &one);
  CHECK(jx_hash_get(&h, b, sizeof b) == &two);
  CHECK(jx_hash_get(&h, a, 1) == NULL);
  CHECK(jx_hash_get_str(&h, "") == &three);
  CHECK(jx_hash_get(&h, &p, sizeof p) == &four);
  const char *const other = "y";
  CHECK(jx_hash_get(&h, &other, sizeof other) == NULL);
  jx_hash_free(&h);
}

int main(void) {
  test_many_keys();
  test_bytes();
  return CHECK_DONE();
}
