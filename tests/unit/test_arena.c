/* The arena hands out zeroed memory without clearing what is zero already:
 * whatever was handed out before (and reset) or came from malloc is
 * cleared, a fresh mapped chunk is not. Each case writes garbage where the
 * next allocation will be, so a missed clear shows as a non-zero byte. */
#include <stdbool.h>
#include <stdlib.h>

#include "arena.h"
#include "check.h"

static bool all_zero(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i]) return false;
  return true;
}

int main(void) {
  jx_arena *a = jx_arena_new();
  CHECK(a != NULL);
  if (!a) return 1;

  /* Small chunks come from malloc: each allocation is cleared. */
  for (int i = 0; i < 100; i++) {
    unsigned char *p = jx_arena_alloc(a, 1000);
    CHECK(all_zero(p, 1000));
    for (int k = 0; k < 1000; k++) p[k] = 0xA5;
  }
  /* Text is not cleared but leaves its bytes dirty: an allocation after
   * it in the same chunk is cleared. */
  char *s = jx_arena_bytes(a, 4096);
  for (int k = 0; k < 4096; k++) s[k] = 'x';
  jx_arena_reset(a);
  for (int i = 0; i < 200; i++) CHECK(all_zero(jx_arena_alloc(a, 777), 777));

  /* A chunk of several megabytes is mapped: zero from the kernel. Fill it
   * with garbage through both kinds of allocation, reset, and every byte
   * handed out again as zeroed memory must be zero. */
  jx_arena *big = jx_arena_new();
  CHECK(big != NULL);
  if (!big) return 1;
  unsigned char *first = jx_arena_alloc(big, 8 << 20);
  CHECK(all_zero(first, 8 << 20));
  for (size_t k = 0; k < (8u << 20); k += 4096) first[k] = 0xFF;
  char *text = jx_arena_bytes(big, 1 << 20);
  for (size_t k = 0; k < (1u << 20); k++) text[k] = 'y';
  jx_arena_reset(big);
  size_t total = 0;
  while (total < (9u << 20)) {
    unsigned char *p = jx_arena_alloc(big, 3000);
    CHECK(all_zero(p, 3000));
    total += 3000;
  }
  /* Past what was ever handed out, the mapped chunk is still zero. */
  CHECK(all_zero(jx_arena_alloc(big, 1 << 20), 1 << 20));

  jx_arena_free(big);
  jx_arena_free(a);
  return check_failures ? 1 : 0;
}
