/* --format=xlsx: the tables as an Excel workbook, written by libxlsxwriter.
 *
 * Sheets: "汇总" (one row per line of the summary: budget units, and the
 * 类别 subtotals above their projects where a unit has 类别 lines, then a
 * 合计 row), "资金支出计划" (one row per project, a percentage column per
 * month of the document's plans), then one sheet per budget unit
 * ("324001 承德市司法局本级", or the name alone) holding that unit's project
 * forms one under the other, or one sheet per project (its code and a
 * short name: "13080025P00010310003N 12348法…", or the name) with
 * opt->sheet_per_project. Each form is laid out like the official one, on
 * a grid of seven columns A..G (more when a spending plan has more than
 * six months, or the indicator table more columns):
 *
 *   N. 项目名称绩效目标表                                  (title, A..G)
 *   324001 承德市司法局本级 (A..D)                 单位：万元 (E..G)
 *   项目编码 | code (B..C)       | 项目名称 | name (E..G)   (no code: 项目名称 | B..G)
 *   label | text (B..C) | label | text (E..G)   the short fields, two a row
 *   项目概况 | text (B..G), 立项依据 | text (B..G)
 *   预算规模及  | 预算数 | 22.50 | 其中：财政资金 | 22.50 | 其他资金 | (G)
 *   资金用途    | purpose (B..G)
 *   项目资金 | 资金来源 (B..) | 资金总额 | 中期预算 | 年度预算  (a column per
 *            | sources, nested ones indented   budget stated, at the right)
 *   资金支出计  | 3月底 (B..C) | 6月底 (D..E) | 10月底 (F) | 12月底 (G)
 *   划（%）     | 25% ...
 *   实施进度 | 阶段 (B..C) | 时间 (D..E) | 描述 (F..G)
 *   中期目标 | text (B..G);  绩效目标 | target (B..G)
 *   一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 [| 长期指标值]
 *     [| 绩效标准] | 指标值确定依据 (to the last column)
 *   rows; 一级指标 and 二级指标 merged down over their spans
 *   a flat table: its title down A, 指标名称 (B..C) [| 描述] | values
 *   栏目 label | text (B..G) …, 其他说明 | text (B..G)
 *
 * Amounts are number cells. The model holds them as exact decimal strings
 * in the money unit ("22.50"); each string is converted with strtod only
 * when its cell is written (a number cell is an IEEE double in the file
 * format), and the cell's number format shows exactly the string's decimals
 * ("0.00"), so Excel displays what the other formats print. No arithmetic
 * is done in floating point: sums come from the model. Spending-plan cells
 * hold the fraction ("25%" -> 0.25, shifted exactly as a decimal) with a
 * percentage format showing the text's decimals ("0%", "0.0%").
 *
 * Column widths are counted in display columns (a CJK character is two),
 * clamped per column; long texts wrap, and since Excel does not grow rows
 * for wrapped text in merged cells, every row that needs more than one line
 * gets an explicit height estimated the same way. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "report.h"
#include "utf8.h"

enum {
  FORM_COLS = 7,      /* A..G */
  MAX_COLS = 13,      /* a label column and up to twelve months */
  SHEET_NAME_MAX = 31 /* Excel's limit, in UTF-16 code units */
};

/* Per-column bounds of the width, in display columns (CJK = 2). */
static const int form_min[FORM_COLS] = {10, 10, 12, 14, 12, 12, 10};
static const int form_max[FORM_COLS] = {14, 20, 28, 40, 24, 24, 14};
static const int month_col_width = 10; /* H.. when a plan has > 6 months */

/* Points per line of 11pt text, and the title's row height. */
static const double line_height = 15.0;
static const double title_height = 27.0;

static const char *const font = "宋体";

typedef struct xw {
  jx_ctx *ctx;
  const jx_tables *r;
  lxw_workbook *wb;
  lxw_error err;     /* the first error */
  const char *where; /* sheet and cell of the first error, or NULL */

  lxw_format *title, *note_left, *note_right, *label, *head, *text, *center, *count;
  lxw_format *money[JX_DECIMAL_MAX_SCALE + 1];
  lxw_format *percent[JX_DECIMAL_MAX_SCALE + 1];

  jx_list names; /* sheet names in use (char *) */

  /* The sheet being written. */
  lxw_worksheet *ws;
  const char *sheet;
  int width[MAX_COLS]; /* column widths, display columns */
  double *height;      /* row heights wanted, points; 0 for the default */
  size_t nheight;
  jx_list breaks;      /* rows starting a new printed page */
} xw;

/* --- errors ---------------------------------------------------------------- */

static bool ok(const xw *x) { return x->err == LXW_NO_ERROR; }

