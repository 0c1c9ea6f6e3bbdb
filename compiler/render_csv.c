/* --format=csv: one record per indicator row, every project field repeated
 * on each of its rows, so a spreadsheet can filter and sort the indicators
 * without knowing the form's merged cells. RFC 4180: records end with CRLF,
 * a field is quoted when it holds a comma, a quote, CR or LF, and quotes
 * inside are doubled. UTF-8; the BOM is optional because only Excel wants
 * it (without it Excel reads the file in the ANSI code page). */
#include <string.h>

#include "report.h"

static const char *const header[] = {
    "单位编码", "单位名称", "项目编码", "项目名称", "预算数",
    "财政资金", "其他资金", "资金用途", "绩效目标", "一级指标",
    "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"};

enum { NFIELDS = sizeof header / sizeof header[0] };

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

static void record(FILE *out, const char *const *fields) {
  for (int i = 0; i < NFIELDS; i++) {
    if (i) fputc(',', out);
    field(out, fields[i]);
  }
  fputs("\r\n", out);
}

/* The project's fields, then the row's; row NULL leaves the indicator
 * fields empty, so a project without indicators still has its record. */
static void project_record(FILE *out, const jx_report_unit *u, const jx_report_project *p,
                           const jx_report_row *row) {
  const char *f[NFIELDS] = {
      u->code,   u->name,    p->code,  p->name,     p->budget,
      p->fiscal, p->other,   p->purpose, p->target,
      row ? row->level1 : "", row ? row->level2 : "", row ? row->name : "",
      row ? row->description : "", row ? row->value : "", row ? row->basis : ""};
  record(out, f);
}

bool jx_render_csv(jx_ctx *ctx, const jx_tables *r, const jx_report_options *opt,
                   FILE *out) {
  (void)ctx;
  if (opt->bom) fputs("\xEF\xBB\xBF", out);
  record(out, header);
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    for (size_t k = 0; k < u->projects.len; k++) {
      const jx_report_project *p = u->projects.items[k];
      if (!p->rows.len) project_record(out, u, p, NULL);
      for (size_t j = 0; j < p->rows.len; j++) project_record(out, u, p, p->rows.items[j]);
    }
  }
  return fflush(out) == 0 && !ferror(out);
}
