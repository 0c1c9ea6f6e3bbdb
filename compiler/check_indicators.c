/* Indicator rules: the framework (J120, J121, J122), units (J130 via
 * jx_units_resolve, J131, J132, J133), cost against budget (J140, J141),
 * direction of the sign (J142, J143) and deadlines (J150). */
#include <string.h>

#include "checker.h"
#include "utf8.h"

typedef struct row_info {
  const jx_row *row;
  const jx_group *group;
  bool cost;          /* a cost indicator (role "cost" in the framework) */
  bool has_unit;      /* value is a quantity whose unit resolved */
  jx_unit_expr unit;
} row_info;

static bool is_role(const jx_name *alias, const char *role) {
  return alias && !strcmp(alias->text, role);
}

/* "A, B, C" of a list of framework levels (jx_fw_group or jx_fw_level: both
 * begin with their jx_name). */
static const char *names_of(jx_checker *c, const jx_list *l) {
  const char *s = "";
  for (size_t i = 0; i < l->len; i++)
    s = jx_arena_printf(c->ctx->arena, "%s%s%s", s, i ? ", " : "",
                        ((const jx_name *)l->items[i])->text);
  return s;
}

static const jx_fw_group *resolve_group(jx_checker *c, const jx_group *g) {
  const jx_framework_def *f = c->framework;
  const jx_fw_group *fg = jx_framework_group(f, g->level1.text);
  if (fg) return fg;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J120", g->level1.loc,
                         "%s is not a first-level indicator (一级指标) of the "
                         "framework \"%s\".", g->level1.text, f->name.text);
  const jx_fw_group *owner = jx_framework_group_of_level(f, g->level1.text);
  const jx_framework_def *other = NULL;
  for (size_t i = 0; i < c->lib.frameworks.defs.len && !other; i++) {
    const jx_framework_def *x = c->lib.frameworks.defs.items[i];
    if (x != f && jx_framework_group(x, g->level1.text)) other = x;
  }
  if (other)
    jx_diag_hint(c->ctx, d, "%s is a first level in the framework \"%s\": add "
                            "指标体系 \"%s\" to the header if the document follows "
                            "it%s%s%s.", g->level1.text, other->name.text,
                 other->name.text, owner ? ", or write its rows inside " : "",
                 owner ? owner->name.text : "", owner ? " { … }" : "");
  else if (owner)
    jx_diag_hint(c->ctx, d, "%s is a second level: write its rows inside %s { … }.",
                 g->level1.text, owner->name.text);
  else
    jx_diag_hint(c->ctx, d, "The first levels of \"%s\" are %s.", f->name.text,
                 names_of(c, &f->groups));
  return NULL;
}

static bool resolve_level(jx_checker *c, const jx_fw_group *fg, const jx_row *r,
                          const jx_fw_level **out) {
  *out = jx_framework_level(fg, r->level2.text);
  if (*out) return true;
  const jx_fw_group *owner = jx_framework_group_of_level(c->framework, r->level2.text);
  /* The document's own framework first, then the others. */
  const jx_framework_def *first_in =
      jx_framework_group(c->framework, r->level2.text) ? c->framework : NULL;
  for (size_t i = 0; i < c->lib.frameworks.defs.len && !first_in; i++) {
    const jx_framework_def *x = c->lib.frameworks.defs.items[i];
    if (jx_framework_group(x, r->level2.text)) first_in = x;
  }
  jx_diag *d;
  if (!owner && first_in) {
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s is a first-level indicator (一级指标)%s%s%s, not a second "
                  "level of %s.", r->level2.text,
                  first_in == c->framework ? "" : " in the framework \"",
                  first_in == c->framework ? "" : first_in->name.text,
                  first_in == c->framework ? "" : "\"", fg->name.text);
    if (first_in == c->framework)
      jx_diag_hint(c->ctx, d, "Write the row inside its own group: %s { … }.",
                   r->level2.text);
    else
      jx_diag_hint(c->ctx, d, "This document follows the framework \"%s\"; there "
                              "the row goes in its own group %s { … }. Otherwise "
                              "use one of the second levels of %s: %s.",
                   first_in->name.text, r->level2.text, fg->name.text,
                   names_of(c, &fg->levels));
  } else if (owner) {
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s belongs under %s, not under %s.", r->level2.text,
                  owner->name.text, fg->name.text);
    jx_diag_hint(c->ctx, d, "Move the row \"%s\" into the %s group.", r->name.text,
                 owner->name.text);
  } else {
    d = jx_report(c->ctx, JX_SEV_ERROR, "J121", r->level2.loc,
                  "%s is not a second-level indicator (二级指标) of %s.",
                  r->level2.text, fg->name.text);
    jx_diag_hint(c->ctx, d, "The second levels of %s are %s.", fg->name.text,
                 names_of(c, &fg->levels));
  }
  return false;
}

