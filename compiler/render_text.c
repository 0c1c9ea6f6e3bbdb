/* --format=text: the document for a terminal. Every line fits the width in
 * display columns (a CJK character takes two), so paragraphs and table cells
 * are wrapped here by display width, never by bytes: a break falls between
 * characters, at a space, or between CJK characters, and never splits a
 * UTF-8 sequence. Tables are drawn with ASCII (+ - |) so they survive any
 * terminal, code page or pager.
 *
 * A project's form is a stack of blocks, each a grid with its own columns
 * but the same total width, as in the printed form (项目编码 | … | 项目名称 |
 * … above 预算数 | … | 财政资金 | …). Within a block a cell may continue the
 * cell above (the merged 一级/二级指标 cells): no rule is drawn between them
 * and the text flows on down the span. */
#include <limits.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

/* The summary's seven columns need 36 columns to show one CJK character
 * each; a smaller width than MIN_WIDTH is taken as MIN_WIDTH. */
enum { MIN_WIDTH = 40, DEFAULT_WIDTH = 100, MAX_COLS = 13 };

typedef struct text {
  jx_ctx *ctx;
  FILE *out;
  int width;
  bool started; /* something was printed: the next part needs a blank line */
  bool wide;    /* East Asian ambiguous characters (≥ ≤ “ ”) take two columns */
  const jx_breaks *breaks;
  /* The runs each text keeps on a line (breaks.h), found once per text and
   * looked up by its address: fit() wraps the same cells many times. */
  const char **keys;
  jx_keep **runs;
  size_t *nruns;
  size_t cap, len;
} text;

/* The runs of s (NUL-terminated) that stay on one line; *n their number. */
static const jx_keep *kept(text *t, const char *s, size_t *n) {
  uintptr_t h = (uintptr_t)s * 11400714819323198485u;
  if (2 * (t->len + 1) > t->cap) {
    text old = *t;
    t->cap = old.cap ? 2 * old.cap : 256;
    t->keys = jx_arena_alloc(t->ctx->arena, t->cap * sizeof *t->keys);
    t->runs = jx_arena_alloc(t->ctx->arena, t->cap * sizeof *t->runs);
    t->nruns = jx_arena_alloc(t->ctx->arena, t->cap * sizeof *t->nruns);
    for (size_t i = 0; i < old.cap; i++) {
      if (!old.keys[i]) continue;
      size_t k = ((uintptr_t)old.keys[i] * 11400714819323198485u >> 20) & (t->cap - 1);
      while (t->keys[k]) k = (k + 1) & (t->cap - 1);
      t->keys[k] = old.keys[i];
      t->runs[k] = old.runs[i];
      t->nruns[k] = old.nruns[i];
    }
  }
  size_t k = (h >> 20) & (t->cap - 1);
  while (t->keys[k] && t->keys[k] != s) k = (k + 1) & (t->cap - 1);
  if (!t->keys[k]) {
    t->keys[k] = s;
    t->runs[k] = t->breaks ? jx_breaks_find(t->breaks, t->ctx->arena, s, strlen(s), &t->nruns[k])
                           : NULL;
    t->len++;
  }
  *n = t->nruns[k];
  return t->runs[k];
}

static int str_width(const text *t, const char *s, size_t n);

/* Which runs keep a line from breaking inside them: all (numbers and
 * terms), or numbers only (a column too narrow for its terms). */
typedef enum { KEEP_ALL, KEEP_NUMBERS } keep_mode;

/* Whether a line of at most width columns may not break at byte i of s,
 * because i lies inside one of its kept runs that fits the width (a longer
 * run breaks where it must, like any text). *k is a cursor into the runs
 * that only moves forward as i grows. */
static bool inside(const text *t, const char *s, const jx_keep *runs, size_t n, size_t *k,
                   size_t i, int width, keep_mode mode) {
  while (*k < n && runs[*k].end <= i) (*k)++;
  if (*k == n || runs[*k].start >= i || (mode == KEEP_NUMBERS && !runs[*k].number)) return false;
  return str_width(t, s + runs[*k].start, runs[*k].end - runs[*k].start) <= width;
}

/* Control characters would move the cursor: they are printed as spaces, so
 * they count one column. */
static bool is_control(int32_t cp) { return cp >= 0 && (cp < 0x20 || cp == 0x7f); }

/* The columns a terminal gives cp: two for a wide (CJK) character, and for
 * an ambiguous one (≥ ≤) when it draws those wide (--ambiguous=wide, or
 * what the terminal said it does). */
static int cp_width(const text *t, int32_t cp) {
  if (is_control(cp)) return 1;
  int w = jx_utf8_cp_width(cp);
  return w == 1 && t->wide && jx_utf8_is_ambiguous(cp) ? 2 : w;
}

/* A character of the CJK scripts, between which lines may break: wide
 * whatever the terminal does with ambiguous ones. */
static bool is_wide(int32_t cp) { return jx_utf8_cp_width(cp) == 2; }

static int str_width(const text *t, const char *s, size_t n) {
  int w = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, n - i, &cp);
    w += cp_width(t, cp);
  }
  return w;
}

