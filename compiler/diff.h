/* The year-over-year diff (jxc diff): two documents, typically two budget
 * years of one department, compared as budgets and targets rather than as
 * lines of text.
 *
 * jx_diff_build matches the budget units and projects of the two documents
 * and compares each pair into a model; one renderer per format
 * (diff_render_*.c) writes the model. Matching is linear or n log n in the
 * size of the documents (hash tables, an index of name fragments, sorting):
 *
 *   budget units  by code, then by normalised name, then by where their
 *                 projects went, then by similar names;
 *   projects      pinned pairs (--match), then the same code anywhere, then
 *                 the same normalised name in the matched unit, then the same
 *                 code but for its two year digits in the matched unit, then a
 *                 name found once on each side in any unit (moved), then
 *                 similarity of name and indicator set;
 *   indicators    by level and name, then by name alone within the project,
 *                 then by similar names within the same first level.
 *
 * A normalised name ignores spaces, full-width forms, punctuation and the
 * year numbers of names ("2024 年消防设施修缮项目" = "消防设施修缮项目").
 *
 * Amounts are exact decimals, compared in 元 and shown in the new document's
 * money unit; percentages are computed exactly and rounded for display. All
 * strings live in the ctx's arena. The JSON form is documented in
 * doc/diff.md. */
#ifndef JX_DIFF_H
#define JX_DIFF_H

#include <stdbool.h>
#include <stdio.h>

#include "ctx.h"
#include "document.h"
#include "library.h"

typedef enum {
  JX_DIFF_SAME,
  JX_DIFF_CHANGED,
  JX_DIFF_ADDED,
  JX_DIFF_REMOVED
} jx_diff_status;

/* How a pair was matched. */
typedef enum {
  JX_MATCH_NONE,       /* added or removed */
  JX_MATCH_PINNED,     /* --match OLD=NEW */
  JX_MATCH_CODE,       /* the same code */
  JX_MATCH_NAME,       /* the same normalised name, in the matched unit */
  JX_MATCH_CODE_YEAR,  /* the same code but for its year digits */
  JX_MATCH_MOVED_NAME, /* the same name, once on each side, in another unit */
  JX_MATCH_SIMILAR,    /* similar name and indicators (or, for units, name) */
  JX_MATCH_PROJECTS,   /* units: most of its projects went there */
  JX_MATCH_LEVEL,      /* indicators: the same level and name */
  JX_MATCH_ONLY_NAME   /* indicators: the same name under another level */
} jx_match_how;

/* A direction of a changed target. */
typedef enum {
  JX_DIR_NONE,    /* not changed (or the indicator is added or removed) */
  JX_DIR_TIGHTER, /* a higher ≥, a lower ≤, a lower bad-event rate or cost,
                   * an earlier deadline, a more frequent date */
  JX_DIR_LOOSER,  /* the opposite */
  JX_DIR_OTHER    /* changed in a way that has no direction */
} jx_direction;

/* One document of the comparison. */
typedef struct jx_diff_side {
  const char *path;         /* as given */
  const jx_document *doc;
  jx_library lib;           /* the standard library and the document's own */
  const char *department;   /* "" when not declared */
  const char *year;         /* as written; "" when not declared */
  const char *money_unit;   /* the 金额单位, "元" by default */
  int budget_year;          /* 0 when unknown */
  const struct jx_unit *money;
  const char *label;        /* "承德市司法局 2024", else the path */
} jx_diff_side;

/* One amount on both sides: a budget (预算, 中期预算, 资金总额), one of its
 * funding sources, or a total. */
typedef struct jx_diff_money {
  const char *label;    /* 预算, 财政资金, 一般公共预算, 合计 … */
  const char *key;      /* "预算/财政拨款/一般公共预算": the line's path */
  int depth;            /* 0 for a budget or total, 1 for its sources … */
  bool in_old, in_new;  /* the line is there (perhaps an empty cell) */
  bool has_old, has_new; /* it has an amount */
  jx_decimal old_value, new_value; /* in 元 */
  const char *old_text, *new_text; /* in the display unit; "" when none */
  const char *change_text;         /* "+2.50", "-0.50"; "" unless both */
  const char *percent_text;        /* "+11.1%"; "" unless both, old ≠ 0 */
  const char *percent_exact;       /* "11.11" (two decimals); NULL likewise */
  bool changed;
} jx_diff_money;

/* A text on both sides: a field of a project or of part one, a name. */
typedef struct jx_diff_text {
  const char *label;    /* as the forms name it: 资金用途, 绩效目标 … */
  const char *key;      /* stable name for JSON: purpose, target … */
  const char *old_text, *new_text; /* NULL when absent on that side */
  jx_list pieces;       /* jx_text_piece * (textdiff.h), when both */
} jx_diff_text;

/* An indicator value (指标值) on both sides. */
typedef struct jx_diff_value {
  const char *old_text, *new_text; /* as the forms show them; NULL: absent */
  bool changed;
  jx_direction direction;
  const char *why;      /* why it is tighter or looser, or what changed */
} jx_diff_value;

