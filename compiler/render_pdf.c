/* --format=pdf: the performance text as a PDF for publication, drawn with
 * cairo, the Chinese text laid out and broken into lines by pango, the
 * fonts found through fontconfig and embedded as subsets (CID-keyed CFF or
 * TrueType, so the text can be searched and copied).
 *
 * The layout is the official one, as the HTML has it: a cover, the
 * contents, part one flowing from page to page, part two with the summary,
 * then one table per project, each on a new page, A4 portrait, the page
 * number in the footer of every page but the cover. The document is laid
 * out twice: the first pass only counts pages, so that the contents, drawn
 * in the second, cite the pages where each part really begins
 * (pdf_table.h). Tables break between rows, never inside a number with
 * its unit or a term (breaks.h); a project table longer than a page goes
 * on over the next, headed （续） with its indicator header repeated.
 *
 * The output is deterministic: the same input gives the same bytes. The
 * file carries no creation date unless SOURCE_DATE_EPOCH gives one. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "i18n.h"
#include "pdf_table.h"
#include "report.h"
#include "utf8.h"

static const char default_family[] = "Noto Serif CJK SC";

/* A4 in points, and the margins: 15 mm at the top and sides, 20 mm at the
 * bottom for the page number. */
static const double a4_w = 595.2756, a4_h = 841.8898;
static const double margin = 42.52, margin_bottom = 56.69;

/* Millimetres in points. */
#define MM(x) ((x) * 72 / 25.4)

/* The faces: size in points, bold, line height in ems (as the HTML has them). */
static const struct {
  double size;
  bool bold;
  double line_height;
} faces[PDF_NSTYLES] = {
    [PDF_BODY] = {10.5, false, 1.55},  [PDF_CELL] = {9, false, 1.35},
    [PDF_CELL_BOLD] = {9, true, 1.35}, [PDF_META] = {10, false, 1.4},
    [PDF_H4] = {10.5, true, 1.55},     [PDF_H3] = {12, true, 1.55},
    [PDF_H2] = {14, true, 1.55},       [PDF_PART] = {16, true, 1.5},
    [PDF_SUBTITLE] = {16, false, 1.5}, [PDF_TITLE] = {22, true, 1.4},
    [PDF_FOOTER] = {9, false, 1.2},
};

/* ---- fonts ---- */

/* Whether fontconfig knows the family; *bold: it has a bold face of its
 * own (without one, headings use the regular face: a synthesized bold
 * would be embedded as a Type 3 font). */
static bool family_installed(const char *family, bool *bold) {
  FcPattern *pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, (const FcChar8 *)family,
                                  (char *)NULL);
  FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_WEIGHT, (char *)NULL);
  FcFontSet *fs = pat && os ? FcFontList(NULL, pat, os) : NULL;
  bool found = fs && fs->nfont > 0;
  *bold = false;
  for (int i = 0; fs && i < fs->nfont; i++) {
    int weight;
    if (FcPatternGetInteger(fs->fonts[i], FC_WEIGHT, 0, &weight) == FcResultMatch &&
        weight >= FC_WEIGHT_BOLD)
      *bold = true;
  }
  if (fs) FcFontSetDestroy(fs);
  if (os) FcObjectSetDestroy(os);
  if (pat) FcPatternDestroy(pat);
  return found;
}

static bool setup_fonts(jx_pdf *p, const char *family, const char **why) {
  bool bold;
  if (!family_installed(family, &bold)) {
    *why = !strcmp(family, default_family)
               ? jx_arena_printf(p->ctx->arena,
                                 _("the font \"%s\" that the PDF is set in is not installed; "
                                 "install it (Debian: apt-get install fonts-noto-cjk), or "
                                 "name an installed Chinese font with --font (fc-list :lang=zh "
                                 "family lists them)"), family)
               : jx_arena_printf(p->ctx->arena,
                                 _("the font \"%s\" is not installed; name one that is with "
                                 "--font (fc-list :lang=zh family lists the Chinese ones), or "
                                 "leave --font out for %s"), family, default_family);
    return false;
  }
  PangoLanguage *zh = pango_language_from_string("zh-cn");
  for (int s = 0; s < PDF_NSTYLES; s++) {
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_size(fd, (int)(faces[s].size * PANGO_SCALE));
    pango_font_description_set_weight(fd, faces[s].bold && bold ? PANGO_WEIGHT_BOLD
                                                                 : PANGO_WEIGHT_NORMAL);
    p->font[s] = fd;
    /* Line height: the face's own (ascent and descent) plus a gap. */
    PangoFontMetrics *m = pango_context_get_metrics(p->pango, fd, zh);
    double natural = (double)(pango_font_metrics_get_ascent(m) + pango_font_metrics_get_descent(m)) /
                     PANGO_SCALE;
    pango_font_metrics_unref(m);
    double gap = faces[s].size * faces[s].line_height - natural;
    p->line_gap[s] = gap > 0 ? gap : 0;
  }
  /* The ASCII characters' widths, for estimating where a column is too
   * narrow for a number or a code. */
  for (int c = 0x20; c < 0x7F; c++) {
    char ch[2] = {(char)c, '\0'};
    PangoLayout *l = pango_layout_new(p->pango);
    pango_layout_set_font_description(l, p->font[PDF_CELL]);
    pango_layout_set_text(l, ch, 1);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    p->ascii[c - 0x20] = (double)w / PANGO_SCALE / faces[PDF_CELL].size;
    g_object_unref(l);
  }
  return true;
}

/* ---- the document ---- */

/* An entry of the contents and where it points. */
typedef struct entry {
  const char *text;
  bool part;  /* 第一部分 …: bold, not indented */
  int page;
  const char *dest; /* the named destination its link goes to */
} entry;

