#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "parse_state.h"
#include "parser.h"
#include "utf8.h"

/* From the flex scanner (grammar/lexer.l). */
typedef struct yy_buffer_state *YY_BUFFER_STATE;
int jx_yylex_init_extra(jx_parse_state *extra, yyscan_t *scanner);
int jx_yylex_destroy(yyscan_t scanner);
YY_BUFFER_STATE jx_yy_scan_bytes(const char *bytes, int len, yyscan_t scanner);
int jx_yyparse(yyscan_t scanner);

/* The location of byte offset `at` of a file. */
static jx_loc loc_of_offset(const jx_source *src, int file, size_t at) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; i++)
    if (src->text[i] == '\n') {
      line++;
      line_start = i + 1;
    }
  int col = 1 + (int)jx_utf8_length(src->text + line_start, at - line_start);
  return (jx_loc){file, line, col, line, col + 1};
}

/* Whether the text looks like UTF-16: a byte order mark, or NUL bytes at
 * every other position of its start (ASCII text saved as UTF-16). */
static bool looks_utf16(const char *t, size_t len) {
  if (len >= 2 && (((unsigned char)t[0] == 0xFF && (unsigned char)t[1] == 0xFE) ||
                   ((unsigned char)t[0] == 0xFE && (unsigned char)t[1] == 0xFF)))
    return true;
  size_t n = len < 64 ? len : 64, even = 0, odd = 0;
  for (size_t i = 0; i < n; i++)
    if (!t[i]) {
      if (i % 2)
        odd++;
      else
        even++;
    }
  return n >= 8 && (even >= n / 4 || odd >= n / 4);
}

/* Rejects a file that is not UTF-8 text with one error at its first bad
 * byte: a file saved in GBK or UTF-16 would otherwise produce an error on
 * every line, and a NUL byte would silently cut a text short. */
static bool check_text(jx_ctx *ctx, int file, const jx_source *src) {
  size_t bad = jx_utf8_invalid_at(src->text, src->len);
  const char *nul = memchr(src->text, '\0', bad);
  if (bad == src->len && !nul) return true;
  if (looks_utf16(src->text, src->len)) {
    /* No excerpt: the line would be shown as noise. */
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J001", jx_loc_file(file),
                           "This file is saved as UTF-16, not UTF-8.");
    jx_diag_hint(ctx, d, "Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8), or "
                         "convert it with: iconv -f UTF-16 -t UTF-8 FILE > NEW");
    return false;
  }
  if (nul) {
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J007",
                           loc_of_offset(src, file, (size_t)(nul - src->text)),
                           "This file contains a NUL byte (U+0000), which is never "
                           "part of a text.");
    jx_diag_hint(ctx, d, "The file is damaged or is not a text file; remove the NUL "
                         "byte, or save the file again as UTF-8 text.");
    return false;
  }
  jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J001", loc_of_offset(src, file, bad),
                         "This file is not valid UTF-8: byte 0x%02X cannot start "
                         "or continue a character here.",
                         (unsigned char)src->text[bad]);
  jx_diag_hint(ctx, d,
               "Save the file as UTF-8. A file from a Chinese Windows system is "
               "often GBK; convert it with: iconv -f GBK -t UTF-8 FILE > NEW");
  return false;
}

static void init_state(jx_parse_state *ps, jx_ctx *ctx, int file, const jx_source *src,
                       jx_arena *arena) {
  memset(ps, 0, sizeof *ps);
  ps->ctx = ctx;
  ps->src = src;
  ps->arena = arena;
  ps->file = file;
  ps->line = 1;
  ps->col = 1;
  ps->result = jx_arena_alloc(arena, sizeof *ps->result);
  ps->result->file = file;
  jx_keyword_index_build(&ps->keywords);
}

/* --- trivia ------------------------------------------------------------ */

/* Whether [s, end) holds nothing but spaces, tabs, CRs and ideographic
 * spaces. */
