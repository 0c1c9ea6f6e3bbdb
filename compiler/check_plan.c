/* Spending-plan rules: months in order (J110), percentages within 0-100
 * (J111), never decreasing (J112), reaching 100% (J113). */
#include "checker.h"

/* Whether the plan reads as the share spent in each period (25, 25, 25,
 * 25: they add up to 100% but do not end there) rather than the running
 * total the form asks for. Then *running is that total, written as the
 * plan should be. */
static bool looks_like_shares(jx_checker *c, const jx_plan *plan, const char **running) {
  const jx_decimal hundred = jx_decimal_from_int(100);
  jx_decimal sum = jx_decimal_from_int(0);
  if (plan->entries.len < 2) return false;
  for (size_t i = 0; i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (!jx_decimal_add(sum, e->percent, &sum)) return false;
  }
  const jx_plan_entry *last = plan->entries.items[plan->entries.len - 1];
  if (jx_decimal_cmp(sum, hundred) || !jx_decimal_cmp(last->percent, hundred)) return false;
  /* Only now the running totals, written as the plan should be. */
  const char *text = "";
  sum = jx_decimal_from_int(0);
  for (size_t i = 0; i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    jx_decimal_add(sum, e->percent, &sum); /* fits: it did above */
    char buf[JX_DECIMAL_BUFSIZE];
    text = jx_arena_printf(c->ctx->arena, "%s%s%d月 %s%%", text, i ? ", " : "", e->month,
                           jx_decimal_format(sum, buf));
  }
  *running = text;
  return true;
}

static void hint_shares(jx_checker *c, jx_diag *d, const char *running) {
  jx_diag_hint(c->ctx, d, "The percentages add up to 100%%, so they look like the share "
                          "spent in each period; the plan gives the running total spent "
                          "by the end of each month: 支出计划 %s.", running);
}

static void check_plan(jx_checker *c, const jx_project *p, const jx_plan *plan) {
  const jx_decimal hundred = jx_decimal_from_int(100);
  const char *running = NULL;
  bool shares = looks_like_shares(c, plan, &running);
  const jx_plan_entry *prev = NULL;
  bool ordered = true, told = false; /* told: the shares hint was given */
  for (size_t i = 0; i < plan->entries.len; i++) {
    const jx_plan_entry *e = plan->entries.items[i];
    if (jx_decimal_sign(e->percent) < 0 || jx_decimal_cmp(e->percent, hundred) > 0) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J111", e->loc,
                             "The spending plan of project %s gives %s%% for month "
                             "%d; a cumulative percentage lies between 0%% and 100%%.",
                             jx_project_id(c->ctx->arena, p), e->percent_text, e->month);
      jx_diag_hint(c->ctx, d, "Write the share of the budget spent by the end of "
                              "that month, from 0%% to 100%%.");
    }
    if (prev && e->month <= prev->month) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J110", e->loc,
                             "The spending plan of project %s lists month %d after "
                             "month %d; months must increase.", jx_project_id(c->ctx->arena, p),
                             e->month, prev->month);
      jx_diag_note_add(c->ctx, d, prev->loc, "month %d is here", prev->month);
      jx_diag_hint(c->ctx, d, "List each month once, from January to December.");
      ordered = false;
    } else if (prev && jx_decimal_cmp(e->percent, prev->percent) < 0) {
      jx_diag *d = jx_report(c->ctx, JX_SEV_ERROR, "J112", e->loc,
                             "The spending plan of project %s falls from %s%% in "
                             "month %d to %s%% in month %d; the percentages are "
                             "cumulative and cannot decrease.", jx_project_id(c->ctx->arena, p),
                             prev->percent_text, prev->month, e->percent_text,
                             e->month);
      jx_diag_note_add(c->ctx, d, prev->loc, "month %d is here", prev->month);
      if (shares && !told)
        hint_shares(c, d, running), told = true;
      else
        jx_diag_hint(c->ctx, d, "Give each month the total spent so far, not the "
                                "amount spent in that month.");
    }
    prev = e;
  }
  if (prev && ordered && !told && jx_decimal_cmp(prev->percent, hundred) < 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J113", plan->base.loc,
                           "The spending plan of project %s ends at %s%% in "
                           "month %d and never reaches 100%%.", jx_project_ref(c->ctx->arena, p),
                           prev->percent_text, prev->month);
    if (shares)
      hint_shares(c, d, running);
    else
      jx_diag_hint(c->ctx, d, "A plan normally spends the whole budget by the end of "
                              "the year: add 12月 100%%, or check the last entries.");
  }
}

void jx_check_plans(jx_checker *c, const jx_list *projects) {
  for (size_t i = 0; i < projects->len; i++) {
    const jx_project *p = projects->items[i];
    const jx_plan *plan = (const jx_plan *)jx_project_field(p, JX_NODE_PLAN);
    if (plan) check_plan(c, p, plan);
  }
}
