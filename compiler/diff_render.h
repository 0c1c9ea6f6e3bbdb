/* What the diff renderers (diff_render_*.c) share: the wording of the
 * summary and the short forms of amounts, values, plans and titles, so that
 * the text, Markdown and HTML reports say the same things. Strings are
 * allocated in the arena. */
#ifndef JX_DIFF_RENDER_H
#define JX_DIFF_RENDER_H

#include "diff.h"

/* `13080025P00010310003N “12348 法律服务热线”`, or `“name”` without a code. */
const char *jxd_project_title(jx_arena *a, const char *code, const char *name);

/* `产出指标 › 数量指标 “解答 12348 来电次数”` (中期 first for a medium-term
 * group; no second level in a flat table; （空白） for a blank name). */
const char *jxd_indicator_title(jx_arena *a, const jx_diff_indicator *di);

/* One side of an amount: the amount, （空） for an empty cell, — when the
 * line is not there. */
const char *jxd_money_side(const jx_diff_money *m, bool old);

/* `20.00 → 22.50 (+2.50, +12.5%)`, or just the side that exists. */
const char *jxd_money_change(jx_arena *a, const jx_diff_money *m);

/* `≥6000次 → ≥7000次`, or the value alone when it did not change; （空）
 * for an empty value. */
const char *jxd_value_change(jx_arena *a, const jx_diff_value *v);

/* `3月 20% → 25%，12月 — → 100%`. */
const char *jxd_plan_text(jx_arena *a, const jx_list *plan);

/* The summary's sentences. */
const char *jxd_projects_sentence(jx_arena *a, const jx_diff *d);
const char *jxd_targets_sentence(jx_arena *a, const jx_diff_counts *c);
/* Counts of one project's or unit's indicator changes, "" when none. */
const char *jxd_indicator_counts(jx_arena *a, int tighter, int looser, int other, int added,
                                 int removed);

/* The budget total line of a list of jx_diff_money (预算 or budget). */
const jx_diff_money *jxd_budget_line(const jx_list *money);

/* The project's 预算 line, or NULL. */
const jx_diff_money *jxd_project_budget(const jx_diff_project *dp);

/* A text with its long unchanged stretches shortened to `context`
 * characters on each side of a change, "…" for what is left out; the
 * pieces are returned in a new list. context 0 keeps everything. */
jx_list jxd_elide(jx_arena *a, const jx_list *pieces, size_t context);

#endif