static void check_required(jx_checker *c, const jx_project *p) {
  const jx_framework_def *f = c->framework;
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

static const jx_quantity *quantity_of(const jx_row *r) {
  if (r->value.kind == JX_VALUE_QUANTITY) return &r->value.quantity;
  if (r->value.kind == JX_VALUE_RELATIVE && r->value.has_quantity)
    return &r->value.quantity;
  return NULL;
}

static void check_units(jx_checker *c, row_info *ri) {
  const jx_row *r = ri->row;
  const jx_quantity *q = quantity_of(r);
  if (!q) return;
  ri->has_unit = jx_units_resolve(c->ctx, &c->lib.units, &q->unit, &ri->unit);
  if (!ri->has_unit) return;
  const jx_unit *u = ri->unit.unit;
  bool money = !strcmp(u->role, "money");
  bool ratio = !strcmp(u->role, "ratio") && ri->unit.nper == 0;
  if (ri->cost && !money && r->value.kind == JX_VALUE_QUANTITY) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J131", q->unit.loc,
                           "The cost indicator \"%s\" is measured in %s, which is "
                           "not money.", r->name.text, q->unit.text);
    jx_diag_hint(c->ctx, d, "A cost indicator is an amount of money (≤ 22.5 万元) or "
                            "money per something (≤ 5900 元/人/年).");
  }
  const char *fragment = NULL;
  if (!ratio && r->value.kind == JX_VALUE_QUANTITY &&
      jx_name_matches(&c->lib.frameworks.ratio_names, r->name.text, &fragment) &&
      !jx_name_matches(&c->lib.frameworks.not_ratio_names, r->name.text, NULL)) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J132", q->unit.loc,
                           "\"%s\" names a ratio (%s), but its value is measured "
                           "in %s.", r->name.text, fragment, q->unit.text);
    jx_diag_hint(c->ctx, d, "Give the value as a percentage, such as ≥ 95%%, or "
                            "rename the indicator if it is not a ratio.");
  }
  if (ratio && r->value.kind == JX_VALUE_QUANTITY) {
    jx_decimal pct;
    if (jx_unit_to_base(u, q->number, &pct) &&
        (jx_decimal_sign(pct) < 0 || jx_decimal_cmp(pct, jx_decimal_from_int(100)) > 0)) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J133", r->value.loc,
                             "\"%s\" is a ratio of %s%%, outside 0%% to 100%%.",
                             r->name.text, jx_dec(c, jx_decimal_normalize(pct)));
      jx_diag_hint(c->ctx, d, "A rate or satisfaction lies between 0%% and 100%%%s.",
                   strcmp(u->name, u->base) ? "; note the unit's scale (0.97 比例 = 97%)"
                                            : "");
    }
  }
}

static bool upper_bound(jx_sign s) {
  return s == JX_SIGN_NONE || s == JX_SIGN_EQ || s == JX_SIGN_LE || s == JX_SIGN_LT;
}

static bool lower_bound(jx_sign s) { return s == JX_SIGN_GE || s == JX_SIGN_GT; }

