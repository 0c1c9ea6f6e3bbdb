/* jxc diff --format=html: the report as one self-contained HTML page (no
 * scripts, no files beside it), readable on screen and printable on A4:
 * the summary with a table of the budget units, then each unit and the
 * projects that differ, each in a box that is not split over pages. Text
 * changes are <del> and <ins>, shown whole. */
#include "diff.h"

#include <string.h>

#include "diff_render.h"
#include "i18n.h"
#include "textdiff.h"

static const char style[] =
    "@page{size:A4;margin:15mm}\n"
    "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif;font-size:10.5pt;line-height:1.5;color:#1f1f1f;"
    "max-width:180mm;margin:0 auto;padding:8px}\n"
    "h1{font-size:15pt;margin:0 0 4px}h2{font-size:12.5pt;border-bottom:2px solid #445;"
    "margin:18px 0 6px;padding-bottom:2px}h3{font-size:10.5pt;margin:0 0 2px}\n"
    "p{margin:3px 0}.meta,.match{color:#555;font-size:9pt}\n"
    "table{border-collapse:collapse;width:100%;table-layout:fixed;margin:4px 0}\n"
    "th,td{border:1px solid #c5c8cf;padding:2px 5px;vertical-align:top;"
    "overflow-wrap:anywhere;text-align:left}\n"
    "th{background:#eef0f4;font-weight:600}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "tr.total td{font-weight:600;background:#f6f7f9}\n"
    "table.fields th{width:24%}\n"
    "table.indicators col.kind{width:15%}table.indicators col.what{width:45%}\n"
    "del{background:#fbdada;color:#8a1212;text-decoration:line-through}\n"
    "ins{background:#d5f2d5;color:#0c5a0c;text-decoration:none}\n"
    ".tightened{color:#0b5cad;font-weight:600}.loosened{color:#b3141b;font-weight:600}\n"
    ".changed{color:#9a5b00;font-weight:600}.added{color:#0c6b0c;font-weight:600}"
    ".removed{color:#b3141b;font-weight:600}\n"
    "section.project{break-inside:avoid;border-left:4px solid #c5c8cf;padding:2px 0 2px 8px;"
    "margin:8px 0}\n"
    "section.project.st-added{border-color:#3a9a3a}section.project.st-removed{border-color:#c43c3c}"
    "section.project.st-changed{border-color:#e0a030}\n"
    "ul.summary{margin:4px 0;padding-left:18px}\n"
    ".why{color:#555;font-size:9pt}\n";

static void esc(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", out); break;
      case '<': fputs("&lt;", out); break;
      case '>': fputs("&gt;", out); break;
      case '"': fputs("&quot;", out); break;
      case '\n': fputs("<br>", out); break;
      default: fputc(*s, out);
    }
  }
}

static void text_diff(FILE *out, const jx_diff_text *t) {
  if (!t->old_text || !t->new_text) {
    fputs(t->old_text ? "<del>" : "<ins>", out);
    esc(out, t->old_text ? t->old_text : t->new_text);
    fprintf(out, "%s <span class=\"why\">%s</span>", t->old_text ? "</del>" : "</ins>",
            t->old_text ? _("(removed)") : _("(added)"));
    return;
  }
  for (size_t i = 0; i < t->pieces.len; i++) {
    const jx_text_piece *p = t->pieces.items[i];
    const char *tag = p->op == JX_EDIT_DELETE ? "del" : p->op == JX_EDIT_INSERT ? "ins" : NULL;
    if (tag) fprintf(out, "<%s>", tag);
    esc(out, p->text);
    if (tag) fprintf(out, "</%s>", tag);
  }
}

static void text_row(FILE *out, const jx_diff_text *t) {
  fputs("<tr><th>", out);
  esc(out, t->label);
  fputs("</th><td>", out);
  text_diff(out, t);
  fputs("</td></tr>\n", out);
}

static void money_row(FILE *out, jx_arena *a, const jx_diff_money *m) {
  fputs("<tr><th>", out);
  for (int i = 0; i < m->depth; i++) fputs("\xE3\x80\x80", out); /* ideographic space */
  esc(out, m->label);
  fputs("</th><td>", out);
  esc(out, jxd_money_change(a, m));
  fputs("</td></tr>\n", out);
}

static const char *indicator_word(const jx_diff_indicator *di) {
  if (di->status == JX_DIFF_ADDED) return "added";
  if (di->status == JX_DIFF_REMOVED) return "removed";
  if (!di->value.changed) return "changed";
  return jx_direction_name(di->value.direction);
}

