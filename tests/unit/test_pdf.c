/* --format=pdf: renders the bundled example and tests/render/forms.jx
 * through cairo and pango, then reads the PDF back with pdftotext as a
 * reader would search or copy it, and checks against the report model:
 *   - every cell of every table and every sentence of part one is in the
 *     text (blanks aside: a cell's lines are read one after the other);
 *   - an indicator row's cells are read in the form's order (三级指标,
 *     描述, 指标值 …, 依据), so rows are drawn whole and not interleaved;
 *   - no line of the PDF breaks inside a number with its unit or a term
 *     (breaks.h) that the document has: ≤5900元/人/年, 满意度指标 …; and
 *     tests/render/lines.jx, whose texts are made to wrap at every place
 *     of such runs, has no line that does.
 * Needs pdftotext (poppler-utils); skipped without it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "document.h"
#include "library.h"
#include "report.h"

/* The text of the PDF (pdftotext -raw: in the order it was drawn), as it
 * is (lines kept) or without blanks. */
static char *pdf_text(const char *file) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "pdftotext -raw '%s' - 2>/dev/null", file);
  FILE *p = popen(cmd, "r");
  if (!p) return NULL;
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + n, 1, cap - n - 1, p)) > 0) {
    n += got;
    if (n + 1 < cap) continue;
    char *bigger = realloc(buf, cap * 2);
    if (!bigger) free(buf);
    buf = bigger;
    cap *= 2;
  }
  if (pclose(p) != 0 || !buf) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  return buf;
}

/* s without blanks: ASCII ones, U+3000 (the indent of nested lines) and
 * U+2005 (the quarter-em space of justified paragraphs). With brk, marks
 * where the lines of s begin: brk[i] when a line break came before out[i]. */
static char *squeeze_marked(jx_arena *a, const char *s, bool *brk) {
  size_t n = strlen(s), o = 0;
  char *out = jx_arena_alloc(a, n + 1);
  bool pending = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '\f') {
      pending = true;
      continue;
    }
    if (brk && !(c == ' ' || c == '\t' || c == '\r')) {
      brk[o] = pending;
      if (!((c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) ||
            (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x85)))
        pending = false;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    if (c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x85) {
      i += 2;
      continue;
    }
    out[o++] = (char)c;
  }
  out[o] = '\0';
  return out;
}

static char *squeeze(jx_arena *a, const char *s) {
  return squeeze_marked(a, s, NULL);
}

typedef struct reader {
  jx_ctx *ctx;
  const jx_tables *r;
  const char *name;  /* of the document, for messages */
  const char *flat;  /* the PDF's text without blanks */
  const bool *brk;   /* brk[i]: a line of the PDF ends before flat[i] */
  int missing, broken, checked;
} reader;

static void has(reader *rd, const char *what, const char *text) {
  if (!text || !*text) return;
  rd->checked++;
  const char *want = squeeze(rd->ctx->arena, text);
  if (*want && !strstr(rd->flat, want)) {
    if (rd->missing++ < 20) fprintf(stderr, "%s: %s not in the PDF: %s\n", rd->name, what, text);
    check_failures++;
  }
}

/* No line of the PDF ends inside a kept run of a cell's text (breaks.h):
 * wherever the text is in the PDF, no line ends inside one of its runs. */
static void unbroken(reader *rd, const char *text) {
  if (!text || !*text) return;
  jx_arena *a = rd->ctx->arena;
  const char *want = squeeze(a, text);
  size_t n, wlen = strlen(want);
  if (!wlen) return;
  const jx_keep *runs = jx_breaks_find(rd->r->breaks, a, text, strlen(text), &n);
  for (const char *at = strstr(rd->flat, want); at; at = strstr(at + 1, want)) {
    size_t f = (size_t)(at - rd->flat);
    for (size_t i = 0; i < n; i++) {
      /* The run's place in the text without blanks. */
      size_t s = strlen(squeeze(a, jx_arena_strndup(a, text, runs[i].start)));
      const char *run = squeeze(a, jx_arena_strndup(a, text + runs[i].start,
                                                    runs[i].end - runs[i].start));
      size_t len = strlen(run);
      for (size_t k = 1; k < len; k++) {
        if (((unsigned char)run[k] & 0xC0) == 0x80 || !rd->brk[f + s + k]) continue;
        if (rd->broken++ < 20)
          fprintf(stderr, "%s: a line breaks inside \"%s\" (of \"%s\")\n", rd->name, run, text);
        check_failures++;
        break;
      }
    }
  }
}

