/* Allowance rule: an allowance (允许) names checker rules (J193). What
 * allowances accept is applied by jx_check_filter (check.c). */
#include <string.h>

#include "checker.h"
#include "i18n.h"

static void check_allow(jx_checker *c, const jx_allow *a) {
  for (size_t i = 0; i < a->codes.len; i++) {
    const jx_name *code = a->codes.items[i];
    if (jx_check_rule_known(code->text)) continue;
    bool syntax = code->text[1] == '0' && strlen(code->text) == 4;
    if (syntax) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J193", code->loc,
                             "The allowance (允许) names %s, which is not a rule of "
                             "the checker: it is a syntax error, which cannot be allowed.",
                             code->text);
      jx_diag_hint(c->ctx, d, "Correct the source instead; an allowance accepts "
                              "findings of the checker (J101–J193) only.");
    } else {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J193", code->loc,
                             "The allowance (允许) names %s, which is not a rule of "
                             "the checker.", code->text);
      jx_diag_hint(c->ctx, d, "Check the code against the rules in doc/checks.md "
                              "(J101–J193), or remove it from the allowance.");
    }
  }
}

void jx_check_top_allowances(jx_checker *c) {
  for (size_t i = 0; i < c->allows.len; i++) check_allow(c, c->allows.items[i]);
}

void jx_check_allowances(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    for (size_t k = 0; k < p->fields.len; k++) {
      const jx_node *f = p->fields.items[k];
      if (f->kind == JX_NODE_ALLOW) {
        check_allow(c, (const jx_allow *)f);
      } else if (f->kind == JX_NODE_GROUP) {
        const jx_group *g = (const jx_group *)f;
        for (size_t r = 0; r < g->rows.len; r++) {
          const jx_row *row = g->rows.items[r];
          for (size_t n = 0; n < row->allows.len; n++) check_allow(c, row->allows.items[n]);
        }
      }
    }
  }
}
