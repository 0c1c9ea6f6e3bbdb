/* The formatter keeps everything: for every file of every example, of the
 * standard library and every test input that reads without syntax errors,
 * parse -> format -> parse gives the same tree (comments, blank lines and
 * all, compared through the location-free AST dump), formatting the
 * formatted text changes nothing, and no comment or character of text is
 * lost (the strings the scanner reads and the comments, in order, are the
 * same before and after), and jxc diff of the file and its formatted text
 * finds no difference. */
/* Paths here are short; a truncated one would only fail a lookup. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "ctx.h"
#include "diff.h"
#include "library.h"
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

static int by_text(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The texts of the string and name tokens of a file, sorted, one a line: the
 * formatter may move an attribute or write a quoted source name bare
 * ("政府性基金预算" as 政府性基金预算), but every text stays. */
static char *texts_of(jx_ctx *ctx, int file) {
  char *buf = NULL, *out = NULL;
  size_t len = 0, olen = 0;
  FILE *mem = open_memstream(&buf, &len);
  jx_dump_tokens(ctx, file, mem);
  fclose(mem);
  size_t n = 0, cap = 64;
  char **texts = malloc(cap * sizeof *texts);
  for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    char *text = !strncmp(tab, "\tstring\t", 8) ? tab + 8
                 : !strncmp(tab, "\tname\t", 6) ? tab + 6
                                                  : NULL;
    /* The parts of a date are structure, which the tree compares: 2025.12.31
     * is written 2025年12月31日, and a plan's 3月份 is 3月. */
    if (!text || !strcmp(text, "年") || !strcmp(text, "月") || !strcmp(text, "日") ||
        !strcmp(text, "月底") || !strcmp(text, "月份"))
      continue;
    if (n == cap) texts = realloc(texts, (cap *= 2) * sizeof *texts);
    texts[n++] = text;
  }
  qsort(texts, n, sizeof *texts, by_text);
  FILE *o = open_memstream(&out, &olen);
  for (size_t i = 0; i < n; i++) fprintf(o, "%s\n", texts[i]);
  fclose(o);
  free(texts);
  free(buf);
  return out;
}

static char *comments_of(const jx_file *f) {
  char *out = NULL;
  size_t len = 0;
  FILE *o = open_memstream(&out, &len);
  for (size_t i = 0; i < f->comments.len; i++)
    fprintf(o, "#%s\n", ((const jx_comment *)f->comments.items[i])->text);
  fclose(o);
  return out;
}

static int files_checked, files_skipped;
static jx_ctx *lib_ctx;
static jx_library lib;

/* jxc diff of a file and its formatted text finds nothing. */
static void same_by_diff(jx_ctx *ctx, const char *path, jx_file *a, jx_file *b) {
  jx_document da = {0}, db = {0};
  jx_list_push(ctx->arena, &da.files, a);
  jx_list_push(ctx->arena, &da.roots, a);
  jx_list_push(ctx->arena, &db.files, b);
  jx_list_push(ctx->arena, &db.roots, b);
  jx_diff_input x = {path, &da, NULL}, y = {"formatted.jx", &db, NULL};
  jx_diff_options opt = {NULL};
  const char *why = NULL;
  jx_diff *d = jx_diff_build(ctx, &lib, &x, &y, &opt, &why);
  if (!d || d->differs) {
    fprintf(stderr, "%s: jxc diff finds a difference with the formatted file\n", path);
    check_failures++;
  }
}

/* must_read: the file is valid (an example, the library); otherwise a file
 * with syntax errors is skipped, as the formatter refuses it. */
static void roundtrip_file(const char *path, bool must_read) {
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  int id = jx_source_load(ctx, path, &why);
  if (id < 0) {
    fprintf(stderr, "%s\n", why);
    check_failures++;
    jx_ctx_free(ctx);
    return;
  }
  jx_file *a = jx_parse(ctx, id);
  if (!must_read && ctx->nerrors) {
    files_skipped++;
    jx_ctx_free(ctx);
    return;
  }
  files_checked++;
  if (ctx->nerrors) fprintf(stderr, "%s: syntax errors\n", path);
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
  char *sa = texts_of(ctx, a->file), *sb = texts_of(ctx, b->file);
  if (strcmp(sa, sb) != 0) {
    fprintf(stderr, "%s: the texts of strings and names change when formatted\n", path);
    check_failures++;
  }
  same_by_diff(ctx, path, a, b);
  char *ca = comments_of(a), *cb = comments_of(b);
  if (strcmp(ca, cb) != 0) {
    fprintf(stderr, "%s: the comments change when formatted\n", path);
    check_failures++;
  }
  free(sa);
  free(sb);
  free(ca);
  free(cb);
  free(da);
  free(db);
  free(text1);
  free(text2);
  jx_ctx_free(ctx);
}


static void roundtrip(const char *path) { roundtrip_file(path, true); }
static void roundtrip_if_valid(const char *path) { roundtrip_file(path, false); }

/* Every .jx file of every folder under dir (the examples). */
static int each_example(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char sub[3000];
    struct stat st;
    snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
    if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) n += each_jx_file(sub, "", roundtrip);
  }
  closedir(d);
  return n;
}

int main(void) {
  const char *examples = getenv("EXAMPLES");
  const char *tests = getenv("TESTS_SRCDIR");
  char dir[4096];
  const char *stdlib_dir = getenv("JIXIAO_STDLIB");
  const char *why = NULL;
  lib_ctx = jx_ctx_new();
  CHECK(jx_library_load(lib_ctx, stdlib_dir ? stdlib_dir : "stdlib", &lib, &why));
  snprintf(dir, sizeof dir, "%s", examples ? examples : "examples");
  CHECK(each_example(dir) >= 16);
  snprintf(dir, sizeof dir, "%s/golden-dump", tests ? tests : "tests");
  CHECK_INT(each_jx_file(dir, "", roundtrip), 2);
  snprintf(dir, sizeof dir, "%s/parse", tests ? tests : "tests");
  CHECK(each_jx_file(dir, "-valid-", roundtrip) >= 10);
  /* Every other test input: those that read without syntax errors. */
  static const char *const inputs[] = {"parse", "check", "render", "diff", "format"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    snprintf(dir, sizeof dir, "%s/%s", tests ? tests : "tests", inputs[i]);
    each_jx_file(dir, "", roundtrip_if_valid);
  }
  CHECK(files_checked >= 190);
  const char *stdlib = getenv("JIXIAO_STDLIB");
  snprintf(dir, sizeof dir, "%s", stdlib ? stdlib : "stdlib");
  CHECK_INT(each_jx_file(dir, "", roundtrip), 3);
  printf("%d files formatted and compared, %d test inputs with syntax errors skipped\n",
         files_checked, files_skipped);
  jx_ctx_free(lib_ctx);
  return CHECK_DONE();
}
