/* --format=xlsx: renders the bundled example through libxlsxwriter, then
 * reads the file back as any spreadsheet would (unzip + libxml2 on the
 * SpreadsheetML parts) and checks sheets, cells, merges and number formats
 * against figures of the seed:
 *   sheets 汇总, 324001 承德市司法局本级, 324004 承德市戒毒管理所;
 *   table 1 (12348 法律服务热线): 预算数 22.50 万元, plan 25/50/75/100% at
 *   3/6/10/12月底, 产出指标 over 4 rows, "解答 12348 来电次数" ≥7000次;
 *   department total 1371.36 万元; 27 projects.
 * Then tests/render/forms.jx, the constructs of the grown language: units
 * and projects without codes, 类别 subtotals, the funding table with its
 * nested and empty cells, the template fields, 长期 and 绩效标准 columns,
 * 栏目 rows and a flat table.
 * Needs unzip(1) on PATH. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"
#include "library.h"
#include "report.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"

/* --- reading the zip ------------------------------------------------------- */

/* The bytes of member in the zip file, or NULL. */
static char *unzip_member(const char *file, const char *member, size_t *len) {
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "unzip -p '%s' '%s' 2>/dev/null", file, member);
  FILE *p = popen(cmd, "r");
  if (!p) return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n, p)) > 0) {
    n += got;
    if (n < cap) continue;
    char *bigger = realloc(buf, cap * 2);
    if (!bigger) free(buf);
    buf = bigger;
    cap *= 2;
  }
  int status = pclose(p);
  if (!buf || status != 0 || n == 0) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static xmlDocPtr read_part(const char *file, const char *member) {
  size_t len = 0;
  char *buf = unzip_member(file, member, &len);
  if (!buf) {
    fprintf(stderr, "cannot read %s from %s (is unzip installed?)\n", member, file);
    return NULL;
  }
  xmlDocPtr doc = xmlReadMemory(buf, (int)len, member, NULL, XML_PARSE_NONET);
  free(buf);
  if (!doc) fprintf(stderr, "%s in %s is not well-formed XML\n", member, file);
  return doc;
}

/* --- XPath ----------------------------------------------------------------- */

static xmlXPathObjectPtr xpath(xmlDocPtr doc, xmlNodePtr node, const char *expr) {
  xmlXPathContextPtr c = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(c, BAD_CAST "s", BAD_CAST NS_MAIN);
  xmlXPathRegisterNs(c, BAD_CAST "r", BAD_CAST NS_REL);
  xmlXPathRegisterNs(c, BAD_CAST "p", BAD_CAST NS_PKG);
  if (node) c->node = node;
  xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
  xmlXPathFreeContext(c);
  return o;
}

/* The string value of expr (malloc'd; "" when nothing matches). */
static char *xpath_string(xmlDocPtr doc, xmlNodePtr node, const char *expr) {
  char full[1024];
  snprintf(full, sizeof full, "string(%s)", expr);
  xmlXPathObjectPtr o = xpath(doc, node, full);
  char *s = strdup(o && o->stringval ? (const char *)o->stringval : "");
  xmlXPathFreeObject(o);
  return s;
}

static int xpath_count(xmlDocPtr doc, const char *expr) {
  xmlXPathObjectPtr o = xpath(doc, NULL, expr);
  int n = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(o);
  return n;
}

/* --- the workbook ---------------------------------------------------------- */

typedef struct cell {
  int row, col; /* 0-based */
  int style;    /* index into cellXfs */
  char *text;   /* a string cell's text, or NULL */
  char *number; /* a number cell's <v>, or NULL */
} cell;

typedef struct sheet {
  char *name;
  xmlDocPtr xml;
  cell *cells;
  int ncells;
} sheet;

typedef struct book {
  const char *file;
  char **strings; /* the shared string table */
  int nstrings;
  sheet sheets[64];
  int nsheets;
  xmlDocPtr styles;
} book;