/* Records the first libxlsxwriter error and where it happened. */
static void fail(xw *x, lxw_error e, int row, int col) {
  if (e == LXW_NO_ERROR || !ok(x)) return;
  x->err = e;
  if (x->sheet && row >= 0 && col >= 0) {
    char ref[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(ref, (lxw_row_t)row, (lxw_col_t)col);
    x->where = jx_arena_printf(x->ctx->arena, _("sheet %s, cell %s"), x->sheet, ref);
  } else if (x->sheet) {
    x->where = jx_arena_printf(x->ctx->arena, _("sheet %s"), x->sheet);
  }
}

/* --- measuring ------------------------------------------------------------- */

static int text_width(const char *s) { return (int)jx_utf8_width(s, strlen(s)); }

/* Lines a text takes in a cell `width` display columns wide when wrapped,
 * each explicit line break starting a new line. */
static int text_lines(const char *s, int width) {
  int usable = width > 3 ? width - 2 : 1;
  int lines = 0;
  for (;;) {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    int w = (int)jx_utf8_width(s, n);
    lines += w ? (w + usable - 1) / usable : 1;
    if (!nl) break;
    s = nl + 1;
  }
  return lines;
}

static void widen(int *width, int col, const char *s) {
  int w = text_width(s) + 2;
  if (w > width[col]) width[col] = w;
}

/* --- formats --------------------------------------------------------------- */

static lxw_format *new_format(xw *x, bool border, uint8_t align, bool wrap) {
  lxw_format *f = workbook_add_format(x->wb);
  if (!f) {
    fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, -1);
    return NULL;
  }
  format_set_font_name(f, font);
  format_set_font_family(f, 3);    /* as Excel writes 宋体 */
  format_set_font_charset(f, 134); /* GB2312 */
  format_set_font_size(f, 11);
  format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (wrap) format_set_text_wrap(f);
  return f;
}

static void make_formats(xw *x) {
  x->title = new_format(x, false, LXW_ALIGN_CENTER, false);
  if (x->title) {
    format_set_bold(x->title);
    format_set_font_size(x->title, 16);
  }
  x->note_left = new_format(x, false, LXW_ALIGN_LEFT, false);
  x->note_right = new_format(x, false, LXW_ALIGN_RIGHT, false);
  x->label = new_format(x, true, LXW_ALIGN_CENTER, true);
  x->head = new_format(x, true, LXW_ALIGN_CENTER, true);
  if (x->head) format_set_bold(x->head);
  x->text = new_format(x, true, LXW_ALIGN_LEFT, true);
  x->center = new_format(x, true, LXW_ALIGN_CENTER, true);
  x->count = new_format(x, true, LXW_ALIGN_RIGHT, false);
  if (x->count) format_set_num_format(x->count, "0");
}

/* Digits after the decimal point of a decimal string ("22.50" -> 2). */
static int decimals(const char *s, size_t n) {
  const char *dot = memchr(s, '.', n);
  if (!dot) return 0;
  int d = (int)(n - (size_t)(dot + 1 - s));
  return d > JX_DECIMAL_MAX_SCALE ? JX_DECIMAL_MAX_SCALE : d;
}

/* "0", "0.0", "0.00", ... followed by suffix ("" or "%"). */
static const char *number_format(xw *x, int d, const char *suffix) {
  char zeros[JX_DECIMAL_MAX_SCALE + 1];
  memset(zeros, '0', (size_t)d);
  zeros[d] = '\0';
  return jx_arena_printf(x->ctx->arena, "0%s%s%s", d ? "." : "", zeros, suffix);
}

/* The bordered number format with d decimals, made on first use. */
static lxw_format *money_format(xw *x, int d) {
  if (!x->money[d]) {
    x->money[d] = new_format(x, true, LXW_ALIGN_RIGHT, false);
    if (x->money[d]) format_set_num_format(x->money[d], number_format(x, d, ""));
  }
  return x->money[d];
}

static lxw_format *percent_format(xw *x, int d) {
  if (!x->percent[d]) {
    x->percent[d] = new_format(x, true, LXW_ALIGN_CENTER, false);
    if (x->percent[d]) format_set_num_format(x->percent[d], number_format(x, d, "%"));
  }
  return x->percent[d];
}

/* --- sheet names ----------------------------------------------------------- */

/* Excel's rules: at most 31 UTF-16 units, none of []:*?/\, not starting or
 * ending with an apostrophe, unique without regard to (ASCII) case, and not
 * "History" (reserved by Excel). Names are cut to fit and numbered "(2)",
 * "(3)"... when taken. */
static char *clean_name(xw *x, const char *want, int max_units) {
  size_t n = strlen(want);
  char *out = jx_arena_alloc(x->ctx->arena, n + 1);
  size_t len = 0;
  int units = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int k = jx_utf8_decode(want + i, n - i, &cp);
    int u = cp > 0xFFFF ? 2 : 1;
    if (units + u > max_units) break;
    bool bad = cp < 0x20 || cp == 0x7F || (cp < 0x80 && strchr("[]:*?/\\", (int)cp));
    if (bad) {
      out[len++] = '_';
    } else {
      memcpy(out + len, want + i, (size_t)k);
      len += (size_t)k;
    }
    units += u;
    i += (size_t)k;
  }
  out[len] = '\0';
  /* Apostrophes may not start or end the name; trailing blanks look odd. */
  char *s = out;
  while (*s == '\'') s++;
  while (len > (size_t)(s - out) && (out[len - 1] == '\'' || out[len - 1] == ' '))
    out[--len] = '\0';
  return s;
}

static bool name_taken(const xw *x, const char *name) {
  if (!strcasecmp(name, "History")) return true;
  for (size_t i = 0; i < x->names.len; i++)
    if (!strcasecmp(x->names.items[i], name)) return true;
  return false;
}

static int utf16_units(const char *s) {
  int units = 0;
  for (size_t i = 0, n = strlen(s); i < n;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, n - i, &cp);
    units += cp > 0xFFFF ? 2 : 1;
  }
  return units;
}

