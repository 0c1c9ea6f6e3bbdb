/* --format=html: one self-contained file (inline CSS, no script, no network)
 * that prints on A4 like the official forms: a title page, contents, part
 * one, a summary, then each project's form. Each <section class="page">
 * is laid out to fill exactly one printed page, so the number of pages is
 * known in advance; it is written into <meta name="jixiao-pages">, and the
 * browser test holds the printed PDF to it.
 *
 * A form or a summary too tall for one page goes on over more pages
 * ("（续）"), broken between rows: the renderer estimates each row's height
 * from its cells' text, the column widths and the font (a generous
 * estimate: a CJK character is 1 em, any other non-ASCII one too, ASCII
 * 0.6 em, a kept run (breaks.h) moved whole to the next line), and a page
 * takes rows while they fit. An indicator table broken over pages repeats
 * its header and its merged 一级/二级 cells on the next page. Part one
 * flows over as many pages as it needs, a paragraph divided where the
 * estimate says a page is full.
 *
 * Lines break as in the PDF: never inside a number with its unit or a term
 * that fits its cell (each such run is a <span class="nb">, nowrap), by the
 * strict rules for Chinese, and a lone character at the end of a cell or
 * paragraph is avoided (text-wrap: pretty). Page numbers are CSS page-margin
 * boxes, which also keep Chromium's own headers and footers off the page. */
#include <string.h>

#include "report.h"
#include "utf8.h"

/* Fonts: the CJK serif faces of Linux (Noto/Source Han), Windows (SimSun)
 * and macOS (Songti), then sans faces, then the browser's default. */
static const char css[] =
    /* Page numbers in the footer, none on the title page; every other
     * margin box empty, which keeps the browser's own headers and footers
     * (date, title, file, "7/33") off the pages in Chromium even when its
     * print dialog asks for them. */
    "@page { size: A4; margin: 15mm;\n"
    "  @top-left { content: \"\"; } @top-center { content: \"\"; } "
    "@top-right { content: \"\"; }\n"
    "  @bottom-left { content: \"\"; } @bottom-right { content: \"\"; }\n"
    "  @bottom-center { content: \"— \" counter(page) \" —\"; font-size: 9pt; "
    "font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", SimSun, \"Songti SC\", serif; } }\n"
    "@page :first { @bottom-center { content: \"\"; } }\n"
    "html { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
    "\"Noto Serif SC\", SimSun, \"宋体\", \"Songti SC\", STSong, "
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", "
    "\"PingFang SC\", serif; font-size: 10.5pt; line-height: 1.55; color: #000; "
    "line-break: strict; word-break: normal; overflow-wrap: anywhere; text-wrap: pretty; }\n"
    "body { margin: 0; }\n"
    "span.nb { white-space: nowrap; }\n"
    "section.page { box-sizing: border-box; width: 180mm; height: 267mm; "
    "overflow: hidden; break-after: page; page-break-after: always; }\n"
    "section.page:last-child { break-after: auto; page-break-after: auto; }\n"
    "@media screen { body { background: #e8e8e8; } section.page { width: 210mm; "
    "height: 297mm; padding: 15mm; margin: 8mm auto; background: #fff; "
    "box-shadow: 0 1px 4px rgba(0,0,0,.25); } }\n"
    "h1 { font-size: 22pt; text-align: center; margin: 70mm 0 12mm; letter-spacing: .1em; }\n"
    "h1 + p.subtitle { font-size: 16pt; text-align: center; margin: 0 0 60mm; }\n"
    "p.signature { text-align: center; font-size: 13pt; margin: 2mm 0; }\n"
    "h2 { font-size: 14pt; text-align: center; margin: 0 0 4mm; }\n"
    "h3 { font-size: 12pt; margin: 4mm 0 2mm; }\n"
    "h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }\n"
    "p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }\n"
    "p.label { text-indent: 0; }\n"
    "p.cont { text-indent: 0; }\n"
    "p.split { margin-bottom: 0; text-align-last: justify; }\n"
    "ol.toc { list-style: none; padding: 0; margin: 0; font-size: 10.5pt; }\n"
    "ol.toc li { display: flex; margin: .6mm 0; }\n"
    "ol.toc li span.fill { flex: 1; border-bottom: 1px dotted #000; margin: 0 1mm .9em; }\n"
    "ol.toc li.part { font-weight: bold; margin-top: 3mm; }\n"
    "ol.toc a { color: inherit; text-decoration: none; }\n"
    "div.meta { display: flex; justify-content: space-between; font-size: 10pt; "
    "margin: 0 0 1.5mm; }\n"
    "table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
    "table.form { font-size: 9pt; line-height: 1.35; }\n"
    "th, td { border: .6pt solid #000; padding: .8mm 1mm; vertical-align: middle; }\n"
    "th { font-weight: normal; text-align: center; background: #f2f2f2; }\n"
    "td { text-align: center; }\n"
    "td.text { text-align: left; }\n"
    "td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
    /* The plan: its months in columns of one width, whatever their number. */
    "td.plan { padding: 0; }\n"
    "table.plan { border-style: hidden; }\n"
    "table.summary { font-size: 10pt; }\n"
    "table.summary tr.total td, table.summary tr.section td { font-weight: bold; }\n";

enum { MAX_CELLS = 16, FORM_COLS = 12, SUMMARY_COLS = 7 };

/* A grid of columns, in percent of the 180 mm printable width, and the
 * font size and line height of its table. */
typedef struct grid {
  int ncols;
  double percent[FORM_COLS];
  double pt, line_height;
} grid;

typedef struct html {
  jx_ctx *ctx;
  FILE *out;
  const jx_breaks *breaks;
  grid form; /* the forms' columns, set for the document */
} html;

static void esc(html *h, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", h->out); break;
      case '<': fputs("&lt;", h->out); break;
      case '>': fputs("&gt;", h->out); break;
      case '"': fputs("&quot;", h->out); break;
      case '\n': fputs("<br>", h->out); break;
      default: fputc(*s, h->out);
    }
  }
}

static const double mm_per_pt = 25.4 / 72;

/* The width of text at a size, in mm: a CJK character or any other
 * non-ASCII one 1 em, ASCII 0.6 em (as generous as the page estimates). */
static double text_mm(double pt, const char *s, size_t n) {
  double em = pt * mm_per_pt, w = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, n - i, &cp);
    w += cp >= 0 && cp < 0x80 ? 0.6 * em : em;
  }
  return w;
}

/* Escaped text, each run that must stay on one line (breaks.h) and fits
 * `usable` mm at `pt` points a span the browser does not break. */
