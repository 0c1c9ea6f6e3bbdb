/* Header rules: J151 budget year, J152 header given twice, J153 money unit,
 * J123 framework. */
#include <stdlib.h>
#include <string.h>

#include "checker.h"

static const char *header_keyword(jx_node_kind kind) {
  switch (kind) {
    case JX_NODE_DEPARTMENT: return "部门";
    case JX_NODE_REGION: return "区划";
    case JX_NODE_YEAR: return "年度";
    case JX_NODE_MONEY_UNIT: return "金额单位";
    case JX_NODE_COMPILED_BY: return "编制";
    case JX_NODE_REVIEWED_BY: return "审核";
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

void jx_check_header(jx_checker *c) {
  struct header h = {.c = c};
  jx_document_items(c->doc, visit, &h);
  check_year(c, (const jx_name_item *)h.first[JX_NODE_YEAR]);
  check_money_unit(c, (const jx_name_item *)h.first[JX_NODE_MONEY_UNIT]);
  check_framework(c, (const jx_text_item *)h.first[JX_NODE_FRAMEWORK]);
  c->department = (const jx_org *)h.first[JX_NODE_DEPARTMENT];
}
