/* jxc diff --format=markdown: the report as GitHub-flavoured Markdown, for
 * a merge request or a wiki page. Removed and added text are <del> and
 * <ins>, which render wherever inline HTML does and, unlike ~~ and **,
 * never depend on the spaces around them. */
#include "diff.h"

#include <string.h>

#include "diff_render.h"
#include "i18n.h"
#include "textdiff.h"

/* Markdown text: characters that would start markup are escaped, and line
 * breaks inside a text become <br>. */
static void md(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~':
      case '#': case '$':
        fputc('\\', out);
        fputc(*s, out);
        break;
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '&': fputs("&amp;", out); break;
      case '\n': fputs("<br>", out); break;
      default: fputc(*s, out);
    }
  }
}

enum { CONTEXT = 40 };

static void text_diff(FILE *out, jx_arena *a, const jx_diff_text *t) {
  if (!t->old_text || !t->new_text) {
    fputs(t->old_text ? "<del>" : "<ins>", out);
    md(out, t->old_text ? t->old_text : t->new_text);
    fputs(t->old_text ? "</del> " : "</ins> ", out);
    fputs(t->old_text ? _("(removed)") : _("(added)"), out);
    return;
  }
  jx_list pieces = jxd_elide(a, &t->pieces, CONTEXT);
  for (size_t i = 0; i < pieces.len; i++) {
    const jx_text_piece *p = pieces.items[i];
    const char *tag = p->op == JX_EDIT_DELETE ? "del" : p->op == JX_EDIT_INSERT ? "ins" : NULL;
    if (tag) fprintf(out, "<%s>", tag);
    md(out, p->text);
    if (tag) fprintf(out, "</%s>", tag);
  }
}

static void text_item(FILE *out, jx_arena *a, const jx_diff_text *t, int depth) {
  for (int i = 0; i < depth; i++) fputs("  ", out);
  fputs("- **", out);
  md(out, t->label);
  fputs("**: ", out);
  text_diff(out, a, t);
  fputc('\n', out);
}

static void money_item(FILE *out, jx_arena *a, const jx_diff_money *m) {
  for (int i = 0; i < m->depth; i++) fputs("  ", out);
  fputs("- **", out);
  md(out, m->label);
  fputs("**: ", out);
  md(out, jxd_money_change(a, m));
  fputc('\n', out);
}

static void indicator(FILE *out, jx_arena *a, const jx_diff_indicator *di) {
  const char *word = di->status == JX_DIFF_ADDED     ? "added"
                     : di->status == JX_DIFF_REMOVED ? "removed"
                                                     : jx_direction_name(di->value.direction);
  if (di->status == JX_DIFF_CHANGED && !di->value.changed) word = "changed";
  /* The words are those of jx_direction_name and jx_diff_status_name,
   * translated in diff_render_text.c. */
  fprintf(out, "- *%s* ", _(word));
  md(out, jxd_indicator_title(a, di));
  {
    fputs(": ", out);
    md(out, jxd_value_change(a, &di->value));
  }
  if (di->value.changed && di->value.why) {
    fputs(" — ", out);
    md(out, di->value.why);
  }
  fputc('\n', out);
  if (di->long_term.changed) {
    fputs("  - **长期**: ", out);
    md(out, jxd_value_change(a, &di->long_term));
    fputc('\n', out);
  }
  for (size_t i = 0; i < di->texts.len; i++) text_item(out, a, di->texts.items[i], 1);
}

static void project(FILE *out, jx_arena *a, const jx_diff_project *dp) {
  fputs("\n### ", out);
  md(out, jxd_project_title(a, dp->code, dp->name));
  fprintf(out, " — %s\n\n", _(jx_diff_status_name(dp->status)));
  const jx_diff_money *bud = jxd_project_budget(dp);
  if (dp->status == JX_DIFF_ADDED || dp->status == JX_DIFF_REMOVED) {
    int rows = dp->status == JX_DIFF_ADDED ? dp->ind_added : dp->ind_removed;
    if (bud) {
      fputs(_("Budget "), out);
      md(out, jxd_money_side(bud, dp->status == JX_DIFF_REMOVED));
      fputs(", ", out);
    }
    fprintf(out, P_("%d indicator:\n\n", "%d indicators:\n\n", rows), rows);
    for (size_t i = 0; i < dp->indicators.len; i++) {
      const jx_diff_indicator *di = dp->indicators.items[i];
      fputs("- ", out);
      md(out, jxd_indicator_title(a, di));
      fputs(": ", out);
      md(out, jxd_value_change(a, &di->value));
      fputc('\n', out);
    }
    return;
  }
  fputc('*', out);
  md(out, dp->match);
  fputs("*\n\n", out);
  if (dp->name_diff) text_item(out, a, dp->name_diff, 0);
  if (dp->moved && dp->old_unit) {
    fputs(_("- moved from budget unit "), out);
    md(out, dp->old_unit->heading);
    fputc('\n', out);
  }
  for (size_t i = 0; i < dp->money.len; i++) {
    const jx_diff_money *m = dp->money.items[i];
    if (m->changed) money_item(out, a, m);
  }
  if (dp->plan.len) {
    fputs("- **支出计划**: ", out);
    md(out, jxd_plan_text(a, &dp->plan));
    fputc('\n', out);
  }
  for (size_t i = 0; i < dp->texts.len; i++) text_item(out, a, dp->texts.items[i], 0);
  for (size_t i = 0; i < dp->indicators.len; i++) indicator(out, a, dp->indicators.items[i]);
}

