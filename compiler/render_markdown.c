/* --format=markdown: the document as GitHub-flavoured Markdown, for wikis
 * and review in pull requests. Part one becomes headings and paragraphs;
 * each project a field table and a pipe table of its indicators. Pipe
 * tables cannot merge cells, so a merged 一级/二级 cell is written on the
 * first row of its span and left empty below, as the printed form shows it. */
#include <string.h>

#include "report.h"

typedef struct md {
  jx_ctx *ctx;
  FILE *out;
} md;

/* Characters that start Markdown syntax inside a line: escaped so a clerk's
 * "总量*100%" or "3~5年" is shown as written, not as emphasis or strikeout.
 * In a cell a line break becomes <br> (a pipe table row is one line); in a
 * heading it becomes a space. */
static void text(md *m, const char *s, bool cell) {
  for (; *s; s++) {
    switch (*s) {
      case '\\': case '`': case '*': case '_': case '~': case '<': case '[': case '|':
        fputc('\\', m->out);
        fputc(*s, m->out);
        break;
      case '\r':
        if (s[1] != '\n') fputs(cell ? "<br>" : " ", m->out);
        break;
      case '\n': fputs(cell ? "<br>" : " ", m->out); break;
      default: fputc(*s, m->out);
    }
  }
}

static void heading(md *m, const char *marks, const char *s) {
  fprintf(m->out, "%s ", marks);
  text(m, s, false);
  fputs("\n\n", m->out);
}

/* What would open a block at the start of a line: a heading, quote, list
 * item, setext underline or ordered-list number ("1. "). */
static void line_start(md *m, const char **s) {
  while (**s == ' ' || **s == '\t') (*s)++; /* four spaces would open code */
  const char *p = *s;
  if (*p && strchr("#>-+=", *p)) {
    fputc('\\', m->out);
    return;
  }
  while (*p >= '0' && *p <= '9') p++;
  if (p > *s && (*p == '.' || *p == ')')) {
    fwrite(*s, 1, (size_t)(p - *s), m->out);
    fputc('\\', m->out);
    *s = p;
  }
}

/* Each line of a text is a paragraph of its own, as in the printed form. */
static void paragraphs(md *m, const char *prefix, const char *s) {
  const char *p = s;
  bool first = true;
  do {
    size_t n = strcspn(p, "\r\n");
    char *line = jx_arena_strndup(m->ctx->arena, p, n);
    const char *q = line;
    if (first && *prefix) {
      fputs(prefix, m->out);
    } else {
      line_start(m, &q);
    }
    if (*q || (first && *prefix)) {
      text(m, q, false);
      fputs("\n\n", m->out);
    }
    first = false;
    p += n;
    if (*p == '\r' && p[1] == '\n') p++;
  } while (*p++);
}

static void row(md *m, int n, const char *const *cells) {
  for (int i = 0; i < n; i++) {
    fputs("| ", m->out);
    text(m, cells[i], true);
    fputc(' ', m->out);
  }
  fputs("|\n", m->out);
}

static void delimiter(md *m, const char *spec) {
  for (const char *s = spec; *s; s++) fputs(*s == 'r' ? "| ---: " : "| --- ", m->out);
  fputs("|\n", m->out);
}

static const char *const numerals[] = {"一", "二", "三"};

static void part_one(md *m, const jx_tables *r) {
  int section = 0;
  if (*r->overall_target) {
    heading(m, "##", jx_arena_printf(m->ctx->arena, "%s、总体绩效目标", numerals[section++]));
    paragraphs(m, "", r->overall_target);
  }
  if (r->sub_targets.len) {
    heading(m, "##", jx_arena_printf(m->ctx->arena, "%s、分项绩效目标", numerals[section++]));
    for (size_t i = 0; i < r->sub_targets.len; i++) {
      const jx_sub_target *s = r->sub_targets.items[i];
      heading(m, "###", jx_arena_printf(m->ctx->arena, "%zu、%s", i + 1, s->title.text));
      for (size_t k = 0; k < s->texts.len; k++) {
        const jx_text_item *t = s->texts.items[k];
        paragraphs(m, t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "绩效目标：" : "绩效指标：",
                   t->text.text);
      }
    }
  }
  if (r->safeguards.len) {
    heading(m, "##", jx_arena_printf(m->ctx->arena, "%s、工作保障措施", numerals[section++]));
    for (size_t i = 0; i < r->safeguards.len; i++) {
      const jx_safeguard *s = r->safeguards.items[i];
      heading(m, "###", jx_arena_printf(m->ctx->arena, "%zu、%s", i + 1, s->title.text));
      paragraphs(m, "", s->text.text);
    }
  }
}