typedef struct doc {
  jx_pdf p;
  const jx_tables *r;
  bool summary;     /* the summary table is printed */
  bool second_pass; /* the pages below are known */
  /* Pages the first pass found (0: not printed). */
  int contents_page, part_one_page, overall_page, sub_page, safe_page, part_two_page,
      summary_page;
  int *form_page;   /* by form, in order */
  int nforms;
  const char *dest; /* a named destination for the next line drawn, or NULL */
  /* The indicator columns' least widths, over the whole document, so
   * every form has the same columns. */
  double min_level1, min_level2, min_name, min_desc, min_value, min_long, min_std, min_basis,
      min_flat_title, min_flat_name;
} doc;

static jx_arena *arena(doc *d) { return d->p.ctx->arena; }

/* Draws lines of a layout; the first thing drawn after d->dest is set is
 * that named destination, which the contents link to. (cairo 1.16 writes
 * no target for a link to a page further on, but does for a name.) */
static void show(doc *d, PangoLayout *l, double x, double y) {
  char name[64];
  bool tag = d->p.cr && d->dest;
  if (tag) {
    snprintf(name, sizeof name, "name='%s'", d->dest);
    cairo_tag_begin(d->p.cr, CAIRO_TAG_DEST, name);
  }
  pdf_show_lines(&d->p, l, x, y, 0, -1);
  if (tag) cairo_tag_end(d->p.cr, CAIRO_TAG_DEST);
  d->dest = NULL;
}

/* Text of one face placed across the text area at p->y, moved down. */
static void line(doc *d, const char *text, pdf_style style, pdf_align align) {
  PangoLayout *l = pdf_layout(&d->p, text, style, d->p.width, align);
  show(d, l, d->p.left, d->p.y);
  d->p.y += pdf_lines_height(l, 0, -1);
  g_object_unref(l);
}

/* The line above a table: the unit at the left, 单位：万元 at the right. */
static void meta(doc *d, const char *left, const char *money_unit) {
  PangoLayout *a = pdf_layout(&d->p, left, PDF_META, d->p.width * 0.7, PDF_LEFT);
  PangoLayout *b = pdf_layout(&d->p, jx_arena_printf(arena(d), "单位：%s", money_unit), PDF_META,
                              d->p.width * 0.3, PDF_RIGHT);
  pdf_show_lines(&d->p, a, d->p.left, d->p.y, 0, -1);
  pdf_show_lines(&d->p, b, d->p.left + d->p.width * 0.7, d->p.y, 0, -1);
  double h = pdf_lines_height(a, 0, -1), hb = pdf_lines_height(b, 0, -1);
  d->p.y += (h > hb ? h : hb) + 4;
  g_object_unref(a);
  g_object_unref(b);
}

/* ---- the cover ---- */

static void cover(doc *d) {
  const jx_tables *r = d->r;
  pdf_new_page(&d->p);
  d->p.numbered = false;
  d->p.y = d->p.top + 200;
  if (*r->department) line(d, r->department, PDF_TITLE, PDF_CENTER);
  d->p.y += 30;
  line(d, jx_arena_printf(arena(d), "%s 年部门预算绩效文本", r->year), PDF_SUBTITLE, PDF_CENTER);
  d->p.y = d->p.top + 520;
  if (*r->compiled_by)
    line(d, jx_arena_printf(arena(d), "%s编制", r->compiled_by), PDF_H3, PDF_CENTER);
  if (*r->reviewed_by)
    line(d, jx_arena_printf(arena(d), "%s审核", r->reviewed_by), PDF_H3, PDF_CENTER);
}

/* ---- the contents ---- */

static bool has_part_one(const jx_tables *r) {
  return *r->overall_target || r->sub_targets.len || r->safeguards.len;
}

/* The entries, with the pages the first pass found (0 in the first). */
static jx_list contents_entries(doc *d) {
  jx_list l = {0};
  const jx_tables *r = d->r;
  jx_arena *a = arena(d);
  static const char *const numerals[] = {"一", "二", "三"};
  entry *e;
#define ENTRY(TEXT, PART, PAGE, DEST)                     \
  (e = jx_arena_alloc(a, sizeof *e), e->text = (TEXT), e->part = (PART), \
   e->page = (PAGE), e->dest = (DEST), jx_list_push(a, &l, e))
  if (has_part_one(r)) {
    int n = 0;
    ENTRY("第一部分　部门整体绩效目标", true, d->part_one_page, "part-one");
    if (*r->overall_target)
      ENTRY(jx_arena_printf(a, "%s、总体绩效目标", numerals[n++]), false, d->overall_page, "overall");
    if (r->sub_targets.len)
      ENTRY(jx_arena_printf(a, "%s、分项绩效目标", numerals[n++]), false, d->sub_page, "sub-targets");
    if (r->safeguards.len)
      ENTRY(jx_arena_printf(a, "%s、工作保障措施", numerals[n++]), false, d->safe_page, "safeguards");
  }
  ENTRY("第二部分　预算项目绩效目标", true, d->part_two_page, "part-two");
  if (d->summary) ENTRY("预算项目汇总表", false, d->summary_page, "summary");
  int k = 0;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++, k++) {
      const jx_report_project *p = unit->projects.items[i];
      ENTRY(jx_arena_printf(a, "%d. %s绩效目标表", p->number, p->name), false,
            d->form_page ? d->form_page[k] : 0, jx_arena_printf(a, "p%d", k));
    }
  }
#undef ENTRY
  return l;
}

/* An entry: its text (wrapped before the page numbers' column), dots to
 * the page number at the right; an entry is never divided between pages.
 * In the second pass the entry links to its page. */
