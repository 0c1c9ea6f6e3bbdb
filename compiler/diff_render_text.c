/* jxc diff --format=text: the report for the terminal. The summary comes
 * first, then the header and part one, then each budget unit with the
 * projects that differ. Text changes are shown character by character,
 * [-removed-]{+added+}, with long unchanged stretches shortened; colours
 * (when asked for) only add to the marks. */
#include "diff.h"

#include <string.h>

#include "diff_render.h"
#include "i18n.h"
#include "textdiff.h"
#include "utf8.h"

typedef struct pen {
  FILE *out;
  jx_arena *a;
  bool color;
} pen;

enum { RESET, BOLD, RED, GREEN, YELLOW, CYAN, DIM };
static const char *const codes[] = {"\033[0m", "\033[1m", "\033[31m", "\033[32m",
                                    "\033[33m", "\033[36m", "\033[2m"};

/* Text from the documents as it may be shown on a terminal: a control
 * character (an escape sequence could drive the terminal) is shown as its
 * visible symbol (␛, ␇ …), as diagnostics do; line breaks and tabs stay. */
static const char *S(pen *p, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  bool plain = true;
  for (; *u && plain; u++) plain = !((*u < 0x20 && *u != '\n' && *u != '\t') || *u == 0x7F);
  if (plain) return s;
  size_t n = strlen(s);
  char *out = jx_arena_alloc(p->a, 3 * n + 1), *o = out;
  for (u = (const unsigned char *)s; *u; u++) {
    if ((*u < 0x20 && *u != '\n' && *u != '\t') || *u == 0x7F) {
      unsigned cp = *u == 0x7F ? 0x2421 : 0x2400 + *u;
      *o++ = (char)(0xE0 | (cp >> 12));
      *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
      *o++ = (char)*u;
    }
  }
  *o = '\0';
  return out;
}

static void on(pen *p, int c) {
  if (p->color) fputs(codes[c], p->out);
}

static void colored(pen *p, int c, const char *s) {
  on(p, c);
  fputs(S(p, s), p->out);
  if (p->color) fputs(codes[RESET], p->out);
}

/* s, then spaces up to `width` display columns. */
static void padded(pen *p, const char *s, size_t width) {
  s = S(p, s);
  fputs(s, p->out);
  size_t w = jx_utf8_width(s, strlen(s));
  for (; w < width; w++) fputc(' ', p->out);
}

static void right(pen *p, const char *s, size_t width) {
  s = S(p, s);
  size_t w = jx_utf8_width(s, strlen(s));
  for (; w < width; w++) fputc(' ', p->out);
  fputs(s, p->out);
}

static size_t width_of(const char *s) { return jx_utf8_width(s, strlen(s)); }

/* Writes text, continuing its lines at the indentation. */
static void indented(pen *p, const char *text, int indent) {
  for (const char *s = S(p, text); *s; s++) {
    fputc(*s, p->out);
    if (*s == '\n')
      for (int i = 0; i < indent; i++) fputc(' ', p->out);
  }
}

/* How much of an unchanged stretch shows on each side of a change. */
enum { CONTEXT = 24 };

static void text_diff(pen *p, const jx_diff_text *t, int indent) {
  if (!t->old_text) {
    colored(p, GREEN, "{+");
    on(p, GREEN);
    indented(p, t->new_text, indent);
    colored(p, GREEN, "+}");
    return;
  }
  if (!t->new_text) {
    colored(p, RED, "[-");
    on(p, RED);
    indented(p, t->old_text, indent);
    colored(p, RED, "-]");
    return;
  }
  jx_list pieces = jxd_elide(p->a, &t->pieces, CONTEXT);
  for (size_t i = 0; i < pieces.len; i++) {
    const jx_text_piece *x = pieces.items[i];
    if (x->op == JX_EDIT_EQUAL) {
      indented(p, x->text, indent);
      continue;
    }
    int c = x->op == JX_EDIT_DELETE ? RED : GREEN;
    on(p, c);
    fputs(x->op == JX_EDIT_DELETE ? "[-" : "{+", p->out);
    indented(p, x->text, indent);
    fputs(x->op == JX_EDIT_DELETE ? "-]" : "+}", p->out);
    if (p->color) fputs(codes[RESET], p->out);
  }
}