static void put(text *t, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    fputc((unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i], t->out);
}

static void spaces(text *t, int n) {
  for (int i = 0; i < n; i++) fputc(' ', t->out);
}

static void repeat(text *t, int c, int n) {
  for (int i = 0; i < n; i++) fputc(c, t->out);
}

/* ---- wrapping ---- */

typedef struct line {
  const char *s;
  size_t n;
  int width;
} line;

/* Whether a line may end after a and the next start with b: at a space
 * (dropped by wrap), or next to a wide character; not inside a word such as
 * "≥7000" or a code. */
static bool may_break(int32_t a, int32_t b) {
  if (a == ' ' || b == ' ') return true;
  if (jx_breaks_no_line_start(b) || jx_breaks_no_line_end(a)) return false;
  return is_wide(a) || is_wide(b);
}

/* One line of s from pos: sets *end (trailing spaces dropped) and *w, and
 * returns where the next line starts. Broken at a line break, else at the
 * last place a break is allowed (never inside a number with its unit or a
 * term: breaks.h), else (a word or run longer than the line) after the
 * last character that fits; spaces at a wrap are dropped. */
static size_t next_line(text *t, const char *s, size_t len, size_t pos, int width,
                        size_t *end, int *w) {
  size_t nruns, k = 0;
  const jx_keep *runs = kept(t, s, &nruns);
  size_t i = pos, brk = pos;
  int used = 0, used_brk = 0;
  int32_t prev = -1;
  bool soft = false;
  while (i < len && s[i] != '\n' && s[i] != '\r') {
    int32_t cp;
    int n = jx_utf8_decode(s + i, len - i, &cp);
    int cw = cp_width(t, cp);
    if (i > pos && may_break(prev, cp) && !inside(t, s, runs, nruns, &k, i, width, KEEP_ALL)) {
      brk = i;
      used_brk = used;
    }
    /* The first character of a line always goes on it, so no loop. */
    if (i > pos && used + cw > width) {
      soft = true;
      break;
    }
    used += cw;
    prev = cp;
    i += (size_t)n;
  }
  size_t next = i;
  if (soft && brk > pos) {
    i = next = brk;
    used = used_brk;
  } else if (!soft && i < len) {
    next = i + (s[i] == '\r' && s[i + 1] == '\n' ? 2 : 1);
  }
  while (i > pos && s[i - 1] == ' ') {
    i--;
    used--;
  }
  if (soft)
    while (next < len && s[next] == ' ') next++;
  *end = i;
  *w = used;
  return next;
}

/* The code point that ends the n bytes at s, and where it starts. */
static int32_t last_cp(const char *s, size_t n, size_t *at) {
  size_t i = n;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0) i--;
  int32_t cp;
  jx_utf8_decode(s + i, n - i, &cp);
  *at = i;
  return cp;
}

/* A CJK character left alone on the last line ("单位编"/"码") takes the one
 * before it along ("单位"/"编码"), where a break is allowed there and the
 * line before keeps two characters ("指标"/"值" stays). */
static void no_orphan(text *t, const char *s, jx_list *lines, int width) {
  if (lines->len < 2 || width < 4) return;
  line *prev = lines->items[lines->len - 2], *last = lines->items[lines->len - 1];
  size_t at, before;
  if (prev->s + prev->n != last->s || jx_utf8_length(last->s, last->n) != 1 ||
      jx_utf8_length(prev->s, prev->n) < 3 ||
      !is_wide(last_cp(last->s, last->n, &at)))
    return;
  int32_t moved = last_cp(prev->s, prev->n, &at);
  size_t nruns, k = 0;
  const jx_keep *runs = kept(t, s, &nruns);
  if (at == 0 || !is_wide(moved) || !may_break(last_cp(prev->s, at, &before), moved) ||
      inside(t, s, runs, nruns, &k, (size_t)(prev->s + at - s), width, KEEP_ALL))
    return;
  last->s = prev->s + at;
  last->n += prev->n - at;
  last->width += 2;
  prev->n = at;
  prev->width -= 2;
}

/* The lines of s in at most width columns; an empty text is one empty line. */
static jx_list wrap(text *t, const char *s, int width) {
  jx_list out = {0};
  size_t len = strlen(s), pos = 0;
  do {
    size_t end;
    int w;
    size_t next = next_line(t, s, len, pos, width, &end, &w);
    line *ln = jx_arena_alloc(t->ctx->arena, sizeof *ln);
    *ln = (line){s + pos, end - pos, w};
    jx_list_push(t->ctx->arena, &out, ln);
    pos = next;
  } while (pos < len);
  no_orphan(t, s, &out, width);
  return out;
}

static int count_lines(text *t, const char *s, int width) {
  size_t len = strlen(s), pos = 0, end;
  int n = 0, w;
  do {
    pos = next_line(t, s, len, pos, width, &end, &w);
    n++;
  } while (pos < len);
  return n;
}

