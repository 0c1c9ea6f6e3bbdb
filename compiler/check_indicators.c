/* Indicator rules: the framework (J120, J121, J122), units (J130 via
 * jx_units_resolve, J131, J132, J133), cost against budget (J140, J141),
 * direction of the sign (J142, J143), deadlines (J150), names (J124) and
 * bases (J172).
 *
 * A row's annual value and its long-term (长期) value are both read: the
 * long-term one like a medium-term row's (J140 against 中期预算; neither
 * J141 nor J150). Rows of a flat table (绩效指标 { 指标 … }) have no levels:
 * the level rules skip them, the others apply. */
#include <string.h>

#include "checker.h"
#include "i18n.h"
#include "utf8.h"

/* One value of a row and its unit, once resolved. */
typedef struct value_info {
  const jx_value *v;
  bool has_unit;      /* a quantity whose unit resolved */
  jx_unit_expr unit;
} value_info;

typedef struct row_info {
  const jx_row *row;
  const jx_group *group;
  const char *level;  /* the framework's name of its second level, or as written */
  bool cost;          /* a cost indicator (role "cost" in the framework) */
  value_info annual, long_term; /* long_term.v is NULL when absent */
} row_info;

static bool is_role(const jx_name *alias, const char *role) {
  return alias && !strcmp(alias->text, role);
}

/* "A, B, C" of a list of framework levels (jx_fw_group or jx_fw_level: both
 * begin with their jx_name). */
static const char *names_of(jx_checker *c, const jx_list *l) {
  const char *s = "";
  for (size_t i = 0; i < l->len; i++)
    /* TRANSLATORS: the separator of a list of names, "A, B, C". */
    s = jx_arena_printf(c->ctx->arena, "%s%s%s", s, i ? _(", ") : "",
                        ((const jx_name *)l->items[i])->text);
  return s;
}

/* Another framework than the document's with a first level of this name. */
static const jx_framework_def *other_framework_with_group(jx_checker *c, const char *name) {
  for (size_t i = 0; i < c->lib.frameworks.defs.len; i++) {
    const jx_framework_def *x = c->lib.frameworks.defs.items[i];
    if (x != c->framework && jx_framework_group(x, name)) return x;
  }
  return NULL;
}

static const jx_fw_group *resolve_group(jx_checker *c, const jx_group *g) {
  const jx_framework_def *f = c->framework;
  const jx_fw_group *fg = jx_framework_group(f, g->level1.text);
  if (fg) return fg;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J120", g->level1.loc,
                         "%s is not a first-level indicator (一级指标) of the "
                         "framework \"%s\".", g->level1.text, f->name.text);
  const jx_fw_group *owner = jx_framework_group_of_level(f, g->level1.text);
  const jx_framework_def *other = other_framework_with_group(c, g->level1.text);
  if (other && owner)
    jx_diag_hint(c->ctx, d, "%s is a first level in the framework \"%s\": add "
                            "指标体系 \"%s\" to the header if the document follows "
                            "it, or write its rows inside %s { … }.", g->level1.text,
                 other->name.text, other->name.text, owner->name.text);
  else if (other)
    jx_diag_hint(c->ctx, d, "%s is a first level in the framework \"%s\": add "
                            "指标体系 \"%s\" to the header if the document follows "
                            "it.", g->level1.text, other->name.text, other->name.text);
  else if (owner)
    jx_diag_hint(c->ctx, d, "%s is a second level: write its rows inside %s { … }.",
                 g->level1.text, owner->name.text);
  else
    jx_diag_hint(c->ctx, d, "The first levels of \"%s\" are %s; a document with "
                            "other first levels defines its framework with "
                            "指标体系 \"NAME\" { … } and selects it with "
                            "指标体系 \"NAME\".", f->name.text,
                 names_of(c, &f->groups));
  return NULL;
}

