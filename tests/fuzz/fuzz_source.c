/* libFuzzer harness: any bytes as a jixiao source file must be read,
 * checked (with the same findings whether the checker keeps the tree or
 * works from its outline, as it does one file at a time, and with the same
 * XML whether written from the tree or following a reading), formatted
 * and, when clean, formatted again to the same tree,
 * and compared by jxc diff with its formatted text (no difference) and with
 * an empty document, in every report format, without a crash, a leak or
 * undefined behaviour. Build and run with
 * `make fuzz` (clang with -fsanitize=fuzzer,address,undefined). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ctx.h"
#include "diag.h"
#include "diff.h"
#include "document.h"
#include "format.h"
#include "library.h"
#include "parse.h"
#include "xml_write.h"

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

/* Every diagnostic with all it says, one a line (malloc'd). */
static char *diag_text(const jx_ctx *ctx) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  for (size_t i = 0; i < ctx->diags.len; i++) {
    const jx_diag *d = ctx->diags.items[i];
    fprintf(out, "%s %d:%d:%d-%d:%d %s|%s", d->code, d->loc.file, d->loc.first_line,
            d->loc.first_column, d->loc.last_line, d->loc.last_column, d->msg,
            d->hint ? d->hint : "");
    for (size_t k = 0; k < d->notes.len; k++) {
      const jx_diag_note *n = d->notes.items[k];
      fprintf(out, "|%d:%d %s", n->loc.first_line, n->loc.first_column, n->msg);
    }
    fputc('\n', out);
  }
  fclose(out);
  return buf;
}

static void same_text(char *a, char *b) {
  if (strcmp(a, b) != 0) {
    fprintf(stderr, "differ:\n%s---\n%s", a, b);
    abort();
  }
  free(a);
  free(b);
}

/* The input checked from its outline (as jxc check does one file at a
 * time) finds what checking its tree found (in checked). */
static void same_from_outline(const unsigned char *data, size_t size, const jx_library *lib,
                              const jx_ctx *checked) {
  jx_ctx *ctx = jx_ctx_new();
  jx_file *f = jx_parse(ctx, jx_source_add(ctx, "fuzz.jx", (const char *)data, size));
  jx_document root = {0};
  jx_list_push(ctx->arena, &root.files, f);
  jx_list_push(ctx->arena, &root.roots, f);
  jx_checker *c = jx_checker_new(ctx, lib, &root, true);
  if (!jx_checker_file(c, f)) abort(); /* the root may hold anything */
  jx_checker_finish(c);
  same_text(diag_text(checked), diag_text(ctx));
  jx_ctx_free(ctx);
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

/* What a reading of the input alone tells a writer following it: the file,
 * then each of its imports dealt with (none is read here), then the end. */
struct events {
  jx_xml_event *items; /* malloc'd */
  size_t len, next;
};

static jx_xml_event play(void *data) {
  struct events *e = data;
  return e->next < e->len ? e->items[e->next++] : (jx_xml_event){.kind = JX_XML_CANCEL};
}

static struct events reading(const jx_file *f, int id, const jx_source *src) {
  struct events e = {calloc(f->items.len + 2, sizeof(jx_xml_event)), 0, 0};
  if (!e.items) abort();
  e.items[e.len++] = (jx_xml_event){JX_XML_FILE, id, src};
  for (size_t i = 0; i < f->items.len; i++)
    if (((const jx_node *)f->items.items[i])->kind == JX_NODE_IMPORT)
      e.items[e.len++] = (jx_xml_event){.kind = JX_XML_IMPORT_DONE};
  e.items[e.len++] = (jx_xml_event){.kind = JX_XML_END};
  return e;
}

/* The XML written from the tree and by a writer following a reading of
 * the input: the same text, or the same findings. */
static void same_xml(const unsigned char *data, size_t size) {
  jx_ctx *a = jx_ctx_new(), *b = jx_ctx_new();
  jx_file *f = jx_parse(a, jx_source_add(a, "fuzz.jx", (const char *)data, size));
  jx_document doc = {0};
  jx_list_push(a->arena, &doc.files, f);
  jx_list_push(a->arena, &doc.roots, f);
  text x = {0}, y = {0};
  bool wrote = jx_xml_write(a, &doc, to_text, &x);
  int id = jx_source_add(b, "fuzz.jx", (const char *)data, size);
  struct events e = reading(f, id, jx_ctx_source(b, id));
  bool cancelled = false;
  if (jx_xml_write_following(b, play, &e, to_text, &y, &cancelled) != wrote || cancelled ||
      e.next != e.len)
    abort();
  free(e.items);
  if (wrote) {
    same_text(x.bytes ? x.bytes : strdup(""), y.bytes ? y.bytes : strdup(""));
  } else {
    free(x.bytes);
    free(y.bytes);
  }
  same_text(diag_text(a), diag_text(b));
  jx_ctx_free(a);
  jx_ctx_free(b);
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
    if (have_lib) {
      jx_check(ctx, &doc, lib);
      same_from_outline(data, size, lib, ctx);
    }
    same_xml(data, size);
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