static void cell(reader *rd, const char *what, const char *text) {
  has(rd, what, text);
  unbroken(rd, text);
}

static void fields(reader *rd, const jx_list *l) {
  for (size_t i = 0; i < l->len; i++) {
    const jx_report_field *f = l->items[i];
    cell(rd, "a label", f->label);
    cell(rd, f->label, f->text);
  }
}

static void project(reader *rd, const jx_report_project *p) {
  cell(rd, "a title", jx_arena_printf(rd->ctx->arena, "%d. %s绩效目标表", p->number, p->name));
  cell(rd, "a code", p->code);
  cell(rd, "a name", p->name);
  cell(rd, "预算数", p->budget);
  cell(rd, "财政资金", p->fiscal);
  cell(rd, "其他资金", p->other);
  cell(rd, "资金用途", p->purpose);
  cell(rd, "绩效目标", p->target);
  cell(rd, "中期目标", p->medium_target);
  cell(rd, "其他说明", p->notes);
  for (int m = 0; m < p->nmonths; m++) {
    cell(rd, "a month", jx_arena_printf(rd->ctx->arena, "%d月底", p->months[m]));
    cell(rd, "a plan cell", p->plan[m]);
  }
  fields(rd, &p->info);
  fields(rd, &p->texts);
  fields(rd, &p->labelled);
  for (size_t i = 0; i < p->stages.len; i++) {
    const jx_report_stage *s = p->stages.items[i];
    /* A stage's cells are read in order. */
    has(rd, "a stage", jx_arena_printf(rd->ctx->arena, "%s%s%s", s->name, s->when, s->description));
    unbroken(rd, s->when);
  }
  for (size_t i = 0; i < p->sources.len; i++) {
    const jx_report_source *s = p->sources.items[i];
    const char *line = s->label;
    for (int k = 0; k < JX_REPORT_NBUDGETS; k++)
      if (p->budgets[k]) line = jx_arena_printf(rd->ctx->arena, "%s%s", line, s->cell[k]);
    has(rd, "a funding line", line);
  }
  for (size_t i = 0; i < p->rows.len; i++) {
    const jx_report_row *row = p->rows.items[i];
    cell(rd, "一级指标", row->level1);
    cell(rd, "二级指标", row->level2);
    cell(rd, "三级指标", row->name);
    cell(rd, "绩效指标描述", row->description);
    cell(rd, "指标值", row->value);
    cell(rd, "长期指标值", row->long_term);
    cell(rd, "绩效标准", row->standard);
    cell(rd, "指标值确定依据", row->basis);
    /* The row's cells in the form's order. */
    const char *rest = jx_arena_printf(
        rd->ctx->arena, "%s%s%s%s%s%s", row->name, p->flat_description || !row->flat ? row->description : "",
        row->value, p->has_long_term ? row->long_term : "", p->has_standard ? row->standard : "",
        row->basis);
    has(rd, "an indicator row in order", rest);
  }
}

