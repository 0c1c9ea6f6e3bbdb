/* --format=html: one self-contained file (inline CSS, no script, no network)
 * that prints on A4 like the official forms: a title page, contents, part
 * one, a summary, then one page per project. Each <section class="page">
 * is laid out to fill exactly one printed page, so the number of pages is
 * known in advance; it is written into <meta name="jixiao-pages">, and the
 * browser test holds the printed PDF to it. */
#include <string.h>

#include "report.h"

/* Fonts: the CJK serif faces of Linux (Noto/Source Han), Windows (SimSun)
 * and macOS (Songti), then sans faces, then the browser's default. */
static const char css[] =
    "@page { size: A4; margin: 15mm; }\n"
    "html { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
    "\"Noto Serif SC\", SimSun, \"宋体\", \"Songti SC\", STSong, "
    "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", "
    "\"PingFang SC\", serif; font-size: 10.5pt; line-height: 1.55; color: #000; }\n"
    "body { margin: 0; }\n"
    "section.page { box-sizing: border-box; width: 180mm; height: 267mm; "
    "overflow: hidden; break-after: page; page-break-after: always; }\n"
    "section.page:last-child { break-after: auto; page-break-after: auto; }\n"
    "@media screen { body { background: #e8e8e8; } section.page { width: 210mm; "
    "height: 297mm; padding: 15mm; margin: 8mm auto; background: #fff; "
    "box-shadow: 0 1px 4px rgba(0,0,0,.25); } }\n"
    "h1 { font-size: 22pt; text-align: center; margin: 70mm 0 12mm; letter-spacing: .1em; }\n"
    "h1 + p.subtitle { font-size: 16pt; text-align: center; margin: 0 0 60mm; }\n"
    "p.signature { text-align: center; font-size: 13pt; margin: 2mm 0; }\n"
    "h2 { font-size: 14pt; text-align: center; margin: 0 0 4mm; }\n"
    "h3 { font-size: 12pt; margin: 4mm 0 2mm; }\n"
    "h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }\n"
    "p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }\n"
    "p.label { text-indent: 0; }\n"
    "ol.toc { list-style: none; padding: 0; margin: 0; font-size: 10.5pt; }\n"
    "ol.toc li { display: flex; margin: .6mm 0; }\n"
    "ol.toc li span.fill { flex: 1; border-bottom: 1px dotted #000; margin: 0 1mm .9em; }\n"
    "ol.toc li.part { font-weight: bold; margin-top: 3mm; }\n"
    "ol.toc a { color: inherit; text-decoration: none; }\n"
    "div.meta { display: flex; justify-content: space-between; font-size: 10pt; "
    "margin: 0 0 1.5mm; }\n"
    "table { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
    "table.form { font-size: 9pt; line-height: 1.35; }\n"
    "th, td { border: .6pt solid #000; padding: .8mm 1mm; vertical-align: middle; "
    "overflow-wrap: anywhere; word-break: break-all; }\n"
    "th { font-weight: normal; text-align: center; background: #f2f2f2; }\n"
    "td { text-align: center; }\n"
    "td.text { text-align: left; }\n"
    "td.num { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "table.summary { font-size: 10pt; }\n"
    "table.summary tr.total td { font-weight: bold; }\n";

typedef struct html {
  jx_ctx *ctx;
  FILE *out;
} html;

static void esc(html *h, const char *s) {
  for (; *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", h->out); break;
      case '<': fputs("&lt;", h->out); break;
      case '>': fputs("&gt;", h->out); break;
      case '"': fputs("&quot;", h->out); break;
      case '\n': fputs("<br>", h->out); break;
      default: fputc(*s, h->out);
    }
  }
}

/* A cell: tag, class, colspan, rowspan and escaped text. */
static void cell(html *h, const char *tag, const char *cls, int colspan, int rowspan,
                 const char *text) {
  fprintf(h->out, "<%s", tag);
  if (cls) fprintf(h->out, " class=\"%s\"", cls);
  if (colspan > 1) fprintf(h->out, " colspan=\"%d\"", colspan);
  if (rowspan > 1) fprintf(h->out, " rowspan=\"%d\"", rowspan);
  fputc('>', h->out);
  esc(h, text);
  fprintf(h->out, "</%s>", tag);
}