/* J121 for a row whose second level is really a first level. */
static void first_level_as_second(jx_checker *c, const jx_fw_group *fg, const jx_row *r,
                                  const jx_framework_def *in, const jx_fw_group *own) {
  jx_diag *d;
  if (own == fg) {
    /* 满意度指标 { 满意度指标 "…" }: the group is right, the row's start is
     * not. */
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s is the first level (一级指标) of this group, not a second "
                  "level: a row starts with its second level (二级指标).",
                  r->level2.text);
    if (fg->levels.len == 1)
      jx_diag_hint(c->ctx, d, "Write the row as %s %s ….",
                   ((const jx_fw_level *)fg->levels.items[0])->name.text,
                   jx_row_ref(c, r));
    else
      jx_diag_hint(c->ctx, d, "Start the row with one of the second levels of %s: "
                              "%s.", fg->name.text, names_of(c, &fg->levels));
    return;
  }
  if (in == c->framework)
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s is a first-level indicator (一级指标), not a second level of %s.",
                  r->level2.text, fg->name.text);
  else
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s is a first-level indicator (一级指标) in the framework \"%s\", "
                  "not a second level of %s.", r->level2.text, in->name.text,
                  fg->name.text);
  if (in == c->framework)
    jx_diag_hint(c->ctx, d, "Write the row inside its own group, starting with one "
                            "of its second levels (%s): %s { %s %s … }.",
                 names_of(c, &own->levels), own->name.text,
                 own->levels.len ? ((const jx_fw_level *)own->levels.items[0])->name.text
                                 : "…",
                 jx_row_ref(c, r));
  else
    jx_diag_hint(c->ctx, d, "This document follows the framework \"%s\"; there "
                            "the row goes in its own group %s { … }. Otherwise "
                            "use one of the second levels of %s: %s.",
                 in->name.text, r->level2.text, fg->name.text,
                 names_of(c, &fg->levels));
}

static bool resolve_level(jx_checker *c, const jx_fw_group *fg, const jx_row *r,
                          const jx_fw_level **out) {
  *out = jx_framework_level(fg, r->level2.text);
  if (*out) return true;
  const jx_fw_group *owner = jx_framework_group_of_level(c->framework, r->level2.text);
  /* The document's own framework first, then the others. */
  const jx_fw_group *own = jx_framework_group(c->framework, r->level2.text);
  const jx_framework_def *first_in = own ? c->framework : NULL;
  if (!first_in) {
    first_in = other_framework_with_group(c, r->level2.text);
    if (first_in) own = jx_framework_group(first_in, r->level2.text);
  }
  jx_diag *d;
  if (!owner && first_in) {
    first_level_as_second(c, fg, r, first_in, own);
    return false;
  }
  if (owner) {
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s belongs under %s, not under %s.", r->level2.text,
                  owner->name.text, fg->name.text);
    jx_diag_hint(c->ctx, d, "Move the row %s into the %s group.", jx_row_ref(c, r),
                 owner->name.text);
    return false;
  }
  /* A second level of this first level in another framework: the older
   * layout with 社会公众或服务对象满意度指标 under 效益指标. */
  const jx_framework_def *has = NULL;
  for (size_t i = 0; i < c->lib.frameworks.defs.len && !has; i++) {
    const jx_framework_def *x = c->lib.frameworks.defs.items[i];
    const jx_fw_group *xg = x != c->framework ? jx_framework_group(x, fg->name.text) : NULL;
    if (xg && jx_framework_level(xg, r->level2.text)) has = x;
  }
  d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                "%s is not a second-level indicator (二级指标) of %s.",
                r->level2.text, fg->name.text);
  if (has)
    jx_diag_hint(c->ctx, d, "%s is a second level of %s in the framework \"%s\": "
                            "add 指标体系 \"%s\" to the header if the document "
                            "follows it. Otherwise the second levels of %s are %s.",
                 r->level2.text, fg->name.text, has->name.text, has->name.text,
                 fg->name.text, names_of(c, &fg->levels));
  else
    jx_diag_hint(c->ctx, d, "The second levels of %s are %s.", fg->name.text,
                 names_of(c, &fg->levels));
  return false;
}