/* "AB12" -> row 11, column 27. */
static void parse_ref(const char *ref, int *row, int *col) {
  int c = 0, r = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ref++) c = c * 26 + (*ref - 'A' + 1);
  for (; *ref >= '0' && *ref <= '9'; ref++) r = r * 10 + (*ref - '0');
  *row = r - 1;
  *col = c - 1;
}

static void load_cells(book *b, sheet *s) {
  xmlXPathObjectPtr o = xpath(s->xml, NULL, "/s:worksheet/s:sheetData/s:row/s:c");
  int n = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
  s->cells = calloc((size_t)n + 1, sizeof *s->cells);
  for (int i = 0; i < n; i++) {
    xmlNodePtr node = o->nodesetval->nodeTab[i];
    cell *c = &s->cells[s->ncells++];
    char *ref = xpath_string(s->xml, node, "@r");
    parse_ref(ref, &c->row, &c->col);
    free(ref);
    char *style = xpath_string(s->xml, node, "@s");
    c->style = atoi(style);
    free(style);
    char *type = xpath_string(s->xml, node, "@t");
    char *v = xpath_string(s->xml, node, "s:v");
    if (!strcmp(type, "s")) {
      int k = atoi(v);
      c->text = strdup(k >= 0 && k < b->nstrings ? b->strings[k] : "");
      free(v);
    } else if (!strcmp(type, "inlineStr")) {
      c->text = xpath_string(s->xml, node, "s:is");
      free(v);
    } else if (*v) {
      c->number = v;
    } else {
      free(v);
    }
    free(type);
  }
  xmlXPathFreeObject(o);
}

static bool load_book(book *b, const char *file) {
  memset(b, 0, sizeof *b);
  b->file = file;
  xmlDocPtr wb = read_part(file, "xl/workbook.xml");
  xmlDocPtr rels = read_part(file, "xl/_rels/workbook.xml.rels");
  xmlDocPtr sst = read_part(file, "xl/sharedStrings.xml");
  b->styles = read_part(file, "xl/styles.xml");
  if (!wb || !rels || !sst || !b->styles) {
    xmlFreeDoc(wb);
    xmlFreeDoc(rels);
    xmlFreeDoc(sst);
    return false;
  }
  xmlXPathObjectPtr o = xpath(sst, NULL, "/s:sst/s:si");
  b->nstrings = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
  b->strings = calloc((size_t)b->nstrings + 1, sizeof *b->strings);
  for (int i = 0; i < b->nstrings; i++)
    b->strings[i] = xpath_string(sst, o->nodesetval->nodeTab[i], ".");
  xmlXPathFreeObject(o);

  o = xpath(wb, NULL, "/s:workbook/s:sheets/s:sheet");
  int n = o && o->nodesetval ? o->nodesetval->nodeNr : 0;
  for (int i = 0; i < n && b->nsheets < 64; i++) {
    xmlNodePtr node = o->nodesetval->nodeTab[i];
    sheet *s = &b->sheets[b->nsheets++];
    s->name = xpath_string(wb, node, "@name");
    char *id = xpath_string(wb, node, "@r:id");
    char expr[256];
    snprintf(expr, sizeof expr, "/p:Relationships/p:Relationship[@Id='%s']/@Target", id);
    char *target = xpath_string(rels, NULL, expr);
    char member[512];
    snprintf(member, sizeof member, "%s%s", target[0] == '/' ? "" : "xl/",
             target[0] == '/' ? target + 1 : target);
    s->xml = read_part(file, member);
    if (s->xml) load_cells(b, s);
    free(id);
    free(target);
  }
  xmlXPathFreeObject(o);
  xmlFreeDoc(wb);
  xmlFreeDoc(rels);
  xmlFreeDoc(sst);
  return true;
}

static void free_book(book *b) {
  for (int i = 0; i < b->nstrings; i++) free(b->strings[i]);
  free(b->strings);
  for (int i = 0; i < b->nsheets; i++) {
    sheet *s = &b->sheets[i];
    for (int k = 0; k < s->ncells; k++) {
      free(s->cells[k].text);
      free(s->cells[k].number);
    }
    free(s->cells);
    free(s->name);
    xmlFreeDoc(s->xml);
  }
  xmlFreeDoc(b->styles);
}