static void paragraphs(html *h, const char *text) {
  fputs("<p>", h->out);
  esc(h, text);
  fputs("</p>\n", h->out);
}

/* Pages: title, contents, three of part one, summary, then the projects. */
enum { PAGE_TITLE = 1, PAGE_TOC, PAGE_OVERALL, PAGE_SUB, PAGE_SAFEGUARD, PAGE_SUMMARY };

static int project_page(const jx_tables *r, int index) {
  return (r->whole_document ? PAGE_SUMMARY : 1) + index;
}

static void title_page(html *h, const jx_tables *r) {
  fputs("<section class=\"page title\">\n<h1>", h->out);
  esc(h, r->department);
  fputs("</h1>\n<p class=\"subtitle\">", h->out);
  esc(h, r->year);
  fputs(" 年部门预算绩效文本</p>\n", h->out);
  if (*r->compiled_by) {
    fputs("<p class=\"signature\">", h->out);
    esc(h, r->compiled_by);
    fputs("编制</p>\n", h->out);
  }
  if (*r->reviewed_by) {
    fputs("<p class=\"signature\">", h->out);
    esc(h, r->reviewed_by);
    fputs("审核</p>\n", h->out);
  }
  fputs("</section>\n", h->out);
}

static void toc_entry(html *h, const char *cls, const char *href, const char *text,
                      int page) {
  fprintf(h->out, "<li%s%s%s><a href=\"#%s\">", cls ? " class=\"" : "", cls ? cls : "",
          cls ? "\"" : "", href);
  esc(h, text);
  fprintf(h->out, "</a><span class=\"fill\"></span><span>%d</span></li>\n", page);
}

static void toc_page(html *h, const jx_tables *r) {
  fputs("<section class=\"page contents\">\n<h2>目　录</h2>\n<ol class=\"toc\">\n", h->out);
  toc_entry(h, "part", "part-one", "第一部分　部门整体绩效目标", PAGE_OVERALL);
  toc_entry(h, NULL, "overall", "一、总体绩效目标", PAGE_OVERALL);
  toc_entry(h, NULL, "sub-targets", "二、分项绩效目标", PAGE_SUB);
  toc_entry(h, NULL, "safeguards", "三、工作保障措施", PAGE_SAFEGUARD);
  toc_entry(h, "part", "part-two", "第二部分　预算项目绩效目标", PAGE_SUMMARY);
  toc_entry(h, NULL, "summary", "预算项目汇总表", PAGE_SUMMARY);
  int index = 0;
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++) {
      const jx_report_project *p = unit->projects.items[i];
      index++;
      char *href = jx_arena_printf(h->ctx->arena, "p-%s", p->code);
      toc_entry(h, NULL, href,
                jx_arena_printf(h->ctx->arena, "%d. %s绩效目标表", p->number, p->name),
                project_page(r, index));
    }
  }
  fputs("</ol>\n</section>\n", h->out);
}

/* "1、完善制度建设": part one numbers its items in the order written. */
static void numbered_heading(html *h, size_t n, const char *title) {
  fprintf(h->out, "<h4>%zu、", n);
  esc(h, title);
  fputs("</h4>\n", h->out);
}

