/* jxc diff --format=json: the diff for other tools; the format is
 * documented in doc/diff.md ("format": "jixiao-diff", "version": 1). */
#include "diff.h"

#include "json.h"
#include "textdiff.h"

static void str_or_null(jx_json *j, const char *key, const char *s) {
  jx_json_key(j, key);
  jx_json_string(j, s);
}

static void money(jx_json *j, const jx_diff_money *m) {
  jx_json_begin_object(j);
  str_or_null(j, "line", m->label);
  str_or_null(j, "key", m->key);
  jx_json_key(j, "depth");
  jx_json_int(j, m->depth);
  /* An amount, "" for an empty cell, null when the line is not there. */
  str_or_null(j, "old", !m->in_old ? NULL : m->has_old ? m->old_text : "");
  str_or_null(j, "new", !m->in_new ? NULL : m->has_new ? m->new_text : "");
  str_or_null(j, "change", *m->change_text ? m->change_text : NULL);
  str_or_null(j, "percent", m->percent_exact);
  jx_json_key(j, "changed");
  jx_json_bool(j, m->changed);
  jx_json_end_object(j);
}

static void money_list(jx_json *j, const char *key, const jx_list *l) {
  jx_json_key(j, key);
  jx_json_begin_array(j);
  for (size_t i = 0; i < l->len; i++) money(j, l->items[i]);
  jx_json_end_array(j);
}

static void text(jx_json *j, const jx_diff_text *t) {
  jx_json_begin_object(j);
  str_or_null(j, "key", t->key);
  str_or_null(j, "label", t->label);
  str_or_null(j, "old", t->old_text);
  str_or_null(j, "new", t->new_text);
  jx_json_key(j, "diff");
  if (!t->old_text || !t->new_text) {
    jx_json_null(j);
  } else {
    jx_json_begin_array(j);
    for (size_t i = 0; i < t->pieces.len; i++) {
      const jx_text_piece *p = t->pieces.items[i];
      jx_json_begin_array(j);
      jx_json_string(j, p->op == JX_EDIT_EQUAL ? "=" : p->op == JX_EDIT_DELETE ? "-" : "+");
      jx_json_string(j, p->text);
      jx_json_end_array(j);
    }
    jx_json_end_array(j);
  }
  jx_json_end_object(j);
}

static void text_list(jx_json *j, const char *key, const jx_list *l) {
  jx_json_key(j, key);
  jx_json_begin_array(j);
  for (size_t i = 0; i < l->len; i++) text(j, l->items[i]);
  jx_json_end_array(j);
}

static void match(jx_json *j, jx_match_how how, const char *phrase, int score) {
  jx_json_key(j, "match");
  if (how == JX_MATCH_NONE) {
    jx_json_null(j);
    return;
  }
  jx_json_begin_object(j);
  str_or_null(j, "how", jx_match_how_name(how));
  str_or_null(j, "text", phrase);
  if (how == JX_MATCH_SIMILAR) {
    jx_json_key(j, "score");
    jx_json_int(j, score);
  }
  jx_json_end_object(j);
}

static void value(jx_json *j, const char *key, const jx_diff_value *v) {
  jx_json_key(j, key);
  jx_json_begin_object(j);
  str_or_null(j, "old", v->old_text);
  str_or_null(j, "new", v->new_text);
  jx_json_key(j, "changed");
  jx_json_bool(j, v->changed);
  str_or_null(j, "direction", jx_direction_name(v->direction));
  str_or_null(j, "why", v->why);
  jx_json_end_object(j);
}