static const sheet *sheet_named(const book *b, const char *name) {
  for (int i = 0; i < b->nsheets; i++)
    if (!strcmp(b->sheets[i].name, name)) return &b->sheets[i];
  return NULL;
}

/* The first cell (in document order) whose text is `text`. */
static const cell *find_text(const sheet *s, const char *text) {
  for (int i = 0; s && i < s->ncells; i++)
    if (s->cells[i].text && !strcmp(s->cells[i].text, text)) return &s->cells[i];
  return NULL;
}

static const cell *cell_at(const sheet *s, int row, int col) {
  for (int i = 0; s && i < s->ncells; i++)
    if (s->cells[i].row == row && s->cells[i].col == col) return &s->cells[i];
  return NULL;
}

static bool has_string(const book *b, const char *text) {
  for (int i = 0; i < b->nstrings; i++)
    if (!strcmp(b->strings[i], text)) return true;
  return false;
}

/* The number format code of a cell's style (built-in ones by their id). */
static char *format_of(const book *b, const cell *c) {
  char expr[256];
  snprintf(expr, sizeof expr, "/s:styleSheet/s:cellXfs/s:xf[%d]/@numFmtId", c->style + 1);
  char *id = xpath_string(b->styles, NULL, expr);
  snprintf(expr, sizeof expr, "/s:styleSheet/s:numFmts/s:numFmt[@numFmtId='%s']/@formatCode",
           id);
  char *code = xpath_string(b->styles, NULL, expr);
  if (!*code) {
    static const char *const builtin[] = {"General", "0", "0.00", "#,##0", "#,##0.00",
                                          NULL,      NULL, NULL,  NULL,    "0%",
                                          "0.00%"};
    int n = atoi(id);
    if (n >= 0 && n <= 10 && builtin[n]) {
      free(code);
      code = strdup(builtin[n]);
    }
  }
  free(id);
  return code;
}

static bool has_merge(const sheet *s, const char *ref) {
  char expr[256];
  snprintf(expr, sizeof expr, "/s:worksheet/s:mergeCells/s:mergeCell[@ref='%s']", ref);
  return s && s->xml && xpath_count(s->xml, expr) == 1;
}

static char *ref_of(int row, int col, char *buf) {
  char letters[8];
  int n = 0;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
  int k = 0;
  while (n) buf[k++] = letters[--n];
  sprintf(buf + k, "%d", row + 1);
  return buf;
}

/* --- the checks ------------------------------------------------------------ */

/* The four months of table 1 share B..G as evenly as the columns allow:
 * with the widths the unit sheet of 324001 gets (B 20, C 28, D 40, E 22,
 * F 24, G 10) that is B:C, D, E, F:G (48, 40, 22, 34), not the split by
 * column count B:C, D:E, F, G (48, 62, 24, 10). */
static void check_month_split(const sheet *s) {
  const cell *march = s ? find_text(s, "3月底") : NULL;
  CHECK(march != NULL);
  if (!march) return;
  char a[16], z[16], range[40];
  snprintf(range, sizeof range, "%s:%s", ref_of(march->row, 1, a), ref_of(march->row, 2, z));
  CHECK(has_merge(s, range));
  snprintf(range, sizeof range, "%s:%s", ref_of(march->row, 5, a), ref_of(march->row, 6, z));
  CHECK(has_merge(s, range));
  snprintf(range, sizeof range, "%s:%s", ref_of(march->row, 3, a), ref_of(march->row, 4, z));
  CHECK(!has_merge(s, range));
}

