/* Budget rules: sources add up (J101, J102), unit, department and 类别
 * totals (J103, J104, J109), non-negative (J105), precision and size
 * (J106), money units (J107), every project has a budget (J108), the
 * annual budget within 资金总额 (J114), named sources are declared (J134). */
#include <string.h>

#include "checker.h"
#include "funding.h"
#include "i18n.h"
#include "utf8.h"

/* Whose amount it is, for a message: "The LABEL of project P", or fixed
 * text. Built only when an amount is wrong: naming every amount up front
 * costs more than checking it. */
typedef struct whose {
  const char *label;         /* "budget" (translated), a source's name; NULL: text */
  const jx_project *project;
  const char *text;
} whose;

static const char *describe(jx_checker *c, whose w) {
  if (!w.label) return w.text;
  return jx_arena_printf(c->ctx->arena, _("The %s of project %s"), w.label,
                         jx_project_id(c->ctx->arena, w.project));
}

/* Checks one amount on its own; returns its value in 元 via out. */
static bool amount_ok(jx_checker *c, const jx_amount *a, whose w, jx_decimal *out) {
  const jx_unit *u = jx_amount_unit(c, a);
  if (!u) return false;
  const char *what = NULL;
  bool negative = jx_decimal_sign(a->value) < 0;
  bool fits = jx_unit_to_base(u, a->value, out);
  bool precise = !fits || u->precision < 0 || jx_decimal_precision(*out) <= u->precision;
  if (!negative && fits && precise) return true;
  what = describe(c, w);
  if (negative) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J105", a->loc,
                           "%s is negative (%s).", what, a->text);
    jx_diag_hint(c->ctx, d, "Amounts are never negative; correct the sign.");
  }
  if (!fits) {
    jx_report(c->ctx, JX_SEV_ERROR, "J106", a->loc, "%s (%s %s) is too large.",
              what, a->text, u->name);
    return false;
  }
  if (!precise) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J106", a->loc,
                           "%s %s %s is more precise than a %s can be: it is %s %s.",
                           what, a->text, u->name, u->base, jx_dec(c, jx_decimal_normalize(*out)),
                           u->base);
    jx_diag_hint(c->ctx, d, "Amounts in %s have at most %d decimals; round the "
                            "amount.", u->base, u->precision);
  }
  return true;
}

/* A sum that does not fit is an error of its own: the check it was for
 * cannot be made, and saying nothing would pass a wrong table. */
static void sum_too_large(jx_checker *c, jx_loc at, const char *what) {
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J106", at,
                         "%s add up to more than can be counted exactly, so "
                         "they cannot be checked.", what);
  jx_diag_hint(c->ctx, d, "No budget is that large: look for an amount with too "
                          "many digits, or one written in the wrong unit.");
}

/* J134: a named source that no 资金来源 declares cannot be put in the
 * 财政资金 or 其他资金 column of the official forms. */
static void check_source_declared(jx_checker *c, const jx_project *p,
                                  const jx_fund_source *s) {
  if (s->kind != JX_SOURCE_NAMED ||
      jx_fund_source_kind(&c->lib.sources, s) != JX_FUNDS_UNKNOWN)
    return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J134", s->name.loc,
                         "The funding source %s of project %s is not declared, so "
                         "it is not known whether it counts as 财政资金 or 其他资金.",
                         s->name.text, jx_project_id(c->ctx->arena, p));
  /* A declared name that differs in at most a third of the characters
   * (自由资金 for 自有资金), not one that merely shares 资金. */
  const char *best = NULL;
  size_t len = jx_utf8_length(s->name.text, strlen(s->name.text));
  size_t best_d = len / 3 + 1;
  for (size_t i = 0; i < c->lib.sources.defs.len; i++) {
    const jx_source_def *def = c->lib.sources.defs.items[i];
    size_t dist = jx_edit_distance(s->name.text, def->name.text);
    if (dist < best_d) {
      best = def->name.text;
      best_d = dist;
    }
  }
  if (best)
    jx_diag_hint(c->ctx, d, "Did you mean %s? Otherwise declare it with 资金来源 "
                            "%s 财政 (fiscal funds) or 资金来源 %s 其他 (other funds).",
                 best, s->name.text, s->name.text);
  else
    jx_diag_hint(c->ctx, d, "Declare it with 资金来源 %s 财政 (fiscal funds) or "
                            "资金来源 %s 其他 (other funds).", s->name.text, s->name.text);
}