static void indicator(jx_json *j, const jx_diff_indicator *di) {
  jx_json_begin_object(j);
  str_or_null(j, "status", jx_diff_status_name(di->status));
  jx_json_key(j, "medium_term");
  jx_json_bool(j, di->medium_term);
  str_or_null(j, "level1", di->level1);
  str_or_null(j, "level2", di->level2);
  str_or_null(j, "name", di->name);
  jx_json_key(j, "old");
  if (di->old_name) {
    jx_json_begin_object(j);
    str_or_null(j, "level1", di->old_level1);
    str_or_null(j, "level2", di->old_level2);
    str_or_null(j, "name", di->old_name);
    jx_json_end_object(j);
  } else {
    jx_json_null(j);
  }
  match(j, di->how, di->match, 0);
  jx_json_key(j, "renamed");
  jx_json_bool(j, di->renamed);
  jx_json_key(j, "moved");
  jx_json_bool(j, di->moved);
  value(j, "value", &di->value);
  value(j, "long_term", &di->long_term);
  text_list(j, "texts", &di->texts);
  jx_json_end_object(j);
}

static void counts_object(jx_json *j, int tighter, int looser, int other, int added,
                          int removed, int same) {
  jx_json_begin_object(j);
  jx_json_key(j, "tightened");
  jx_json_int(j, tighter);
  jx_json_key(j, "loosened");
  jx_json_int(j, looser);
  jx_json_key(j, "changed");
  jx_json_int(j, other);
  jx_json_key(j, "added");
  jx_json_int(j, added);
  jx_json_key(j, "removed");
  jx_json_int(j, removed);
  if (same >= 0) {
    jx_json_key(j, "same");
    jx_json_int(j, same);
  }
  jx_json_end_object(j);
}

static void side_ref(jx_json *j, const char *key, const char *code, const char *name,
                     const jx_diff_unit *unit) {
  jx_json_key(j, key);
  if (!name) {
    jx_json_null(j);
    return;
  }
  jx_json_begin_object(j);
  str_or_null(j, "code", *code ? code : NULL);
  str_or_null(j, "name", name);
  if (unit) {
    const jx_org *o = key[0] == 'o' ? unit->old : unit->new;
    str_or_null(j, "unit", o ? (o->code ? o->code->text : o->name.text) : NULL);
  }
  jx_json_end_object(j);
}

static void project(jx_json *j, const jx_diff_project *dp) {
  jx_json_begin_object(j);
  str_or_null(j, "status", jx_diff_status_name(dp->status));
  str_or_null(j, "code", *dp->code ? dp->code : NULL);
  str_or_null(j, "name", dp->name);
  side_ref(j, "old", dp->old ? dp->old_code : "", dp->old ? dp->old_name : NULL, dp->old_unit);
  side_ref(j, "new", dp->new ? dp->code : "", dp->new ? dp->name : NULL, dp->new_unit);
  match(j, dp->how, dp->match, dp->score);
  jx_json_key(j, "renamed");
  jx_json_bool(j, dp->renamed);
  jx_json_key(j, "recoded");
  jx_json_bool(j, dp->recoded);
  jx_json_key(j, "moved");
  jx_json_bool(j, dp->moved);
  money_list(j, "budget", &dp->money);
  jx_json_key(j, "plan");
  jx_json_begin_array(j);
  for (size_t i = 0; i < dp->plan.len; i++) {
    const jx_diff_month *m = dp->plan.items[i];
    jx_json_begin_object(j);
    jx_json_key(j, "month");
    jx_json_int(j, m->month);
    str_or_null(j, "old", m->old_text);
    str_or_null(j, "new", m->new_text);
    jx_json_end_object(j);
  }
  jx_json_end_array(j);
  jx_json_key(j, "name_change");
  if (dp->name_diff)
    text(j, dp->name_diff);
  else
    jx_json_null(j);
  text_list(j, "texts", &dp->texts);
  jx_json_key(j, "indicator_counts");
  counts_object(j, dp->ind_tighter, dp->ind_looser, dp->ind_other, dp->ind_added,
                dp->ind_removed, dp->ind_same);
  jx_json_key(j, "indicators");
  jx_json_begin_array(j);
  for (size_t i = 0; i < dp->indicators.len; i++) indicator(j, dp->indicators.items[i]);
  jx_json_end_array(j);
  jx_json_end_object(j);
}