static void contents_entry(doc *d, const entry *e) {
  jx_pdf *p = &d->p;
  double indent = e->part ? 0 : 21, numw = 36;
  PangoLayout *l = pdf_layout(p, e->text, e->part ? PDF_H4 : PDF_BODY, p->width - indent - numw - 18,
                              PDF_LEFT);
  double h = pdf_lines_height(l, 0, -1), before = e->part ? 8 : 2;
  if (p->y + before + h > p->bottom) {
    pdf_new_page(p);
    line(d, "目　录（续）", PDF_H2, PDF_CENTER);
    p->y += 10;
  }
  p->y += before;
  if (p->cr && e->page > 0) {
    char link[64];
    snprintf(link, sizeof link, "dest='%s'", e->dest);
    cairo_tag_begin(p->cr, CAIRO_TAG_LINK, link);
  }
  pdf_show_lines(p, l, p->left + indent, p->y, 0, -1);
  /* The last line's end, where the dots begin, and its baseline. */
  int n = pango_layout_get_line_count(l);
  PangoLayoutIter *it = pango_layout_get_iter(l);
  for (int i = 1; i < n; i++) pango_layout_iter_next_line(it);
  PangoRectangle logical;
  pango_layout_iter_get_line_extents(it, NULL, &logical);
  int y0, y1;
  pango_layout_iter_get_line_yrange(it, &y0, &y1);
  double baseline = p->y + (double)(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
  (void)y0;
  (void)y1;
  pango_layout_iter_free(it);
  char num[16];
  snprintf(num, sizeof num, "%d", e->page);
  PangoLayout *nl = pdf_layout(p, num, PDF_BODY, numw, PDF_RIGHT);
  double x0 = p->left + indent + (double)(logical.x + logical.width) / PANGO_SCALE + 4;
  double x1 = p->left + p->width - numw - 2;
  if (p->cr) {
    if (x1 > x0) {
      static const double dots[] = {0, 3};
      cairo_save(p->cr);
      cairo_set_line_width(p->cr, 0.9);
      cairo_set_line_cap(p->cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash(p->cr, dots, 2, 0);
      cairo_move_to(p->cr, x0, baseline - 1);
      cairo_line_to(p->cr, x1, baseline - 1);
      cairo_stroke(p->cr);
      cairo_restore(p->cr);
    }
    /* The number on the entry's last line. */
    PangoLayoutIter *ni = pango_layout_get_iter(nl);
    double nb = (double)pango_layout_iter_get_baseline(ni) / PANGO_SCALE;
    pango_layout_iter_free(ni);
    pdf_show_lines(p, nl, p->left + p->width - numw, baseline - nb, 0, -1);
    if (e->page > 0) cairo_tag_end(p->cr, CAIRO_TAG_LINK);
  }
  g_object_unref(nl);
  g_object_unref(l);
  p->y += h;
}

static void contents(doc *d) {
  pdf_new_page(&d->p);
  d->contents_page = d->p.page;
  line(d, "目　录", PDF_H2, PDF_CENTER);
  d->p.y += 10;
  jx_list entries = contents_entries(d);
  for (size_t i = 0; i < entries.len; i++) contents_entry(d, entries.items[i]);
}

/* ---- part one, flowing from page to page ---- */

/* A heading, on a new page when it and two lines of what follows it do
 * not fit on this one; returns its page. */
static int heading(doc *d, const char *text, pdf_style style, pdf_align align, double before,
                   double after) {
  jx_pdf *p = &d->p;
  PangoLayout *l = pdf_layout(p, text, style, p->width, align);
  double h = pdf_lines_height(l, 0, -1);
  double follow = 2 * faces[PDF_BODY].size * faces[PDF_BODY].line_height;
  if (p->y > p->top) p->y += before;
  if (p->y + h + after + follow > p->bottom) pdf_new_page(p);
  show(d, l, p->left, p->y);
  p->y += h + after;
  g_object_unref(l);
  return p->page;
}

/* A paragraph: justified, its first line indented two characters (none
 * when it follows a label such as 绩效目标：), broken between lines where a
 * page ends, two lines at least on either side of a break. */
static void paragraph(doc *d, const char *text, bool indent, double after) {
  jx_pdf *p = &d->p;
  PangoLayout *l = pdf_layout(p, jx_breaks_cjk_spaces(arena(d), text), PDF_BODY, p->width, PDF_JUSTIFY);
  if (indent) pango_layout_set_indent(l, (int)(2 * faces[PDF_BODY].size * PANGO_SCALE));
  int n = pango_layout_get_line_count(l);
  double *h = malloc((size_t)(n + 1) * sizeof *h);
  if (!h) abort();
  for (int i = 0; i < n; i++) h[i] = pdf_lines_height(l, i, i + 1);
  int i = 0;
  while (i < n) {
    /* The lines that fit here. */
    int k = i;
    double used = 0;
    while (k < n && p->y + used + h[k] <= p->bottom + 0.01) used += h[k++];
    if (k < n && n >= 4) {
      if (k - i < 2 && i == 0) k = i;                  /* no single first line at the foot */
      else if (n - k < 2 && k - 1 > i) k--;           /* no single last line at the top */
    }
    if (k == i && p->y > p->top) {
      pdf_new_page(p);
      continue;
    }
    if (k == i) k = i + 1; /* a line taller than a page: it goes where it can */
    pdf_show_lines(p, l, p->left, p->y, i, k);
    p->y += pdf_lines_height(l, i, k);
    i = k;
    if (i < n) pdf_new_page(p);
  }
  p->y += after;
  free(h);
  g_object_unref(l);
}

static void part_one(doc *d) {
  const jx_tables *r = d->r;
  static const char *const numerals[] = {"一", "二", "三"};
  int n = 0;
  pdf_new_page(&d->p);
  d->part_one_page = d->p.page;
  d->dest = "part-one";
  heading(d, "第一部分　部门整体绩效目标", PDF_PART, PDF_CENTER, 0, 12);
  if (*r->overall_target) {
    d->dest = "overall";
    d->overall_page = heading(d, jx_arena_printf(arena(d), "%s、总体绩效目标", numerals[n++]),
                              PDF_H3, PDF_LEFT, MM(4), MM(2));
    paragraph(d, r->overall_target, true, MM(2));
  }
  if (r->sub_targets.len) {
    d->dest = "sub-targets";
    d->sub_page = heading(d, jx_arena_printf(arena(d), "%s、分项绩效目标", numerals[n++]),
                          PDF_H3, PDF_LEFT, MM(4), MM(2));
    for (size_t i = 0; i < r->sub_targets.len; i++) {
      const jx_sub_target *s = r->sub_targets.items[i];
      heading(d, jx_arena_printf(arena(d), "%zu、%s", i + 1, s->title.text), PDF_H4, PDF_LEFT, MM(3),
              MM(1));
      for (size_t k = 0; k < s->texts.len; k++) {
        const jx_text_item *t = s->texts.items[k];
        paragraph(d,
                  jx_arena_printf(arena(d), "%s%s",
                                  t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "绩效目标："
                                                                          : "绩效指标：",
                                  t->text.text),
                  true, MM(2));
      }
    }
  }
  if (r->safeguards.len) {
    d->dest = "safeguards";
    d->safe_page = heading(d, jx_arena_printf(arena(d), "%s、工作保障措施", numerals[n++]),
                           PDF_H3, PDF_LEFT, MM(4), MM(2));
    for (size_t i = 0; i < r->safeguards.len; i++) {
      const jx_safeguard *s = r->safeguards.items[i];
      heading(d, jx_arena_printf(arena(d), "%zu、%s", i + 1, s->title.text), PDF_H4, PDF_LEFT, MM(3),
              MM(1));
      paragraph(d, s->text.text, true, MM(2));
    }
  }
}

/* ---- columns ---- */

/* Shares total among n columns by weight, none narrower than its least
 * width (least widths that do not fit are scaled down together). */
static double *columns(doc *d, int n, const double *weight, const double *least, double total) {
  double *w = jx_arena_alloc(arena(d), (size_t)n * sizeof *w);
  double *edges = jx_arena_alloc(arena(d), (size_t)(n + 1) * sizeof *edges);
  double sum_least = 0;
  for (int i = 0; i < n; i++) sum_least += least[i];
  double scale = sum_least > total ? total / sum_least : 1;
  bool fixed[16] = {false};
  for (;;) {
    double left = total, wsum = 0;
    for (int i = 0; i < n; i++) {
      if (fixed[i]) left -= least[i] * scale;
      else wsum += weight[i];
    }
    bool changed = false;
    for (int i = 0; i < n; i++) {
      if (fixed[i]) {
        w[i] = least[i] * scale;
        continue;
      }
      w[i] = wsum > 0 ? left * weight[i] / wsum : 0;
      if (w[i] < least[i] * scale) {
        fixed[i] = true;
        changed = true;
      }
    }
    if (!changed) break;
  }
  edges[0] = 0;
  for (int i = 0; i < n; i++) edges[i + 1] = edges[i] + w[i];
  edges[n] = total;
  return edges;
}

/* The least width of a column whose cells hold these texts. */
static double least(doc *d, double have, const char *text) {
  double w = pdf_unbreakable_width(&d->p, PDF_CELL, text) + 2 * 2.835 + 0.5;
  return w > have ? w : have;
}

/* The same for a level's name, which a column should rather hold on one
 * line when it is at most `ems` characters long (满意度指标, 可持续影响指标;
 * 服务对象满意度指标 goes on two lines). */
static double least_name(doc *d, double have, const char *text, double ems) {
  double whole = pdf_text_width(&d->p, PDF_CELL, text);
  if (whole > ems * faces[PDF_CELL].size) whole = 0;
  double w = (whole > 0 ? whole : pdf_unbreakable_width(&d->p, PDF_CELL, text)) + 2 * 2.835 + 0.5;
  return w > have ? w : have;
}

/* Every indicator column's least width, over the whole document. */
static void indicator_minima(doc *d) {
  const char *heads[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "年度指标值",
                         "长期指标值", "绩效标准", "指标值确定依据", "指标名称", "绩效指标"};
  d->min_level1 = least(d, 0, heads[0]);
  d->min_level2 = least(d, 0, heads[1]);
  d->min_name = least(d, 0, heads[2]);
  d->min_desc = least(d, 0, heads[3]);
  d->min_value = least(d, 0, heads[4]);
  d->min_long = least(d, 0, heads[5]);
  d->min_std = least(d, 0, heads[6]);
  d->min_basis = least(d, 0, heads[7]);
  d->min_flat_name = least(d, 0, heads[8]);
  d->min_flat_title = least(d, 0, heads[9]);
  const jx_tables *r = d->r;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++) {
      const jx_report_project *p = unit->projects.items[i];
      for (size_t k = 0; k < p->rows.len; k++) {
        const jx_report_row *row = p->rows.items[k];
        if (row->flat) {
          d->min_flat_title = least(d, d->min_flat_title, row->level1);
          d->min_flat_name = least(d, d->min_flat_name, row->name);
        } else {
          d->min_level1 = least_name(d, d->min_level1, row->level1, 5);
          d->min_level2 = least_name(d, d->min_level2, row->level2, 7);
          d->min_name = least(d, d->min_name, row->name);
        }
        d->min_desc = least(d, d->min_desc, row->description);
        d->min_value = least(d, d->min_value, row->value);
        d->min_long = least(d, d->min_long, row->long_term);
        d->min_std = least(d, d->min_std, row->standard);
        d->min_basis = least(d, d->min_basis, row->basis);
      }
    }
  }
}

