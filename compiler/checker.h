/* Internal state shared by the checker's rule files (check_*.c), and the
 * helpers they share (checker.c). check.c runs the rule groups in order;
 * the rule files depend on this header only, never on each other. */
#ifndef JX_CHECKER_H
#define JX_CHECKER_H

#include "check.h"
#include "diag.h"
#include "framework.h"
#include "hash.h"
#include "units.h"

/* A budget unit as a whole. The 单位 lines of several files may open the
 * same unit (its projects split over files): they are one unit when they
 * have the same code, or, without a code, the same name. */
typedef struct jx_budget_unit {
  const jx_org *first;  /* the first 单位 line naming it */
  jx_list projects;     /* const jx_project *, of every such line, in order */
} jx_budget_unit;

struct jx_checker {
  jx_ctx *ctx;
  /* The document as read when the checker was made: all of it (jx_check),
   * or only its root file when its files come one at a time. Its header,
   * definitions and part one are read from here. */
  const jx_document *doc;
  /* Files come one at a time and their trees go after jx_checker_file: the
   * rules of the whole document then read the outline, copies of what they
   * need (check_outline.c). */
  bool streaming;
  jx_document outline;      /* streaming: a jx_file of copies per file read */
  jx_file **outline_of;     /* streaming: those by file index (malloc) */
  size_t noutline;
  jx_library lib;                       /* stdlib plus the document's definitions */
  const jx_framework_def *framework;    /* the framework in force */
  int year;                             /* budget year, 0 when not declared */
  const jx_unit *money;                 /* default money unit (金额单位) */
  const jx_name_item *money_item;       /* the 金额单位 line, or NULL */
  const jx_org *department;             /* NULL when not declared */
  jx_list agencies;                     /* const jx_org *, document order */
  jx_list sections;                     /* const jx_org * (类别 lines), document order */
  jx_list projects;                     /* const jx_project *, document order */
  jx_list allows;                       /* const jx_allow * at top level */
  jx_list units;                        /* jx_budget_unit *, by first 单位 line */
  jx_hash unit_of;                      /* jx_org pointer -> jx_budget_unit * */
  /* Memory for the work of one project that nothing keeps (tables of its
   * rows, keys of their names): a rule resets it when the project is done,
   * so a province's check uses the same few pages again rather than fresh
   * ones for every project. Never for diagnostics or what they point to. */
  jx_arena *scratch;
  /* J174, when part one has 指标 paragraphs (row_index, the arena of
   * these tables, is NULL when not): every ending of a name they give a
   * figure for, and the rows of such names that state a number. */
  jx_hash part_one_names;
  jx_hash rows_by_name;
  jx_arena *row_index;
};

/* Rule groups. jx_checker_new runs the header's first; then, file by file
 * and for each batch of a few projects of the file, the rules of single
 * projects, group by group in this order (a batch of trees stays in the
 * processor's cache across the groups, where a walk of the whole document
 * per group would fetch every project from memory again for each); then,
 * in jx_checker_finish, the rules of the document as a whole, which read
 * c->projects and the other lists in document order. */
void jx_check_header(jx_checker *c);
void jx_check_part_one_begin(jx_checker *c);
void jx_check_header_projects(jx_checker *c, const jx_list *projects);
void jx_check_project_codes(jx_checker *c, const jx_list *projects);
void jx_check_budgets(jx_checker *c, const jx_list *projects);
void jx_check_plans(jx_checker *c, const jx_list *projects);
void jx_check_indicators(jx_checker *c, const jx_list *projects);
void jx_check_values(jx_checker *c, const jx_list *projects);
void jx_check_target_texts(jx_checker *c, const jx_list *projects);
void jx_check_names(jx_checker *c, const jx_list *projects);
void jx_check_allowances(jx_checker *c, const jx_list *projects);
/* ... and of the document as a whole, after every file. */
void jx_check_identity(jx_checker *c);
void jx_check_unit_identity(jx_checker *c);
void jx_check_totals(jx_checker *c);
void jx_check_unit_values(jx_checker *c);
void jx_check_part_one(jx_checker *c);
void jx_check_top_allowances(jx_checker *c);

/* Copies what the rules of the whole document read of a file (its 单位
 * and 类别 lines, its projects' identity and budget, the rows part one may
 * name, its top-level allowances, its imports) into c->outline. */
void jx_outline_file(jx_checker *c, const jx_file *file);

/* When part one's 指标 paragraphs give a figure for a row's name (J174)
 * and the row states a number that is not a placeholder: its name without
 * spaces, in arena a; else NULL. */
const char *jx_part_one_row_key(jx_checker *c, jx_arena *a, const jx_row *r);

/* Groups the 单位 lines into budget units (c->units, c->unit_of). */
void jx_checker_group_units(jx_checker *c);

/* The budget unit an 单位 line belongs to, or NULL for NULL. */
const jx_budget_unit *jx_unit_of(const jx_checker *c, const jx_org *agency);

/* How messages name a budget unit: its code, else its name in quotes. */
const char *jx_org_ref(jx_checker *c, const jx_org *o);

/* How messages name an indicator row: its name in quotes, or for a row
 * whose name cell is empty (空白), "(unnamed 数量指标 row)". */
const char *jx_row_ref(jx_checker *c, const jx_row *r);

/* An amount's unit (its own, else the document's money unit), checked to
 * be a known money unit; reports J130/J107 and returns NULL otherwise. */
const jx_unit *jx_amount_unit(jx_checker *c, const jx_amount *a);

/* The amount in 元 (the money base unit); false if its unit is not money. */
bool jx_amount_in_base(jx_checker *c, const jx_amount *a, jx_decimal *out);

/* A budget-like field's (预算, 中期预算, 资金总额) amount in 元; false when
 * the project has none, or its unit is not money, or it is negative (those
 * are reported by the budget rules). */
bool jx_project_amount_base(jx_checker *c, const jx_project *p, jx_node_kind kind,
                            jx_decimal *out);

/* The same for the annual (预算) and medium-term (中期预算) budget. */
bool jx_project_budget_base(jx_checker *c, const jx_project *p, jx_decimal *out);
bool jx_project_medium_budget_base(jx_checker *c, const jx_project *p,
                                   jx_decimal *out);

/* "12.5 万元" style text of a value in 元 expressed in the money unit. */
const char *jx_money_text(jx_checker *c, jx_decimal base_value);

/* Formats a decimal into the ctx's arena. */
const char *jx_dec(jx_checker *c, jx_decimal d);

/* The location of the bytes [offset, offset+len) of a string, when it is a
 * one-line plain string without escapes; else the whole string's. */
jx_loc jx_loc_in_string(const jx_string *s, size_t offset, size_t len);

/* The quantity a value states in numbers (QUANTITY; DEADLINE and RELATIVE
 * when they carry one), or NULL. */
const jx_quantity *jx_value_quantity(const jx_value *v);

/* Whether the value is a plain target amount: a QUANTITY, or a DEADLINE
 * that carries one (12月底前 100%); not a year-on-year change. */
bool jx_value_plain_quantity(const jx_value *v);

#endif
