/* The formatter keeps everything: for every example and valid test input,
 * parse -> format -> parse gives the same tree (comments, blank lines and
 * all, compared through the location-free AST dump), and formatting the
 * formatted text changes nothing. */
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


int main(void) {
  const char *examples = getenv("EXAMPLES");
  const char *tests = getenv("TESTS_SRCDIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/chengde-justice-2025", examples ? examples : "examples");
  CHECK_INT(each_jx_file(dir, "", roundtrip), 3);
  snprintf(dir, sizeof dir, "%s/golden-dump", tests ? tests : "tests");
  CHECK_INT(each_jx_file(dir, "", roundtrip), 1);
  snprintf(dir, sizeof dir, "%s/parse", tests ? tests : "tests");
  CHECK(each_jx_file(dir, "-valid-", roundtrip) >= 10);
  const char *stdlib = getenv("JIXIAO_STDLIB");
  snprintf(dir, sizeof dir, "%s", stdlib ? stdlib : "stdlib");
  CHECK_INT(each_jx_file(dir, "", roundtrip), 3);
  return CHECK_DONE();
}
