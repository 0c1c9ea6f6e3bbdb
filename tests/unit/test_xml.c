/* The exchange XML: for every example document and test input that parses,
 *   source -> XML1 (valid against schema/jixiao-1.xsd) -> import -> source2
 *   -> XML2 (valid) gives XML2 == XML1 byte for byte;
 * the imported tree equals the source's own tree once normalised the way
 * doc/xml-format.md ("Round trip") says (no trivia, imports expanded, header
 * and definitions in schema order, project fields in schema order);
 * the imported tree reads back unchanged from the source import prints;
 * the checker finds the same in the imported source as in the original
 * (allowances travel; only locations differ);
 * building twice gives identical bytes (no timestamps). The checker is not
 * run here, so inputs with checker errors round-trip too.
 *
 * The schema's own examples are checked too: the valid one validates and
 * imports, every invalid-*.xml fails validation. */
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
/* The checker's header; "check.h" alone is this folder's assertions. */
#include "../../compiler/check.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"
#include "dump.h"
#include "format.h"
#include "library.h"
#include "parse.h"
#include "xml_read.h"
#include "xml_write.h"

static const char *xsd;

/* The bytes libxml2 writes for xml once it has read it (indentation
 * between elements dropped, so its own indenting shows): what jxc writes
 * must be exactly that. */
static char *libxml2_rewrite(const char *xml, size_t len, size_t *out_len) {
  xmlDocPtr doc = xmlReadMemory(xml, (int)len, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR);
  if (!doc) return NULL;
  xmlChar *buf = NULL;
  int n = 0;
  xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 1);
  xmlFreeDoc(doc);
  char *out = malloc((size_t)n + 1);
  if (!out) abort();
  memcpy(out, buf, (size_t)n);
  out[n] = '\0';
  xmlFree(buf);
  *out_len = (size_t)n;
  return out;
}

static char *build(jx_ctx *ctx, const jx_document *doc, size_t *len, const char *what) {
  char *text = jx_xml_text(ctx, doc, len);
  if (!text) {
    fprintf(stderr, "%s: cannot build XML\n", what);
    jx_diags_print(ctx, stderr);
    check_failures++;
    return NULL;
  }
  const char *why = NULL;
  if (!jx_xml_validate(ctx, text, *len, xsd, &why)) {
    fprintf(stderr, "%s: XML does not validate:\n%s\n", what, why);
    check_failures++;
  }
  /* jxc writes what libxml2 writes, byte for byte. */
  size_t ref_len = 0;
  char *ref = libxml2_rewrite(text, *len, &ref_len);
  if (!ref || ref_len != *len || memcmp(ref, text, ref_len)) {
    fprintf(stderr, "%s: the XML differs from libxml2's output for it\n", what);
    if (ref) {
      /* Show where: the first differing line. */
      size_t at = 0, from = 0;
      int line = 1;
      while (at < *len && at < ref_len && text[at] == ref[at])
        if (text[at++] == '\n') line++, from = at;
      fprintf(stderr, "  first difference on line %d:\n  jxc:    %.*s\n  libxml2: %.*s\n", line,
              (int)strcspn(text + from, "\n"), text + from, (int)strcspn(ref + from, "\n"),
              ref + from);
    }
    check_failures++;
  }
  free(ref);
  return text;
}

/* XML text -> imported file (through a temporary file, as jxc import reads). */
static jx_file *import(jx_ctx *ctx, const char *xml, size_t len, const char *what) {
  char path[] = "/tmp/jx-test-xml-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, xml, len) != (ssize_t)len) abort();
  close(fd);
  const char *why = NULL;
  int errors = ctx->nerrors, warnings = ctx->nwarnings;
  jx_file *f = jx_xml_import(ctx, ctx->arena, path, xsd, &why);
  unlink(path);
  if (!f || ctx->nerrors != errors || ctx->nwarnings != warnings) {
    fprintf(stderr, "%s: import failed or warned%s%s\n", what, why ? ": " : "", why ? why : "");
    jx_diags_print(ctx, stderr);
    check_failures++;
  }
  return f;
}

/* --- normalising a tree to what the XML carries --------------------------- */

static void clear_trivia(jx_node *n, void *data) {
  (void)data;
  n->trivia = NULL;
  n->blank_before = false;
  jx_node_children(n, clear_trivia, NULL);
}

/* Top-level items in the order of DOC_HEAD, DEFINITIONS, ALLOW, DEPT_PERF;
 * budget units, 类别 lines and projects keep their order, last. */