/* The value of one source in 元 via out: its amount, or for an empty cell
 * (no amount) the sum of its parts, or nothing (false) when neither is
 * written. Checks its parts against it (J102) on the way. *ok becomes
 * false when an amount was unusable (already reported). */
static bool check_sources(jx_checker *c, const jx_project *p, const jx_list *sources,
                          const jx_decimal *total, const char *parent,
                          jx_loc parent_loc, const char *code, jx_decimal *sum_out,
                          bool *ok);

static bool source_value(jx_checker *c, const jx_project *p, const jx_fund_source *s,
                         jx_decimal *v, bool *ok) {
  if (!s->amount) {
    /* An empty cell is not zero and adds nothing; when its parts are
     * written, it stands for their sum (a heading over sub-columns). */
    return check_sources(c, p, &s->parts, NULL, s->name.text, s->name.loc, "J102", v, ok);
  }
  if (!amount_ok(c, s->amount, (whose){s->name.text, p, NULL}, v)) {
    *ok = false;
    return false;
  }
  check_sources(c, p, &s->parts, v, s->name.text, s->amount->loc, "J102", NULL, ok);
  return true;
}

static bool check_sources(jx_checker *c, const jx_project *p, const jx_list *sources,
                          const jx_decimal *total, const char *parent,
                          jx_loc parent_loc, const char *code, jx_decimal *sum_out,
                          bool *ok) {
  jx_decimal sum = jx_decimal_from_int(0);
  bool any = false, fine = true, fits = true;
  jx_decimal *values = jx_arena_alloc(c->scratch, (sources->len + 1) * sizeof *values);
  bool *given = jx_arena_alloc(c->scratch, (sources->len + 1) * sizeof *given);
  for (size_t i = 0; i < sources->len; i++) {
    const jx_fund_source *s = sources->items[i];
    given[i] = source_value(c, p, s, &values[i], &fine);
    if (!given[i]) continue;
    any = true;
    if (fits && !jx_decimal_add(sum, values[i], &sum)) fits = false;
  }
  if (!fine) *ok = false;
  if (!fits) {
    sum_too_large(c, parent_loc,
                  jx_arena_printf(c->ctx->arena, _("The funding sources of project %s"),
                                  jx_project_id(c->ctx->arena, p)));
    *ok = false;
    return false;
  }
  if (sum_out) *sum_out = sum;
  if (!total || !sources->len || !fine) return any;
  if (any && jx_decimal_cmp(sum, *total) == 0) return any;
  jx_diag *d;
  if (!any) {
    /* Every cell of the split is empty: nothing accounts for the amount. */
    if (jx_decimal_sign(*total) == 0) return any;
    d = jx_report(c->ctx, JX_SEV_ERROR, code, parent_loc,
                  "The funding sources of project %s are all empty (no amount), "
                  "but its %s is %s.", jx_project_id(c->ctx->arena, p), parent,
                  jx_money_text(c, *total));
    jx_diag_hint(c->ctx, d, "Write the amount of each source, such as (财政资金 "
                            "22.50, 其他资金); an empty cell counts as nothing.");
    return any;
  }
  d = jx_report(c->ctx, JX_SEV_ERROR, code, parent_loc,
                "The funding sources of project %s add up to %s, but its "
                "%s is %s.", jx_project_id(c->ctx->arena, p), jx_money_text(c, sum), parent,
                jx_money_text(c, *total));
  bool empty = false;
  for (size_t i = 0; i < sources->len; i++) {
    const jx_fund_source *s = sources->items[i];
    if (!s->amount) empty = true;
    if (given[i])
      jx_diag_note_add(c->ctx, d, s->amount ? s->amount->loc : s->name.loc, "%s %s%s",
                       s->name.text, jx_money_text(c, values[i]),
                       s->amount ? "" : _(" (the sum of its parts)"));
  }
  if (empty)
    jx_diag_hint(c->ctx, d, "Correct the amounts so that the parts add up to the "
                            "whole exactly; an empty cell counts as nothing.");
  else
    jx_diag_hint(c->ctx, d, "Correct the amounts so that the parts add up to the "
                            "whole exactly.");
  return any;
}

/* Checks a budget-like field (预算, 中期预算, 资金总额); its value in 元
 * via out when usable. */
static bool check_budget_item(jx_checker *c, const jx_project *p,
                              const jx_budget *b, const char *label, jx_decimal *out) {
  for (size_t i = 0; i < b->sources.len; i++) check_source_declared(c, p, b->sources.items[i]);
  if (!amount_ok(c, &b->amount, (whose){label, p, NULL}, out)) return false;
  bool ok = true;
  check_sources(c, p, &b->sources, out, label, b->amount.loc, "J101", NULL, &ok);
  return jx_decimal_sign(*out) >= 0;
}

