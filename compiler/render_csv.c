/* --format=csv: one record per indicator row, every project field repeated
 * on each of its rows, so a spreadsheet can filter and sort the indicators
 * without knowing the form's merged cells. RFC 4180: records end with CRLF,
 * a field is quoted when it holds a comma, a quote, CR or LF, and quotes
 * inside are doubled. UTF-8; the BOM is optional because only Excel wants
 * it (without it Excel reads the file in the ANSI code page). Nested
 * funding sources are written on one line: "财政拨款 200.00（一般公共预算
 * 150.00；政府性基金 50.00）", a source without an amount by its name alone.
 *
 * Opened in a spreadsheet, the file must show what it holds: the headings
 * of amounts say the money unit (预算数（万元）); a text that begins with
 * =, +, - or @ (or a tab or CR) is prefixed with ' so that it cannot run as
 * a formula; a code of digits that a spreadsheet would turn into a number
 * and so lose (a leading zero, more than 15 digits) is written ="0314",
 * which shows the code as text; the plan has a column per month of the
 * document, as percentages. */
#include <string.h>

#include "report.h"

/* The columns of the first version, then those of the grown language
 * (appended, so scripts that read the first fifteen by position still
 * work), then one column per month of the plan and one per 栏目 label in
 * the document. The headings of amounts get the money unit: 预算数（万元）. */
static const char *const header[] = {
    "单位编码", "单位名称", "项目编码", "项目名称", "预算数",
    "财政资金", "其他资金", "资金用途", "绩效目标", "一级指标",
    "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
    "长期指标值", "绩效标准", "项目类别", "所属类别", "所属类别合计",
    "项目期", "主管部门编码", "主管部门", "实施单位", "监督管理单位",
    "一级项目", "项目类型", "资金性质", "负责人", "联系电话",
    "项目概况", "立项依据", "资金总额", "资金总额来源", "中期预算",
    "中期预算来源", "预算来源", "资金支出计划（%）", "中期目标", "实施进度",
    "其他说明"};

enum { NFIELDS = sizeof header / sizeof header[0] };

/* A text a spreadsheet would take for a formula (=SUM(…), +1, -1, @x, or
 * one beginning with a tab or CR, which some strip first) gets a leading
 * apostrophe, which spreadsheets show as the text. */
static const char *inert(jx_ctx *ctx, const char *s) {
  return strchr("=+-@\t\r", *s) && *s ? jx_arena_printf(ctx->arena, "'%s", s) : s;
}

/* A code as a spreadsheet keeps it: digits only that a spreadsheet would
 * read as a number and change (0314 to 314, 21 digits to 1.308E+20) are
 * written ="0314", a formula that gives the text itself. Any other code is
 * an ordinary field. */
static const char *code(jx_ctx *ctx, const char *s) {
  size_t n = strlen(s);
  if (!n || strspn(s, "0123456789") != n || (s[0] != '0' && n <= 15)) return inert(ctx, s);
  return jx_arena_printf(ctx->arena, "=\"%s\"", s);
}

static void field(FILE *out, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, out);
    return;
  }
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"') fputc('"', out);
    fputc(*s, out);
  }
  fputc('"', out);
}

static void record(FILE *out, const char *const *fields, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i) fputc(',', out);
    field(out, fields[i]);
  }
  fputs("\r\n", out);
}

/* The fields that hold amounts in the money unit (their headings say it)
 * and codes (kept as text in a spreadsheet). */
static bool is_money(size_t i) {
  return i == 4 || i == 5 || i == 6 || i == 19 || (i >= 32 && i <= 36);
}

static bool is_code(size_t i) { return i == 0 || i == 2 || i == 21 || i == 29; }

/* The project's fields, then the row's; row NULL leaves the indicator
 * fields empty, so a project without indicators still has its record.
 * Then the plan's months and the project's texts under each 栏目 label of
 * the document (labelled). */
