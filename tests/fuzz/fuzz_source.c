/* libFuzzer harness: any bytes as a jixiao source file must be read,
 * checked, formatted and, when clean, formatted again to the same tree,
 * and compared by jxc diff with its formatted text (no difference) and with
 * an empty document, in every report format, without a crash, a leak or
 * undefined behaviour. Build and run with
 * `make fuzz` (clang with -fsanitize=fuzzer,address,undefined). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ctx.h"
#include "diff.h"
#include "document.h"
#include "format.h"
#include "library.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* The standard library, read once: it lives in its own ctx for the whole
 * run, and the checker only reads it. Reading it for every input would make
 * the fuzzer ten times slower. */
static const jx_library *stdlib(void) {
  static jx_ctx *lib_ctx;
  static jx_library lib;
  static bool have;
  if (!lib_ctx) {
    lib_ctx = jx_ctx_new();
    const char *dir = jx_stdlib_dir(lib_ctx);
    const char *why = NULL;
    have = dir && jx_library_load(lib_ctx, dir, &lib, &why) && !lib_ctx->nerrors;
  }
  return have ? &lib : NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  const jx_library *lib = stdlib();
  jx_ctx *ctx = jx_ctx_new();
  bool have_lib = lib != NULL;
  int id = jx_source_add(ctx, "fuzz.jx", (const char *)data, size);
  int before = ctx->nerrors;
  jx_file *f = jx_parse(ctx, id);
  if (ctx->nerrors == before) {
    jx_document doc = {0};
    jx_list_push(ctx->arena, &doc.files, f);
    jx_list_push(ctx->arena, &doc.roots, f);
    if (have_lib) jx_check(ctx, &doc, lib);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    bool ok = jx_format_file(ctx, f, out);
    fclose(out);
    if (ok) {
      int again = ctx->nerrors;
      jx_file *g = jx_parse(ctx, jx_source_add(ctx, "formatted.jx", text, len));
      /* What the formatter writes must always read back. */
      if (ctx->nerrors != again) abort();
      if (have_lib) {
        /* ... and mean the same: the diff sees no difference. */
        jx_document formatted = {0}, empty = {0};
        jx_list_push(ctx->arena, &formatted.files, g);
        jx_list_push(ctx->arena, &formatted.roots, g);
        jx_diff_input a = {"fuzz.jx", &doc, NULL}, b = {"formatted.jx", &formatted, NULL};
        jx_diff_input e = {"empty", &empty, NULL};
        jx_diff_options opt = {NULL};
        const char *why = NULL;
        jx_diff *d = jx_diff_build(ctx, lib, &a, &b, &opt, &why);
        if (!d || d->differs) abort();
        d = jx_diff_build(ctx, lib, &e, &a, &opt, &why);
        if (!d) abort();
        jx_diff_render_options ro = {false, true};
        FILE *sink = fopen("/dev/null", "w");
        jx_diff_render_text(ctx, d, &ro, sink);
        jx_diff_render_markdown(ctx, d, &ro, sink);
        jx_diff_render_html(ctx, d, &ro, sink);
        jx_diff_render_json(ctx, d, &ro, sink);
        fclose(sink);
      }
    }
    free(text);
  }
  jx_ctx_free(ctx);
  return 0;
}