/* J122. A project whose indicators stand in a flat table (绩效指标) has no
 * levels to require. */
static void check_required(jx_checker *c, const jx_project *p) {
  const jx_framework_def *f = c->framework;
  for (size_t k = 0; k < p->fields.len; k++) {
    const jx_node *n = p->fields.items[k];
    if (n->kind == JX_NODE_GROUP && ((const jx_group *)n)->flat &&
        ((const jx_group *)n)->rows.len)
      return;
  }
  for (size_t i = 0; i < f->groups.len; i++) {
    const jx_fw_group *fg = f->groups.items[i];
    if (!fg->required) continue;
    bool found = false;
    for (size_t k = 0; k < p->fields.len && !found; k++) {
      const jx_node *n = p->fields.items[k];
      if (n->kind != JX_NODE_GROUP) continue;
      const jx_group *g = (const jx_group *)n;
      found = !g->medium_term && g->rows.len &&
              jx_framework_group(f, g->level1.text) == fg;
    }
    if (found) continue;
    jx_loc at = p->code ? p->code->loc : p->name.loc;
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J122", at,
                           "Project %s has no %s (%s) indicators.",
                           jx_project_ref(c->ctx->arena, p), fg->name.text, fg->alias.text);
    jx_diag_hint(c->ctx, d, "Every project states at least one annual %s row; add "
                            "%s { … } with its indicators.", fg->name.text,
                 fg->name.text);
  }
}

static void check_units(jx_checker *c, const row_info *ri, value_info *vi) {
  const jx_row *r = ri->row;
  const jx_quantity *q = jx_value_quantity(vi->v);
  /* A number without a unit is J190's. */
  if (!q || !*q->unit.text) return;
  vi->has_unit = jx_units_resolve(c->ctx, &c->lib.units, &q->unit, &vi->unit);
  if (!vi->has_unit) return;
  const jx_unit *u = vi->unit.unit;
  bool money = !strcmp(u->role, "money");
  bool ratio = !strcmp(u->role, "ratio") && vi->unit.nper == 0;
  bool plain = jx_value_plain_quantity(vi->v);
  if (ri->cost && !money && plain && ratio) {
    /* 成本控制率 100%: common in real tables, and no wrong number; a warning
     * that says why an amount serves better, not an error that blocks. */
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J131", q->unit.loc,
                           "The cost indicator %s is a rate (%s), not an amount of "
                           "money.", jx_row_ref(c, r), q->unit.text);
    jx_diag_hint(c->ctx, d, "A cost indicator states what the output may cost, so that "
                            "the finance bureau can hold it against the budget: write "
                            "the amount (≤ 22.5 万元) or the cost per unit (≤ 5900 "
                            "元/人/年); a rate such as 成本控制率 100%% cannot be checked.");
  } else if (ri->cost && !money && plain) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J131", q->unit.loc,
                           "The cost indicator %s is measured in %s, which is "
                           "not money.", jx_row_ref(c, r), q->unit.text);
    jx_diag_hint(c->ctx, d, "A cost indicator is an amount of money (≤ 22.5 万元) or "
                            "money per something (≤ 5900 元/人/年).");
  }
  const char *fragment = NULL;
  if (!ratio && plain &&
      jx_name_matches(&c->lib.frameworks.ratio_names, r->name.text, &fragment) &&
      !jx_name_matches(&c->lib.frameworks.not_ratio_names, r->name.text, NULL)) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J132", q->unit.loc,
                           "\"%s\" names a ratio (%s), but its value is measured "
                           "in %s.", r->name.text, fragment, q->unit.text);
    jx_diag_hint(c->ctx, d, "Give the value as a percentage, such as ≥ 95%%, or "
                            "rename the indicator if it is not a ratio.");
  }
  if (ratio && plain && !q->placeholder) {
    jx_decimal pct;
    if (jx_unit_to_base(u, q->number, &pct) &&
        (jx_decimal_sign(pct) < 0 || jx_decimal_cmp(pct, jx_decimal_from_int(100)) > 0)) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J133", vi->v->loc,
                             "%s is a ratio of %s%%, outside 0%% to 100%%.",
                             jx_row_ref(c, r), jx_dec(c, jx_decimal_normalize(pct)));
      if (strcmp(u->name, u->base))
        jx_diag_hint(c->ctx, d, "A rate or satisfaction lies between 0%% and 100%%; note "
                                "the unit's scale (0.97 比例 = 97%%).");
      else
        jx_diag_hint(c->ctx, d, "A rate or satisfaction lies between 0%% and 100%%.");
    }
  }
}