static int item_rank(jx_node_kind k) {
  static const jx_node_kind order[] = {
      JX_NODE_DEPARTMENT,      JX_NODE_REGION,          JX_NODE_YEAR,
      JX_NODE_MONEY_UNIT,      JX_NODE_COMPILED_BY,     JX_NODE_REVIEWED_BY,
      JX_NODE_FRAMEWORK,       JX_NODE_DIMENSION,       JX_NODE_UNIT_DEF,
      JX_NODE_FRAMEWORK_DEF,   JX_NODE_LOWER_IS_BETTER, JX_NODE_RATIO_NAMES,
      JX_NODE_NOT_RATIO_NAMES, JX_NODE_SOURCE_DEF,      JX_NODE_ALLOW,
      JX_NODE_OVERALL_TARGET,  JX_NODE_SUB_TARGET,      JX_NODE_SAFEGUARD};
  for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
    if (order[i] == k) return (int)i;
  return 100;
}

/* A project's fields in the order of the schema's Project type. */
static int field_rank(jx_node_kind k) {
  static const jx_node_kind order[] = {
      JX_NODE_CATEGORY,     JX_NODE_PROJECT_TYPE,  JX_NODE_PARENT_PROJECT,
      JX_NODE_PERIOD,       JX_NODE_SUPERVISOR,    JX_NODE_IMPLEMENTER,
      JX_NODE_OVERSIGHT,    JX_NODE_CONTACT,       JX_NODE_FUNDS_NATURE,
      JX_NODE_TOTAL_FUNDS,  JX_NODE_BUDGET,        JX_NODE_MEDIUM_BUDGET,
      JX_NODE_PURPOSE,      JX_NODE_OVERVIEW,      JX_NODE_LEGAL_BASIS,
      JX_NODE_PLAN,         JX_NODE_SCHEDULE,      JX_NODE_TARGET,
      JX_NODE_MEDIUM_TARGET, JX_NODE_GROUP,        JX_NODE_NOTES,
      JX_NODE_LABELLED,     JX_NODE_ALLOW};
  for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
    if (order[i] == k) return (int)i;
  return 100;
}

typedef struct ranked {
  jx_node *node;
  int rank;
  size_t index;
} ranked;

