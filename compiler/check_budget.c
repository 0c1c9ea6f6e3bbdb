/* Budget rules: sources add up (J101, J102), unit and department totals
 * (J103, J104), non-negative (J105), precision (J106), money units (J107),
 * every project has a budget (J108). */
#include <string.h>

#include "checker.h"

/* Checks one amount on its own; returns its value in 元 via out. */
static bool amount_ok(jx_checker *c, const jx_amount *a, const char *what,
                      jx_decimal *out) {
  const jx_unit *u = jx_amount_unit(c, a);
  if (!u) return false;
  if (jx_decimal_sign(a->value) < 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J105", a->loc,
                           "%s is negative (%s).", what, a->text);
    jx_diag_hint(c->ctx, d, "Amounts are never negative; correct the sign.");
  }
  if (!jx_unit_to_base(u, a->value, out)) {
    jx_report(c->ctx, JX_SEV_ERROR, "J106", a->loc, "%s (%s %s) is too large.",
              what, a->text, u->name);
    return false;
  }
  if (u->precision >= 0 && jx_decimal_precision(*out) > u->precision) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J106", a->loc,
                           "%s %s %s is more precise than a %s can be: it is %s %s.",
                           what, a->text, u->name, u->base, jx_dec(c, jx_decimal_normalize(*out)),
                           u->base);
    jx_diag_hint(c->ctx, d, "Amounts in %s have at most %d decimals; round the "
                            "amount.", u->base, u->precision);
  }
  return true;
}

static const char *source_label(const jx_fund_source *s) { return s->name.text; }

/* Checks that sources add up to total (in 元); recurses into splits. */
static void check_sources(jx_checker *c, const jx_project *p, const jx_list *sources,
                          jx_decimal total, const char *parent, jx_loc parent_loc,
                          const char *code) {
  if (!sources->len) return;
  jx_decimal sum = jx_decimal_from_int(0);
  bool ok = true;
  jx_decimal values[64];
  size_t n = sources->len < 64 ? sources->len : 64;
  for (size_t i = 0; i < sources->len; i++) {
    const jx_fund_source *s = sources->items[i];
    jx_decimal v = jx_decimal_from_int(0);
    if (i < n) values[i] = v;
    /* An empty cell adds nothing; it is printed blank, not as zero. */
    if (!s->amount) continue;
    const char *what = jx_arena_printf(c->ctx->arena, "The %s of project %s",
                                       source_label(s), jx_project_id(c->ctx->arena, p));
    if (!amount_ok(c, s->amount, what, &v)) {
      ok = false;
      continue;
    }
    if (i < n) values[i] = v;
    if (!jx_decimal_add(sum, v, &sum)) ok = false;
    check_sources(c, p, &s->parts, v, source_label(s), s->amount->loc, "J102");
  }
  if (!ok || jx_decimal_cmp(sum, total) == 0) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, code, parent_loc,
                         "The funding sources of project %s add up to %s, but its "
                         "%s is %s.", jx_project_id(c->ctx->arena, p), jx_money_text(c, sum), parent,
                         jx_money_text(c, total));
  for (size_t i = 0; i < n; i++) {
    const jx_fund_source *s = sources->items[i];
    if (s->amount)
      jx_diag_note_add(c->ctx, d, s->amount->loc, "%s %s", source_label(s),
                       jx_money_text(c, values[i]));
  }
  jx_diag_hint(c->ctx, d, "Correct the amounts so that the parts add up to the "
                          "whole exactly.");
}

static void check_budget_item(jx_checker *c, const jx_project *p,
                              const jx_budget *b, const char *label) {
  jx_decimal total;
  const char *what = jx_arena_printf(c->ctx->arena, "The %s of project %s", label,
                                     jx_project_id(c->ctx->arena, p));
  if (!amount_ok(c, &b->amount, what, &total)) return;
  check_sources(c, p, &b->sources, total, label, b->amount.loc, "J101");
}

/* A declared total against the sum of the given projects' budgets. */
static void check_total(jx_checker *c, const jx_amount *total, const char *whose,
                        const jx_list *projects, const char *rule) {
  jx_decimal declared;
  if (!amount_ok(c, total, jx_arena_printf(c->ctx->arena, "The total of %s", whose),
                 &declared))
    return;
  jx_decimal sum = jx_decimal_from_int(0);
  size_t count = 0;
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    jx_decimal v;
    /* A budget already reported as missing or wrong makes any sum moot. */
    if (!jx_project_budget_base(c, p, &v)) return;
    jx_decimal_add(sum, v, &sum);
    count++;
  }
  if (jx_decimal_cmp(sum, declared) == 0) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, rule, total->loc,
                         "The declared total of %s is %s, but the budgets of its "
                         "%zu project%s add up to %s.", whose,
                         jx_money_text(c, declared), count, count == 1 ? "" : "s",
                         jx_money_text(c, sum));
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    jx_decimal v;
    if (b && jx_project_budget_base(c, p, &v))
      jx_diag_note_add(c->ctx, d, b->amount.loc, "%s: %s",
                       jx_project_ref(c->ctx->arena, p), jx_money_text(c, v));
  }
  jx_diag_hint(c->ctx, d, "Correct the total (合计) or the project budgets.");
}

void jx_check_budgets(jx_checker *c) {
  for (size_t i = 0; i < c->projects.len; i++) {
    const jx_project *p = c->projects.items[i];
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    if (!b) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J108", p->base.loc,
                             "Project %s has no budget (预算).",
                             jx_project_ref(c->ctx->arena, p));
      jx_diag_hint(c->ctx, d, "Add a line such as 预算 22.50 (财政资金 22.50).");
    } else {
      check_budget_item(c, p, b, "budget");
    }
    const jx_budget *m = (const jx_budget *)jx_project_field(p, JX_NODE_MEDIUM_BUDGET);
    if (m) check_budget_item(c, p, m, "medium-term budget");
  }
  for (size_t i = 0; i < c->agencies.len; i++) {
    const jx_org *a = c->agencies.items[i];
    if (!a->total) continue;
    check_total(c, a->total,
                jx_arena_printf(c->ctx->arena, "budget unit %s",
                                a->code ? a->code->text
                                        : jx_arena_printf(c->ctx->arena, "\"%s\"", a->name.text)),
                &a->projects, "J103");
  }
  if (c->department && c->department->total)
    check_total(c, c->department->total, "the department", &c->projects, "J104");
}