/* The widest line of s when nothing but its own line breaks wrap it. */
static int natural_width(text *t, const char *s) {
  size_t len = strlen(s), pos = 0, end;
  int widest = 0, w;
  do {
    pos = next_line(t, s, len, pos, INT_MAX, &end, &w);
    if (w > widest) widest = w;
  } while (pos < len);
  return widest;
}

/* The widest piece of s that no break is allowed in ("13080025P00010310003N",
 * "1371.36", "≤2000元/人/年", and with KEEP_ALL "指标值确定依据"): narrower,
 * the piece would be cut. */
static int longest_word(text *t, const char *s, keep_mode mode) {
  size_t len = strlen(s), nruns, k = 0;
  const jx_keep *runs = kept(t, s, &nruns);
  int widest = 0, w = 0;
  int32_t prev = '\n';
  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t at = i;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
    if (cp == '\n' || cp == '\r' || prev == '\n' || prev == '\r' ||
        (may_break(prev, cp) && !inside(t, s, runs, nruns, &k, at, INT_MAX, mode)))
      w = 0;
    if (cp != ' ' && cp != '\n' && cp != '\r') w += cp_width(t, cp);
    if (w > widest) widest = w;
    prev = cp;
  }
  return widest;
}

/* ---- free text ---- */

static void gap(text *t) {
  if (t->started) fputc('\n', t->out);
  t->started = true;
}

/* indent < 0 centres each line; otherwise lines start after indent spaces
 * (only used to right-align a line of known width). */
static void lines_out(text *t, const char *s, int indent) {
  jx_list l = wrap(t, s, t->width);
  for (size_t i = 0; i < l.len; i++) {
    const line *ln = l.items[i];
    spaces(t, indent < 0 ? (t->width - ln->width) / 2 : indent);
    put(t, ln->s, ln->n);
    fputc('\n', t->out);
  }
}

static void paragraph(text *t, const char *s) {
  gap(t);
  lines_out(t, s, 0);
}

/* ---- tables ---- */

typedef struct trow {
  const char *cell[MAX_COLS];
  bool merged[MAX_COLS]; /* continues the cell above: blank, no rule between */
} trow;

typedef struct tblock {
  int ncols;
  int width[MAX_COLS]; /* text columns, without padding and rules */
  bool flex[MAX_COLS]; /* takes a share of width to spare */
  bool right[MAX_COLS];
  bool fixed[MAX_COLS]; /* keeps its width while others can give way */
  jx_list rows; /* trow * */
  /* set by layout(), indexed [row * ncols + column] */
  int *height;    /* per row */
  jx_list *lines; /* wrapped text of the first cell of each span */
  int *owner;     /* the row that starts the cell's span */
  int *first;     /* the span's first line shown in this row */
} tblock;

static tblock *block_new(text *t, int ncols) {
  tblock *b = jx_arena_alloc(t->ctx->arena, sizeof *b);
  b->ncols = ncols;
  return b;
}

static trow *block_row(text *t, tblock *b) {
  trow *r = jx_arena_alloc(t->ctx->arena, sizeof *r);
  for (int c = 0; c < MAX_COLS; c++) r->cell[c] = "";
  jx_list_push(t->ctx->arena, &b->rows, r);
  return r;
}

static int block_total(const tblock *b) {
  int w = 1;
  for (int c = 0; c < b->ncols; c++) w += b->width[c] + 3; /* "| " text " " */
  return w;
}

/* Each column as wide as its widest line. */
static void measure(text *t, tblock *b) {
  for (int c = 0; c < b->ncols; c++) {
    b->width[c] = 0;
    for (size_t r = 0; r < b->rows.len; r++) {
      const trow *row = b->rows.items[r];
      int w = row->merged[c] ? 0 : natural_width(t, row->cell[c]);
      if (w > b->width[c]) b->width[c] = w;
    }
  }
}

static bool starts_span(const tblock *b, size_t r, int c) {
  return r == 0 || !((const trow *)b->rows.items[r])->merged[c];
}

/* The last row of the span that starts at row r in column c. */
static size_t span_end(const tblock *b, size_t r, int c) {
  while (r + 1 < b->rows.len && !starts_span(b, r + 1, c)) r++;
  return r;
}

/* Row heights from the line count of each span's first cell (count, indexed
 * [row * ncols + column]): a row is as tall as its tallest one-row cell; a
 * merged cell's text runs on through the rows (and the rules between them)
 * it spans, and only what does not fit there makes the span's last row
 * taller. Returns the sum of the heights. */
static int heights(const tblock *b, const int *count, int *height) {
  size_t nr = b->rows.len, nc = (size_t)b->ncols;
  for (size_t r = 0; r < nr; r++) {
    height[r] = 1;
    for (int c = 0; c < b->ncols; c++)
      if (starts_span(b, r, c) && span_end(b, r, c) == r && count[r * nc + (size_t)c] > height[r])
        height[r] = count[r * nc + (size_t)c];
  }
  int total = 0;
  for (size_t r = 0; r < nr; r++) {
    for (int c = 0; c < b->ncols; c++) {
      size_t end = span_end(b, r, c);
      if (!starts_span(b, r, c) || end == r) continue;
      int room = (int)(end - r);
      for (size_t i = r; i <= end; i++) room += height[i];
      if (count[r * nc + (size_t)c] > room) height[end] += count[r * nc + (size_t)c] - room;
    }
    total += height[r];
  }
  return total;
}