static int by_rank(const void *a, const void *b) {
  const ranked *x = a, *y = b;
  if (x->rank != y->rank) return x->rank < y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Stable sort of a list of nodes by rank. */
static void sort_nodes(jx_list *l, int (*rank)(jx_node_kind)) {
  if (!l->len) return;
  ranked *r = malloc(l->len * sizeof *r);
  if (!r) abort();
  for (size_t i = 0; i < l->len; i++) {
    jx_node *n = l->items[i];
    r[i] = (ranked){n, rank(n->kind), i};
  }
  qsort(r, l->len, sizeof *r, by_rank);
  for (size_t i = 0; i < l->len; i++) l->items[i] = r[i].node;
  free(r);
}

static void collect_item(jx_node *item, const jx_file *file, void *data) {
  (void)file;
  void **args = data;
  jx_list_push(args[0], args[1], item);
}

/* The document as one file holding what the XML carries. */
static jx_file *normalised(jx_ctx *ctx, const jx_document *doc) {
  jx_file *f = jx_arena_alloc(ctx->arena, sizeof *f);
  void *args[2] = {ctx->arena, &f->items};
  jx_document_items(doc, collect_item, args);
  sort_nodes(&f->items, item_rank);
  for (size_t i = 0; i < f->items.len; i++) {
    jx_node *n = f->items.items[i];
    if (n->kind == JX_NODE_PROJECT) sort_nodes(&((jx_project *)n)->fields, field_rank);
    clear_trivia(n, NULL);
  }
  return f;
}

static jx_file *without_trivia(jx_file *f) {
  for (size_t i = 0; i < f->items.len; i++) clear_trivia(f->items.items[i], NULL);
  f->dangling = (jx_list){0};
  return f;
}

static void same_tree(jx_ctx *ctx, jx_file *a, jx_file *b, const char *what, const char *path) {
  char *da = jx_dump_file_text(ctx, a, false), *db = jx_dump_file_text(ctx, b, false);
  if (strcmp(da, db)) {
    fprintf(stderr, "%s: %s\n", path, what);
    /* Show where: the first differing line of the two dumps. */
    const char *x = da, *y = db;
    int line = 1;
    while (*x && *x == *y) line += *x++ == '\n', y++;
    fprintf(stderr, "  first difference on dump line %d:\n  %.120s\n  %.120s\n", line,
            x - 40 > da ? x - 40 : da, y - 40 > db ? y - 40 : db);
    check_failures++;
  }
  free(da);
  free(db);
}

/* --- checking the same ------------------------------------------------------ */

static int compare_text(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What the checker finds in a document, without locations: one line per
 * finding (severity, code, message), sorted. source is jixiao text when
 * given, else path is loaded. */
static char *findings(const char *path, const char *source, size_t len) {
  jx_ctx *ctx = jx_ctx_new();
  jx_library lib;
  const char *why = NULL, *dir = jx_stdlib_dir(ctx);
  if (!dir || !jx_library_load(ctx, dir, &lib, &why) || ctx->nerrors) abort();
  int from = (int)ctx->diags.len;
  jx_document *doc;
  if (source) {
    doc = jx_arena_alloc(ctx->arena, sizeof *doc);
    jx_file *f = jx_parse(ctx, jx_source_add(ctx, "imported.jx", source, len));
    jx_list_push(ctx->arena, &doc->files, f);
    jx_list_push(ctx->arena, &doc->roots, f);
  } else {
    doc = jx_document_load(ctx, path, &why);
  }
  if (!doc) abort();
  jx_check(ctx, doc, &lib);
  size_t n = ctx->diags.len - (size_t)from;
  const char **lines = malloc((n ? n : 1) * sizeof *lines);
  if (!lines) abort();
  for (size_t i = 0; i < n; i++) {
    const jx_diag *d = ctx->diags.items[(size_t)from + i];
    lines[i] = jx_arena_printf(ctx->arena, "%s[%s] %s\n",
                               d->sev == JX_SEV_ERROR ? "error" : "warning", d->code, d->msg);
  }
  qsort(lines, n, sizeof *lines, compare_text);
  char *text = NULL;
  size_t text_len = 0;
  FILE *out = open_memstream(&text, &text_len);
  for (size_t i = 0; i < n; i++) fputs(lines[i], out);
  fclose(out);
  free(lines);
  jx_ctx_free(ctx);
  return text;
}

/* --- the round trip -------------------------------------------------------- */

static int documents;

static void roundtrip(const char *path) {
  documents++;
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  if (!doc || ctx->nerrors) {
    fprintf(stderr, "%s: does not parse\n", path);
    jx_diags_print(ctx, stderr);
    check_failures++;
    jx_ctx_free(ctx);
    return;
  }
  size_t len1, len1b, len2;
  char *xml1 = build(ctx, doc, &len1, path);
  char *xml1b = build(ctx, doc, &len1b, path);
  if (xml1 && xml1b && (len1 != len1b || memcmp(xml1, xml1b, len1))) {
    fprintf(stderr, "%s: two builds differ\n", path);
    check_failures++;
  }
  jx_file *imported = xml1 ? import(ctx, xml1, len1, path) : NULL;
  if (imported) {
    char *src2 = NULL;
    size_t src2_len = 0;
    FILE *out = open_memstream(&src2, &src2_len);
    CHECK(jx_format_file(ctx, imported, out));
    fclose(out);
    int before = ctx->nerrors;
    jx_file *reparsed = jx_parse(ctx, jx_source_add(ctx, "imported.jx", src2, src2_len));
    CHECK_INT(ctx->nerrors, before);
    jx_document doc2 = {0};
    jx_list_push(ctx->arena, &doc2.files, reparsed);
    jx_list_push(ctx->arena, &doc2.roots, reparsed);
    char *xml2 = build(ctx, &doc2, &len2, path);
    if (xml2 && (len1 != len2 || memcmp(xml1, xml2, len1))) {
      fprintf(stderr, "%s: XML changes on the way through import\n", path);
      check_failures++;
    }
    jx_file *imported2 = xml2 ? import(ctx, xml2, len2, path) : NULL;
    if (imported2) {
      same_tree(ctx, imported, imported2, "the imported trees differ", path);
      same_tree(ctx, without_trivia(imported), without_trivia(reparsed),
                "the imported tree does not read back from its source", path);
      same_tree(ctx, normalised(ctx, doc), imported,
                "the imported tree differs from the source's tree", path);
      /* Allowances travel, so the imported document checks like its source. */
      char *before_check = findings(path, NULL, 0), *after_check = findings(NULL, src2, src2_len);
      if (strcmp(before_check, after_check)) {
        fprintf(stderr, "%s: the imported source checks differently:\n--- source\n%s"
                        "--- imported\n%s", path, before_check, after_check);
        check_failures++;
      }
      free(before_check);
      free(after_check);
    }
    free(xml2);
    free(src2);
  }
  free(xml1);
  free(xml1b);
  jx_ctx_free(ctx);
}

/* Every document under examples/: each folder with a main.jx, each .jx file
 * at the top. */
static int each_example(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096], main_jx[4200];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    snprintf(main_jx, sizeof main_jx, "%s/main.jx", path);
    size_t l = strlen(e->d_name);
    struct stat st;
    if (stat(main_jx, &st) == 0 || (l > 3 && !strcmp(e->d_name + l - 3, ".jx"))) {
      roundtrip(path);
      n++;
    }
  }
  closedir(d);
  return n;
}