/* A project's sheet (--sheets=project): its code and as much of its name
 * as the 31 characters of a sheet name leave, cut with "…"
 * ("13080025P00010310003N 12348法…"); the name alone without a code. */
static const char *project_sheet_name(xw *x, const jx_report_project *p) {
  const char *prefix = *p->code ? jx_arena_printf(x->ctx->arena, "%s ", p->code) : "";
  int room = SHEET_NAME_MAX - utf16_units(prefix);
  const char *name = p->name;
  if (utf16_units(name) > room && room > 1)
    name = jx_arena_printf(x->ctx->arena, "%s…", clean_name(x, name, room - 1));
  return jx_arena_printf(x->ctx->arena, "%s%s", prefix, name);
}

static const char *sheet_name(xw *x, const char *want) {
  char *name = clean_name(x, want, SHEET_NAME_MAX);
  if (!*name) name = "Sheet";
  for (int k = 2; name_taken(x, name); k++) {
    char suffix[16];
    snprintf(suffix, sizeof suffix, "(%d)", k);
    char *stem = clean_name(x, want, SHEET_NAME_MAX - (int)strlen(suffix));
    name = jx_arena_printf(x->ctx->arena, "%s%s", *stem ? stem : "Sheet", suffix);
  }
  jx_list_push(x->ctx->arena, &x->names, name);
  return name;
}

/* --- cells ----------------------------------------------------------------- */

/* Asks for row to be at least pt points high. */
static void want_height(xw *x, int row, double pt) {
  if ((size_t)row >= x->nheight) {
    size_t n = x->nheight ? x->nheight : 64;
    while (n <= (size_t)row) n *= 2;
    double *h = realloc(x->height, n * sizeof *h);
    if (!h) {
      fail(x, LXW_ERROR_MEMORY_MALLOC_FAILED, row, 0);
      return;
    }
    memset(h + x->nheight, 0, (n - x->nheight) * sizeof *h);
    x->height = h;
    x->nheight = n;
  }
  if (pt > x->height[row]) x->height[row] = pt;
}

static int span_width(const xw *x, int c1, int c2) {
  int w = 0;
  for (int c = c1; c <= c2; c++) w += x->width[c];
  return w;
}

/* Text over rows r1..r2 and columns c1..c2 (merged unless one cell);
 * asks for the height the wrapped text needs. */
static void put_text(xw *x, int r1, int c1, int r2, int c2, const char *s, lxw_format *f) {
  if (!ok(x)) return;
  lxw_error e;
  if (r1 == r2 && c1 == c2)
    e = *s ? worksheet_write_string(x->ws, (lxw_row_t)r1, (lxw_col_t)c1, s, f)
           : worksheet_write_blank(x->ws, (lxw_row_t)r1, (lxw_col_t)c1, f);
  else
    e = worksheet_merge_range(x->ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2,
                              (lxw_col_t)c2, s, f);
  fail(x, e, r1, c1);
  bool wraps = f == x->text || f == x->label || f == x->head || f == x->center;
  if (*s && wraps) {
    int lines = text_lines(s, span_width(x, c1, c2));
    int rows = r2 - r1 + 1;
    int per_row = (lines + rows - 1) / rows;
    if (per_row > 1)
      for (int r = r1; r <= r2; r++) want_height(x, r, per_row * line_height);
  }
}

/* A number cell over r1..r2, c1..c2 from the exact decimal `value`
 * (its string form), shown with format f; blank (but bordered) when
 * value is "". Falls back to text when value is not a plain number. */
static void put_number(xw *x, int r1, int c1, int r2, int c2, const char *value,
                       lxw_format *f, lxw_format *blank) {
  if (!ok(x)) return;
  if (!*value) {
    put_text(x, r1, c1, r2, c2, "", blank);
    return;
  }
  char *end;
  errno = 0;
  double d = strtod(value, &end); /* the file format's number type */
  if (*end || end == value || errno == ERANGE) {
    put_text(x, r1, c1, r2, c2, value, blank);
    return;
  }
  if (r1 != r2 || c1 != c2) {
    fail(x,
         worksheet_merge_range(x->ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2,
                               (lxw_col_t)c2, "", f),
         r1, c1);
    if (!ok(x)) return;
  }
  fail(x, worksheet_write_number(x->ws, (lxw_row_t)r1, (lxw_col_t)c1, d, f), r1, c1);
}

/* An amount: the number format shows exactly the string's decimals. */
static void put_money(xw *x, int r1, int c1, int r2, int c2, const char *value) {
  lxw_format *f = money_format(x, decimals(value, strlen(value)));
  put_number(x, r1, c1, r2, c2, value, f, x->center);
}

/* A spending-plan share, "25%" -> 0.25 with format "0%" ("12.5%" -> 0.125,
 * "0.0%"). The shift by two places is done on the exact decimal. */
static void put_percent(xw *x, int r1, int c1, int r2, int c2, const char *text) {
  size_t n = strlen(text);
  if (n && text[n - 1] == '%') n--;
  jx_decimal v, share;
  char buf[JX_DECIMAL_BUFSIZE];
  if (!*text || !jx_decimal_parse(text, n, &v) || !jx_decimal_shift(v, -2, &share)) {
    put_text(x, r1, c1, r2, c2, text, x->center);
    return;
  }
  put_number(x, r1, c1, r2, c2, jx_decimal_format(share, buf),
             percent_format(x, decimals(text, n)), x->center);
}

