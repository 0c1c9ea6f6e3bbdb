/* libFuzzer harness for jxc import: any bytes as an exchange XML file must
 * be refused with diagnostics or imported into source that reads back,
 * without a crash, a leak or a hang; and importing it a budget unit at a
 * time (as jxc import does, the units built on the reader's second thread)
 * must give the same verdict, the same findings and the same source as
 * importing it whole. Run with `make fuzz-import`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctx.h"
#include "diag.h"
#include "format.h"
#include "parse.h"
#include "xml_read.h"
#include "../import_sink.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* The source of a document imported a unit at a time. The sink runs on
 * the reader's builder thread: it reports into a ctx of its own. */
typedef struct pieces {
  jx_ctx *ctx;
  FILE *out;
  bool ok; /* every unit could be written */
} pieces;

static void piece(const jx_list *items, bool first, void *data) {
  pieces *p = data;
  if (!jx_format_items(p->ctx, items, first, p->out)) p->ok = false;
}

/* Whether a and b hold the same findings, in the same order. */
static bool same_findings(const jx_ctx *a, size_t na, const jx_ctx *b) {
  if (na != b->diags.len) return false;
  for (size_t i = 0; i < na; i++) {
    const jx_diag *x = a->diags.items[i], *y = b->diags.items[i];
    if (x->sev != y->sev || strcmp(x->code, y->code) || strcmp(x->msg, y->msg) ||
        x->loc.first_line != y->loc.first_line || x->loc.first_column != y->loc.first_column ||
        x->loc.last_column != y->loc.last_column)
      return false;
  }
  return true;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  char path[] = "/tmp/jx-fuzz-import-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  jx_ctx *ctx = jx_ctx_new();
  const char *xsd = getenv("JIXIAO_SCHEMA_FILE");
  const char *why = NULL;
  if (!xsd) xsd = "schema/jixiao-1.xsd";
  jx_file *f = jx_xml_import(ctx, ctx->arena, path, xsd, &why);
  size_t read_findings = ctx->diags.len;
  jx_ctx *units = jx_ctx_new();
  char *unit_text = NULL;
  size_t unit_len = 0;
  pieces p = {jx_ctx_new(), open_memstream(&unit_text, &unit_len), true};
  jx_xml_items_sink sink = {piece, jx_test_swap_arena, &p};
  int xml_file;
  bool read = jx_xml_import_units(units, units->arena, path, xsd, &sink, &xml_file, &why);
  fclose(p.out);
  unlink(path);
  if (read != (f != NULL)) abort();
  if (!same_findings(ctx, read_findings, units)) abort();
  if (f) {
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool ok = jx_format_file(ctx, f, out);
    fclose(out);
    if (ok != p.ok) abort();
    if (ok && (len != unit_len || memcmp(text, unit_text, len))) abort();
    int before = ctx->nerrors;
    if (ok) jx_parse(ctx, jx_source_add(ctx, "imported.jx", text, len));
    /* What import writes must always read back. */
    if (ok && ctx->nerrors != before) abort();
    free(text);
  }
  free(unit_text);
  jx_ctx_free(p.ctx);
  jx_ctx_free(units);
  jx_ctx_free(ctx);
  return 0;
}
