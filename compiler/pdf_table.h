/* The page and table layout of --format=pdf (compiler/render_pdf.c): text
 * laid out by pango, pages of A4 filled from the top, and tables of cells
 * with column and row spans that break between rows over as many pages as
 * they need, the header row repeated.
 *
 * Everything is laid out twice: once to learn on which page each part
 * begins (the contents cite those pages), then again to draw, with the
 * same results. A jx_pdf without a cairo context only counts pages.
 * Lengths are in PostScript points (1/72 inch), y grows downwards. */
#ifndef JX_PDF_TABLE_H
#define JX_PDF_TABLE_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "breaks.h"
#include "ctx.h"

/* Faces of the layout: sizes in points, bold or not. */
typedef enum {
  PDF_BODY,     /* paragraphs: 10.5pt (五号) */
  PDF_CELL,     /* table cells: 9pt (小五) */
  PDF_CELL_BOLD,
  PDF_META,     /* the line above a table: 10pt */
  PDF_H4,       /* numbered items of part one: 10.5pt bold */
  PDF_H3,       /* 一、总体绩效目标: 12pt bold */
  PDF_H2,       /* part and table titles: 14pt bold */
  PDF_PART,     /* 第一部分 on its page: 16pt bold */
  PDF_SUBTITLE, /* the cover's second line: 16pt */
  PDF_TITLE,    /* the cover's department: 22pt bold */
  PDF_FOOTER,   /* page numbers: 9pt */
  PDF_NSTYLES
} pdf_style;

typedef enum { PDF_LEFT, PDF_CENTER, PDF_RIGHT, PDF_JUSTIFY } pdf_align;

typedef struct jx_pdf {
  jx_ctx *ctx;
  cairo_t *cr;        /* NULL while only counting pages */
  PangoContext *pango;
  PangoFontDescription *font[PDF_NSTYLES];
  double line_gap[PDF_NSTYLES]; /* extra space between lines, points */
  double ascii[95];   /* widths of the ASCII characters ' '..'~', in em */
  const jx_breaks *breaks;
  /* The page: A4, the text area inside the margins. */
  double page_w, page_h, left, top, width, bottom;
  int page;           /* the current page, 1-based; 0 before the first */
  double y;           /* where the next thing goes on it */
  bool numbered;      /* the current page shows its number (not the cover) */
} jx_pdf;

/* Finishes the current page (its number in the footer) and starts the
 * next, at the top of the text area. */
void pdf_new_page(jx_pdf *p);

/* Finishes the last page. */
void pdf_end(jx_pdf *p);

/* A layout of text in the given face, broken into lines width points wide
 * (no width: one line per line of the text) by pango's rules for Chinese,
 * never inside a number with its unit or a term that fits the width
 * (breaks.h), never hyphenated. The caller unrefs it. */
PangoLayout *pdf_layout(jx_pdf *p, const char *text, pdf_style style, double width,
                        pdf_align align);

/* The width of text on one line in the face (an estimate that errs on the
 * wide side: ASCII as measured, anything else one em). */
double pdf_text_width(jx_pdf *p, pdf_style style, const char *text);

/* The width of the widest piece of text that no line may break inside in
 * the face: a number with its unit or a term (breaks.h), or a word of
 * letters and digits (a code). A column narrower than this cuts it. */
double pdf_unbreakable_width(jx_pdf *p, pdf_style style, const char *text);

/* The height of a layout's lines first..last-1 (all: 0, -1), points. */
double pdf_lines_height(PangoLayout *l, int first, int last);

/* Draws lines first..last-1 of a layout with their top at (x, y). */
void pdf_show_lines(jx_pdf *p, PangoLayout *l, double x, double y, int first, int last);

/* ---- tables ---- */

/* How a cell looks: its alignment, whether it is a heading (a label or a
 * column heading, centred on a light shade), and CELL_BOLD or'ed in for the
 * summary's 类别 and 合计 lines. */
typedef enum {
  CELL_TEXT = 0, /* left-aligned text */
  CELL_CENTER,   /* centred: levels, values, plan cells */
  CELL_NUM,      /* right-aligned amounts */
  CELL_HEAD      /* a label or column heading */
} pdf_cell_kind;

enum { CELL_BOLD = 8 };

typedef struct pdf_table pdf_table;

/* A table as wide as the text area; its rows are added in order, each on
 * a band of columns of its own (edges: ncols + 1 positions from 0 to the
 * width, shared by the rows of the band). */
pdf_table *pdf_table_new(jx_pdf *p);

/* Starts a row on the band `edges`. keep: no page break after it (the
 * budget block, the plan's two rows). head: the row (an index returned by
 * pdf_row) repeated above this row when a page starts with it, or -1. */
int pdf_row(pdf_table *t, const double *edges, int ncols, bool keep, int head);

/* Adds a cell to the current row at column col of its band, spanning
 * colspan columns and rowspan rows (the rows below leave those columns
 * free). An empty text is a blank cell. */
void pdf_cell(pdf_table *t, int col, int colspan, int rowspan, int kind, const char *text);

/* Lays the table out from the current position, over as many pages as it
 * needs: it breaks only between rows (never after a `keep` row, unless a
 * kept block is taller than a page), a cell spanning rows is drawn again
 * on each page it reaches, and a page that starts with a row that has a
 * `head` repeats that row first. A row taller than a page is divided
 * between its lines. Before each page after the first, `continued` is
 * called (a title with （续）); it may move p->y. Frees the table. */
void pdf_table_place(pdf_table *t, void (*continued)(jx_pdf *p, void *data), void *data);


#endif