/* ---- a project's form ---- */

typedef struct form_ctx {
  doc *d;
  const jx_report_unit *unit;
  const jx_report_project *project;
} form_ctx;

static void form_title(doc *d, const form_ctx *f, bool first) {
  line(d, jx_arena_printf(arena(d), "%d. %s绩效目标表%s", f->project->number, f->project->name,
                          first ? "" : "（续）"),
       PDF_H2, PDF_CENTER);
  d->p.y += 6;
  meta(d, f->unit->heading, d->r->money_unit);
}

static void form_continued(jx_pdf *p, void *data) {
  (void)p;
  form_ctx *f = data;
  form_title(f->d, f, false);
}

/* The columns of the indicator table with levels: 一级, 二级, 三级, 描述,
 * the value(s), 绩效标准, 依据; n receives their number. */
static const double *levelled_columns(doc *d, const jx_report_project *p, int *n) {
  double weight[8], min[8];
  int k = 0;
#define COL(W, M) (weight[k] = (W), min[k] = (M), k++)
  COL(9, d->min_level1);
  COL(11, d->min_level2);
  COL(16, d->min_name);
  COL(28, d->min_desc);
  COL(14, d->min_value);
  if (p->has_long_term) COL(14, d->min_long);
  if (p->has_standard) COL(9, d->min_std);
  COL(14, d->min_basis);
#undef COL
  *n = k;
  return columns(d, k, weight, min, d->p.width);
}