/* The spending plan in one cell: the months that have a percentage. */
static const char *plan_cell(md *m, const jx_report_project *p) {
  const char *s = "";
  for (int i = 0; i < p->nmonths; i++) {
    if (!*p->plan[i]) continue;
    s = jx_arena_printf(m->ctx->arena, "%s%s%d月底 %s", s, *s ? "；" : "", p->months[i],
                        p->plan[i]);
  }
  return s;
}

static void project(md *m, const jx_tables *r, const jx_report_project *p) {
  heading(m, "###", jx_arena_printf(m->ctx->arena, "%d. %s绩效目标表", p->number, p->name));
  fputs("单位：", m->out);
  text(m, r->money_unit, false);
  fputs("\n\n", m->out);
  const char *fields[][2] = {
      {"项目编码", p->code},   {"项目名称", p->name},  {"预算数", p->budget},
      {"财政资金", p->fiscal}, {"其他资金", p->other}, {"资金用途", p->purpose},
      {"资金支出计划（%）", plan_cell(m, p)},          {"绩效目标", p->target}};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
    row(m, 2, fields[i]);
    if (!i) delimiter(m, "ll");
  }
  fputc('\n', m->out);
  static const char *const head[] = {"一级指标", "二级指标", "三级指标",
                                     "绩效指标描述", "指标值", "指标值确定依据"};
  row(m, 6, head);
  delimiter(m, "llllll");
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    const char *cells[] = {rr->level1_span ? rr->level1 : "", rr->level2_span ? rr->level2 : "",
                           rr->name, rr->description, rr->value, rr->basis};
    row(m, 6, cells);
  }
  fputc('\n', m->out);
}

static void summary(md *m, const jx_tables *r) {
  heading(m, "##", "预算项目汇总表");
  fputs("单位：", m->out);
  text(m, r->money_unit, false);
  fputs("\n\n", m->out);
  static const char *const head[] = {"单位编码", "单位名称", "项目数", "预算数",
                                     "财政资金", "其他资金", "指标数"};
  row(m, 7, head);
  delimiter(m, "llrrrrr");
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    const char *cells[] = {u->code, u->name,
                           jx_arena_printf(m->ctx->arena, "%zu", u->projects.len),
                           u->budget, u->fiscal, u->other,
                           jx_arena_printf(m->ctx->arena, "%d", u->nrows)};
    row(m, 7, cells);
  }
  const char *total[] = {"合计", "", jx_arena_printf(m->ctx->arena, "%d", r->nprojects),
                         r->budget, r->fiscal, r->other,
                         jx_arena_printf(m->ctx->arena, "%d", r->nrows)};
  row(m, 7, total);
}

bool jx_render_markdown(jx_ctx *ctx, const jx_tables *r, FILE *out) {
  md m = {ctx, out};
  if (r->whole_document) {
    heading(&m, "#", jx_arena_printf(ctx->arena, "%s%s%s年部门预算绩效文本", r->department,
                                     *r->department ? " " : "", r->year));
    if (*r->compiled_by) paragraphs(&m, "", jx_arena_printf(ctx->arena, "%s编制", r->compiled_by));
    if (*r->reviewed_by) paragraphs(&m, "", jx_arena_printf(ctx->arena, "%s审核", r->reviewed_by));
    part_one(&m, r);
  }
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    heading(&m, "##", jx_arena_printf(ctx->arena, "%s %s", u->code, u->name));
    for (size_t k = 0; k < u->projects.len; k++) project(&m, r, u->projects.items[k]);
  }
  if (r->whole_document || r->units.len > 1) summary(&m, r);
  return fflush(out) == 0 && !ferror(out);
}
