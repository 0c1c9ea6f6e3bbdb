/* For the tests that import a budget unit at a time (tests/unit and the
 * import fuzzer). */
#ifndef JX_TEST_IMPORT_SINK_H
#define JX_TEST_IMPORT_SINK_H

#include <stdlib.h>

#include "arena.h"

/* A sink's take_arena that frees each unit's arena at once and gives a
 * fresh one: a reader that touched a unit after handing it over would be
 * caught by the address sanitizer, and what it builds next never lands
 * where the last unit was. */
static inline jx_arena *jx_test_swap_arena(jx_arena *nodes, void *data) {
  (void)data;
  jx_arena_free(nodes);
  jx_arena *fresh = jx_arena_new();
  if (!fresh) abort();
  return fresh;
}

#endif