/* The columns of a flat table: its title, 指标名称, 描述 (when a row has
 * one), the value(s), 绩效标准, 依据. */
static const double *flat_columns(doc *d, const jx_report_project *p, int *n) {
  double weight[8], min[8];
  int k = 0;
#define COL(W, M) (weight[k] = (W), min[k] = (M), k++)
  COL(10, d->min_flat_title);
  COL(22, d->min_flat_name);
  if (p->flat_description) COL(24, d->min_desc);
  COL(16, d->min_value);
  if (p->has_long_term) COL(16, d->min_long);
  if (p->has_standard) COL(9, d->min_std);
  COL(16, d->min_basis);
#undef COL
  *n = k;
  return columns(d, k, weight, min, d->p.width);
}

/* A band of columns from explicit widths (the last takes the rest). */
static const double *band(doc *d, int n, ...) {
  double *edges = jx_arena_alloc(arena(d), (size_t)(n + 1) * sizeof *edges);
  va_list ap;
  va_start(ap, n);
  edges[0] = 0;
  for (int i = 0; i < n - 1; i++) edges[i + 1] = edges[i] + va_arg(ap, double);
  va_end(ap);
  edges[n] = d->p.width;
  return edges;
}

/* n equal columns after a first one of width first. */
static const double *equal_band(doc *d, int n, double first) {
  double *edges = jx_arena_alloc(arena(d), (size_t)(n + 2) * sizeof *edges);
  edges[0] = 0;
  edges[1] = first;
  for (int i = 1; i <= n; i++) edges[i + 1] = first + (d->p.width - first) * i / n;
  edges[n + 1] = d->p.width;
  return edges;
}

static void value_heads(pdf_table *t, const jx_report_project *p, int col) {
  pdf_cell(t, col++, 1, 1, CELL_HEAD, p->has_long_term ? "年度指标值" : "指标值");
  if (p->has_long_term) pdf_cell(t, col++, 1, 1, CELL_HEAD, "长期指标值");
  if (p->has_standard) pdf_cell(t, col++, 1, 1, CELL_HEAD, "绩效标准");
  pdf_cell(t, col, 1, 1, CELL_HEAD, "指标值确定依据");
}

static void value_cells(pdf_table *t, const jx_report_project *p, const jx_report_row *row,
                        int col) {
  pdf_cell(t, col++, 1, 1, CELL_CENTER, row->value);
  if (p->has_long_term) pdf_cell(t, col++, 1, 1, CELL_CENTER, row->long_term);
  if (p->has_standard) pdf_cell(t, col++, 1, 1, CELL_CENTER, row->standard);
  pdf_cell(t, col, 1, 1, CELL_CENTER, row->basis);
}