static void put_count(xw *x, int row, int col, long long n) {
  if (!ok(x)) return;
  fail(x, worksheet_write_number(x->ws, (lxw_row_t)row, (lxw_col_t)col, (double)n, x->count),
       row, col);
}

/* A count written as text in the model ("14"), or a blank cell for "". */
static void put_count_text(xw *x, int row, int col, const char *n) {
  if (*n)
    put_count(x, row, col, strtoll(n, NULL, 10));
  else
    put_text(x, row, col, row, col, "", x->count);
}

/* --- sheets ---------------------------------------------------------------- */

static void begin_sheet(xw *x, const char *want) {
  if (!ok(x)) return;
  const char *name = sheet_name(x, want);
  x->sheet = name;
  x->nheight = 0;
  free(x->height);
  x->height = NULL;
  x->breaks = (jx_list){0};
  memset(x->width, 0, sizeof x->width);
  lxw_error e = workbook_validate_sheet_name(x->wb, name);
  x->ws = e == LXW_NO_ERROR ? workbook_add_worksheet(x->wb, name) : NULL;
  if (!x->ws) {
    fail(x, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED, -1, -1);
    return;
  }
  worksheet_set_paper(x->ws, 9); /* A4 */
  worksheet_set_landscape(x->ws);
  worksheet_center_horizontally(x->ws);
  worksheet_fit_to_pages(x->ws, 1, 0);
}

/* Column widths (already in x->width), row heights and page breaks. */
static void end_sheet(xw *x, int ncols) {
  if (!ok(x)) return;
  for (int c = 0; c < ncols && ok(x); c++)
    fail(x, worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, x->width[c], NULL), -1, -1);
  for (size_t r = 0; r < x->nheight && ok(x); r++)
    if (x->height[r] > 0)
      fail(x, worksheet_set_row(x->ws, (lxw_row_t)r, x->height[r], NULL), (int)r, 0);
  size_t nb = x->breaks.len < LXW_BREAKS_MAX ? x->breaks.len : LXW_BREAKS_MAX;
  if (nb && ok(x)) {
    /* Kept in the arena: it outlives workbook_close. */
    lxw_row_t *b = jx_arena_alloc(x->ctx->arena, (nb + 1) * sizeof *b);
    for (size_t i = 0; i < nb; i++) b[i] = (lxw_row_t)(size_t)x->breaks.items[i];
    fail(x, worksheet_set_h_pagebreaks(x->ws, b), -1, -1);
  }
}

/* --- the summary ----------------------------------------------------------- */

static void summary_sheet(xw *x) {
  const jx_tables *r = x->r;
  const char *head[] = {r->summary_code, r->summary_name, "项目数", "预算数",
                        "财政资金", "其他资金", "指标数"};
  begin_sheet(x, "汇总");
  if (!ok(x)) return;

  for (int c = 0; c < FORM_COLS; c++) widen(x->width, c, head[c]);
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    widen(x->width, 0, l->code);
    widen(x->width, 1, l->name);
    widen(x->width, 3, l->budget);
    widen(x->width, 4, l->fiscal);
    widen(x->width, 5, l->other);
  }
  widen(x->width, 3, r->budget);
  widen(x->width, 4, r->fiscal);
  widen(x->width, 5, r->other);
  for (int c = 0; c < FORM_COLS; c++) {
    int lo = c == 1 ? 20 : 10, hi = c == 1 ? 40 : 24;
    if (x->width[c] < lo) x->width[c] = lo;
    if (x->width[c] > hi) x->width[c] = hi;
  }

  const char *title = jx_arena_printf(x->ctx->arena, "%s%s%s预算项目绩效目标汇总表",
                                      r->department, r->year, *r->year ? "年" : "");
  put_text(x, 0, 0, 0, FORM_COLS - 1, title, x->title);
  want_height(x, 0, title_height);
  put_text(x, 1, 4, 1, FORM_COLS - 1, jx_arena_printf(x->ctx->arena, "单位：%s", r->money_unit),
           x->note_right);
  for (int c = 0; c < FORM_COLS; c++) put_text(x, 2, c, 2, c, head[c], x->head);
  int row = 3;
  for (size_t i = 0; i < r->lines.len; i++, row++) {
    const jx_report_line *l = r->lines.items[i];
    put_text(x, row, 0, row, 0, l->code, x->center);
    put_text(x, row, 1, row, 1, l->name, x->text);
    put_count_text(x, row, 2, l->projects);
    put_money(x, row, 3, row, 3, l->budget);
    put_money(x, row, 4, row, 4, l->fiscal);
    put_money(x, row, 5, row, 5, l->other);
    put_count_text(x, row, 6, l->rows);
  }
  put_text(x, row, 0, row, 1, "合计", x->head);
  put_count(x, row, 2, r->nprojects);
  put_money(x, row, 3, row, 3, r->budget);
  put_money(x, row, 4, row, 4, r->fiscal);
  put_money(x, row, 5, row, 5, r->other);
  put_count(x, row, 6, r->nrows);
  if (ok(x)) worksheet_freeze_panes(x->ws, 3, 0);
  end_sheet(x, FORM_COLS);
}