static void esc_kept(html *h, const char *s, double usable, double pt) {
  size_t n = strlen(s), nruns = 0;
  const jx_keep *runs = h->breaks ? jx_breaks_find(h->breaks, h->ctx->arena, s, n, &nruns) : NULL;
  size_t at = 0;
  for (size_t i = 0; i < nruns; i++) {
    size_t len = runs[i].end - runs[i].start;
    if (text_mm(pt, s + runs[i].start, len) > usable) continue;
    esc(h, jx_arena_strndup(h->ctx->arena, s + at, runs[i].start - at));
    fputs("<span class=\"nb\">", h->out);
    esc(h, jx_arena_strndup(h->ctx->arena, s + runs[i].start, len));
    fputs("</span>", h->out);
    at = runs[i].end;
  }
  esc(h, s + at);
}

/* A cell: tag, class, colspan, rowspan and escaped text, `usable` mm wide
 * inside its padding. */
static void cell(html *h, const char *tag, const char *cls, int colspan, int rowspan,
                 const char *text, double usable, double pt) {
  fprintf(h->out, "<%s", tag);
  if (cls) fprintf(h->out, " class=\"%s\"", cls);
  if (colspan > 1) fprintf(h->out, " colspan=\"%d\"", colspan);
  if (rowspan > 1) fprintf(h->out, " rowspan=\"%d\"", rowspan);
  fputc('>', h->out);
  esc_kept(h, text, usable, pt);
  fprintf(h->out, "</%s>", tag);
}

/* ---- estimated heights ---- */

/* The form: the indicator columns of the official form (一级, 二级, 三级 ×2,
 * 描述 ×4, 指标值 ×2, 依据 ×2), widened for the document by form_columns(). */
static const grid base_form_grid = {
    FORM_COLS, {9, 10, 8, 8, 9.25, 9.25, 9.25, 9.25, 7, 7, 7, 7}, 9, 1.35};
static const grid summary_grid = {SUMMARY_COLS, {12, 28, 9, 14, 14, 12, 11}, 10, 1.55};

static const double printable_mm = 267; /* A4 less 15 mm margins */
static const double cell_padding_mm = 1.6 + 0.22; /* .8 mm above and below, a rule */

/* Lines the text takes at pt points in a line `usable` mm wide (the first
 * indented by `indent` mm), broken anywhere but inside a kept run that fits
 * the line, which moves whole to the next line when it does not fit on
 * this one, and never before a character a line may not start with (the
 * one before goes along). *ends (when not NULL) receives the byte where
 * each line after the first starts, up to max of them. */
static int lines_at(html *h, double pt, const char *s, double usable, double indent,
                    size_t *ends, int max) {
  double em = pt * mm_per_pt, x = indent, prev_w = 0;
  size_t n = strlen(s), nruns = 0, k = 0, prev_at = 0;
  const jx_keep *runs = h->breaks ? jx_breaks_find(h->breaks, h->ctx->arena, s, n, &nruns) : NULL;
  int lines = 1, units = 0; /* units on the current line */
  for (size_t i = 0; i < n;) {
    while (k < nruns && runs[k].end <= i) k++;
    size_t step;
    double w;
    int32_t cp = 0;
    if (k < nruns && runs[k].start == i &&
        (w = text_mm(pt, s + i, runs[k].end - i)) <= usable) {
      step = runs[k].end - i;
    } else {
      step = (size_t)jx_utf8_decode(s + i, n - i, &cp);
      w = cp >= 0 && cp < 0x80 ? 0.6 * em : em;
    }
    if (cp == '\n') {
      if (ends && lines <= max) ends[lines - 1] = i + 1;
      lines++;
      x = 0;
      units = 0;
      i += step;
      continue;
    }
    if (units > 0 && x + w > usable) {
      size_t at = i;
      double carried = 0;
      if (jx_breaks_no_line_start(cp) && units > 1) { /* the character before comes along */
        at = prev_at;
        carried = prev_w;
      }
      if (ends && lines <= max) ends[lines - 1] = at;
      lines++;
      x = carried;
      units = carried > 0;
    }
    prev_at = i;
    prev_w = w;
    x += w;
    units++;
    i += step;
  }
  return lines;
}

/* Lines the text takes in a cell of width mm. */
static int lines_in(html *h, const grid *g, const char *s, double mm) {
  return lines_at(h, g->pt, s, mm - 2.0 - 0.22, 0, NULL, 0);
}

/* A cell placed on the grid: its first column and spans. */
typedef struct hcell {
  const char *tag, *cls, *text;
  int col, colspan, rowspan;
} hcell;

typedef struct hrow {
  const char *cls; /* of the <tr>, or NULL */
  hcell cells[MAX_CELLS];
  int n;
} hrow;

static hrow *row_new(html *h, const char *cls) {
  hrow *r = jx_arena_alloc(h->ctx->arena, sizeof *r);
  r->cls = cls;
  return r;
}

/* Adds a cell at the row's next free column: after the last cell, or at
 * `col` when cells of rows above (rowspan) cover the columns before. */
static void put_at(hrow *r, int col, const char *tag, const char *cls, int colspan,
                   int rowspan, const char *text) {
  if (r->n == MAX_CELLS) return;
  r->cells[r->n++] = (hcell){tag, cls, text, col, colspan, rowspan};
}

static int next_col(const hrow *r) {
  return r->n ? r->cells[r->n - 1].col + r->cells[r->n - 1].colspan : 0;
}

static void put(hrow *r, const char *tag, const char *cls, int colspan, int rowspan,
                const char *text) {
  put_at(r, next_col(r), tag, cls, colspan, rowspan, text);
}

static double cell_mm(const grid *g, const hcell *c) {
  double mm = 0;
  for (int k = c->col; k < c->col + c->colspan && k < g->ncols; k++) mm += g->percent[k] * 1.8;
  return mm;
}

/* The height of a row: its tallest cell; a cell spanning rows needs what
 * the rows below it (one line at least each) do not give it. */
static double row_mm(html *h, const grid *g, const hrow *r) {
  int lines = 1;
  for (int i = 0; i < r->n; i++) {
    const hcell *c = &r->cells[i];
    int need = lines_in(h, g, c->text, cell_mm(g, c)) - (c->rowspan - 1);
    if (need > lines) lines = need;
  }
  return lines * g->pt * g->line_height * mm_per_pt + cell_padding_mm;
}

static void write_row(html *h, const grid *g, const hrow *r) {
  fputs(r->cls ? "<tr class=\"" : "<tr", h->out);
  if (r->cls) fprintf(h->out, "%s\"", r->cls);
  fputc('>', h->out);
  for (int i = 0; i < r->n; i++) {
    const hcell *c = &r->cells[i];
    cell(h, c->tag, c->cls, c->colspan, c->rowspan, c->text, cell_mm(g, c) - 2.22, g->pt);
  }
  fputs("</tr>\n", h->out);
}

/* ---- the columns of the forms ---- */

/* The width of the widest piece of s that no line may break inside at pt
 * points (a kept run, or a word of letters and digits), in mm. */
