/* Checking a document as it is read, one file's tree at a time
 * (jx_check_path, jxc check), finds exactly what checking it whole finds
 * (jx_document_load, jx_check): the same diagnostics, messages, notes and
 * hints, in the same order, after the same allowances, on one thread and
 * with files read ahead. The cases are those where reading one file at a
 * time could go wrong: what crosses files (codes, names and totals of
 * units split over files, part one naming rows of other files, allowances
 * of one file covering another), the document order of imports, a
 * document whose definitions are not in its root (read whole instead), and
 * syntax errors in a later file (no rule runs). */
/* Paths here are short; a truncated one would only fail a lookup. */
#pragma GCC diagnostic ignored "-Wformat-truncation"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
/* The checker's header; "check.h" alone is this folder's assertions. */
#include "../../compiler/check.h"
#include "diag.h"
#include "document.h"
#include "library.h"
#include "xml_write.h"

/* Every diagnostic from the first on, with everything it says, one a line
 * (malloc'd). */
static char *diag_text_from(const jx_ctx *ctx, size_t first) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  for (size_t i = first; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    fprintf(out, "%d %s %s:%d:%d-%d:%d %s", (int)d->sev, d->code,
            d->loc.file >= 0 ? jx_ctx_source(ctx, d->loc.file)->path : "-",
            d->loc.first_line, d->loc.first_column, d->loc.last_line, d->loc.last_column,
            d->msg);
    if (d->hint) fprintf(out, " | hint: %s", d->hint);
    for (size_t k = 0; k < d->notes.len; k++) {
      const jx_diag_note *n = d->notes.items[k];
      fprintf(out, " | note %d:%d:%d %s", n->loc.file, n->loc.first_line,
              n->loc.first_column, n->msg);
    }
    fputc('\n', out);
  }
  fclose(out);
  return buf;
}

static char *diag_text(const jx_ctx *ctx) { return diag_text_from(ctx, 0); }

typedef struct result {
  char *text;       /* diag_text after the filter */
  char *printed;    /* what jxc prints of them, excerpts and all */
  size_t arena;     /* the ctx's arena used, before printing */
} result;

/* The findings as jxc check prints them, after reading again the files
 * whose texts were released (malloc'd). */
static char *printed(jx_ctx *ctx) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  jx_sources_restore(ctx);
  jx_diags_print(ctx, out);
  fclose(out);
  return buf;
}

static void load_lib(jx_ctx *ctx, jx_library *lib) {
  const char *dir = getenv("JIXIAO_STDLIB");
  const char *why = NULL;
  CHECK(dir && jx_library_load(ctx, dir ? dir : "stdlib", lib, &why) && !ctx->nerrors);
}

/* Checks path whole (jx_document_load, jx_check) or as jxc check does
 * (jx_check_path, releasing the texts of files checked with release), then
 * filters: its findings and the arena it took. */
static result check(const char *path, bool whole, bool threads, bool release) {
  jx_ctx *ctx = jx_ctx_new();
  ctx->single_thread = !threads;
  ctx->release_sources = release;
  jx_library lib;
  load_lib(ctx, &lib);
  const char *why = NULL;
  jx_allowances *a = jx_allowances_new();
  if (whole) {
    jx_document *doc = jx_document_load(ctx, path, &why);
    CHECK(doc != NULL);
    if (doc) {
      jx_allowances_add_document(a, ctx, doc);
      if (!ctx->nerrors) jx_check(ctx, doc, &lib);
    }
  } else {
    CHECK(jx_check_path(ctx, &lib, a, path, &why));
  }
  /* The counts agree with the findings before the filter recounts them
   * (jx_check_path drops the rules' findings of a document that does not
   * read cleanly, and their counts with them). */
  int errors = 0, warnings = 0;
  for (size_t i = 0; i < ctx->diags.len; i++)
    if (((const jx_diag *)ctx->diags.items[i])->sev == JX_SEV_ERROR)
      errors++;
    else
      warnings++;
  CHECK_INT(ctx->nerrors, errors);
  CHECK_INT(ctx->nwarnings, warnings);
  jx_check_options opt = {0};
  jx_check_filter_allowances(ctx, a, &opt);
  jx_allowances_free(a);
  result r = {diag_text(ctx), NULL, jx_arena_used(ctx->arena)};
  r.printed = printed(ctx);
  jx_ctx_free(ctx);
  return r;
}