typedef struct jx_diff_indicator {
  jx_diff_status status;
  const struct jx_row *old, *new;
  bool medium_term;     /* in a 中期 group */
  const char *level1, *level2, *name;  /* the new side's; the old when removed */
  const char *old_level1, *old_level2, *old_name; /* the old side's */
  jx_match_how how;
  const char *match;    /* how it was matched, for people */
  bool renamed, moved;  /* name, or level, differs */
  jx_diff_value value;
  jx_diff_value long_term; /* 长期 */
  jx_list texts;        /* jx_diff_text *: 描述, 依据, 标准, 允许 that changed */
} jx_diff_indicator;

/* A month of the spending plan that changed: its cumulative percentage. */
typedef struct jx_diff_month {
  int month;
  const char *old_text, *new_text; /* "25", or NULL when not planned */
} jx_diff_month;

typedef struct jx_diff_unit jx_diff_unit;

typedef struct jx_diff_project {
  jx_diff_status status;
  const struct jx_project *old, *new;
  jx_diff_unit *old_unit, *new_unit; /* the units they stand in */
  const char *code, *name;   /* the new side's, or the old when removed */
  const char *old_code, *old_name;
  jx_match_how how;
  const char *match;         /* how it was matched, for people */
  int score;                 /* similar: how alike, in percent */
  bool renamed, recoded, moved;
  jx_diff_text *name_diff;   /* when renamed */
  jx_list money;             /* jx_diff_money *: every budget and source */
  bool money_changed;
  jx_list plan;              /* jx_diff_month *: the months that changed */
  jx_list texts;             /* jx_diff_text *: the fields that changed */
  jx_list indicators;        /* jx_diff_indicator *: those not the same */
  int ind_added, ind_removed, ind_tighter, ind_looser, ind_other, ind_same;
} jx_diff_project;

struct jx_diff_unit {
  jx_diff_status status;
  const struct jx_org *old, *new;
  const char *code, *name;   /* the new side's, or the old when removed */
  const char *heading;       /* "324001 承德市司法局本级" */
  jx_match_how how;
  const char *match;
  jx_diff_text *name_diff;   /* renamed (or its code changed) */
  jx_list money;             /* jx_diff_money *: 预算, 财政资金, 其他资金 totals */
  int old_projects, new_projects;
  jx_list projects;          /* jx_diff_project * that are not the same:
                              * those standing here in the new document in
                              * its order, then those removed from here */
  jx_list moved_out;         /* jx_diff_project * that stood here in the old
                              * document and stand in another unit now */
  int added, removed, changed, same, moved_in;
  int ind_tighter, ind_looser, ind_other, ind_added, ind_removed;
};

typedef struct jx_diff_counts {
  int old_projects, new_projects;
  int added, removed, changed, same, renamed, moved;
  int units_added, units_removed;
  int ind_added, ind_removed, ind_tighter, ind_looser, ind_other, ind_same;
  int texts;                 /* changed text fields of projects and indicators */
} jx_diff_counts;

typedef struct jx_diff {
  jx_diff_side old, new;
  const char *money_unit;    /* the unit amounts are shown in */
  jx_list header;            /* jx_diff_text *: header fields that changed */
  jx_list part_one;          /* jx_diff_text *: part one's texts that changed */
  jx_list units;             /* jx_diff_unit *: the new document's in its
                              * order, then the removed ones */
  jx_list money;             /* jx_diff_money *: the department's totals */
  jx_diff_counts counts;
  bool differs;
} jx_diff;

/* A document to compare. context, when not NULL, supplies the header
 * (部门, 年度, 金额单位) a document lacks: git compares a unit file alone,
 * whose header is in main.jx. */
typedef struct jx_diff_input {
  const char *path;
  const jx_document *doc;
  const jx_document *context;
} jx_diff_input;

typedef struct jx_diff_options {
  const jx_list *pins;       /* const char *: "OLD=NEW", each side a code or
                              * a project name; NULL for none */
} jx_diff_options;

/* Compares two documents. Returns NULL with *why (a sentence, arena) when
 * a pin names no project, or names one twice. */
jx_diff *jx_diff_build(jx_ctx *ctx, const jx_library *stdlib, const jx_diff_input *old,
                       const jx_diff_input *new, const jx_diff_options *opt,
                       const char **why);

/* A name as matching sees it: NFKC (full-width forms become half-width),
 * case folded, without spaces, punctuation, or four-digit year numbers and
 * the 年/年度 after them. In the arena. */
const char *jx_diff_normalise_name(jx_arena *a, const char *name);

/* Words for people: "tightened", "added" … */
const char *jx_direction_name(jx_direction d);
const char *jx_diff_status_name(jx_diff_status s);
const char *jx_match_how_name(jx_match_how h);

typedef struct jx_diff_render_options {
  bool stat;   /* the summary only */
  bool color;  /* text: ANSI colours */
} jx_diff_render_options;

/* Renderers: the whole report to out; false on a write error. */
bool jx_diff_render_text(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out);
bool jx_diff_render_markdown(jx_ctx *ctx, const jx_diff *d,
                             const jx_diff_render_options *opt, FILE *out);
bool jx_diff_render_html(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out);
bool jx_diff_render_json(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out);

#endif