/* The line count of every span's first cell in column c at its width. */
static void count_column(text *t, const tblock *b, int c, int width, int *count) {
  for (size_t r = 0; r < b->rows.len; r++)
    if (starts_span(b, r, c))
      count[r * (size_t)b->ncols + (size_t)c] =
          count_lines(t, ((const trow *)b->rows.items[r])->cell[c], width);
}

/* The column fit() narrows next: the one that makes the block least taller,
 * the widest of those; none narrower than its floor, and no fixed one
 * unless fixed_too. -1 when every column is at its floor. */
static int cheapest(text *t, const tblock *b, const int *count, int *trial, int *height,
                    const int *floor, bool fixed_too) {
  size_t n = b->rows.len * (size_t)b->ncols;
  int base = heights(b, count, height), best = -1, best_cost = 0;
  for (int c = 0; c < b->ncols; c++) {
    if ((b->fixed[c] && !fixed_too) || b->width[c] <= floor[c]) continue;
    memcpy(trial, count, n * sizeof *trial);
    count_column(t, b, c, b->width[c] - 1, trial);
    int cost = heights(b, trial, height) - base;
    if (best < 0 || cost < best_cost || (cost == best_cost && b->width[c] > b->width[best])) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

/* How narrow fit() makes a column before it runs out of better choices:
 * two CJK characters, and no code or number cut in two (nor, with KEEP_ALL,
 * a term). */
static void floors(text *t, const tblock *b, int *floor, keep_mode mode) {
  for (int c = 0; c < b->ncols; c++) {
    floor[c] = 4;
    for (size_t r = 0; r < b->rows.len; r++) {
      int w = starts_span(b, r, c) ? longest_word(t, ((const trow *)b->rows.items[r])->cell[c], mode) : 0;
      if (w > floor[c]) floor[c] = w;
    }
  }
}

/* Makes the block exactly total columns wide. While it is too wide, a
 * column gives up one column at a time: the one whose text then needs the
 * fewest extra lines (the widest of those), as long as no word, number or
 * term is cut and the labels keep their width; then as long as no word or
 * number is cut; then (narrow terminals) any column, down to one CJK
 * character. Width to spare goes to the flexible columns. */
static void fit(text *t, tblock *b, int total) {
  size_t n = b->rows.len * (size_t)b->ncols + 1;
  jx_arena *a = t->ctx->arena;
  int *count = jx_arena_alloc(a, n * sizeof *count), *trial = jx_arena_alloc(a, n * sizeof *trial);
  int *height = jx_arena_alloc(a, (b->rows.len + 1) * sizeof *height);
  int floor[MAX_COLS], numbers[MAX_COLS], last[MAX_COLS];
  floors(t, b, floor, KEEP_ALL);
  floors(t, b, numbers, KEEP_NUMBERS);
  for (int c = 0; c < b->ncols; c++) {
    last[c] = 2;
    count_column(t, b, c, b->width[c], count);
  }
  int sum = block_total(b);
  while (sum > total) {
    int c = cheapest(t, b, count, trial, height, floor, false);
    if (c < 0) c = cheapest(t, b, count, trial, height, numbers, false);
    if (c < 0) c = cheapest(t, b, count, trial, height, last, true);
    if (c < 0) break; /* below MIN_WIDTH only */
    b->width[c]--;
    count_column(t, b, c, b->width[c], count);
    sum--;
  }
  int nflex = 0;
  for (int c = 0; c < b->ncols; c++) nflex += b->flex[c];
  int spare = total - sum;
  if (spare <= 0) return;
  if (!nflex) {
    b->width[b->ncols - 1] += spare;
    return;
  }
  for (int c = 0, k = 0; c < b->ncols; c++) {
    if (!b->flex[c]) continue;
    b->width[c] += spare / nflex + (k < spare % nflex);
    k++;
  }
}

/* Wraps every cell to its column and sets the row heights and where each
 * row's part of a merged cell's text begins. */
static void layout(text *t, tblock *b) {
  size_t nr = b->rows.len, nc = (size_t)b->ncols;
  jx_arena *a = t->ctx->arena;
  int *count = jx_arena_alloc(a, (nr * nc + 1) * sizeof *count);
  b->height = jx_arena_alloc(a, (nr + 1) * sizeof *b->height);
  b->lines = jx_arena_alloc(a, (nr * nc + 1) * sizeof *b->lines);
  b->owner = jx_arena_alloc(a, (nr * nc + 1) * sizeof *b->owner);
  b->first = jx_arena_alloc(a, (nr * nc + 1) * sizeof *b->first);
  for (size_t r = 0; r < nr; r++)
    for (int c = 0; c < b->ncols; c++) {
      size_t k = r * nc + (size_t)c;
      if (!starts_span(b, r, c)) {
        b->owner[k] = b->owner[k - nc];
        continue;
      }
      b->owner[k] = (int)r;
      b->lines[k] = wrap(t, ((const trow *)b->rows.items[r])->cell[c], b->width[c]);
      count[k] = (int)b->lines[k].len;
    }
  heights(b, count, b->height);
  for (size_t r = 0; r < nr; r++)
    for (int c = 0; c < b->ncols; c++) {
      size_t k = r * nc + (size_t)c;
      b->first[k] = b->owner[k] == (int)r ? 0 : b->first[k - nc] + b->height[r - 1] + 1;
    }
}

/* Line i of the span that covers row r in column c, padded to the column. */
static void cell_line(text *t, const tblock *b, size_t r, int c, int i) {
  size_t k = r * (size_t)b->ncols + (size_t)c;
  const jx_list *l = &b->lines[(size_t)b->owner[k] * (size_t)b->ncols + (size_t)c];
  const line *ln = i >= 0 && (size_t)i < l->len ? l->items[i] : NULL;
  int w = ln ? ln->width : 0;
  fputc(' ', t->out);
  if (b->right[c]) spaces(t, b->width[c] - w);
  if (ln) put(t, ln->s, ln->n);
  if (!b->right[c]) spaces(t, b->width[c] - w);
  fputc(' ', t->out);
}

static void print_row(text *t, const tblock *b, size_t r) {
  size_t base = r * (size_t)b->ncols;
  for (int i = 0; i < b->height[r]; i++) {
    fputc('|', t->out);
    for (int c = 0; c < b->ncols; c++) {
      cell_line(t, b, r, c, b->first[base + (size_t)c] + i);
      fputc('|', t->out);
    }
    fputc('\n', t->out);
  }
}

/* The rule above row r (r > 0) of a block: dashes, except across a merged
 * cell, where the cell's text goes on. */
static void inner_rule(text *t, const tblock *b, size_t r) {
  const trow *row = b->rows.items[r];
  size_t base = r * (size_t)b->ncols;
  for (int c = 0; c < b->ncols; c++) {
    bool left = c > 0 && !row->merged[c - 1];
    fputc(left || !row->merged[c] ? '+' : '|', t->out);
    if (row->merged[c])
      cell_line(t, b, r, c, b->first[base + (size_t)c] - 1);
    else
      repeat(t, '-', b->width[c] + 2);
  }
  fputs(row->merged[b->ncols - 1] ? "|\n" : "+\n", t->out);
}

/* A rule between two blocks (or above the first, below the last: NULL),
 * with a + wherever a column of either ends. */
static void outer_rule(text *t, const tblock *above, const tblock *below) {
  const tblock *any = below ? below : above;
  int total = block_total(any);
  char *s = jx_arena_alloc(t->ctx->arena, (size_t)total + 1);
  memset(s, '-', (size_t)total);
  const tblock *both[] = {above, below};
  for (int i = 0; i < 2; i++) {
    if (!both[i]) continue;
    int x = 0;
    s[x] = '+';
    for (int c = 0; c < both[i]->ncols; c++) {
      x += both[i]->width[c] + 3;
      if (x < total) s[x] = '+';
    }
  }
  s[total - 1] = '+';
  fputs(s, t->out);
  fputc('\n', t->out);
}

/* Blocks of one total width, stacked into one table. */
static void table(text *t, const jx_list *blocks) {
  const tblock *prev = NULL;
  for (size_t i = 0; i < blocks->len; i++) {
    tblock *b = blocks->items[i];
    layout(t, b);
    outer_rule(t, prev, b);
    for (size_t r = 0; r < b->rows.len; r++) {
      if (r) inner_rule(t, b, r);
      print_row(t, b, r);
    }
    prev = b;
  }
  if (prev) outer_rule(t, prev, NULL);
}

/* "单位：万元" flush with the right edge of a table of that width. */
static void money_unit(text *t, const jx_tables *r, int total) {
  const char *s = jx_arena_printf(t->ctx->arena, "单位：%s", r->money_unit);
  int w = str_width(t, s, strlen(s));
  gap(t);
  lines_out(t, s, total > w ? total - w : 0);
}

/* ---- the document ---- */

static void set(trow *row, int n, const char *const *cells) {
  for (int c = 0; c < n; c++) row->cell[c] = cells[c];
}

/* The columns of a project's indicator tables after the level and name
 * columns: 年度 and 长期 values side by side when a row has a 长期 value, the
 * 绩效标准 column when a row has a 标准. A column needs five display columns
 * at least (one CJK character, padding, a rule), so when the line cannot
 * hold them all (eight columns in 40), the standard goes into the basis
 * cell, above the basis. */
typedef struct value_cols {
  bool long_term, standard, joined; /* joined: 绩效标准 in the basis column */
} value_cols;

static value_cols value_columns(const text *t, const jx_report_project *p, int before) {
  value_cols v = {p->has_long_term, p->has_standard, false};
  int n = before + 2 + v.long_term + v.standard;
  if (v.standard && 1 + 5 * n > t->width) {
    v.standard = false;
    v.joined = true;
  }
  return v;
}

static int value_heads(value_cols v, const char **head) {
  int n = 0;
  head[n++] = v.long_term ? "年度指标值" : "指标值";
  if (v.long_term) head[n++] = "长期指标值";
  if (v.standard) head[n++] = "绩效标准";
  head[n++] = v.joined ? "绩效标准 指标值确定依据" : "指标值确定依据";
  return n;
}

static int value_cells(text *t, value_cols v, const jx_report_row *rr, const char **cell) {
  int n = 0;
  cell[n++] = rr->value;
  if (v.long_term) cell[n++] = rr->long_term;
  if (v.standard) cell[n++] = rr->standard;
  cell[n++] = v.joined && *rr->standard
                  ? jx_arena_printf(t->ctx->arena, "%s%s%s", rr->standard, *rr->basis ? "\n" : "",
                                    rr->basis)
                  : rr->basis;
  return n;
}

/* The table of indicators with levels: 一级 | 二级 | 三级 | 描述 | values. */
static tblock *indicator_block(text *t, const jx_report_project *p) {
  const char *head[MAX_COLS] = {"一级指标", "二级指标", "三级指标", "绩效指标描述"};
  value_cols v = value_columns(t, p, 4);
  int n = 4 + value_heads(v, head + 4);
  tblock *b = block_new(t, n);
  set(block_row(t, b), n, head);
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (rr->flat) continue;
    trow *row = block_row(t, b);
    const char *cells[MAX_COLS] = {rr->level1, rr->level2, rr->name, rr->description};
    value_cells(t, v, rr, cells + 4);
    set(row, n, cells);
    row->merged[0] = rr->level1_span == 0;
    row->merged[1] = rr->level2_span == 0;
  }
  measure(t, b);
  b->flex[2] = b->flex[3] = b->flex[n - 1] = true;
  return b;
}

/* A flat table (绩效指标 { 指标 … }), as the forms without levels print it:
 * its title down the first column, then 指标名称, 描述 (when a row has one)
 * and the values. */
static tblock *flat_block(text *t, const jx_report_project *p) {
  const char *head[MAX_COLS] = {"", "指标名称"};
  int n = 2;
  if (p->flat_description) head[n++] = "绩效指标描述";
  value_cols v = value_columns(t, p, n);
  n += value_heads(v, head + n);
  tblock *b = block_new(t, n);
  trow *top = block_row(t, b);
  set(top, n, head);
  bool first = true;
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (!rr->flat) continue;
    if (first) top->cell[0] = rr->level1;
    trow *row = block_row(t, b);
    const char *cells[MAX_COLS] = {rr->level1, rr->name};
    int k = 2;
    if (p->flat_description) cells[k++] = rr->description;
    value_cells(t, v, rr, cells + k);
    set(row, n, cells);
    row->merged[0] = first || rr->level1_span == 0;
    first = false;
  }
  measure(t, b);
  b->flex[1] = b->flex[n - 1] = true;
  if (p->flat_description) b->flex[2] = true;
  return b;
}

