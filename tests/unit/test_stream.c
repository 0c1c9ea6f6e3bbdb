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

enum { MAX_FILES = 64 };

typedef struct seen {
  const jx_ctx *ctx;
  char *dumps[MAX_FILES]; /* dump of each file, with locations, malloc'd */
  int paths[MAX_FILES];   /* its file index */
  const void *where[MAX_FILES]; /* where its tree was */
  size_t n;
} seen;

static void record(const jx_file *f, void *data) {
  seen *s = data;
  CHECK(s->n < MAX_FILES);
  if (s->n >= MAX_FILES) return;
  s->paths[s->n] = f->file;
  s->where[s->n] = f;
  s->dumps[s->n++] = jx_dump_file_text(s->ctx, f, true);
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

/* One reading of path: whole or one file at a time, with or without the
 * second thread that reads files ahead. */
typedef struct reading {
  jx_ctx *ctx;
  jx_document *doc; /* whole */
  seen files;       /* the dump of each file, in order */
} reading;

static void read_doc(reading *r, const char *path, bool whole, bool threads) {
  r->ctx = jx_ctx_new();
  r->ctx->single_thread = !threads;
  r->files = (seen){.ctx = r->ctx};
  const char *why = NULL;
  if (whole) {
    r->doc = jx_document_load(r->ctx, path, &why);
    CHECK(r->doc != NULL);
    for (size_t i = 0; r->doc && i < r->doc->files.len; i++) record(r->doc->files.items[i], &r->files);
  } else {
    CHECK(jx_document_stream(r->ctx, path, record, &r->files, &why));
  }
}

static void same_reading(const reading *a, const reading *b, const char *what) {
  CHECK_INT(b->files.n, a->files.n);
  for (size_t i = 0; i < a->files.n && i < b->files.n; i++) {
    CHECK_INT(b->files.paths[i], a->files.paths[i]);
    CHECK_STR(jx_ctx_source(b->ctx, b->files.paths[i])->path,
              jx_ctx_source(a->ctx, a->files.paths[i])->path);
    CHECK_STR(b->files.dumps[i], a->files.dumps[i]);
  }
  CHECK_INT(b->ctx->sources.len, a->ctx->sources.len);
  char *x = diag_list(a->ctx), *y = diag_list(b->ctx);
  CHECK_STR(y, x);
  if (check_failures) fprintf(stderr, "  (%s)\n", what);
  free(x);
  free(y);
}

static void done(reading *r) {
  for (size_t i = 0; i < r->files.n; i++) free(r->files.dumps[i]);
  jx_ctx_free(r->ctx);
}

/* Reads path in the four ways and compares them with the plain one (whole,
 * on one thread); returns how many files it has. With lean, reading one
 * file at a time must also hold less than a third of the memory (a
 * document large enough for its trees to dominate). */
static size_t compare(const char *path, bool lean) {
  reading plain, ahead, streamed, streamed_ahead;
  read_doc(&plain, path, true, false);
  read_doc(&ahead, path, true, true);
  read_doc(&streamed, path, false, false);
  read_doc(&streamed_ahead, path, false, true);
  same_reading(&plain, &ahead, "read ahead");
  same_reading(&plain, &streamed, "one file at a time");
  same_reading(&plain, &streamed_ahead, "one file at a time, read ahead");
  /* One file at a time on one thread, each file's tree takes the place of
   * the one before: the memory is used again, not added to. */
  for (size_t i = 1; i < streamed.files.n; i++)
    CHECK(streamed.files.where[i] == streamed.files.where[0]);
  /* The trees are gone: what the streaming ctx holds is the sources, their
   * line tables and the diagnostics, a small part of the whole reading. */
  size_t used_whole = jx_arena_used(plain.ctx->arena);
  size_t used_streamed = jx_arena_used(streamed_ahead.ctx->arena);
  if (lean) CHECK(used_streamed * 3 < used_whole);
  if (lean && used_streamed * 3 >= used_whole)
    fprintf(stderr, "streamed %zu bytes, whole %zu bytes\n", used_streamed, used_whole);
  size_t n = plain.files.n;
  done(&plain);
  done(&ahead);
  done(&streamed);
  done(&streamed_ahead);
  return n;
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

  /* Many files read ahead, where the guesses of their file indexes go
   * wrong: a unit that imports two files of its own (every index after it
   * moves), one that imports the next unit (which the root then finds read
   * already), an import that does not exist, and syntax errors. */
  char mainbuf[8192] = "部门 \"某局\"\n年度 2025\n";
  for (int i = 0; i < 40; i++) {
    char name[4300], text[512];
    snprintf(name, sizeof name, "%s/u%02d.jx", dir, i);
    snprintf(text, sizeof text, "单位 %d \"单位%d\"\n项目 \"项目%d\" {\n  预算 %d\n%s}\n%s%s",
             100000 + i, i, i, i + 1, i == 10 ? "  预算 (\n" : "",
             i == 5 ? "导入 \"n1.jx\"\n导入 \"n2.jx\"\n" : "",
             i == 20 ? "导入 \"u21.jx\"\n" : "");
    write_file(name, text);
    size_t len = strlen(mainbuf);
    snprintf(mainbuf + len, sizeof mainbuf - len, "导入 \"u%02d.jx\"\n%s", i,
             i == 30 ? "导入 \"gone.jx\"\n" : "");
  }
  snprintf(a_jx, sizeof a_jx, "%s/n1.jx", dir);
  write_file(a_jx, "单位 \"n1\"\n");
  snprintf(b_jx, sizeof b_jx, "%s/n2.jx", dir);
  write_file(b_jx, "单位 \"n2\" 合计 x\n");
  write_file(main_jx, mainbuf);
  CHECK_INT(compare(dir, false), 43);
  unlink(main_jx);
  unlink(a_jx);
  unlink(b_jx);
  for (int i = 0; i < 40; i++) {
    char name[4300];
    snprintf(name, sizeof name, "%s/u%02d.jx", dir, i);
    unlink(name);
  }
  rmdir(dir);
  return check_failures ? 1 : 0;
}
