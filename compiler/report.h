/* The printable tables (jxc build --format=html|text|csv|markdown|xlsx):
 * a model of what the official forms show, built once from a checked
 * document, then written by one renderer per format (render_*.c). All
 * strings live in the ctx's arena; amounts are formatted from the exact
 * decimals, in the document's money unit with that unit's precision. */
#ifndef JX_REPORT_H
#define JX_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "ctx.h"
#include "document.h"
#include "library.h"

typedef struct jx_report_options {
  const char *project; /* --project CODE: only this project, or NULL */
  const char *unit;    /* --unit CODE: only this budget unit, or NULL */
  int width;           /* text: the line width; 0 for the default */
  bool bom;            /* csv: start with a UTF-8 byte order mark (Excel) */
  bool sheet_per_project; /* xlsx: one sheet per project, not per unit */
} jx_report_options;

/* One indicator row of a project's table, with the merges of the form. */
typedef struct jx_report_row {
  const char *level1, *level2, *name, *description, *value, *basis;
  bool medium_term;
  int level1_span; /* rows the 一级指标 cell covers; 0 when merged upward */
  int level2_span; /* rows the 二级指标 cell covers; 0 when merged upward */
  const jx_row *row;
} jx_report_row;

typedef struct jx_report_project {
  const jx_project *project;
  int number;          /* 1-based, in document order ("1. …绩效目标表") */
  const char *code, *name;
  const char *budget, *fiscal, *other; /* cells in the money unit; "" if absent */
  jx_decimal budget_value, fiscal_value, other_value; /* same, exact */
  const char *purpose, *target;        /* "" if absent */
  int nmonths;                         /* spending-plan columns */
  int months[12];                      /* 3, 6, 10, 12 and any other month used */
  const char *plan[12];                /* "25%" or "" for each column */
  jx_list rows;                        /* jx_report_row * */
} jx_report_project;

typedef struct jx_report_unit {
  const char *code, *name;
  jx_list projects; /* jx_report_project * */
  int nrows;
  const char *budget, *fiscal, *other; /* sums, formatted */
  jx_decimal budget_value, fiscal_value, other_value;
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
  const char *budget, *fiscal, *other; /* totals, formatted */
  bool whole_document;      /* no --project/--unit: print part one too */
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

#endif