static void text_line(pen *p, const jx_diff_text *t, int indent) {
  for (int i = 0; i < indent; i++) fputc(' ', p->out);
  colored(p, BOLD, t->label);
  fputs("  ", p->out);
  text_diff(p, t, indent + 2);
  fputc('\n', p->out);
}

static void money_line(pen *p, const jx_diff_money *m, int indent) {
  for (int i = 0; i < indent + 2 * m->depth; i++) fputc(' ', p->out);
  colored(p, BOLD, m->label);
  fputs("  ", p->out);
  fputs(S(p, jxd_money_change(p->a, m)), p->out);
  fputc('\n', p->out);
}

static const char *money_or_dash(const jx_diff_money *m, bool old) {
  return jxd_money_side(m, old);
}

/* The summary table: one line per budget unit, then the department. */
static void units_table(pen *p, const jx_diff *d) {
  /* TRANSLATORS: the headings of the summary table of jxc diff. */
  const char *h_unit = _("Budget unit"), *h_projects = _("Projects"), *h_change = _("Change");
  const char *h_old = *d->old.year ? d->old.year : _("Old");
  const char *h_new = *d->new.year ? d->new.year : _("New");
  size_t w0 = width_of(h_unit), w1 = width_of(h_projects);
  size_t w2 = width_of(h_old), w3 = width_of(h_new);
  size_t w4 = width_of(h_change);
  const char *dept = *d->new.department ? d->new.department : _("Department");
  const char **counts = jx_arena_alloc(p->a, (d->units.len + 1) * sizeof *counts);
  for (size_t i = 0; i <= d->units.len; i++) {
    const jx_diff_unit *u = i < d->units.len ? d->units.items[i] : NULL;
    const jx_list *money = u ? &u->money : &d->money;
    const jx_diff_money *m = jxd_budget_line(money);
    const char *name = u ? u->heading : dept;
    counts[i] = u ? jx_arena_printf(p->a, "%d → %d", u->old_projects, u->new_projects)
                  : jx_arena_printf(p->a, "%d → %d", d->counts.old_projects, d->counts.new_projects);
    if (width_of(name) > w0) w0 = width_of(name);
    if (width_of(counts[i]) > w1) w1 = width_of(counts[i]);
    if (m && width_of(money_or_dash(m, true)) > w2) w2 = width_of(money_or_dash(m, true));
    if (m && width_of(money_or_dash(m, false)) > w3) w3 = width_of(money_or_dash(m, false));
    if (m && width_of(m->change_text) > w4) w4 = width_of(m->change_text);
  }
  fputs("  ", p->out);
  on(p, BOLD);
  padded(p, h_unit, w0);
  fputs("  ", p->out);
  right(p, h_projects, w1);
  fputs("  ", p->out);
  right(p, h_old, w2);
  fputs("  ", p->out);
  right(p, h_new, w3);
  fputs("  ", p->out);
  right(p, h_change, w4);
  if (p->color) fputs(codes[RESET], p->out);
  fputc('\n', p->out);
  for (size_t i = 0; i <= d->units.len; i++) {
    const jx_diff_unit *u = i < d->units.len ? d->units.items[i] : NULL;
    const jx_diff_money *m = jxd_budget_line(u ? &u->money : &d->money);
    fputs("  ", p->out);
    if (!u) on(p, BOLD);
    padded(p, u ? u->heading : dept, w0);
    fputs("  ", p->out);
    right(p, counts[i], w1);
    fputs("  ", p->out);
    right(p, m ? money_or_dash(m, true) : "", w2);
    fputs("  ", p->out);
    right(p, m ? money_or_dash(m, false) : "", w3);
    fputs("  ", p->out);
    right(p, m ? m->change_text : "", w4);
    if (m && *m->percent_text) fprintf(p->out, "  %s", m->percent_text);
    if (u && u->status == JX_DIFF_ADDED) fprintf(p->out, "  %s", _("(added)"));
    if (u && u->status == JX_DIFF_REMOVED) fprintf(p->out, "  %s", _("(removed)"));
    if (!u && p->color) fputs(codes[RESET], p->out);
    fputc('\n', p->out);
  }
}