/* --- the spending plans ----------------------------------------------------- */

/* "资金支出计划": one row per project, its code, name and budget, then a
 * column per month of the document's plans, each a percentage cell, so the
 * plans can be sorted, summed and charted. */
static void plan_sheet(xw *x) {
  const jx_tables *r = x->r;
  const jx_report_project *first = NULL;
  for (size_t i = 0; i < r->units.len && !first; i++) {
    const jx_report_unit *u = r->units.items[i];
    if (u->projects.len) first = u->projects.items[0];
  }
  if (!first) return;
  int nmonths = first->nmonths, ncols = 5 + nmonths;
  begin_sheet(x, "资金支出计划");
  if (!ok(x)) return;
  const char *head[5] = {"单位编码", "单位名称", "项目编码", "项目名称",
                         jx_arena_printf(x->ctx->arena, "预算数（%s）", r->money_unit)};
  for (int c = 0; c < 5; c++) widen(x->width, c, head[c]);
  put_text(x, 0, 0, 0, ncols - 1,
           jx_arena_printf(x->ctx->arena, "%s%s%s预算项目资金支出计划（%%）", r->department,
                           r->year, *r->year ? "年" : ""),
           x->title);
  want_height(x, 0, title_height);
  for (int c = 0; c < 5; c++) put_text(x, 1, c, 1, c, head[c], x->head);
  for (int m = 0; m < nmonths; m++)
    put_text(x, 1, 5 + m, 1, 5 + m, jx_arena_printf(x->ctx->arena, "%d月底", first->months[m]),
             x->head);
  int row = 2;
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    for (size_t k = 0; k < u->projects.len; k++, row++) {
      const jx_report_project *p = u->projects.items[k];
      widen(x->width, 0, u->code);
      widen(x->width, 1, u->name);
      widen(x->width, 2, p->code);
      widen(x->width, 3, p->name);
      put_text(x, row, 0, row, 0, u->code, x->center);
      put_text(x, row, 1, row, 1, u->name, x->text);
      put_text(x, row, 2, row, 2, p->code, x->center);
      put_text(x, row, 3, row, 3, p->name, x->text);
      put_money(x, row, 4, row, 4, p->budget);
      for (int m = 0; m < nmonths && m < p->nmonths; m++)
        put_percent(x, row, 5 + m, row, 5 + m, p->plan[m]);
    }
  }
  for (int c = 0; c < ncols; c++) {
    int lo = c < 5 ? 10 : month_col_width, hi = c == 1 || c == 3 ? 40 : c == 2 ? 26 : 16;
    if (c >= 5) hi = month_col_width; /* the months all as wide */
    if (x->width[c] < lo) x->width[c] = lo;
    if (x->width[c] > hi) x->width[c] = hi;
  }
  if (ok(x)) worksheet_freeze_panes(x->ws, 2, 4);
  end_sheet(x, ncols);
}

/* --- the project forms ----------------------------------------------------- */

/* Where the columns of a project's indicator tables are. */
typedef struct ind_cols {
  /* the table with levels: 一级 A, 二级 B, 三级 C, 描述 D, then these */
  int value, long_term, standard, basis; /* -1 when absent */
  /* a flat table: title A, 指标名称 name1..name2, then these */
  int name2, fdescription, fvalue, flong_term, fstandard, fbasis;
} ind_cols;

static ind_cols indicator_cols(const jx_report_project *p) {
  ind_cols c;
  int k = 4;
  c.value = k++;
  c.long_term = p->has_long_term ? k++ : -1;
  c.standard = p->has_standard ? k++ : -1;
  c.basis = k;
  k = 3;
  c.name2 = 2;
  c.fdescription = p->flat_description ? k++ : -1;
  c.fvalue = k++;
  c.flong_term = p->has_long_term ? k++ : -1;
  c.fstandard = p->has_standard ? k++ : -1;
  c.fbasis = k;
  return c;
}

/* The last column of a project's form: G, or further right when the plan
 * has more than six months (one column each) or the indicator tables more
 * than seven columns. */
static int last_col(const jx_report_project *p) {
  ind_cols c = indicator_cols(p);
  int last = p->nmonths > FORM_COLS - 1 ? p->nmonths : FORM_COLS - 1;
  if (c.basis > last) last = c.basis;
  if (p->nflat && c.fbasis > last) last = c.fbasis;
  return last;
}

/* Widens the sheet's columns for the single-column cells of p's form;
 * merged texts wrap instead. */
static void measure(xw *x, const jx_report_project *p) {
  int *w = x->width;
  const char *labels[][2] = {{"项目编码", "绩效目标"}, {"预算数", "二级指标"},
                             {"三级指标", ""},         {"项目名称", "其中：财政资金"},
                             {"指标值", ""},           {"其他资金", ""}};
  for (int c = 0; c < 6; c++) {
    widen(w, c, labels[c][0]);
    widen(w, c, labels[c][1]);
  }
  for (size_t i = 0; i < p->info.len; i++) {
    const jx_report_field *f = p->info.items[i];
    widen(w, i % 2 ? 3 : 0, f->label);
  }
  widen(w, 2, p->budget);
  widen(w, 4, p->fiscal);
  widen(w, 6, p->other);
  ind_cols c = indicator_cols(p);
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *row = p->rows.items[i];
    if (row->flat) {
      if (c.fdescription >= 0) widen(w, c.fdescription, row->description);
      widen(w, c.fvalue, row->value);
      if (c.flong_term >= 0) widen(w, c.flong_term, row->long_term);
      if (c.fstandard >= 0) widen(w, c.fstandard, row->standard);
      continue;
    }
    widen(w, 0, row->level1);
    widen(w, 1, row->level2);
    widen(w, 2, row->name);
    widen(w, 3, row->description);
    widen(w, c.value, row->value);
    if (c.long_term >= 0) widen(w, c.long_term, row->long_term);
    if (c.standard >= 0) widen(w, c.standard, row->standard);
    if (c.basis < FORM_COLS - 1) widen(w, c.basis, row->basis);
  }
}