static void check_unit_sheet(const book *b, const sheet *s) {
  CHECK(s != NULL);
  if (!s) return;
  /* The first form is table 1. */
  const cell *title = find_text(s, "1. 12348 法律服务热线绩效目标表");
  CHECK(title != NULL);
  if (title) CHECK(has_merge(s, "A1:G1"));
  CHECK(find_text(s, "324001 承德市司法局本级") != NULL);
  CHECK(find_text(s, "单位：万元") != NULL);
  CHECK(find_text(s, "13080025P00010310003N") != NULL);

  /* 预算数 22.50: the number 22.5 shown as 0.00. */
  const cell *label = find_text(s, "预算数");
  CHECK(label != NULL);
  if (label) {
    const cell *v = cell_at(s, label->row, label->col + 1);
    CHECK(v != NULL && v->number != NULL);
    if (v && v->number) {
      CHECK_STR(v->number, "22.5");
      char *fmt = format_of(b, v);
      CHECK_STR(fmt, "0.00");
      free(fmt);
    }
    /* The label 预算规模及资金用途 covers this row and the purpose's. */
    char a[16], z[16], range[40];
    snprintf(range, sizeof range, "%s:%s", ref_of(label->row, 0, a),
             ref_of(label->row + 1, 0, z));
    CHECK(has_merge(s, range));
    const cell *fiscal = find_text(s, "其中：财政资金");
    CHECK(fiscal != NULL);
    if (fiscal) {
      const cell *fv = cell_at(s, fiscal->row, fiscal->col + 1);
      CHECK(fv != NULL && fv->number && !strcmp(fv->number, "22.5"));
    }
  }

  /* 产出指标 of table 1 is merged down over its 4 rows. */
  const cell *output = find_text(s, "产出指标");
  CHECK(output != NULL);
  if (output) {
    char a[16], z[16], range[40];
    snprintf(range, sizeof range, "%s:%s", ref_of(output->row, output->col, a),
             ref_of(output->row + 3, output->col, z));
    CHECK(has_merge(s, range));
    /* Its first row: 数量指标 | 解答 12348 来电次数 | … | ≥7000次. */
    const cell *name = cell_at(s, output->row, output->col + 2);
    CHECK(name != NULL && name->text && !strcmp(name->text, "解答 12348 来电次数"));
    const cell *value = cell_at(s, output->row, output->col + 4);
    CHECK(value != NULL && value->text && !strcmp(value->text, "≥7000次"));
  }

  /* The plan under 3月底 6月底 10月底 12月底: 0.25 0.5 0.75 1 as percentages. */
  const cell *march = find_text(s, "3月底");
  CHECK(march != NULL);
  if (march) {
    static const char *const want[] = {"0.25", "0.5", "0.75", "1"};
    int found = 0;
    for (int col = 0; col < 16; col++) {
      const cell *v = cell_at(s, march->row + 1, col);
      if (!v || !v->number) continue;
      if (found < 4) {
        CHECK_STR(v->number, want[found]);
        char *fmt = format_of(b, v);
        CHECK_STR(fmt, "0%");
        free(fmt);
      }
      found++;
    }
    CHECK_INT(found, 4);
  }
}

static void check_summary(const book *b) {
  const sheet *s = sheet_named(b, "汇总");
  CHECK(s != NULL);
  const cell *total = find_text(s, "合计");
  const cell *head = find_text(s, "预算数");
  CHECK(total != NULL && head != NULL);
  if (!total || !head) return;
  const cell *v = cell_at(s, total->row, head->col);
  CHECK(v != NULL && v->number != NULL);
  if (v && v->number) {
    CHECK_STR(v->number, "1371.36");
    char *fmt = format_of(b, v);
    CHECK_STR(fmt, "0.00");
    free(fmt);
  }
  const cell *units = find_text(s, "承德市司法局本级");
  CHECK(units != NULL);
  if (units) {
    const cell *budget = cell_at(s, units->row, head->col);
    CHECK(budget != NULL && budget->number && !strcmp(budget->number, "306.5"));
  }
  const cell *projects = find_text(s, "项目数");
  CHECK(projects != NULL);
  if (projects) {
    const cell *n = cell_at(s, total->row, projects->col);
    CHECK(n != NULL && n->number && !strcmp(n->number, "27"));
  }
}

static char *temp_path(void);

/* --- the forms of the grown language (tests/render/forms.jx) ---------------- */

/* The cell right of the first cell whose text is `label`. */
static const cell *right_of(const sheet *s, const char *label) {
  const cell *l = find_text(s, label);
  return l ? cell_at(s, l->row, l->col + 1) : NULL;
}