static void cell(FILE *out, const char *s) {
  fputs(" ", out);
  md(out, s);
  fputs(" |", out);
}

bool jx_diff_render_markdown(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                             FILE *out) {
  jx_arena *a = ctx->arena;
  fputs("# jxc diff: ", out);
  md(out, d->old.label);
  fputs(" → ", out);
  md(out, d->new.label);
  fputs(_("\n\n- old: "), out);
  md(out, d->old.path);
  fputs(_("\n- new: "), out);
  md(out, d->new.path);
  fprintf(out, _("\n- amounts in %s\n"), d->money_unit);
  if (!d->differs) {
    fputs(_("\nThe documents do not differ.\n"), out);
    return !ferror(out);
  }
  fputs(_("\n## Summary\n\n- **Projects**: "), out);
  md(out, jxd_projects_sentence(a, d));
  fputs(_("\n- **Targets**: "), out);
  md(out, jxd_targets_sentence(a, &d->counts));
  fprintf(out, _("\n- **Texts**: %d changed in projects and indicators"), d->counts.texts);
  if (d->header.len || d->part_one.len)
    fprintf(out, _("; %zu in the header and part one"), d->header.len + d->part_one.len);
  fprintf(out, "\n\n| %s | %s |", _("Budget unit"), _("Projects"));
  cell(out, *d->old.year ? d->old.year : _("Old"));
  cell(out, *d->new.year ? d->new.year : _("New"));
  fprintf(out, " %s | %% |\n|---|--:|--:|--:|--:|--:|\n", _("Change"));
  for (size_t i = 0; i <= d->units.len; i++) {
    const jx_diff_unit *u = i < d->units.len ? d->units.items[i] : NULL;
    const jx_diff_money *m = jxd_budget_line(u ? &u->money : &d->money);
    fputs("| ", out);
    const char *name = u ? u->heading : *d->new.department ? d->new.department : _("Department");
    if (u && u->status == JX_DIFF_ADDED) name = jx_arena_printf(a, "%s %s", name, _("(added)"));
    if (u && u->status == JX_DIFF_REMOVED) name = jx_arena_printf(a, "%s %s", name, _("(removed)"));
    if (!u) fputs("**", out);
    md(out, name);
    fputs(u ? " |" : "** |", out);
    cell(out, u ? jx_arena_printf(a, "%d → %d", u->old_projects, u->new_projects)
                : jx_arena_printf(a, "%d → %d", d->counts.old_projects, d->counts.new_projects));
    cell(out, m ? jxd_money_side(m, true) : "");
    cell(out, m ? jxd_money_side(m, false) : "");
    cell(out, m ? m->change_text : "");
    cell(out, m ? m->percent_text : "");
    fputc('\n', out);
  }
  if (opt->stat) return !ferror(out);
  if (d->header.len) {
    fputs(_("\n## Header\n\n"), out);
    for (size_t i = 0; i < d->header.len; i++) text_item(out, a, d->header.items[i], 0);
  }
  if (d->part_one.len) {
    fputs(_("\n## Part one: department-wide targets\n\n"), out);
    for (size_t i = 0; i < d->part_one.len; i++) text_item(out, a, d->part_one.items[i], 0);
  }
  for (size_t i = 0; i < d->units.len; i++) {
    const jx_diff_unit *u = d->units.items[i];
    if (u->status == JX_DIFF_SAME) continue;
    fputs("\n## 单位 ", out);
    md(out, u->heading);
    fprintf(out, " — %s\n\n", _(jx_diff_status_name(u->status)));
    if (*u->match) {
      fputc('*', out);
      md(out, u->match);
      fputs("*. ", out);
    }
    const jx_diff_money *m = jxd_budget_line(&u->money);
    fprintf(out, _("Projects %d → %d"), u->old_projects, u->new_projects);
    if (m) {
      fputs(_("; budget "), out);
      md(out, jxd_money_change(a, m));
    }
    fprintf(out, _(". %d added, %d removed, %d changed, %d the same"), u->added, u->removed,
            u->changed, u->same);
    if (u->moved_out.len)
      fprintf(out, _(", %zu moved to another budget unit"), u->moved_out.len);
    const char *counts = jxd_indicator_counts(a, u->ind_tighter, u->ind_looser, u->ind_other,
                                              u->ind_added, u->ind_removed);
    if (*counts) fprintf(out, _("; targets %s"), counts);
    fputs(_(".\n"), out);
    if (u->name_diff) {
      fputc('\n', out);
      text_item(out, a, u->name_diff, 0);
    }
    for (size_t k = 0; k < u->projects.len; k++) project(out, a, u->projects.items[k]);
    if (u->moved_out.len) fputc('\n', out);
    for (size_t k = 0; k < u->moved_out.len; k++) {
      const jx_diff_project *dp = u->moved_out.items[k];
      fputs("- ", out);
      md(out, jxd_project_title(a, dp->old_code, dp->old_name));
      fputs(_(" moved to budget unit "), out);
      md(out, dp->new_unit->heading);
      fputs(_(" (shown there)\n"), out);
    }
  }
  return !ferror(out);
}