static void form(doc *d, const jx_report_unit *u, const jx_report_project *p) {
  jx_pdf *pdf = &d->p;
  double W = pdf->width;
  form_ctx f = {d, u, p};
  pdf_new_page(pdf);
  form_title(d, &f, true);
  pdf_table *t = pdf_table_new(pdf);

  /* The indicator tables' columns set the label column: 一级 and 二级
   * together, as on the official form. */
  int nl = 0, nf = 0;
  const double *lev = levelled_columns(d, p, &nl);
  const double *flat = p->nflat ? flat_columns(d, p, &nf) : NULL;
  double label = p->nlevelled || !p->nflat ? lev[2] : flat[1] + (flat[2] - flat[1]) / 3;
  if (label < 66) label = 66;
  double label2 = 48; /* 项目名称, beside the code */

  /* 项目编码 | code | 项目名称 | name */
  if (*p->code) {
    double code = pdf_unbreakable_width(pdf, PDF_CELL, p->code) + 12;
    if (code < W * 0.25) code = W * 0.25;
    pdf_row(t, band(d, 4, label, code, label2), 4, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, "项目编码");
    pdf_cell(t, 1, 1, 1, CELL_CENTER, p->code);
    pdf_cell(t, 2, 1, 1, CELL_HEAD, "项目名称");
    pdf_cell(t, 3, 1, 1, CELL_TEXT, p->name);
  } else {
    pdf_row(t, band(d, 2, label), 2, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, "项目名称");
    pdf_cell(t, 1, 1, 1, CELL_TEXT, p->name);
  }
  /* The short fields, two to a row; an odd last one takes the row. */
  const double *pairs = band(d, 4, label, (W - 2 * label) / 2, label);
  const double *single = band(d, 2, label);
  for (size_t i = 0; i < p->info.len; i += 2) {
    const jx_report_field *a = p->info.items[i];
    if (i + 1 < p->info.len) {
      const jx_report_field *b = p->info.items[i + 1];
      pdf_row(t, pairs, 4, false, -1);
      pdf_cell(t, 0, 1, 1, CELL_HEAD, a->label);
      pdf_cell(t, 1, 1, 1, CELL_TEXT, a->text);
      pdf_cell(t, 2, 1, 1, CELL_HEAD, b->label);
      pdf_cell(t, 3, 1, 1, CELL_TEXT, b->text);
    } else {
      pdf_row(t, single, 2, false, -1);
      pdf_cell(t, 0, 1, 1, CELL_HEAD, a->label);
      pdf_cell(t, 1, 1, 1, CELL_TEXT, a->text);
    }
  }
  for (size_t i = 0; i < p->texts.len; i++) {
    const jx_report_field *a = p->texts.items[i];
    pdf_row(t, single, 2, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, a->label);
    pdf_cell(t, 1, 1, 1, CELL_TEXT, a->text);
  }

  /* 预算规模及资金用途: the amounts, then the purpose below them. */
  double rest = W - label, l1 = 36, l2 = 72, l3 = 44, v = (rest - l1 - l2 - l3) / 3;
  const double *money = band(d, 7, label, l1, v, l2, v, l3);
  pdf_row(t, money, 7, true, -1);
  pdf_cell(t, 0, 1, 2, CELL_HEAD, "预算规模及资金用途");
  pdf_cell(t, 1, 1, 1, CELL_HEAD, "预算数");
  pdf_cell(t, 2, 1, 1, CELL_NUM, p->budget);
  pdf_cell(t, 3, 1, 1, CELL_HEAD, "其中：财政资金");
  pdf_cell(t, 4, 1, 1, CELL_NUM, p->fiscal);
  pdf_cell(t, 5, 1, 1, CELL_HEAD, "其他资金");
  pdf_cell(t, 6, 1, 1, CELL_NUM, p->other);
  pdf_row(t, money, 7, false, -1);
  pdf_cell(t, 1, 6, 1, CELL_TEXT, p->purpose);

  /* 项目资金: a line per source, a column per budget stated. */
  if (p->sources.len) {
    static const char *const heads[JX_REPORT_NBUDGETS] = {"资金总额", "中期预算", "年度预算"};
    int k = 0;
    for (int i = 0; i < JX_REPORT_NBUDGETS; i++) k += p->budgets[i];
    double col = 80, names = W - label - k * col;
    double *edges = jx_arena_alloc(arena(d), (size_t)(k + 3) * sizeof *edges);
    edges[0] = 0;
    edges[1] = label;
    edges[2] = label + names;
    for (int i = 1; i <= k; i++) edges[2 + i] = label + names + i * col;
    edges[k + 2] = W;
    for (size_t s = 0; s <= p->sources.len; s++) {
      pdf_row(t, edges, k + 2, s < p->sources.len, -1);
      if (s == 0) {
        pdf_cell(t, 0, 1, 1 + (int)p->sources.len, CELL_HEAD, "项目资金");
        pdf_cell(t, 1, 1, 1, CELL_HEAD, "资金来源");
        for (int i = 0, c = 2; i < JX_REPORT_NBUDGETS; i++)
          if (p->budgets[i]) pdf_cell(t, c++, 1, 1, CELL_HEAD, heads[i]);
        continue;
      }
      const jx_report_source *src = p->sources.items[s - 1];
      pdf_cell(t, 1, 1, 1, CELL_TEXT, src->label);
      for (int i = 0, c = 2; i < JX_REPORT_NBUDGETS; i++)
        if (p->budgets[i]) pdf_cell(t, c++, 1, 1, CELL_NUM, src->cell[i]);
    }
  }

  /* 资金支出计划（%）: the document's months, equally wide. */
  const double *plan = equal_band(d, p->nmonths, label);
  pdf_row(t, plan, p->nmonths + 1, true, -1);
  pdf_cell(t, 0, 1, 2, CELL_HEAD, "资金支出计划（%）");
  for (int m = 0; m < p->nmonths; m++)
    pdf_cell(t, 1 + m, 1, 1, CELL_HEAD, jx_arena_printf(arena(d), "%d月底", p->months[m]));
  pdf_row(t, plan, p->nmonths + 1, false, -1);
  for (int m = 0; m < p->nmonths; m++) pdf_cell(t, 1 + m, 1, 1, CELL_CENTER, p->plan[m]);

  /* 实施进度: stage, when, description. */
  if (p->stages.len) {
    const double *st = band(d, 4, label, (W - label) * 0.3, (W - label) * 0.3);
    for (size_t s = 0; s <= p->stages.len; s++) {
      pdf_row(t, st, 4, s == 0, -1);
      if (s == 0) {
        pdf_cell(t, 0, 1, 1 + (int)p->stages.len, CELL_HEAD, "实施进度");
        pdf_cell(t, 1, 1, 1, CELL_HEAD, "阶段");
        pdf_cell(t, 2, 1, 1, CELL_HEAD, "时间");
        pdf_cell(t, 3, 1, 1, CELL_HEAD, "描述");
        continue;
      }
      const jx_report_stage *sg = p->stages.items[s - 1];
      pdf_cell(t, 1, 1, 1, CELL_TEXT, sg->name);
      pdf_cell(t, 2, 1, 1, CELL_CENTER, sg->when);
      pdf_cell(t, 3, 1, 1, CELL_TEXT, sg->description);
    }
  }
  if (*p->medium_target) {
    pdf_row(t, single, 2, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, "中期目标");
    pdf_cell(t, 1, 1, 1, CELL_TEXT, p->medium_target);
  }
  pdf_row(t, single, 2, false, -1);
  pdf_cell(t, 0, 1, 1, CELL_HEAD, "绩效目标");
  pdf_cell(t, 1, 1, 1, CELL_TEXT, p->target);

  /* The indicator table with levels: its header repeated on each page,
   * 一级 and 二级 merged down their rows. */
  if (p->nlevelled || !p->nflat) {
    int head = pdf_row(t, lev, nl, true, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, "一级指标");
    pdf_cell(t, 1, 1, 1, CELL_HEAD, "二级指标");
    pdf_cell(t, 2, 1, 1, CELL_HEAD, "三级指标");
    pdf_cell(t, 3, 1, 1, CELL_HEAD, "绩效指标描述");
    value_heads(t, p, 4);
    for (size_t i = 0; i < p->rows.len; i++) {
      const jx_report_row *row = p->rows.items[i];
      if (row->flat) continue;
      pdf_row(t, lev, nl, false, head);
      if (row->level1_span) pdf_cell(t, 0, 1, row->level1_span, CELL_CENTER, row->level1);
      if (row->level2_span) pdf_cell(t, 1, 1, row->level2_span, CELL_CENTER, row->level2);
      pdf_cell(t, 2, 1, 1, CELL_TEXT, row->name);
      pdf_cell(t, 3, 1, 1, CELL_TEXT, row->description);
      value_cells(t, p, row, 4);
    }
  }
  /* Flat tables: the title down the first column, over the header too. */
  if (p->nflat) {
    int head = -1;
    for (size_t i = 0; i < p->rows.len; i++) {
      const jx_report_row *row = p->rows.items[i];
      if (!row->flat) continue;
      int c = 1;
      if (head < 0) {
        head = pdf_row(t, flat, nf, true, -1);
        pdf_cell(t, 0, 1, 1 + row->level1_span, CELL_HEAD, row->level1);
        pdf_cell(t, c++, 1, 1, CELL_HEAD, "指标名称");
        if (p->flat_description) pdf_cell(t, c++, 1, 1, CELL_HEAD, "绩效指标描述");
        value_heads(t, p, c);
        c = 1;
        pdf_row(t, flat, nf, false, head);
      } else {
        pdf_row(t, flat, nf, false, head);
        if (row->level1_span) pdf_cell(t, 0, 1, row->level1_span, CELL_HEAD, row->level1);
      }
      pdf_cell(t, c++, 1, 1, CELL_TEXT, row->name);
      if (p->flat_description) pdf_cell(t, c++, 1, 1, CELL_TEXT, row->description);
      value_cells(t, p, row, c);
    }
  }
  for (size_t i = 0; i < p->labelled.len; i++) {
    const jx_report_field *a = p->labelled.items[i];
    pdf_row(t, single, 2, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, a->label);
    pdf_cell(t, 1, 1, 1, CELL_TEXT, a->text);
  }
  if (*p->notes) {
    pdf_row(t, single, 2, false, -1);
    pdf_cell(t, 0, 1, 1, CELL_HEAD, "其他说明");
    pdf_cell(t, 1, 1, 1, CELL_TEXT, p->notes);
  }
  pdf_table_place(t, form_continued, &f);
}

