#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctx.h"
#include "diag.h"
#include "i18n.h"

jx_ctx *jx_ctx_new(void) {
  jx_ctx *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return NULL;
  ctx->arena = jx_arena_new();
  if (!ctx->arena) {
    free(ctx);
    return NULL;
  }
  return ctx;
}

void jx_ctx_free(jx_ctx *ctx) {
  if (!ctx) return;
  jx_arena_free(ctx->arena);
  free(ctx);
}

/* How many marks a text of n lines has. */
static size_t marks(int n) { return (size_t)(n - 1) / JX_LINE_MARK + 1; }

/* Fills src for text of len bytes followed by a NUL, owned by arena a. */
static void describe(jx_arena *a, jx_source *src, const char *path, const char *text,
                     size_t len) {
  src->path = jx_arena_strdup(a, path);
  /* A byte order mark carries no meaning in UTF-8; drop it so it can never
   * shift a column or become part of the first token. */
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  src->text = text;
  src->len = len;
  int lines = 1;
  const char *end = text + len;
  for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))); p++) lines++;
  src->line_marks = jx_arena_alloc(a, marks(lines) * sizeof *src->line_marks);
  src->nlines = 1;
  src->line_marks[0] = 0;
  for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))); p++)
    if (src->nlines++ % JX_LINE_MARK == 0)
      src->line_marks[(src->nlines - 1) / JX_LINE_MARK] = (unsigned)(p - text) + 1;
}

void jx_source_describe(jx_arena *a, jx_source *src, const char *path, const char *text,
                        size_t len) {
  memset(src, 0, sizeof *src);
  describe(a, src, path, text, len);
}

static int add_source(jx_ctx *ctx, jx_source *src) {
  jx_list_push(ctx->arena, &ctx->sources, src);
  return (int)ctx->sources.len - 1;
}

int jx_source_add(jx_ctx *ctx, const char *path, const char *text, size_t len) {
  jx_source *src = jx_arena_alloc(ctx->arena, sizeof *src);
  describe(ctx->arena, src, path, jx_arena_strndup(ctx->arena, text, len), len);
  return add_source(ctx, src);
}

bool jx_source_read(jx_arena *a, const char *path, jx_source *src, const char **why) {
  const char *problem = NULL;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0)
    problem = strerror(errno);
  else if (S_ISDIR(st.st_mode))
    problem = _("it is a folder");
  else if (!S_ISREG(st.st_mode))
    problem = _("it is not a regular file");
  else if (st.st_size > JX_SOURCE_MAX_BYTES)
    problem = _("it is larger than 1 GiB; split it into files with 导入");
  /* The file is read straight into the arena, where its text stays: no
   * second copy of a document that may be 100 MB. */
  char *buf = NULL;
  size_t len = 0;
  if (!problem) buf = jx_arena_bytes(a, (size_t)st.st_size + 1);
  /* Read what fstat promised and stop: a file that grows while it is read
   * cannot make the read unbounded. */
  while (!problem && len < (size_t)st.st_size) {
    ssize_t n = read(fd, buf + len, (size_t)st.st_size - len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) problem = strerror(errno);
    if (n <= 0) break;
    len += (size_t)n;
  }
  if (fd >= 0) close(fd);
  if (problem) {
    *why = jx_arena_printf(a, _("cannot read %s: %s"), path, problem);
    return false;
  }
  buf[len] = '\0';
  memset(src, 0, sizeof *src);
  describe(a, src, path, buf, len);
  src->has_id = true;
  src->dev = (unsigned long long)st.st_dev;
  src->ino = (unsigned long long)st.st_ino;
  src->mtime_s = (long long)st.st_mtim.tv_sec;
  src->mtime_ns = (long long)st.st_mtim.tv_nsec;
  return true;
}

int jx_source_load(jx_ctx *ctx, const char *path, const char **why) {
  jx_source *src = jx_arena_alloc(ctx->arena, sizeof *src);
  if (!jx_source_read(ctx->arena, path, src, why)) return -1;
  return add_source(ctx, src);
}

/* Copies src's text and line marks into the ctx's arena. */
static void own_text(jx_ctx *ctx, jx_source *src) {
  src->text = jx_arena_strndup(ctx->arena, src->text, src->len);
  unsigned *m = jx_arena_alloc(ctx->arena, marks(src->nlines) * sizeof *m);
  memcpy(m, src->line_marks, marks(src->nlines) * sizeof *m);
  src->line_marks = m;
}

int jx_source_adopt(jx_ctx *ctx, const jx_source *from, bool borrow) {
  jx_source *src = jx_arena_alloc(ctx->arena, sizeof *src);
  *src = *from;
  src->path = jx_arena_strdup(ctx->arena, from->path);
  if (!borrow) own_text(ctx, src);
  return add_source(ctx, src);
}

void jx_source_release(jx_ctx *ctx, int file) {
  jx_source *src = ctx->sources.items[file];
  src->text = NULL;
  src->line_marks = NULL;
}

/* Reads src's file again into the ctx, if it is still what was read. */
static void restore(jx_ctx *ctx, jx_source *src) {
  jx_source fresh;
  const char *why;
  if (!src->has_id || !jx_source_read(ctx->arena, src->path, &fresh, &why) ||
      fresh.dev != src->dev || fresh.ino != src->ino || fresh.len != src->len ||
      fresh.mtime_s != src->mtime_s || fresh.mtime_ns != src->mtime_ns ||
      fresh.nlines != src->nlines) {
    src->stale = true;
    return;
  }
  src->text = fresh.text;
  src->line_marks = fresh.line_marks;
}

static void restore_at(jx_ctx *ctx, jx_loc loc) {
  if (loc.file < 0 || (size_t)loc.file >= ctx->sources.len || loc.first_line <= 0) return;
  jx_source *src = ctx->sources.items[loc.file];
  if (!src->text && !src->stale) restore(ctx, src);
}

void jx_sources_restore(jx_ctx *ctx) {
  for (size_t i = 0; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    restore_at(ctx, d->loc);
    for (size_t k = 0; k < d->notes.len; k++) {
      const jx_diag_note *n = d->notes.items[k];
      restore_at(ctx, n->loc);
    }
  }
}

const char *jx_source_line(const jx_source *src, int line, size_t *len) {
  if (line < 1 || line > src->nlines) {
    *len = 0;
    return "";
  }
  const char *text = src->text, *stop = src->text + src->len;
  const char *p = text + src->line_marks[(line - 1) / JX_LINE_MARK];
  /* line <= nlines: each of these newlines is there. */
  for (int n = (line - 1) % JX_LINE_MARK; n > 0; n--)
    p = (const char *)memchr(p, '\n', (size_t)(stop - p)) + 1;
  const char *nl = memchr(p, '\n', (size_t)(stop - p));
  size_t start = (size_t)(p - text);
  size_t end = nl ? (size_t)(nl - text) + 1 : src->len;
  while (end > start && (src->text[end - 1] == '\n' || src->text[end - 1] == '\r'))
    end--;
  *len = end - start;
  return src->text + start;
}
