/* The formatter keeps everything: for every example and valid test input,
 * parse -> format -> parse gives the same tree (comments, blank lines and
 * all, compared through the location-free AST dump), and formatting the
 * formatted text changes nothing. */
#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "ctx.h"
#include "dump.h"
#include "format.h"
#include "parse.h"

static char *format(jx_ctx *ctx, const jx_file *f, size_t *len) {
  char *buf = NULL;
  FILE *out = open_memstream(&buf, len);
  CHECK(jx_format_file(ctx, f, out));
  fclose(out);
  return buf;
}

static void roundtrip(const char *path) {
  jx_ctx *ctx = jx_ctx_new();
  int id = jx_source_load(ctx, path);
  if (id < 0) {
    fprintf(stderr, "cannot read %s\n", path);
    check_failures++;
    jx_ctx_free(ctx);
    return;
  }
  jx_file *a = jx_parse(ctx, id);
  CHECK_INT(ctx->nerrors, 0);
  size_t len1, len2;
  char *text1 = format(ctx, a, &len1);
  jx_file *b = jx_parse(ctx, jx_source_add(ctx, "formatted.jx", text1, len1));
  CHECK_INT(ctx->nerrors, 0);
  char *da = jx_dump_file_text(ctx, a, false), *db = jx_dump_file_text(ctx, b, false);
  if (strcmp(da, db) != 0) {
    fprintf(stderr, "%s: the tree changes when formatted\n", path);
    check_failures++;
  }
  char *text2 = format(ctx, b, &len2);
  if (len1 != len2 || memcmp(text1, text2, len1) != 0) {
    fprintf(stderr, "%s: formatting is not idempotent\n", path);
    check_failures++;
  }
  free(da);
  free(db);
  free(text1);
  free(text2);
  jx_ctx_free(ctx);
}

static int files_in(const char *dir, const char *must_contain) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 3 || strcmp(e->d_name + l - 3, ".jx") || !strstr(e->d_name, must_contain))
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    roundtrip(path);
    n++;
  }
  closedir(d);
  return n;
}

int main(void) {
  const char *examples = getenv("EXAMPLES");
  const char *tests = getenv("TESTS_SRCDIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/chengde-justice-2025", examples ? examples : "examples");
  CHECK_INT(files_in(dir, ""), 3);
  snprintf(dir, sizeof dir, "%s/golden-dump", tests ? tests : "tests");
  CHECK_INT(files_in(dir, ""), 1);
  snprintf(dir, sizeof dir, "%s/parse", tests ? tests : "tests");
  CHECK(files_in(dir, "-valid-") >= 10);
  const char *stdlib = getenv("JIXIAO_STDLIB");
  snprintf(dir, sizeof dir, "%s", stdlib ? stdlib : "stdlib");
  CHECK_INT(files_in(dir, ""), 2);
  return CHECK_DONE();
}
