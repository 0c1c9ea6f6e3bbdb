/* Header rules: J151 budget year, J152 header given twice, J153 money unit,
 * J154 codes, J123 framework, J157 value spelling; J155 project periods. */
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "i18n.h"

static const char *header_keyword(jx_node_kind kind) {
  switch (kind) {
    case JX_NODE_DEPARTMENT: return "部门";
    case JX_NODE_REGION: return "区划";
    case JX_NODE_YEAR: return "年度";
    case JX_NODE_MONEY_UNIT: return "金额单位";
    case JX_NODE_COMPILED_BY: return "编制";
    case JX_NODE_REVIEWED_BY: return "审核";
    case JX_NODE_VALUE_SPELLING: return "数值写法";
    case JX_NODE_FRAMEWORK: return "指标体系";
    case JX_NODE_OVERALL_TARGET: return "总体目标";
    default: return NULL;
  }
}

struct header {
  jx_checker *c;
  const jx_node *first[JX_NODE_KIND_COUNT];
};

static void visit(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  struct header *h = data;
  const char *kw = header_keyword(item->kind);
  if (!kw) return;
  const jx_node *first = h->first[item->kind];
  if (first) {
    jx_diag *d = jx_report(h->c->ctx, JX_SEV_ERROR, "J152", item->loc,
                           "The document gives %s more than once.", kw);
    jx_diag_note_add(h->c->ctx, d, first->loc, "the first %s is here", kw);
    jx_diag_hint(h->c->ctx, d, "A document has one %s; keep one and delete the "
                               "others.", kw);
    return;
  }
  h->first[item->kind] = item;
}

static void check_year(jx_checker *c, const jx_name_item *y) {
  const jx_file *root = c->doc->files.items[0];
  if (!y) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J151", jx_loc_file(root->file),
                           "The document does not say its budget year.");
    jx_diag_hint(c->ctx, d, "Add a line such as 年度 2025 to the header.");
    return;
  }
  char *end;
  long v = strtol(y->value.text, &end, 10);
  if (*end || v < 1990 || v > 2200) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J151", y->value.loc,
                           "%s is not a budget year.", y->value.text);
    jx_diag_hint(c->ctx, d, "Write the year in four digits, such as 年度 2025.");
    return;
  }
  c->year = (int)v;
}

static void check_money_unit(jx_checker *c, const jx_name_item *m) {
  c->money_item = m;
  if (!m) {
    c->money = jx_units_find(&c->lib.units, "元");
    return;
  }
  jx_unit_expr e;
  if (!jx_units_resolve(c->ctx, &c->lib.units, &m->value, &e)) return;
  if (e.nper || strcmp(e.unit->role, "money") != 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J153", m->value.loc,
                           "金额单位 must be a unit of money, not %s.",
                           m->value.text);
    jx_diag_hint(c->ctx, d, "Write 金额单位 元 or 金额单位 万元.");
    return;
  }
  c->money = e.unit;
}

static void check_framework(jx_checker *c, const jx_text_item *f) {
  const jx_frameworks *fw = &c->lib.frameworks;
  if (!f) {
    c->framework = jx_framework_find(fw, NULL);
    return;
  }
  c->framework = jx_framework_find(fw, f->text.text);
  if (c->framework) return;
  const char *known = "";
  for (size_t i = 0; i < fw->defs.len; i++) {
    const jx_framework_def *def = fw->defs.items[i];
    known = jx_arena_printf(c->ctx->arena, "%s%s\"%s\"", known, i ? ", " : "",
                            def->name.text);
  }
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J123", f->text.loc,
                         "The indicator framework \"%s\" is not defined.",
                         f->text.text);
  jx_diag_hint(c->ctx, d, "The known frameworks are %s; or define this one with "
                          "指标体系 \"%s\" { … }.", known, f->text.text);
}