static void part_one(html *h, const jx_tables *r) {
  fputs("<section class=\"page part-one\" id=\"part-one\">\n"
        "<h2>第一部分　部门整体绩效目标</h2>\n<h3 id=\"overall\">一、总体绩效目标</h3>\n",
        h->out);
  paragraphs(h, r->overall_target);
  fputs("</section>\n<section class=\"page part-one\" id=\"sub-targets\">\n"
        "<h3>二、分项绩效目标</h3>\n", h->out);
  for (size_t i = 0; i < r->sub_targets.len; i++) {
    const jx_sub_target *s = r->sub_targets.items[i];
    numbered_heading(h, i + 1, s->title.text);
    for (size_t k = 0; k < s->texts.len; k++) {
      const jx_text_item *t = s->texts.items[k];
      fputs(t->base.kind == JX_NODE_SUB_TARGET_TEXT ? "<p class=\"label\">绩效目标："
                                                    : "<p class=\"label\">绩效指标：",
            h->out);
      esc(h, t->text.text);
      fputs("</p>\n", h->out);
    }
  }
  fputs("</section>\n<section class=\"page part-one\" id=\"safeguards\">\n"
        "<h3>三、工作保障措施</h3>\n", h->out);
  for (size_t i = 0; i < r->safeguards.len; i++) {
    const jx_safeguard *s = r->safeguards.items[i];
    numbered_heading(h, i + 1, s->title.text);
    paragraphs(h, s->text.text);
  }
  fputs("</section>\n", h->out);
}

static void summary(html *h, const jx_tables *r) {
  fputs("<section class=\"page summary\" id=\"part-two\">\n", h->out);
  if (r->whole_document) fputs("<h2>第二部分　预算项目绩效目标</h2>\n", h->out);
  fputs("<h3 id=\"summary\">预算项目汇总表</h3>\n<div class=\"meta\"><span></span><span>单位：",
        h->out);
  esc(h, r->money_unit);
  fputs("</span></div>\n<table class=\"summary\">\n<colgroup><col style=\"width:12%\">"
        "<col style=\"width:28%\"><col style=\"width:9%\"><col style=\"width:14%\">"
        "<col style=\"width:14%\"><col style=\"width:12%\"><col style=\"width:11%\">"
        "</colgroup>\n<tr><th>单位编码</th><th>单位名称</th><th>项目数</th><th>预算数</th>"
        "<th>财政资金</th><th>其他资金</th><th>指标数</th></tr>\n", h->out);
  for (size_t i = 0; i < r->units.len; i++) {
    const jx_report_unit *u = r->units.items[i];
    fputs("<tr>", h->out);
    cell(h, "td", NULL, 1, 1, u->code);
    cell(h, "td", "text", 1, 1, u->name);
    cell(h, "td", "num", 1, 1, jx_arena_printf(h->ctx->arena, "%zu", u->projects.len));
    cell(h, "td", "num", 1, 1, u->budget);
    cell(h, "td", "num", 1, 1, u->fiscal);
    cell(h, "td", "num", 1, 1, u->other);
    cell(h, "td", "num", 1, 1, jx_arena_printf(h->ctx->arena, "%d", u->nrows));
    fputs("</tr>\n", h->out);
  }
  fputs("<tr class=\"total\">", h->out);
  cell(h, "td", NULL, 2, 1, "合计");
  cell(h, "td", "num", 1, 1, jx_arena_printf(h->ctx->arena, "%d", r->nprojects));
  cell(h, "td", "num", 1, 1, r->budget);
  cell(h, "td", "num", 1, 1, r->fiscal);
  cell(h, "td", "num", 1, 1, r->other);
  cell(h, "td", "num", 1, 1, jx_arena_printf(h->ctx->arena, "%d", r->nrows));
  fputs("</tr>\n</table>\n</section>\n", h->out);
}

