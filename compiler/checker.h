/* Internal state shared by the checker's rule files (check_*.c). */
#ifndef JX_CHECKER_H
#define JX_CHECKER_H

#include "check.h"
#include "diag.h"
#include "framework.h"
#include "units.h"

typedef struct jx_checker {
  jx_ctx *ctx;
  const jx_document *doc;
  jx_library lib;                       /* stdlib plus the document's definitions */
  const jx_framework_def *framework;    /* the framework in force */
  int year;                             /* budget year, 0 when not declared */
  const jx_unit *money;                 /* default money unit (金额单位) */
  const jx_org *department;             /* NULL when not declared */
  jx_list agencies;                     /* const jx_org *, document order */
  jx_list projects;                     /* const jx_project *, document order */
} jx_checker;

/* Rule groups, run in this order by jx_check. */
void jx_check_header(jx_checker *c);
void jx_check_identity(jx_checker *c);
void jx_check_budgets(jx_checker *c);
void jx_check_plans(jx_checker *c);
void jx_check_indicators(jx_checker *c);
void jx_check_target_texts(jx_checker *c);
void jx_check_names(jx_checker *c);

/* An amount's unit (its own, else the document's money unit), checked to
 * be a known money unit; reports J130/J107 and returns NULL otherwise. */
const jx_unit *jx_amount_unit(jx_checker *c, const jx_amount *a);

/* The amount in 元 (the money base unit); false if its unit is not money. */
bool jx_amount_in_base(jx_checker *c, const jx_amount *a, jx_decimal *out);

/* The project's annual (or medium-term) budget in 元; false when it has
 * none, or its unit is not money, or it is negative (already reported). */
bool jx_project_budget_base(jx_checker *c, const jx_project *p, jx_decimal *out);
bool jx_project_medium_budget_base(jx_checker *c, const jx_project *p,
                                   jx_decimal *out);

/* "12.5 万元" style text of a value in 元 expressed in the money unit. */
const char *jx_money_text(jx_checker *c, jx_decimal base_value);

/* Formats a decimal into the ctx's arena. */
const char *jx_dec(jx_checker *c, jx_decimal d);

#endif