static bool upper_bound(jx_sign s) {
  return s == JX_SIGN_NONE || s == JX_SIGN_EQ || s == JX_SIGN_LE || s == JX_SIGN_LT;
}

static bool lower_bound(jx_sign s) { return s == JX_SIGN_GE || s == JX_SIGN_GT; }

static void check_direction(jx_checker *c, const row_info *ri, const jx_value *v) {
  const jx_row *r = ri->row;
  if (!jx_value_plain_quantity(v) || !lower_bound(v->quantity.sign)) return;
  const jx_quantity *q = &v->quantity;
  const char *fragment;
  if (ri->cost) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J142", q->sign_loc,
                           "The cost indicator %s is a lower bound (%s); a "
                           "cost target is normally an upper limit.", jx_row_ref(c, r),
                           jx_sign_text(q->sign));
    jx_diag_hint(c->ctx, d, "Write ≤ (or ＜, ＝) before the amount.");
  } else if (jx_name_matches(&c->lib.frameworks.lower_is_better, r->name.text,
                             &fragment)) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J143", q->sign_loc,
                           "\"%s\" counts bad events (%s), yet its target is a "
                           "lower bound (%s).", r->name.text, fragment,
                           jx_sign_text(q->sign));
    jx_diag_hint(c->ctx, d, "The target for an accident or reoffending rate is "
                            "normally an upper limit: write ≤.");
  }
}

/* The value of a plain money quantity in 元 (not a rate, not a placeholder). */
static bool money_value(const value_info *vi, jx_decimal *out) {
  if (!vi->v || !vi->has_unit || !jx_value_plain_quantity(vi->v) ||
      vi->v->quantity.placeholder || strcmp(vi->unit.unit->role, "money") || vi->unit.nper)
    return false;
  return jx_unit_to_base(vi->unit.unit, vi->v->quantity.number, out);
}

/* Whether big is small × 10^k for some k ≥ 3 (a thousand times, ten
 * thousand times …): the mark of a unit written wrong (元 for 万元). */
static bool power_of_ten_apart(jx_decimal big, jx_decimal small, int *k) {
  if (jx_decimal_sign(small) <= 0) return false;
  for (*k = 3; *k <= 8; (*k)++) {
    jx_decimal scaled;
    if (jx_decimal_shift(small, *k, &scaled) && jx_decimal_cmp(scaled, big) == 0) return true;
  }
  return false;
}

/* J144: a cost indicator a thousand or ten thousand times below the budget,
 * exactly: the same digits in another unit (≤ 22.5 元 against 22.5 万元). */
static void check_cost_scale(jx_checker *c, const jx_project *p, const row_info *ri,
                             const value_info *vi, jx_decimal budget) {
  jx_decimal v;
  int k;
  if (!money_value(vi, &v) || !power_of_ten_apart(budget, v, &k)) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J144", vi->v->quantity.unit.loc,
                         "The cost indicator %s of project %s allows %s, exactly 1/%s of "
                         "the budget of %s: the same digits in another unit.",
                         jx_row_ref(c, ri->row), jx_project_id(c->ctx->arena, p),
                         jx_money_text(c, v), k == 3 ? "1000" : k == 4 ? "10000"
                                                    : jx_arena_printf(c->ctx->arena,
                                                                      "10^%d", k),
                         jx_money_text(c, budget));
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the budget is here");
  jx_diag_hint(c->ctx, d, "Check the unit: %s %s was probably meant to be in the "
                          "budget's unit.", vi->v->quantity.number_text,
               vi->v->quantity.unit.text);
}