static void indicators(FILE *out, jx_arena *a, const jx_diff_project *dp) {
  if (!dp->indicators.len) return;
  fputs("<table class=\"indicators\"><colgroup><col class=\"kind\"><col class=\"what\"><col>"
        "</colgroup>\n<tr><th>指标</th><th>三级指标</th><th>指标值</th></tr>\n",
        out);
  for (size_t i = 0; i < dp->indicators.len; i++) {
    const jx_diff_indicator *di = dp->indicators.items[i];
    const char *word = indicator_word(di);
    fprintf(out, "<tr><td class=\"%s\">%s</td><td>", word, _(word));
    esc(out, jxd_indicator_title(a, di));
    fputs("</td><td>", out);
    esc(out, jxd_value_change(a, &di->value));
    if (di->value.changed && di->value.why) {
      fputs("<br><span class=\"why\">", out);
      esc(out, di->value.why);
      fputs("</span>", out);
    }
    if (di->long_term.changed) {
      fputs("<br>长期 ", out);
      esc(out, jxd_value_change(a, &di->long_term));
    }
    fputs("</td></tr>\n", out);
    for (size_t k = 0; k < di->texts.len; k++) {
      const jx_diff_text *t = di->texts.items[k];
      fputs("<tr><td></td><td colspan=\"2\"><b>", out);
      esc(out, t->label);
      fputs("</b> ", out);
      text_diff(out, t);
      fputs("</td></tr>\n", out);
    }
  }
  fputs("</table>\n", out);
}

static void project(FILE *out, jx_arena *a, const jx_diff_project *dp) {
  fprintf(out, "<section class=\"project st-%s\"><h3><span class=\"%s\">%s</span> ",
          jx_diff_status_name(dp->status), jx_diff_status_name(dp->status),
          _(jx_diff_status_name(dp->status)));
  esc(out, jxd_project_title(a, dp->code, dp->name));
  fputs("</h3>\n", out);
  const jx_diff_money *bud = jxd_project_budget(dp);
  if (dp->status == JX_DIFF_ADDED || dp->status == JX_DIFF_REMOVED) {
    int rows = dp->status == JX_DIFF_ADDED ? dp->ind_added : dp->ind_removed;
    fputs("<p>", out);
    if (bud) {
      fputs("预算 ", out);
      esc(out, jxd_money_side(bud, dp->status == JX_DIFF_REMOVED));
      fputs("; ", out);
    }
    fprintf(out, P_("%d indicator.", "%d indicators.", rows), rows);
    fputs("</p>\n", out);
    indicators(out, a, dp);
    fputs("</section>\n", out);
    return;
  }
  fputs("<p class=\"match\">", out);
  esc(out, dp->match);
  if (dp->moved && dp->old_unit) {
    fputs(_("; moved from budget unit "), out);
    esc(out, dp->old_unit->heading);
  }
  fputs("</p>\n", out);
  bool any = dp->name_diff || dp->money_changed || dp->plan.len || dp->texts.len;
  if (any) {
    fputs("<table class=\"fields\">\n", out);
    if (dp->name_diff) text_row(out, dp->name_diff);
    for (size_t i = 0; i < dp->money.len; i++) {
      const jx_diff_money *m = dp->money.items[i];
      if (m->changed) money_row(out, a, m);
    }
    if (dp->plan.len) {
      fputs("<tr><th>支出计划</th><td>", out);
      esc(out, jxd_plan_text(a, &dp->plan));
      fputs("</td></tr>\n", out);
    }
    for (size_t i = 0; i < dp->texts.len; i++) text_row(out, dp->texts.items[i]);
    fputs("</table>\n", out);
  }
  indicators(out, a, dp);
  fputs("</section>\n", out);
}

static void num_cell(FILE *out, const char *s) {
  fputs("<td class=\"num\">", out);
  esc(out, s);
  fputs("</td>", out);
}