static void clamp_widths(xw *x, int ncols) {
  for (int c = 0; c < ncols; c++) {
    int lo = c < FORM_COLS ? form_min[c] : month_col_width;
    int hi = c < FORM_COLS ? form_max[c] : month_col_width;
    if (x->width[c] < lo) x->width[c] = lo;
    if (x->width[c] > hi) x->width[c] = hi;
  }
}

/* The month columns of a form: the n months share the columns B..last, in
 * contiguous groups whose widths are as equal as the sheet's columns allow
 * (the split whose widest and narrowest group differ least; there are at
 * most C(last-1, n-1) splits of a handful of columns). With more months
 * than columns each month has a column of its own. first[m] is the first
 * column of month m; first[n] is last + 1. */
static void month_groups(const xw *x, int n, int last, int first[13]) {
  int ncols = last; /* B..last */
  if (n >= ncols) {
    for (int m = 0; m <= n; m++) first[m] = 1 + m;
    first[n] = last + 1;
    return;
  }
  int cut[13], best[13], best_spread = -1;
  /* cut[m]: first column of group m; start with groups of one column. */
  for (int m = 0; m < n; m++) cut[m] = 1 + m;
  cut[n] = last + 1;
  for (;;) {
    int lo = -1, hi = -1;
    for (int m = 0; m < n; m++) {
      int w = 0;
      for (int c = cut[m]; c < cut[m + 1]; c++) w += x->width[c];
      if (lo < 0 || w < lo) lo = w;
      if (w > hi) hi = w;
    }
    if (best_spread < 0 || hi - lo < best_spread) {
      best_spread = hi - lo;
      memcpy(best, cut, sizeof cut);
    }
    /* Next split: move the last movable boundary right, reset the ones
     * after it to follow it closely. */
    int m = n - 1;
    while (m >= 1 && cut[m] + 1 > last - (n - 1 - m)) m--;
    if (m < 1) break;
    cut[m]++;
    for (int k = m + 1; k < n; k++) cut[k] = cut[k - 1] + 1;
  }
  memcpy(first, best, sizeof best);
}

/* label (A) | text (B..last), one row. */
static int label_row(xw *x, int row, int last, const char *label, const char *text) {
  put_text(x, row, 0, row, 0, label, x->label);
  put_text(x, row, 1, row, last, text, x->text);
  return row + 1;
}

/* The short fields, two a row: label (A) | text (B..C) | label (D) | text
 * (E..last); an odd last one spans B..last. */
static int pairs(xw *x, int row, int last, const jx_list *fields) {
  for (size_t i = 0; i < fields->len; i += 2, row++) {
    const jx_report_field *f = fields->items[i];
    put_text(x, row, 0, row, 0, f->label, x->label);
    if (i + 1 == fields->len) {
      put_text(x, row, 1, row, last, f->text, x->text);
      break;
    }
    const jx_report_field *g = fields->items[i + 1];
    put_text(x, row, 1, row, 2, f->text, x->text);
    put_text(x, row, 3, row, 3, g->label, x->label);
    put_text(x, row, 4, row, last, g->text, x->text);
  }
  return fields->len % 2 ? row + 1 : row;
}

/* The funding table: 项目资金 down A, the sources (nested ones indented)
 * from B, one column per budget stated at the right. */
static int funding_rows(xw *x, int row, int last, const jx_report_project *p) {
  static const char *const heads[JX_REPORT_NBUDGETS] = {"资金总额", "中期预算", "年度预算"};
  int k = 0;
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++) k += p->budgets[i];
  int name_end = last - k;
  put_text(x, row, 0, row + (int)p->sources.len, 0, "项目资金", x->label);
  put_text(x, row, 1, row, name_end, "资金来源", x->label);
  for (int i = 0, c = name_end + 1; i < JX_REPORT_NBUDGETS; i++)
    if (p->budgets[i]) put_text(x, row, c, row, c, heads[i], x->label), c++;
  row++;
  for (size_t s = 0; s < p->sources.len; s++, row++) {
    const jx_report_source *src = p->sources.items[s];
    put_text(x, row, 1, row, name_end, src->label, x->text);
    for (int i = 0, c = name_end + 1; i < JX_REPORT_NBUDGETS; i++)
      if (p->budgets[i]) put_money(x, row, c, row, c, src->cell[i]), c++;
  }
  return row;
}

