/* The printable tables (jxc build --format=html|text|csv|markdown|xlsx):
 * a model of what the official forms show, built once from a checked
 * document, then written by one renderer per format (render_*.c). All
 * strings live in the ctx's arena; amounts are formatted from the exact
 * decimals, in the document's money unit with that unit's precision. */
#ifndef JX_REPORT_H
#define JX_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "breaks.h"
#include "ctx.h"
#include "document.h"
#include "library.h"

typedef struct jx_report_options {
  const char *project; /* --project CODE: only this project, or NULL */
  const char *unit;    /* --unit CODE: only this budget unit, or NULL */
  int width;           /* text: the line width; 0 for the default */
  bool ambiguous_wide; /* text: ≥ ≤ and the other East Asian ambiguous
                        * characters take two columns (the terminal draws
                        * them wide) */
  bool bom;            /* csv: start with a UTF-8 byte order mark (Excel) */
  bool sheet_per_project; /* xlsx: one sheet per project, not per unit */
  const char *font;    /* pdf: the font family, NULL for Noto Serif CJK SC */
  bool as_written;     /* values with their units as the source writes them,
                        * not one spelling per unit (--as-written) */
} jx_report_options;

/* One indicator row of a project's table, with the merges of the form. */
typedef struct jx_report_row {
  const char *level1, *level2;
  const char *name;      /* the ordinal ("指标1:") and the name; "" when 空白 */
  const char *description, *value, *basis;
  const char *long_term; /* the 长期 value, "" when the row has none */
  const char *standard;  /* 标准 (绩效标准), "" when absent */
  bool medium_term;
  bool flat;       /* from a flat table (绩效指标 { 指标 … }): no level columns */
  int level1_span; /* rows the 一级指标 cell covers; 0 when merged upward */
  int level2_span; /* rows the 二级指标 cell covers; 0 when merged upward */
  const jx_row *row;
} jx_report_row;

/* A label and its text, as a form prints a field (主管部门及代码, 实施单位 …). */
typedef struct jx_report_field {
  const char *label, *text;
} jx_report_field;

/* The budgets a project can state, the columns of its funding table. */
enum { JX_REPORT_TOTAL_FUNDS, JX_REPORT_MEDIUM, JX_REPORT_ANNUAL, JX_REPORT_NBUDGETS };

/* One line of a project's funding table (项目资金): the 合计 line, then each
 * funding source, its parts below it one level deeper. Sources of the same
 * name at the same place in several budgets share a line. A top-level
 * source of no declared kind (资金来源) is here with its money, which the
 * 财政资金 and 其他资金 cells leave out. */
typedef struct jx_report_source {
  const char *name;  /* "合计", or the source's name as written */
  const char *label; /* name after one ideographic space (U+3000) per level */
  int depth;         /* 0: 合计 and the top-level sources */
  const char *cell[JX_REPORT_NBUDGETS]; /* the amount; "" when the budget does
                                         * not name the source or gives it no
                                         * amount (an empty cell, not zero) */
} jx_report_source;

/* One stage of 实施进度. */
typedef struct jx_report_stage {
  const char *name, *when, *description; /* description "" when absent */
} jx_report_stage;

typedef struct jx_report_project {
  const jx_project *project;
  int number;          /* 1-based, in document order ("1. …绩效目标表") */
  const char *code;    /* "" when the project has none (the form shows none) */
  const char *name;
  const char *anchor;  /* unique id: the code, or "p" and the number */
  const char *budget, *fiscal, *other; /* cells in the money unit; "" if empty */
  jx_decimal budget_value, fiscal_value, other_value; /* same, exact (0 if "") */
  bool has_budget, has_fiscal, has_other; /* the cell is not empty */
  const char *purpose, *target;        /* "" if absent */
  int nmonths;                         /* spending-plan columns: the same in */
  int months[12];                      /* every form, the months any plan of
                                        * the document writes (3, 6, 10, 12 in
                                        * the seed) */
  const char *plan[12];                /* "25%" or "" for each column */
  const char *plan_text;               /* "3月底 25%；6月底 50%": the months set */

  /* Fields of the forms of other provinces; "" when absent. */
  const char *category;        /* 类别 field, else the 类别 line it stands under */
  const char *section;         /* the 类别 line it stands under */
  const char *section_total;   /* that line's subtotal (declared, else the sum) */
  const char *period;          /* 项目期: "2024至2026" */
  const char *supervisor_code, *supervisor; /* 主管部门 */
  const char *implementer, *oversight, *parent_project, *project_type,
      *funds_nature, *contact, *phone, *overview, *legal_basis, *medium_target,
      *notes;
  jx_list info;    /* jx_report_field *: the short fields the project has, in
                    * the form's order, for a grid of label | text pairs */
  jx_list texts;   /* jx_report_field *: 项目概况 and 立项依据, full-width rows */
  jx_list labelled; /* jx_report_field *: each 栏目, label as the row header */
  jx_list stages;  /* jx_report_stage *: 实施进度 */
  const char *schedule_text; /* the stages on one line, for CSV */

  /* Funding: the budgets stated (资金总额, 中期预算, 预算) and their sources. */
  bool budgets[JX_REPORT_NBUDGETS];
  const char *budget_cells[JX_REPORT_NBUDGETS];   /* amounts; "" if absent */
  const char *source_texts[JX_REPORT_NBUDGETS];   /* "财政拨款 200.00（…）" */
  jx_list sources; /* jx_report_source *: the funding table; empty when the
                    * 预算数 | 财政资金 | 其他资金 row says everything (only a
                    * 预算 with at most 财政资金 and 其他资金, unsplit) */

  jx_list rows;    /* jx_report_row *, all of them, in order */
  int nlevelled, nflat; /* rows of level tables and of flat tables */
  bool has_long_term;   /* a row has a 长期 value: 年度 / 长期 columns */
  bool has_standard;    /* a row has a 标准: the 绩效标准 column */
  bool flat_description; /* a flat row has a 描述: the column in flat tables */
} jx_report_project;

