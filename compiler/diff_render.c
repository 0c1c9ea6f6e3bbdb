#include "diff_render.h"

#include <string.h>

#include "ast.h"
#include "i18n.h"
#include "textdiff.h"
#include "utf8.h"

const char *jxd_project_title(jx_arena *a, const char *code, const char *name) {
  return code && *code ? jx_arena_printf(a, "%s “%s”", code, name)
                       : jx_arena_printf(a, "“%s”", name);
}

const char *jxd_indicator_title(jx_arena *a, const jx_diff_indicator *di) {
  const char *name = *di->name ? jx_arena_printf(a, "“%s”", di->name) : "（空白）";
  const char *mid = di->medium_term ? "中期 " : "";
  if (!*di->level2) return jx_arena_printf(a, "%s%s › %s", mid, di->level1, name);
  return jx_arena_printf(a, "%s%s › %s %s", mid, di->level1, di->level2, name);
}

const char *jxd_money_side(const jx_diff_money *m, bool old) {
  bool in = old ? m->in_old : m->in_new, has = old ? m->has_old : m->has_new;
  if (!in) return "—";
  if (!has) return "（空）";
  return old ? m->old_text : m->new_text;
}

const char *jxd_money_change(jx_arena *a, const jx_diff_money *m) {
  if (!m->in_old) return jx_arena_printf(a, _("%s (new)"), jxd_money_side(m, false));
  if (!m->in_new) return jx_arena_printf(a, _("%s (removed)"), jxd_money_side(m, true));
  if (!m->changed) return jx_arena_printf(a, _("%s (unchanged)"), jxd_money_side(m, false));
  const char *s = jx_arena_printf(a, "%s → %s", jxd_money_side(m, true), jxd_money_side(m, false));
  if (*m->change_text && *m->percent_text)
    return jx_arena_printf(a, "%s (%s, %s)", s, m->change_text, m->percent_text);
  if (*m->change_text) return jx_arena_printf(a, "%s (%s)", s, m->change_text);
  return s;
}

static const char *value_side(const char *t) {
  if (!t) return "—";
  return *t ? t : "（空）";
}

const char *jxd_value_change(jx_arena *a, const jx_diff_value *v) {
  if (!v->changed && v->new_text) return value_side(v->new_text);
  if (!v->old_text) return value_side(v->new_text);
  if (!v->new_text) return value_side(v->old_text);
  return jx_arena_printf(a, "%s → %s", value_side(v->old_text), value_side(v->new_text));
}

const char *jxd_plan_text(jx_arena *a, const jx_list *plan) {
  const char *s = "";
  for (size_t i = 0; i < plan->len; i++) {
    const jx_diff_month *m = plan->items[i];
    s = jx_arena_printf(a, "%s%s%d月 %s%s → %s%s", s, i ? "，" : "", m->month,
                        m->old_text ? m->old_text : "—", m->old_text ? "%" : "",
                        m->new_text ? m->new_text : "—", m->new_text ? "%" : "");
  }
  return s;
}

const char *jxd_projects_sentence(jx_arena *a, const jx_diff *d) {
  const jx_diff_counts *c = &d->counts;
  const char *s = jx_arena_printf(a, _("%d → %d: %d added, %d removed, %d changed"),
                                  c->old_projects, c->new_projects, c->added, c->removed,
                                  c->changed);
  if (c->renamed && c->moved)
    s = jx_arena_printf(a, _("%s (%d renamed, %d moved to another budget unit)"), s,
                        c->renamed, c->moved);
  else if (c->renamed)
    s = jx_arena_printf(a, _("%s (%d renamed)"), s, c->renamed);
  else if (c->moved)
    s = jx_arena_printf(a, _("%s (%d moved to another budget unit)"), s, c->moved);
  return jx_arena_printf(a, _("%s, %d the same"), s, c->same);
}

const char *jxd_targets_sentence(jx_arena *a, const jx_diff_counts *c) {
  return jx_arena_printf(a, _("%d tightened, %d loosened, %d changed otherwise, %d added, "
                            "%d removed (in projects on both sides; %d the same)"),
                         c->ind_tighter, c->ind_looser, c->ind_other, c->ind_added,
                         c->ind_removed, c->ind_same);
}

const char *jxd_indicator_counts(jx_arena *a, int tighter, int looser, int other, int added,
                                 int removed) {
  const char *s = "";
  const int n[] = {tighter, looser, other, added, removed};
  const char *const w[] = {N_("%d tightened"), N_("%d loosened"), N_("%d changed"),
                           N_("%d added"), N_("%d removed")};
  for (int i = 0; i < 5; i++)
    if (n[i])
      s = jx_arena_printf(a, "%s%s%s", s, *s ? _(", ") : "", jx_arena_printf(a, _(w[i]), n[i]));
  return s;
}

const jx_diff_money *jxd_budget_line(const jx_list *money) {
  return money->len ? money->items[0] : NULL;
}

const jx_diff_money *jxd_project_budget(const jx_diff_project *dp) {
  for (size_t i = 0; i < dp->money.len; i++) {
    const jx_diff_money *m = dp->money.items[i];
    if (!strcmp(m->key, "预算")) return m;
  }
  return NULL;
}

/* The byte offset after the first n characters of s, or strlen(s). */
static size_t head_bytes(const char *s, size_t n) {
  size_t len = strlen(s), i = 0;
  for (size_t k = 0; k < n && i < len; k++) {
    int32_t c;
    i += (size_t)jx_utf8_decode(s + i, len - i, &c);
  }
  return i;
}

jx_list jxd_elide(jx_arena *a, const jx_list *pieces, size_t context) {
  jx_list out = {0};
  for (size_t i = 0; i < pieces->len; i++) {
    const jx_text_piece *p = pieces->items[i];
    size_t len = strlen(p->text), chars = jx_utf8_length(p->text, len);
    bool first = i == 0, last = i + 1 == pieces->len;
    size_t keep = (first ? 0 : context) + (last ? 0 : context);
    if (!context || p->op != JX_EDIT_EQUAL || chars <= keep + 1) {
      jx_list_push(a, &out, (void *)p);
      continue;
    }
    jx_text_piece *q = jx_arena_alloc(a, sizeof *q);
    q->op = JX_EDIT_EQUAL;
    size_t head = first ? 0 : head_bytes(p->text, context);
    size_t tail = last ? len : head_bytes(p->text, chars - context);
    q->text = jx_arena_printf(a, "%.*s…%s", (int)head, p->text, p->text + tail);
    jx_list_push(a, &out, q);
  }
  return out;
}
