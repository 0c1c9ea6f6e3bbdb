#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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
  d->msg = vformat(ctx, _(fmt), ap);
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
  d->hint = vformat(ctx, _(fmt), ap);
  va_end(ap);
}

void jx_diag_note_add(jx_ctx *ctx, jx_diag *d, jx_loc loc, const char *fmt,
                      ...) {
  jx_diag_note *n = jx_arena_alloc(ctx->arena, sizeof *n);
  n->loc = loc;
  va_list ap;
  va_start(ap, fmt);
  n->msg = vformat(ctx, _(fmt), ap);
  va_end(ap);
  jx_list_push(ctx->arena, &d->notes, n);
}

jx_diag *jx_diag_copy(jx_ctx *ctx, const jx_diag *from) {
  jx_diag *d = jx_arena_alloc(ctx->arena, sizeof *d);
  *d = *from;
  d->msg = jx_arena_strdup(ctx->arena, from->msg);
  d->hint = from->hint ? jx_arena_strdup(ctx->arena, from->hint) : NULL;
  d->notes = (jx_list){0};
  for (size_t i = 0; i < from->notes.len; i++) {
    const jx_diag_note *fn = from->notes.items[i];
    jx_diag_note *n = jx_arena_alloc(ctx->arena, sizeof *n);
    n->loc = fn->loc;
    n->msg = jx_arena_strdup(ctx->arena, fn->msg);
    jx_list_push(ctx->arena, &d->notes, n);
  }
  jx_list_push(ctx->arena, &ctx->diags, d);
  if (d->sev == JX_SEV_ERROR)
    ctx->nerrors++;
  else
    ctx->nwarnings++;
  return d;
}

jx_loc jx_loc_file(int file) { return (jx_loc){file, 0, 0, 0, 0}; }

/* How a character of user text is shown on a terminal. Control characters
 * (ESC could start a terminal escape sequence, OSC could retitle the window)
 * become their visible Unicode pictures (␛), C1 controls and bytes that are
 * not UTF-8 become U+FFFD; a tab is one space. Returns the display width. */
static int show_char(const char *s, int n, int32_t cp, FILE *out) {
  if (cp == '\t') {
    fputc(' ', out);
    return 1;
  }
  if ((cp >= 0 && cp < 0x20) || cp == 0x7F) {
    char pic[4];
    int k = jx_utf8_encode(cp == 0x7F ? 0x2421 : 0x2400 + cp, pic);
    fwrite(pic, 1, (size_t)k, out);
    return 1;
  }
  if (cp < 0 || (cp >= 0x80 && cp < 0xA0)) {
    fputs("\xEF\xBF\xBD", out);
    return 1;
  }
  fwrite(s, 1, (size_t)n, out);
  return jx_utf8_cp_width(cp);
}

static int char_width(int32_t cp) {
  if (cp < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return 1;
  return jx_utf8_cp_width(cp);
}

/* Writes user text (a message, a path) with control characters made visible. */
static void put_text(const char *s, FILE *out) {
  size_t len = strlen(s);
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = jx_utf8_decode(s + i, len - i, &cp);
    if (cp == '\t')
      fputc('\t', out);
    else
      show_char(s + i, n, cp, out);
    i += (size_t)n;
  }
}