static bool digits_only(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

/* Codes are digits (or letters and digits): never a decimal or negative. */
static void check_code(jx_checker *c, const jx_name *code, const char *what) {
  if (!code || digits_only(code->text) || !strpbrk(code->text, ".-")) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J154", code->loc,
                         "The %s %s is not a code: codes are made of digits "
                         "(and letters), without a point or a sign.", what,
                         code->text);
  jx_diag_hint(c->ctx, d, "Copy the code exactly from the budget system, such as "
                          "130800.");
}

/* A period end point: YYYY, YYYY-MM or YYYY-MM-DD. *first and *last get
 * the first and last day it covers, as YYYYMMDD numbers. */
static bool when_ok(const char *s, long *first, long *last) {
  for (const char *p = s; *p; p++)
    if ((*p < '0' || *p > '9') && *p != '-') return false;
  int y = 0, m = 0, d = 0;
  int n = sscanf(s, "%d-%d-%d", &y, &m, &d);
  if (n < 1 || y < 1990 || y > 2200 || (n >= 2 && (m < 1 || m > 12)) ||
      (n == 3 && (d < 1 || d > 31)))
    return false;
  *first = y * 10000L + (n >= 2 ? m : 1) * 100 + (n == 3 ? d : 1);
  *last = y * 10000L + (n >= 2 ? m : 12) * 100 + (n == 3 ? d : 31);
  return true;
}

static void check_period(jx_checker *c, const jx_project *p) {
  const jx_period *per = (const jx_period *)jx_project_field(p, JX_NODE_PERIOD);
  if (!per) return;
  long from, from_last, to_first, to;
  const jx_name *bad = !when_ok(per->from.text, &from, &from_last) ? &per->from
                       : !when_ok(per->to.text, &to_first, &to)    ? &per->to
                                                                   : NULL;
  if (bad) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J155", bad->loc,
                           "%s is not a year or date for the project period.",
                           bad->text);
    jx_diag_hint(c->ctx, d, "Write 项目期 2024 至 2026, or with ISO dates "
                            "项目期 2024-01-01 至 2026-12-31.");
    return;
  }
  if (to < from) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J155", per->base.loc,
                           "The period of project %s ends (%s) before it starts (%s).",
                           jx_project_id(c->ctx->arena, p), per->to.text, per->from.text);
    jx_diag_hint(c->ctx, d, "Write the start first: 项目期 START 至 END.");
  }
}

/* J157: 数值写法 says how the tables print values: 原样 (as the source
 * writes them) or 统一 (one spelling per unit, the default). */
static void check_value_spelling(jx_checker *c, const jx_name_item *v) {
  if (!v || !strcmp(v->value.text, "原样") || !strcmp(v->value.text, "统一")) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J157", v->value.loc,
                         "数值写法 is 原样 or 统一, not %s.", v->value.text);
  jx_diag_hint(c->ctx, d, "Write 数值写法 原样 to print every value as the source writes "
                          "it (≥0.95比例 stays ≥0.95比例), or leave the line out to print "
                          "one spelling per unit (≥95%%).");
}

void jx_check_header(jx_checker *c) {
  struct header h = {.c = c};
  jx_document_items(c->doc, visit, &h);
  const jx_name_item *region = (const jx_name_item *)h.first[JX_NODE_REGION];
  if (region) check_code(c, &region->value, _("region code (区划)"));
  const jx_org *dept = (const jx_org *)h.first[JX_NODE_DEPARTMENT];
  if (dept) check_code(c, dept->code, _("department code"));
  check_year(c, (const jx_name_item *)h.first[JX_NODE_YEAR]);
  check_money_unit(c, (const jx_name_item *)h.first[JX_NODE_MONEY_UNIT]);
  check_framework(c, (const jx_text_item *)h.first[JX_NODE_FRAMEWORK]);
  check_value_spelling(c, (const jx_name_item *)h.first[JX_NODE_VALUE_SPELLING]);
  c->department = (const jx_org *)h.first[JX_NODE_DEPARTMENT];
}

void jx_check_header_projects(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    const jx_org *sup = (const jx_org *)jx_project_field(p, JX_NODE_SUPERVISOR);
    if (sup) check_code(c, sup->code, _("supervising department code"));
    check_period(c, p);
  }
}