/* The spending plan: a header row of months and a row of percentages, in
 * as many pairs of rows as the months need at this width, every month
 * column as wide as the others; the label cell spans them all. */
static tblock *plan_block(text *t, const jx_report_project *p, int label, int total) {
  const char **head = jx_arena_alloc(t->ctx->arena, (size_t)p->nmonths * sizeof *head + 1);
  int widest = 1;
  for (int m = 0; m < p->nmonths; m++) {
    head[m] = jx_arena_printf(t->ctx->arena, "%d月底", p->months[m]);
    int w = natural_width(t, head[m]), v = natural_width(t, p->plan[m]);
    if (w > widest) widest = w;
    if (v > widest) widest = v;
  }
  int per = (total - 1 - (label + 3)) / (widest + 3);
  if (per < 1) per = 1;
  if (per > p->nmonths) per = p->nmonths;
  tblock *b = block_new(t, 1 + per);
  for (int start = 0; start < p->nmonths; start += per) {
    trow *months = block_row(t, b), *plan = block_row(t, b);
    months->cell[0] = "资金支出计划（%）";
    months->merged[0] = start > 0;
    plan->merged[0] = true;
    for (int k = 0; k < per && start + k < p->nmonths; k++) {
      months->cell[1 + k] = head[start + k];
      plan->cell[1 + k] = p->plan[start + k];
    }
  }
  measure(t, b);
  b->width[0] = label;
  b->fixed[0] = true;
  /* The months equally wide (to a column, where the line's width does not
   * divide evenly). */
  for (int c = 1; c <= per; c++) {
    b->width[c] = widest;
    b->flex[c] = true;
  }
  return b;
}