static bool blank(const cell *c) { return !c || (!c->number && (!c->text || !*c->text)); }

/* A number cell with that <v> and the money format 0.00. */
static void check_money(const book *b, const cell *c, const char *want) {
  CHECK(c != NULL && c->number != NULL);
  if (!c || !c->number) return;
  CHECK_STR(c->number, want);
  char *fmt = format_of(b, c);
  CHECK_STR(fmt, "0.00");
  free(fmt);
}

static void check_forms_summary(const book *b) {
  const sheet *s = sheet_named(b, "汇总");
  CHECK(s != NULL);
  /* With 类别 lines the name columns are 编码 and 名称. */
  const cell *head = find_text(s, "预算数"), *other = find_text(s, "其他资金");
  CHECK(find_text(s, "编码") != NULL && find_text(s, "名称") != NULL);
  CHECK(head != NULL && other != NULL);
  if (!head || !other) return;
  /* The 类别 line with a declared 合计, above its projects. */
  const cell *section = find_text(s, "　其他运转类");
  const cell *project = find_text(s, "　　校舍维修");
  CHECK(section != NULL && project != NULL);
  if (section && project) {
    CHECK_INT(project->row, section->row + 1);
    check_money(b, cell_at(s, section->row, head->col), "2000000");
    /* 校舍维修 has an empty 其他资金 source: an empty cell, not 0. */
    CHECK(blank(cell_at(s, project->row, other->col)));
  }
  /* The 类别 line without a 合计: the sum of its project. */
  const cell *summed = find_text(s, "　专项业务类");
  CHECK(summed != NULL);
  if (summed) check_money(b, cell_at(s, summed->row, head->col), "40000");
  /* A unit without a code has an empty code cell; no project of unit
   * 200001 has 其他资金, so its cell is empty too. */
  const cell *unit = find_text(s, "某县第一中学");
  CHECK(unit != NULL && blank(cell_at(s, unit->row, 0)));
  const cell *second = find_text(s, "200001");
  CHECK(second != NULL);
  if (second) CHECK(blank(cell_at(s, second->row, other->col)));
  const cell *total = find_text(s, "合计");
  CHECK(total != NULL);
  if (total) {
    check_money(b, cell_at(s, total->row, head->col), "2600000");
    check_money(b, cell_at(s, total->row, other->col), "30000");
  }
}