static void summary(pen *p, const jx_diff *d) {
  colored(p, BOLD, _("Summary\n"));
  /* TRANSLATORS: the labels of the lines of the summary of jxc diff. */
  const char *labels[] = {_("Projects"), _("Targets"), _("Texts"), _("Budget")};
  size_t w = 0;
  for (size_t i = 0; i < 4; i++)
    if (width_of(labels[i]) > w) w = width_of(labels[i]);
  fputs("  ", p->out);
  padded(p, labels[0], w + 2);
  fputs(jxd_projects_sentence(p->a, d), p->out);
  fputs("\n  ", p->out);
  padded(p, labels[1], w + 2);
  fputs(jxd_targets_sentence(p->a, &d->counts), p->out);
  fputs("\n  ", p->out);
  padded(p, labels[2], w + 2);
  fprintf(p->out, _("%d changed in projects and indicators"), d->counts.texts);
  if (d->header.len || d->part_one.len)
    fprintf(p->out, _("; %zu in the header and part one"), d->header.len + d->part_one.len);
  fputs("\n  ", p->out);
  padded(p, labels[3], w + 2);
  for (size_t i = 0; i < d->money.len; i++) {
    const jx_diff_money *m = d->money.items[i];
    if (i && !m->has_old && !m->has_new) continue;
    if (i) fputs("; ", p->out);
    fprintf(p->out, "%s %s", S(p, m->label), S(p, jxd_money_change(p->a, m)));
  }
  fputs("\n\n", p->out);
  units_table(p, d);
}

static const char *const marks[] = {"=", "~", "+", "-"};
static const int mark_colors[] = {DIM, YELLOW, GREEN, RED};

static void indicator(pen *p, const jx_diff_indicator *di) {
  fputs("      ", p->out);
  const char *word;
  int c;
  if (di->status == JX_DIFF_ADDED) {
    word = _("added");
    c = GREEN;
  } else if (di->status == JX_DIFF_REMOVED) {
    word = _("removed");
    c = RED;
  } else if (di->value.direction == JX_DIR_TIGHTER) {
    word = _("tightened");
    c = CYAN;
  } else if (di->value.direction == JX_DIR_LOOSER) {
    word = _("loosened");
    c = RED;
  } else {
    word = _("changed");
    c = YELLOW;
  }
  on(p, c);
  padded(p, word, 10);
  if (p->color) fputs(codes[RESET], p->out);
  fputs(S(p, jxd_indicator_title(p->a, di)), p->out);
  {
    fputs("  ", p->out);
    fputs(S(p, jxd_value_change(p->a, &di->value)), p->out);
  }
  if (di->value.changed && di->value.why) fprintf(p->out, "  — %s", di->value.why);
  fputc('\n', p->out);
  if (di->long_term.changed)
    fprintf(p->out, "                长期  %s  — %s\n", S(p, jxd_value_change(p->a, &di->long_term)),
            di->long_term.why);
  for (size_t i = 0; i < di->texts.len; i++) text_line(p, di->texts.items[i], 16);
}

static void project(pen *p, const jx_diff_project *dp) {
  fputs("  ", p->out);
  colored(p, mark_colors[dp->status], marks[dp->status]);
  fputc(' ', p->out);
  on(p, BOLD);
  fputs(S(p, jxd_project_title(p->a, dp->code, dp->name)), p->out);
  if (p->color) fputs(codes[RESET], p->out);
  const jx_diff_money *bud = jxd_project_budget(dp);
  if (dp->status == JX_DIFF_ADDED || dp->status == JX_DIFF_REMOVED) {
    int rows = (int)dp->indicators.len;
    fprintf(p->out, "  %s", dp->status == JX_DIFF_ADDED ? _("added") : _("removed"));
    if (bud)
      fprintf(p->out, _(", budget %s"), S(p, jxd_money_side(bud, dp->status == JX_DIFF_REMOVED)));
    fprintf(p->out, P_(", %d indicator\n", ", %d indicators\n", rows), rows);
    for (size_t i = 0; i < dp->indicators.len; i++) {
      const jx_diff_indicator *di = dp->indicators.items[i];
      fprintf(p->out, "      %s  %s\n", S(p, jxd_indicator_title(p->a, di)),
              S(p, jxd_value_change(p->a, &di->value)));
    }
    return;
  }
  fprintf(p->out, "  (%s)\n", S(p, dp->match));
  if (dp->name_diff) text_line(p, dp->name_diff, 6);
  if (dp->recoded && dp->how == JX_MATCH_PINNED)
    fprintf(p->out, "      项目编码  %s → %s\n", *dp->old_code ? S(p, dp->old_code) : "—",
            *dp->code ? dp->code : "—");
  if (dp->moved && dp->old_unit)
    fprintf(p->out, _("      moved from budget unit %s\n"), S(p, dp->old_unit->heading));
  for (size_t i = 0; i < dp->money.len; i++) {
    const jx_diff_money *m = dp->money.items[i];
    if (m->changed) money_line(p, m, 6);
  }
  if (dp->plan.len) {
    fputs("      ", p->out);
    colored(p, BOLD, "支出计划");
    fprintf(p->out, "  %s\n", S(p, jxd_plan_text(p->a, &dp->plan)));
  }
  for (size_t i = 0; i < dp->texts.len; i++) text_line(p, dp->texts.items[i], 6);
  for (size_t i = 0; i < dp->indicators.len; i++) indicator(p, dp->indicators.items[i]);
}