/* ---- the summary ---- */

static void summary_title(doc *d, bool first) {
  line(d, first ? "预算项目汇总表" : "预算项目汇总表（续）", PDF_H3, PDF_CENTER);
  d->p.y += 4;
  meta(d, "", d->r->money_unit);
}

static void summary_continued(jx_pdf *p, void *data) {
  (void)p;
  summary_title(data, false);
}

static void summary(doc *d) {
  const jx_tables *r = d->r;
  jx_pdf *p = &d->p;
  d->summary_page = p->page;
  summary_title(d, true);
  static const double weight[7] = {11, 29, 8, 14, 14, 13, 11};
  double min[7] = {0};
  const char *head[7] = {r->summary_code, r->summary_name, "项目数", "预算数", "财政资金",
                         "其他资金", "指标数"};
  for (int i = 0; i < 7; i++) min[i] = least(d, 0, head[i]);
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    const char *cells[7] = {l->code, l->name, l->projects, l->budget, l->fiscal, l->other, l->rows};
    for (int c = 0; c < 7; c++)
      if (c != 1) min[c] = least(d, min[c], cells[c]);
  }
  const double *edges = columns(d, 7, weight, min, p->width);
  pdf_table *t = pdf_table_new(p);
  int hd = pdf_row(t, edges, 7, true, -1);
  for (int i = 0; i < 7; i++) pdf_cell(t, i, 1, 1, CELL_HEAD, head[i]);
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    int bold = l->kind == JX_LINE_SECTION ? CELL_BOLD : 0;
    pdf_row(t, edges, 7, false, hd);
    pdf_cell(t, 0, 1, 1, CELL_CENTER | bold, l->code);
    pdf_cell(t, 1, 1, 1, CELL_TEXT | bold, l->name);
    pdf_cell(t, 2, 1, 1, CELL_NUM | bold, l->projects);
    pdf_cell(t, 3, 1, 1, CELL_NUM | bold, l->budget);
    pdf_cell(t, 4, 1, 1, CELL_NUM | bold, l->fiscal);
    pdf_cell(t, 5, 1, 1, CELL_NUM | bold, l->other);
    pdf_cell(t, 6, 1, 1, CELL_NUM | bold, l->rows);
  }
  pdf_row(t, edges, 7, false, hd);
  pdf_cell(t, 0, 2, 1, CELL_CENTER | CELL_BOLD, "合计");
  pdf_cell(t, 2, 1, 1, CELL_NUM | CELL_BOLD, jx_arena_printf(arena(d), "%d", r->nprojects));
  pdf_cell(t, 3, 1, 1, CELL_NUM | CELL_BOLD, r->budget);
  pdf_cell(t, 4, 1, 1, CELL_NUM | CELL_BOLD, r->fiscal);
  pdf_cell(t, 5, 1, 1, CELL_NUM | CELL_BOLD, r->other);
  pdf_cell(t, 6, 1, 1, CELL_NUM | CELL_BOLD, jx_arena_printf(arena(d), "%d", r->nrows));
  pdf_table_place(t, summary_continued, d);
}