static void project_record(jx_ctx *ctx, const jx_tables *r, FILE *out, const jx_report_unit *u,
                           const jx_report_project *p, const jx_report_row *row,
                           const char *const *labelled, const char **f, int nmonths) {
  const char *fixed[NFIELDS] = {
      u->code, u->name, p->code, p->name, p->budget,
      p->fiscal, p->other, p->purpose, p->target,
      row ? row->level1 : "", row ? row->level2 : "", row ? row->name : "",
      row ? row->description : "", row ? row->value : "", row ? row->basis : "",
      row ? row->long_term : "", row ? row->standard : "", p->category, p->section,
      p->section_total, p->period, p->supervisor_code, p->supervisor, p->implementer,
      p->oversight, p->parent_project, p->project_type, p->funds_nature, p->contact,
      p->phone, p->overview, p->legal_basis, p->budget_cells[JX_REPORT_TOTAL_FUNDS],
      p->source_texts[JX_REPORT_TOTAL_FUNDS], p->budget_cells[JX_REPORT_MEDIUM],
      p->source_texts[JX_REPORT_MEDIUM], p->source_texts[JX_REPORT_ANNUAL], p->plan_text,
      p->medium_target, p->schedule_text, p->notes};
  for (size_t i = 0; i < NFIELDS; i++) f[i] = is_code(i) ? code(ctx, fixed[i]) : inert(ctx, fixed[i]);
  /* The plan's share at each month of the document, a number of percent. */
  for (int m = 0; m < nmonths; m++) {
    const char *v = m < p->nmonths ? p->plan[m] : "";
    size_t len = strlen(v);
    f[NFIELDS + m] = len && v[len - 1] == '%' ? jx_arena_strndup(ctx->arena, v, len - 1) : v;
  }
  for (size_t i = 0; i < r->labels.len; i++) f[NFIELDS + nmonths + i] = inert(ctx, labelled[i]);
  record(out, f, NFIELDS + (size_t)nmonths + r->labels.len);
}

/* A project's texts under each label of the document ("；" between the
 * texts of a label it repeats), once per project. */
static void labelled_cells(jx_ctx *ctx, const jx_tables *r, const jx_report_project *p,
                           const char **cells) {
  for (size_t i = 0; i < r->labels.len; i++) cells[i] = "";
  for (size_t k = 0; k < p->labelled.len; k++) {
    const jx_report_field *f = p->labelled.items[k];
    for (size_t i = 0; i < r->labels.len; i++) {
      if (strcmp(f->label, r->labels.items[i])) continue;
      cells[i] = *cells[i] ? jx_arena_printf(ctx->arena, "%s；%s", cells[i], f->text) : f->text;
      break;
    }
  }
}

bool jx_render_csv(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                   FILE *out) {
  if (opt->bom) fputs("\xEF\xBB\xBF", out);
  /* The plan's months: the same in every form of the document. */
  const jx_report_project *first = NULL;
  for (size_t i = 0; i < r->units.len && !first; i++) {
    const jx_report_unit *u = r->units.items[i];
    if (u->projects.len) first = u->projects.items[0];
  }
  int nmonths = first ? first->nmonths : 0;
  size_t n = NFIELDS + (size_t)nmonths + r->labels.len;
  const char **f = jx_arena_alloc(ctx->arena, n * sizeof *f);
  for (size_t i = 0; i < NFIELDS; i++)
    f[i] = is_money(i) ? jx_arena_printf(ctx->arena, "%s（%s）", header[i], r->money_unit)
                       : header[i];
  for (int m = 0; m < nmonths; m++)
    f[NFIELDS + m] = jx_arena_printf(ctx->arena, "%d月底（%%）", first->months[m]);
  for (size_t i = 0; i < r->labels.len; i++) f[NFIELDS + nmonths + i] = r->labels.items[i];
  record(out, f, n);
  const char **labelled = jx_arena_alloc(ctx->arena, (r->labels.len + 1) * sizeof *labelled);
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    for (size_t k = 0; k < u->projects.len; k++) {
      const jx_report_project *p = u->projects.items[k];
      labelled_cells(ctx, r, p, labelled);
      if (!p->rows.len) project_record(ctx, r, out, u, p, NULL, labelled, f, nmonths);
      for (size_t j = 0; j < p->rows.len; j++)
        project_record(ctx, r, out, u, p, p->rows.items[j], labelled, f, nmonths);
    }
  }
  return fflush(out) == 0 && !ferror(out);
}