static void side(jx_json *j, const char *key, const jx_diff_side *s) {
  jx_json_key(j, key);
  jx_json_begin_object(j);
  str_or_null(j, "path", s->path);
  str_or_null(j, "department", *s->department ? s->department : NULL);
  str_or_null(j, "year", *s->year ? s->year : NULL);
  str_or_null(j, "money_unit", s->money_unit);
  jx_json_end_object(j);
}

bool jx_diff_render_json(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out) {
  (void)ctx;
  jx_json j;
  jx_json_init(&j, out);
  jx_json_begin_object(&j);
  str_or_null(&j, "format", "jixiao-diff");
  jx_json_key(&j, "version");
  jx_json_int(&j, 1);
  jx_json_key(&j, "differs");
  jx_json_bool(&j, d->differs);
  str_or_null(&j, "money_unit", d->money_unit);
  side(&j, "old", &d->old);
  side(&j, "new", &d->new);
  const jx_diff_counts *c = &d->counts;
  jx_json_key(&j, "summary");
  jx_json_begin_object(&j);
  jx_json_key(&j, "projects");
  jx_json_begin_object(&j);
  const char *const names[] = {"old", "new", "added", "removed", "changed", "same", "renamed", "moved"};
  const int values[] = {c->old_projects, c->new_projects, c->added, c->removed,
                        c->changed, c->same, c->renamed, c->moved};
  for (int i = 0; i < 8; i++) {
    jx_json_key(&j, names[i]);
    jx_json_int(&j, values[i]);
  }
  jx_json_end_object(&j);
  jx_json_key(&j, "units");
  jx_json_begin_object(&j);
  jx_json_key(&j, "added");
  jx_json_int(&j, c->units_added);
  jx_json_key(&j, "removed");
  jx_json_int(&j, c->units_removed);
  jx_json_end_object(&j);
  jx_json_key(&j, "indicators");
  counts_object(&j, c->ind_tighter, c->ind_looser, c->ind_other, c->ind_added, c->ind_removed,
                c->ind_same);
  jx_json_key(&j, "texts_changed");
  jx_json_int(&j, c->texts);
  money_list(&j, "totals", &d->money);
  jx_json_end_object(&j);
  if (!opt->stat) {
    text_list(&j, "header", &d->header);
    text_list(&j, "part_one", &d->part_one);
  }
  jx_json_key(&j, "units");
  jx_json_begin_array(&j);
  for (size_t i = 0; i < d->units.len; i++) {
    const jx_diff_unit *du = d->units.items[i];
    jx_json_begin_object(&j);
    str_or_null(&j, "status", jx_diff_status_name(du->status));
    str_or_null(&j, "code", *du->code ? du->code : NULL);
    str_or_null(&j, "name", du->name);
    match(&j, du->how, du->match, 0);
    jx_json_key(&j, "name_change");
    if (du->name_diff)
      text(&j, du->name_diff);
    else
      jx_json_null(&j);
    jx_json_key(&j, "projects_old");
    jx_json_int(&j, du->old_projects);
    jx_json_key(&j, "projects_new");
    jx_json_int(&j, du->new_projects);
    jx_json_key(&j, "project_counts");
    jx_json_begin_object(&j);
    jx_json_key(&j, "added");
    jx_json_int(&j, du->added);
    jx_json_key(&j, "removed");
    jx_json_int(&j, du->removed);
    jx_json_key(&j, "changed");
    jx_json_int(&j, du->changed);
    jx_json_key(&j, "same");
    jx_json_int(&j, du->same);
    jx_json_key(&j, "moved_out");
    jx_json_int(&j, (long long)du->moved_out.len);
    jx_json_end_object(&j);
    money_list(&j, "totals", &du->money);
    if (!opt->stat) {
      jx_json_key(&j, "projects");
      jx_json_begin_array(&j);
      for (size_t k = 0; k < du->projects.len; k++) project(&j, du->projects.items[k]);
      jx_json_end_array(&j);
    }
    jx_json_end_object(&j);
  }
  jx_json_end_array(&j);
  jx_json_end_object(&j);
  return !ferror(out);
}