static double unbreakable_mm(html *h, double pt, const char *s) {
  size_t n = strlen(s), nruns = 0, k = 0, start = 0;
  const jx_keep *runs = h->breaks ? jx_breaks_find(h->breaks, h->ctx->arena, s, n, &nruns) : NULL;
  double widest = 0;
  int32_t prev = ' ';
  for (size_t i = 0; i <= n;) {
    int32_t cp = ' ';
    size_t next = i < n ? i + (size_t)jx_utf8_decode(s + i, n - i, &cp) : n + 1;
    while (k < nruns && runs[k].end <= i) k++;
    bool in_run = k < nruns && runs[k].start < i;
    bool brk = i == n || (!in_run && (cp == ' ' || cp == '\n' || prev == ' ' || prev == '\n' ||
                                      jx_utf8_cp_width(cp) == 2 || jx_utf8_cp_width(prev) == 2));
    if (brk && i > start && text_mm(pt, s + start, i - start) > widest)
      widest = text_mm(pt, s + start, i - start);
    if (brk) start = cp == ' ' || cp == '\n' ? next : i;
    prev = cp;
    i = next;
  }
  return widest;
}

/* The least width in percent of a column holding s: its widest unbroken
 * piece, or the whole of a level's name up to `ems` characters. */
static double least_pct(html *h, double have, const char *s, double ems) {
  double mm = unbreakable_mm(h, 9, s);
  double whole = text_mm(9, s, strlen(s));
  if (ems > 0 && whole <= ems * 9 * mm_per_pt + 0.01 && whole > mm) mm = whole;
  double pct = (mm + 2.22 + 0.3) / 1.8;
  return pct > have ? pct : have;
}

/* The forms' columns for the document: those of the official form, widened
 * where the document has a level name, a value or a basis they cannot hold
 * whole (as the PDF does); the description columns give way. Every form of
 * the document has the same columns. */
static void form_columns(html *h, const jx_tables *r) {
  double min[FORM_COLS] = {0};
  min[0] = least_pct(h, 0, "一级指标", 0);
  min[1] = least_pct(h, 0, "二级指标", 0);
  double value = least_pct(h, 0, "年度指标值", 0), basis = least_pct(h, 0, "指标值确定依据", 0);
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++) {
      const jx_report_project *p = unit->projects.items[i];
      for (size_t k = 0; k < p->rows.len; k++) {
        const jx_report_row *row = p->rows.items[k];
        if (!row->flat) {
          min[0] = least_pct(h, min[0], row->level1, 5);
          min[1] = least_pct(h, min[1], row->level2, 7);
        }
        value = least_pct(h, value, row->value, 0);
        value = least_pct(h, value, row->long_term, 0);
        basis = least_pct(h, basis, row->basis, 0);
      }
    }
  }
  /* A value takes two columns somewhere in 4..9, the basis 10 and 11;
   * 其他资金 is the label of column 9. */
  for (int c = 4; c < 10; c++) min[c] = value / 2;
  min[9] = least_pct(h, min[9], "其他资金", 0);
  min[10] = min[11] = basis / 2;
  const grid *base = &base_form_grid;
  double sum_min = 0;
  for (int c = 0; c < FORM_COLS; c++) sum_min += min[c];
  double scale = sum_min > 100 ? 100 / sum_min : 1;
  bool fixed[FORM_COLS] = {false};
  for (;;) {
    double left = 100, weights = 0;
    for (int c = 0; c < FORM_COLS; c++) {
      if (fixed[c]) left -= min[c] * scale;
      else weights += base->percent[c];
    }
    bool changed = false;
    for (int c = 0; c < FORM_COLS; c++) {
      if (fixed[c]) {
        h->form.percent[c] = min[c] * scale;
        continue;
      }
      h->form.percent[c] = weights > 0 ? left * base->percent[c] / weights : 0;
      if (h->form.percent[c] < min[c] * scale) {
        fixed[c] = changed = true;
      }
    }
    if (!changed) break;
  }
}

/* ---- a project's form, in pieces a page break may come between ---- */

typedef enum {
  PIECE_ROWS,      /* rows that stay together */
  PIECE_PLAN,      /* the spending plan: estimated as its two rows */
  PIECE_LEVELLED,  /* one row of the table with levels */
  PIECE_FLAT       /* one row of a flat table */
} piece_kind;

typedef struct piece {
  piece_kind kind;
  const jx_report_project *project; /* PIECE_PLAN */
  jx_list rows;               /* PIECE_ROWS: hrow * */
  const jx_report_row *row;   /* the indicator row */
  double mm;                  /* its height, without a table header */
} piece;

/* Grid columns of the value cells: the name, 描述, 年度 (or the one) value,
 * 长期 value, 绩效标准, basis; 0 for a column the project does not have. */
typedef struct value_spans {
  int name, description, value, long_term, standard, basis;
} value_spans;

static value_spans levelled_spans(const jx_report_project *p) {
  if (p->has_long_term && p->has_standard) return (value_spans){1, 2, 2, 2, 1, 2};
  if (p->has_long_term) return (value_spans){2, 2, 2, 2, 0, 2};
  if (p->has_standard) return (value_spans){2, 3, 2, 0, 1, 2};
  return (value_spans){2, 4, 2, 0, 0, 2};
}

/* A flat table has ten grid columns after its title: each of its columns
 * gets one, the rest goes by weight (name and description 4, values and
 * basis 3, 绩效标准 1), the largest remainders first. */
static value_spans flat_spans(const jx_report_project *p) {
  int want[6] = {1, p->flat_description, 1, p->has_long_term, p->has_standard, 1};
  static const int weight[6] = {4, 4, 3, 3, 1, 3};
  int span[6], rest[6], n = 0, total = 0;
  for (int i = 0; i < 6; i++) {
    n += want[i];
    total += want[i] * weight[i];
  }
  int left = 10 - n, given = 0;
  for (int i = 0; i < 6; i++) {
    span[i] = want[i] ? 1 + left * weight[i] / total : 0;
    rest[i] = want[i] ? left * weight[i] % total : -1;
    given += span[i];
  }
  while (given < 10) {
    int best = 0;
    for (int i = 1; i < 6; i++)
      if (rest[i] > rest[best]) best = i;
    span[best]++;
    rest[best] = -1;
    given++;
  }
  return (value_spans){span[0], span[1], span[2], span[3], span[4], span[5]};
}

static void value_heads(hrow *r, const jx_report_project *p, value_spans v) {
  if (v.description) put(r, "th", NULL, v.description, 1, "绩效指标描述");
  put(r, "th", NULL, v.value, 1, p->has_long_term ? "年度指标值" : "指标值");
  if (v.long_term) put(r, "th", NULL, v.long_term, 1, "长期指标值");
  if (v.standard) put(r, "th", NULL, v.standard, 1, "绩效标准");
  put(r, "th", NULL, v.basis, 1, "指标值确定依据");
}