/* A row of labels and values: label, value, label, value … */
static tblock *fields_block(text *t, int n, const char *const *cells) {
  tblock *b = block_new(t, n);
  set(block_row(t, b), n, cells);
  measure(t, b);
  for (int c = 1; c < n; c += 2) b->flex[c] = true;
  return b;
}

/* Label | text rows, two fields a row (label | text | label | text); an odd
 * last field gets a block of its own, its text as wide as the line. */
static void pairs_blocks(text *t, const jx_list *fields, jx_list *blocks) {
  if (fields->len >= 2) {
    tblock *b = block_new(t, 4);
    for (size_t i = 0; i + 1 < fields->len; i += 2) {
      const jx_report_field *f = fields->items[i], *g = fields->items[i + 1];
      const char *cells[] = {f->label, f->text, g->label, g->text};
      set(block_row(t, b), 4, cells);
    }
    measure(t, b);
    b->flex[1] = b->flex[3] = true;
    jx_list_push(t->ctx->arena, blocks, b);
  }
  if (fields->len % 2) {
    const jx_report_field *f = fields->items[fields->len - 1];
    const char *cells[] = {f->label, f->text};
    jx_list_push(t->ctx->arena, blocks, fields_block(t, 2, cells));
  }
}

/* Label | text, one field a row. */
static void rows_blocks(text *t, const jx_list *fields, jx_list *blocks) {
  for (size_t i = 0; i < fields->len; i++) {
    const jx_report_field *f = fields->items[i];
    const char *cells[] = {f->label, f->text};
    jx_list_push(t->ctx->arena, blocks, fields_block(t, 2, cells));
  }
}