static void check_forms_unit(const book *b, const sheet *s) {
  CHECK(s != NULL);
  if (!s) return;
  /* The first form has no code: its first row is 项目名称. */
  CHECK(s->ncells > 0 && !strcmp(s->cells[0].text ? s->cells[0].text : "",
                                 "1. 日常公用经费绩效目标表"));
  const cell *name = find_text(s, "项目名称");
  CHECK(name != NULL && name->row == 2 && name->col == 0);
  const cell *code = find_text(s, "项目编码");
  const cell *third = find_text(s, "3. 课桌椅更新绩效目标表");
  CHECK(code != NULL && third != NULL && code->row > third->row);

  const cell *c = right_of(s, "主管部门及代码");
  CHECK(c != NULL && c->text && !strcmp(c->text, "101 某县教育局"));
  c = right_of(s, "项目期");
  CHECK(c != NULL && c->text && !strcmp(c->text, "2024至2026"));
  c = right_of(s, "联系电话");
  CHECK(c != NULL && c->text && !strcmp(c->text, "0314-2022222"));
  c = right_of(s, "立项依据");
  CHECK(c != NULL && c->text && !strcmp(c->text, "《某县教育条例》"));

  /* The funding table: the nested source indented, its amount under
   * 资金总额; the empty 其他资金 source has empty cells. */
  const cell *funds = find_text(s, "资金总额"), *annual = find_text(s, "年度预算");
  const cell *general = find_text(s, "　一般公共预算");
  CHECK(find_text(s, "项目资金") != NULL && funds != NULL && annual != NULL && general != NULL);
  if (funds && general) check_money(b, cell_at(s, general->row, funds->col), "3000000");
  if (funds && annual && general) {
    const cell *fiscal = NULL, *other = NULL;
    for (int i = 0; i < s->ncells; i++) {
      const cell *x = &s->cells[i];
      if (x->row <= general->row || x->col != general->col || !x->text) continue;
      if (!fiscal && !strcmp(x->text, "财政资金")) fiscal = x;
      if (!other && !strcmp(x->text, "其他资金")) other = x;
    }
    CHECK(fiscal != NULL && other != NULL);
    if (fiscal) check_money(b, cell_at(s, fiscal->row, annual->col), "1800000");
    if (other) CHECK(blank(cell_at(s, other->row, annual->col)));
  }
  /* The undeclared source of 课桌椅更新 is shown with its money. */
  const cell *unknown = find_text(s, "神秘资金");
  CHECK(unknown != NULL);

  /* 实施进度, 中期目标. */
  CHECK(find_text(s, "2024年1月至3月") != NULL);
  c = right_of(s, "中期目标");
  CHECK(c != NULL && c->text && !strcmp(c->text, "三年内完成全部校舍维修。"));

  /* 年度 and 长期 values side by side, 绩效标准, the ordinal before the name. */
  const cell *year = find_text(s, "年度指标值"), *longer = find_text(s, "长期指标值");
  const cell *standard = find_text(s, "绩效标准");
  const cell *row = find_text(s, "指标1:维修面积");
  CHECK(year != NULL && longer != NULL && standard != NULL && row != NULL);
  if (year && longer && standard && row) {
    CHECK_INT(longer->col, year->col + 1);
    const cell *v = cell_at(s, row->row, year->col), *l = cell_at(s, row->row, longer->col);
    const cell *st = cell_at(s, row->row, standard->col);
    CHECK(v && v->text && !strcmp(v->text, "≥3200平方米"));
    CHECK(l && l->text && !strcmp(l->text, "≥9000平方米"));
    CHECK(st && st->text && !strcmp(st->text, "计划标准"));
  }
  CHECK(find_text(s, "≥95% 以上") != NULL);
  CHECK(find_text(s, "12月底前 100% 到位") != NULL);

  /* 栏目 rows, label first, and 其他说明. */
  c = right_of(s, "项目实施内容");
  CHECK(c != NULL && c->text && !strcmp(c->text, "屋面防水、外墙修补"));
  c = right_of(s, "其他说明");
  CHECK(c != NULL && c->text && !strcmp(c->text, "无"));
}

static void check_forms_flat(const sheet *s) {
  CHECK(s != NULL);
  if (!s) return;
  /* The flat table: its title down A, then 指标名称 and the values. */
  const cell *title = find_text(s, "绩效指标"), *head = find_text(s, "指标名称");
  CHECK(title != NULL && head != NULL);
  if (!title || !head) return;
  CHECK_INT(title->col, 0);
  CHECK_INT(head->row, title->row);
  CHECK(find_text(s, "一级指标") == NULL);
  const cell *name = find_text(s, "培训人次");
  CHECK(name != NULL && name->row == head->row + 1);
  CHECK(find_text(s, "≥2500人次 以上") != NULL);
  /* forms.jx writes ratios both as % and as 比例: one spelling, %. */
  CHECK(find_text(s, "≥95%") != NULL);
  CHECK(find_text(s, "≥0.95比例") == NULL);
}

/* 资金支出计划: a row per project, a percentage column per month of the
 * document (3, 6, 10 and 12月底 in the seed); an empty plan cell is blank. */