/* The name and value cells of an indicator row, from grid column col. */
static void value_cells(hrow *r, int col, const jx_report_row *row, value_spans v) {
  put_at(r, col, "td", "text", v.name, 1, row->name);
  if (v.description) put(r, "td", "text", v.description, 1, row->description);
  put(r, "td", NULL, v.value, 1, row->value);
  if (v.long_term) put(r, "td", NULL, v.long_term, 1, row->long_term);
  if (v.standard) put(r, "td", NULL, v.standard, 1, row->standard);
  put(r, "td", NULL, v.basis, 1, row->basis);
}

static hrow *levelled_head(html *h, const jx_report_project *p) {
  value_spans v = levelled_spans(p);
  hrow *r = row_new(h, NULL);
  put(r, "th", NULL, 1, 1, "一级指标");
  put(r, "th", NULL, 1, 1, "二级指标");
  put(r, "th", NULL, v.name, 1, "三级指标");
  value_heads(r, p, v);
  return r;
}

/* An indicator row with its 一级/二级 cells spanning span1/span2 rows (0:
 * covered by a cell above). */
static hrow *levelled_row(html *h, const jx_report_project *p, const jx_report_row *row,
                          int span1, int span2) {
  hrow *r = row_new(h, NULL);
  if (span1) put_at(r, 0, "td", NULL, 1, span1, row->level1);
  if (span2) put_at(r, 1, "td", NULL, 1, span2, row->level2);
  value_cells(r, 2, row, levelled_spans(p));
  return r;
}

/* The header of a flat table: its title down two columns over title_span
 * rows, then 指标名称 and the value columns. */
static hrow *flat_head(html *h, const jx_report_project *p, const char *title, int title_span) {
  value_spans v = flat_spans(p);
  hrow *r = row_new(h, NULL);
  put(r, "th", NULL, 2, title_span, title);
  put(r, "th", NULL, v.name, 1, "指标名称");
  value_heads(r, p, v);
  return r;
}

static hrow *flat_row(html *h, const jx_report_project *p, const jx_report_row *row,
                      int title_span) {
  hrow *r = row_new(h, NULL);
  if (title_span) put_at(r, 0, "th", NULL, 2, title_span, row->level1);
  value_cells(r, 2, row, flat_spans(p));
  return r;
}

static piece *piece_new(html *h, jx_list *pieces, piece_kind kind) {
  piece *pc = jx_arena_alloc(h->ctx->arena, sizeof *pc);
  pc->kind = kind;
  jx_list_push(h->ctx->arena, pieces, pc);
  return pc;
}

static void add_row(html *h, piece *pc, hrow *r) {
  jx_list_push(h->ctx->arena, &pc->rows, r);
  pc->mm += row_mm(h, &h->form, r);
}

/* A row of label | text cells: two fields (2 + 4 + 2 + 4 columns) or one
 * (2 + 10), a piece of its own. */
static void field_piece(html *h, jx_list *pieces, const jx_report_field *f,
                        const jx_report_field *g) {
  hrow *r = row_new(h, NULL);
  put(r, "th", NULL, 2, 1, f->label);
  put(r, "td", "text", g ? 4 : 10, 1, f->text);
  if (g) {
    put(r, "th", NULL, 2, 1, g->label);
    put(r, "td", "text", 4, 1, g->text);
  }
  add_row(h, piece_new(h, pieces, PIECE_ROWS), r);
}

static void field_pieces(html *h, jx_list *pieces, const jx_list *fields, bool pairs) {
  for (size_t i = 0; i < fields->len; i += pairs ? 2 : 1)
    field_piece(h, pieces, fields->items[i],
                pairs && i + 1 < fields->len ? fields->items[i + 1] : NULL);
}

/* The funding table: 项目资金 down the label columns, a line per source
 * (nested ones indented), two grid columns per budget stated. */
static void funding_piece(html *h, jx_list *pieces, const jx_report_project *p) {
  static const char *const heads[JX_REPORT_NBUDGETS] = {"资金总额", "中期预算", "年度预算"};
  int k = 0;
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++) k += p->budgets[i];
  piece *pc = piece_new(h, pieces, PIECE_ROWS);
  hrow *r = row_new(h, NULL);
  put(r, "th", NULL, 2, 1 + (int)p->sources.len, "项目资金");
  put(r, "th", NULL, 10 - 2 * k, 1, "资金来源");
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++)
    if (p->budgets[i]) put(r, "th", NULL, 2, 1, heads[i]);
  add_row(h, pc, r);
  for (size_t s = 0; s < p->sources.len; s++) {
    const jx_report_source *src = p->sources.items[s];
    r = row_new(h, NULL);
    put_at(r, 2, "td", "text", 10 - 2 * k, 1, src->label);
    for (int i = 0; i < JX_REPORT_NBUDGETS; i++)
      if (p->budgets[i]) put(r, "td", "num", 2, 1, src->cell[i]);
    add_row(h, pc, r);
  }
}

static void schedule_piece(html *h, jx_list *pieces, const jx_report_project *p) {
  piece *pc = piece_new(h, pieces, PIECE_ROWS);
  hrow *r = row_new(h, NULL);
  put(r, "th", NULL, 2, 1 + (int)p->stages.len, "实施进度");
  put(r, "th", NULL, 3, 1, "阶段");
  put(r, "th", NULL, 3, 1, "时间");
  put(r, "th", NULL, 4, 1, "描述");
  add_row(h, pc, r);
  for (size_t i = 0; i < p->stages.len; i++) {
    const jx_report_stage *s = p->stages.items[i];
    r = row_new(h, NULL);
    put_at(r, 2, "td", "text", 3, 1, s->name);
    put(r, "td", NULL, 3, 1, s->when);
    put(r, "td", "text", 4, 1, s->description);
    add_row(h, pc, r);
  }
}

/* The plan: 资金支出计划（%） down two rows of the label columns, the months
 * in a table of their own over the other ten, each month as wide as the
 * others. */
static void write_plan(html *h, const jx_report_project *p) {
  double w = 0;
  for (int c = 2; c < FORM_COLS; c++) w += h->form.percent[c] * 1.8;
  double usable = w / p->nmonths - 2.22;
  fputs("<tr>", h->out);
  cell(h, "th", NULL, 2, 1, "资金支出计划（%）", (h->form.percent[0] + h->form.percent[1]) * 1.8 - 2.22,
       9);
  fputs("<td colspan=\"10\" class=\"plan\"><table class=\"plan\">\n<tr>", h->out);
  for (int m = 0; m < p->nmonths; m++)
    cell(h, "th", NULL, 1, 1, jx_arena_printf(h->ctx->arena, "%d月底", p->months[m]), usable, 9);
  fputs("</tr>\n<tr>", h->out);
  for (int m = 0; m < p->nmonths; m++) cell(h, "td", NULL, 1, 1, p->plan[m], usable, 9);
  fputs("</tr>\n</table></td></tr>\n", h->out);
}

