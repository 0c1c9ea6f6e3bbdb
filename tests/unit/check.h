/* Minimal assertions for the unit tests: each failed CHECK prints where and
 * what, and the test exits 1 if any failed (automake's harness counts it). */
#ifndef JX_TEST_CHECK_H
#define JX_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,   \
              #cond);                                                     \
      check_failures++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_STR(got, want)                                              \
  do {                                                                    \
    const char *g_ = (got), *w_ = (want);                                 \
    if (strcmp(g_, w_) != 0) {                                            \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\" (%s)\n", __FILE__,  \
              __LINE__, g_, w_, #got);                                    \
      check_failures++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_INT(got, want)                                              \
  do {                                                                    \
    long long g_ = (long long)(got), w_ = (long long)(want);              \
    if (g_ != w_) {                                                       \
      fprintf(stderr, "%s:%d: got %lld, want %lld (%s)\n", __FILE__,      \
              __LINE__, g_, w_, #got);                                    \
      check_failures++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_DONE() (check_failures ? 1 : 0)

#endif