static int schedule_rows(xw *x, int row, int last, const jx_report_project *p) {
  put_text(x, row, 0, row + (int)p->stages.len, 0, "实施进度", x->label);
  put_text(x, row, 1, row, 2, "阶段", x->label);
  put_text(x, row, 3, row, 4, "时间", x->label);
  put_text(x, row, 5, row, last, "描述", x->label);
  row++;
  for (size_t i = 0; i < p->stages.len; i++, row++) {
    const jx_report_stage *s = p->stages.items[i];
    put_text(x, row, 1, row, 2, s->name, x->text);
    put_text(x, row, 3, row, 4, s->when, x->center);
    put_text(x, row, 5, row, last, s->description, x->text);
  }
  return row;
}

static int levelled_rows(xw *x, int row, int last, const jx_report_project *p) {
  ind_cols c = indicator_cols(p);
  static const char *const head[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述"};
  for (int k = 0; k < 4; k++) put_text(x, row, k, row, k, head[k], x->head);
  put_text(x, row, c.value, row, c.value, p->has_long_term ? "年度指标值" : "指标值", x->head);
  if (c.long_term >= 0) put_text(x, row, c.long_term, row, c.long_term, "长期指标值", x->head);
  if (c.standard >= 0) put_text(x, row, c.standard, row, c.standard, "绩效标准", x->head);
  put_text(x, row, c.basis, row, last, "指标值确定依据", x->head);
  row++;
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (rr->flat) continue;
    if (rr->level1_span > 0)
      put_text(x, row, 0, row + rr->level1_span - 1, 0, rr->level1, x->center);
    if (rr->level2_span > 0)
      put_text(x, row, 1, row + rr->level2_span - 1, 1, rr->level2, x->center);
    put_text(x, row, 2, row, 2, rr->name, x->text);
    put_text(x, row, 3, row, 3, rr->description, x->text);
    put_text(x, row, c.value, row, c.value, rr->value, x->center);
    if (c.long_term >= 0) put_text(x, row, c.long_term, row, c.long_term, rr->long_term, x->center);
    if (c.standard >= 0) put_text(x, row, c.standard, row, c.standard, rr->standard, x->center);
    put_text(x, row, c.basis, row, last, rr->basis, x->text);
    row++;
  }
  return row;
}

/* A flat table: its title down A over the header and its rows, 指标名称
 * (B..C), then 描述 (when a row has one) and the values. */
static int flat_rows(xw *x, int row, int last, const jx_report_project *p) {
  ind_cols c = indicator_cols(p);
  bool first = true;
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (!rr->flat) continue;
    if (first) {
      put_text(x, row, 0, row + rr->level1_span, 0, rr->level1, x->label);
      put_text(x, row, 1, row, c.name2, "指标名称", x->head);
      if (c.fdescription >= 0)
        put_text(x, row, c.fdescription, row, c.fdescription, "绩效指标描述", x->head);
      put_text(x, row, c.fvalue, row, c.fvalue, p->has_long_term ? "年度指标值" : "指标值",
               x->head);
      if (c.flong_term >= 0) put_text(x, row, c.flong_term, row, c.flong_term, "长期指标值", x->head);
      if (c.fstandard >= 0) put_text(x, row, c.fstandard, row, c.fstandard, "绩效标准", x->head);
      put_text(x, row, c.fbasis, row, last, "指标值确定依据", x->head);
      row++;
    } else if (rr->level1_span > 0) {
      put_text(x, row, 0, row + rr->level1_span - 1, 0, rr->level1, x->label);
    }
    first = false;
    put_text(x, row, 1, row, c.name2, rr->name, x->text);
    if (c.fdescription >= 0) put_text(x, row, c.fdescription, row, c.fdescription, rr->description, x->text);
    put_text(x, row, c.fvalue, row, c.fvalue, rr->value, x->center);
    if (c.flong_term >= 0) put_text(x, row, c.flong_term, row, c.flong_term, rr->long_term, x->center);
    if (c.fstandard >= 0) put_text(x, row, c.fstandard, row, c.fstandard, rr->standard, x->center);
    put_text(x, row, c.fbasis, row, last, rr->basis, x->text);
    row++;
  }
  return row;
}