/* The form of p as pieces, in the order of the forms. */
static jx_list form_pieces(html *h, const jx_report_project *p) {
  jx_arena *a = h->ctx->arena;
  jx_list pieces = {0};
  hrow *r = row_new(h, NULL);
  if (*p->code) {
    put(r, "th", NULL, 2, 1, "项目编码");
    put(r, "td", NULL, 4, 1, p->code);
  }
  put(r, "th", NULL, 2, 1, "项目名称");
  put(r, "td", "text", *p->code ? 4 : 10, 1, p->name);
  add_row(h, piece_new(h, &pieces, PIECE_ROWS), r);
  field_pieces(h, &pieces, &p->info, true);
  field_pieces(h, &pieces, &p->texts, false);

  piece *pc = piece_new(h, &pieces, PIECE_ROWS);
  r = row_new(h, NULL);
  put(r, "th", NULL, 2, 2, "预算规模及资金用途");
  put(r, "th", NULL, 1, 1, "预算数");
  put(r, "td", "num", 2, 1, p->budget);
  put(r, "th", NULL, 2, 1, "其中：财政资金");
  put(r, "td", "num", 2, 1, p->fiscal);
  put(r, "th", NULL, 1, 1, "其他资金");
  put(r, "td", "num", 2, 1, p->other);
  add_row(h, pc, r);
  r = row_new(h, NULL);
  put_at(r, 2, "td", "text", 10, 1, p->purpose);
  add_row(h, pc, r);
  if (p->sources.len) funding_piece(h, &pieces, p);

  /* The plan: estimated as two rows on the grid; written as a table of its
   * own in the cell, so that the months are equally wide (write_plan). */
  pc = piece_new(h, &pieces, PIECE_PLAN);
  pc->project = p;
  r = row_new(h, NULL);
  put(r, "th", NULL, 2, 2, "资金支出计划（%）");
  int base = 10 / p->nmonths, extra = 10 % p->nmonths;
  for (int m = 0; m < p->nmonths; m++)
    put(r, "th", NULL, base + (m < extra), 1, jx_arena_printf(a, "%d月底", p->months[m]));
  add_row(h, pc, r);
  r = row_new(h, NULL);
  for (int m = 0; m < p->nmonths; m++)
    put_at(r, m ? next_col(r) : 2, "td", NULL, base + (m < extra), 1, p->plan[m]);
  add_row(h, pc, r);

  if (p->stages.len) schedule_piece(h, &pieces, p);
  if (*p->medium_target)
    field_piece(h, &pieces, &(jx_report_field){"中期目标", p->medium_target}, NULL);
  field_piece(h, &pieces, &(jx_report_field){"绩效目标", p->target}, NULL);

  /* Indicator rows, estimated with the merged cells of the whole table. */
  if (!p->nlevelled && !p->nflat) add_row(h, piece_new(h, &pieces, PIECE_ROWS), levelled_head(h, p));
  for (int flat = 0; flat < 2; flat++)
    for (size_t i = 0; i < p->rows.len; i++) {
      const jx_report_row *row = p->rows.items[i];
      if (row->flat != flat) continue;
      pc = piece_new(h, &pieces, flat ? PIECE_FLAT : PIECE_LEVELLED);
      pc->row = row;
      pc->mm = row_mm(h, &h->form, flat ? flat_row(h, p, row, row->level1_span)
                                       : levelled_row(h, p, row, row->level1_span,
                                                      row->level2_span));
    }
  field_pieces(h, &pieces, &p->labelled, false);
  if (*p->notes) field_piece(h, &pieces, &(jx_report_field){"其他说明", p->notes}, NULL);
  return pieces;
}

/* Headings above a form's table: h2 (14pt, 4 mm below) and the line with
 * the unit and the money unit (10pt, 1.5 mm below), with room to spare. */
static double form_room(void) {
  return printable_mm - (14 * 1.55 * mm_per_pt + 4) - (10 * 1.55 * mm_per_pt + 1.5) - 8;
}

/* The header a piece needs when it opens a page or follows another kind:
 * an indicator table's. */
static double head_mm(html *h, const jx_report_project *p, const piece *pc, const piece *prev) {
  if (pc->kind == PIECE_ROWS || pc->kind == PIECE_PLAN || (prev && prev->kind == pc->kind)) return 0;
  return row_mm(h, &h->form, pc->kind == PIECE_LEVELLED ? levelled_head(h, p)
                                                       : flat_head(h, p, pc->row->level1, 1));
}

/* Which page of the form each piece goes on (0-based); returns the pages. */
static int paginate(html *h, const jx_report_project *p, const jx_list *pieces, int *page) {
  double room = form_room(), used = 0;
  int n = 0;
  const piece *prev = NULL;
  for (size_t i = 0; i < pieces->len; i++) {
    const piece *pc = pieces->items[i];
    double mm = pc->mm + head_mm(h, p, pc, prev);
    if (prev && used + mm > room) {
      n++;
      used = 0;
      prev = NULL;
      mm = pc->mm + head_mm(h, p, pc, NULL);
    }
    page[i] = n;
    used += mm;
    prev = pc;
  }
  return n + 1;
}

/* The laid-out forms: pieces, their pages, and the first page number. */
typedef struct form {
  const jx_report_unit *unit;
  const jx_report_project *project;
  jx_list pieces;
  int *page;
  int pages, first_page;
} form;

/* Rows from piece i on that stay on the same page, of the same kind, until
 * one whose `starts` says a new merged cell begins. */
static int run(const form *f, size_t i, int level) {
  const piece *pc = f->pieces.items[i];
  int n = 1;
  for (size_t k = i + 1; k < f->pieces.len; k++, n++) {
    const piece *q = f->pieces.items[k];
    if (f->page[k] != f->page[i] || q->kind != pc->kind) break;
    if (q->row->level1_span || (level == 2 && q->row->level2_span)) break;
  }
  return n;
}

static void form_page_open(html *h, const jx_tables *r, const form *f, bool first) {
  const jx_report_project *p = f->project;
  fputs("<section class=\"page project\"", h->out);
  if (first) {
    fputs(" id=\"p-", h->out);
    esc(h, p->anchor);
    fputc('"', h->out);
  }
  fputs(">\n<h2>", h->out);
  esc(h, jx_arena_printf(h->ctx->arena, "%d. %s绩效目标表%s", p->number, p->name,
                         first ? "" : "（续）"));
  fputs("</h2>\n<div class=\"meta\"><span>", h->out);
  esc(h, f->unit->heading);
  fputs("</span><span>单位：", h->out);
  esc(h, r->money_unit);
  fputs("</span></div>\n<table class=\"form\">\n<colgroup>", h->out);
  for (int i = 0; i < FORM_COLS; i++)
    fprintf(h->out, "<col style=\"width:%g%%\">", h->form.percent[i]);
  fputs("</colgroup>\n", h->out);
}