static bool only_space(const char *s, const char *end) {
  while (s < end) {
    if (*s == ' ' || *s == '\t' || *s == '\r')
      s++;
    else if (end - s >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
      s += 3;
    else
      return false;
  }
  return true;
}

/* Which lines of a file are blank: a bit per line, found in one pass over
 * the text, for the blank_before of every node and comment. */
typedef struct blank_lines {
  const unsigned char *bits;
  int nlines;
} blank_lines;

static blank_lines find_blank_lines(jx_arena *a, const jx_source *src) {
  unsigned char *bits = jx_arena_alloc(a, (size_t)src->nlines / 8 + 1);
  const char *p = src->text, *end = src->text + src->len;
  for (int line = 0; line < src->nlines; line++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    if (only_space(p, stop)) bits[line / 8] |= (unsigned char)(1u << (line % 8));
    if (!nl) break;
    p = nl + 1;
  }
  return (blank_lines){bits, src->nlines};
}

static bool line_blank(const blank_lines *b, int line) {
  if (line < 1 || line > b->nlines) return false;
  return b->bits[(line - 1) / 8] & (1u << ((line - 1) % 8));
}

static bool is_block(const jx_node *n) {
  return n->kind == JX_NODE_PROJECT || n->kind == JX_NODE_SUB_TARGET ||
         n->kind == JX_NODE_GROUP;
}

/* The first of nodes[0..n) that ends on or after line, or n. The nodes are
 * in source order, so a binary search finds it: placing every comment of a
 * file costs O(log n) each, not a scan from the start. */
static size_t first_ending_at_or_after(jx_node **nodes, size_t n, int line) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (nodes[mid]->loc.last_line < line)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Places comment c among the children of a block (or a file's items). */
static void attach(jx_arena *a, jx_node **nodes, size_t n, jx_comment *c,
                   jx_list *dangling) {
  int line = c->loc.first_line;
  for (size_t i = first_ending_at_or_after(nodes, n, line); i < n; i++) {
    jx_node *node = nodes[i];
    if (node->loc.first_line > line) {
      jx_list_push(a, &jx_trivia_make(a, node)->leading, c);
      return;
    }
    if (node->loc.last_line < line) continue;
    /* The comment is on one of this node's lines. */
    if (!is_block(node) || line == node->loc.first_line) {
      if (!jx_trivia_of(node)->trailing && (line == node->loc.last_line || is_block(node)))
        jx_trivia_make(a, node)->trailing = c;
      else
        jx_list_push(a, &jx_trivia_make(a, node)->leading, c);
      return;
    }
    if (line == node->loc.last_line) {
      jx_trivia_make(a, node)->closing = c;
      return;
    }
    jx_list *kids = jx_node_child_list(node);
    attach(a, kids ? (jx_node **)kids->items : NULL, kids ? kids->len : 0, c,
           &jx_trivia_make(a, node)->dangling);
    return;
  }
  jx_list_push(a, dangling, c);
}

static void mark_blank(jx_node *node, void *data) {
  const blank_lines *blank = data;
  int first = node->loc.first_line;
  if (jx_trivia_of(node)->leading.len) {
    jx_comment *c = jx_trivia_of(node)->leading.items[0];
    first = c->loc.first_line;
  }
  node->blank_before = line_blank(blank, first - 1);
  jx_node_children(node, mark_blank, data);
}

static void attach_trivia(jx_parse_state *ps) {
  blank_lines blank = find_blank_lines(ps->arena, ps->src);
  jx_file *f = ps->result;
  for (size_t i = 0; i < ps->comments.len; i++) {
    jx_comment *c = ps->comments.items[i];
    c->blank_before = line_blank(&blank, c->loc.first_line - 1);
    attach(ps->arena, (jx_node **)f->items.items, f->items.len, c,
           &f->dangling);
  }
  for (size_t i = 0; i < f->items.len; i++) mark_blank(f->items.items[i], &blank);
}

jx_file *jx_parse(jx_ctx *ctx, int file) { return jx_parse_in(ctx, file, ctx->arena); }

jx_file *jx_parse_in(jx_ctx *ctx, int file, jx_arena *arena) {
  return jx_parse_source(ctx, file, jx_ctx_source(ctx, file), arena);
}

jx_file *jx_parse_source(jx_ctx *ctx, int file, const jx_source *src, jx_arena *arena) {
  jx_parse_state ps;
  init_state(&ps, ctx, file, src, arena);
  if (!check_text(ctx, file, src)) return ps.result;
  yyscan_t scanner;
  if (jx_yylex_init_extra(&ps, &scanner) != 0) {
    fputs(_("jxc: out of memory\n"), stderr);
    abort();
  }
  jx_yy_scan_bytes(src->text, (int)src->len, scanner);
  jx_yyparse(scanner);
  jx_yylex_destroy(scanner);
  free(ps.buf);
  free(ps.atoms);
  /* What the parser says about a file the scanner cut short is noise. */
  if (ps.gave_up) jx_diags_forget(ctx, ps.gave_up, ctx->diags.len);
  attach_trivia(&ps);
  ps.result->comments = ps.comments;
  return ps.result;
}

void jx_dump_tokens(jx_ctx *ctx, int file, FILE *out) {
  jx_parse_state ps;
  const jx_source *src = jx_ctx_source(ctx, file);
  init_state(&ps, ctx, file, src, ctx->arena);
  if (!check_text(ctx, file, src)) return;
  yyscan_t scanner;
  if (jx_yylex_init_extra(&ps, &scanner) != 0) abort();
  jx_yy_scan_bytes(src->text, (int)src->len, scanner);
  JX_YYSTYPE val;
  JX_YYLTYPE loc;
  int tok;
  while ((tok = jx_yylex(&val, &loc, scanner)) != 0) {
    fprintf(out, "%d:%d-%d:%d\t%s", loc.first_line, loc.first_column,
            loc.last_line, loc.last_column, jx_token_name(tok));
    if (tok == STRING)
      fprintf(out, "\t%s", val.str->text);
    else if (tok == WORD || tok == NUMBER || tok == CODE || tok == DATE ||
             tok == GROUP_NAME || tok == LEVEL || tok == RULE_CODE || tok == PLACEHOLDER)
      fprintf(out, "\t%s", val.text);
    fputc('\n', out);
  }
  jx_yylex_destroy(scanner);
  free(ps.buf);
}