/* J114: the annual budget is part of the project's total funds. */
static void check_within_total_funds(jx_checker *c, const jx_project *p,
                                     const jx_budget *b, jx_decimal budget,
                                     const jx_budget *t, jx_decimal total) {
  if (jx_decimal_cmp(budget, total) <= 0) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J114", b->amount.loc,
                         "The budget of project %s (%s) is more than its total "
                         "funds (资金总额) of %s.", jx_project_id(c->ctx->arena, p),
                         jx_money_text(c, budget), jx_money_text(c, total));
  jx_diag_note_add(c->ctx, d, t->amount.loc, "the total funds are here");
  jx_diag_hint(c->ctx, d, "A year's budget is part of the project's total funds; "
                          "correct one of the two, or check their units.");
}

/* A declared total (合计) against the sum of the given projects' budgets. */
static void check_total(jx_checker *c, const jx_amount *total, const char *whose,
                        const jx_list *projects, const char *rule) {
  jx_decimal declared;
  if (!amount_ok(c, total,
                 (struct whose){NULL, NULL, jx_arena_printf(c->ctx->arena, _("The total of %s"), whose)},
                 &declared))
    return;
  jx_decimal sum = jx_decimal_from_int(0);
  size_t count = 0;
  bool fits = true;
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    jx_decimal v;
    /* A budget already reported as missing or wrong makes any sum moot. */
    if (!jx_project_budget_base(c, p, &v)) return;
    if (fits && !jx_decimal_add(sum, v, &sum)) fits = false;
    count++;
  }
  if (!fits) {
    sum_too_large(c, total->loc,
                  jx_arena_printf(c->ctx->arena, _("The budgets of the projects of %s"), whose));
    return;
  }
  if (jx_decimal_cmp(sum, declared) == 0) return;
  if (count == 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, rule, total->loc,
                           "The declared total of %s is %s, but no project belongs "
                           "to it.", whose, jx_money_text(c, declared));
    jx_diag_hint(c->ctx, d, "Add its projects after the line with the total, or "
                            "correct the total (合计) to 0.");
    return;
  }
  jx_diag *d = count == 1
                   ? jx_report(c->ctx, JX_SEV_ERROR, rule, total->loc,
                               "The declared total of %s is %s, but the budget of its "
                               "one project is %s.", whose, jx_money_text(c, declared),
                               jx_money_text(c, sum))
                   : jx_report(c->ctx, JX_SEV_ERROR, rule, total->loc,
                               "The declared total of %s is %s, but the budgets of its "
                               "%zu projects add up to %s.", whose,
                               jx_money_text(c, declared), count, jx_money_text(c, sum));
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

/* J115: a budget written in the wrong unit. No project of one department
 * costs a billion 元 (10 亿元), and no department's projects all cost under
 * 1000 元: the first is a budget in 元 under 金额单位 万元, the second a
 * document in 万元 whose header gives no unit (the default is 元) or 元.
 * The second is said once for the document, at its first project. */
enum { HUGE_BUDGET_YUAN = 1000000000, TINY_BUDGET_YUAN = 1000 };

static void note_money_line(jx_checker *c, jx_diag *d) {
  if (c->money_item)
    jx_diag_note_add(c->ctx, d, c->money_item->base.loc, "the header's 金额单位 is here");
}

static void check_huge_budget(jx_checker *c, const jx_project *p, const jx_budget *b,
                              jx_decimal budget) {
  if (b->amount.unit || !c->money || !strcmp(c->money->name, c->money->base) ||
      jx_decimal_cmp(budget, jx_decimal_from_int(HUGE_BUDGET_YUAN)) < 0)
    return;
  jx_decimal yi;
  const char *in_yi = "";
  if (jx_decimal_shift(budget, -8, &yi)) {
    char *t = jx_arena_strdup(c->ctx->arena, jx_dec(c, yi));
    char *end = t + strlen(t);
    if (strchr(t, '.')) {
      while (end[-1] == '0') *--end = '\0';
      if (end[-1] == '.') *--end = '\0';
    }
    in_yi = jx_arena_printf(c->ctx->arena, _(" (%s 亿元)"), t);
  }
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J115", b->amount.loc,
                         "The budget of project %s is %s %s%s, more than any one "
                         "project of a department costs: it looks like an amount in 元 "
                         "written under 金额单位 %s.", jx_project_id(c->ctx->arena, p),
                         b->amount.text, c->money->name, in_yi, c->money->name);
  note_money_line(c, d);
  jx_diag_hint(c->ctx, d, "If %s is in 元, write it as %s; if every amount of the "
                          "document is in 元, change the header's line to 金额单位 元.",
               b->amount.text, jx_money_text(c, b->amount.value));
}

