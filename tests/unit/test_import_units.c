/* Importing a budget unit at a time (jx_xml_import_units: the reader
 * collects, its builder thread builds and calls the sink, which formats
 * each unit) must say and make exactly what importing the whole document
 * says and makes: the same verdict, the same findings in the same order,
 * the same source and the same findings of formatting it. Every XML file
 * of tests/import and of the import fuzzer's corpus, with the builder on a
 * thread of its own and on the caller's. */
#include <stdlib.h>

#include "../import_sink.h"
#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "format.h"
#include "xml_read.h"

static const char *xsd;
static int compared;

/* The source a unit-at-a-time import makes; formatting reports into a ctx
 * of its own, which the reading thread never touches. */
typedef struct made {
  jx_ctx *ctx;
  FILE *out;
  bool ok; /* every unit could be written */
  int units;
} made;

static void piece(const jx_list *items, bool first, void *data) {
  made *m = data;
  if (!jx_format_items(m->ctx, items, first, m->out)) m->ok = false;
  m->units++;
}

/* The findings of ctx from index from on, one line each. */
static char *findings(const jx_ctx *ctx, size_t from) {
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  if (!out) abort();
  for (size_t i = from; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    fprintf(out, "%d %s %d:%d-%d:%d %s | %s\n", (int)d->sev, d->code, d->loc.first_line,
            d->loc.first_column, d->loc.last_line, d->loc.last_column, d->msg,
            d->hint ? d->hint : "");
  }
  fclose(out);
  return text;
}

static void compare(const char *path, bool threads) {
  const char *why = NULL;
  jx_ctx *whole = jx_ctx_new();
  jx_file *f = jx_xml_import(whole, whole->arena, path, xsd, &why);
  size_t read_findings = whole->diags.len;
  char *a = findings(whole, 0);
  char *text = NULL;
  size_t len = 0;
  bool written = false;
  if (f) {
    FILE *out = open_memstream(&text, &len);
    written = jx_format_file(whole, f, out);
    fclose(out);
  }

  jx_ctx *units = jx_ctx_new();
  units->single_thread = !threads;
  made m = {jx_ctx_new(), NULL, true, 0};
  char *unit_text = NULL;
  size_t unit_len = 0;
  m.out = open_memstream(&unit_text, &unit_len);
  jx_xml_items_sink sink = {piece, jx_test_swap_arena, &m};
  int xml_file;
  const char *unit_why = NULL;
  bool read = jx_xml_import_units(units, units->arena, path, xsd, &sink, &xml_file, &unit_why);
  fclose(m.out);

  char *b = findings(units, 0);
  if ((f != NULL) != read || strcmp(a, b) || (why == NULL) != (unit_why == NULL)) {
    fprintf(stderr, "%s (%s): whole %s, units %s\n--- whole:\n%s--- units:\n%s", path,
            threads ? "two threads" : "one thread", f ? "read" : "refused",
            read ? "read" : "refused", a, b);
    check_failures++;
  }
  free(b);
  free(a);
  if (f && read) {
    a = findings(whole, read_findings);
    b = findings(m.ctx, 0);
    CHECK_INT(m.ok, written);
    if (written && (len != unit_len || memcmp(text, unit_text, len))) {
      fprintf(stderr, "%s (%s): the source made differs\n", path,
              threads ? "two threads" : "one thread");
      check_failures++;
    }
    CHECK_STR(b, a);
    CHECK(m.units >= 1);
    free(b);
    free(a);
  }
  free(unit_text);
  free(text);
  jx_ctx_free(m.ctx);
  jx_ctx_free(units);
  jx_ctx_free(whole);
  compared++;
}

/* Both ways: the builder on a thread of its own and on the caller's. */
static void compare_both(const char *path) {
  compare(path, true);
  compare(path, false);
}

int main(void) {
  const char *schema = getenv("JIXIAO_SCHEMA"), *tests = getenv("TESTS_SRCDIR");
  char buf[4096], dir[4096];
  snprintf(buf, sizeof buf, "%s/jixiao-1.xsd", schema ? schema : "schema");
  xsd = buf;
  if (!tests) tests = "tests";
  snprintf(dir, sizeof dir, "%s/import", tests);
  /* (The golden tests keep their expectations beside them.) */
  CHECK(each_file(dir, ".xml", "", compare_both) >= 40);
  snprintf(dir, sizeof dir, "%s/fuzz/corpus-import", tests);
  CHECK(each_file(dir, "", "", compare_both) >= 1);
  fprintf(stderr, "%d imports compared\n", compared);
  return CHECK_DONE();
}