/* Writes the form over its pages. On each page an indicator table starts
 * with its header, and the merged cells of a page's first row cover only
 * the rows on that page. */
static void write_form(html *h, const jx_tables *r, const form *f) {
  const jx_report_project *p = f->project;
  for (size_t i = 0; i < f->pieces.len; i++) {
    const piece *pc = f->pieces.items[i];
    bool opens = i == 0 || f->page[i] != f->page[i - 1];
    if (opens) {
      if (i) fputs("</table>\n</section>\n", h->out);
      form_page_open(h, r, f, i == 0);
    }
    const piece *prev = opens ? NULL : f->pieces.items[i - 1];
    bool table_opens = !prev || prev->kind != pc->kind;
    switch (pc->kind) {
      case PIECE_ROWS:
        for (size_t k = 0; k < pc->rows.len; k++) write_row(h, &h->form, pc->rows.items[k]);
        break;
      case PIECE_PLAN: write_plan(h, pc->project); break;
      case PIECE_LEVELLED: {
        if (table_opens) write_row(h, &h->form, levelled_head(h, p));
        int span1 = table_opens || pc->row->level1_span ? run(f, i, 1) : 0;
        int span2 = table_opens || pc->row->level2_span ? run(f, i, 2) : 0;
        write_row(h, &h->form, levelled_row(h, p, pc->row, span1, span2));
        break;
      }
      case PIECE_FLAT: {
        int span = table_opens || pc->row->level1_span ? run(f, i, 1) : 0;
        if (table_opens) {
          write_row(h, &h->form, flat_head(h, p, pc->row->level1, span + 1));
          span = 0;
        }
        write_row(h, &h->form, flat_row(h, p, pc->row, span));
        break;
      }
    }
  }
  fputs("</table>\n</section>\n", h->out);
}

/* ---- the summary, over as many pages as it needs ---- */

typedef struct summary_plan {
  jx_list rows; /* hrow *: the lines, then the total */
  int *page;
  int pages;
  hrow *head;
} summary_plan;

static summary_plan plan_summary(html *h, const jx_tables *r) {
  jx_arena *a = h->ctx->arena;
  summary_plan s = {0};
  s.head = row_new(h, NULL);
  const char *head[] = {r->summary_code, r->summary_name, "项目数", "预算数",
                        "财政资金", "其他资金", "指标数"};
  for (int i = 0; i < 7; i++) put(s.head, "th", NULL, 1, 1, head[i]);
  static const char *const classes[] = {
      [JX_LINE_UNIT] = NULL, [JX_LINE_SECTION] = "section", [JX_LINE_PROJECT] = "project"};
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    hrow *row = row_new(h, classes[l->kind]);
    put(row, "td", NULL, 1, 1, l->code);
    put(row, "td", "text", 1, 1, l->name);
    put(row, "td", "num", 1, 1, l->projects);
    put(row, "td", "num", 1, 1, l->budget);
    put(row, "td", "num", 1, 1, l->fiscal);
    put(row, "td", "num", 1, 1, l->other);
    put(row, "td", "num", 1, 1, l->rows);
    jx_list_push(a, &s.rows, row);
  }
  hrow *total = row_new(h, "total");
  put(total, "td", NULL, 2, 1, "合计");
  put(total, "td", "num", 1, 1, jx_arena_printf(a, "%d", r->nprojects));
  put(total, "td", "num", 1, 1, r->budget);
  put(total, "td", "num", 1, 1, r->fiscal);
  put(total, "td", "num", 1, 1, r->other);
  put(total, "td", "num", 1, 1, jx_arena_printf(a, "%d", r->nrows));
  jx_list_push(a, &s.rows, total);
  /* Headings: h2 on the first page of a whole document (14pt, 4 mm below),
   * h3 (12pt, 4 mm above, 2 mm below), the money unit's line (10pt). */
  double h2 = r->whole_document ? 14 * 1.55 * mm_per_pt + 4 : 0;
  double rest = 12 * 1.55 * mm_per_pt + 6 + 10 * 1.55 * mm_per_pt + 1.5 + 8;
  double head_mm = row_mm(h, &summary_grid, s.head), used = 0, room = printable_mm - h2 - rest;
  s.page = jx_arena_alloc(a, (s.rows.len + 1) * sizeof *s.page);
  for (size_t i = 0; i < s.rows.len; i++) {
    double mm = row_mm(h, &summary_grid, s.rows.items[i]);
    if (i && used + head_mm + mm > room) {
      s.pages++;
      used = 0;
      room = printable_mm - rest;
    }
    s.page[i] = s.pages;
    used += mm;
  }
  s.pages++;
  return s;
}

static void write_summary(html *h, const jx_tables *r, const summary_plan *s) {
  for (size_t i = 0; i < s->rows.len; i++) {
    if (i == 0 || s->page[i] != s->page[i - 1]) {
      if (i) fputs("</table>\n</section>\n", h->out);
      fputs(i ? "<section class=\"page summary\">\n"
              : "<section class=\"page summary\" id=\"part-two\">\n",
            h->out);
      if (!i && r->whole_document) fputs("<h2>第二部分　预算项目绩效目标</h2>\n", h->out);
      fputs(i ? "<h3>预算项目汇总表（续）</h3>\n" : "<h3 id=\"summary\">预算项目汇总表</h3>\n",
            h->out);
      fputs("<div class=\"meta\"><span></span><span>单位：", h->out);
      esc(h, r->money_unit);
      fputs("</span></div>\n<table class=\"summary\">\n<colgroup>", h->out);
      for (int c = 0; c < SUMMARY_COLS; c++)
        fprintf(h->out, "<col style=\"width:%g%%\">", summary_grid.percent[c]);
      fputs("</colgroup>\n", h->out);
      write_row(h, &summary_grid, s->head);
    }
    write_row(h, &summary_grid, s->rows.items[i]);
  }
  fputs("</table>\n</section>\n", h->out);
}

/* ---- the title, contents and part one ---- */

/* Pages: the title, the contents (as many pages as its entries need),
 * part one (as many as it needs), then the summary's pages and the forms'. */
static void title_page(html *h, const jx_tables *r) {
  fputs("<section class=\"page title\">\n<h1>", h->out);
  esc(h, r->department);
  fputs("</h1>\n<p class=\"subtitle\">", h->out);
  esc(h, r->year);
  fputs(" 年部门预算绩效文本</p>\n", h->out);
  if (*r->compiled_by) {
    fputs("<p class=\"signature\">", h->out);
    esc(h, r->compiled_by);
    fputs("编制</p>\n", h->out);
  }
  if (*r->reviewed_by) {
    fputs("<p class=\"signature\">", h->out);
    esc(h, r->reviewed_by);
    fputs("审核</p>\n", h->out);
  }
  fputs("</section>\n", h->out);
}