static void check_tiny_budgets(jx_checker *c) {
  if (!c->money || strcmp(c->money->name, c->money->base)) return;
  const jx_project *first = NULL;
  const jx_budget *fb = NULL;
  size_t count = 0;
  for (size_t i = 0; i < c->projects.len; i++) {
    const jx_project *p = c->projects.items[i];
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    jx_decimal v;
    if (!b || b->amount.unit || !jx_project_budget_base(c, p, &v) || jx_decimal_sign(v) <= 0)
      continue;
    /* One real budget of 1000 元 or more says the unit is right. */
    if (jx_decimal_cmp(v, jx_decimal_from_int(TINY_BUDGET_YUAN)) >= 0) return;
    if (!count++) first = p, fb = b;
  }
  if (!count) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J115", fb->amount.loc,
                         "The budget of project %s reads as %s 元, because %s; no "
                         "project costs that little, so 万元 was probably meant%s.",
                         jx_project_id(c->ctx->arena, first), fb->amount.text,
                         c->money_item ? _("the header's 金额单位 is 元")
                                       : _("the header has no 金额单位 line and amounts "
                                           "without a unit are in 元"),
                         count > 1 ? jx_arena_printf(c->ctx->arena,
                                                     _(" (all %zu project budgets are under "
                                                       "1000 元)"), count)
                                   : "");
  note_money_line(c, d);
  if (c->money_item)
    jx_diag_hint(c->ctx, d, "Change the header's line to 金额单位 万元, or write the unit "
                            "with the amount: 预算 %s 万元.", fb->amount.text);
  else
    jx_diag_hint(c->ctx, d, "Add the line 金额单位 万元 to the header, after 年度, or "
                            "write the unit with the amount: 预算 %s 万元.", fb->amount.text);
}

void jx_check_budgets(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    const jx_budget *t = (const jx_budget *)jx_project_field(p, JX_NODE_TOTAL_FUNDS);
    jx_decimal budget, total;
    bool have_budget = false, have_total = false;
    if (!b) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J108", p->base.loc,
                             "Project %s has no budget (预算).",
                             jx_project_ref(c->ctx->arena, p));
      jx_diag_hint(c->ctx, d, "Add a line such as 预算 22.50 (财政资金 22.50).");
    } else {
      have_budget = check_budget_item(c, p, b, _("budget"), &budget);
      if (have_budget) check_huge_budget(c, p, b, budget);
    }
    const jx_budget *m = (const jx_budget *)jx_project_field(p, JX_NODE_MEDIUM_BUDGET);
    jx_decimal medium;
    if (m) check_budget_item(c, p, m, _("medium-term budget"), &medium);
    if (t) have_total = check_budget_item(c, p, t, _("total funds (资金总额)"), &total);
    if (have_budget && have_total) check_within_total_funds(c, p, b, budget, t, total);
    jx_arena_reset(c->scratch);
  }
}

void jx_check_totals(jx_checker *c) {
  /* A unit's total covers its projects in every file that opens it. */
  for (size_t i = 0; i < c->agencies.len; i++) {
    const jx_org *a = c->agencies.items[i];
    if (!a->total) continue;
    check_total(c, a->total, jx_arena_printf(c->ctx->arena, _("budget unit %s"), jx_org_ref(c, a)),
                &jx_unit_of(c, a)->projects, "J103");
  }
  for (size_t i = 0; i < c->sections.len; i++) {
    const jx_org *s = c->sections.items[i];
    if (!s->total) continue;
    const char *whose = s->parent ? jx_arena_printf(c->ctx->arena,
                                                    _("the 类别 \"%s\" of budget unit %s"),
                                                    s->name.text, jx_org_ref(c, s->parent))
                                  : jx_arena_printf(c->ctx->arena, _("the 类别 \"%s\""),
                                                    s->name.text);
    check_total(c, s->total, whose, &s->projects, "J109");
  }
  if (c->department && c->department->total)
    check_total(c, c->department->total, _("the department"), &c->projects, "J104");
  check_tiny_budgets(c);
}