/* The form's grid has 12 columns; every row's spans add up to 12. */
static void project_page_html(html *h, const jx_tables *r, const jx_report_unit *u,
                              const jx_report_project *p) {
  fprintf(h->out, "<section class=\"page project\" id=\"p-");
  esc(h, p->code);
  fputs("\">\n<h2>", h->out);
  esc(h, jx_arena_printf(h->ctx->arena, "%d. %s绩效目标表", p->number, p->name));
  fputs("</h2>\n<div class=\"meta\"><span>", h->out);
  esc(h, jx_arena_printf(h->ctx->arena, "%s %s", u->code, u->name));
  fputs("</span><span>单位：", h->out);
  esc(h, r->money_unit);
  fputs("</span></div>\n", h->out);
  /* Column widths of the grid: the indicator columns of the official form
   * (一级, 二级, 三级 ×2, 描述 ×4, 指标值 ×2, 依据 ×2). */
  static const char *const widths[12] = {"9", "10", "8", "8", "9.25", "9.25",
                                          "9.25", "9.25", "7", "7", "7", "7"};
  fputs("<table class=\"form\">\n<colgroup>", h->out);
  for (int i = 0; i < 12; i++) fprintf(h->out, "<col style=\"width:%s%%\">", widths[i]);
  fputs("</colgroup>\n<tr>", h->out);
  cell(h, "th", NULL, 2, 1, "项目编码");
  cell(h, "td", NULL, 4, 1, p->code);
  cell(h, "th", NULL, 2, 1, "项目名称");
  cell(h, "td", "text", 4, 1, p->name);
  fputs("</tr>\n<tr>", h->out);
  cell(h, "th", NULL, 2, 2, "预算规模及资金用途");
  cell(h, "th", NULL, 1, 1, "预算数");
  cell(h, "td", "num", 2, 1, p->budget);
  cell(h, "th", NULL, 2, 1, "其中：财政资金");
  cell(h, "td", "num", 2, 1, p->fiscal);
  cell(h, "th", NULL, 1, 1, "其他资金");
  cell(h, "td", "num", 2, 1, p->other);
  fputs("</tr>\n<tr>", h->out);
  cell(h, "td", "text", 10, 1, p->purpose);
  fputs("</tr>\n<tr>", h->out);
  cell(h, "th", NULL, 2, 2, "资金支出计划（%）");
  int base = 10 / p->nmonths, extra = 10 % p->nmonths;
  for (int m = 0; m < p->nmonths; m++)
    cell(h, "th", NULL, base + (m < extra), 1,
         jx_arena_printf(h->ctx->arena, "%d月底", p->months[m]));
  fputs("</tr>\n<tr>", h->out);
  for (int m = 0; m < p->nmonths; m++) cell(h, "td", NULL, base + (m < extra), 1, p->plan[m]);
  fputs("</tr>\n<tr>", h->out);
  cell(h, "th", NULL, 2, 1, "绩效目标");
  cell(h, "td", "text", 10, 1, p->target);
  fputs("</tr>\n<tr>", h->out);
  cell(h, "th", NULL, 1, 1, "一级指标");
  cell(h, "th", NULL, 1, 1, "二级指标");
  cell(h, "th", NULL, 2, 1, "三级指标");
  cell(h, "th", NULL, 4, 1, "绩效指标描述");
  cell(h, "th", NULL, 2, 1, "指标值");
  cell(h, "th", NULL, 2, 1, "指标值确定依据");
  fputs("</tr>\n", h->out);
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *row = p->rows.items[i];
    fputs("<tr>", h->out);
    if (row->level1_span) cell(h, "td", NULL, 1, row->level1_span, row->level1);
    if (row->level2_span) cell(h, "td", NULL, 1, row->level2_span, row->level2);
    cell(h, "td", "text", 2, 1, row->name);
    cell(h, "td", "text", 4, 1, row->description);
    cell(h, "td", NULL, 2, 1, row->value);
    cell(h, "td", NULL, 2, 1, row->basis);
    fputs("</tr>\n", h->out);
  }
  fputs("</table>\n</section>\n", h->out);
}

bool jx_render_html(jx_ctx *ctx, const jx_tables *r, FILE *out) {
  html h = {ctx, out};
  int pages = (r->whole_document ? PAGE_SUMMARY : (r->units.len > 1 || !r->nprojects ? 1 : 0)) +
              r->nprojects;
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"generator\" content=\"jxc\">\n", out);
  fprintf(out, "<meta name=\"jixiao-pages\" content=\"%d\">\n<title>", pages);
  esc(&h, jx_arena_printf(ctx->arena, "%s %s 年部门预算绩效文本", r->department, r->year));
  fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
  if (r->whole_document) {
    title_page(&h, r);
    toc_page(&h, r);
    part_one(&h, r);
  }
  if (r->whole_document || r->units.len > 1) summary(&h, r);
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    for (size_t i = 0; i < unit->projects.len; i++)
      project_page_html(&h, r, unit, unit->projects.items[i]);
  }
  fputs("</body>\n</html>\n", out);
  return !ferror(out);
}