/* An entry of the contents and the page it points to. */
typedef struct toc_item {
  const char *cls, *href, *text;
  int page;
  int toc_page; /* the page of the contents it is on, 0-based */
} toc_item;

/* The height of an entry: 10.5pt lines (line height 1.55) in the width
 * left by the page number, .6 mm between entries, 3 mm above a part. */
static double toc_mm(html *h, const toc_item *t) {
  static const grid toc_grid = {1, {92}, 10.5, 1.55};
  return lines_in(h, &toc_grid, t->text, 180 * 0.92) * 10.5 * 1.55 * mm_per_pt + 0.6 +
         (t->cls ? 3 : 0);
}

/* Puts the entries on pages below the heading (14pt, 4 mm below); returns
 * the number of pages. */
static int paginate_toc(html *h, toc_item *items, size_t n) {
  double room = printable_mm - (14 * 1.55 * mm_per_pt + 4) - 8, used = 0;
  int pages = 0;
  for (size_t i = 0; i < n; i++) {
    double mm = toc_mm(h, &items[i]);
    if (used > 0 && used + mm > room) {
      pages++;
      used = 0;
    }
    items[i].toc_page = pages;
    used += mm;
  }
  return pages + 1;
}

static void toc_pages(html *h, const toc_item *items, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const toc_item *t = &items[i];
    if (i == 0 || t->toc_page != items[i - 1].toc_page) {
      if (i) fputs("</ol>\n</section>\n", h->out);
      fprintf(h->out, "<section class=\"page contents\">\n<h2>目　录%s</h2>\n<ol class=\"toc\">\n",
              i ? "（续）" : "");
    }
    fprintf(h->out, "<li%s%s%s><a href=\"#%s\">", t->cls ? " class=\"" : "",
            t->cls ? t->cls : "", t->cls ? "\"" : "", t->href);
    esc(h, t->text);
    fprintf(h->out, "</a><span class=\"fill\"></span><span>%d</span></li>\n", t->page);
  }
  fputs("</ol>\n</section>\n", h->out);
}

/* ---- part one, flowing over its pages ---- */

/* A block of part one: a heading or a paragraph (or the part of one that
 * is on a page), and the page it is on. */
typedef enum { BLOCK_H2, BLOCK_H3, BLOCK_H4, BLOCK_P } block_kind;

typedef struct block {
  block_kind kind;
  const char *id;   /* the anchor of a heading the contents link to, or NULL */
  const char *text; /* a paragraph: with quarter-em spaces (breaks.h) */
  bool split;       /* a paragraph that goes on on the next page */
  bool cont;        /* the rest of a paragraph from the page before */
  int page;         /* 0-based, within part one */
} block;

typedef struct flow {
  jx_list blocks; /* block * */
  int pages;
  int overall, sub_targets, safeguards; /* pages of the sections, -1: none */
} flow;

static const double body_line = 10.5 * 1.55 * 25.4 / 72; /* mm */

/* A block's height: its lines and margins (adjacent margins are added,
 * not collapsed: generous). */
static double heading_mm(block_kind k) {
  switch (k) {
    case BLOCK_H2: return 14 * 1.55 * mm_per_pt + 4;
    case BLOCK_H3: return 12 * 1.55 * mm_per_pt + 4 + 2;
    default: return 10.5 * 1.55 * mm_per_pt + 3 + 1;
  }
}

static block *add_block(html *h, flow *f, block_kind kind, const char *id, const char *text) {
  block *b = jx_arena_alloc(h->ctx->arena, sizeof *b);
  b->kind = kind;
  b->id = id;
  b->text = text;
  jx_list_push(h->ctx->arena, &f->blocks, b);
  return b;
}

/* Lays part one out: its blocks in order on pages of printable_mm (with
 * room to spare), a heading never last on a page (it and two lines of what
 * follows go together), a paragraph divided between lines where a page is
 * full, two lines at least on either side. */
static flow plan_part_one(html *h, const jx_tables *r) {
  jx_arena *a = h->ctx->arena;
  static const char *const numerals[] = {"一", "二", "三"};
  flow f = {.overall = -1, .sub_targets = -1, .safeguards = -1};
  jx_list in = {0};
  flow src = {0};
  int n = 0;
  if (!*r->overall_target && !r->sub_targets.len && !r->safeguards.len) return f;
  add_block(h, &src, BLOCK_H2, "part-one", "第一部分　部门整体绩效目标");
  if (*r->overall_target) {
    add_block(h, &src, BLOCK_H3, "overall", jx_arena_printf(a, "%s、总体绩效目标", numerals[n++]));
    add_block(h, &src, BLOCK_P, NULL, r->overall_target);
  }
  if (r->sub_targets.len) {
    add_block(h, &src, BLOCK_H3, "sub-targets", jx_arena_printf(a, "%s、分项绩效目标", numerals[n++]));
    for (size_t i = 0; i < r->sub_targets.len; i++) {
      const jx_sub_target *st = r->sub_targets.items[i];
      add_block(h, &src, BLOCK_H4, NULL, jx_arena_printf(a, "%zu、%s", i + 1, st->title.text));
      for (size_t k = 0; k < st->texts.len; k++) {
        const jx_text_item *t = st->texts.items[k];
        add_block(h, &src, BLOCK_P, NULL,
                  jx_arena_printf(a, "%s%s",
                                  t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "绩效目标："
                                                                          : "绩效指标：",
                                  t->text.text));
      }
    }
  }
  if (r->safeguards.len) {
    add_block(h, &src, BLOCK_H3, "safeguards", jx_arena_printf(a, "%s、工作保障措施", numerals[n++]));
    for (size_t i = 0; i < r->safeguards.len; i++) {
      const jx_safeguard *sg = r->safeguards.items[i];
      add_block(h, &src, BLOCK_H4, NULL, jx_arena_printf(a, "%zu、%s", i + 1, sg->title.text));
      add_block(h, &src, BLOCK_P, NULL, sg->text.text);
    }
  }
  in = src.blocks;
  double room = printable_mm - 8, used = 0, usable = 180 - 0.5, indent = 2 * 10.5 * mm_per_pt;
  int page = 0;
  for (size_t i = 0; i < in.len; i++) {
    block *b = in.items[i];
    if (b->kind != BLOCK_P) {
      double need = heading_mm(b->kind) + 2 * body_line + 2.5;
      if (used > 0 && used + need > room) {
        page++;
        used = 0;
      }
      b->page = page;
      used += heading_mm(b->kind);
      jx_list_push(a, &f.blocks, b);
      if (b->id && !strcmp(b->id, "overall")) f.overall = page;
      if (b->id && !strcmp(b->id, "sub-targets")) f.sub_targets = page;
      if (b->id && !strcmp(b->id, "safeguards")) f.safeguards = page;
      continue;
    }
    /* A paragraph, over as many pages as it needs. */
    const char *text = jx_breaks_cjk_spaces(a, b->text);
    bool cont = false;
    for (;;) {
      int lines = lines_at(h, 10.5, text, usable, cont ? 0 : indent, NULL, 0);
      size_t *ends = jx_arena_alloc(a, (size_t)(lines + 1) * sizeof *ends);
      lines_at(h, 10.5, text, usable, cont ? 0 : indent, ends, lines);
      int fit = (int)((room - used - 2) / body_line);
      block *piece = jx_arena_alloc(a, sizeof *piece);
      *piece = (block){BLOCK_P, NULL, text, false, cont, page};
      if (lines <= fit) {
        jx_list_push(a, &f.blocks, piece);
        used += lines * body_line + 2;
        break;
      }
      if (fit > lines - 2) fit = lines - 2; /* two lines go on */
      if (fit < 2 && used > 0) { /* not two lines here: all on the next page */
        page++;
        used = 0;
        continue;
      }
      if (fit < 1) fit = 1; /* a page holds less than two lines of it */
      size_t cut = ends[fit - 1];
      piece->text = jx_arena_strndup(a, text, cut);
      piece->split = true;
      jx_list_push(a, &f.blocks, piece);
      text = text + cut;
      cont = true;
      page++;
      used = 0;
    }
  }
  f.pages = page + 1;
  return f;
}