static void check_plan_sheet(const book *b, const sheet *s) {
  CHECK(s != NULL);
  if (!s) return;
  const cell *m3 = find_text(s, "3月底"), *m12 = find_text(s, "12月底");
  CHECK(m3 != NULL && m12 != NULL);
  if (!m3 || !m12) return;
  CHECK_INT(m12->col - m3->col, 3); /* 3, 6, 10, 12 */
  CHECK(find_text(s, "预算数（万元）") != NULL);
  /* Table 1, 12348 法律服务热线: 25, 50, 75, 100 %. */
  const cell *name = find_text(s, "12348 法律服务热线");
  CHECK(name != NULL);
  if (!name) return;
  static const char *const want[] = {"0.25", "0.5", "0.75", "1"};
  for (int m = 0; m < 4; m++) {
    const cell *v = cell_at(s, name->row, m3->col + m);
    CHECK(v != NULL && v->number && !strcmp(v->number, want[m]));
    if (v) {
      char *fmt = format_of(b, v);
      CHECK_STR(fmt, "0%");
      free(fmt);
    }
  }
  /* Table 3 plans nothing at 3月底: the cell is blank, not 0%. */
  const cell *third = find_text(s, "法律援助中心工作经费");
  CHECK(third != NULL);
  if (third) {
    const cell *v = cell_at(s, third->row, m3->col);
    CHECK(!v || (!v->number && (!v->text || !*v->text)));
  }
  /* 27 projects below the header. */
  int rows = 0;
  for (int i = 0; i < s->ncells; i++)
    if (s->cells[i].col == 2 && s->cells[i].row >= 2) rows++;
  CHECK_INT(rows, 27);
}

static void check_forms(const char *tests) {
  char path[4096];
  snprintf(path, sizeof path, "%s/render/forms.jx", tests);
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  CHECK(doc != NULL);
  jx_library base = {0};
  if (!doc || !jx_library_load(ctx, jx_stdlib_dir(ctx), &base, &why)) {
    fprintf(stderr, "cannot load %s or the standard library: %s\n", path, why);
    jx_ctx_free(ctx);
    return;
  }
  /* The render test builds it with jxc, which checks it clean first. */
  jx_library lib = jx_library_for_document(ctx, &base, doc);
  jx_diags_print(ctx, stderr);
  CHECK_INT(ctx->nerrors, 0);
  jx_report_options opt = {0};
  jx_tables *r = jx_report_build(ctx, doc, &lib, &opt, &why);
  CHECK(r != NULL);
  char *file = temp_path();
  book b;
  if (r && jx_render_xlsx(ctx, r, &opt, file, &why) && load_book(&b, file)) {
    CHECK_INT(b.nsheets, 4);
    if (b.nsheets == 4) {
      CHECK_STR(b.sheets[1].name, "资金支出计划");
      CHECK_STR(b.sheets[2].name, "某县第一中学");
      CHECK_STR(b.sheets[3].name, "200001 某县第二中学");
    }
    check_forms_summary(&b);
    check_forms_unit(&b, sheet_named(&b, "某县第一中学"));
    check_forms_flat(sheet_named(&b, "200001 某县第二中学"));
    free_book(&b);
  } else {
    CHECK(!"the forms workbook could be written and read back");
  }
  unlink(file);
  /* One sheet per project: by its code and name, or its name without one. */
  opt.sheet_per_project = true;
  if (r && jx_render_xlsx(ctx, r, &opt, file, &why) && load_book(&b, file)) {
    static const char *const names[] = {"汇总", "资金支出计划", "日常公用经费", "校舍维修",
                                        "13080024P00000000002A 课桌椅更新", "实验室耗材",
                                        "13080024P00000000003B 教师培训"};
    CHECK_INT(b.nsheets, 7);
    for (int i = 0; i < b.nsheets && i < 7; i++) CHECK_STR(b.sheets[i].name, names[i]);
    free_book(&b);
  } else {
    CHECK(!"the per-project forms workbook could be written and read back");
  }
  unlink(file);
  free(file);
  jx_ctx_free(ctx);
}

static char *temp_path(void) {
  char *path = strdup("/tmp/test_xlsx.XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) {
    perror("mkstemp");
    exit(1);
  }
  close(fd);
  return path;
}