static void print_position(const jx_ctx *ctx, jx_loc loc, FILE *out) {
  const jx_source *src = jx_ctx_source(ctx, loc.file);
  put_text(src->path, out);
  if (loc.first_line > 0) fprintf(out, ":%d:%d", loc.first_line, loc.first_column);
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

/* Display width of line[from, to), as show_char draws it. */
static size_t span_width(const char *line, size_t from, size_t to) {
  size_t w = 0;
  for (size_t i = from; i < to;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(line + i, to - i, &cp);
    w += (size_t)char_width(cp);
  }
  return w;
}

/* The byte offset `cols` display columns before (dir < 0) or after (dir > 0)
 * offset at, stopping at the line's ends. */
static size_t walk_columns(const char *line, size_t len, size_t at, size_t cols, int dir) {
  size_t w = 0;
  if (dir > 0) {
    while (at < len && w < cols) {
      int32_t cp;
      at += (size_t)jx_utf8_decode(line + at, len - at, &cp);
      w += (size_t)char_width(cp);
    }
    return at;
  }
  while (at > 0 && w < cols) {
    size_t prev = at - 1;
    while (prev > 0 && ((unsigned char)line[prev] & 0xC0) == 0x80) prev--;
    int32_t cp;
    jx_utf8_decode(line + prev, at - prev, &cp);
    w += (size_t)char_width(cp);
    at = prev;
  }
  return at;
}

/* A line up to WHOLE_LINE_COLUMNS wide is shown whole. A longer one is cut to
 * CONTEXT_COLUMNS on each side of what the excerpt underlines (itself at most
 * UNDERLINE_COLUMNS), so a finding on a very long line prints a few lines,
 * not the whole line again for every finding. */
enum { WHOLE_LINE_COLUMNS = 200, CONTEXT_COLUMNS = 60, UNDERLINE_COLUMNS = 80 };

/* ANSI colours as gcc and clang use them: the position bold, the label in
 * its colour, the underline green. Only when ctx->color is set. */
#define SGR_BOLD "\033[1m"
#define SGR_ERROR "\033[1;31m"
#define SGR_WARNING "\033[1;35m"
#define SGR_NOTE "\033[1;36m"
#define SGR_CARET "\033[1;32m"
#define SGR_RESET "\033[m"

static void paint(const jx_ctx *ctx, FILE *out, const char *sgr) {
  if (ctx->color) fputs(sgr, out);
}

static void print_excerpt(const jx_ctx *ctx, jx_loc loc, FILE *out) {
  if (loc.first_line <= 0) return;
  const jx_source *src = jx_ctx_source(ctx, loc.file);
  if (!src->text) {
    /* Released and not read again (jx_sources_restore). */
    if (src->stale)
      fputs(_("  (the file has changed since it was checked, so the line is not "
              "shown; check it again)\n"),
            out);
    return;
  }
  size_t len;
  const char *line = jx_source_line(src, loc.first_line, &len);
  size_t start = column_offset(line, len, loc.first_column);
  size_t end = len;
  if (loc.last_line == loc.first_line && loc.last_column > loc.first_column)
    end = column_offset(line, len, loc.last_column);
  if (end < start) end = start;
  if (end - start > UNDERLINE_COLUMNS && span_width(line, start, end) > UNDERLINE_COLUMNS)
    end = walk_columns(line, len, start, UNDERLINE_COLUMNS, 1);
  size_t from = 0, to = len;
  if (len > WHOLE_LINE_COLUMNS && span_width(line, 0, len) > WHOLE_LINE_COLUMNS) {
    from = walk_columns(line, len, start, CONTEXT_COLUMNS, -1);
    to = walk_columns(line, len, end, CONTEXT_COLUMNS, 1);
  }

  char gutter[16];
  int gw = snprintf(gutter, sizeof gutter, "%d", loc.first_line);
  fprintf(out, " %s | ", gutter);
  size_t pad = 0;
  if (from > 0) {
    fputs("...", out);
    pad = 3;
  }
  for (size_t i = from; i < to;) {
    int32_t cp;
    int n = jx_utf8_decode(line + i, to - i, &cp);
    size_t w = (size_t)show_char(line + i, n, cp, out);
    if (i < start) pad += w;
    i += (size_t)n;
  }
  if (to < len) fputs("...", out);
  fputc('\n', out);

  size_t width = span_width(line, start, end);
  if (width == 0) width = 1;
  fprintf(out, " %*s | %*s", gw, "", (int)pad, "");
  paint(ctx, out, SGR_CARET);
  for (size_t i = 0; i < width; i++) fputc('^', out);
  paint(ctx, out, SGR_RESET);
  fputc('\n', out);
}

void jx_diag_print(const jx_ctx *ctx, const jx_diag *d, FILE *out) {
  paint(ctx, out, SGR_BOLD);
  print_position(ctx, d->loc, out);
  fputs(": ", out);
  paint(ctx, out, d->sev == JX_SEV_ERROR ? SGR_ERROR : SGR_WARNING);
  /* TRANSLATORS: the labels of a diagnostic line, "FILE:LINE:COL: error[J010]: …". */
  fprintf(out, "%s[%s]:", d->sev == JX_SEV_ERROR ? _("error") : _("warning"), d->code);
  paint(ctx, out, SGR_RESET);
  paint(ctx, out, SGR_BOLD);
  fputc(' ', out);
  put_text(d->msg, out);
  paint(ctx, out, SGR_RESET);
  fputc('\n', out);
  print_excerpt(ctx, d->loc, out);
  for (size_t i = 0; i < d->notes.len; i++) {
    const jx_diag_note *n = d->notes.items[i];
    fputs("  ", out);
    paint(ctx, out, SGR_NOTE);
    fprintf(out, "%s:", _("note"));
    paint(ctx, out, SGR_RESET);
    fputc(' ', out);
    print_position(ctx, n->loc, out);
    fputs(": ", out);
    put_text(n->msg, out);
    fputc('\n', out);
  }
  if (d->hint) {
    fputs("  ", out);
    paint(ctx, out, SGR_CARET);
    fprintf(out, "%s:", _("hint"));
    paint(ctx, out, SGR_RESET);
    fputc(' ', out);
    put_text(d->hint, out);
    fputc('\n', out);
  }
}

void jx_diags_print(const jx_ctx *ctx, FILE *out) {
  jx_diags_print_some(ctx, out, 0);
}

void jx_diags_print_some(const jx_ctx *ctx, FILE *out, size_t max) {
  size_t shown = ctx->diags.len;
  if (max && shown > max) shown = max;
  for (size_t i = 0; i < shown; i++) jx_diag_print(ctx, ctx->diags.items[i], out);
  if (shown == ctx->diags.len) return;
  size_t errors = 0, warnings = 0;
  for (size_t i = shown; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    if (d->sev == JX_SEV_ERROR)
      errors++;
    else
      warnings++;
  }
  /* One sentence for each case, so that each reads whole in translation. */
  if (errors && warnings)
    fprintf(out, P_("jxc: %zu more error and %s not shown (--max-errors=%zu); "
                    "--max-errors=0 shows them all.\n",
                    "jxc: %zu more errors and %s not shown (--max-errors=%zu); "
                    "--max-errors=0 shows them all.\n", errors),
            errors,
            jx_arena_printf(ctx->arena, P_("%zu more warning", "%zu more warnings", warnings),
                            warnings),
            max);
  else
    fprintf(out, errors ? P_("jxc: %zu more error not shown (--max-errors=%zu); "
                             "--max-errors=0 shows them all.\n",
                             "jxc: %zu more errors not shown (--max-errors=%zu); "
                             "--max-errors=0 shows them all.\n", errors)
                        : P_("jxc: %zu more warning not shown (--max-errors=%zu); "
                             "--max-errors=0 shows them all.\n",
                             "jxc: %zu more warnings not shown (--max-errors=%zu); "
                             "--max-errors=0 shows them all.\n", warnings),
            errors ? errors : warnings, max);
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

void jx_diags_forget(jx_ctx *ctx, size_t from, size_t to) {
  if (to > ctx->diags.len) to = ctx->diags.len;
  if (from >= to) return;
  for (size_t i = from; i < to; i++) {
    const jx_diag *d = ctx->diags.items[i];
    if (d->sev == JX_SEV_ERROR)
      ctx->nerrors--;
    else
      ctx->nwarnings--;
  }
  memmove(ctx->diags.items + from, ctx->diags.items + to,
          (ctx->diags.len - to) * sizeof *ctx->diags.items);
  ctx->diags.len -= to - from;
}