static void check_cost(jx_checker *c, const jx_project *p, const row_info *ri,
                       const value_info *vi, bool have_budget, jx_decimal budget,
                       bool medium) {
  jx_decimal v;
  if (ri->cost && have_budget && !medium) check_cost_scale(c, p, ri, vi, budget);
  if (!ri->cost || !have_budget || !money_value(vi, &v) ||
      !upper_bound(vi->v->quantity.sign) || jx_decimal_cmp(v, budget) <= 0)
    return;
  const char *which = medium ? _("medium-term budget") : _("budget");
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J140", vi->v->loc,
                         "The cost indicator %s of project %s allows %s, more "
                         "than the project's %s of %s.", jx_row_ref(c, ri->row),
                         jx_project_id(c->ctx->arena, p), jx_money_text(c, v), which,
                         jx_money_text(c, budget));
  const jx_budget *b = (const jx_budget *)jx_project_field(
      p, medium ? JX_NODE_MEDIUM_BUDGET : JX_NODE_BUDGET);
  if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the %s is here", which);
  int k;
  if (power_of_ten_apart(v, budget, &k))
    jx_diag_hint(c->ctx, d, "The cost is exactly %s times the budget: the same digits "
                            "in another unit. Check the unit of %s %s (万元 written for 元?).",
                 k == 3 ? "1000" : k == 4 ? "10000"
                                          : jx_arena_printf(c->ctx->arena, "10^%d", k),
                 vi->v->quantity.number_text, vi->v->quantity.unit.text);
  else
    jx_diag_hint(c->ctx, d, "The total cost cannot exceed the budget; correct the "
                            "indicator or the budget.");
}

/* --- J141: rate × quantity ------------------------------------------------ */

/* The annual quantities of a project measured in one base unit (人, 平方米
 * …), in row order, with the running maximum: the first row whose
 * quantity exceeds a bound is found by binary search. */
typedef struct quantities {
  size_t n, cap;
  const row_info **rows;
  jx_decimal *value, *max; /* in the base unit; max[i] = max(value[0..i]) */
} quantities;

static void quantities_add(jx_checker *c, quantities *q, const row_info *ri, jx_decimal v) {
  if (q->n == q->cap) {
    size_t cap = q->cap ? q->cap * 2 : 4;
    const row_info **rows = jx_arena_alloc(c->scratch, cap * sizeof *rows);
    jx_decimal *value = jx_arena_alloc(c->scratch, cap * sizeof *value);
    jx_decimal *max = jx_arena_alloc(c->scratch, cap * sizeof *max);
    if (q->n) {
      memcpy(rows, q->rows, q->n * sizeof *rows);
      memcpy(value, q->value, q->n * sizeof *value);
      memcpy(max, q->max, q->n * sizeof *max);
    }
    q->rows = rows, q->value = value, q->max = max, q->cap = cap;
  }
  q->rows[q->n] = ri;
  q->value[q->n] = v;
  q->max[q->n] = q->n && jx_decimal_cmp(q->max[q->n - 1], v) > 0 ? q->max[q->n - 1] : v;
  q->n++;
}

/* Whether rate × quantity exceeds the budget; an amount too large to be
 * counted exceeds any budget. */
static bool exceeds(jx_decimal rate, jx_decimal quantity, jx_decimal budget,
                    jx_decimal *product, bool *fits) {
  *fits = jx_decimal_mul(rate, quantity, product);
  return !*fits || jx_decimal_cmp(*product, budget) > 0;
}

/* Whether the unit after the first "per" says "per year" (元/人/年): then
 * rate × quantity is a yearly amount, comparable with the annual budget. */
