#include <config.h>

#include "sarif.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "json.h"

static void region(jx_json *j, jx_loc loc) {
  jx_json_key(j, "region");
  jx_json_begin_object(j);
  jx_json_key(j, "startLine");
  jx_json_int(j, loc.first_line);
  jx_json_key(j, "startColumn");
  jx_json_int(j, loc.first_column);
  if (loc.last_line >= loc.first_line && loc.last_column > 0) {
    jx_json_key(j, "endLine");
    jx_json_int(j, loc.last_line);
    jx_json_key(j, "endColumn");
    jx_json_int(j, loc.last_column);
  }
  jx_json_end_object(j);
}

/* A location: the file, and the region when it has a line. SARIF columns
 * count characters too (its default columnKind is utf16CodeUnits, so the run
 * says unicodeCodePoints). */
static void location(jx_json *j, const jx_ctx *ctx, jx_loc loc, const char *msg) {
  jx_json_begin_object(j);
  if (msg) {
    jx_json_key(j, "message");
    jx_json_begin_object(j);
    jx_json_key(j, "text");
    jx_json_string(j, msg);
    jx_json_end_object(j);
  }
  jx_json_key(j, "physicalLocation");
  jx_json_begin_object(j);
  jx_json_key(j, "artifactLocation");
  jx_json_begin_object(j);
  jx_json_key(j, "uri");
  jx_json_string(j, jx_ctx_source(ctx, loc.file)->path);
  jx_json_end_object(j);
  if (loc.first_line > 0) region(j, loc);
  jx_json_end_object(j);
  jx_json_end_object(j);
}

static void result(jx_json *j, const jx_ctx *ctx, const jx_diag *d) {
  jx_json_begin_object(j);
  jx_json_key(j, "ruleId");
  jx_json_string(j, d->code);
  jx_json_key(j, "level");
  jx_json_string(j, d->sev == JX_SEV_ERROR ? "error" : "warning");
  jx_json_key(j, "message");
  jx_json_begin_object(j);
  jx_json_key(j, "text");
  /* SARIF viewers show one message: the hint belongs in it. */
  char *text = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&text, &len);
  if (m) {
    fputs(d->msg, m);
    if (d->hint) fprintf(m, " %s", d->hint);
    fclose(m);
  }
  jx_json_string(j, text ? text : d->msg);
  free(text);
  jx_json_end_object(j);
  jx_json_key(j, "locations");
  jx_json_begin_array(j);
  location(j, ctx, d->loc, NULL);
  jx_json_end_array(j);
  if (d->notes.len) {
    jx_json_key(j, "relatedLocations");
    jx_json_begin_array(j);
    for (size_t i = 0; i < d->notes.len; i++) {
      const jx_diag_note *n = d->notes.items[i];
      location(j, ctx, n->loc, n->msg);
    }
    jx_json_end_array(j);
  }
  jx_json_end_object(j);
}

void jx_diags_print_sarif(const jx_ctx *ctx, FILE *out, size_t max) {
  jx_json j;
  jx_json_init(&j, out);
  jx_json_begin_object(&j);
  jx_json_key(&j, "$schema");
  jx_json_string(&j, "https://json.schemastore.org/sarif-2.1.0.json");
  jx_json_key(&j, "version");
  jx_json_string(&j, "2.1.0");
  jx_json_key(&j, "runs");
  jx_json_begin_array(&j);
  jx_json_begin_object(&j);
  jx_json_key(&j, "tool");
  jx_json_begin_object(&j);
  jx_json_key(&j, "driver");
  jx_json_begin_object(&j);
  jx_json_key(&j, "name");
  jx_json_string(&j, "jxc");
  jx_json_key(&j, "version");
  jx_json_string(&j, PACKAGE_VERSION);
  jx_json_key(&j, "informationUri");
  jx_json_string(&j, "doc/checks.md");
  jx_json_end_object(&j);
  jx_json_end_object(&j);
  jx_json_key(&j, "columnKind");
  jx_json_string(&j, "unicodeCodePoints");
  jx_json_key(&j, "results");
  jx_json_begin_array(&j);
  size_t n = ctx->diags.len;
  if (max && n > max) n = max;
  for (size_t i = 0; i < n; i++) result(&j, ctx, ctx->diags.items[i]);
  jx_json_end_array(&j);
  jx_json_end_object(&j);
  jx_json_end_array(&j);
  jx_json_end_object(&j);
  fputc('\n', out);
}