static void document(reader *rd) {
  const jx_tables *r = rd->r;
  jx_arena *a = rd->ctx->arena;
  if (r->whole_document) {
    cell(rd, "the department", r->department);
    cell(rd, "the compiler", r->compiled_by);
    cell(rd, "the reviewer", r->reviewed_by);
    cell(rd, "总体绩效目标", r->overall_target);
    for (size_t i = 0; i < r->sub_targets.len; i++) {
      const jx_sub_target *s = r->sub_targets.items[i];
      cell(rd, "a sub-target", s->title.text);
      for (size_t k = 0; k < s->texts.len; k++)
        cell(rd, "a sub-target text", ((const jx_text_item *)s->texts.items[k])->text.text);
    }
    for (size_t i = 0; i < r->safeguards.len; i++) {
      const jx_safeguard *s = r->safeguards.items[i];
      cell(rd, "a safeguard", s->title.text);
      cell(rd, "a safeguard text", s->text.text);
    }
  }
  for (size_t i = 0; i < r->lines.len; i++) {
    const jx_report_line *l = r->lines.items[i];
    has(rd, "a summary line",
        jx_arena_printf(a, "%s%s%s%s%s%s%s", l->code, l->name, l->projects, l->budget, l->fiscal,
                        l->other, l->rows));
  }
  has(rd, "the summary's total",
      jx_arena_printf(a, "合计%d%s%s%s%d", r->nprojects, r->budget, r->fiscal, r->other, r->nrows));
  for (size_t u = 0; u < r->units.len; u++) {
    const jx_report_unit *unit = r->units.items[u];
    cell(rd, "a unit", unit->heading);
    for (size_t k = 0; k < unit->projects.len; k++) project(rd, unit->projects.items[k]);
  }
}

static void check_document(const char *path, const char *name, int min_cells) {
  jx_ctx *ctx = jx_ctx_new();
  const char *why = NULL;
  jx_document *doc = jx_document_load(ctx, path, &why);
  if (!doc) {
    fprintf(stderr, "cannot load %s: %s\n", path, why);
    check_failures++;
    return;
  }
  jx_library base = {0};
  const char *dir = jx_stdlib_dir(ctx);
  if (!dir || !jx_library_load(ctx, dir, &base, &why)) {
    fprintf(stderr, "cannot load the standard library\n");
    check_failures++;
    return;
  }
  jx_library lib = jx_library_for_document(ctx, &base, doc);
  CHECK_INT(ctx->nerrors, 0);
  jx_report_options opt = {0};
  jx_tables *r = jx_report_build(ctx, doc, &lib, &opt, &why);
  CHECK(r != NULL);
  if (!r) return;
  char file[] = "/tmp/jx-test-pdf-XXXXXX";
  int fd = mkstemp(file);
  CHECK(fd >= 0);
  if (fd >= 0) close(fd);
  bool written = jx_render_pdf(ctx, r, &opt, file, &why);
  if (!written) fprintf(stderr, "jx_render_pdf: %s\n", why ? why : "(no reason)");
  CHECK(written);
  char *text = written ? pdf_text(file) : NULL;
  CHECK(text != NULL);
  if (text) {
    bool *brk = jx_arena_alloc(ctx->arena, strlen(text) + 1);
    reader rd = {ctx, r, name, squeeze_marked(ctx->arena, text, brk), brk, 0, 0, 0};
    document(&rd);
    if (rd.checked < min_cells) {
      fprintf(stderr, "%s: only %d cells checked\n", name, rd.checked);
      check_failures++;
    }
    fprintf(stderr, "%s: %d cells checked, %d missing, %d broken\n", name, rd.checked, rd.missing,
            rd.broken);
  }
  free(text);
  unlink(file);
  jx_ctx_free(ctx);
}

int main(void) {
  if (system("pdftotext -v >/dev/null 2>&1") != 0) {
    fprintf(stderr, "SKIP: pdftotext is not installed (run tools/install-deps.sh)\n");
    return 77;
  }
  const char *examples = getenv("EXAMPLES"), *tests = getenv("TESTS_SRCDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/chengde-justice-2025", examples ? examples : "examples");
  check_document(path, "chengde-justice-2025", 1500);
  snprintf(path, sizeof path, "%s/render/forms.jx", tests ? tests : "tests");
  check_document(path, "forms.jx", 150);
  snprintf(path, sizeof path, "%s/render/lines.jx", tests ? tests : "tests");
  check_document(path, "lines.jx", 100);
  return CHECK_DONE();
}
