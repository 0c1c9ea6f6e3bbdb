#include "pdf_table.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Cell padding (1 mm beside the text, 0.8 mm above and below, as the
 * HTML has it) and the width of the rules. */
static const double pad_x = 2.835, pad_y = 2.268, rule = 0.6;

static double pt(int pango_units) { return (double)pango_units / PANGO_SCALE; }

/* ---- pages ---- */

static void footer(jx_pdf *p) {
  if (!p->cr || !p->numbered) return;
  char num[32];
  snprintf(num, sizeof num, "— %d —", p->page);
  PangoLayout *l = pdf_layout(p, num, PDF_FOOTER, p->width, PDF_CENTER);
  /* Centred in the bottom margin, 10 mm above the paper's edge. */
  pdf_show_lines(p, l, p->left, p->page_h - 28.35 - pdf_lines_height(l, 0, -1), 0, -1);
  g_object_unref(l);
}

void pdf_new_page(jx_pdf *p) {
  if (p->page > 0) {
    footer(p);
    if (p->cr) cairo_show_page(p->cr);
  }
  p->page++;
  p->y = p->top;
  p->numbered = true;
}

void pdf_end(jx_pdf *p) {
  if (p->page == 0) return;
  footer(p);
  if (p->cr) cairo_show_page(p->cr);
}

/* ---- text ---- */

/* How wide a run of text is in a face, estimated from the widths of the
 * ASCII characters (measured once) and one em for any other: the CJK
 * characters and the full-width forms, ≥ and ≤ included. */
static double run_width(jx_pdf *p, pdf_style style, const char *s, size_t n) {
  double em = pt(pango_font_description_get_size(p->font[style]));
  double w = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, n - i, &cp);
    w += cp >= 0x20 && cp < 0x7F ? p->ascii[cp - 0x20] * em : em;
  }
  return w;
}

/* The attributes of a layout: no hyphens, and no break inside the kept runs
 * that fit the width (numbers only, or none, when `mode` says so). */
static void keep_runs(jx_pdf *p, PangoLayout *l, const char *text, pdf_style style,
                      double width, int mode) {
  PangoAttrList *attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  size_t n = 0;
  const jx_keep *runs =
      mode < 2 && p->breaks && width > 0
          ? jx_breaks_find(p->breaks, p->ctx->arena, text, strlen(text), &n)
          : NULL;
  for (size_t i = 0; i < n; i++) {
    if (mode == 1 && !runs[i].number) continue;
    if (run_width(p, style, text + runs[i].start, runs[i].end - runs[i].start) > width)
      continue;
    PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = (guint)runs[i].start;
    a->end_index = (guint)runs[i].end;
    pango_attr_list_insert(attrs, a);
  }
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
}

double pdf_text_width(jx_pdf *p, pdf_style style, const char *text) {
  return run_width(p, style, text, strlen(text));
}

double pdf_unbreakable_width(jx_pdf *p, pdf_style style, const char *text) {
  size_t len = strlen(text), n = 0, k = 0;
  const jx_keep *runs = p->breaks ? jx_breaks_find(p->breaks, p->ctx->arena, text, len, &n) : NULL;
  double widest = 0;
  size_t start = 0;
  int32_t prev = ' ';
  for (size_t i = 0; i <= len;) {
    int32_t cp = ' ';
    size_t next = i < len ? i + (size_t)jx_utf8_decode(text + i, len - i, &cp) : len + 1;
    while (k < n && runs[k].end <= i) k++;
    bool in_run = k < n && runs[k].start < i;
    /* A line may break at a space or next to a CJK character, outside the
     * kept runs; a piece ends there. */
    bool brk = i == len || (!in_run && (cp == ' ' || cp == '\n' || prev == ' ' ||
                                        prev == '\n' || jx_utf8_cp_width(cp) == 2 ||
                                        jx_utf8_cp_width(prev) == 2));
    if (brk && i > start) {
      double w = run_width(p, style, text + start, i - start);
      if (w > widest) widest = w;
    }
    if (brk) start = cp == ' ' || cp == '\n' ? next : i;
    prev = cp;
    i = next;
  }
  return widest;
}

/* A Chinese character alone on the last line ("来电次" / "数") takes the
 * one before it along ("来电" / "次数"), when the line before keeps two. */