static void result_free(result r) {
  free(r.text);
  free(r.printed);
}

/* Checks path the six ways; all must agree, in what they find and in what
 * is printed of it. Returns the findings of the whole reading on one
 * thread (malloc'd) and the arenas of the whole, streamed and released
 * checks (on one thread) in arenas[0..2] (unless NULL). */
static char *compare(const char *path, size_t arenas[3]) {
  result plain = check(path, true, false, false), ahead = check(path, true, true, false);
  result streamed = check(path, false, false, false);
  result streamed_ahead = check(path, false, true, false);
  result released = check(path, false, false, true);
  result released_ahead = check(path, false, true, true);
  const result *others[] = {&ahead, &streamed, &streamed_ahead, &released, &released_ahead};
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
    CHECK_STR(others[i]->text, plain.text);
    CHECK_STR(others[i]->printed, plain.printed);
  }
  if (check_failures) fprintf(stderr, "  (%s)\n", path);
  if (arenas) {
    arenas[0] = plain.arena;
    arenas[1] = streamed.arena;
    arenas[2] = released.arena;
  }
  for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) result_free(*others[i]);
  free(plain.printed);
  return plain.text;
}

typedef struct text {
  char *bytes;
  size_t len;
} text;

static void to_text(void *data, const char *bytes, size_t len) {
  text *t = data;
  t->bytes = realloc(t->bytes, t->len + len + 1);
  if (!t->bytes) abort();
  memcpy(t->bytes + t->len, bytes, len);
  t->len += len;
  t->bytes[t->len] = '\0';
}

/* The events a check one file at a time gives a writer that follows it
 * (jx_check_watch), recorded, then played back in order. */
typedef struct events {
  jx_xml_event items[512];
  size_t len, next;
  const jx_ctx *ctx;
} events;

static void record_file(const jx_file *file, void *data) {
  events *e = data;
  CHECK(e->len < 511);
  if (e->len < 511)
    e->items[e->len++] = (jx_xml_event){JX_XML_FILE, file->file, jx_ctx_source(e->ctx, file->file)};
}

static void record_import(void *data) {
  events *e = data;
  CHECK(e->len < 511);
  if (e->len < 511) e->items[e->len++] = (jx_xml_event){.kind = JX_XML_IMPORT_DONE};
}

static jx_xml_event play(void *data) {
  events *e = data;
  if (e->next < e->len) return e->items[e->next++];
  return (jx_xml_event){.kind = JX_XML_CANCEL};
}

/* The exchange XML of path written from the document read whole
 * (jx_xml_write) and by a writer following its check one file at a time
 * (jx_xml_write_following): the same text, or the same findings of the
 * writer (J301, J302). Returns whether it was written. */
static bool compare_xml(const char *path) {
  jx_ctx *a = jx_ctx_new(), *b = jx_ctx_new();
  a->single_thread = true;
  const char *why = NULL;
  jx_document *doc = jx_document_load(a, path, &why);
  CHECK(doc != NULL && !a->nerrors);
  text whole = {0}, streamed = {0};
  bool whole_ok = doc && jx_xml_write(a, doc, to_text, &whole);
  jx_library lib;
  load_lib(b, &lib);
  jx_allowances *allows = jx_allowances_new();
  events *e = calloc(1, sizeof *e);
  if (!e) abort();
  e->ctx = b;
  jx_check_watch watch = {record_file, record_import, true, e};
  bool must_read_whole = false;
  CHECK(jx_check_streamed(b, &lib, allows, path, &watch, &must_read_whole, &why));
  e->items[e->len++] = (jx_xml_event){.kind = JX_XML_END};
  size_t before = b->diags.len;
  bool cancelled = false;
  bool streamed_ok = jx_xml_write_following(b, play, e, to_text, &streamed, &cancelled);
  CHECK(!cancelled);
  CHECK_INT(e->next, e->len); /* every event taken, the END last */
  CHECK_INT(streamed_ok, whole_ok);
  if (whole_ok && streamed_ok) CHECK_STR(streamed.bytes ? streamed.bytes : "", whole.bytes ? whole.bytes : "");
  char *x = diag_text(a), *y = diag_text_from(b, before);
  CHECK_STR(y, x);
  if (check_failures) fprintf(stderr, "  (XML of %s)\n", path);
  free(x);
  free(y);
  free(e);
  free(whole.bytes);
  free(streamed.bytes);
  jx_allowances_free(allows);
  jx_ctx_free(a);
  jx_ctx_free(b);
  return whole_ok;
}