static void check_direction(jx_checker *c, const row_info *ri) {
  const jx_row *r = ri->row;
  if (r->value.kind != JX_VALUE_QUANTITY || !lower_bound(r->value.quantity.sign)) return;
  const jx_quantity *q = &r->value.quantity;
  const char *fragment;
  if (ri->cost) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J142", q->sign_loc,
                           "The cost indicator \"%s\" is a lower bound (%s); a "
                           "cost target is normally an upper limit.", r->name.text,
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

static void check_cost(jx_checker *c, const jx_project *p, const row_info *ri,
                       bool have_budget, jx_decimal budget, const char *which) {
  const jx_row *r = ri->row;
  if (!ri->cost || !ri->has_unit || r->value.kind != JX_VALUE_QUANTITY) return;
  const jx_quantity *q = &r->value.quantity;
  if (strcmp(ri->unit.unit->role, "money") || ri->unit.nper) return;
  if (!have_budget || !upper_bound(q->sign)) return;
  jx_decimal v;
  if (!jx_unit_to_base(ri->unit.unit, q->number, &v) || jx_decimal_cmp(v, budget) <= 0)
    return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J140", r->value.loc,
                         "The cost indicator \"%s\" of project %s allows %s, more "
                         "than the project's %s of %s.", r->name.text,
                         jx_project_id(c->ctx->arena, p), jx_money_text(c, v), which,
                         jx_money_text(c, budget));
  const jx_budget *b = (const jx_budget *)jx_project_field(
      p, ri->group->medium_term ? JX_NODE_MEDIUM_BUDGET : JX_NODE_BUDGET);
  if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the %s is here", which);
  jx_diag_hint(c->ctx, d, "The total cost cannot exceed the budget; correct the "
                          "indicator or the budget.");
}

/* Whether the unit after the first "per" says "per year" (元/人/年): then
 * rate × quantity is a yearly amount, comparable with the annual budget. */
static bool yearly(const jx_unit_expr *e) {
  if (e->nper != 2) return false;
  const jx_unit *t = e->per[1];
  return !strcmp(t->role, "time") && jx_decimal_cmp(t->factor, jx_decimal_from_int(12)) == 0;
}

static void check_rate(jx_checker *c, const jx_project *p, const row_info *rate,
                       const row_info *rows, size_t nrows, bool have_budget,
                       jx_decimal budget) {
  if (!rate->cost || !rate->has_unit || !have_budget) return;
  const jx_row *rr = rate->row;
  const jx_unit_expr *e = &rate->unit;
  if (rr->value.kind != JX_VALUE_QUANTITY || strcmp(e->unit->role, "money") ||
      e->nper < 1 || !yearly(e))
    return;
  const jx_unit *per = e->per[0];
  if (jx_decimal_cmp(per->factor, jx_decimal_from_int(1)) != 0) return;
  for (size_t i = 0; i < nrows; i++) {
    const row_info *qi = &rows[i];
    const jx_row *qr = qi->row;
    if (qi == rate || !qi->has_unit || qi->unit.nper ||
        qr->value.kind != JX_VALUE_QUANTITY || qi->group->medium_term)
      continue;
    if (strcmp(qi->unit.unit->base, per->base)) continue;
    jx_decimal rate_base, qty_base, total;
    if (!jx_unit_to_base(e->unit, rr->value.quantity.number, &rate_base) ||
        !jx_unit_to_base(qi->unit.unit, qr->value.quantity.number, &qty_base) ||
        !jx_decimal_mul(rate_base, qty_base, &total))
      continue;
    if (jx_decimal_cmp(total, budget) <= 0) continue;
    jx_diag *d = jx_report(
        c->ctx, JX_SEV_WARNING, "J141", rr->value.loc,
        "The cost rate \"%s\" times the quantity \"%s\" of project %s comes to "
        "%s %s × %s %s = %s a year, more than the budget of %s.",
        rr->name.text, qr->name.text, jx_project_id(c->ctx->arena, p), rr->value.quantity.number_text,
        rr->value.quantity.unit.text, qr->value.quantity.number_text,
        qr->value.quantity.unit.text, jx_money_text(c, total),
        jx_money_text(c, budget));
    jx_diag_note_add(c->ctx, d, qr->value.loc, "the quantity %s %s is here",
                     qr->value.quantity.number_text, qr->value.quantity.unit.text);
    const jx_budget *b = (const jx_budget *)jx_project_field(p, JX_NODE_BUDGET);
    if (b) jx_diag_note_add(c->ctx, d, b->amount.loc, "the budget is here");
    jx_diag_hint(c->ctx, d, "Check the rate, the quantity and the budget; if the "
                            "rate covers only part of the quantity, say so in the "
                            "indicator's description.");
    return;
  }
}