bool jx_diff_render_html(jx_ctx *ctx, const jx_diff *d, const jx_diff_render_options *opt,
                         FILE *out) {
  jx_arena *a = ctx->arena;
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"generator\" content=\"jxc diff\">\n<title>",
        out);
  esc(out, jx_arena_printf(a, "%s → %s", d->old.label, d->new.label));
  fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
  esc(out, jx_arena_printf(a, "%s → %s", d->old.label, d->new.label));
  fprintf(out, "</h1>\n<p class=\"meta\">%s", _("old: "));
  esc(out, d->old.path);
  fputs(_(" · new: "), out);
  esc(out, d->new.path);
  fprintf(out, _(" · amounts in %s"), d->money_unit);
  fputs("</p>\n", out);
  if (!d->differs) {
    fprintf(out, "<p>%s</p>\n</body>\n</html>\n", _("The documents do not differ."));
    return !ferror(out);
  }
  fprintf(out, "<h2>%s</h2>\n<ul class=\"summary\">\n<li><b>%s</b> ", _("Summary"),
          _("Projects"));
  esc(out, jxd_projects_sentence(a, d));
  fprintf(out, "</li>\n<li><b>%s</b> ", _("Targets"));
  esc(out, jxd_targets_sentence(a, &d->counts));
  fprintf(out, "</li>\n<li><b>%s</b> ", _("Texts"));
  fprintf(out, _("%d changed in projects and indicators"), d->counts.texts);
  if (d->header.len || d->part_one.len)
    fprintf(out, _("; %zu in the header and part one"), d->header.len + d->part_one.len);
  fputs("</li>\n</ul>\n<table class=\"units\"><colgroup><col style=\"width:34%\"><col>"
        "<col><col><col><col></colgroup>\n<tr><th>预算单位</th><th class=\"num\">项目数</th>"
        "<th class=\"num\">",
        out);
  esc(out, *d->old.year ? d->old.year : _("old"));
  fputs("</th><th class=\"num\">", out);
  esc(out, *d->new.year ? d->new.year : _("new"));
  fputs("</th><th class=\"num\">增减</th><th class=\"num\">增减率</th></tr>\n", out);
  for (size_t i = 0; i <= d->units.len; i++) {
    const jx_diff_unit *u = i < d->units.len ? d->units.items[i] : NULL;
    const jx_list *money = u ? &u->money : &d->money;
    /* The department: 预算, then its 财政资金 and 其他资金 when there are any. */
    for (size_t k = 0; k < (u ? 1 : money->len); k++) {
      const jx_diff_money *m = money->items[k];
      if (k && !m->has_old && !m->has_new) continue;
      fputs(u ? "<tr>" : "<tr class=\"total\">", out);
      fputs("<td>", out);
      if (u) {
        if (u->status != JX_DIFF_SAME)
          fprintf(out, "<a href=\"#u%zu\">", i);
        esc(out, u->heading);
        if (u->status != JX_DIFF_SAME) fputs("</a>", out);
        if (u->status == JX_DIFF_ADDED || u->status == JX_DIFF_REMOVED)
          fprintf(out, " <span class=\"%s\">%s</span>", jx_diff_status_name(u->status),
                  u->status == JX_DIFF_ADDED ? _("(added)") : _("(removed)"));
      } else {
        if (k) fputs("\xE3\x80\x80", out);
        esc(out, k ? m->label : (*d->new.department ? d->new.department : "合计"));
      }
      fputs("</td>", out);
      num_cell(out, k ? "" : u ? jx_arena_printf(a, "%d → %d", u->old_projects, u->new_projects)
                               : jx_arena_printf(a, "%d → %d", d->counts.old_projects,
                                                 d->counts.new_projects));
      num_cell(out, jxd_money_side(m, true));
      num_cell(out, jxd_money_side(m, false));
      num_cell(out, m->change_text);
      num_cell(out, m->percent_text);
      fputs("</tr>\n", out);
    }
  }
  fputs("</table>\n", out);
  if (!opt->stat) {
    if (d->header.len) {
      fprintf(out, "<h2>%s</h2>\n<table class=\"fields\">\n", _("Header"));
      for (size_t i = 0; i < d->header.len; i++) text_row(out, d->header.items[i]);
      fputs("</table>\n", out);
    }
    if (d->part_one.len) {
      fprintf(out, "<h2>%s</h2>\n<table class=\"fields\">\n",
              _("Part one: department-wide targets"));
      for (size_t i = 0; i < d->part_one.len; i++) text_row(out, d->part_one.items[i]);
      fputs("</table>\n", out);
    }
    for (size_t i = 0; i < d->units.len; i++) {
      const jx_diff_unit *u = d->units.items[i];
      if (u->status == JX_DIFF_SAME) continue;
      fprintf(out, "<h2 id=\"u%zu\">单位 ", i);
      esc(out, u->heading);
      fprintf(out, " <span class=\"%s\">%s</span></h2>\n<p class=\"match\">",
              jx_diff_status_name(u->status), _(jx_diff_status_name(u->status)));
      if (*u->match) {
        esc(out, u->match);
        fputs("; ", out);
      }
      fprintf(out, _("projects %d → %d"), u->old_projects, u->new_projects);
      const jx_diff_money *m = jxd_budget_line(&u->money);
      if (m) {
        fputs(_("; budget "), out);
        esc(out, jxd_money_change(a, m));
      }
      fprintf(out, _("; %d added, %d removed, %d changed, %d the same"), u->added, u->removed,
              u->changed, u->same);
      if (u->moved_out.len)
        fprintf(out, _(", %zu moved to another budget unit"), u->moved_out.len);
      const char *counts = jxd_indicator_counts(a, u->ind_tighter, u->ind_looser, u->ind_other,
                                                u->ind_added, u->ind_removed);
      if (*counts) {
        fputs(_("; targets "), out);
        esc(out, counts);
      }
      fputs("</p>\n", out);
      if (u->name_diff) {
        fputs("<table class=\"fields\">\n", out);
        text_row(out, u->name_diff);
        fputs("</table>\n", out);
      }
      for (size_t k = 0; k < u->projects.len; k++) project(out, a, u->projects.items[k]);
      for (size_t k = 0; k < u->moved_out.len; k++) {
        const jx_diff_project *dp = u->moved_out.items[k];
        fputs("<p class=\"match\">", out);
        esc(out, jxd_project_title(a, dp->old_code, dp->old_name));
        fputs(_(" moved to budget unit "), out);
        esc(out, dp->new_unit->heading);
        fputs(_(" (shown there)"), out);
        fputs("</p>\n", out);
      }
    }
  }
  fputs("</body>\n</html>\n", out);
  return !ferror(out);
}