static bool yearly(const jx_unit_expr *e) {
  if (e->nper != 2) return false;
  const jx_unit *t = e->per[1];
  return !strcmp(t->role, "time") && jx_decimal_cmp(t->factor, jx_decimal_from_int(12)) == 0;
}

/* The budget plus half of its last written digit, in 元: a product is above
 * the budget only when it is above it at the precision the budget is
 * written with (2591.55 元/人/年 × 142 人 = 36.80001 万元 is 36.80 万元). */
static jx_decimal budget_limit(jx_checker *c, const jx_project *p, jx_decimal budget) {
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  if (!b) return budget;
  const jx_unit *u = b->amount.unit ? jx_units_find(&c->lib.units, b->amount.unit->text)
                                    : c->money;
  jx_decimal half, half_base, limit;
  if (!u || !jx_decimal_shift(jx_decimal_from_int(5),
                              -(jx_decimal_precision(b->amount.value) + 1), &half) ||
      !jx_unit_to_base(u, half, &half_base) || !jx_decimal_add(budget, half_base, &limit))
    return budget;
  return limit;
}

static void check_rate(jx_checker *c, const jx_project *p, const row_info *rate,
                       jx_hash *by_base, jx_decimal budget) {
  const jx_decimal limit = budget_limit(c, p, budget);
  const value_info *vi = &rate->annual;
  const jx_unit_expr *e = &vi->unit;
  if (!rate->cost || !vi->has_unit || !jx_value_plain_quantity(vi->v) ||
      vi->v->quantity.placeholder || strcmp(e->unit->role, "money") || e->nper < 1 ||
      !yearly(e))
    return;
  const jx_unit *per = e->per[0];
  if (jx_decimal_cmp(per->factor, jx_decimal_from_int(1)) != 0) return;
  const quantities *q = jx_hash_get_str(by_base, per->base);
  jx_decimal rate_base, product;
  bool fits;
  if (!q || !jx_unit_to_base(e->unit, vi->v->quantity.number, &rate_base) ||
      jx_decimal_sign(rate_base) <= 0 ||
      !exceeds(rate_base, q->max[q->n - 1], limit, &product, &fits))
    return;
  /* The first row whose running maximum makes the product too large is
   * the first row that does. */
  size_t lo = 0, hi = q->n - 1;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (exceeds(rate_base, q->max[mid], limit, &product, &fits))
      hi = mid;
    else
      lo = mid + 1;
  }
  exceeds(rate_base, q->value[lo], limit, &product, &fits);
  const jx_row *rr = rate->row, *qr = q->rows[lo]->row;
  const jx_value *qv = q->rows[lo]->annual.v;
  jx_diag *d = jx_report(
      c->ctx, JX_SEV_WARNING, "J141", rr->value.loc,
      "The cost rate %s times the quantity %s of project %s comes to "
      "%s %s × %s %s = %s a year, more than the budget of %s.",
      jx_row_ref(c, rr), jx_row_ref(c, qr), jx_project_id(c->ctx->arena, p),
      rr->value.quantity.number_text, rr->value.quantity.unit.text,
      qv->quantity.number_text, qv->quantity.unit.text,
      fits ? jx_money_text(c, product) : _("more than can be counted"),
      jx_money_text(c, budget));
  jx_diag_note_add(c->ctx, d, qv->loc, "the quantity %s %s is here",
                   qv->quantity.number_text, qv->quantity.unit.text);
  const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
  if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the budget is here");
  jx_diag_hint(c->ctx, d, "Check the rate, the quantity and the budget; if the "
                          "rate covers only part of the quantity, say so in the "
                          "indicator's description.");
}