static void write_part_one(html *h, const flow *f) {
  for (size_t i = 0; i < f->blocks.len; i++) {
    const block *b = f->blocks.items[i];
    if (i == 0 || b->page != ((const block *)f->blocks.items[i - 1])->page) {
      if (i) fputs("</section>\n", h->out);
      fputs("<section class=\"page part-one\">\n", h->out);
    }
    static const char *const tags[] = {"h2", "h3", "h4", "p"};
    const char *tag = tags[b->kind];
    fprintf(h->out, "<%s", tag);
    if (b->id) fprintf(h->out, " id=\"%s\"", b->id);
    if (b->split || b->cont)
      fprintf(h->out, " class=\"%s%s%s\"", b->cont ? "cont" : "", b->cont && b->split ? " " : "",
              b->split ? "split" : "");
    fputc('>', h->out);
    esc_kept(h, b->text, 180, 10.5);
    fprintf(h->out, "</%s>\n", tag);
  }
  fputs("</section>\n", h->out);
}

bool jx_render_html(jx_ctx *ctx, const jx_tables *r, FILE *out) {
  html h = {ctx, out, r->breaks, base_form_grid};
  bool summary = r->whole_document || r->units.len > 1;
  summary_plan s = {0};
  if (summary) s = plan_summary(&h, r);
  form_columns(&h, r);
  /* Lay out every form first: the contents give their page numbers. */
  size_t nforms = (size_t)r->nprojects;
  form *forms = jx_arena_alloc(ctx->arena, (nforms + 1) * sizeof *forms);
  size_t n = 0;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++, n++) {
      form *f = &forms[n];
      f->unit = unit;
      f->project = unit->projects.items[i];
      f->pieces = form_pieces(&h, f->project);
      f->page = jx_arena_alloc(ctx->arena, (f->pieces.len + 1) * sizeof *f->page);
      f->pages = paginate(&h, f->project, &f->pieces, f->page);
    }
  }
  /* Part one, then the contents: part one, the summary, each form. */
  flow one = {0};
  if (r->whole_document) one = plan_part_one(&h, r);
  toc_item *toc = jx_arena_alloc(ctx->arena, (n + 6) * sizeof *toc);
  size_t nt = 0;
  static const char *const numerals[] = {"一", "二", "三"};
  int sections = 0;
  int offsets[6]; /* the fixed entries' pages: from part one's first, or -1 after it */
  if (one.blocks.len) {
    toc[nt] = (toc_item){"part", "part-one", "第一部分　部门整体绩效目标", 0, 0};
    offsets[nt++] = 0;
    if (one.overall >= 0) {
      toc[nt] = (toc_item){NULL, "overall",
                           jx_arena_printf(ctx->arena, "%s、总体绩效目标", numerals[sections++]),
                           0, 0};
      offsets[nt++] = one.overall;
    }
    if (one.sub_targets >= 0) {
      toc[nt] = (toc_item){NULL, "sub-targets",
                           jx_arena_printf(ctx->arena, "%s、分项绩效目标", numerals[sections++]),
                           0, 0};
      offsets[nt++] = one.sub_targets;
    }
    if (one.safeguards >= 0) {
      toc[nt] = (toc_item){NULL, "safeguards",
                           jx_arena_printf(ctx->arena, "%s、工作保障措施", numerals[sections++]),
                           0, 0};
      offsets[nt++] = one.safeguards;
    }
  }
  toc[nt] = (toc_item){"part", "part-two", "第二部分　预算项目绩效目标", 0, 0};
  offsets[nt++] = -1;
  toc[nt] = (toc_item){NULL, "summary", "预算项目汇总表", 0, 0};
  offsets[nt++] = -1;
  size_t fixed = nt;
  for (size_t i = 0; i < n; i++) {
    const jx_report_project *p = forms[i].project;
    toc[nt++] = (toc_item){NULL, jx_arena_printf(ctx->arena, "p-%s", p->anchor),
                           jx_arena_printf(ctx->arena, "%d. %s绩效目标表", p->number, p->name),
                           0, 0};
  }
  int toc_n = r->whole_document ? paginate_toc(&h, toc, nt) : 0;
  /* Page numbers: title, contents, part one, summary, forms. */
  int part_one_page = 2 + toc_n;
  int pages = r->whole_document ? part_one_page - 1 + (one.blocks.len ? one.pages : 0) : 0;
  for (size_t i = 0; i < fixed; i++)
    toc[i].page = offsets[i] >= 0 ? part_one_page + offsets[i] : pages + 1;
  pages += s.pages;
  for (size_t i = 0; i < n; i++) {
    forms[i].first_page = pages + 1;
    toc[fixed + i].page = pages + 1;
    pages += forms[i].pages;
  }
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"generator\" content=\"jxc\">\n", out);
  fprintf(out, "<meta name=\"jixiao-pages\" content=\"%d\">\n<title>", pages);
  esc(&h, jx_arena_printf(ctx->arena, "%s %s 年部门预算绩效文本", r->department, r->year));
  fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
  if (r->whole_document) {
    title_page(&h, r);
    toc_pages(&h, toc, nt);
    if (one.blocks.len) write_part_one(&h, &one);
  }
  if (summary) write_summary(&h, r, &s);
  for (size_t i = 0; i < n; i++) write_form(&h, r, &forms[i]);
  fputs("</body>\n</html>\n", out);
  return !ferror(out);
}