static void unit(pen *p, const jx_diff *d, const jx_diff_unit *u) {
  (void)d;
  colored(p, mark_colors[u->status], marks[u->status]);
  fputs(" ", p->out);
  on(p, BOLD);
  fprintf(p->out, "单位 %s", S(p, u->heading));
  if (p->color) fputs(codes[RESET], p->out);
  const jx_diff_money *m = jxd_budget_line(&u->money);
  fprintf(p->out, "  (%s", u->status == JX_DIFF_ADDED     ? _("added")
                           : u->status == JX_DIFF_REMOVED ? _("removed")
                                                          : u->match);
  fprintf(p->out, _("; projects %d → %d"), u->old_projects, u->new_projects);
  if (m) fprintf(p->out, _("; budget %s"), S(p, jxd_money_change(p->a, m)));
  fputs(")\n", p->out);
  if (u->name_diff) text_line(p, u->name_diff, 2);
  const char *counts = jxd_indicator_counts(p->a, u->ind_tighter, u->ind_looser, u->ind_other,
                                            u->ind_added, u->ind_removed);
  fprintf(p->out, _("  %d added, %d removed, %d changed, %d the same"), u->added, u->removed,
          u->changed, u->same);
  if (u->moved_out.len)
    fprintf(p->out, _(", %zu moved to another budget unit"), u->moved_out.len);
  if (*counts) fprintf(p->out, _("; targets %s"), counts);
  fputc('\n', p->out);
  for (size_t i = 0; i < u->projects.len; i++) project(p, u->projects.items[i]);
  for (size_t i = 0; i < u->moved_out.len; i++) {
    const jx_diff_project *dp = u->moved_out.items[i];
    fputs("  ", p->out);
    colored(p, YELLOW, ">");
    fprintf(p->out, _(" %s  moved to budget unit %s (shown there)\n"),
            S(p, jxd_project_title(p->a, dp->old_code, dp->old_name)), S(p, dp->new_unit->heading));
  }
}

bool jx_diff_render_text(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out) {
  pen p = {out, ctx->arena, opt->color};
  on(&p, BOLD);
  fprintf(out, "jxc diff: %s → %s", S(&p, d->old.label), S(&p, d->new.label));
  if (p.color) fputs(codes[RESET], out);
  fprintf(out, _("\n  old  %s\n  new  %s\n  amounts in %s\n\n"), S(&p, d->old.path),
          S(&p, d->new.path), d->money_unit);
  if (!d->differs) {
    fputs(_("The documents do not differ.\n"), out);
    return !ferror(out);
  }
  summary(&p, d);
  if (opt->stat) return !ferror(out);
  if (d->header.len) {
    fputc('\n', out);
    colored(&p, BOLD, _("Header\n"));
    for (size_t i = 0; i < d->header.len; i++) text_line(&p, d->header.items[i], 2);
  }
  if (d->part_one.len) {
    fputc('\n', out);
    colored(&p, BOLD, _("Part one: department-wide targets\n"));
    for (size_t i = 0; i < d->part_one.len; i++) text_line(&p, d->part_one.items[i], 2);
  }
  for (size_t i = 0; i < d->units.len; i++) {
    const jx_diff_unit *u = d->units.items[i];
    if (u->status == JX_DIFF_SAME) continue;
    fputc('\n', out);
    unit(&p, d, u);
  }
  return !ferror(out);
}