/* Indexes the annual plain quantities without a "per" by base unit. */
static void index_quantities(jx_checker *c, const row_info *rows, size_t n, jx_hash *by_base) {
  for (size_t i = 0; i < n; i++) {
    const row_info *ri = &rows[i];
    const value_info *vi = &ri->annual;
    jx_decimal v;
    if (ri->group->medium_term || !vi->has_unit || vi->unit.nper ||
        !jx_value_plain_quantity(vi->v) || vi->v->quantity.placeholder ||
        !jx_unit_to_base(vi->unit.unit, vi->v->quantity.number, &v))
      continue;
    const char *base = vi->unit.unit->base;
    bool added;
    jx_hash_slot *s = jx_hash_slot_of(by_base, base, strlen(base), &added);
    if (added) s->value = jx_arena_alloc(c->scratch, sizeof(quantities));
    quantities_add(c, s->value, ri, v);
  }
}

static void check_deadline(jx_checker *c, const row_info *ri) {
  const jx_row *r = ri->row;
  if (r->value.kind != JX_VALUE_DEADLINE || !c->year || ri->group->medium_term) return;
  const jx_date *dt = &r->value.date;
  if (!dt->year || dt->year == c->year) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J150", dt->loc,
                         "The deadline of %s falls in %d, outside the budget "
                         "year %d.", jx_row_ref(c, r), dt->year, c->year);
  jx_diag_hint(c->ctx, d, "Annual targets are due within the budget year; for a "
                          "target of a later year, say why in the description or "
                          "use a medium-term (中期) group.");
}

/* J124: two rows of one project with the same second level and name cannot
 * be told apart in the fiscal system, where the name is the key. Rows are
 * found by a hash of term, level and name. */
static void check_duplicate_names(jx_checker *c, const row_info *rows, size_t n) {
  jx_hash seen;
  jx_hash_init(&seen, n);
  for (size_t i = 0; i < n; i++) {
    const jx_row *r = rows[i].row;
    if (r->not_applicable_row || r->blank_name) continue;
    /* term, level, US, name: built by hand, as this runs for every row */
    size_t ll = strlen(rows[i].level), nl = strlen(r->name.text);
    char *key = jx_arena_alloc(c->scratch, ll + nl + 2);
    key[0] = rows[i].group->medium_term ? '1' : '0';
    memcpy(key + 1, rows[i].level, ll);
    key[1 + ll] = '\x1f';
    memcpy(key + 2 + ll, r->name.text, nl);
    bool added;
    jx_hash_slot *s = jx_hash_slot_of(&seen, key, ll + nl + 2, &added);
    if (added) {
      s->value = (void *)r;
      continue;
    }
    const jx_row *q = s->value;
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J124", r->name.loc,
                           "Two %s rows of this project are both named \"%s\".",
                           *r->level2.text ? r->level2.text : "indicator", r->name.text);
    jx_diag_note_add(c->ctx, d, q->name.loc, "the other one is here");
    jx_diag_hint(c->ctx, d, "Give each indicator a name of its own that says "
                            "what it measures; the name is how the budget "
                            "system tells indicators apart.");
  }
  jx_hash_free(&seen);
}

/* J172: the basis of a real target cannot be "not applicable". */
static void check_basis(jx_checker *c, const jx_row *r) {
  if (r->not_applicable_row || r->value.kind == JX_VALUE_NA ||
      r->value.kind == JX_VALUE_BLANK || !r->basis || strcmp(r->basis->text, "不涉及"))
    return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J172", r->basis->loc,
                         "The indicator %s has a target value but its basis "
                         "(依据) says 不涉及.", jx_row_ref(c, r));
  jx_diag_hint(c->ctx, d, "Say where the value comes from, such as 问卷调查 or "
                          "年度工作计划.");
}

/* J173: 指标值确定依据 is a column of the official form. A row that gives
 * it empty leaves the cell blank; so does a row without one in a table
 * where most rows give one. A table where most rows give none is a
 * template without the column (several provinces' forms), left alone. */
static bool wants_basis(const jx_row *r) {
  return !r->not_applicable_row && r->value.kind != JX_VALUE_NA &&
         r->value.kind != JX_VALUE_BLANK;
}