static char dir[] = "/tmp/jx-check-stream-XXXXXX";

static void write_file(const char *name, const char *text) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static void remove_file(const char *name) {
  char path[4200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  unlink(path);
}

#define TABLES                                                      \
  "  产出指标 { 数量指标 \"培训人次\" ≥ 100 人次 }\n"               \
  "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"           \
  "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n"

static const char *const across_files[][2] = {
    {"main.jx",
     "部门 130800 \"某市司法局\" 合计 100\n"
     "年度 2025\n"
     "金额单位 万元\n"
     "分项目标 \"戒毒管理工作\" {\n"
     "  目标 \"确保场所秩序稳定。\"\n"
     "  指标 \"安防设施项目验收合格率达 95%，安全事故发生率低于 0.01%。\"\n"
     "}\n"
     "允许 J191 \"空白的指标值按原表保留\"\n"
     "单位 324001 \"本级\" 合计 30\n"
     "项目 13080025P00010310003N \"热线\" {\n  预算 10\n" TABLES "}\n"
     "导入 \"u1.jx\"\n"
     /* After an import, still the root's 单位 324001. */
     "项目 13080025P00010310004N \"调解\" {\n  预算 5\n" TABLES "}\n"
     "导入 \"u2.jx\"\n"
     "导入 \"u1.jx\"\n"},
    {"u1.jx",
     "单位 324002 \"戒毒所\" 合计 20\n"
     "类别 \"一般\" 合计 5\n"
     /* The root's code again: J162, reported here. */
     "项目 13080025P00010310003N \"安防\" {\n  预算 4\n"
     "  产出指标 { 质量指标 \"验收合格率\" ≥ 98 百分比 }\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"
     "项目 \"安防\" {\n  预算 3\n" TABLES "}\n"
     "导入 \"u3.jx\"\n"},
    {"u2.jx",
     /* The root's unit again, its projects counted in its 合计. */
     "单位 324001 \"本级\"\n"
     "项目 \"验收\" {\n  预算 2\n"
     "  产出指标 { 质量指标 \"验收合格率\" ≥ 97% }\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"
     "项目 \"无单位的数\" {\n  预算 1\n"
     "  允许 J190 \"次数按惯例不写单位\"\n"
     "  产出指标 { 数量指标 \"培训次数\" ≥ 12 }\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"
     "项目 \"另一个\" {\n  预算 1\n"
     "  产出指标 { 数量指标 \"培训次数\" ≥ 12 }  # jxc: allow J190\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"
     "项目 \"第三个\" {\n  预算 1\n"
     "  产出指标 { 数量指标 \"培训次数\" ≥ 12 }\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"},
    {"u3.jx",
     /* 324002 under another name (J165), and a third 安防 (J163). */
     "单位 324002 \"另一个名字\"\n"
     "项目 \"安防\" {\n  预算 1\n" TABLES "}\n"
     "项目 \"空白\" {\n  预算 1\n"
     "  产出指标 { 数量指标 \"培训人次\" 空白 }\n"
     "  效益指标 { 社会效益指标 \"服务能力\" 较上年提升 }\n"
     "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"},
};

static void write_all(const char *const (*files)[2], size_t n) {
  for (size_t i = 0; i < n; i++) write_file(files[i][0], files[i][1]);
}

static void remove_all(const char *const (*files)[2], size_t n) {
  for (size_t i = 0; i < n; i++) remove_file(files[i][0]);
}

#define COUNT(a) (sizeof a / sizeof a[0])

int main(void) {
  CHECK(mkdtemp(dir) != NULL);
  const char *examples = getenv("EXAMPLES");
  char path[4096];
  snprintf(path, sizeof path, "%s/chengde-justice-2025", examples ? examples : "examples");
  free(compare(path, NULL));
  CHECK(compare_xml(path));

  /* What crosses files: every rule of the whole document has something to
   * say, and the allowances of one file cover findings of another. */
  write_all(across_files, COUNT(across_files));
  char *found = compare(dir, NULL);
  const char *const expected[] = {"J162", "J163", "J165", "J103", "J104", "J109", "J174",
                                  "J190"};
  for (size_t i = 0; i < COUNT(expected); i++)
    if (!strstr(found, expected[i])) {
      fprintf(stderr, "%s is not among the findings:\n%s", expected[i], found);
      check_failures++;
    }
  /* The allowance and the pragma of u2.jx accept two of its three J190;
   * the top-level allowance of main.jx accepts the J191 of u3.jx. */
  const char *j190 = strstr(found, "J190");
  CHECK(j190 && !strstr(j190 + 1, "J190"));
  CHECK(!strstr(found, "J191"));
  free(found);
  /* A file whose text was released and that changed before its lines were
   * printed: they are not shown, and the clerk is told why. */
  {
    jx_ctx *ctx = jx_ctx_new();
    ctx->release_sources = true;
    jx_library lib;
    load_lib(ctx, &lib);
    jx_allowances *a = jx_allowances_new();
    const char *why = NULL;
    CHECK(jx_check_path(ctx, &lib, a, dir, &why));
    jx_allowances_free(a);
    write_file("u3.jx", "# 改过了\n");
    char *shown = printed(ctx);
    CHECK(strstr(shown, "the file has changed since it was checked") != NULL);
    CHECK(strstr(shown, "| 单位 324002 \"另一个名字\"") == NULL); /* u3.jx's old line 1 */
    CHECK(strstr(shown, "| 单位 324001 \"本级\" 合计 30") != NULL); /* main.jx's */
    CHECK(strstr(shown, "| 项目 \"安防\" {") != NULL);               /* u1.jx's, read again */
    free(shown);
    jx_ctx_free(ctx);
    write_file("u3.jx", across_files[3][1]);
  }
  /* Written: a project after an import belongs to the root's unit, a unit
   * split over files is an AGENCY per 单位 line, in document order. */
  CHECK(compare_xml(dir));
  remove_all(across_files, COUNT(across_files));

  /* What only the writer finds, in an imported file parsed again: a
   * character XML cannot carry, a 类别 line before any 单位 line. */
  const char *const refused[][2] = {
      {"main.jx", "部门 \"某局\"\n年度 2025\n导入 \"a.jx\"\n导入 \"b.jx\"\n"},
      {"a.jx", "单位 \"甲\"\n项目 \"好\" {\n  预算 1\n" TABLES "}\n"},
      {"b.jx", "单位 \"某\357\277\276县\"\n项目 \"坏\" {\n  预算 1\n" TABLES "}\n"},
  };
  write_all(refused, COUNT(refused));
  CHECK(!compare_xml(dir));
  write_file("b.jx", "类别 \"无单位\"\n单位 \"乙\"\n");
  CHECK(!compare_xml(dir));
  remove_all(refused, COUNT(refused));

  /* A unit of measurement defined in an imported file, used by a project
   * in another: the document is read whole, and the unit is known. */
  const char *const definitions[][2] = {
      {"main.jx", "部门 \"某局\"\n年度 2025\n金额单位 万元\n导入 \"u.jx\"\n导入 \"defs.jx\"\n"},
      {"u.jx", "单位 \"甲\"\n项目 \"绿化\" {\n  预算 10\n"
               "  产出指标 { 数量指标 \"绿化面积\" ≥ 3 标准田 }\n"
               "  效益指标 { 社会效益指标 \"环境改善\" 较上年提升 }\n"
               "  满意度指标 { 服务对象满意度指标 \"群众满意度\" ≥ 90% }\n}\n"},
      {"defs.jx", "计量单位 标准田 = 10000 平方米\n"},
  };
  write_all(definitions, COUNT(definitions));
  found = compare(dir, NULL);
  CHECK(!strstr(found, "J130"));
  free(found);
  remove_all(definitions, COUNT(definitions));

  /* The budget year in an imported file: read whole too. */
  const char *const header[][2] = {
      {"main.jx", "部门 \"某局\"\n导入 \"year.jx\"\n导入 \"u.jx\"\n"},
      {"year.jx", "年度 2025\n"},
      {"u.jx", "单位 \"甲\"\n项目 13080026P00010310003N \"新\" {\n  预算 10\n" TABLES "}\n"},
  };
  write_all(header, COUNT(header));
  found = compare(dir, NULL);
  CHECK(strstr(found, "J161") && !strstr(found, "J151"));
  free(found);
  remove_all(header, COUNT(header));

  /* A syntax error in the last file: the rules do not run, also on the
   * files read before it. */
  const char *const broken[][2] = {
      {"main.jx", "部门 \"某局\"\n年度 2025\n导入 \"a.jx\"\n导入 \"b.jx\"\n"},
      {"a.jx", "单位 \"甲\"\n项目 \"无预算\" {\n" TABLES "}\n"},
      {"b.jx", "单位 \"乙\"\n项目 \"缺括号\" {\n  预算 10\n"},
  };
  write_all(broken, COUNT(broken));
  found = compare(dir, NULL);
  CHECK(!strstr(found, "J108") && strstr(found, " J0"));
  free(found);
  remove_all(broken, COUNT(broken));

  /* Forty units of thirty projects: checked one file at a time, the
   * ctx holds the sources and an outline, much less than the trees. */
  char mainbuf[4096] = "部门 \"某局\"\n年度 2025\n金额单位 万元\n";
  char *unit = malloc(1 << 16);
  size_t sources = 0;
  CHECK(unit != NULL);
  for (int i = 0; unit && i < 40; i++) {
    int len = snprintf(unit, 1 << 16, "单位 %d \"单位%d\"\n", 100000 + i, i);
    for (int p = 0; p < 30; p++)
      len += snprintf(unit + len, (1 << 16) - (size_t)len,
                      "项目 \"项目%d-%d\" {\n  预算 %d (财政资金 %d)\n  用途 \"用于项目%d的实施\"\n"
                      "%s}\n", i, p, p + 1, p + 1, p, TABLES);
    char name[64];
    snprintf(name, sizeof name, "u%02d.jx", i);
    write_file(name, unit);
    sources += (size_t)len;
    size_t n = strlen(mainbuf);
    snprintf(mainbuf + n, sizeof mainbuf - n, "导入 \"%s\"\n", name);
  }
  free(unit);
  write_file("main.jx", mainbuf);
  size_t arenas[3];
  free(compare(dir, arenas));
  CHECK(compare_xml(dir));
  if (arenas[1] * 2 >= arenas[0]) {
    fprintf(stderr, "streamed %zu bytes, whole %zu bytes\n", arenas[1], arenas[0]);
    check_failures++;
  }
  /* With the texts released, not even the imported files' texts stay. */
  if (arenas[2] + sources > arenas[1]) {
    fprintf(stderr, "released %zu bytes, streamed %zu bytes, sources %zu bytes\n",
            arenas[2], arenas[1], sources);
    check_failures++;
  }
  remove_file("main.jx");
  for (int i = 0; i < 40; i++) {
    char name[64];
    snprintf(name, sizeof name, "u%02d.jx", i);
    remove_file(name);
  }
  rmdir(dir);
  return check_failures ? 1 : 0;
}
