/* Spending-plan rules: months in order (J110), percentages within 0-100
 * (J111), never decreasing (J112), reaching 100% (J113). */
#include "checker.h"

static void check_plan(jx_checker *c, const jx_project *p, const jx_plan *plan) {
  const jx_decimal hundred = jx_decimal_from_int(100);
  const jx_plan_entry *prev = NULL;
  bool ordered = true;
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
      jx_diag_hint(c->ctx, d, "Give each month the total spent so far, not the "
                              "amount spent in that month.");
    }
    prev = e;
  }
  if (prev && ordered && jx_decimal_cmp(prev->percent, hundred) < 0) {
    jx_diag *d = jx_report(c->ctx, JX_SEV_WARNING, "J113", plan->base.loc,
                           "The spending plan of project %s ends at %s%% in "
                           "month %d and never reaches 100%%.", jx_project_ref(c->ctx->arena, p),
                           prev->percent_text, prev->month);
    jx_diag_hint(c->ctx, d, "A plan normally spends the whole budget by the end of "
                            "the year: add 12月 100%%, or check the last entries.");
  }
}

void jx_check_plans(jx_checker *c) {
  for (size_t i = 0; i < c->projects.len; i++) {
    const jx_project *p = c->projects.items[i];
    const jx_plan *plan = (const jx_plan *)jx_project_field(p, JX_NODE_PLAN);
    if (plan) check_plan(c, p, plan);
  }
}