static void check_bases_given(jx_checker *c, const row_info *rows, size_t n) {
  size_t wanted = 0, given = 0;
  for (size_t i = 0; i < n; i++)
    if (wants_basis(rows[i].row)) wanted++, given += rows[i].row->basis != NULL;
  bool column = 2 * given > wanted;
  for (size_t i = 0; i < n; i++) {
    const jx_row *r = rows[i].row;
    if (!wants_basis(r)) continue;
    const char *blank = r->basis ? r->basis->text : NULL;
    while (blank && (*blank == ' ' || !strncmp(blank, "\xe3\x80\x80", 3)))
      blank += *blank == ' ' ? 1 : 3;
    if (r->basis && *blank) continue;
    if (!r->basis && !column) continue;
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J173",
                           r->basis ? r->basis->loc : r->name.loc,
                           r->basis ? N_("The indicator %s has an empty basis (依据).")
                                    : N_("The indicator %s has no basis (依据), though most "
                                      "rows of its table have one."),
                           jx_row_ref(c, r));
    jx_diag_hint(c->ctx, d, "指标值确定依据 is a column of the official form: say where "
                            "the target value comes from, for example 依据 \"年度工作计划\", "
                            "依据 \"历史标准\" or 依据 \"问卷调查\".");
  }
}

static void check_project(jx_checker *c, const jx_project *p) {
  size_t n = 0;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_GROUP) n += ((const jx_group *)f)->rows.len;
  }
  row_info *rows = jx_arena_alloc(c->scratch, (n ? n : 1) * sizeof *rows);
  size_t k = 0;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    const jx_fw_group *fg = g->flat ? NULL : resolve_group(c, g);
    for (size_t j = 0; j < g->rows.len; j++) {
      row_info *ri = &rows[k++];
      ri->row = g->rows.items[j];
      ri->group = g;
      ri->level = ri->row->level2.text;
      ri->annual.v = &ri->row->value;
      ri->long_term.v = ri->row->long_term;
      const jx_fw_level *fl = NULL;
      /* Cost rows are money: the older framework's 成本指标 (cost) and the
       * 2021 framework's 经济成本指标 (economic-cost); social and
       * environmental costs need not be money. */
      if (fg && resolve_level(c, fg, ri->row, &fl)) {
        ri->level = fl->name.text;
        ri->cost = is_role(&fl->alias, "cost") || is_role(&fl->alias, "economic-cost");
      }
      check_units(c, ri, &ri->annual);
      check_direction(c, ri, ri->annual.v);
      if (ri->long_term.v) {
        check_units(c, ri, &ri->long_term);
        check_direction(c, ri, ri->long_term.v);
      }
      check_deadline(c, ri);
      check_basis(c, ri->row);
    }
  }
  check_duplicate_names(c, rows, k);
  check_bases_given(c, rows, k);
  check_required(c, p);
  /* Annual values are held to the annual budget; medium-term rows and
   * long-term values to the medium-term budget, and only for cost (a rate
   * has no fixed period). */
  jx_decimal budget, medium;
  bool have_budget = jx_project_budget_base(c, p, &budget);
  bool have_medium = jx_project_medium_budget_base(c, p, &medium);
  for (size_t i = 0; i < k; i++) {
    bool mt = rows[i].group->medium_term;
    check_cost(c, p, &rows[i], &rows[i].annual, mt ? have_medium : have_budget,
               mt ? medium : budget, mt);
    if (rows[i].long_term.v)
      check_cost(c, p, &rows[i], &rows[i].long_term, have_medium, medium, true);
  }
  if (!have_budget) return;
  jx_hash by_base;
  jx_hash_init(&by_base, 8);
  index_quantities(c, rows, k, &by_base);
  for (size_t i = 0; i < k; i++)
    if (!rows[i].group->medium_term) check_rate(c, p, &rows[i], &by_base, budget);
  jx_hash_free(&by_base);
}

void jx_check_indicators(jx_checker *c, const jx_list *projects) {
  if (!c->framework) return;
  for (size_t i = 0; i < projects->len; i++) {
    check_project(c, projects->items[i]);
    jx_arena_reset(c->scratch);
  }
}