static void check_deadline(jx_checker *c, const jx_row *r, bool medium_term) {
  if (r->value.kind != JX_VALUE_DEADLINE || !c->year || medium_term) return;
  const jx_date *dt = &r->value.date;
  if (!dt->year || dt->year == c->year) return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J150", dt->loc,
                         "The deadline of \"%s\" falls in %d, outside the budget "
                         "year %d.", r->name.text, dt->year, c->year);
  jx_diag_hint(c->ctx, d, "Annual targets are due within the budget year; for a "
                          "target of a later year, say why in the description or "
                          "use a medium-term (中期) group.");
}

/* J124: two rows of one project with the same second level and name cannot
 * be told apart in the fiscal system, where the name is the key. */
static void check_duplicate_names(jx_checker *c, const row_info *rows, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const jx_row *r = rows[i].row;
    if (r->not_applicable_row) continue;
    for (size_t k = 0; k < i; k++) {
      const jx_row *q = rows[k].row;
      if (q->not_applicable_row || strcmp(r->name.text, q->name.text) ||
          strcmp(r->level2.text, q->level2.text) ||
          rows[i].group->medium_term != rows[k].group->medium_term)
        continue;
      jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J124", r->name.loc,
                             "Two %s rows of this project are both named \"%s\".",
                             r->level2.text, r->name.text);
      jx_diag_note_add(c->ctx, d, q->name.loc, "the other one is here");
      jx_diag_hint(c->ctx, d, "Give each indicator a name of its own that says "
                              "what it measures; the name is how the budget "
                              "system tells indicators apart.");
      break;
    }
  }
}

/* J172: the basis of a real target cannot be "not applicable". */
static void check_basis(jx_checker *c, const jx_row *r) {
  if (r->not_applicable_row || r->value.kind == JX_VALUE_NA || !r->basis ||
      strcmp(r->basis->text, "不涉及"))
    return;
  jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J172", r->basis->loc,
                         "The indicator \"%s\" has a target value but its basis "
                         "(依据) says 不涉及.", r->name.text);
  jx_diag_hint(c->ctx, d, "Say where the value comes from, such as 问卷调查 or "
                          "年度工作计划.");
}

static void check_project(jx_checker *c, const jx_project *p) {
  size_t n = 0;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind == JX_NODE_GROUP) n += ((const jx_group *)f)->rows.len;
  }
  row_info *rows = jx_arena_alloc(c->ctx->arena, (n ? n : 1) * sizeof *rows);
  size_t k = 0;
  for (size_t i = 0; i < p->fields.len; i++) {
    const jx_node *f = p->fields.items[i];
    if (f->kind != JX_NODE_GROUP) continue;
    const jx_group *g = (const jx_group *)f;
    const jx_fw_group *fg = resolve_group(c, g);
    for (size_t j = 0; j < g->rows.len; j++) {
      row_info *ri = &rows[k++];
      ri->row = g->rows.items[j];
      ri->group = g;
      const jx_fw_level *fl = NULL;
      /* Cost rows are money: the older framework's 成本指标 (cost) and the
       * 2021 framework's 经济成本指标 (economic-cost); social and
       * environmental costs need not be money. */
      if (fg && resolve_level(c, fg, ri->row, &fl))
        ri->cost = is_role(&fl->alias, "cost") || is_role(&fl->alias, "economic-cost");
      check_units(c, ri);
      check_direction(c, ri);
      check_deadline(c, ri->row, g->medium_term);
      check_basis(c, ri->row);
    }
  }
  check_duplicate_names(c, rows, k);
  check_required(c, p);
  /* Annual rows are held to the annual budget; medium-term rows to the
   * medium-term budget, and only for cost (a rate has no fixed period). */
  jx_decimal budget, medium;
  bool have_budget = jx_project_budget_base(c, p, &budget);
  bool have_medium = jx_project_medium_budget_base(c, p, &medium);
  for (size_t i = 0; i < k; i++) {
    if (rows[i].group->medium_term) {
      check_cost(c, p, &rows[i], have_medium, medium, "medium-term budget");
      continue;
    }
    check_cost(c, p, &rows[i], have_budget, budget, "budget");
    check_rate(c, p, &rows[i], rows, k, have_budget, budget);
  }
}

void jx_check_indicators(jx_checker *c) {
  if (!c->framework) return;
  for (size_t i = 0; i < c->projects.len; i++) check_project(c, c->projects.items[i]);
}