static void no_orphan(PangoLayout *l, const char *text) {
  int n = pango_layout_get_line_count(l);
  if (n < 2) return;
  PangoLayoutLine *last = pango_layout_get_line_readonly(l, n - 1);
  PangoLayoutLine *prev = pango_layout_get_line_readonly(l, n - 2);
  size_t len = strlen(text);
  size_t start = (size_t)last->start_index, end = start + (size_t)last->length;
  if (end > len || jx_utf8_length(text + start, end - start) != 1 ||
      jx_utf8_length(text + prev->start_index, (size_t)prev->length) < 3)
    return;
  int32_t cp;
  jx_utf8_decode(text + start, len - start, &cp);
  if (jx_utf8_cp_width(cp) != 2) return;
  /* The character before the last one, which goes along. */
  size_t before = start;
  do before--; while (before > 0 && ((unsigned char)text[before] & 0xC0) == 0x80);
  PangoAttrList *attrs = pango_attr_list_copy(pango_layout_get_attributes(l));
  PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
  a->start_index = (guint)before;
  a->end_index = (guint)end;
  pango_attr_list_insert(attrs, a);
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
}

PangoLayout *pdf_layout(jx_pdf *p, const char *text, pdf_style style, double width,
                        pdf_align align) {
  PangoLayout *l = pango_layout_new(p->pango);
  pango_layout_set_font_description(l, p->font[style]);
  pango_layout_set_spacing(l, (int)(p->line_gap[style] * PANGO_SCALE));
  pango_layout_set_text(l, text, -1);
  if (width > 0) {
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(l, align == PDF_CENTER  ? PANGO_ALIGN_CENTER
                                : align == PDF_RIGHT ? PANGO_ALIGN_RIGHT
                                                     : PANGO_ALIGN_LEFT);
  pango_layout_set_justify(l, align == PDF_JUSTIFY);
  /* A kept run wider than the estimate allowed would stick out of the
   * width: then keep numbers only, then nothing, so the text breaks where
   * it must instead. */
  for (int mode = 0; mode < 3; mode++) {
    keep_runs(p, l, text, style, width, mode);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    if (width <= 0 || pt(w) <= width + 0.01) break;
  }
  if (width > 0) no_orphan(l, text);
  return l;
}

double pdf_lines_height(PangoLayout *l, int first, int last) {
  int n = pango_layout_get_line_count(l);
  if (last < 0 || last > n) last = n;
  if (first >= last) return 0;
  PangoLayoutIter *it = pango_layout_get_iter(l);
  int top = 0, bottom = 0, y0, y1;
  for (int i = 0; i < last; i++, pango_layout_iter_next_line(it)) {
    if (i < first) continue;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    if (i == first) top = y0;
    bottom = y1;
  }
  pango_layout_iter_free(it);
  return pt(bottom - top);
}

void pdf_show_lines(jx_pdf *p, PangoLayout *l, double x, double y, int first, int last) {
  if (!p->cr) return;
  int n = pango_layout_get_line_count(l);
  if (last < 0 || last > n) last = n;
  PangoLayoutIter *it = pango_layout_get_iter(l);
  int top = 0, y0, y1;
  for (int i = 0; i < last; i++, pango_layout_iter_next_line(it)) {
    if (i < first) continue;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    if (i == first) top = y0;
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    cairo_move_to(p->cr, x + pt(logical.x), y + pt(pango_layout_iter_get_baseline(it) - top));
    pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
  }
  pango_layout_iter_free(it);
}

/* ---- tables ---- */

typedef struct pcell {
  const char *text;
  int col, colspan, rowspan;
  int kind;
  PangoLayout *layout;
  int line0, line1; /* the lines of the layout this cell shows (-1: to the end) */
  double h;         /* their height */
} pcell;

typedef struct prow {
  const double *edges;
  int ncols;
  pcell *cells;
  int n, cap;
  bool keep;
  int head;
  double h; /* as tall as its cells of one row need */
} prow;

/* A cell that spans rows: its row and index there. */
typedef struct multi {
  int row, cell;
} multi;

struct pdf_table {
  jx_pdf *p;
  prow *rows;
  int n, cap;
  multi *multis; /* in the order of their rows */
  int nmultis, maxspan;
};

pdf_table *pdf_table_new(jx_pdf *p) {
  pdf_table *t = calloc(1, sizeof *t);
  if (!t) abort();
  t->p = p;
  return t;
}

static void *grow(void *items, int *cap, int need, size_t size) {
  if (need <= *cap) return items;
  int n = *cap ? 2 * *cap : 16;
  while (n < need) n *= 2;
  void *bigger = realloc(items, (size_t)n * size);
  if (!bigger) abort();
  *cap = n;
  return bigger;
}

int pdf_row(pdf_table *t, const double *edges, int ncols, bool keep, int head) {
  t->rows = grow(t->rows, &t->cap, t->n + 1, sizeof *t->rows);
  t->rows[t->n] = (prow){edges, ncols, NULL, 0, 0, keep, head, 0};
  return t->n++;
}

void pdf_cell(pdf_table *t, int col, int colspan, int rowspan, int kind, const char *text) {
  prow *r = &t->rows[t->n - 1];
  if (col < 0 || colspan < 1 || col + colspan > r->ncols) return;
  if (rowspan < 1) rowspan = 1;
  r->cells = grow(r->cells, &r->cap, r->n + 1, sizeof *r->cells);
  r->cells[r->n++] = (pcell){text ? text : "", col, colspan, rowspan, kind, NULL, 0, -1, 0};
}

static double cell_width(const prow *r, const pcell *c) {
  return r->edges[c->col + c->colspan] - r->edges[c->col];
}

static pdf_align cell_align(int kind) {
  switch (kind & ~CELL_BOLD) {
    case CELL_TEXT: return PDF_LEFT;
    case CELL_NUM: return PDF_RIGHT;
    default: return PDF_CENTER;
  }
}

/* Lays out every cell; a row's own height comes from its cells of one row. */
static void measure(pdf_table *t) {
  for (int i = 0; i < t->n; i++) {
    prow *r = &t->rows[i];
    r->h = 0;
    for (int k = 0; k < r->n; k++) {
      pcell *c = &r->cells[k];
      if (i + c->rowspan > t->n) c->rowspan = t->n - i;
      c->layout = pdf_layout(t->p, c->text, c->kind & CELL_BOLD ? PDF_CELL_BOLD : PDF_CELL,
                             cell_width(r, c) - 2 * pad_x, cell_align(c->kind));
      c->h = pdf_lines_height(c->layout, c->line0, c->line1);
      if (c->rowspan == 1 && c->h + 2 * pad_y > r->h) r->h = c->h + 2 * pad_y;
    }
  }
}

/* The cells spanning rows, by row. */
static void find_multis(pdf_table *t) {
  int cap = 0;
  t->nmultis = 0;
  t->maxspan = 1;
  for (int i = 0; i < t->n; i++)
    for (int k = 0; k < t->rows[i].n; k++) {
      int span = t->rows[i].cells[k].rowspan;
      if (span < 2) continue;
      t->multis = grow(t->multis, &cap, t->nmultis + 1, sizeof *t->multis);
      t->multis[t->nmultis++] = (multi){i, k};
      if (span > t->maxspan) t->maxspan = span;
    }
}

/* Divides row i, taller than `room`, between its lines: the row keeps the
 * lines of each cell that fit, a new row below it the rest. Cells spanning
 * rows that reach row i reach the new row too. */
static void split_row(pdf_table *t, int i, double room) {
  t->rows = grow(t->rows, &t->cap, t->n + 1, sizeof *t->rows);
  memmove(t->rows + i + 2, t->rows + i + 1, (size_t)(t->n - i - 1) * sizeof *t->rows);
  t->n++;
  prow *r = &t->rows[i], *next = &t->rows[i + 1];
  *next = (prow){r->edges, r->ncols, NULL, 0, 0, r->keep, r->head, 0};
  r->keep = false;
  for (int j = 0; j < i; j++)
    for (int k = 0; k < t->rows[j].n; k++)
      if (j + t->rows[j].cells[k].rowspan > i) t->rows[j].cells[k].rowspan++;
  r->h = 0;
  for (int k = 0; k < r->n; k++) {
    pcell *c = &r->cells[k];
    if (c->rowspan > 1) {
      c->rowspan++;
      continue;
    }
    int lines = c->line1 < 0 ? pango_layout_get_line_count(c->layout) : c->line1;
    int cut = c->line0 + 1;
    while (cut < lines && pdf_lines_height(c->layout, c->line0, cut + 1) + 2 * pad_y <= room) cut++;
    if (cut >= lines && (c->kind & ~CELL_BOLD) == CELL_HEAD) {
      /* A label (项目概况) stands beside the rest of its text too. */
      next->cells = grow(next->cells, &next->cap, next->n + 1, sizeof *next->cells);
      pcell again = *c;
      g_object_ref(again.layout);
      next->cells[next->n++] = again;
      if (again.h + 2 * pad_y > next->h) next->h = again.h + 2 * pad_y;
    } else if (cut < lines) {
      next->cells = grow(next->cells, &next->cap, next->n + 1, sizeof *next->cells);
      pcell rest = *c;
      g_object_ref(rest.layout);
      rest.line0 = cut;
      rest.h = pdf_lines_height(rest.layout, rest.line0, rest.line1);
      next->cells[next->n++] = rest;
      if (rest.h + 2 * pad_y > next->h) next->h = rest.h + 2 * pad_y;
      c->line1 = cut;
      c->h = pdf_lines_height(c->layout, c->line0, c->line1);
    }
    if (c->h + 2 * pad_y > r->h) r->h = c->h + 2 * pad_y;
  }
  if (next->h == 0) next->h = 2 * pad_y;
}

/* A page's part of the table: rows [a, b), below the repeated row hd
 * (or -1), each row's height on the page, and the cells that span rows
 * there with the first and last position they cover. */
typedef struct span {
  const pcell *cell;
  const prow *row;
  int first, last; /* positions in the slice */
} span;

typedef struct slice {
  int a, b, hd, n; /* n positions: hd (if any), then a .. b-1 */
  double *h;
  span *spans;
  int nspans, capspans;
  double total;
} slice;

static int row_at(const slice *s, int pos) {
  return s->hd >= 0 ? (pos == 0 ? s->hd : s->a + pos - 1) : s->a + pos;
}

/* Row heights on a page: each row as tall as its one-row cells need; a
 * cell spanning rows that needs more than its rows give makes its last row
 * taller, the shortest spans first (二级 before 一级). */
static void slice_heights(pdf_table *t, slice *s) {
  int off = s->hd >= 0;
  s->n = off + (s->b - s->a);
  for (int pos = 0; pos < s->n; pos++) s->h[pos] = t->rows[row_at(s, pos)].h;
  s->nspans = 0;
  int from = 0, to = t->nmultis;
  /* The spans that can reach the slice: from maxspan rows above it. */
  int lo = s->a - t->maxspan;
  while (from < to) {
    int mid = (from + to) / 2;
    if (t->multis[mid].row < lo) from = mid + 1; else to = mid;
  }
  for (int m = from; m < t->nmultis && t->multis[m].row < s->b; m++) {
    const prow *r = &t->rows[t->multis[m].row];
    const pcell *c = &r->cells[t->multis[m].cell];
    int start = t->multis[m].row, end = start + c->rowspan; /* rows [start, end) */
    int first, last;
    if (start == s->hd) {
      first = 0;
      last = end > s->a ? off + (end < s->b ? end : s->b) - s->a - 1 : 0;
    } else {
      if (end <= s->a) continue;
      first = off + (start > s->a ? start : s->a) - s->a;
      last = off + (end < s->b ? end : s->b) - s->a - 1;
    }
    if (s->nspans == s->capspans) {
      s->capspans = s->capspans ? 2 * s->capspans : 16;
      s->spans = realloc(s->spans, (size_t)s->capspans * sizeof *s->spans);
      if (!s->spans) abort();
    }
    s->spans[s->nspans++] = (span){c, r, first, last};
  }
  /* Shortest first: insertion sort, the lists are short. */
  for (int i = 1; i < s->nspans; i++) {
    span x = s->spans[i];
    int j = i;
    while (j > 0 && s->spans[j - 1].last - s->spans[j - 1].first > x.last - x.first) {
      s->spans[j] = s->spans[j - 1];
      j--;
    }
    s->spans[j] = x;
  }
  for (int i = 0; i < s->nspans; i++) {
    const span *sp = &s->spans[i];
    double have = 0, need = sp->cell->h + 2 * pad_y;
    for (int pos = sp->first; pos <= sp->last; pos++) have += s->h[pos];
    if (need > have) s->h[sp->last] += need - have;
  }
  s->total = 0;
  for (int pos = 0; pos < s->n; pos++) s->total += s->h[pos];
}

static void set_slice(pdf_table *t, slice *s, int a, int b, int hd, int *cap) {
  s->a = a;
  s->b = b;
  s->hd = hd;
  int need = (hd >= 0) + (b - a) + 1;
  if (need > *cap) {
    *cap = need * 2;
    s->h = realloc(s->h, (size_t)*cap * sizeof *s->h);
    if (!s->h) abort();
  }
  slice_heights(t, s);
}

static void draw_box(jx_pdf *p, const pcell *c, double x, double y, double w, double h,
                     bool fill) {
  if (fill) {
    if ((c->kind & ~CELL_BOLD) != CELL_HEAD) return;
    cairo_rectangle(p->cr, x, y, w, h);
    cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
    cairo_fill(p->cr);
    return;
  }
  cairo_set_source_rgb(p->cr, 0, 0, 0);
  pdf_show_lines(p, c->layout, x + pad_x, y + (h - c->h) / 2, c->line0, c->line1);
  cairo_rectangle(p->cr, x, y, w, h);
  cairo_set_line_width(p->cr, rule);
  cairo_stroke(p->cr);
}

/* Draws the slice from p->y: first the shading, then row by row each
 * cell's text and rules, a cell that spans rows where its first row on the
 * page is, in the order of the columns (the order pdftotext reads). */
static void draw_slice(pdf_table *t, const slice *s) {
  jx_pdf *p = t->p;
  for (int pass = 0; pass < 2; pass++) {
    double y = p->y;
    for (int pos = 0; pos < s->n; pos++) {
      const prow *r = &t->rows[row_at(s, pos)];
      for (int col = 0; col < r->ncols; col++) {
        for (int i = 0; i < s->nspans; i++) {
          const span *sp = &s->spans[i];
          if (sp->first != pos || sp->cell->col != col) continue;
          double h = 0;
          for (int k = sp->first; k <= sp->last; k++) h += s->h[k];
          draw_box(p, sp->cell, p->left + sp->row->edges[col], y, cell_width(sp->row, sp->cell), h,
                   pass == 0);
        }
        for (int k = 0; k < r->n; k++) {
          const pcell *c = &r->cells[k];
          if (c->col != col || c->rowspan > 1) continue;
          draw_box(p, c, p->left + r->edges[col], y, cell_width(r, c), s->h[pos], pass == 0);
        }
      }
      y += s->h[pos];
    }
  }
}

static void table_free(pdf_table *t) {
  for (int i = 0; i < t->n; i++) {
    for (int k = 0; k < t->rows[i].n; k++)
      if (t->rows[i].cells[k].layout) g_object_unref(t->rows[i].cells[k].layout);
    free(t->rows[i].cells);
  }
  free(t->rows);
  free(t->multis);
  free(t);
}

void pdf_table_place(pdf_table *t, void (*continued)(jx_pdf *p, void *data), void *data) {
  jx_pdf *p = t->p;
  measure(t);
  /* No row may be taller than a page below a continuation title and a
   * repeated header: such a row is divided between its lines. */
  double heads = 0;
  for (int i = 0; i < t->n; i++)
    if (t->rows[i].head >= 0 && t->rows[t->rows[i].head].h > heads) heads = t->rows[t->rows[i].head].h;
  double room = (p->bottom - p->top) - heads - 72;
  for (int i = 0; i < t->n; i++)
    if (t->rows[i].h > room) split_row(t, i, room);
  find_multis(t);
  slice s = {0};
  int cap = 0, a = 0;
  while (a < t->n) {
    int hd = a > 0 && t->rows[a].head >= 0 && t->rows[a].head < a ? t->rows[a].head : -1;
    double avail = p->bottom - p->y;
    int b = a, best = -1;
    while (b < t->n) {
      set_slice(t, &s, a, b + 1, hd, &cap);
      if (s.total > avail + 0.01) break;
      b++;
      if (b == t->n || !t->rows[b - 1].keep) best = b;
    }
    /* A block kept together that is taller than the page breaks where the
     * page ends; a row too tall for what is left of it goes on over. */
    if (best < 0) best = b > a ? b : a + 1;
    set_slice(t, &s, a, best, hd, &cap);
    if (p->cr) draw_slice(t, &s);
    p->y += s.total;
    a = best;
    if (a < t->n) {
      pdf_new_page(p);
      if (continued) continued(p, data);
    }
  }
  free(s.h);
  free(s.spans);
  table_free(t);
}
