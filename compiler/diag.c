#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "utf8.h"

static const char *vformat(jx_ctx *ctx, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) n = 0;
  char *p = jx_arena_alloc(ctx->arena, (size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

jx_diag *jx_report(jx_ctx *ctx, jx_severity sev, const char *code, jx_loc loc,
                   const char *fmt, ...) {
  jx_diag *d = jx_arena_alloc(ctx->arena, sizeof *d);
  d->sev = sev;
  d->code = code;
  d->loc = loc;
  va_list ap;
  va_start(ap, fmt);
  d->msg = vformat(ctx, fmt, ap);
  va_end(ap);
  jx_list_push(ctx->arena, &ctx->diags, d);
  if (sev == JX_SEV_ERROR)
    ctx->nerrors++;
  else
    ctx->nwarnings++;
  return d;
}

void jx_diag_hint(jx_ctx *ctx, jx_diag *d, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  d->hint = vformat(ctx, fmt, ap);
  va_end(ap);
}

void jx_diag_note_add(jx_ctx *ctx, jx_diag *d, jx_loc loc, const char *fmt,
                      ...) {
  jx_diag_note *n = jx_arena_alloc(ctx->arena, sizeof *n);
  n->loc = loc;
  va_list ap;
  va_start(ap, fmt);
  n->msg = vformat(ctx, fmt, ap);
  va_end(ap);
  jx_list_push(ctx->arena, &d->notes, n);
}

jx_loc jx_loc_file(int file) { return (jx_loc){file, 0, 0, 0, 0}; }

static void print_position(const jx_ctx *ctx, jx_loc loc, FILE *out) {
  const jx_source *src = jx_ctx_source(ctx, loc.file);
  if (loc.first_line <= 0)
    fprintf(out, "%s", src->path);
  else
    fprintf(out, "%s:%d:%d", src->path, loc.first_line, loc.first_column);
}

/* Byte offset of the given 1-based character column within a line. */
static size_t column_offset(const char *line, size_t len, int column) {
  size_t i = 0;
  for (int c = 1; c < column && i < len; c++) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(line + i, len - i, &cp);
  }
  return i;
}

static void print_excerpt(const jx_ctx *ctx, jx_loc loc, FILE *out) {
  if (loc.first_line <= 0) return;
  const jx_source *src = jx_ctx_source(ctx, loc.file);
  size_t len;
  const char *line = jx_source_line(src, loc.first_line, &len);
  char gutter[16];
  int gw = snprintf(gutter, sizeof gutter, "%d", loc.first_line);
  fprintf(out, " %s | ", gutter);
  /* Tabs print as one space so the caret line below stays aligned, and a
   * byte that is not UTF-8 as U+FFFD, so the excerpt itself is valid text. */
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = jx_utf8_decode(line + i, len - i, &cp);
    if (cp < 0)
      fputs("\xEF\xBF\xBD", out);
    else if (cp == '\t')
      fputc(' ', out);
    else
      fwrite(line + i, 1, (size_t)n, out);
    i += (size_t)n;
  }
  fputc('\n', out);

  size_t start = column_offset(line, len, loc.first_column);
  size_t end = len;
  if (loc.last_line == loc.first_line && loc.last_column > loc.first_column)
    end = column_offset(line, len, loc.last_column);
  size_t pad = jx_utf8_width(line, start);
  size_t width = end > start ? jx_utf8_width(line + start, end - start) : 0;
  if (width == 0) width = 1;
  fprintf(out, " %*s | %*s", gw, "", (int)pad, "");
  for (size_t i = 0; i < width; i++) fputc('^', out);
  fputc('\n', out);
}

void jx_diag_print(const jx_ctx *ctx, const jx_diag *d, FILE *out) {
  print_position(ctx, d->loc, out);
  fprintf(out, ": %s[%s]: %s\n", d->sev == JX_SEV_ERROR ? "error" : "warning",
          d->code, d->msg);
  print_excerpt(ctx, d->loc, out);
  for (size_t i = 0; i < d->notes.len; i++) {
    const jx_diag_note *n = d->notes.items[i];
    fputs("  note: ", out);
    print_position(ctx, n->loc, out);
    fprintf(out, ": %s\n", n->msg);
  }
  if (d->hint) fprintf(out, "  hint: %s\n", d->hint);
}

void jx_diags_print(const jx_ctx *ctx, FILE *out) {
  for (size_t i = 0; i < ctx->diags.len; i++)
    jx_diag_print(ctx, ctx->diags.items[i], out);
}

static void json_position(const jx_ctx *ctx, jx_loc loc, FILE *out) {
  fputs("\"file\":", out);
  jx_json_write_escaped(out, jx_ctx_source(ctx, loc.file)->path);
  fprintf(out, ",\"line\":%d,\"column\":%d", loc.first_line, loc.first_column);
}

void jx_diags_print_json(const jx_ctx *ctx, FILE *out) {
  for (size_t i = 0; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    fputc('{', out);
    json_position(ctx, d->loc, out);
    fprintf(out, ",\"end_line\":%d,\"end_column\":%d", d->loc.last_line,
            d->loc.last_column);
    fprintf(out, ",\"severity\":\"%s\",\"code\":\"%s\",\"message\":",
            d->sev == JX_SEV_ERROR ? "error" : "warning", d->code);
    jx_json_write_escaped(out, d->msg);
    fputs(",\"hint\":", out);
    if (d->hint)
      jx_json_write_escaped(out, d->hint);
    else
      fputs("null", out);
    fputs(",\"notes\":[", out);
    for (size_t k = 0; k < d->notes.len; k++) {
      const jx_diag_note *n = d->notes.items[k];
      fputs(k ? ",{" : "{", out);
      json_position(ctx, n->loc, out);
      fputs(",\"message\":", out);
      jx_json_write_escaped(out, n->msg);
      fputc('}', out);
    }
    fputs("]}\n", out);
  }
}