/* The funding table (项目资金): a line per source, nested ones indented,
 * a column per budget the project states. */
static tblock *funding_block(text *t, const jx_report_project *p) {
  static const char *const heads[JX_REPORT_NBUDGETS] = {"资金总额", "中期预算", "年度预算"};
  int cols[JX_REPORT_NBUDGETS], n = 2;
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++)
    if (p->budgets[i]) cols[n++ - 2] = i;
  tblock *b = block_new(t, n);
  trow *top = block_row(t, b);
  top->cell[0] = "项目资金";
  top->cell[1] = "资金来源";
  for (int c = 2; c < n; c++) top->cell[c] = heads[cols[c - 2]];
  for (size_t i = 0; i < p->sources.len; i++) {
    const jx_report_source *s = p->sources.items[i];
    trow *row = block_row(t, b);
    row->merged[0] = true;
    row->cell[1] = s->label;
    for (int c = 2; c < n; c++) row->cell[c] = s->cell[cols[c - 2]];
  }
  measure(t, b);
  b->flex[1] = true;
  for (int c = 2; c < n; c++) b->right[c] = true;
  return b;
}

/* 实施进度: stage, when, description. */
static tblock *schedule_block(text *t, const jx_report_project *p) {
  tblock *b = block_new(t, 4);
  const char *head[] = {"实施进度", "阶段", "时间", "描述"};
  set(block_row(t, b), 4, head);
  for (size_t i = 0; i < p->stages.len; i++) {
    const jx_report_stage *s = p->stages.items[i];
    trow *row = block_row(t, b);
    const char *cells[] = {"", s->name, s->when, s->description};
    set(row, 4, cells);
    row->merged[0] = true;
  }
  measure(t, b);
  b->flex[1] = b->flex[3] = true;
  return b;
}

static void project(text *t, const jx_tables *r, const jx_report_project *p) {
  jx_arena *a = t->ctx->arena;
  paragraph(t, jx_arena_printf(a, "%d. %s绩效目标表", p->number, p->name));
  /* The blocks in the form's order; the one the labels' width comes from. */
  jx_list blocks = {0};
  const char *ids[] = {"项目编码", p->code, "项目名称", p->name};
  jx_list_push(a, &blocks, *p->code ? fields_block(t, 4, ids) : fields_block(t, 2, ids + 2));
  pairs_blocks(t, &p->info, &blocks);
  rows_blocks(t, &p->texts, &blocks);
  const char *money[] = {"预算数", p->budget, "财政资金", p->fiscal, "其他资金", p->other};
  jx_list_push(a, &blocks, fields_block(t, 6, money));
  if (p->sources.len) jx_list_push(a, &blocks, funding_block(t, p));
  const char *purpose[] = {"资金用途", p->purpose};
  jx_list_push(a, &blocks, fields_block(t, 2, purpose));
  size_t plan_at = blocks.len;
  jx_list_push(a, &blocks, NULL); /* the plan, made once the width is known */
  if (p->stages.len) jx_list_push(a, &blocks, schedule_block(t, p));
  if (*p->medium_target) {
    const char *medium[] = {"中期目标", p->medium_target};
    jx_list_push(a, &blocks, fields_block(t, 2, medium));
  }
  const char *target[] = {"绩效目标", p->target};
  jx_list_push(a, &blocks, fields_block(t, 2, target));
  tblock *main = NULL;
  if (p->nlevelled || !p->nflat) jx_list_push(a, &blocks, main = indicator_block(t, p));
  if (p->nflat) {
    tblock *flat = flat_block(t, p);
    if (!main) main = flat;
    jx_list_push(a, &blocks, flat);
  }
  rows_blocks(t, &p->labelled, &blocks);
  if (*p->notes) {
    const char *notes[] = {"其他说明", p->notes};
    jx_list_push(a, &blocks, fields_block(t, 2, notes));
  }
  /* The first column is as wide as the labels (项目编码), as in the printed
   * form, where the one-level names wrap. */
  main->width[0] = natural_width(t, "项目编码");
  main->fixed[0] = true;
  /* As wide as the widest block wants, within the line. */
  int total = block_total(main);
  for (size_t i = 0; i < blocks.len; i++)
    if (blocks.items[i] && block_total(blocks.items[i]) > total) total = block_total(blocks.items[i]);
  if (total > t->width) total = t->width;
  fit(t, main, total);
  int label = main->width[0];
  for (size_t i = 0; i < blocks.len; i++) {
    tblock *b = blocks.items[i];
    if (!b || b == main) continue;
    b->width[0] = label;
    b->fixed[0] = true;
    fit(t, b, total);
  }
  tblock *plan = plan_block(t, p, label, total);
  fit(t, plan, total);
  blocks.items[plan_at] = plan;
  money_unit(t, r, total);
  table(t, &blocks);
}

