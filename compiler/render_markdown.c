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

/* A two-column table of labels and texts; its first field is the header
 * row, as a pipe table needs one. */
static void fields_table(md *m, const jx_list *fields) {
  for (size_t i = 0; i < fields->len; i++) {
    const jx_report_field *f = fields->items[i];
    const char *cells[] = {f->label, f->text};
    row(m, 2, cells);
    if (!i) delimiter(m, "ll");
  }
  if (fields->len) fputc('\n', m->out);
}

static void push(md *m, jx_list *l, const char *label, const char *text) {
  jx_report_field *f = jx_arena_alloc(m->ctx->arena, sizeof *f);
  f->label = label;
  f->text = text;
  jx_list_push(m->ctx->arena, l, f);
}

/* The funding table: a line per source, nested ones indented. */
static void funding(md *m, const jx_report_project *p) {
  static const char *const heads[JX_REPORT_NBUDGETS] = {"资金总额", "中期预算", "年度预算"};
  const char *cells[1 + JX_REPORT_NBUDGETS] = {"资金来源"};
  char spec[2 + JX_REPORT_NBUDGETS] = "l";
  int n = 1;
  for (int i = 0; i < JX_REPORT_NBUDGETS; i++)
    if (p->budgets[i]) {
      spec[n] = 'r';
      cells[n++] = heads[i];
    }
  spec[n] = '\0';
  row(m, n, cells);
  delimiter(m, spec);
  for (size_t k = 0; k < p->sources.len; k++) {
    const jx_report_source *s = p->sources.items[k];
    int c = 1;
    cells[0] = s->label;
    for (int i = 0; i < JX_REPORT_NBUDGETS; i++)
      if (p->budgets[i]) cells[c++] = s->cell[i];
    row(m, n, cells);
  }
  fputc('\n', m->out);
}

static void schedule(md *m, const jx_report_project *p) {
  static const char *const head[] = {"实施进度", "时间", "描述"};
  row(m, 3, head);
  delimiter(m, "lll");
  for (size_t i = 0; i < p->stages.len; i++) {
    const jx_report_stage *s = p->stages.items[i];
    const char *cells[] = {s->name, s->when, s->description};
    row(m, 3, cells);
  }
  fputc('\n', m->out);
}

/* The value columns: 年度 and 长期 side by side when a row has a 长期 value,
 * 绩效标准 when a row has a 标准, then the basis. */
static int value_heads(const jx_report_project *p, const char **head) {
  int n = 0;
  head[n++] = p->has_long_term ? "年度指标值" : "指标值";
  if (p->has_long_term) head[n++] = "长期指标值";
  if (p->has_standard) head[n++] = "绩效标准";
  head[n++] = "指标值确定依据";
  return n;
}

static int value_cells(const jx_report_project *p, const jx_report_row *rr, const char **cell) {
  int n = 0;
  cell[n++] = rr->value;
  if (p->has_long_term) cell[n++] = rr->long_term;
  if (p->has_standard) cell[n++] = rr->standard;
  cell[n++] = rr->basis;
  return n;
}

static void delimiter_n(md *m, int n) {
  char spec[16];
  memset(spec, 'l', (size_t)n);
  spec[n] = '\0';
  delimiter(m, spec);
}

static void indicators(md *m, const jx_report_project *p) {
  const char *head[12] = {"一级指标", "二级指标", "三级指标", "绩效指标描述"};
  int n = 4 + value_heads(p, head + 4);
  row(m, n, head);
  delimiter_n(m, n);
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (rr->flat) continue;
    const char *cells[12] = {rr->level1_span ? rr->level1 : "", rr->level2_span ? rr->level2 : "",
                             rr->name, rr->description};
    value_cells(p, rr, cells + 4);
    row(m, n, cells);
  }
  fputc('\n', m->out);
}

/* A flat table (绩效指标 { 指标 … }) without level columns: its title heads
 * the column of indicator names, one table per flat group. */
static void flat(md *m, const jx_report_project *p) {
  bool open = false;
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *rr = p->rows.items[i];
    if (!rr->flat) continue;
    const char *cells[12] = {rr->level1};
    int n = 1;
    if (p->flat_description) cells[n++] = "绩效指标描述";
    n += value_heads(p, cells + n);
    if (rr->level1_span) {
      if (open) fputc('\n', m->out);
      row(m, n, cells);
      delimiter_n(m, n);
      open = true;
    }
    cells[0] = rr->name;
    n = 1;
    if (p->flat_description) cells[n++] = rr->description;
    n += value_cells(p, rr, cells + n);
    row(m, n, cells);
  }
  if (open) fputc('\n', m->out);
}

static void project(md *m, const jx_tables *r, const jx_report_project *p) {
  heading(m, "###", jx_arena_printf(m->ctx->arena, "%d. %s绩效目标表", p->number, p->name));
  fputs("单位：", m->out);
  text(m, r->money_unit, false);
  fputs("\n\n", m->out);
  jx_list fields = {0};
  if (*p->code) push(m, &fields, "项目编码", p->code);
  push(m, &fields, "项目名称", p->name);
  for (size_t i = 0; i < p->info.len; i++) jx_list_push(m->ctx->arena, &fields, p->info.items[i]);
  for (size_t i = 0; i < p->texts.len; i++) jx_list_push(m->ctx->arena, &fields, p->texts.items[i]);
  push(m, &fields, "预算数", p->budget);
  push(m, &fields, "财政资金", p->fiscal);
  push(m, &fields, "其他资金", p->other);
  push(m, &fields, "资金用途", p->purpose);
  push(m, &fields, "资金支出计划（%）", p->plan_text);
  if (*p->medium_target) push(m, &fields, "中期目标", p->medium_target);
  push(m, &fields, "绩效目标", p->target);
  fields_table(m, &fields);
  if (p->sources.len) funding(m, p);
  if (p->stages.len) schedule(m, p);
  if (p->nlevelled || !p->nflat) indicators(m, p);
  flat(m, p);
  jx_list extra = jx_list_copy(m->ctx->arena, &p->labelled);
  if (*p->notes) push(m, &extra, "其他说明", p->notes);
  fields_table(m, &extra);
}

static void summary(md *m, const jx_tables *r) {
  heading(m, "##", "预算项目汇总表");
  fputs("单位：", m->out);
  text(m, r->money_unit, false);
  fputs("\n\n", m->out);
  const char *head[] = {r->summary_code, r->summary_name, "项目数", "预算数",
                        "财政资金", "其他资金", "指标数"};
  row(m, 7, head);
  delimiter(m, "llrrrrr");
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    const char *cells[] = {l->code, l->name, l->projects, l->budget, l->fiscal, l->other, l->rows};
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
    heading(&m, "##", u->heading);
    for (size_t k = 0; k < u->projects.len; k++) project(&m, r, u->projects.items[k]);
  }
  if (r->whole_document || r->units.len > 1) summary(&m, r);
  return fflush(out) == 0 && !ferror(out);
}