/* --- specific constructs ----------------------------------------------------- */

static char *file_xml(const char *path, size_t *len) {
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  char *xml = doc && !ctx->nerrors ? build(ctx, doc, len, path) : NULL;
  jx_ctx_free(ctx);
  if (!xml) {
    fprintf(stderr, "%s: no XML\n", path);
    check_failures++;
  }
  return xml;
}

#define CHECK_HAS(text, part) CHECK(strstr(text, part) != NULL)
#define CHECK_LACKS(text, part) CHECK(strstr(text, part) == NULL)

/* Absence is marked by leaving an element out, never by a made-up value. */
static void all_constructs(const char *tests) {
  char path[4096];
  size_t len;
  snprintf(path, sizeof path, "%s/xml/all-constructs.jx", tests);
  char *x = file_xml(path, &len);
  if (!x) return;
  CHECK_LACKS(x, "<PRO_CODE");
  CHECK_LACKS(x, "<AGENCY_CODE");
  CHECK_HAS(x, "<FUND_SRC_KIND>other</FUND_SRC_KIND>\n"
               "            <FUND_SRC_NAME>其他资金</FUND_SRC_NAME>\n"
               "          </FUND_SRC>");
  CHECK_HAS(x, "<SECTION>\n      <SECTION_NAME>其他运转类</SECTION_NAME>\n"
               "      <SECTION_TOTAL>1800000.00</SECTION_TOTAL>\n      <PROJECT>");
  CHECK_HAS(x, "<KPI_ORDINAL>指标1:</KPI_ORDINAL>\n            <KPI_NAME>维修面积</KPI_NAME>");
  CHECK_HAS(x, "<KPI_VAL>10</KPI_VAL>\n            <KPI_DISPLAY>10</KPI_DISPLAY>");
  CHECK_HAS(x, "<KPI_PLACEHOLDER>**</KPI_PLACEHOLDER>");
  CHECK_HAS(x, "<KPI_WORDING> 到位</KPI_WORDING>\n"
               "            <KPI_DISPLAY>12月底前 100% 到位</KPI_DISPLAY>");
  CHECK_HAS(x, "<KPI_LV2>经济效益指标</KPI_LV2>\n            <KPI_BLANK/>\n"
               "            <KPI_DISPLAY/>");
  CHECK_HAS(x, "<KPI_GROUP flat=\"true\">\n          <KPI_LV1>绩效指标</KPI_LV1>\n"
               "          <KPI>\n            <KPI_NAME>培训人次</KPI_NAME>");
  CHECK_HAS(x, "<ALLOW>\n    <ALLOW_CODE>J170</ALLOW_CODE>\n"
               "    <ALLOW_REASON>原表如此</ALLOW_REASON>\n  </ALLOW>");
  CHECK_HAS(x, "<ALLOW_CODE>J132</ALLOW_CODE>");
  CHECK_HAS(x, "<ALLOW_CODE>J141</ALLOW_CODE>");
  free(x);
}

/* The writer refuses the one-file document text (which reads without
 * errors) with one error, code, on line 2, whose message contains says. */
static void refused(const char *text, const char *code, const char *says) {
  jx_ctx *ctx = jx_ctx_new();
  jx_file *f = jx_parse(ctx, jx_source_add(ctx, "refused.jx", text, strlen(text)));
  CHECK_INT(ctx->nerrors, 0);
  jx_document doc = {0};
  jx_list_push(ctx->arena, &doc.files, f);
  jx_list_push(ctx->arena, &doc.roots, f);
  size_t len = 0;
  char *x = jx_xml_text(ctx, &doc, &len);
  CHECK(x == NULL);
  free(x);
  CHECK_INT(ctx->nerrors, 1);
  const jx_diag *d = ctx->diags.len ? ctx->diags.items[ctx->diags.len - 1] : NULL;
  CHECK(d && !strcmp(d->code, code) && d->loc.first_line == 2 && strstr(d->msg, says));
  jx_ctx_free(ctx);
}

