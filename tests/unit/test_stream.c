/* Reading a document one file at a time (jx_document_stream, used by
 * check --syntax-only, format and dump) sees the same files in the same
 * order, with the same trees and the same diagnostics, as reading it whole
 * (jx_document_load), and keeps no tree: the ctx holds the sources and the
 * diagnostics only. */
/* Paths here are short; a truncated one would only fail a lookup. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "document.h"
#include "dump.h"

typedef struct seen {
  const jx_ctx *ctx;
  char *dumps[16]; /* location-free dump of each file, malloc'd */
  int paths[16];   /* its file index */
  const void *where[16]; /* where its tree was */
  size_t n;
} seen;

static void record(const jx_file *f, void *data) {
  seen *s = data;
  CHECK(s->n < 16);
  if (s->n >= 16) return;
  s->paths[s->n] = f->file;
  s->where[s->n] = f;
  s->dumps[s->n++] = jx_dump_file_text(s->ctx, f, false);
}

/* "CODE line:column" of every diagnostic, one a line (malloc'd). */
static char *diag_list(const jx_ctx *ctx) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  for (size_t i = 0; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    fprintf(out, "%s %s:%d:%d\n", d->code, jx_ctx_source(ctx, d->loc.file)->path,
            d->loc.first_line, d->loc.first_column);
  }
  fclose(out);
  return buf;
}

/* Reads path both ways and compares; returns how many files it has. With
 * lean, the streaming reading must also hold less than a third of the
 * memory (a document large enough for its trees to dominate). */
static size_t compare(const char *path, bool lean) {
  jx_ctx *whole = jx_ctx_new(), *streamed = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(whole, path, &why);
  CHECK(doc != NULL);
  seen s = {.ctx = streamed};
  CHECK(jx_document_stream(streamed, path, record, &s, &why));
  if (!doc) return 0;
  CHECK_INT(s.n, doc->files.len);
  for (size_t i = 0; i < s.n && i < doc->files.len; i++) {
    const jx_file *f = doc->files.items[i];
    CHECK_STR(jx_ctx_source(streamed, s.paths[i])->path,
              jx_ctx_source(whole, f->file)->path);
    char *want = jx_dump_file_text(whole, f, false);
    CHECK_STR(s.dumps[i], want);
    free(want);
    free(s.dumps[i]);
  }
  /* Each file's tree takes the place of the one before: the memory is
   * used again, not added to. */
  for (size_t i = 1; i < s.n; i++) CHECK(s.where[i] == s.where[0]);
  char *a = diag_list(whole), *b = diag_list(streamed);
  CHECK_STR(b, a);
  free(a);
  free(b);
  /* The trees are gone: what the streaming ctx holds is the sources, their
   * line tables and the diagnostics, a small part of the whole reading. */
  size_t used_whole = jx_arena_used(whole->arena), used_streamed = jx_arena_used(streamed->arena);
  if (lean) CHECK(used_streamed * 3 < used_whole);
  if (lean && used_streamed * 3 >= used_whole)
    fprintf(stderr, "streamed %zu bytes, whole %zu bytes\n", used_streamed, used_whole);
  jx_ctx_free(whole);
  jx_ctx_free(streamed);
  return s.n;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

int main(void) {
  const char *examples = getenv("EXAMPLES");
  char path[4096];
  snprintf(path, sizeof path, "%s/chengde-justice-2025", examples ? examples : "examples");
  CHECK_INT(compare(path, true), 3);

  /* Imports that fail, repeat or go round in a circle, and a syntax error
   * in an imported file: the same findings, in the same order. */
  char dir[] = "/tmp/jx-stream-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char main_jx[4200], a_jx[4200], b_jx[4200];
  snprintf(main_jx, sizeof main_jx, "%s/main.jx", dir);
  snprintf(a_jx, sizeof a_jx, "%s/a.jx", dir);
  snprintf(b_jx, sizeof b_jx, "%s/b.jx", dir);
  write_file(main_jx, "部门 \"某局\"\n年度 2025\n导入 \"a.jx\"\n导入 \"missing.jx\"\n"
                      "导入 \"a.jx\"\n导入 \"b.jx\"\n");
  write_file(a_jx, "# a\n导入 \"main.jx\"\n导入 \"b.jx\"\n单位 \"甲\"\n");
  write_file(b_jx, "单位 \"乙\"\n项目 \"缺括号\" {\n  预算 10\n");
  CHECK_INT(compare(dir, false), 3);
  unlink(main_jx);
  unlink(a_jx);
  unlink(b_jx);
  rmdir(dir);
  return check_failures ? 1 : 0;
}