int main(void) {
  const char *dir = getenv("EXAMPLES");
  char path[4096];
  snprintf(path, sizeof path, "%s/chengde-justice-2025", dir ? dir : "examples");
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  if (!doc) {
    fprintf(stderr, "cannot load %s: %s\n", path, why);
    return 1;
  }
  const char *stdlib_dir = jx_stdlib_dir(ctx);
  if (!stdlib_dir) {
    fprintf(stderr, "no standard library (set JIXIAO_STDLIB)\n");
    return 1;
  }
  jx_library base = {0};
  if (!jx_library_load(ctx, stdlib_dir, &base, &why)) {
    fprintf(stderr, "cannot load the standard library: %s\n", why);
    return 1;
  }
  jx_library lib = jx_library_for_document(ctx, &base, doc);
  jx_diags_print(ctx, stderr);
  CHECK_INT(ctx->nerrors, 0);

  jx_report_options opt = {0};
  jx_tables *r = jx_report_build(ctx, doc, &lib, &opt, &why);
  CHECK(r != NULL);
  if (!r) {
    fprintf(stderr, "no report: %s\n", why);
    return 1;
  }

  /* One sheet per budget unit. */
  char *file = temp_path();
  why = NULL;
  bool written = jx_render_xlsx(ctx, r, &opt, file, &why);
  if (!written) fprintf(stderr, "jx_render_xlsx: %s\n", why ? why : "(no reason)");
  CHECK(written);
  book b;
  if (written && load_book(&b, file)) {
    CHECK_INT(b.nsheets, 4);
    if (b.nsheets == 4) {
      CHECK_STR(b.sheets[0].name, "汇总");
      CHECK_STR(b.sheets[1].name, "资金支出计划");
      CHECK_STR(b.sheets[2].name, "324001 承德市司法局本级");
      CHECK_STR(b.sheets[3].name, "324004 承德市戒毒管理所");
    }
    check_plan_sheet(&b, sheet_named(&b, "资金支出计划"));
    CHECK(has_string(&b, "解答 12348 来电次数"));
    CHECK(has_string(&b, "≥7000次"));
    CHECK(has_string(&b, "单位：万元"));
    check_unit_sheet(&b, sheet_named(&b, "324001 承德市司法局本级"));
    check_month_split(sheet_named(&b, "324001 承德市司法局本级"));
    check_summary(&b);
    /* The second unit's sheet starts with its first form, table 15. */
    const sheet *s2 = sheet_named(&b, "324004 承德市戒毒管理所");
    CHECK(s2 != NULL && s2->ncells > 0 && s2->cells[0].text &&
          !strcmp(s2->cells[0].text, "15. 安防设施维护经费绩效目标表"));
    free_book(&b);
  } else {
    CHECK(!"the workbook could be read back");
  }
  unlink(file);
  free(file);

  /* One sheet per project: 汇总, the plans + 27, named by the project
   * codes and as much of the names as Excel's 31 characters leave. */
  opt.sheet_per_project = true;
  file = temp_path();
  written = jx_render_xlsx(ctx, r, &opt, file, &why);
  CHECK(written);
  if (written && load_book(&b, file)) {
    CHECK_INT(b.nsheets, 2 + 27);
    if (b.nsheets == 29) {
      CHECK_STR(b.sheets[0].name, "汇总");
      CHECK_STR(b.sheets[2].name, "13080025P00010310003N 12348 法律…");
      CHECK_STR(b.sheets[6].name, "13080025P000006100495 公务运转经费");
      CHECK_STR(b.sheets[28].name, "13080024P00015510006J 过渡性专门教育学…");
    }
    /* Each project sheet holds exactly one form. */
    const sheet *s = b.nsheets > 2 ? &b.sheets[2] : NULL;
    int titles = 0;
    for (int i = 0; s && i < s->ncells; i++)
      if (s->cells[i].text && strstr(s->cells[i].text, "绩效目标表")) titles++;
    CHECK_INT(titles, 1);
    check_unit_sheet(&b, s);
    free_book(&b);
  } else {
    CHECK(!"the per-project workbook could be read back");
  }
  unlink(file);
  free(file);

  /* An unwritable path: false, with a reason. */
  why = NULL;
  CHECK(!jx_render_xlsx(ctx, r, &opt, "/nonexistent-dir/x/y.xlsx", &why));
  CHECK(why != NULL && *why);

  jx_ctx_free(ctx);

  const char *tests = getenv("TESTS_SRCDIR");
  check_forms(tests ? tests : "tests");
  xmlCleanupParser();
  return CHECK_DONE();
}
