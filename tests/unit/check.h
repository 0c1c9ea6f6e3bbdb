/* Minimal assertions for the unit tests: each failed CHECK prints where and
 * what, and the test exits 1 if any failed (automake's harness counts it). */
#ifndef JX_TEST_CHECK_H
#define JX_TEST_CHECK_H

#include <dirent.h>
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

/* Calls fn on every file of dir whose name ends with suffix and contains
 * part ("" for any), names beginning with a dot left out; returns how many
 * there were. */
static inline int each_file(const char *dir, const char *suffix, const char *part,
                            void (*fn)(const char *path)) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  size_t ls = strlen(suffix);
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (e->d_name[0] == '.' || l < ls || strcmp(e->d_name + l - ls, suffix) ||
        !strstr(e->d_name, part))
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    fn(path);
    n++;
  }
  closedir(d);
  return n;
}

/* Calls fn on every FILE.jx in dir whose name contains part; returns how
 * many there were. */
static inline int each_jx_file(const char *dir, const char *part,
                               void (*fn)(const char *path)) {
  return each_file(dir, ".jx", part, fn);
}

#endif