static void summary(text *t, const jx_tables *r) {
  paragraph(t, "预算项目汇总表");
  tblock *b = block_new(t, 7);
  const char *head[] = {r->summary_code, r->summary_name, "项目数", "预算数",
                        "财政资金", "其他资金", "指标数"};
  set(block_row(t, b), b->ncols, head);
  jx_arena *a = t->ctx->arena;
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    const char *cells[] = {l->code, l->name, l->projects, l->budget, l->fiscal, l->other, l->rows};
    set(block_row(t, b), 7, cells);
  }
  const char *total[] = {"合计", "", jx_arena_printf(a, "%d", r->nprojects), r->budget,
                         r->fiscal, r->other, jx_arena_printf(a, "%d", r->nrows)};
  set(block_row(t, b), 7, total);
  measure(t, b);
  b->flex[1] = true;
  for (int c = 2; c < 7; c++) b->right[c] = true;
  int width = block_total(b) < t->width ? block_total(b) : t->width;
  fit(t, b, width);
  money_unit(t, r, width);
  jx_list blocks = {0};
  jx_list_push(a, &blocks, b);
  table(t, &blocks);
}

static const char *const numerals[] = {"一", "二", "三"};

static void part_one(text *t, const jx_tables *r) {
  if (!*r->overall_target && !r->sub_targets.len && !r->safeguards.len) return;
  jx_arena *a = t->ctx->arena;
  paragraph(t, "第一部分 部门整体绩效目标");
  int section = 0;
  if (*r->overall_target) {
    paragraph(t, jx_arena_printf(a, "%s、总体绩效目标", numerals[section++]));
    paragraph(t, r->overall_target);
  }
  if (r->sub_targets.len) {
    paragraph(t, jx_arena_printf(a, "%s、分项绩效目标", numerals[section++]));
    for (size_t i = 0; i < r->sub_targets.len; i++) {
      const jx_sub_target *s = r->sub_targets.items[i];
      paragraph(t, jx_arena_printf(a, "%zu、%s", i + 1, s->title.text));
      for (size_t k = 0; k < s->texts.len; k++) {
        const jx_text_item *x = s->texts.items[k];
        paragraph(t, jx_arena_printf(a, "%s%s",
                                     x->base.kind == JX_NODE_SUB_TARGET_TEXT ? "绩效目标："
                                                                             : "绩效指标：",
                                     x->text.text));
      }
    }
  }
  if (r->safeguards.len) {
    paragraph(t, jx_arena_printf(a, "%s、工作保障措施", numerals[section++]));
    for (size_t i = 0; i < r->safeguards.len; i++) {
      const jx_safeguard *s = r->safeguards.items[i];
      paragraph(t, jx_arena_printf(a, "%zu、%s", i + 1, s->title.text));
      paragraph(t, s->text.text);
    }
  }
}

static void title(text *t, const jx_tables *r) {
  gap(t);
  if (*r->department) lines_out(t, r->department, -1);
  lines_out(t, jx_arena_printf(t->ctx->arena, "%s年部门预算绩效文本", r->year), -1);
  if (!*r->compiled_by && !*r->reviewed_by) return;
  gap(t);
  if (*r->compiled_by)
    lines_out(t, jx_arena_printf(t->ctx->arena, "%s编制", r->compiled_by), -1);
  if (*r->reviewed_by)
    lines_out(t, jx_arena_printf(t->ctx->arena, "%s审核", r->reviewed_by), -1);
}

bool jx_render_text(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                    FILE *out) {
  text t = {ctx, out, opt->width ? opt->width : DEFAULT_WIDTH, false, opt->ambiguous_wide,
            r->breaks, NULL, NULL, NULL, 0, 0};
  if (t.width < MIN_WIDTH) t.width = MIN_WIDTH;
  if (r->whole_document) {
    title(&t, r);
    part_one(&t, r);
    paragraph(&t, "第二部分 预算项目绩效目标");
  }
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    paragraph(&t, u->heading);
    for (size_t k = 0; k < u->projects.len; k++) project(&t, r, u->projects.items[k]);
  }
  if (r->whole_document || r->units.len > 1) summary(&t, r);
  return fflush(out) == 0 && !ferror(out);
}