/* A 类别 line before any 单位 of its file has no AGENCY to stand in: the
 * build refuses it (J302) rather than dropping it. */
static void section_before_unit(void) {
  refused("年度 2025\n类别 \"其他运转类\" 合计 0\n单位 \"某县第一中学\"\n", "J302", "类别");
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  do {
    if (n == cap) {
      cap = cap ? 2 * cap : 1 << 16;
      buf = realloc(buf, cap);
      if (!buf) abort();
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got);
  fclose(f);
  *len = n;
  return buf;
}

/* U+FFFE and U+FFFF are valid UTF-8 but not XML characters: the build
 * refuses them (J301) like a control character, where it used to write a
 * file that no XML reader accepts. */
static void noncharacter(void) {
  refused("年度 2025\n单位 \"某\xef\xbf\xbe县\" 合计 0\n", "J301", "U+FFFE");
}

/* Validation streams the text through libxml2's parser: what is not
 * well-formed is reported in the messages, never on stderr, and so is what
 * the schema refuses, each with its line. */
static void validation_messages(void) {
  jx_ctx *ctx = jx_ctx_new();
  static const char broken[] = "<?xml version=\"1.0\"?>\n<PERF_TARGET_DOC xmlns=\""
                               JX_XML_NAMESPACE "\" version=\"1\">\n<DOC_HEAD>\n";
  const char *why = NULL;
  CHECK(!jx_xml_validate(ctx, broken, sizeof broken - 1, xsd, &why));
  CHECK(why && strstr(why, "line ") == why);
  static const char invalid[] = "<?xml version=\"1.0\"?>\n<PERF_TARGET_DOC xmlns=\""
                                JX_XML_NAMESPACE "\" version=\"1\">\n  <DOC_HEAD>\n"
                                "    <DEPT_NAME>x</DEPT_NAME>\n  </DOC_HEAD>\n</PERF_TARGET_DOC>\n";
  why = NULL;
  CHECK(!jx_xml_validate(ctx, invalid, sizeof invalid - 1, xsd, &why));
  CHECK(why && strstr(why, "line 4: Element '{urn:jixiao:exchange:1}DEPT_NAME'"));
  /* The same text fed in pieces of any size, to one parsed schema. */
  jx_xml_schema *schema = jx_xml_schema_load(ctx, xsd, &why);
  CHECK(schema != NULL);
  for (size_t step = 1; schema && step < 8; step++) {
    jx_xml_validation *v = jx_xml_validation_start(ctx, schema);
    for (size_t at = 0; at < sizeof invalid - 1; at += step)
      jx_xml_validation_feed(v, invalid + at, at + step < sizeof invalid - 1 ? step : sizeof invalid - 1 - at);
    why = NULL;
    CHECK(!jx_xml_validation_finish(v, &why));
    CHECK(why && strstr(why, "line 4: Element '{urn:jixiao:exchange:1}DEPT_NAME'"));
  }
  jx_xml_schema_free(schema);
  jx_ctx_free(ctx);
}

/* --- reading as a stream ------------------------------------------------------
 * jxc import reads the XML as a stream of events, not as a DOM (see the top
 * of compiler/xml_read.c); these are the places where a stream could read
 * differently. The goldens in tests/import cover lines of schema errors
 * found at end tags, comments, CDATA and processing instructions, and
 * attributes holding '>'. */

/* Imports head, padding blank lines, then tail (through a file, as jxc
 * import reads); *f receives the file, NULL when refused. */
static jx_ctx *import_padded(const char *head, size_t padding, const char *tail, jx_file **f) {
  size_t hl = strlen(head), tl = strlen(tail), len = hl + padding + tl;
  char *xml = malloc(len);
  if (!xml) abort();
  memcpy(xml, head, hl);
  memset(xml + hl, '\n', padding);
  memcpy(xml + hl + padding, tail, tl);
  char path[] = "/tmp/jx-test-xml-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, xml, len) != (ssize_t)len) abort();
  close(fd);
  free(xml);
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  *f = jx_xml_import(ctx, ctx->arena, path, xsd, &why);
  unlink(path);
  CHECK(why == NULL);
  return ctx;
}

/* Diagnostic i has code, line and message. */
static void check_diag(const jx_ctx *ctx, size_t i, const char *code, int line, const char *msg) {
  if (i >= ctx->diags.len) {
    fprintf(stderr, "diagnostic %zu (%s at line %d) is missing\n", i, code, line);
    check_failures++;
    return;
  }
  const jx_diag *d = ctx->diags.items[i];
  CHECK_STR(d->code, code);
  CHECK_INT(d->loc.first_line, line);
  CHECK_STR(d->msg, msg);
}

static const jx_node *first_of(const jx_file *f, jx_node_kind kind) {
  for (size_t i = 0; f && i < f->items.len; i++) {
    const jx_node *n = f->items.items[i];
    if (n->kind == kind) return n;
  }
  return NULL;
}

/* An element's line is where its start tag ends, as in a DOM, but also
 * past line 65535, where a DOM (16 bits) says 65535: the lines of J310,
 * J311 (found at a start tag, in a value, or at an end tag), J312, J313
 * and of the tree's own nodes. */
static void lines_past_65535(void) {
  static const char head[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<PERF_TARGET_DOC xmlns=\"urn:jixiao:exchange:1\" version=\"1\">\n"
      "  <DOC_HEAD>\n    <FISCAL_YEAR>2025</FISCAL_YEAR>\n  </DOC_HEAD>\n";
  /* From line 6 + padding (first) on. */
  static const char kpi[] =
      "  <AGENCY>\n"                                   /* first */
      "    <AGENCY_NAME>某单位</AGENCY_NAME>\n"
      "    <PROJECT>\n"                                /* first + 2 */
      "      <PRO_NAME>某项目</PRO_NAME>\n"
      "      <KPI_GROUP>\n"                            /* first + 4 */
      "        <KPI_LV1>产出指标</KPI_LV1>\n"
      "        <KPI>\n"                                /* first + 6 */
      "          <KPI_LV2>数量指标</KPI_LV2>\n"
      "          <KPI_NAME>%s</KPI_NAME>\n"            /* first + 8 */
      "          <KPI_SIGN>≥</KPI_SIGN>\n"
      "          <KPI_VAL>7000</KPI_VAL>\n"
      "          <KPI_UNIT>次</KPI_UNIT>\n"
      "          <KPI_DISPLAY>%s</KPI_DISPLAY>\n"      /* first + 12 */
      "        </KPI>\n      </KPI_GROUP>\n    </PROJECT>\n  </AGENCY>\n"
      "</PERF_TARGET_DOC>\n";
  static const char schema[] =
      "  <AGENCY>\n"                                   /* first */
      "    <AGENCY_CODE>1</AGENCY_CODE>\n"
      "  </AGENCY>\n"                                  /* missing AGENCY_NAME */
      "  <AGENCY\n    >\n"                             /* first + 4 */
      "    <AGENCY_NAME>某单位</AGENCY_NAME>\n"
      "    <AGENCY_TOTAL>十万</AGENCY_TOTAL>\n"        /* first + 6 */
      "    <BOGUS/>\n"                                 /* first + 7 */
      "  </AGENCY>\n"
      "</PERF_TARGET_DOC>\n";
  static const char broken[] =
      "  <AGENCY>\n    <AGENCY_NAME>某单位</AGENCY_NAME>\n  </AGENCY_NAME>\n"
      "</PERF_TARGET_DOC>\n";
  static const size_t paddings[] = {0, 70000};
  for (size_t i = 0; i < sizeof paddings / sizeof *paddings; i++) {
    int first = 6 + (int)paddings[i];
    char tail[2048];
    jx_file *f;
    snprintf(tail, sizeof tail, kpi, "指标1:维修面积", "≥7000次");
    jx_ctx *ctx = import_padded(head, paddings[i], tail, &f);
    CHECK(f == NULL);
    CHECK_INT(ctx->diags.len, 1);
    check_diag(ctx, 0, "J312", first + 8,
               "The name \"指标1:维修面积\" begins with an ordinal (指标N:), which jixiao "
               "source would split off; put the ordinal in KPI_ORDINAL before KPI_NAME.");
    jx_ctx_free(ctx);

    snprintf(tail, sizeof tail, kpi, "维修面积", "7000次");
    ctx = import_padded(head, paddings[i], tail, &f);
    CHECK(f != NULL);
    CHECK_INT(ctx->diags.len, 1);
    check_diag(ctx, 0, "J313", first + 12,
               "KPI_DISPLAY says \"7000次\", but the value's fields read \"≥7000次\"; "
               "the fields are used.");
    const jx_node *agency = first_of(f, JX_NODE_AGENCY);
    const jx_project *project = (const jx_project *)first_of(f, JX_NODE_PROJECT);
    CHECK(agency && agency->loc.first_line == first);
    CHECK(project && project->base.loc.first_line == first + 2);
    const jx_group *group = project && project->fields.len ? project->fields.items[0] : NULL;
    CHECK(group && group->base.kind == JX_NODE_GROUP && group->base.loc.first_line == first + 4);
    const jx_row *row = group && group->rows.len ? group->rows.items[0] : NULL;
    CHECK(row && row->base.loc.first_line == first + 6);
    CHECK(row && row->name.loc.first_line == first + 8);
    jx_ctx_free(ctx);

    ctx = import_padded(head, paddings[i], schema, &f);
    CHECK(f == NULL);
    CHECK_INT(ctx->diags.len, 3);
    check_diag(ctx, 0, "J311", first,
               "This document does not follow the jixiao exchange format: Element "
               "'{urn:jixiao:exchange:1}AGENCY': Missing child element(s). Expected is "
               "( {urn:jixiao:exchange:1}AGENCY_NAME ).");
    check_diag(ctx, 1, "J311", first + 6,
               "This document does not follow the jixiao exchange format: Element "
               "'{urn:jixiao:exchange:1}AGENCY_TOTAL': [facet 'pattern'] The value '十万' "
               "is not accepted by the pattern '-?[0-9]+(\\.[0-9]+)?'.");
    check_diag(ctx, 2, "J311", first + 7,
               "This document does not follow the jixiao exchange format: Element "
               "'{urn:jixiao:exchange:1}BOGUS': This element is not expected. Expected is "
               "one of ( {urn:jixiao:exchange:1}PROJECT, {urn:jixiao:exchange:1}SECTION ).");
    jx_ctx_free(ctx);

    ctx = import_padded(head, paddings[i], broken, &f);
    CHECK(f == NULL);
    CHECK_INT(ctx->diags.len, 1);
    char msg[256];
    snprintf(msg, sizeof msg, "This file is not well-formed XML: Opening and ending tag "
                              "mismatch: AGENCY line %d and AGENCY_NAME", first);
    check_diag(ctx, 0, "J310", first + 2, msg);
    jx_ctx_free(ctx);
  }
}

/* The XML with a comment and a processing instruction after every tag that
 * ends a line, an attribute holding '>' on the root, and the second half of
 * each element's text (without references) in a CDATA section. */
static char *decorated(const char *xml) {
  size_t len = strlen(xml), cap = 4 * len + 256, n = 0;
  char *out = malloc(cap);
  if (!out) abort();
  const char *root = strstr(xml, "<PERF_TARGET_DOC ");
  for (const char *p = xml; *p;) {
    if (n + 256 > cap) abort();
    if (p == root) {
      static const char attr[] = "<PERF_TARGET_DOC xmlns:note=\"urn:example:a>b\" ";
      memcpy(out + n, attr, sizeof attr - 1);
      n += sizeof attr - 1;
      p += strlen("<PERF_TARGET_DOC ");
      continue;
    }
    if (p[0] == '>' && p[1] == '\n') {
      static const char more[] = "><!-- 注释 --><?jixiao pi?>";
      memcpy(out + n, more, sizeof more - 1);
      n += sizeof more - 1;
      p++;
      continue;
    }
    if (p[0] == '>' && p[1] != '<') {
      /* The text of an element up to its end tag. */
      const char *end = strchr(p + 1, '<');
      size_t tl = end ? (size_t)(end - p - 1) : 0;
      if (end && end[1] == '/' && tl >= 2 && !memchr(p + 1, '&', tl) &&
          !memchr(p + 1, '\n', tl)) {
        size_t half = tl / 2;
        while (half < tl && ((unsigned char)p[1 + half] & 0xC0) == 0x80) half++;
        n += (size_t)sprintf(out + n, ">%.*s<![CDATA[%.*s]]>", (int)half, p + 1,
                             (int)(tl - half), p + 1 + half);
        p = end;
        continue;
      }
    }
    out[n++] = *p++;
  }
  out[n] = '\0';
  return out;
}

/* jxc import's source for the XML text, or NULL (diagnostics printed). */
static char *imported_source(const char *xml, const char *what) {
  jx_ctx *ctx = jx_ctx_new();
  jx_file *f = import(ctx, xml, strlen(xml), what);
  char *text = NULL;
  size_t len = 0;
  if (f) {
    FILE *mem = open_memstream(&text, &len);
    if (!mem || !jx_format_file(ctx, f, mem)) check_failures++;
    if (mem) fclose(mem);
  }
  jx_ctx_free(ctx);
  return text;
}

/* Comments, processing instructions and CDATA sections everywhere, and an
 * attribute holding '>', change nothing that is imported. */
static void decorations_change_nothing(const char *schema_dir) {
  static const char *const names[] = {"all-constructs.xml", "chengde-first-project.xml"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/%s", schema_dir, names[i]);
    size_t len;
    char *raw = read_file(path, &len), *xml = raw ? malloc(len + 1) : NULL;
    CHECK(xml != NULL);
    if (!xml) {
      free(raw);
      continue;
    }
    memcpy(xml, raw, len);
    xml[len] = '\0';
    free(raw);
    char *more = decorated(xml);
    CHECK(strstr(more, "<![CDATA[") && strstr(more, "<!-- 注释 -->"));
    char *plain = imported_source(xml, path), *same = imported_source(more, path);
    CHECK(plain && same && strlen(plain) > 1000);
    if (plain && same && strcmp(plain, same)) {
      fprintf(stderr, "%s: imports differently once decorated\n", path);
      check_failures++;
    }
    free(plain);
    free(same);
    free(more);
    free(xml);
  }
}

/* schema/examples: the valid example validates and imports; each
 * invalid-*.xml is refused by the schema. */
static void schema_examples(const char *schema_dir) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/examples", schema_dir);
  DIR *d = opendir(dir);
  CHECK(d != NULL);
  if (!d) return;
  int valid = 0, invalid = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 4 || strcmp(e->d_name + l - 4, ".xml")) continue;
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    jx_ctx *ctx = jx_ctx_new();
    size_t len = 0;
    char *x = read_file(path, &len);
    const char *why = NULL;
    bool ok = x && jx_xml_validate(ctx, x, len, xsd, &why);
    if (!strncmp(e->d_name, "invalid-", 8)) {
      invalid++;
      if (ok) {
        fprintf(stderr, "%s: validates, but should not\n", path);
        check_failures++;
      }
    } else {
      valid++;
      if (!ok) {
        fprintf(stderr, "%s: does not validate:\n%s\n", path, why ? why : "");
        check_failures++;
      } else if (!jx_xml_import(ctx, ctx->arena, path, xsd, &why) || ctx->nerrors || ctx->nwarnings) {
        fprintf(stderr, "%s: does not import cleanly\n", path);
        jx_diags_print(ctx, stderr);
        check_failures++;
      }
    }
    free(x);
    jx_ctx_free(ctx);
  }
  closedir(d);
  CHECK(valid >= 1);
  CHECK(invalid >= 4);
}

