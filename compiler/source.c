#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"

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

int jx_source_add(jx_ctx *ctx, const char *path, const char *text, size_t len) {
  jx_source *src = jx_arena_alloc(ctx->arena, sizeof *src);
  src->path = jx_arena_strdup(ctx->arena, path);
  /* A byte order mark carries no meaning in UTF-8; drop it so it can never
   * shift a column or become part of the first token. */
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
    text += 3;
    len -= 3;
  }
  src->text = jx_arena_strndup(ctx->arena, text, len);
  src->len = len;
  int lines = 1;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') lines++;
  src->line_starts = jx_arena_alloc(ctx->arena, (size_t)lines * sizeof(size_t));
  src->nlines = 0;
  src->line_starts[src->nlines++] = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') src->line_starts[src->nlines++] = i + 1;
  jx_list_push(ctx->arena, &ctx->sources, src);
  return (int)ctx->sources.len - 1;
}

int jx_source_load(jx_ctx *ctx, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  for (;;) {
    if (cap - len < 65536) {
      cap = cap ? cap * 2 : 65536;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        fclose(f);
        errno = ENOMEM;
        return -1;
      }
      buf = nb;
    }
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0) break;
  }
  int err = ferror(f) ? errno : 0;
  fclose(f);
  if (err) {
    free(buf);
    errno = err ? err : EIO;
    return -1;
  }
  int id = jx_source_add(ctx, path, buf, len);
  free(buf);
  return id;
}

const char *jx_source_line(const jx_source *src, int line, size_t *len) {
  if (line < 1 || line > src->nlines) {
    *len = 0;
    return "";
  }
  size_t start = src->line_starts[line - 1];
  size_t end = line < src->nlines ? src->line_starts[line] : src->len;
  while (end > start && (src->text[end - 1] == '\n' || src->text[end - 1] == '\r'))
    end--;
  *len = end - start;
  return src->text + start;
}