/* ---- the whole ---- */

static void layout(doc *d) {
  const jx_tables *r = d->r;
  d->p.page = 0;
  if (r->whole_document) {
    cover(d);
    contents(d);
    if (has_part_one(r)) part_one(d);
  }
  if (r->whole_document || d->summary) {
    pdf_new_page(&d->p);
    d->part_two_page = d->p.page;
    if (r->whole_document) {
      d->dest = "part-two";
      heading(d, "第二部分　预算项目绩效目标", PDF_PART, PDF_CENTER, 0, 12);
    }
    if (d->summary) {
      d->dest = "summary";
      summary(d);
    }
  }
  int k = 0;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++, k++) {
      if (!d->second_pass) d->form_page[k] = d->p.page + 1;
      d->dest = jx_arena_printf(arena(d), "p%d", k);
      form(d, unit, unit->projects.items[i]);
    }
  }
  pdf_end(&d->p);
}

/* The outline (bookmarks) of the PDF: the parts, the summary, the units
 * and their projects, each pointing at its page. */
static void outline(doc *d, cairo_surface_t *s) {
  const jx_tables *r = d->r;
  char link[32];
#define AT(PAGE) (snprintf(link, sizeof link, "page=%d", (PAGE)), link)
  int part_two = CAIRO_PDF_OUTLINE_ROOT;
  if (r->whole_document) {
    cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "目录", AT(d->contents_page), 0);
    if (has_part_one(r))
      cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "第一部分　部门整体绩效目标",
                                    AT(d->part_one_page), 0);
    part_two = cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT,
                                             "第二部分　预算项目绩效目标",
                                             AT(d->part_two_page), CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }
  if (d->summary) cairo_pdf_surface_add_outline(s, part_two, "预算项目汇总表", AT(d->summary_page), 0);
  int k = 0;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    int id = cairo_pdf_surface_add_outline(s, part_two, unit->heading, AT(d->form_page[k]), 0);
    for (size_t i = 0; i < unit->projects.len; i++, k++) {
      const jx_report_project *p = unit->projects.items[i];
      cairo_pdf_surface_add_outline(s, id,
                                    jx_arena_printf(arena(d), "%d. %s", p->number, p->name),
                                    AT(d->form_page[k]), 0);
    }
  }
#undef AT
}

/* SOURCE_DATE_EPOCH as the ISO 8601 date cairo takes, or "" for none. */
static const char *creation_date(doc *d) {
  const char *s = getenv("SOURCE_DATE_EPOCH");
  if (!s || !*s) return "";
  char *end;
  errno = 0;
  long long t = strtoll(s, &end, 10);
  if (*end || errno || t < 0) return "";
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm)) return "";
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return jx_arena_strdup(arena(d), buf);
}

bool jx_render_pdf(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                   const char *path, const char **why) {
  doc d = {0};
  d.r = r;
  d.summary = r->whole_document || r->units.len > 1;
  d.nforms = r->nprojects;
  d.form_page = jx_arena_alloc(ctx->arena, (size_t)(d.nforms + 1) * sizeof *d.form_page);
  jx_pdf *p = &d.p;
  p->ctx = ctx;
  p->breaks = r->breaks;
  p->page_w = a4_w;
  p->page_h = a4_h;
  p->left = margin;
  p->top = margin;
  p->width = a4_w - 2 * margin;
  p->bottom = a4_h - margin_bottom;

  /* Text is laid out in points at 72 dpi, without hinting, so the first
   * pass measures exactly what the second draws. */
  PangoFontMap *fm = pango_cairo_font_map_new();
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72);
  p->pango = pango_font_map_create_context(fm);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(p->pango, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_language(p->pango, pango_language_from_string("zh-cn"));
  bool ok = setup_fonts(p, opt && opt->font ? opt->font : default_family, why);
  if (ok) {
    indicator_minima(&d);
    layout(&d); /* the first pass: the pages */
    int pages = p->page;
    cairo_surface_t *s = cairo_pdf_surface_create(path, a4_w, a4_h);
    cairo_pdf_surface_set_metadata(
        s, CAIRO_PDF_METADATA_TITLE,
        jx_arena_printf(ctx->arena, "%s%s%s 年部门预算绩效文本", r->department,
                        *r->department ? " " : "", r->year));
    if (*r->compiled_by) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, r->compiled_by);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "jxc (jixiao)");
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, creation_date(&d));
    p->cr = cairo_create(s);
    d.second_pass = true;
    layout(&d);
    outline(&d, s);
    cairo_destroy(p->cr);
    p->cr = NULL;
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (p->page != pages) {
      *why = jx_arena_printf(ctx->arena,
                             _("internal error: the PDF's layout came out at %d pages and then "
                             "%d, so its contents would cite wrong pages; please report this "
                             "with the input"), pages, p->page);
      ok = false;
    } else if (st != CAIRO_STATUS_SUCCESS) {
      *why = jx_arena_printf(ctx->arena, _("cannot write %s: %s"), path, cairo_status_to_string(st));
      ok = false;
    }
  }
  for (int i = 0; i < PDF_NSTYLES; i++)
    if (p->font[i]) pango_font_description_free(p->font[i]);
  g_object_unref(p->pango);
  g_object_unref(fm);
  return ok;
}