int main(void) {
  const char *schema = getenv("JIXIAO_SCHEMA");
  char buf[4096];
  snprintf(buf, sizeof buf, "%s/jixiao-1.xsd", schema ? schema : "schema");
  xsd = buf;
  const char *examples = getenv("EXAMPLES"), *tests = getenv("TESTS_SRCDIR");
  if (!examples) examples = "examples";
  if (!tests) tests = "tests";
  CHECK(each_example(examples) >= 1);
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/xml", tests);
  CHECK(each_jx_file(dir, "", roundtrip) >= 2);
  snprintf(dir, sizeof dir, "%s/golden-dump", tests);
  CHECK_INT(each_jx_file(dir, "", roundtrip), 2);
  snprintf(dir, sizeof dir, "%s/parse", tests);
  CHECK(each_jx_file(dir, "-valid-", roundtrip) >= 10);
  snprintf(dir, sizeof dir, "%s/check", tests);
  CHECK(each_jx_file(dir, "-pass", roundtrip) >= 40);
  all_constructs(tests);
  section_before_unit();
  noncharacter();
  validation_messages();
  schema_examples(schema ? schema : "schema");
  lines_past_65535();
  decorations_change_nothing(schema ? schema : "schema");
  fprintf(stderr, "%d documents round-trip\n", documents);
  return CHECK_DONE();
}