/* A line of the summary table. */
typedef enum {
  JX_LINE_UNIT,    /* a budget unit */
  JX_LINE_SECTION, /* a 类别 line: the subtotal above its projects */
  JX_LINE_PROJECT  /* a project listed under its unit or 类别 */
} jx_report_line_kind;

typedef struct jx_report_line {
  jx_report_line_kind kind;
  int depth;              /* 0 unit, 1 section or project, 2 project of a section */
  const char *code;       /* "" when none */
  const char *name;       /* the name after one ideographic space per level */
  const char *projects;   /* count ("" for a project) */
  const char *budget, *fiscal, *other; /* "" when empty */
  const char *rows;       /* indicator count */
} jx_report_line;

typedef struct jx_report_unit {
  const char *code, *name; /* code "" when none */
  const char *heading;     /* "324001 承德市司法局本级", or the name alone */
  jx_list projects; /* jx_report_project * */
  int nrows;
  const char *budget, *fiscal, *other; /* sums, formatted; "" when no project has one */
  jx_decimal budget_value, fiscal_value, other_value;
  bool has_sections;       /* some project stands under a 类别 line */
} jx_report_unit;

typedef struct jx_tables {
  const char *department;   /* "" if not declared */
  const char *year;         /* as written */
  const char *money_unit;   /* "万元" */
  const char *compiled_by, *reviewed_by; /* "" if absent */
  const char *overall_target;            /* "" if absent */
  jx_list sub_targets;      /* const jx_sub_target * */
  jx_list safeguards;       /* const jx_safeguard * */
  jx_list units;            /* jx_report_unit * (only those selected) */
  int nprojects, nrows;
  const char *budget, *fiscal, *other; /* totals, formatted; "" when empty */
  bool whole_document;      /* no --project/--unit: print part one too */
  /* The summary table: its two name columns' headings (单位编码, 单位名称;
   * 编码, 名称 when 类别 lines add section and project lines) and lines. */
  const char *summary_code, *summary_name;
  jx_list lines;            /* jx_report_line * */
  jx_list labels;           /* const char *: every 栏目 label, first use first */
  /* Where printed lines must not break: the terms of the document's
   * frameworks, sources and units and the forms' labels (breaks.h). */
  const jx_breaks *breaks;
} jx_tables;

/* Builds the model; NULL with *why (arena) when the selection matches no
 * project. lib is the document's library (units for the money column). */
jx_tables *jx_report_build(jx_ctx *ctx, const jx_document *doc,
                           const jx_library *lib, const jx_report_options *opt,
                           const char **why);

/* Renderers: write the whole output to out; false on a write error. */
bool jx_render_html(jx_ctx *ctx, const jx_tables *r, FILE *out);
bool jx_render_text(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                    FILE *out);
bool jx_render_csv(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                   FILE *out);
bool jx_render_markdown(jx_ctx *ctx, const jx_tables *r, FILE *out);
/* XLSX is a zip file: libxlsxwriter writes it to path itself. False with
 * *why when the library reports an error. */
bool jx_render_xlsx(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                    const char *path, const char **why);
/* PDF (cairo and pango) to the file at path. False with *why when the font
 * is not installed or the file cannot be written. */
bool jx_render_pdf(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                   const char *path, const char **why);

#endif