/* Writes p's form from row `row`; returns the row after it. */
static int project_form(xw *x, const jx_report_unit *u, const jx_report_project *p, int row) {
  jx_arena *a = x->ctx->arena;
  int last = last_col(p);

  if (row > 0) jx_list_push(a, &x->breaks, (void *)(size_t)row);
  put_text(x, row, 0, row, last, jx_arena_printf(a, "%d. %s绩效目标表", p->number, p->name),
           x->title);
  want_height(x, row, title_height);
  row++;
  put_text(x, row, 0, row, 3, u->heading, x->note_left);
  put_text(x, row, 4, row, last, jx_arena_printf(a, "单位：%s", x->r->money_unit),
           x->note_right);
  row++;

  if (*p->code) {
    put_text(x, row, 0, row, 0, "项目编码", x->label);
    put_text(x, row, 1, row, 2, p->code, x->center);
    put_text(x, row, 3, row, 3, "项目名称", x->label);
    put_text(x, row, 4, row, last, p->name, x->text);
    row++;
  } else {
    row = label_row(x, row, last, "项目名称", p->name);
  }
  row = pairs(x, row, last, &p->info);
  for (size_t i = 0; i < p->texts.len; i++) {
    const jx_report_field *f = p->texts.items[i];
    row = label_row(x, row, last, f->label, f->text);
  }

  put_text(x, row, 0, row + 1, 0, "预算规模及资金用途", x->label);
  put_text(x, row, 1, row, 1, "预算数", x->label);
  put_money(x, row, 2, row, 2, p->budget);
  put_text(x, row, 3, row, 3, "其中：财政资金", x->label);
  put_money(x, row, 4, row, 4, p->fiscal);
  put_text(x, row, 5, row, 5, "其他资金", x->label);
  put_money(x, row, 6, row, last, p->other);
  row++;
  put_text(x, row, 1, row, last, p->purpose, x->text);
  row++;
  if (p->sources.len) row = funding_rows(x, row, last, p);

  put_text(x, row, 0, row + 1, 0, "资金支出计划（%）", x->label);
  if (p->nmonths == 0) {
    put_text(x, row, 1, row + 1, last, "", x->center);
  }
  int first[13];
  if (p->nmonths) month_groups(x, p->nmonths, last, first);
  for (int m = 0; m < p->nmonths; m++) {
    int c1 = first[m], c2 = first[m + 1] - 1;
    put_text(x, row, c1, row, c2, jx_arena_printf(a, "%d月底", p->months[m]), x->label);
    put_percent(x, row + 1, c1, row + 1, c2, p->plan[m]);
  }
  row += 2;
  if (p->stages.len) row = schedule_rows(x, row, last, p);
  if (*p->medium_target) row = label_row(x, row, last, "中期目标", p->medium_target);
  row = label_row(x, row, last, "绩效目标", p->target);
  if (p->nlevelled || !p->nflat) row = levelled_rows(x, row, last, p);
  if (p->nflat) row = flat_rows(x, row, last, p);
  for (size_t i = 0; i < p->labelled.len; i++) {
    const jx_report_field *f = p->labelled.items[i];
    row = label_row(x, row, last, f->label, f->text);
  }
  if (*p->notes) row = label_row(x, row, last, "其他说明", p->notes);
  return row + 1; /* a blank row before the next form */
}

/* One sheet holding the forms of `projects` (jx_report_project *), all of
 * budget unit u. */
static void forms_sheet(xw *x, const char *name, const jx_report_unit *u,
                        const jx_report_project *const *projects, size_t n) {
  begin_sheet(x, name);
  if (!ok(x)) return;
  int ncols = FORM_COLS;
  for (size_t i = 0; i < n; i++) {
    measure(x, projects[i]);
    if (last_col(projects[i]) + 1 > ncols) ncols = last_col(projects[i]) + 1;
  }
  clamp_widths(x, ncols);
  int row = 0;
  for (size_t i = 0; i < n && ok(x); i++) row = project_form(x, u, projects[i], row);
  end_sheet(x, ncols);
}

/* SOURCE_DATE_EPOCH, when set, fixes the creation time (reproducible files). */
static time_t creation_time(void) {
  const char *s = getenv("SOURCE_DATE_EPOCH");
  if (!s || !*s) return 0;
  char *end;
  errno = 0;
  long long t = strtoll(s, &end, 10);
  return *end || errno || t <= 0 ? 0 : (time_t)t;
}

bool jx_render_xlsx(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                    const char *path, const char **why) {
  xw x = {.ctx = ctx, .r = r};
  x.wb = workbook_new(path);
  if (!x.wb) {
    *why = jx_arena_printf(ctx->arena, _("libxlsxwriter could not start the workbook %s: %s"),
                           path, lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    return false;
  }
  lxw_doc_properties props = {
      .title = jx_arena_printf(ctx->arena, "%s%s%s部门预算绩效目标表", r->department, r->year,
                               *r->year ? "年" : ""),
      .author = jx_arena_strdup(ctx->arena, r->compiled_by),
      .company = jx_arena_strdup(ctx->arena, r->department),
      .comments = "jxc",
      .created = creation_time(),
  };
  fail(&x, workbook_set_properties(x.wb, &props), -1, -1);
  make_formats(&x);

  summary_sheet(&x);
  plan_sheet(&x);
  for (size_t i = 0; i < r->units.len && ok(&x); i++) {
    const jx_report_unit *u = r->units.items[i];
    const jx_report_project *const *ps = (const jx_report_project *const *)u->projects.items;
    if (opt && opt->sheet_per_project) {
      for (size_t k = 0; k < u->projects.len && ok(&x); k++)
        forms_sheet(&x, project_sheet_name(&x, ps[k]), u, ps + k, 1);
    } else {
      forms_sheet(&x, u->heading, u, ps, u->projects.len);
    }
  }
  free(x.height);

  if (!ok(&x)) {
    /* Nothing has been written yet: drop the workbook without a file. */
    lxw_workbook_free(x.wb);
  } else {
    x.sheet = NULL;
    x.where = NULL;
    fail(&x, workbook_close(x.wb), -1, -1);
  }
  if (ok(&x)) return true;
  /* A phrase without a final full stop: the caller ends the sentence. */
  const char *msg = lxw_strerror(x.err);
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '.' || msg[n - 1] == ' ')) n--;
  *why = jx_arena_printf(ctx->arena, "libxlsxwriter: %.*s%s%s", (int)n, msg,
                         x.where ? " (" : "", x.where ? x.where : "");
  if (x.where) *why = jx_arena_printf(ctx->arena, "%s)", *why);
  return false;
}
